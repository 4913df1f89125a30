//! Diagnostics: problems found in a user's file, as values printed in one place.
//!
//! A [`Diagnostic`] names a file, a 1-based line and column, a message and an optional hint;
//! [`Diagnostic::render`] gives the text the user sees: `path:line:col: error: message`,
//! the offending source line and a caret under the column. [`suggestion`] proposes
//! the known name closest to a misspelt one.

mod suggest;

pub use suggest::{did_you_mean, suggestion};

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based position in a source file; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position just after `text`, the start of a file: where the next character stands.
    pub fn after(text: &str) -> Position {
        let line_start = text.rfind('\n').map_or(0, |newline| newline + 1);
        Position {
            line: text.matches('\n').count() + 1,
            column: text[line_start..].chars().count() + 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    /// `None` when the problem concerns the file as a whole (unreadable, empty).
    pub position: Option<Position>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            position,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The message as printed: header line, then the source line and a caret when known.
    /// `source` is the file's text, when it could be read as text.
    pub fn render(&self, source: Option<&str>) -> String {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = String::new();
        let path = self.path.display();
        match self.position {
            Some(p) => {
                let _ = writeln!(
                    out,
                    "{path}:{}:{}: {severity}: {}",
                    p.line, p.column, self.message
                );
                if let Some(line) = source.and_then(|s| s.lines().nth(p.line.saturating_sub(1))) {
                    let (shown, caret) = excerpt(line, p.column);
                    let _ = writeln!(out, "{:>5} | {shown}", p.line);
                    let _ = writeln!(out, "      | {caret}^");
                }
            }
            None => {
                let _ = writeln!(out, "{path}: {severity}: {}", self.message);
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "      = hint: {hint}");
        }
        out
    }
}

/// Characters of a source line shown on either side of the column; a longer line is
/// cut to this window so the caret stays on screen.
const EXCERPT_RADIUS: usize = 60;

/// The part of `line` shown under a message, and the padding that puts a caret under
/// `column` (1-based, in characters; tabs kept so the caret lines up).
fn excerpt(line: &str, column: usize) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(EXCERPT_RADIUS);
    let end = (at + EXCERPT_RADIUS).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut caret: String = chars[start..at]
        .iter()
        .map(|&c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    if start > 0 {
        shown.insert(0, '…');
        caret.insert(0, ' ');
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caret_counts_characters_not_bytes() {
        let d = Diagnostic::error(
            Path::new("r.yaml"),
            Some(Position { line: 1, column: 8 }),
            "m",
        );
        let text = d.render(Some("titel: Ödmjuk"));
        assert!(
            text.contains("    1 | titel: Ödmjuk\n      |        ^\n"),
            "{text}"
        );
    }

    #[test]
    fn a_very_long_line_is_cut_around_the_column() {
        let line = "x".repeat(10_000);
        let d = Diagnostic::error(
            Path::new("r.yaml"),
            Some(Position {
                line: 1,
                column: 5000,
            }),
            "m",
        );
        let text = d.render(Some(&line));
        assert!(
            text.lines()
                .all(|l| l.chars().count() < 2 * EXCERPT_RADIUS + 20),
            "{text}"
        );
        assert!(text.contains('…'));
    }
}
