//! Which report files a command works on, and where each one's output goes.
//!
//! A folder is searched with [`files::plain_files`]: no link is followed, so the search
//! never leaves the folder, and links and special files found there are reported, not
//! silently passed over. A file named on the command line is taken as named; reading it
//! refuses a link, a FIFO or a device with a message on that file.

use super::UsageError;
use crate::diag::{Code, Diagnostic};
use crate::files;
use std::path::{Path, PathBuf};

/// Where reports are looked for when the command names none.
pub const DEFAULT_FOLDER: &str = "report-data";

/// A report file and the folder, relative to the output folder, its outputs go into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub out_dir: PathBuf,
    /// Found by searching a folder, not named on the command line: its quarter is listed
    /// on its programme's page (see `programme`).
    pub searched: bool,
}

/// The reports a command found, and a warning for each entry of a folder not read.
#[derive(Debug, Default)]
pub struct Found {
    pub inputs: Vec<Input>,
    pub skipped: Vec<Diagnostic>,
}

/// The paths a command works on: those named, or [`DEFAULT_FOLDER`] when none is.
pub fn named_or_default(paths: &[PathBuf]) -> Vec<PathBuf> {
    match paths.is_empty() {
        true => vec![PathBuf::from(DEFAULT_FOLDER)],
        false => paths.to_vec(),
    }
}

/// Every report named by `paths`: files as given, folders searched for `*.yaml`. A file
/// named twice, directly or through its folder, is taken once.
pub fn inputs(paths: &[PathBuf]) -> Result<Found, UsageError> {
    let mut found = Found::default();
    for path in &named_or_default(paths) {
        // A folder named by the user is searched even when the name is a link to it.
        if path.is_dir() {
            search(path, &mut found)?;
        } else if std::fs::symlink_metadata(path).is_ok() {
            found.inputs.push(Input {
                path: path.clone(),
                out_dir: PathBuf::new(),
                searched: false,
            });
        } else {
            return Err(UsageError(format!(
                "{}: no such file or folder",
                path.display()
            )));
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.inputs.retain(|input| seen.insert(input.path.clone()));
    Ok(found)
}

fn search(dir: &Path, found: &mut Found) -> Result<(), UsageError> {
    let listing = files::plain_files(dir, files::MAX_DEPTH, &crate::report::is_report_file)
        .map_err(|e| UsageError(format!("{}: {e}", dir.display())))?;
    found.inputs.extend(listing.files.into_iter().map(|file| {
        let relative = file
            .parent()
            .and_then(|p| p.strip_prefix(dir).ok())
            .unwrap_or(Path::new(""));
        Input {
            out_dir: relative.to_path_buf(),
            path: file,
            searched: true,
        }
    }));
    found
        .skipped
        .extend(listing.skipped.iter().map(|path| skipped(path)));
    Ok(())
}

/// The warning for an entry of a searched folder that was not read.
fn skipped(path: &Path) -> Diagnostic {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let why = if is_link {
        "not read: it is a symbolic link, and links in a report folder are not followed"
    } else {
        "not read: it is not a plain file but a FIFO, a device or a socket"
    };
    Diagnostic::warning(path, None, why)
        .with_hint("put the report files themselves in the folder")
        .with_code(Code::NotRead)
}
