//! The errors `check` can find in a report file, worded in the report's own language so
//! that the official who wrote a Swedish report reads Swedish: one enum of errors, one
//! arm per error in each language's module.
//!
//! Entry point: [`Problem`], with [`Problem::diagnostic`] (the positioned message and hint)
//! and [`Problem::text`]. Field names, ids and values stay in backticks in every language,
//! so that messages can be searched for, and the `code` in `--format json` is the same.

mod english;
mod swedish;

use super::{Kind, Language, Period};
use crate::diag::{Diagnostic, Labels, Position, did_you_mean};
use crate::image::Refusal;
use std::path::Path;

pub enum Problem {
    // The file as a whole, before any YAML is read.
    /// `error` is the operating system's reason.
    Unreadable {
        error: String,
    },
    TooLarge {
        megabytes: u64,
    },
    Utf16,
    NotText,
    Empty,
    /// More combining characters in a row than `text::MAX_MARKS`.
    TooManyMarks {
        limit: usize,
    },
    /// A symbolic link: it could lead to any file on the machine.
    SymbolicLink,
    /// A FIFO, device or socket: reading it could hang or never end.
    NotPlain,
    // YAML that cannot be a report.
    /// What made the YAML unreadable, found near where the parser stopped.
    Syntax(Mistake),
    TooDeep {
        levels: usize,
    },
    AliasBomb {
        values: u64,
    },
    MoreThanOneDocument,
    TooComplex,
    // YAML that does not fit the format.
    UnknownField {
        field: String,
        /// `None` where the part is not known.
        part: Option<Part>,
        known: Vec<String>,
    },
    DuplicateKey {
        key: Option<String>,
    },
    /// A value of the wrong kind in `field` (when its name is known).
    WrongType {
        field: Option<String>,
        expected: Expected,
        found: Option<Found>,
    },
    /// More logos in one report than `validate::MAX_LOGOS`.
    TooManyLogos {
        limit: usize,
    },
    /// More metrics in one report than `validate::MAX_METRICS`.
    TooManyMetrics {
        limit: usize,
    },
    /// A number beyond `validate::MAX_NUMBER` either side of zero, or not finite.
    NumberTooLarge {
        written: String,
    },
    /// A number written with a decimal comma, as Swedish writes them.
    DecimalComma {
        written: String,
    },
    /// A list item or single text left empty.
    NoText,
    /// A required field written with nothing after the colon.
    NoValue {
        field: String,
    },
    NotAllowed {
        written: String,
        allowed: Vec<String>,
    },
    Missing {
        field: String,
        part: Part,
    },
    /// A YAML tag (`!!int`, `!custom`) on a value: a report writes values plainly.
    Tag,
    /// Any other complaint of the YAML reader, in its own words.
    Reader {
        message: String,
    },
    // Values the format constrains.
    Year {
        written: String,
    },
    /// A period's number outside its kind's range ("tertial: 4").
    PeriodNumber {
        kind: Kind,
        written: String,
    },
    /// `period` gives two of `quarter`, `tertial` and `half`.
    TwoKinds {
        first: Kind,
        second: Kind,
    },
    EmptyList(Listed),
    DuplicateId {
        id: String,
        among: Among,
        first_line: usize,
    },
    NoSuchFocusArea {
        id: String,
        known: Vec<String>,
    },
    NotEarlier {
        key: String,
        period: Option<Period>,
    },
    DateForm {
        written: String,
    },
    NoSuchDate {
        written: String,
    },
    LanguageCode {
        written: String,
    },
    Slug {
        id: String,
    },
    /// A `history` key that is no period's.
    HistoryKey {
        written: String,
        kind: Kind,
    },
    /// A `history` key of another kind of period than the report's.
    HistoryKind {
        written: String,
        /// The key's kind.
        found: Kind,
        /// The report's kind.
        kind: Kind,
    },
    /// Files beside the report of its programme that report in another kind of period.
    MixedKinds {
        own: Kind,
        other: Kind,
        files: Vec<String>,
    },
    Heading,
    /// Lists inside lists deeper than `markdown::MAX_LIST_DEPTH`.
    ListTooDeep {
        limit: usize,
    },
    /// A link whose target is not an http, https or mailto address.
    Link {
        target: String,
    },
    // Logos.
    LogoOutside {
        name: String,
    },
    LogoMissing {
        name: String,
    },
    LogoUnreadable {
        name: String,
        error: String,
    },
    LogoNotImage {
        name: String,
    },
    /// A symbolic link, which could point anywhere on the machine.
    LogoLink {
        name: String,
    },
    /// A folder, FIFO, device or socket.
    LogoNotPlain {
        name: String,
    },
    /// Broken, or beyond what a logo may cost to read (see `image::budget`).
    LogoRefused {
        name: String,
        why: Refusal,
    },
    // `kvartal new`.
    NoNextPeriod,
}

/// The part of a report a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    TopLevel,
    Period,
    Organisation,
    Meeting,
    Person,
    FocusArea,
    Activity,
    Metric,
    Signature,
}

/// The required lists that must not be empty.
#[derive(Debug, Clone, Copy)]
pub enum Listed {
    Organisations,
    FocusAreas,
}

/// The scopes in which ids must be unique.
#[derive(Debug, Clone, Copy)]
pub enum Among {
    FocusAreas,
    Activities,
    /// Metric ids are unique in the whole file: history is matched on them.
    Metrics,
}

/// The mistake that made the YAML unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mistake {
    /// A tab in a line's indentation; YAML indents with spaces only.
    Tab,
    /// A space that is not a plain space (a no-break space from a word processor, say).
    OddSpace { code: u32 },
    /// A second `: ` in a plain text, as in `title: Trygghet: kvartal 1`.
    ColonInText { key: String, value: String },
    /// A quoted text that is never closed.
    UnclosedQuote,
    /// A `[` or `{` that is never closed.
    UnclosedBracket,
    /// Anything else: usually indentation that does not line up.
    Structure,
}

/// What the format expects at a place.
#[derive(Debug, Clone)]
pub enum Expected {
    Text,
    Number,
    WholeNumber,
    Map,
    List,
    /// `focus_areas`, `responsible` and `decision_basis` take either.
    TextOrList,
    TrueFalse,
    /// The reader's own name for it.
    Other(String),
}

/// What the file has at a place where something else was expected.
#[derive(Debug, Clone)]
pub enum Found {
    Text(String),
    TrueFalse(bool),
    List,
    Map,
}

/// A message's hint: fixed words, words made for the case, or the name closest to what
/// was written among those `known` (all of them, after `intro`, when none is close).
pub enum Hint<'a> {
    Fixed(&'static str),
    Said(String),
    Closest(&'a str, &'a [String], &'static str),
}

impl Problem {
    /// The message and the hint, in `language`.
    pub fn text(&self, language: Language) -> (String, Option<String>) {
        let (message, hint) = match language {
            Language::Sv => swedish::words(self),
            // Messages exist in Swedish and English; other languages read English.
            Language::En | Language::Other(_) => english::words(self),
        };
        let hint = hint.map(|hint| match hint {
            Hint::Fixed(words) => words.to_owned(),
            Hint::Said(words) => words,
            Hint::Closest(written, known, intro) => {
                match did_you_mean(written, known.iter().map(String::as_str)) {
                    Some(close) if language == Language::Sv => swedish::did_you_mean(close),
                    Some(close) => english::did_you_mean(close),
                    None => format!("{intro}: {}", listed(known)),
                }
            }
        });
        (message, hint)
    }

    /// The error at `position` of the file `path`, worded in `language`.
    pub fn diagnostic(
        &self,
        path: &Path,
        position: Option<Position>,
        language: Language,
    ) -> Diagnostic {
        let (message, hint) = self.text(language);
        let diagnostic = Diagnostic::error(path, position, message).with_labels(labels(language));
        match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        }
    }
}

/// The words around a message in `language`: Swedish for a Swedish report, else English,
/// as the messages themselves.
pub fn labels(language: Language) -> Labels {
    match language {
        Language::Sv => Labels::Swedish,
        Language::En | Language::Other(_) => Labels::English,
    }
}

/// Names in backticks, separated by commas: `a`, `b`, `c`.
fn listed(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_language_chooses_the_words() {
        let problem = Problem::UnknownField {
            field: "progres".to_owned(),
            part: Some(Part::FocusArea),
            known: vec!["progress".to_owned(), "goal".to_owned()],
        };
        let (message, hint) = problem.text(Language::Sv);
        assert_eq!(message, "okänt fält `progres` i ett fokusområde");
        assert_eq!(hint.as_deref(), Some("menade du `progress`?"));
        let (message, hint) = problem.text(Language::En);
        assert_eq!(message, "unknown field `progres` in a focus area");
        assert_eq!(hint.as_deref(), Some("did you mean `progress`?"));
        let other = Language::from_code("fi").expect("a code");
        assert_eq!(problem.text(other).0, message);
    }

    #[test]
    fn an_unknown_name_far_from_all_gets_the_list() {
        let problem = Problem::NotAllowed {
            written: "klar".to_owned(),
            allowed: vec!["planned".to_owned(), "ongoing".to_owned()],
        };
        let (_, hint) = problem.text(Language::Sv);
        assert_eq!(
            hint.as_deref(),
            Some("använd något av: `planned`, `ongoing`")
        );
    }
}
