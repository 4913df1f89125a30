//! Reading a report file into text, refusing what cannot be a report before any parsing.
//!
//! Entry point: [`read_text`]. Each refusal is one message a non-programmer can act on:
//! the file is too large, saved as UTF-16, not text at all, or empty.

use crate::diag::{Diagnostic, Position};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The largest file read. Real reports are tens of kilobytes; 10 MB leaves room for long
/// texts while a wrong file (a PDF or a database dump renamed `.yaml`) is refused unread.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

const UTF16_BOMS: [[u8; 2]; 2] = [[0xFF, 0xFE], [0xFE, 0xFF]];

/// The file's text without a UTF-8 byte-order mark, or the one reason it cannot be a report.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = read_limited(path)?;
    let text = decode(path, bytes)?;
    if has_no_data(&text) {
        let message = "the file is empty: it holds no report data, only blank lines or comments";
        return Err(Diagnostic::error(path, Some(START), message));
    }
    Ok(text)
}

const START: Position = Position { line: 1, column: 1 };

/// Reads at most one byte more than allowed, so a huge file costs no more than the limit.
fn read_limited(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let unreadable =
        |e: std::io::Error| Diagnostic::error(path, None, format!("cannot read the file: {e}"));
    let file = File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let message = format!(
            "the file is larger than {} MB, far more than any report; is it the right file?",
            MAX_FILE_BYTES / (1024 * 1024)
        );
        return Err(Diagnostic::error(path, None, message));
    }
    Ok(bytes)
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if UTF16_BOMS.iter().any(|bom| bytes.starts_with(bom)) {
        let message = "the file is saved as UTF-16; save it as UTF-8 instead";
        let hint = "in Notepad choose \"Save as\" and the encoding \"UTF-8\"";
        return Err(Diagnostic::error(path, Some(START), message).with_hint(hint));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        not_text(path, std::str::from_utf8(valid).unwrap_or_default())
    })?;
    // A NUL never occurs in text typed by a person; it marks a binary file that happens
    // to be valid UTF-8 so far.
    if let Some(nul) = text.find('\0') {
        return Err(not_text(path, &text[..nul]));
    }
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// `before` is the text up to the first byte that is not text.
fn not_text(path: &Path, before: &str) -> Diagnostic {
    let message = "the file is not text: it contains bytes that are not UTF-8 characters";
    Diagnostic::error(path, Some(Position::after(before)), message)
        .with_hint("a report is a YAML text file saved as UTF-8")
}

/// Blank lines, comments and bare document markers carry no data.
fn has_no_data(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---" || line == "...")
}
