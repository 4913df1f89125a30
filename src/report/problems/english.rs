//! The errors in English: one arm per error.
//!
//! Entry points: [`words`] and [`did_you_mean`].

use super::Hint::{self, Closest, Fixed, Said};
use super::{Among, Expected, Found, Listed, Mistake, Part, Problem};
use crate::image::Refusal;
use crate::report::Kind;

/// "Did you mean" with the close name.
pub fn did_you_mean(close: &str) -> String {
    format!("did you mean `{close}`?")
}

/// The message and its hint.
pub fn words(problem: &Problem) -> (String, Option<Hint<'_>>) {
    match problem {
        Problem::Unreadable { error } => (format!("cannot read the file: {error}"), None),
        Problem::TooLarge { megabytes } => (
            format!(
                "the file is larger than {megabytes} MB, far more than any report; is it the right file?"
            ),
            None,
        ),
        Problem::Utf16 => (
            "the file is saved as UTF-16; save it as UTF-8 instead".to_owned(),
            Some(Fixed(
                "in Notepad choose \"Save as\" and the encoding \"UTF-8\"",
            )),
        ),
        Problem::NotText => (
            "the file is not text: it contains bytes that are not UTF-8 characters".to_owned(),
            Some(Fixed("a report is a YAML text file saved as UTF-8")),
        ),
        Problem::Empty => (
            "the file is empty: it holds no report data, only blank lines or comments".to_owned(),
            None,
        ),
        Problem::TooManyMarks { limit } => (
            format!(
                "more than {limit} accents or other combining marks on one letter; no language writes so many"
            ),
            Some(Fixed(
                "retype the word; text pasted from a web page can carry such marks",
            )),
        ),
        Problem::SymbolicLink => (
            "the file is a symbolic link; only plain files are read as reports".to_owned(),
            Some(Fixed(
                "copy the report file itself here instead of a link to it",
            )),
        ),
        Problem::NotPlain => (
            "this is not a plain file but a device, a named pipe (FIFO) or a socket".to_owned(),
            Some(Fixed("a report is a YAML text file saved as UTF-8")),
        ),
        Problem::Syntax(mistake) => syntax(mistake),
        Problem::TooDeep { levels } => (
            format!("the data is nested more than {levels} levels deep; a report needs only a few"),
            None,
        ),
        Problem::AliasBomb { values } => (
            format!(
                "the aliases (`*name`) in this file would expand to more than {values} values, \
                 far beyond any report; this looks like an \"alias bomb\""
            ),
            None,
        ),
        Problem::MoreThanOneDocument => (
            "the file holds more than one YAML document (`---`); a report is one document"
                .to_owned(),
            None,
        ),
        Problem::TooComplex => (
            "the file is far larger or more complex than any report".to_owned(),
            None,
        ),
        Problem::UnknownField { field, part, known } => (
            format!("unknown field `{field}` {}", in_a(*part)),
            Some(Closest(field, known, "the fields allowed here are")),
        ),
        Problem::DuplicateKey { key } => (
            match key {
                Some(key) => format!("the key `{key}` appears twice in the same map"),
                None => "this key appears twice in the same map".to_owned(),
            },
            Some(Fixed("keep one of them")),
        ),
        Problem::WrongType {
            field,
            expected,
            found,
        } => {
            let place = match field {
                Some(field) => format!("in `{field}`"),
                None => "here".to_owned(),
            };
            let expected = expected_words(expected);
            let message = match found {
                Some(found) => format!("expected {expected} {place}, not {}", found_words(found)),
                None => format!("expected {expected} {place}"),
            };
            (message, None)
        }
        Problem::DecimalComma { written } => (
            format!("`{written}` has a decimal comma; numbers are written with a decimal point"),
            Some(Said(format!("write `{}`", written.replace(',', ".")))),
        ),
        Problem::NoText => (
            "this has no value; write a text or remove it".to_owned(),
            Some(Fixed(
                "a text that looks like `null` or `~` must be put in quotes",
            )),
        ),
        Problem::NoValue { field } => (
            format!("the field `{field}` has no value"),
            Some(Said(format!(
                "write the number after the colon: `{field}: 12`"
            ))),
        ),
        Problem::NotAllowed { written, allowed } => (
            format!("`{written}` is not one of the values allowed here"),
            Some(Closest(written, allowed, "use one of")),
        ),
        Problem::Missing { field, part } => (
            format!("the required field `{field}` is missing {}", in_this(*part)),
            None,
        ),
        Problem::Tag => (
            "the value has a YAML tag (such as `!!int` or `!custom`), which a report does not use"
                .to_owned(),
            Some(Fixed("remove the tag and write the value alone")),
        ),
        Problem::Reader { message } => (message.clone(), None),
        Problem::Year { written } => (
            format!("the year must be between 1900 and 2999, not {written}"),
            None,
        ),
        Problem::PeriodNumber { kind, written } => (
            format!(
                "the {} must be {}, not {written}",
                kind.english(),
                numbers(kind.per_year(), "or")
            ),
            None,
        ),
        Problem::TwoKinds { first, second } => (
            format!(
                "`period` gives both `{}` and `{}`; a report covers one period",
                field(*first),
                field(*second)
            ),
            Some(Fixed(
                "keep one of `quarter`, `tertial` and `half`, or none of them for the whole year",
            )),
        ),
        Problem::HistoryKind {
            written,
            found,
            kind,
        } => (
            format!(
                "`{written}` is a {}, but this report is for a {}; a programme's history is \
                 kept in one kind of period",
                found.english(),
                kind.english()
            ),
            Some(Said(format!("write the key as {}", key_form(*kind)))),
        ),
        Problem::MixedKinds { own, other, files } => (
            format!(
                "this is a {} report, but {} of the same programme beside it {} {} reports; a \
                 programme's history is kept in one kind of period",
                own.english(),
                files.join(", "),
                if files.len() == 1 { "is a" } else { "are" },
                other.english()
            ),
            Some(Fixed(
                "move the reports of the other kind to a folder of their own, or give them \
                 another `series`",
            )),
        ),
        Problem::EmptyList(list) => (
            match list {
                Listed::Organisations => "there must be at least one organisation",
                Listed::FocusAreas => "there must be at least one focus area",
            }
            .to_owned(),
            None,
        ),
        Problem::DuplicateId {
            id,
            among,
            first_line,
        } => (
            format!("the id `{id}` is used twice; {}", unique(*among)),
            Some(Said(format!("it is first used on line {first_line}"))),
        ),
        Problem::NoSuchFocusArea { id, known } => (
            format!("focus area `{id}` does not exist"),
            Some(Closest(id, known, "the focus areas in this file are")),
        ),
        Problem::NotEarlier { key, period } => (
            format!(
                "`{key}` is not earlier than this report's period{}; history holds earlier periods only",
                period.map(|p| format!(" ({p})")).unwrap_or_default()
            ),
            None,
        ),
        Problem::DateForm { written } => (
            format!("`{written}` is not a date in the form YYYY-MM-DD, e.g. 2023-04-12"),
            None,
        ),
        Problem::NoSuchDate { written } => (format!("`{written}` is not a real date"), None),
        Problem::LanguageCode { written } => (
            format!("`{written}` is not a language code"),
            Some(Fixed(
                "write the ISO 639 code in lower case: `sv` for Swedish, `en` for English",
            )),
        ),
        Problem::Slug { id } => (
            format!("the id `{id}` may only hold the letters a–z, digits and `-`"),
            Some(Fixed(
                "write for example `barn-unga`, without capitals, spaces or å ä ö",
            )),
        ),
        Problem::HistoryKey { written, kind } => (
            format!(
                "`{written}` is not a {} in the form {}",
                kind.english(),
                key_form(*kind)
            ),
            None,
        ),
        Problem::Heading => (
            "a heading (a line starting with `#`, or underlined) is not allowed here".to_owned(),
            Some(Fixed("write the words as a paragraph, or in **bold**")),
        ),
        Problem::TooManyLogos { limit } => (
            format!("the report has more than {limit} logos; this one is the first too many"),
            Some(Fixed(
                "keep the logos of the organisations that give the promise",
            )),
        ),
        Problem::TooManyMetrics { limit } => (
            format!(
                "the report has more than {limit} metrics, far more than a report can show; this one is the first too many"
            ),
            Some(Fixed(
                "is it the right file? Keep the metrics the board follows, and move the rest to an appendix",
            )),
        ),
        Problem::NumberTooLarge { written } => (
            format!(
                "the number {written} is too large for a metric: at most 1 000 000 000 000 (a trillion) either side of zero"
            ),
            Some(Fixed("write the number in a larger unit, e.g. millions")),
        ),
        Problem::ListTooDeep { limit } => (
            format!("lists are nested more than {limit} levels deep here"),
            Some(Fixed(
                "indent fewer levels: a list inside a list inside a list is already hard to follow",
            )),
        ),
        Problem::Link { target } => (
            format!(
                "the link to `{target}` is not allowed: a report links only to web (http, https) and e-mail (mailto) addresses"
            ),
            Some(Fixed(
                "write the whole address, e.g. `https://kommun.se/sida` or `mailto:namn@kommun.se`",
            )),
        ),
        Problem::LogoOutside { name } => (
            format!("the logo `{name}` lies outside the folder of the report file"),
            Some(Fixed(
                "put the logo in the report's folder or a folder below it, e.g. `logos/kommun.png`",
            )),
        ),
        Problem::LogoMissing { name } => (format!("the logo `{name}` does not exist"), None),
        Problem::LogoUnreadable { name, error } => {
            (format!("cannot read the logo `{name}`: {error}"), None)
        }
        Problem::LogoNotImage { name } => (
            format!("the logo `{name}` is not a PNG, JPEG or SVG image"),
            Some(Fixed(
                "save the logo as PNG, JPEG or SVG; renaming the file is not enough",
            )),
        ),
        Problem::LogoLink { name } => (
            format!("the logo `{name}` is a symbolic link; kvartal reads only plain files"),
            Some(Fixed("copy the picture itself into the report's folder")),
        ),
        Problem::LogoNotPlain { name } => (
            format!("the logo `{name}` is not a plain file (but a folder, a pipe or a device)"),
            None,
        ),
        Problem::LogoRefused { name, why } => {
            (format!("the logo `{name}` {why}"), refusal_hint(why))
        }
        Problem::NoNextPeriod => ("there is no period after this one".to_owned(), None),
    }
}

fn refusal_hint(why: &Refusal) -> Option<Hint<'static>> {
    match why {
        Refusal::Embedded(why) => refusal_hint(why),
        Refusal::Href { .. } => Some(Fixed(
            "embed the picture in the SVG (as a `data:` URI) or save the logo as PNG",
        )),
        Refusal::Broken { .. } => Some(Fixed(
            "open the picture in an image editor and save it again",
        )),
        Refusal::Side { .. }
        | Refusal::Pixels { .. }
        | Refusal::EmbeddedPixels
        | Refusal::TooLarge => Some(Fixed(
            "make the picture smaller; 2000 pixels a side is plenty for print",
        )),
        Refusal::Nodes
        | Refusal::Depth
        | Refusal::Effects
        | Refusal::Segments
        | Refusal::PathData
        | Refusal::Text
        | Refusal::Nesting
        | Refusal::SvgSide { .. } => Some(Fixed("simplify the drawing or save the logo as PNG")),
        Refusal::EmbeddedFormat { .. } => None,
    }
}

/// Where a field the format does not know was written.
fn in_a(part: Option<Part>) -> &'static str {
    match part {
        Some(Part::TopLevel) => "at the top level",
        Some(Part::Period) => "in `period`",
        Some(Part::Organisation) => "in an organisation",
        Some(Part::Meeting) => "in `meeting`",
        Some(Part::Person) => "in a person under `prepared_by`",
        Some(Part::FocusArea) => "in a focus area",
        Some(Part::Activity) => "in an activity",
        Some(Part::Metric) => "in a metric",
        Some(Part::Signature) => "in a signature",
        None => "here",
    }
}

/// Where a required field is missing.
fn in_this(part: Part) -> &'static str {
    match part {
        Part::TopLevel => "at the top level",
        Part::Period => "in `period`",
        Part::Organisation => "in this organisation",
        Part::Meeting => "in `meeting`",
        Part::Person => "in this person",
        Part::FocusArea => "in this focus area",
        Part::Activity => "in this activity",
        Part::Metric => "in this metric",
        Part::Signature => "in this signature",
    }
}

fn unique(among: Among) -> &'static str {
    match among {
        Among::FocusAreas => "ids of focus areas must be unique",
        Among::Activities => "ids of activities must be unique",
        Among::Metrics => "ids of metrics must be unique in the whole file",
    }
}

fn expected_words(expected: &Expected) -> &str {
    match expected {
        Expected::Text => "a text",
        Expected::Number => "a number",
        Expected::WholeNumber => "a whole number",
        Expected::Map => "a map of `field: value` lines",
        Expected::List => "a list (lines starting with `-`)",
        Expected::TextOrList => "a text or a list of texts",
        Expected::TrueFalse => "true or false",
        Expected::Other(words) => words,
    }
}

fn found_words(found: &Found) -> String {
    match found {
        Found::Text(text) => format!("the text `{text}`"),
        Found::TrueFalse(value) => format!("`{value}`"),
        Found::List => "a list".to_owned(),
        Found::Map => "a map".to_owned(),
    }
}

/// YAML that does not parse, by its mistake.
fn syntax(mistake: &Mistake) -> (String, Option<Hint<'_>>) {
    match mistake {
        Mistake::Tab => (
            "the line is indented with a tab; YAML allows only spaces in indentation".to_owned(),
            Some(Fixed(
                "replace the tab with spaces, as many as on the lines around it",
            )),
        ),
        Mistake::OddSpace { code } => (
            format!(
                "the line is indented with a character that looks like a space but is not one (U+{code:04X}, often from a word processor)"
            ),
            Some(Fixed("retype the indentation with plain spaces")),
        ),
        Mistake::ColonInText { key, value } => (
            format!(
                "the text of `{key}` holds a colon and a space (\": \"), which YAML reads as a new field"
            ),
            Some(Said(format!(
                "put the text in quotes: `{key}: \"{}\"`",
                value.replace('"', "\\\"")
            ))),
        ),
        Mistake::UnclosedQuote => (
            "a quotation mark opens here but never closes".to_owned(),
            Some(Fixed("end the text with the quotation mark it starts with")),
        ),
        Mistake::UnclosedBracket => (
            "a list `[...]` or a map `{...}` opens here but never closes".to_owned(),
            Some(Fixed(
                "check that every `[` has its `]` and every `{` its `}`",
            )),
        ),
        Mistake::Structure => (
            "this is not valid YAML: the line does not fit the structure around it".to_owned(),
            Some(Fixed(
                "check the indentation and the `:` and `-` around this place",
            )),
        ),
    }
}

/// "1, 2 or 3": the numbers a kind's periods have, joined with `and_or`.
pub(super) fn numbers(most: u8, and_or: &str) -> String {
    let all: Vec<String> = (1..=most).map(|n| n.to_string()).collect();
    match all.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} {and_or} {last}", rest.join(", ")),
        _ => all.join(""),
    }
}

/// The field under `period` that numbers `kind`, or `year`.
pub(super) fn field(kind: Kind) -> &'static str {
    kind.field().unwrap_or("year")
}

/// How a history key of `kind` is written, with an example: "YYYY-Qn, e.g. 2022-Q4".
pub(super) fn key_form(kind: Kind) -> String {
    match kind.letter() {
        Some(letter) => {
            let n = kind.per_year();
            format!("YYYY-{letter}n, e.g. 2022-{letter}{n}")
        }
        None => "YYYY, e.g. 2022".to_owned(),
    }
}
