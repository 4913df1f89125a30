//! Printing a [`Diagnostic`] for a person (text, optionally coloured) or a program (JSON).
//!
//! Entry points: [`Diagnostic::render`], [`Diagnostic::render_with`] and
//! [`Diagnostic::to_json`]. The text form follows compilers people already know:
//! `path:line:col: severity: message`, the source line, `^^^` under the span, a hint.

use super::{Diagnostic, Labels, Position, Severity};
use std::fmt::Write as _;

/// ANSI colours, used only when the caller knows the output is a terminal.
struct Palette {
    severity: &'static str,
    bold: &'static str,
    accent: &'static str,
    reset: &'static str,
}

const PLAIN: Palette = Palette {
    severity: "",
    bold: "",
    accent: "",
    reset: "",
};

fn palette(severity: Severity, colour: bool) -> Palette {
    if !colour {
        return PLAIN;
    }
    Palette {
        severity: match severity {
            Severity::Error => "\x1b[1;31m",
            Severity::Warning => "\x1b[1;33m",
        },
        bold: "\x1b[1m",
        accent: "\x1b[1;34m",
        reset: "\x1b[0m",
    }
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl Diagnostic {
    /// The message as printed without colour: header line, then the source line and a
    /// caret under the span when known. `source` is the file's text, when readable.
    pub fn render(&self, source: Option<&str>) -> String {
        self.render_with(source, false)
    }

    /// As [`Diagnostic::render`], with ANSI colours when `colour` is set.
    pub fn render_with(&self, source: Option<&str>, colour: bool) -> String {
        let p = palette(self.severity, colour);
        let mut out = String::new();
        let place = match self.position {
            Some(at) => format!("{}:{}:{}", self.path.display(), at.line, at.column),
            None => self.path.display().to_string(),
        };
        let severity = self.severity.name();
        let _ = writeln!(
            out,
            "{}{place}:{} {}{severity}:{}{} {}{}",
            p.bold, p.reset, p.severity, p.reset, p.bold, self.message, p.reset
        );
        if let Some(at) = self.position {
            let line = source.and_then(|s| s.lines().nth(at.line.saturating_sub(1)));
            if let Some(line) = line {
                let width = self.underline_width(at, line);
                let (shown, pad) = excerpt(line, at.column);
                let marks = "^".repeat(width);
                let _ = writeln!(out, "{}{:>5} |{} {shown}", p.accent, at.line, p.reset);
                let _ = writeln!(
                    out,
                    "{}      |{} {pad}{}{marks}{}",
                    p.accent, p.reset, p.severity, p.reset
                );
            }
        }
        if let Some(hint) = &self.hint {
            let label = match self.labels {
                Labels::English => "hint",
                Labels::Swedish => "tips",
            };
            let _ = writeln!(out, "{}      = {label}:{} {hint}", p.accent, p.reset);
        }
        out
    }

    /// Characters to underline on `line`: up to the end when it is on the same line,
    /// else to the end of the line; at least one.
    fn underline_width(&self, at: Position, line: &str) -> usize {
        let line_end = line.chars().count() + 1;
        let end = match self.end {
            Some(end) if end.line == at.line => end.column.min(line_end),
            Some(end) if end.line > at.line => line_end,
            _ => at.column + 1,
        };
        end.saturating_sub(at.column).clamp(1, EXCERPT_RADIUS)
    }

    /// One JSON object on one line: for editors and CI.
    pub fn to_json(&self) -> String {
        let point = |p: Option<Position>| {
            p.map_or(
                serde_json::Value::Null,
                |p| serde_json::json!({"line": p.line, "column": p.column}),
            )
        };
        serde_json::json!({
            "file": self.path.display().to_string(),
            "line": self.position.map(|p| p.line),
            "column": self.position.map(|p| p.column),
            "end": point(self.end.or(self.position)),
            "severity": self.severity.name(),
            "code": self.code.name(),
            "message": self.message,
            "hint": self.hint,
        })
        .to_string()
    }
}

/// Characters of a source line shown on either side of the column; a longer line is
/// cut to this window so the caret stays on screen.
pub(super) const EXCERPT_RADIUS: usize = 60;

/// The part of `line` shown under a message, and the padding that puts a caret under
/// `column` (1-based, in characters; tabs kept so the caret lines up).
fn excerpt(line: &str, column: usize) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(EXCERPT_RADIUS);
    let end = (at + EXCERPT_RADIUS).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut pad: String = chars[start..at]
        .iter()
        .map(|&c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    if start > 0 {
        shown.insert(0, '…');
        pad.insert(0, ' ');
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, pad)
}
