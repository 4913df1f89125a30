//! The report stage: the file read and validated alone (`load`), the earlier quarters
//! beside it merged into its history (`history`), and the warnings about it (`lint`).
//!
//! Entry points: [`check`] (the report and its warnings) and [`load`] (the report only).
//! Only this stage reads more than one file; `history` and `lint` are given the reports.
//! The files beside a report are glanced at, and only those its history needs are read in
//! full; a [`Shelf`] keeps what was read for the other reports of the same run.

mod shelf;

pub use shelf::Shelf;

use super::history::{self, Beside};
use super::load::{ReadFile, read};
use super::problems::Problem;
use super::spans::Spans;
use super::{Kind, Period, Report, lint};
use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// A report that has no errors, and the warnings about it.
#[derive(Debug)]
pub struct Checked {
    /// The report, with its metrics' history.
    pub report: Report,
    /// What the report says that is probably not meant, in the order of the file.
    pub warnings: Vec<Diagnostic>,
    /// The report file's text, as read.
    pub text: String,
    /// The files of the earlier quarters whose values the report's history uses.
    pub earlier: Vec<PathBuf>,
    /// The kinds of period of the other files of its series beside it: for a year file,
    /// those of the year's parts it is the year's view with.
    pub other_kinds: Vec<Kind>,
}

/// Reads and validates one report file with the history of its metrics, returning every
/// error found; warnings do not stop it.
pub fn load(path: &Path) -> Result<Report, Vec<Diagnostic>> {
    check(path, &Shelf::default()).map(|checked| checked.report)
}

/// As [`load`], with the warnings about the report. The files beside it are taken from
/// `shelf` when another report of the run has read them, and left there for the next.
///
/// A year file (a report of the whole year) may lie beside its year's quarter, tertial or
/// half-year reports: it is what `build --year` reads with them, and neither is part of
/// the other's history. Reports of two kinds of part of a year in one series are an error.
pub fn check(path: &Path, shelf: &Shelf) -> Result<Checked, Vec<Diagnostic>> {
    check_with(path, shelf, |_, _| ()).map(|(checked, ())| checked)
}

/// As [`check`], with `alongside` run on the report (its history merged) and its file's
/// text on another core while its warnings are found: what the caller does next with it.
pub fn check_with<T: Send>(
    path: &Path,
    shelf: &Shelf,
    alongside: impl FnOnce(&Report, &str) -> T + Send,
) -> Result<(Checked, T), Vec<Diagnostic>> {
    let (file, beside) = read_with_beside(path, shelf);
    let ReadFile {
        mut report,
        spans,
        text,
    } = file?;
    shelf.keep(&report, text.len());
    // Earlier quarters beside the file: their metric values and last quarter's texts.
    let siblings = history::siblings(&report, beside);
    let own = report.period.kind;
    let allowed = |other: Kind| other == Kind::Year || own == Kind::Year;
    let mixed = siblings
        .other_kinds
        .iter()
        .find(|(other, _)| !allowed(**other));
    if let Some((other, files)) = mixed {
        return Err(vec![mixed_kinds(&report, &spans, *other, files)]);
    }
    let other_kinds = siblings.other_kinds.keys().copied().collect();
    let conflicts = history::merge(&mut report, &siblings.earlier);
    let input = lint::Input {
        report: &report,
        spans: &spans,
        source: &text,
        earlier: &siblings.earlier,
        notes: &siblings.notes,
        conflicts: &conflicts,
    };
    let (warnings, next) = rayon::join(|| lint::lint(&input), || alongside(&report, &text));
    let earlier = siblings
        .earlier
        .values()
        .map(|r| r.source.clone())
        .collect();
    let checked = Checked {
        report,
        warnings,
        text,
        earlier,
        other_kinds,
    };
    Ok((checked, next))
}

/// The error for a report whose folder holds files of its series in another kind of
/// period, pointing at its own period.
fn mixed_kinds(report: &Report, spans: &Spans, other: Kind, files: &[PathBuf]) -> Diagnostic {
    let names = files
        .iter()
        .filter_map(|f| f.file_name())
        .map(|name| format!("`{}`", name.to_string_lossy()))
        .collect();
    let problem = Problem::MixedKinds {
        own: report.period.kind,
        other,
        files: names,
    };
    let at = spans.year.as_ref().and_then(super::raw::position);
    problem.diagnostic(&report.source, at, report.language)
}

/// The report at `path` read in full, and the files beside it as its history needs them
/// (see [`beside`]). The two are read at once on two cores, the files needed chosen by a
/// glance at the report: this quarter's report and last quarter's take as long to read.
/// Should the full read find another series or period than the glance, they are chosen
/// again.
fn read_with_beside(
    path: &Path,
    shelf: &Shelf,
) -> (Result<ReadFile, Vec<Diagnostic>>, Vec<Beside>) {
    let files = sibling_files(path);
    if files.is_empty() {
        return (read(path), Vec::new());
    }
    let (file, early) = rayon::join(
        || read(path),
        || {
            let own = shelf.glance(path)?;
            Some((beside(&own.series, own.period, &files, shelf), own))
        },
    );
    let Ok(file) = file else {
        return (file, Vec::new());
    };
    let report = &file.report;
    let beside = match early {
        Some((beside, own)) if own.series == report.series && own.period == report.period => beside,
        _ => beside(&report.series, report.period, &files, shelf),
    };
    (Ok(file), beside)
}

/// Each of `files`, glanced at, and read in full (alone, without its own history) when
/// the history of a report of `series` for `period` needs it.
fn beside(series: &str, period: Period, files: &[PathBuf], shelf: &Shelf) -> Vec<Beside> {
    files
        .iter()
        .map(|path| {
            let Some(head) = shelf.glance(path) else {
                return read_in_full(shelf, path);
            };
            match history::needs(series, period, &head) {
                true => read_in_full(shelf, path),
                false => Beside::Glanced(head),
            }
        })
        .collect()
}

fn read_in_full(shelf: &Shelf, path: &Path) -> Beside {
    match shelf.report(path) {
        Some(report) => Beside::Read(report),
        None => Beside::Unreadable(path.to_path_buf()),
    }
}

/// The other YAML files in the folder of `source`, sorted by name: plain files only, so a
/// link cannot bring in a file from elsewhere.
fn sibling_files(source: &Path) -> Vec<PathBuf> {
    let folder = crate::files::folder_of(source);
    let Ok(listing) = crate::files::plain_files(folder, 0, &super::is_report_file) else {
        return Vec::new();
    };
    let name = source.file_name();
    listing
        .files
        .into_iter()
        .filter(|path| path.file_name() != name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_file_wins_over_history_and_history_fills_the_gaps() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/lint/history-conflict/2023-Q2.yaml");
        let report = load(&path).expect("loads");
        let metric = history::metrics(&report)
            .find(|metric| metric.id == "vandringar")
            .expect("the fixture's metric");
        let values: Vec<(String, f64)> = crate::report::trend::trend(metric, report.period)
            .iter()
            .filter_map(|p| Some((p.quarter.to_string(), p.value?)))
            .collect();
        let expected = [("2022-Q4", 1.0), ("2023-Q1", 2.0), ("2023-Q2", 3.0)];
        assert_eq!(values, expected.map(|(q, v)| (q.to_owned(), v)));
    }
}
