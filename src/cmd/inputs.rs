//! Which report files a command works on, and where each one's output goes.

use super::UsageError;
use std::path::{Path, PathBuf};

/// Where reports are looked for when the command names none.
pub const DEFAULT_FOLDER: &str = "report-data";

/// A report file and the folder, relative to the output folder, its outputs go into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub out_dir: PathBuf,
}

/// Every report named by `paths`: files as given, folders searched for `*.yaml`.
pub fn inputs(paths: &[PathBuf]) -> Result<Vec<Input>, UsageError> {
    let defaults = [PathBuf::from(DEFAULT_FOLDER)];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            yaml_files(path, &mut files)
                .map_err(|e| UsageError(format!("{}: {e}", path.display())))?;
            files.sort();
            inputs.extend(files.into_iter().map(|file| {
                let relative = file
                    .parent()
                    .and_then(|p| p.strip_prefix(path).ok())
                    .unwrap_or(Path::new(""));
                Input {
                    out_dir: relative.to_path_buf(),
                    path: file,
                }
            }));
        } else if path.is_file() {
            inputs.push(Input {
                path: path.clone(),
                out_dir: PathBuf::new(),
            });
        } else {
            return Err(UsageError(format!(
                "{}: no such file or folder",
                path.display()
            )));
        }
    }
    Ok(inputs)
}

fn yaml_files(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            yaml_files(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            found.push(path);
        }
    }
    Ok(())
}
