//! Checks of single values: numbers, names from a list, dates, ids, quarter keys and
//! Markdown texts.
//!
//! Entry points: [`number`], [`whole`], [`choice`], [`date`], [`last_day`], [`slug`],
//! [`quarter_key`], [`markdown`], [`language`].

use super::check::Check;
use crate::diag::{Lines, Position};
use crate::report::problems::{Expected, Found, Problem};
use crate::report::raw::Scalar;
use crate::report::spans::Locator;
use crate::report::{Kind, Language, Period};
use chrono::{Datelike, Days, NaiveDate};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_saphyr::{Location, Spanned};
use std::ops::{Range, RangeInclusive};

/// A number; also one written in quotes. `field` names the field when it is empty.
pub fn number(check: &mut Check, written: &Spanned<Scalar>, field: &str) -> Option<f64> {
    let problem = match &written.value {
        Scalar::Number(number) => return in_range(check, written, *number),
        Scalar::Text(text) => match finite(text) {
            Some(number) => return in_range(check, written, number),
            None if finite(&text.replacen(',', ".", 1)).is_some() => Problem::DecimalComma {
                written: text.trim().to_owned(),
            },
            None => wrong(field, Expected::Number, Found::Text(text.clone())),
        },
        other => not_a_name(other, field, Expected::Number),
    };
    wrong_value(check, written, field, problem);
    None
}

/// The largest size of a metric's number: a trillion is more than any municipality counts
/// or spends, and a bound keeps every number printable in a table cell and a chart label.
pub const MAX_NUMBER: f64 = 1e12;

/// `number` when it is finite and within [`MAX_NUMBER`] either side of zero.
fn in_range(check: &mut Check, written: &Spanned<Scalar>, number: f64) -> Option<f64> {
    if number.is_finite() && number.abs() <= MAX_NUMBER {
        return Some(number);
    }
    // 1e308 as "1e308", not three hundred digits.
    let shown = match number.abs() < 1e15 {
        true => number.to_string(),
        false => format!("{number:e}"),
    };
    check.error(
        &written.referenced,
        Problem::NumberTooLarge { written: shown },
    );
    None
}

/// The finite number `text` spells, if any.
fn finite(text: &str) -> Option<f64> {
    text.trim()
        .parse()
        .ok()
        .filter(|number: &f64| number.is_finite())
}

/// A whole number in `range`; `outside` is the problem for any other number, given the
/// number as written.
pub fn whole(
    check: &mut Check,
    written: &Spanned<Scalar>,
    field: &str,
    range: RangeInclusive<i64>,
    outside: impl FnOnce(String) -> Problem,
) -> Option<i64> {
    let number = number(check, written, field)?;
    // Exact: the range is far inside the integers an f64 holds.
    let whole = Some(number as i64).filter(|n| *n as f64 == number && range.contains(n));
    check.expect(whole, &written.referenced, || outside(number.to_string()))
}

/// The value among `allowed` whose `code` is `written`: a status, a direction.
pub fn choice<T: Copy>(
    check: &mut Check,
    written: &Spanned<Scalar>,
    field: &str,
    allowed: &[T],
    code: fn(T) -> &'static str,
) -> Option<T> {
    let name = match &written.value {
        Scalar::Text(text) => text.trim().to_owned(),
        Scalar::Number(number) => number.to_string(),
        other => {
            wrong_value(
                check,
                written,
                field,
                not_a_name(other, field, Expected::Text),
            );
            return None;
        }
    };
    let found = allowed.iter().copied().find(|&value| code(value) == name);
    check.expect(found, &written.referenced, || Problem::NotAllowed {
        written: name,
        allowed: allowed
            .iter()
            .map(|&value| code(value).to_owned())
            .collect(),
    })
}

/// Records `problem` with the value of `field`. An empty value has no text of its own,
/// so the message points at its key.
fn wrong_value(check: &mut Check, written: &Spanned<Scalar>, field: &str, problem: Problem) {
    let key = match written.value {
        Scalar::Nothing => key_before(&check.lines, &written.referenced, field),
        _ => None,
    };
    let diagnostic = check.error(&written.referenced, problem);
    if let Some((start, end)) = key {
        diagnostic.position = Some(start);
        diagnostic.end = Some(end);
    }
}

/// Where the key `field` stands before `at` on the same line, and where its colon ends.
fn key_before(lines: &Lines, at: &Location, field: &str) -> Option<(Position, Position)> {
    let line = usize::try_from(at.line()).ok()?;
    let text = lines.line(line)?;
    let column = usize::try_from(at.column()).ok()?;
    let before: String = text.chars().take(column).collect();
    let start = before.rfind(field)?;
    let start = before[..start].chars().count() + 1;
    let end = start + field.chars().count() + 1;
    Some((
        Position {
            line,
            column: start,
        },
        Position { line, column: end },
    ))
}

/// The problem with a value that is neither a number nor a name.
fn not_a_name(found: &Scalar, field: &str, expected: Expected) -> Problem {
    match found {
        Scalar::Nothing => Problem::NoValue {
            field: field.to_owned(),
        },
        Scalar::TrueFalse(value) => wrong(field, expected, Found::TrueFalse(*value)),
        Scalar::List => wrong(field, expected, Found::List),
        Scalar::Map => wrong(field, expected, Found::Map),
        Scalar::Number(number) => wrong(field, expected, Found::Text(number.to_string())),
        Scalar::Text(text) => wrong(field, expected, Found::Text(text.clone())),
    }
}

fn wrong(field: &str, expected: Expected, found: Found) -> Problem {
    Problem::WrongType {
        field: Some(field.to_owned()),
        expected,
        found: Some(found),
    }
}

/// A `YYYY-MM-DD` date that exists in the calendar.
pub fn date(check: &mut Check, written: &Spanned<String>) -> Option<NaiveDate> {
    let text = written.value.trim();
    let written_as = || text.to_owned();
    if !has_shape(text, "dddd-dd-dd") {
        let problem = Problem::DateForm {
            written: written_as(),
        };
        check.error(&written.referenced, problem);
        return None;
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    check.expect(date, &written.referenced, || Problem::NoSuchDate {
        written: written_as(),
    })
}

/// A language code: two or three lower-case letters (ISO 639). Whether the layout has
/// labels for it is checked when the report is rendered.
pub fn language(check: &mut Check, written: &Spanned<String>) -> Option<Language> {
    let text = written.value.trim();
    let language = Language::from_code(text);
    if language.is_none() {
        let problem = Problem::LanguageCode {
            written: text.to_owned(),
        };
        check.error(&written.referenced, problem);
    }
    language
}

/// The last day of `period`: the issue date when the file gives none.
pub fn last_day(period: Period) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(i32::from(period.year), period.first_month(), 1)?;
    let next = first.checked_add_months(chrono::Months::new(period.kind.months().into()))?;
    next.checked_sub_days(Days::new(1))
        .filter(|day| day.year() == first.year())
}

/// An id: a non-empty slug of lower-case letters a–z, digits and hyphens.
pub fn slug(check: &mut Check, id: &Spanned<String>) -> bool {
    let text = &id.value;
    let valid = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        let problem = Problem::Slug { id: text.clone() };
        check.error(&id.referenced, problem);
    }
    valid
}

/// A `history` key of the report's kind of period: `YYYY-Qn`, `YYYY-Tn`, `YYYY-Hn` or
/// `YYYY`. Without the report's period (it has errors) any kind is taken.
pub fn period_key(check: &mut Check, key: &Spanned<String>, own: Option<Kind>) -> Option<Period> {
    let text = key.value.trim();
    let period = Period::parse_key(text).filter(|p| (1900..=2999).contains(&p.year));
    let kind = own.unwrap_or(Kind::Quarter);
    let period = check.expect(period, &key.referenced, || Problem::HistoryKey {
        written: text.to_owned(),
        kind,
    })?;
    let same = own.is_none_or(|own| own == period.kind);
    check.expect(same.then_some(period), &key.referenced, || {
        Problem::HistoryKind {
            written: text.to_owned(),
            found: period.kind,
            kind,
        }
    })
}

/// `text` matches `pattern`, where `d` stands for an ASCII digit and any other
/// character for itself.
fn has_shape(text: &str, pattern: &str) -> bool {
    text.len() == pattern.len()
        && text.chars().zip(pattern.chars()).all(|(c, p)| match p {
            'd' => c.is_ascii_digit(),
            _ => c == p,
        })
}

/// A Markdown text, with a problem recorded for each heading in it (headings would break
/// the report's outline), each link to somewhere other than the web or an e-mail address,
/// and a list nested too deep.
pub fn markdown(check: &mut Check, text: Option<Spanned<String>>) -> Option<String> {
    let text = text?;
    let markdown = &text.value;
    let headings = headings(markdown).map(|range| (range, Problem::Heading));
    let links = refused_links(markdown).map(|(range, target)| (range, Problem::Link { target }));
    let list = too_deep_list(markdown).map(|range| {
        let limit = crate::markdown::MAX_LIST_DEPTH;
        (range, Problem::ListTooDeep { limit })
    });
    let found: Vec<_> = headings.chain(links).chain(list).collect();
    if found.is_empty() {
        return Some(text.value);
    }
    // Placed in the order they stand, each searched for from the one before: a long text
    // may hold thousands of links.
    let mut locator = Locator::new(&check.lines, markdown, &text.referenced);
    let places: Vec<_> = found
        .iter()
        .map(|(range, _)| locator.locate(range.clone()))
        .collect();
    for ((_, problem), place) in found.into_iter().zip(places) {
        let diagnostic = check.error(&text.referenced, problem);
        if let Some((start, end)) = place {
            diagnostic.position = Some(start);
            diagnostic.end = Some(end);
        }
    }
    Some(text.value)
}

/// Every link in `markdown` whose target [`crate::markdown::is_allowed`] refuses: where
/// it stands, and the target.
fn refused_links(markdown: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
    Parser::new(markdown)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !crate::markdown::is_allowed(&dest_url) => {
                Some((range, dest_url.to_string()))
            }
            _ => None,
        })
}

/// Where every heading in `markdown` stands.
fn headings(markdown: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    Parser::new(markdown)
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::Heading { .. })))
        .map(|(_, range)| range)
}

/// Where the first list in `markdown` nested deeper than [`crate::markdown::MAX_LIST_DEPTH`]
/// stands.
fn too_deep_list(markdown: &str) -> Option<Range<usize>> {
    let mut depth = 0;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_)) if depth == crate::markdown::MAX_LIST_DEPTH => {
                return Some(range);
            }
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_day_of_each_quarter() {
        let day = |quarter| last_day(Period::quarter(2024, quarter)).map(|d| d.to_string());
        assert_eq!(day(1).as_deref(), Some("2024-03-31"));
        assert_eq!(day(2).as_deref(), Some("2024-06-30"));
        assert_eq!(day(3).as_deref(), Some("2024-09-30"));
        assert_eq!(day(4).as_deref(), Some("2024-12-31"));
    }

    #[test]
    fn finds_atx_and_setext_headings() {
        let text = "Intro.\n\n## Rubrik\n\nMer text\n\nUnder\n=====\n";
        let first_lines: Vec<&str> = headings(text)
            .map(|range| text[range].lines().next().unwrap_or_default())
            .collect();
        assert_eq!(first_lines, ["## Rubrik", "Under"]);
        assert!(headings("Inget #här\n\n- lista\n").next().is_none());
    }
}
