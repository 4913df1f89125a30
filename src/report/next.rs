//! Drafting the next quarter's file from the last one, as `kvartal new` writes it.
//!
//! Entry point: [`next_quarter`]. The file is rewritten as text, value by value at the
//! places the parser reported, so the officials' comments, order and formatting survive;
//! re-serialising the YAML would lose them. Kept: ids, titles, goals, responsible, targets,
//! statuses, signatures. Changed: the period, the date (the new quarter's last day), the
//! meeting date (three months on). Emptied: summary and progress texts (a placeholder that
//! `check` warns about) and metric values (an error in `check` until filled in).

use super::load::{Read, read};
use super::problems::Problem;
use super::spans::{Spans, bytes};
use super::{Language, Quarter, Report};
use crate::diag::Diagnostic;
use chrono::Months;
use serde_saphyr::Location;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The following quarter's file, not yet written.
#[derive(Debug)]
pub struct Draft {
    pub period: Quarter,
    /// Beside the last quarter's file, named after the new period.
    pub path: PathBuf,
    pub text: String,
}

/// The draft of the quarter after the report in `path`, which must have no errors.
pub fn next_quarter(path: &Path) -> Result<Draft, Vec<Diagnostic>> {
    let Read {
        report,
        spans,
        text,
    } = read(path)?;
    let Some(period) = report.period.next() else {
        let problem = Problem::NoNextQuarter;
        return Err(vec![problem.diagnostic(path, None, report.language)]);
    };
    let mut edits = period_edits(&report, &spans, period);
    edits.extend(text_edits(&report, &spans, &text));
    edits.extend(value_edits(&report, &spans, &text));
    Ok(Draft {
        period,
        path: draft_path(path, report.period, period),
        text: apply(&text, edits),
    })
}

type Edit = (Range<usize>, String);

fn period_edits(report: &Report, spans: &Spans, period: Quarter) -> Vec<Edit> {
    let meeting = report.meeting.as_ref().and_then(|m| m.date);
    let values = [
        (spans.year, Some(period.year.to_string())),
        (spans.quarter, Some(period.quarter.to_string())),
        (
            spans.date,
            super::validate::last_day(period).map(|d| d.to_string()),
        ),
        (
            spans.meeting_date,
            meeting
                .and_then(|d| d.checked_add_months(Months::new(3)))
                .map(|d| d.to_string()),
        ),
    ];
    values
        .into_iter()
        .filter_map(|(at, value)| Some((bytes(&at?)?, value?)))
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

/// `2023-Q4.yaml` → `2024-Q1.yaml`; a file named otherwise gives `2024-Q1.yaml` beside it.
fn draft_path(path: &Path, old: Quarter, new: Quarter) -> PathBuf {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let old_name = old.to_string();
    let name = if name.contains(&old_name) {
        name.replacen(&old_name, &new.to_string(), 1)
    } else {
        format!("{new}.yaml")
    };
    path.with_file_name(name)
}
