//! Printing a [`Diagnostic`] for a person (text, optionally coloured) or a program (JSON).
//!
//! Entry points: [`Diagnostic::render`], [`Diagnostic::render_with`] and
//! [`Diagnostic::to_json`]. The text form follows compilers people already know:
//! `path:line:col: severity: message`, the source line, `^^^` under the span, a hint.

use super::{Diagnostic, Labels, Lines, Position, Severity};
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
    /// The word printed before the message and in JSON: `error` or `warning`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl Diagnostic {
    /// The message as printed without colour: header line, then the source line and a
    /// caret under the span when known. `source` is the file's lines, when readable.
    pub fn render(&self, source: Option<&Lines>) -> String {
        self.render_with(source, false)
    }

    /// As [`Diagnostic::render`], with ANSI colours when `colour` is set.
    pub fn render_with(&self, source: Option<&Lines>, colour: bool) -> String {
        let mut out = String::new();
        self.render_into(&mut out, source, colour);
        out
    }

    /// As [`Diagnostic::render_with`], appended to `out`: thousands of diagnostics are
    /// printed as one text.
    pub fn render_into(&self, out: &mut String, source: Option<&Lines>, colour: bool) {
        let p = palette(self.severity, colour);
        out.push_str(p.bold);
        push_printable_text(out, &self.path.display().to_string());
        if let Some(at) = self.position {
            let _ = write!(out, ":{}:{}", at.line, at.column);
        }
        let severity = self.severity.name();
        let _ = write!(
            out,
            ":{} {}{severity}:{}{} ",
            p.reset, p.severity, p.reset, p.bold
        );
        push_printable_text(out, &self.message);
        out.push_str(p.reset);
        out.push('\n');
        if let Some(at) = self.position
            && let Some((tail, start)) = source.and_then(|s| excerpt_start(s, at))
        {
            let width = self.underline_width(at, tail, start);
            let (shown, pad, marks) = excerpt(tail, start, at.column, width);
            let _ = writeln!(out, "{}{:>5} |{} {shown}", p.accent, at.line, p.reset);
            let _ = write!(out, "{}      |{} {pad}{}", p.accent, p.reset, p.severity);
            out.extend(std::iter::repeat_n('^', marks));
            out.push_str(p.reset);
            out.push('\n');
        }
        if let Some(hint) = &self.hint {
            let label = match self.labels {
                Labels::English => "hint",
                Labels::Swedish => "tips",
            };
            let _ = write!(out, "{}      = {label}:{} ", p.accent, p.reset);
            push_printable_text(out, hint);
            out.push('\n');
        }
    }

    /// Characters to underline on the line whose part from character `start` on is
    /// `tail`: up to the end when it is on the same line, else to the end of the line; at
    /// least one, at most [`EXCERPT_RADIUS`].
    fn underline_width(&self, at: Position, tail: &str, start: usize) -> usize {
        // Counted no further than the excerpt shows: a line may be a whole file.
        let shown = (at.column + EXCERPT_RADIUS).saturating_sub(start);
        let line_end = || start + tail.chars().take(shown).count() + 1;
        let end = match self.end {
            Some(end) if end.line == at.line => end.column.min(line_end()),
            Some(end) if end.line > at.line => line_end(),
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

/// The line of `at` from the first character its excerpt may show on, and that
/// character's index: found from the diagnostic before when it is on the same line, so
/// thousands along one long line stay linear.
fn excerpt_start<'a>(source: &Lines<'a>, at: Position) -> Option<(&'a str, usize)> {
    let wanted = at.column.saturating_sub(1).saturating_sub(EXCERPT_RADIUS);
    let (tail, start) = source.line_from(at.line, wanted)?;
    if start == wanted {
        return Some((tail, start));
    }
    // The line ends before the column: the excerpt shows its end.
    source.line_from(at.line, start.saturating_sub(EXCERPT_RADIUS))
}

/// The part of a line shown under a message, the padding that puts a caret under `column`
/// (1-based, in characters) and the columns shown for the `width` characters from there
/// (a tab takes several): the text as [`push_printable`] shows it, and the caret lines up
/// with it. `tail` is the line from its character `start` on ([`excerpt_start`]).
fn excerpt(tail: &str, start: usize, column: usize, width: usize) -> (String, String, usize) {
    // Only the characters around the column are collected: a line may be a whole file.
    let wanted = column.saturating_sub(1);
    let reach = wanted.saturating_sub(start) + EXCERPT_RADIUS;
    let mut window: Vec<char> = tail.chars().take(reach + 1).collect();
    // The column, or the end of a line that ends before it.
    let at = wanted.min(start + window.len());
    let shown_at_most = at - start + EXCERPT_RADIUS;
    let cut_after = window.len() > shown_at_most;
    window.truncate(shown_at_most);
    let end = start + window.len();
    let mut shown = String::new();
    let mut pad = String::new();
    let mut marked = 0;
    for (index, &c) in (start..).zip(&window) {
        let columns = push_printable(&mut shown, c);
        if index < at {
            pad.extend(std::iter::repeat_n(' ', columns));
        } else if index < at + width {
            marked += columns;
        }
    }
    if start > 0 {
        shown.insert(0, '…');
        pad.insert(0, ' ');
    }
    if cut_after {
        shown.push('…');
    }
    // A span may reach past the last character, to the end of the line.
    let beyond = (at + width).saturating_sub(end.max(at));
    (shown, pad, (marked + beyond).max(1))
}

/// Columns a tab is shown as: spaces, so that the caret below counts the same.
const TAB_WIDTH: usize = 4;

/// Pushes `text` as it is safe to print on a terminal: see [`push_printable`]; line
/// breaks are kept.
fn push_printable_text(out: &mut String, text: &str) {
    out.reserve(text.len());
    for c in text.chars() {
        if c == '\n' {
            out.push(c);
        } else {
            push_printable(out, c);
        }
    }
}

/// Pushes `c` as it is safely shown, and returns the columns it takes. A file that is not
/// text (binary, UTF-16 read as UTF-8) holds NULs and escape sequences that would move the
/// cursor, change colours or hide text, and bidirectional controls can reorder what a line
/// seems to say: each is shown as U+FFFD. A tab becomes spaces.
fn push_printable(out: &mut String, c: char) -> usize {
    const BIDI_CONTROLS: [std::ops::RangeInclusive<char>; 3] = [
        '\u{200e}'..='\u{200f}',
        '\u{202a}'..='\u{202e}',
        '\u{2066}'..='\u{2069}',
    ];
    if c == '\t' {
        out.extend(std::iter::repeat_n(' ', TAB_WIDTH));
        return TAB_WIDTH;
    }
    if c.is_control() || BIDI_CONTROLS.iter().any(|r| r.contains(&c)) {
        out.push(char::REPLACEMENT_CHARACTER);
    } else {
        out.push(c);
    }
    1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use std::path::Path;

    fn at(column: usize) -> Option<Position> {
        Some(Position { line: 1, column })
    }

    #[test]
    fn control_characters_are_never_printed() {
        let d = Diagnostic::error(Path::new("r.yaml"), at(9), "bad \x1b[2J\0 key");
        let text = d.render(Some(&Lines::new("a:\x1b[31m\0\u{7f}\u{9b}\u{202e}b: c\r")));
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.contains("bad \u{fffd}[2J\u{fffd} key"), "{text}");
        assert!(
            text.contains("| a:\u{fffd}[31m\u{fffd}\u{fffd}\u{fffd}\u{fffd}b: c\u{fffd}\n"),
            "{text}"
        );
    }

    #[test]
    fn a_tab_is_spaces_and_the_caret_stays_under_its_column() {
        let d = Diagnostic::error(Path::new("r.yaml"), at(3), "m");
        let text = d.render(Some(&Lines::new("\t\tkey: x")));
        assert!(
            text.contains("    1 |         key: x\n      |         ^\n"),
            "{text}"
        );
        let d = d.with_end(Position { line: 1, column: 6 });
        let text = d.render(Some(&Lines::new("key:\t\tx")));
        assert!(
            text.contains("    1 | key:        x\n      |   ^^^^^^\n"),
            "{text}"
        );
    }
}
