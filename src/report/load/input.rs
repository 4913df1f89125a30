//! Reading a report file into text, refusing what cannot be a report before any parsing.
//!
//! Entry point: [`read_text`]. Each refusal is one message a non-programmer can act on:
//! the file is a link or not a file at all, too large, saved as UTF-16, not text, or empty.

use crate::diag::{Diagnostic, Position};
use crate::files::{self, ReadError};
use crate::report::Language;
use crate::report::problems::Problem;
use std::path::Path;

/// The largest file read. Real reports are tens of kilobytes, the stress report of the
/// benchmark 1.6 MB; 2 MB leaves room for long texts, keeps a build within seconds and a
/// few hundred MB, and refuses a wrong file (a PDF or a database dump renamed `.yaml`) unread.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

const UTF16_BOMS: [[u8; 2]; 2] = [[0xFF, 0xFE], [0xFE, 0xFF]];

/// The file's text without a UTF-8 byte-order mark, or the one reason it cannot be a report,
/// worded in the language the file declares as far as it can be read.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let refuse =
        |problem: Problem, at: Option<Position>, language| problem.diagnostic(path, at, language);
    let bytes = read_limited(path).map_err(|problem| refuse(problem, None, Language::Sv))?;
    let language = Language::declared_in(&String::from_utf8_lossy(&bytes));
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let megabytes = MAX_FILE_BYTES / (1024 * 1024);
        return Err(refuse(Problem::TooLarge { megabytes }, None, language));
    }
    let text = decode(bytes).map_err(|(problem, at)| refuse(problem, Some(at), language))?;
    if has_no_data(&text) {
        return Err(refuse(Problem::Empty, Some(START), language));
    }
    if let Some(offset) = crate::text::overlong_marks(&text) {
        let problem = Problem::TooManyMarks {
            limit: crate::text::MAX_MARKS,
        };
        return Err(refuse(
            problem,
            Some(Position::after(&text[..offset])),
            language,
        ));
    }
    Ok(text)
}

const START: Position = Position { line: 1, column: 1 };

/// Reads at most one byte more than allowed, so a huge file costs no more than the limit;
/// a link, a FIFO or a device is refused unopened.
fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    files::read_plain_head(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Link => Problem::SymbolicLink,
        ReadError::NotPlain => Problem::NotPlain,
        ReadError::Io(e) => Problem::Unreadable {
            error: e.to_string(),
        },
        other => Problem::Unreadable {
            error: other.to_string(),
        },
    })
}

fn decode(bytes: Vec<u8>) -> Result<String, (Problem, Position)> {
    if UTF16_BOMS.iter().any(|bom| bytes.starts_with(bom)) {
        return Err((Problem::Utf16, START));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        not_text(std::str::from_utf8(valid).unwrap_or_default())
    })?;
    // A NUL never occurs in text typed by a person; it marks a binary file that happens
    // to be valid UTF-8 so far.
    if let Some(nul) = text.find('\0') {
        return Err(not_text(&text[..nul]));
    }
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// `before` is the text up to the first byte that is not text.
fn not_text(before: &str) -> (Problem, Position) {
    (Problem::NotText, Position::after(before))
}

/// Blank lines, comments and bare document markers carry no data.
fn has_no_data(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---" || line == "...")
}
