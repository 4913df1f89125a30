//! Reading files that colleagues sent: plain files only, inside their folder, within a size.
//!
//! Report folders, logos and layouts are untrusted. Every file kvartal reads from them goes
//! through [`read_plain`]: a symbolic link, a FIFO, a device or a socket is refused before it
//! is opened (so `/dev/zero` or a named pipe can neither fill the memory nor hang the run),
//! and no more than the caller's limit is ever read. [`inside`] resolves a name written in
//! a file (a logo, a picture inside an SVG) against the folder it must stay in, refusing
//! absolute paths, `..` and links on the way; [`plain_files`] lists a folder's files without
//! leaving it.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Why a file was not read. Each is worded for the person who named the file.
#[derive(Debug)]
pub enum ReadError {
    /// No file by that name.
    NotFound,
    /// A symbolic link: it could point anywhere on the machine.
    Link,
    /// A folder, FIFO, device or socket where a file was expected.
    NotPlain,
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    /// The name leaves its folder: absolute, with `..`, or a drive or share.
    Outside,
    /// The system could not open or read it.
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("no such file"),
            ReadError::Link => f.write_str("it is a symbolic link; only plain files are read"),
            ReadError::NotPlain => f.write_str("it is not a plain file"),
            ReadError::TooLarge(limit) => write!(f, "it is larger than {}", size(*limit)),
            ReadError::Outside => f.write_str("it lies outside its folder"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// `limit` bytes as people write sizes: "10 MB", "512 KB".
pub fn size(limit: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if limit >= MB {
        format!("{} MB", limit / MB)
    } else {
        format!("{} KB", limit.div_ceil(1024))
    }
}

/// The whole of the plain file `path`, or why not: a link, a special file, or more than
/// `limit` bytes. At most `limit + 1` bytes are read whatever the file claims.
pub fn read_plain(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let bytes = read_plain_head(path, limit)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// The first `limit + 1` bytes of the plain file `path` at most: more than `limit` tells
/// the caller the file is too large while it can still look at the file's start (a report
/// names its language there, for the message saying so).
pub fn read_plain_head(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_plain(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    Ok(bytes)
}

/// As [`read_plain`], for text files; bytes that are not UTF-8 are an error.
pub fn read_plain_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_plain(path, limit)?;
    String::from_utf8(bytes).map_err(|_| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "it is not UTF-8 text",
        ))
    })
}

/// Opens `path` only when it is a plain file and not a link. The check is made on the
/// path and again on the opened file, so a file swapped in between is caught too.
fn open_plain(path: &Path) -> Result<File, ReadError> {
    let before = std::fs::symlink_metadata(path).map_err(not_found_or_io)?;
    kind(&before)?;
    let file = open_no_follow(path).map_err(not_found_or_io)?;
    let after = file.metadata().map_err(ReadError::Io)?;
    kind(&after)?;
    Ok(file)
}

fn kind(metadata: &Metadata) -> Result<(), ReadError> {
    if metadata.file_type().is_symlink() {
        Err(ReadError::Link)
    } else if metadata.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotPlain)
    }
}

/// Opening neither follows a link nor waits for a FIFO's writer.
#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

fn not_found_or_io(e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    }
}

/// The folder `file` is in; `.` for a bare name.
pub fn folder_of(file: &Path) -> &Path {
    match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `name` (as written in a file, relative to `folder`) as a path inside `folder`, or
/// [`ReadError::Outside`] when it is absolute, climbs with `..`, names a drive, a share or a
/// URL scheme, or passes through a symbolic link on the way. The file itself is checked
/// when it is read.
pub fn inside(folder: &Path, name: &str) -> Result<PathBuf, ReadError> {
    let written = Path::new(name);
    let plain = written
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    // `C:` or `\\server` on Windows, and a scheme (`file:`) anywhere, are not relative names.
    let foreign = name.contains(':') || name.contains('\\');
    if name.trim().is_empty() || !plain || foreign {
        return Err(ReadError::Outside);
    }
    let mut path = folder.to_path_buf();
    let mut parts = written.components().peekable();
    while let Some(part) = parts.next() {
        path.push(part);
        let last = parts.peek().is_none();
        if !last {
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.file_type().is_symlink() => return Err(ReadError::Outside),
                _ => {}
            }
        }
    }
    Ok(path)
}

/// What [`plain_files`] found in a folder.
#[derive(Debug, Default)]
pub struct Listing {
    /// Plain files that `wanted` accepts, sorted.
    pub files: Vec<PathBuf>,
    /// Links and special files that `wanted` would have accepted by name, and links to
    /// folders; never followed.
    pub skipped: Vec<PathBuf>,
}

/// Folders deeper than this below the one named are not searched: report trees are two or
/// three levels deep, and a bound keeps a pathological tree from taking the run.
pub const MAX_DEPTH: usize = 16;
/// More entries than this in one search is not a report folder (a home folder, a disk).
pub const MAX_ENTRIES: usize = 100_000;

/// Plain files under `dir` whose names `wanted` accepts, searched `depth` folders deep (0:
/// only `dir` itself). Links are never followed, to files or to folders, so the search
/// stays inside `dir`; links and special files with wanted names are listed as skipped.
pub fn plain_files(
    dir: &Path,
    depth: usize,
    wanted: &dyn Fn(&Path) -> bool,
) -> std::io::Result<Listing> {
    let mut listing = Listing::default();
    let mut entries = 0;
    walk(dir, depth, wanted, &mut listing, &mut entries)?;
    listing.files.sort();
    listing.skipped.sort();
    Ok(listing)
}

fn walk(
    dir: &Path,
    depth: usize,
    wanted: &dyn Fn(&Path) -> bool,
    listing: &mut Listing,
    entries: &mut usize,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        *entries += 1;
        if *entries > MAX_ENTRIES {
            return Err(std::io::Error::other(format!(
                "more than {MAX_ENTRIES} files and folders; name the report folder itself"
            )));
        }
        let entry = entry?;
        let path = entry.path();
        // `file_type` describes the entry itself: a link is a link, not what it points to.
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if depth > 0 {
                walk(&path, depth - 1, wanted, listing, entries)?;
            }
        } else if kind.is_file() {
            if wanted(&path) {
                listing.files.push(path);
            }
        } else if wanted(&path) || (kind.is_symlink() && path.is_dir()) {
            listing.skipped.push(path);
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("kvartal-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        dir
    }

    #[test]
    fn links_devices_and_fifos_are_refused_before_reading() {
        let dir = folder("special");
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.yaml")).unwrap();
        let fifo = dir.join("pipe.yaml");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(matches!(
            read_plain(&dir.join("zero.yaml"), 10),
            Err(ReadError::Link)
        ));
        assert!(matches!(
            read_plain(Path::new("/dev/zero"), 10),
            Err(ReadError::NotPlain)
        ));
        if status.is_ok_and(|s| s.success()) {
            assert!(matches!(read_plain(&fifo, 10), Err(ReadError::NotPlain)));
        }
        assert!(matches!(read_plain(&dir, 10), Err(ReadError::NotPlain)));
    }

    #[test]
    fn no_more_than_the_limit_is_read() {
        let dir = folder("limit");
        std::fs::write(dir.join("a.txt"), b"12345").unwrap();
        assert_eq!(read_plain(&dir.join("a.txt"), 5).unwrap(), b"12345");
        assert!(matches!(
            read_plain(&dir.join("a.txt"), 4),
            Err(ReadError::TooLarge(4))
        ));
    }

    #[test]
    fn names_stay_inside_their_folder() {
        let dir = folder("inside");
        std::fs::create_dir(dir.join("logos")).unwrap();
        std::os::unix::fs::symlink("/etc", dir.join("etc")).unwrap();
        assert_eq!(
            inside(&dir, "logos/a.png").unwrap(),
            dir.join("logos/a.png")
        );
        for name in ["/etc/hostname", "../x.png", "logos/../../x", "etc/hostname"] {
            assert!(
                matches!(inside(&dir, name), Err(ReadError::Outside)),
                "{name}"
            );
        }
        for name in [
            "file:///etc/hostname",
            "C:\\x.png",
            "\\\\server\\share\\x.png",
            " ",
        ] {
            assert!(
                matches!(inside(&dir, name), Err(ReadError::Outside)),
                "{name}"
            );
        }
    }

    #[test]
    fn a_search_does_not_follow_links_out_of_its_folder() {
        let dir = folder("walk");
        let outside = folder("walk-outside");
        std::fs::write(outside.join("secret.yaml"), "db_password: x").unwrap();
        std::fs::create_dir(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/2023-Q1.yaml"), "a").unwrap();
        std::os::unix::fs::symlink(&outside, dir.join("elsewhere")).unwrap();
        std::os::unix::fs::symlink(outside.join("secret.yaml"), dir.join("b.yaml")).unwrap();
        let yaml = |p: &Path| p.extension().is_some_and(|e| e == "yaml");
        let listing = plain_files(&dir, MAX_DEPTH, &yaml).unwrap();
        assert_eq!(listing.files, [dir.join("sub/2023-Q1.yaml")]);
        assert_eq!(listing.skipped, [dir.join("b.yaml"), dir.join("elsewhere")]);
    }
}
