//! Writing one report's outputs so that they are whole and belong together.
//!
//! Every file goes first to a temporary file beside it with a fixed name
//! (`.2024-Q1.pdf.kvartal-tmp`). Only when all of them are written are the old outputs
//! removed and the new ones renamed into place. A build interrupted at any point therefore
//! leaves the old files, or only new ones, or none — never a new PDF beside an old DOCX —
//! and whatever temporary files it left are removed by the next build of that report.

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

/// Removes the temporary files an interrupted build left for `outputs`. Only files and
/// links are removed: kvartal never makes a folder of that name.
pub fn remove_stale(outputs: &[PathBuf]) -> io::Result<()> {
    for path in outputs {
        let temporary = temporary(path);
        match std::fs::symlink_metadata(&temporary) {
            Ok(meta) if !meta.is_dir() => std::fs::remove_file(&temporary)?,
            _ => {}
        }
    }
    Ok(())
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
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
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
