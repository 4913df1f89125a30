//! The year in one view: the reports of one programme's periods of a year (its quarters,
//! tertials or halves) and the year file beside them, gathered for `build --year`.
//!
//! Entry point: [`gather`]. The reports come read, each with its history (see `stage`).
//! A programme is a series; each series with reports in the year gets its own [`Year`].
//! The year file is a report of the whole year (`period` with `year` alone): what the
//! official writes for the year's meeting (its summary, meeting, signatures); without one,
//! those of the year's last report are used.

use super::history::looks_like_copy;
use super::{Checked, Kind, Language, Period, Report};
use crate::diag::{Code, Diagnostic};
use std::collections::BTreeMap;

/// One programme's year.
#[derive(Debug)]
pub struct Year {
    /// The calendar year.
    pub year: u16,
    /// The year's period reports before the last, in time order, one a period found.
    pub earlier: Vec<Report>,
    /// The year's last period report.
    pub last: Report,
    /// The report for the whole year, when the folder has one.
    pub file: Option<Report>,
}

impl Year {
    /// The year as a period: the whole year.
    pub fn period(&self) -> Period {
        Period {
            year: self.year,
            kind: Kind::Year,
            number: 1,
        }
    }

    /// The kind of the year's periods.
    pub fn kind(&self) -> Kind {
        self.last.period.kind
    }

    /// The year's period reports in time order, the last included.
    pub fn periods(&self) -> impl Iterator<Item = &Report> {
        self.earlier.iter().chain([&self.last])
    }

    /// What the year's view takes its title, meeting, people and summary from: the year
    /// file, else the year's last report.
    pub fn base(&self) -> &Report {
        self.file.as_ref().unwrap_or(&self.last)
    }

    /// Every period of the year's kind, found or not, in order.
    pub fn all_periods(&self) -> Vec<Period> {
        let kind = self.kind();
        (1..=kind.per_year())
            .filter_map(|n| Period::new(self.year, kind, n))
            .collect()
    }
}

/// The years of `year` found among `reports`, one a series (by series), and the warnings
/// about them: a period of the year without its report, two reports of one period (the
/// first by name, unless it looks like a copy, is used). A series whose reports of the
/// year are of more than one kind of part of a year, or that has only the year file, is
/// an error.
pub fn gather(year: u16, reports: Vec<Report>) -> (Vec<Year>, Vec<Diagnostic>) {
    let mut by_series: BTreeMap<String, Vec<Report>> = BTreeMap::new();
    for report in reports.into_iter().filter(|r| r.period.year == year) {
        by_series
            .entry(report.series.clone())
            .or_default()
            .push(report);
    }
    let mut years = Vec::new();
    let mut diagnostics = Vec::new();
    for reports in by_series.into_values() {
        match one_year(year, reports, &mut diagnostics) {
            Some(one) => years.push(one),
            None => continue,
        }
    }
    (years, diagnostics)
}

/// The year of one series' `reports`, with its warnings and errors added to `found`.
fn one_year(year: u16, reports: Vec<Report>, found: &mut Vec<Diagnostic>) -> Option<Year> {
    let (files, parts): (Vec<Report>, Vec<Report>) = reports
        .into_iter()
        .partition(|r| r.period.kind == Kind::Year);
    let file = first_of(files, found);
    let Some(kind) = parts.first().map(|r| r.period.kind) else {
        if let Some(file) = &file {
            found.push(Note::NoPeriods { year }.diagnostic(file, Code::Invalid));
        }
        return None;
    };
    if let Some(other) = parts.iter().find(|r| r.period.kind != kind) {
        let note = Note::Kinds {
            first: kind,
            other: other.period.kind,
        };
        found.push(note.diagnostic(other, Code::Invalid));
        return None;
    }
    let mut by_period: BTreeMap<Period, Vec<Report>> = BTreeMap::new();
    for report in parts {
        by_period.entry(report.period).or_default().push(report);
    }
    let mut periods: Vec<Report> = by_period
        .into_values()
        .filter_map(|reports| first_of(reports, found))
        .collect();
    let last = periods.pop()?;
    let year = Year {
        year,
        earlier: periods,
        last,
        file,
    };
    for missing in year.all_periods() {
        if !year.periods().any(|r| r.period == missing) {
            let note = Note::Missing { period: missing };
            found.push(note.diagnostic(year.base(), Code::MissingPeriod));
        }
    }
    Some(year)
}

/// The first of `reports` (of one period, in the order found: by name) not named like a
/// copy, or else the first; each other is noted in `found`.
fn first_of(reports: Vec<Report>, found: &mut Vec<Diagnostic>) -> Option<Report> {
    let mut reports = prefer_originals(reports).into_iter();
    let used = reports.next()?;
    for ignored in reports {
        let note = Note::Twice {
            period: ignored.period,
            used: name(&used),
        };
        found.push(note.diagnostic(&ignored, Code::DuplicateQuarter));
    }
    Some(used)
}

/// `reports` (in the order found, by name) with those named like a copy last.
fn prefer_originals(mut reports: Vec<Report>) -> Vec<Report> {
    reports.sort_by_key(|r| looks_like_copy(&r.source));
    reports
}

fn name(report: &Report) -> String {
    report
        .source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `checked` is a year file beside its year's period reports: what `--year`
/// reads with them, not a report of its own.
pub fn is_year_file(checked: &Checked) -> bool {
    checked.report.period.kind == Kind::Year && !checked.other_kinds.is_empty()
}

/// The warning for a year file a build without `--year` passes over.
pub fn passed_over(report: &Report) -> Diagnostic {
    let year = report.period.year;
    Note::YearFile { year }.diagnostic(report, Code::YearFile)
}

/// What a reader of the year's view should know, worded in the report's language.
enum Note {
    /// A period of the year has no report.
    Missing { period: Period },
    /// A second report of one period; `used` names the one used.
    Twice { period: Period, used: String },
    /// Reports of two kinds of part of a year in one series.
    Kinds { first: Kind, other: Kind },
    /// Only a year file, no report of a part of the year.
    NoPeriods { year: u16 },
    /// A year file beside the year's reports, which a build without `--year` passes over.
    YearFile { year: u16 },
}

impl Note {
    /// The note as a diagnostic on `report`'s file: a warning unless `code` is an error's.
    fn diagnostic(&self, report: &Report, code: Code) -> Diagnostic {
        let (message, hint) = match report.language {
            Language::Sv => self.swedish(),
            Language::En | Language::Other(_) => self.english(),
        };
        let diagnostic = match code {
            Code::Invalid => Diagnostic::error(&report.source, None, message),
            _ => Diagnostic::warning(&report.source, None, message).with_code(code),
        };
        diagnostic
            .with_hint(hint)
            .with_labels(super::labels(report.language))
    }

    fn english(&self) -> (String, String) {
        match self {
            Note::Missing { period } => (
                format!(
                    "the year's view has no report for {} {} ({period})",
                    period.kind.english(),
                    period.number
                ),
                format!(
                    "add the {}'s report to the folder, or the view shows the year without it",
                    period.kind.english()
                ),
            ),
            Note::Twice { period, used } => (
                format!("another file is {period} of this programme too; `{used}` is used"),
                "move copies and old versions out of the folder".to_owned(),
            ),
            Note::Kinds { first, other } => (
                format!(
                    "this programme reports the year in {}s and in {}s; a year's view takes \
                     one kind of period",
                    first.english(),
                    other.english()
                ),
                "move the reports of the other kind to a folder of their own".to_owned(),
            ),
            Note::NoPeriods { year } => (
                format!("there are no reports of parts of {year} beside this year file"),
                "the year's view is made from the year's quarter, tertial or half-year reports"
                    .to_owned(),
            ),
            Note::YearFile { year } => (
                format!(
                    "the year file is not built as a report of its own: it belongs to the view \
                     of {year}, with the year's reports in the folder"
                ),
                format!("build the year's view with `kvartal build FOLDER --year {year}`"),
            ),
        }
    }

    fn swedish(&self) -> (String, String) {
        match self {
            Note::Missing { period } => (
                format!(
                    "årsuppföljningen saknar rapporten för {} {} ({period})",
                    period.kind.swedish(),
                    period.number
                ),
                format!(
                    "lägg {}s rapport i mappen, annars visar uppföljningen året utan den",
                    period.kind.swedish_definite()
                ),
            ),
            Note::Twice { period, used } => (
                format!("en fil till gäller {period} av programmet; `{used}` används"),
                "flytta kopior och gamla versioner ut ur mappen".to_owned(),
            ),
            Note::Kinds { first, other } => (
                format!(
                    "programmet rapporterar året både per {} och per {}; en årsuppföljning \
                     bygger på ett slags period",
                    first.swedish(),
                    other.swedish()
                ),
                "flytta rapporterna av det andra slaget till en egen mapp".to_owned(),
            ),
            Note::NoPeriods { year } => (
                format!("det finns inga rapporter för delar av {year} bredvid årsfilen"),
                "årsuppföljningen byggs av årets kvartals-, tertial- eller halvårsrapporter"
                    .to_owned(),
            ),
            Note::YearFile { year } => (
                format!(
                    "årsfilen byggs inte som en egen rapport: den hör till årsuppföljningen av \
                     {year}, tillsammans med årets rapporter i mappen"
                ),
                format!("bygg årsuppföljningen med `kvartal build MAPP --year {year}`"),
            ),
        }
    }
}
