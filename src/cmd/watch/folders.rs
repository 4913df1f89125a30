//! Which folders `build --watch` watches, and paths written as the system names them in
//! what it reports (absolute, links resolved), so that the two can be compared.

use crate::cli::BuildArgs;
use crate::cmd::inputs::named_or_default;
use crate::files;
use std::fs;
use std::path::{Path, PathBuf};

/// A folder to watch, absolute with links resolved, and whether its sub-folders are watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    /// The folder.
    pub path: PathBuf,
    /// Its sub-folders too, at any depth.
    pub recursive: bool,
}

/// The folders whose files a build of `args` reads: each folder named, with its sub-folders
/// (its reports are found in them); the folder of each report file named (its earlier
/// quarters and logos lie there); and a layout folder. A path that does not exist is left
/// out: the build says so. A folder inside another watched with its sub-folders is not
/// watched twice.
pub fn watched(args: &BuildArgs) -> Vec<Folder> {
    let layout = Path::new(&args.layout);
    let layout = layout.is_dir().then(|| layout.to_path_buf());
    let mut folders = Vec::new();
    for path in named_or_default(&args.paths).into_iter().chain(layout) {
        let (folder, recursive) = match path.is_dir() {
            true => (path.as_path(), true),
            false => (files::folder_of(&path), false),
        };
        if let Ok(path) = fs::canonicalize(folder) {
            add(&mut folders, Folder { path, recursive });
        }
    }
    folders
}

/// Adds `folder` to `folders` unless one of them already covers it, dropping those it covers.
fn add(folders: &mut Vec<Folder>, folder: Folder) {
    let covers = |outer: &Folder, inner: &Folder| match outer.recursive {
        true => inner.path.starts_with(&outer.path),
        false => inner.path == outer.path && !inner.recursive,
    };
    if folders.iter().any(|known| covers(known, &folder)) {
        return;
    }
    folders.retain(|known| !covers(&folder, known));
    folders.push(folder);
}

/// `path` as the system names it in a change: absolute, with links resolved as far as it
/// exists (a deleted file, or an output folder not yet made, is named below the part that
/// does).
pub fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    match path.file_name() {
        Some(name) if path.parent().is_some() => absolute(files::folder_of(path)).join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(path: &str, recursive: bool) -> Folder {
        let path = PathBuf::from(path);
        Folder { path, recursive }
    }

    #[test]
    fn a_folder_inside_one_watched_with_its_sub_folders_is_not_watched_twice() {
        let mut folders = Vec::new();
        add(&mut folders, folder("/r/a", false));
        add(&mut folders, folder("/r/b", false));
        add(&mut folders, folder("/r/a", true));
        assert_eq!(folders, [folder("/r/b", false), folder("/r/a", true)]);
        add(&mut folders, folder("/r/a/logos", false));
        add(&mut folders, folder("/r", true));
        assert_eq!(folders, [folder("/r", true)]);
        add(&mut folders, folder("/layout", true));
        assert_eq!(folders.len(), 2);
    }

    #[test]
    fn a_path_that_does_not_exist_is_named_below_the_part_that_does() {
        let here = fs::canonicalize(".").unwrap();
        assert_eq!(absolute(Path::new("no-such/out")), here.join("no-such/out"));
        assert_eq!(absolute(Path::new("src")), here.join("src"));
    }
}
