//! Diagnostics: problems found in a user's file, as values printed in one place.
//!
//! A [`Diagnostic`] names a file, a 1-based line and column (and the end of the offending
//! text), a severity, a stable code, a message and an optional hint. `render` gives the text
//! the user sees: `path:line:col: error: message`, the offending source line and `^^^` under
//! the span; `to_json` gives one line for programs. [`suggestion`] proposes the known name
//! closest to a misspelt one.

mod lines;
mod render;
mod suggest;

pub use lines::Lines;
pub use suggest::{did_you_mean, suggestion};

use std::path::Path;

/// Whether a problem stops what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The file cannot be used as it is; the run exits with 1.
    Error,
    /// Probably not what was meant; the file is still used, unless `check --strict`.
    Warning,
}

/// The kind of a problem: every error is `Invalid`; each warning has its own, so that
/// a program can tell them apart. A small enum keeps a [`Diagnostic`] small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Any error.
    Invalid,
    /// A text names another quarter than the report's own.
    OtherQuarter,
    /// Placeholder text is left in the report.
    Placeholder,
    /// A progress text is the same as in the previous quarter's file.
    CopiedProgress,
    /// A focus area has neither a progress text nor any activity.
    NothingReported,
    /// An activity is marked completed, but its due date lies after the report's date.
    CompletedBeforeDue,
    /// A delayed activity has no progress text saying why.
    DelayedWithoutProgress,
    /// A metric's `history` gives another value than an earlier quarter's file, which wins.
    HistoryConflict,
    /// Files beside the report have its metrics but another series; their values are not used.
    OtherSeries,
    /// More than one file beside the report for one quarter, or for the report's own.
    DuplicateQuarter,
    /// The only file of an earlier quarter is named like a copy; it is used.
    CopiedFile,
    /// The meeting is dated before the report: a date left from last quarter.
    StaleMeeting,
    /// The programme's name has another year than the report's.
    ProgrammeYear,
    /// A report file beside this one has errors, so its values are not used.
    UnreadableSibling,
    /// An entry of a searched folder that is a link or not a plain file.
    NotRead,
    /// A year's view lacks the report of one of the year's periods.
    MissingPeriod,
    /// A year file, which a build without `--year` passes over.
    YearFile,
}

impl Code {
    /// The stable name printed in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Code::Invalid => "invalid",
            Code::OtherQuarter => "other-quarter",
            Code::Placeholder => "placeholder",
            Code::CopiedProgress => "copied-progress",
            Code::NothingReported => "nothing-reported",
            Code::CompletedBeforeDue => "completed-before-due",
            Code::DelayedWithoutProgress => "delayed-without-progress",
            Code::HistoryConflict => "history-conflict",
            Code::OtherSeries => "other-series",
            Code::DuplicateQuarter => "duplicate-quarter",
            Code::CopiedFile => "copied-file",
            Code::StaleMeeting => "stale-meeting",
            Code::ProgrammeYear => "programme-year",
            Code::UnreadableSibling => "unreadable-sibling",
            Code::NotRead => "not-read",
            Code::MissingPeriod => "missing-period",
            Code::YearFile => "year-file",
        }
    }
}

/// A 1-based position in a source file; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
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

/// A problem found in a file: where it stands, how bad it is, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Whether it stops what was asked.
    pub severity: Severity,
    /// Boxed rather than a `PathBuf`: a diagnostic is returned in `Err` on many paths and
    /// must stay small.
    pub path: Box<Path>,
    /// `None` when the problem concerns the file as a whole (unreadable, empty).
    pub position: Option<Position>,
    /// Just after the last character of the offending text, when it is longer than one.
    pub end: Option<Position>,
    /// The kind of problem, for programs reading `--format json`.
    pub code: Code,
    /// What is wrong, printed after the severity.
    pub message: String,
    /// What to do about it, printed on a line of its own; `None` when there is nothing to add.
    pub hint: Option<String>,
    /// The language of the hint's label; the severity words stay English for tools.
    pub labels: Labels,
}

/// The words a rendered message is framed with, in the language of the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Labels {
    /// English words: `hint`.
    #[default]
    English,
    /// Swedish words: `tips`.
    Swedish,
}

impl Diagnostic {
    /// An error in `path`, at `position` when the problem has a place in the file.
    pub fn error(path: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            position,
            end: None,
            code: Code::Invalid,
            message: message.into(),
            hint: None,
            labels: Labels::English,
        }
    }

    /// A warning in `path`, at `position` when the problem has a place in the file.
    pub fn warning(path: &Path, position: Option<Position>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, position, message)
        }
    }

    /// The same, with `hint` on what to do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same, framed with the words of `labels`.
    pub fn with_labels(mut self, labels: Labels) -> Self {
        self.labels = labels;
        self
    }

    /// The same, of the kind `code`.
    pub fn with_code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    /// Marks the text up to `end` (exclusive) as the offending span.
    pub fn with_end(mut self, end: Position) -> Self {
        self.end = Some(end);
        self
    }
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
        let text = d.render(Some(&Lines::new("titel: Ödmjuk")));
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
        let text = d.render(Some(&Lines::new(&line)));
        assert!(
            text.lines()
                .all(|l| l.chars().count() < 2 * render::EXCERPT_RADIUS + 20),
            "{text}"
        );
        assert!(text.contains('…'));
    }

    #[test]
    fn a_span_is_underlined_in_characters() {
        let at = |column| Position { line: 1, column };
        let d = Diagnostic::warning(Path::new("r.yaml"), Some(at(7)), "m").with_end(at(23));
        let text = d.render(Some(&Lines::new("Under fjärde kvartalet hände")));
        let marks = format!("      | {}{}\n", " ".repeat(6), "^".repeat(16));
        assert!(text.contains(&marks), "{text}");
        assert!(text.starts_with("r.yaml:1:7: warning: m"), "{text}");
    }

    #[test]
    fn the_hint_label_follows_the_message_language() {
        let d = Diagnostic::error(Path::new("r.yaml"), None, "okänt fält").with_hint("menade du");
        assert!(d.render(None).contains("= hint: menade du"));
        let d = d.with_labels(Labels::Swedish);
        assert!(d.render(None).contains("= tips: menade du"));
        assert!(d.render(None).starts_with("r.yaml: error: okänt fält"));
    }

    #[test]
    fn colour_only_when_asked() {
        let d = Diagnostic::error(Path::new("r.yaml"), None, "m");
        assert!(!d.render(None).contains('\x1b'));
        assert!(d.render_with(None, true).contains("\x1b[1;31m"));
    }

    #[test]
    fn json_is_one_line_with_every_field() {
        let at = Position { line: 3, column: 5 };
        let d = Diagnostic::warning(Path::new("r.yaml"), Some(at), "m \"q\"")
            .with_code(Code::Placeholder)
            .with_hint("h");
        let json = d.to_json();
        assert!(!json.contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["line"], 3);
        assert_eq!(value["end"]["column"], 5);
        assert_eq!(value["severity"], "warning");
        assert_eq!(value["code"], "placeholder");
        assert_eq!(value["message"], "m \"q\"");
        assert_eq!(value["hint"], "h");
    }
}
