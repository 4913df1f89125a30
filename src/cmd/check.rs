//! `kvartal check`: load and validate each report, render it with the layout `build` will
//! use and typeset its PDF in memory (so that what passes check builds), report its errors
//! and warnings, write nothing.
//! With `--strict` warnings count as errors.
//!
//! A line on standard output always ends a run printed for people: how many reports were
//! checked and what was found, so that a run that finds nothing is not mistaken for one
//! that did nothing.

use super::batch::{self, Progress};
use super::build::validate;
use super::inputs::inputs;
use super::layout;
use super::{Outcome, UsageError};
use crate::cli::{CheckArgs, MessageFormat};
use crate::diag::{Diagnostic, Labels, Severity};
use crate::pdf::PdfOptions;
use crate::report::{self, Report, Shelf};
use crate::template::Layout;
use std::path::Path;

/// `kvartal check`: every report's errors and warnings, and a summary line for people.
pub fn check(args: &CheckArgs) -> Result<Outcome, UsageError> {
    let source = layout::find(&args.layout)?;
    let found = inputs(&args.paths)?;
    let mut outcome = Outcome {
        diagnostics: found.skipped,
        ..Outcome::default()
    };
    let shelf = Shelf::for_run(found.inputs.len());
    // Checked in parallel, reported in the order found; the reports are read while the
    // layout is compiled.
    let progress = Progress::new(&found.inputs, args.format == MessageFormat::Json);
    let (results, layout) = source.compile_beside(|compiling| {
        let layout = || compiling.wait().as_ref().ok();
        batch::each(&found.inputs, &progress, |input| {
            check_one(&input.path, layout, &shelf)
        })
    });
    progress.finish();
    if let Err(broken) = layout {
        outcome.diagnostics.push(broken);
    }
    let mut languages = Vec::new();
    for (labels, mut diagnostics) in results {
        languages.extend(labels);
        outcome.diagnostics.append(&mut diagnostics);
    }
    if args.strict {
        for diagnostic in &mut outcome.diagnostics {
            diagnostic.severity = Severity::Error;
        }
    }
    // In JSON, standard output holds one object a line and nothing else.
    if args.format == MessageFormat::Text {
        let count = found.inputs.len();
        outcome.printed = summary(count, &outcome.diagnostics, batch::words(&languages)) + "\n";
    }
    Ok(outcome)
}

/// The problems of the report at `path`, and the language they are worded in when known;
/// `layout` waits for the layout, which is needed only once the report is read.
fn check_one<'l>(
    path: &Path,
    layout: impl Fn() -> Option<&'l Layout> + Sync,
    shelf: &Shelf,
) -> (Option<Labels>, Vec<Diagnostic>) {
    // The report is rendered and typeset while its warnings are found.
    let unbuildable =
        |report: &Report, text: &str| layout().and_then(|l| unbuildable(report, text, l));
    match report::check_with(path, shelf, unbuildable) {
        Ok((mut checked, unbuildable)) => {
            let mut found = std::mem::take(&mut checked.warnings);
            found.extend(unbuildable);
            (Some(report::labels(checked.report.language)), found)
        }
        Err(errors) => (errors.first().map(|e| e.labels), errors),
    }
}

/// Why `build` would refuse `report` (its file's text `text`) with `layout`, if it would:
/// the report is rendered and its PDF typeset and validated in memory (a character no font
/// has, say), so that a report that passes `check` builds.
fn unbuildable(report: &Report, text: &str, layout: &Layout) -> Option<Diagnostic> {
    validate(report, text, layout, &PdfOptions::default()).err()
}

/// "2 reports checked, no problems", or the counts of errors and warnings found.
fn summary(reports: usize, diagnostics: &[Diagnostic], labels: Labels) -> String {
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let sv = labels == Labels::Swedish;
    let checked = match (sv, reports) {
        (true, 1) => "1 rapport kontrollerad".to_owned(),
        (true, n) => format!("{n} rapporter kontrollerade"),
        (false, 1) => "1 report checked".to_owned(),
        (false, n) => format!("{n} reports checked"),
    };
    if errors + warnings == 0 {
        let none = if sv { "inga fel" } else { "no problems" };
        return format!("{checked}, {none}");
    }
    let mut found = Vec::new();
    if errors > 0 {
        found.push(match (sv, errors) {
            (true, n) => format!("{n} fel"),
            (false, 1) => "1 error".to_owned(),
            (false, n) => format!("{n} errors"),
        });
    }
    if warnings > 0 {
        found.push(match (sv, warnings) {
            (true, 1) => "1 varning".to_owned(),
            (true, n) => format!("{n} varningar"),
            (false, 1) => "1 warning".to_owned(),
            (false, n) => format!("{n} warnings"),
        });
    }
    format!("{checked}: {}", found.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_summary_counts_in_the_reports_language() {
        let warning = Diagnostic::warning(Path::new("a.yaml"), None, "w");
        let error = Diagnostic::error(Path::new("a.yaml"), None, "e");
        assert_eq!(
            summary(2, &[], Labels::Swedish),
            "2 rapporter kontrollerade, inga fel"
        );
        assert_eq!(
            summary(1, &[], Labels::English),
            "1 report checked, no problems"
        );
        let found = [error.clone(), warning.clone(), warning];
        assert_eq!(
            summary(3, &found, Labels::Swedish),
            "3 rapporter kontrollerade: 1 fel, 2 varningar"
        );
        assert_eq!(
            summary(3, &found[..2], Labels::English),
            "3 reports checked: 1 error, 1 warning"
        );
    }
}
