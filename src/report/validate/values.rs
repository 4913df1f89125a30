//! Checks of single values: dates, ids, quarter keys and Markdown texts.
//!
//! Entry points: [`date`], [`last_day`], [`slug`], [`quarter_key`], [`markdown`], [`language`].

use super::check::Check;
use crate::report::{Language, Quarter};
use chrono::{Datelike, Days, NaiveDate};
use pulldown_cmark::{Event, Parser, Tag};
use serde_saphyr::{Location, Spanned};

/// A `YYYY-MM-DD` date that exists in the calendar.
pub fn date(check: &mut Check, written: &Spanned<String>) -> Option<NaiveDate> {
    let text = written.value.trim();
    if !has_shape(text, "dddd-dd-dd") {
        let message = format!("`{text}` is not a date in the form YYYY-MM-DD, e.g. 2023-04-12");
        check.error(&written.referenced, message);
        return None;
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    check.expect(date, &written.referenced, || {
        format!("`{text}` is not a real date")
    })
}

/// A language code: two or three lower-case letters (ISO 639). Whether the layout has
/// labels for it is checked when the report is rendered.
pub fn language(check: &mut Check, written: &Spanned<String>) -> Option<Language> {
    let text = written.value.trim();
    let language = Language::from_code(text);
    if language.is_none() {
        let message = format!("`{text}` is not a language code");
        let hint = "write the ISO 639 code in lower case: `sv` for Swedish, `en` for English";
        check.error(&written.referenced, message).hint = Some(hint.to_owned());
    }
    language
}

/// The last day of `period`: the issue date when the file gives none.
pub fn last_day(period: Quarter) -> Option<NaiveDate> {
    let first =
        NaiveDate::from_ymd_opt(i32::from(period.year), u32::from(period.quarter) * 3 - 2, 1)?;
    let next = first.checked_add_months(chrono::Months::new(3))?;
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
        let message = format!("the id `{text}` may only hold the letters a–z, digits and `-`");
        let hint = "write for example `barn-unga`, without capitals, spaces or å ä ö";
        check.error(&id.referenced, message).hint = Some(hint.to_owned());
    }
    valid
}

/// A `history` key `YYYY-Qn`.
pub fn quarter_key(check: &mut Check, key: &Spanned<String>) -> Option<Quarter> {
    let text = key.value.trim();
    let quarter = has_shape(text, "dddd-Qd")
        .then(|| {
            Some(Quarter {
                year: text[..4].parse().ok()?,
                quarter: text[6..].parse().ok()?,
            })
        })
        .flatten()
        .filter(|q| (1..=4).contains(&q.quarter) && (1900..=2999).contains(&q.year));
    check.expect(quarter, &key.referenced, || {
        format!("`{text}` is not a quarter in the form YYYY-Qn, e.g. 2022-Q4")
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

/// A Markdown text, with a problem recorded for each heading in it: headings would break
/// the report's outline.
pub fn markdown(check: &mut Check, text: Option<Spanned<String>>) -> Option<String> {
    let text = text?;
    for (index, line) in heading_lines(&text.value) {
        let at = locate(check.source, &text.referenced, index, line);
        let message = "a heading (a line starting with `#`, or underlined) is not allowed here";
        let hint = "write the words as a paragraph, or in **bold**";
        let diagnostic = check.error(&text.referenced, message);
        diagnostic.position = at.or(diagnostic.position);
        diagnostic.hint = Some(hint.to_owned());
    }
    Some(text.value)
}

/// The first line of every heading in `markdown`, trimmed, with its index among the lines.
fn heading_lines(markdown: &str) -> Vec<(usize, &str)> {
    Parser::new(markdown)
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::Heading { .. })))
        .filter_map(|(_, range)| {
            let before = markdown.get(..range.start)?;
            let line = markdown.get(range.start..)?.lines().next()?;
            Some((before.matches('\n').count(), line.trim()))
        })
        .collect()
}

/// Where line `index` of a value that starts at `value_at` stands in the source, given
/// its text. YAML may fold or indent a value's lines but never moves one up, so it is the
/// first source line from there on that contains the text.
fn locate(
    source: &str,
    value_at: &Location,
    index: usize,
    line: &str,
) -> Option<crate::diag::Position> {
    let first = usize::try_from(value_at.line()).ok()?.checked_sub(1)? + index;
    source
        .lines()
        .enumerate()
        .skip(first)
        .find_map(|(index, source_line)| {
            let byte = source_line.find(line)?;
            Some(crate::diag::Position {
                line: index + 1,
                column: source_line[..byte].chars().count() + 1,
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_day_of_each_quarter() {
        let day = |quarter| {
            last_day(Quarter {
                year: 2024,
                quarter,
            })
            .map(|d| d.to_string())
        };
        assert_eq!(day(1).as_deref(), Some("2024-03-31"));
        assert_eq!(day(2).as_deref(), Some("2024-06-30"));
        assert_eq!(day(3).as_deref(), Some("2024-09-30"));
        assert_eq!(day(4).as_deref(), Some("2024-12-31"));
    }

    #[test]
    fn finds_atx_and_setext_headings() {
        let text = "Intro.\n\n## Rubrik\n\nMer text\n\nUnder\n=====\n";
        assert_eq!(heading_lines(text), [(2, "## Rubrik"), (6, "Under")]);
        assert!(heading_lines("Inget #här\n\n- lista\n").is_empty());
    }
}
