//! Writing one report's outputs so that they are whole and belong together.
//!
//! Every file goes first to a temporary file beside it with a fixed name
//! (`.2024-Q1.pdf.kvartal-tmp`). Only when all of them are written are the old outputs
//! removed and the new ones renamed into place. A build interrupted at any point therefore
//! leaves the old files, or only new ones, or none — never a new PDF beside an old DOCX —
//! and whatever temporary files it left are removed by the next build of that report.

use crate::files;
use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary file `path` is written to before it is renamed into place.
pub fn temporary(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.kvartal-tmp"))
}

/// Removes the temporary files an interrupted build left for `outputs`, one report's files
/// in one folder; also those of earlier versions, named with their process id
/// (`.2024-Q1.pdf.4711.tmp`). Only files and links are removed: kvartal never makes a
/// folder of those names.
pub fn remove_stale(outputs: &[PathBuf]) -> io::Result<()> {
    let Some(first) = outputs.first() else {
        return Ok(());
    };
    let names: Vec<String> = outputs
        .iter()
        .map(|path| {
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let entries = match std::fs::read_dir(files::folder_of(first)) {
        Ok(entries) => entries,
        // No folder yet: nothing was left in it.
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let file = entry.file_name();
        let stale = names
            .iter()
            .any(|name| is_temporary(&file.to_string_lossy(), name));
        if stale && !entry.file_type()?.is_dir() {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Whether `file` is a temporary file of the output `name`: this version's fixed name or
/// an earlier one's with a process id.
fn is_temporary(file: &str, name: &str) -> bool {
    let Some(rest) = file.strip_prefix('.').and_then(|f| f.strip_prefix(name)) else {
        return false;
    };
    let pid = rest.strip_prefix('.').and_then(|r| r.strip_suffix(".tmp"));
    rest == ".kvartal-tmp"
        || pid.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Writes every `(path, bytes)` of one report, or on an error leaves the old files as they
/// were (or, past the point of no return, only new ones) and no temporary file.
pub fn write_together(outputs: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    let mut staged = Vec::new();
    let result = stage_all(outputs, &mut staged).and_then(|()| replace(outputs));
    if result.is_err() {
        // The first error is what matters; the temporary files must not stay.
        for temporary in &staged {
            let _ = std::fs::remove_file(temporary);
        }
    }
    result
}

/// Writes each output's temporary file, recording each one made in `staged`.
fn stage_all(outputs: &[(PathBuf, Vec<u8>)], staged: &mut Vec<PathBuf>) -> io::Result<()> {
    for (path, bytes) in outputs {
        std::fs::create_dir_all(files::folder_of(path))?;
        let temporary = temporary(path);
        // `create_new`: whatever is in the way (a link planted there, a folder) is an
        // error, never a file written through.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        staged.push(temporary);
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    Ok(())
}

/// The old outputs go before any new one arrives: from here on an interruption leaves only
/// new files, or none.
fn replace(outputs: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    for (path, _) in outputs {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    for (path, _) in outputs {
        std::fs::rename(temporary(path), path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_files_are_known_by_their_names_alone() {
        let path = Path::new("out/2024-Q1.pdf");
        let name = temporary(path);
        assert_eq!(name, Path::new("out/.2024-Q1.pdf.kvartal-tmp"));
        let name = name.file_name().unwrap_or_default().to_string_lossy();
        assert!(is_temporary(&name, "2024-Q1.pdf"));
        assert!(is_temporary(".2024-Q1.pdf.4711.tmp", "2024-Q1.pdf"));
        for other in [
            "2024-Q1.pdf",
            ".2024-Q1.pdf.tmp",
            ".2024-Q1.pdf.x1.tmp",
            ".2024-Q1.docx.kvartal-tmp",
            ".2024-Q1.pdf.kvartal-tmp.bak",
        ] {
            assert!(!is_temporary(other, "2024-Q1.pdf"), "{other}");
        }
    }
}
