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
                    let _ = writeln!(out, "{:>5} | {line}", p.line);
                    let pad: String = line
                        .chars()
                        .take(p.column.saturating_sub(1))
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    let _ = writeln!(out, "      | {pad}^");
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
