//! Writing an output file so that it is either whole or absent: the bytes go to a
//! temporary file in the same folder, which is then renamed into place.

use std::io;
use std::path::Path;

pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        // Nothing half-written is left behind; the original error is what matters.
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
