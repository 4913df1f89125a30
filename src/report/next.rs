//! Drafting the next quarter's file from the last one, as `kvartal new` writes it.
//!
//! Entry point: [`next_quarter`]. The file is rewritten as text, value by value at the
//! places the parser reported, so the officials' comments, order and formatting survive;
//! re-serialising the YAML would lose them. Kept: ids, titles, goals, responsible, targets,
//! statuses, signatures, and the meeting's body and date (`check` warns while that date
//! lies before the report's). Changed: the period, the date (the new quarter's last day).
//! Added: `series`, when the file has none, so that renaming the programme for a new year
//! keeps its history. Emptied: summary and progress texts, the case number and the agenda
//! item (placeholders that `check` warns about, the old value beside them), and metric
//! values (an error in `check` until filled in).

use super::load::{ReadFile, read};
use super::problems::Problem;
use super::spans::{Spans, bytes};
use super::{Language, Period, Report};
use crate::diag::Diagnostic;
use serde_saphyr::Location;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The following quarter's file, not yet written.
#[derive(Debug)]
pub struct Draft {
    /// The new file's quarter: the one after the last file's.
    pub period: Period,
    /// Beside the last quarter's file, named after the new period.
    pub path: PathBuf,
    /// The new file's text.
    pub text: String,
}

/// The draft of the quarter after the report in `path`, which must have no errors.
pub fn next_quarter(path: &Path) -> Result<Draft, Vec<Diagnostic>> {
    let ReadFile {
        report,
        spans,
        text,
    } = read(path)?;
    let Some(period) = report.period.next() else {
        let problem = Problem::NoNextPeriod;
        return Err(vec![problem.diagnostic(path, None, report.language)]);
    };
    let mut edits = period_edits(&spans, period);
    edits.extend(series_edit(&report, &spans, &text));
    edits.extend(meeting_edits(&report, &spans, &text));
    edits.extend(text_edits(&report, &spans, &text));
    edits.extend(value_edits(&report, &spans, &text));
    Ok(Draft {
        period,
        path: draft_path(path, report.period, period),
        text: apply(&text, edits),
    })
}

type Edit = (Range<usize>, String);

fn period_edits(spans: &Spans, period: Period) -> Vec<Edit> {
    let values = [
        (spans.year, Some(period.year.to_string())),
        (
            spans.number,
            period.kind.field().map(|_| period.number.to_string()),
        ),
        (
            spans.date,
            super::validate::last_day(period).map(|d| d.to_string()),
        ),
    ];
    values
        .into_iter()
        .filter_map(|(at, value)| Some((bytes(&at?)?, value?)))
        .collect()
}

/// `series: <key>` on the line after a one-line `programme:` at the top level, when the
/// file writes no series: the key the history is matched on stays when the programme is
/// renamed.
fn series_edit(report: &Report, spans: &Spans, source: &str) -> Option<Edit> {
    if spans.series.is_some() {
        return None;
    }
    let value = bytes(spans.programme.as_ref()?)?;
    let line_start = source[..value.start].rfind('\n').map_or(0, |i| i + 1);
    if !source[line_start..].starts_with("programme:") {
        return None;
    }
    let line_end = value.end + source[value.end..].find('\n')? + 1;
    let line = format!("series: {}\n", report.series);
    Some((line_end..line_end, line))
}

/// The case number and the agenda item, which belong to one meeting, replaced by a
/// placeholder that keeps last quarter's value in sight.
fn meeting_edits(report: &Report, spans: &Spans, source: &str) -> Vec<Edit> {
    let Some(meeting) = &report.meeting else {
        return Vec::new();
    };
    let last = match report.language {
        Language::Sv => "förra kvartalet",
        Language::En | Language::Other(_) => "last quarter",
    };
    [
        (spans.case_number, &meeting.case_number),
        (spans.agenda_item, &meeting.agenda_item),
    ]
    .into_iter()
    .filter_map(|(at, old)| {
        let placeholder = format!("TODO ({last}: {})", old.as_deref()?.replace('"', "'"));
        replace_text(source, &at?, &placeholder)
    })
    .collect()
}

/// The summary and every progress text replaced by a placeholder.
fn text_edits(report: &Report, spans: &Spans, source: &str) -> Vec<Edit> {
    let (summary, progress) = match report.language {
        Language::Sv => (
            "TODO: Skriv en sammanfattning av kvartalet.",
            "TODO: Skriv vad som har gjorts under kvartalet.",
        ),
        Language::En | Language::Other(_) => (
            "TODO: Write a summary of the quarter.",
            "TODO: Write what was done this quarter.",
        ),
    };
    let items = spans.focus_areas.iter().chain(&spans.activities);
    let progress = items
        .filter_map(|item| item.progress)
        .map(|at| (at, progress));
    spans
        .summary
        .map(|at| (at, summary))
        .into_iter()
        .chain(progress)
        .filter_map(|(at, text)| replace_text(source, &at, text))
        .collect()
}

/// A text value replaced: a block (`|`) keeps its form and the line breaks and indentation
/// after it, any other becomes a quoted text.
fn replace_text(source: &str, at: &Location, text: &str) -> Option<Edit> {
    let range = bytes(at)?;
    let before = source.get(..range.start)?.trim_end_matches([' ', '\t']);
    if !before.ends_with('\n') {
        return Some((range, format!("\"{text}\"")));
    }
    let written = source.get(range.clone())?;
    let after = &written[written.trim_end().len()..];
    Some((range, format!("{text}{after}")))
}

/// Every metric value emptied, last quarter's value left in a comment beside it.
fn value_edits(report: &Report, spans: &Spans, source: &str) -> Vec<Edit> {
    let values = super::history::metrics(report).map(|m| m.value);
    spans
        .metric_values
        .iter()
        .zip(values)
        .filter_map(|(at, value)| {
            let range = bytes(at)?;
            let rest = source.get(range.end..)?.lines().next().unwrap_or("").trim();
            // A comment would swallow the rest of a line like `{id: x, value: 3}`.
            let empty = if rest.is_empty() || rest.starts_with('#') {
                format!("# {}: {value}", report.period)
            } else {
                "~".to_owned()
            };
            Some((range, empty))
        })
        .collect()
}

fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut text = source.to_owned();
    for (range, value) in edits {
        if text.get(range.clone()).is_some() {
            text.replace_range(range, &value);
        }
    }
    text
}

/// The new quarter's file name in the pattern of the old one: `2023-Q4.yaml` →
/// `2024-Q1.yaml`, `jonkoping-2023-q4.yaml` → `jonkoping-2024-q1.yaml`, `Q4_2023.yml` →
/// `Q1_2024.yml`. A name without the old quarter in it gets the new one after its stem:
/// `rapport.yaml` → `rapport-2024-Q1.yaml`.
fn draft_path(path: &Path, old: Period, new: Period) -> PathBuf {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let name = renamed(name, old, new).unwrap_or_else(|| {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("yaml");
        match stem.is_empty() {
            true => format!("{new}.{extension}"),
            false => format!("{stem}-{new}.{extension}"),
        }
    });
    path.with_file_name(name)
}

/// `name` with its year and period (`2023-Q4`, `2023_q4`, `2023Q4`, `Q4-2023`, `2024-T2`,
/// …; a year report's year alone) moved on to `new`, each written as before.
fn renamed(name: &str, old: Period, new: Period) -> Option<String> {
    let year = old.year.to_string();
    let Some(letter) = old.kind.letter() else {
        return name
            .contains(&year)
            .then(|| name.replacen(&year, &new.year.to_string(), 1));
    };
    let written = [letter, letter.to_ascii_lowercase()].map(|l| format!("{l}{}", old.number));
    let separators = ["-", "_", " ", ".", ""];
    for part in &written {
        // The same letter, in the same case, with the new number.
        let moved = format!("{}{}", &part[..1], new.number);
        for sep in separators {
            for (from, to) in [
                (
                    format!("{year}{sep}{part}"),
                    format!("{}{sep}{moved}", new.year),
                ),
                (
                    format!("{part}{sep}{year}"),
                    format!("{moved}{sep}{}", new.year),
                ),
            ] {
                if name.contains(&from) {
                    return Some(name.replacen(&from, &to, 1));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_name_keeps_the_old_pattern() {
        let (old, new) = (Period::quarter(2023, 4), Period::quarter(2024, 1));
        let cases = [
            ("2023-Q4.yaml", "2024-Q1.yaml"),
            ("jonkoping-2023-Q4.yaml", "jonkoping-2024-Q1.yaml"),
            ("jonkoping_2023_q4.yml", "jonkoping_2024_q1.yml"),
            ("Q4 2023 Jönköping.yaml", "Q1 2024 Jönköping.yaml"),
            ("rapport.yaml", "rapport-2024-Q1.yaml"),
        ];
        for (from, to) in cases {
            assert_eq!(
                draft_path(Path::new(from), old, new),
                Path::new(to),
                "{from}"
            );
        }
    }
}
