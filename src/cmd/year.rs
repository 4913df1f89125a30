//! `kvartal build --year YEAR`: a programme's year in one document, from the reports of its
//! periods of that year and the year file beside them (see `report::year`).
//!
//! The reports are those the command line names (a folder's, searched). Each output folder
//! holds the views of its programmes: one a series that has reports in the year, named
//! after its year file (`2023.yaml` → `2023.pdf`), else after the year (`2023`), or after
//! series and year (`medborgarlofte-2023-2023`) when the folder has more than one programme.
//! A folder whose reports have errors gets no view: a year without one of its periods,
//! unseen, would mislead.

use super::batch::{self, Progress, Tally};
use super::build::{pdf_options, render, unique, write_files};
use super::inputs::inputs;
use super::layout;
use super::meta::{images, meta};
use super::{Outcome, UsageError};
use crate::cli::{BuildArgs, Format};
use crate::diag::{Diagnostic, Severity};
use crate::doc;
use crate::report::year::{Year, gather};
use crate::report::{self, Report, Shelf};
use crate::template::Layout;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Builds the year's view of every programme of the reports named.
pub fn build_year(args: &BuildArgs, year: u16) -> Result<Outcome, UsageError> {
    let options = pdf_options(args)?;
    let layout = layout::load(&args.layout)?;
    let found = inputs(&args.paths)?;
    let mut outcome = Outcome {
        diagnostics: found.skipped,
        ..Outcome::default()
    };
    let layout = match layout {
        Ok(layout) => layout,
        Err(diagnostic) => {
            outcome.diagnostics.push(diagnostic);
            return Ok(outcome);
        }
    };
    let shelf = Shelf::for_run(found.inputs.len());
    let progress = Progress::new(&found.inputs, args.quiet);
    let results = batch::each(&found.inputs, &progress, |input| {
        report::check(&input.path, &shelf)
    });
    let took = progress.finish();
    let mut folders: BTreeMap<&Path, Vec<Report>> = BTreeMap::new();
    let mut failed: Vec<&Path> = Vec::new();
    for (input, result) in found.inputs.iter().zip(results) {
        match result {
            Ok(mut checked) => {
                // Only the year's reports have a say in its view.
                if checked.report.period.year == year {
                    outcome.diagnostics.append(&mut checked.warnings);
                }
                folders
                    .entry(&input.out_dir)
                    .or_default()
                    .push(checked.report);
            }
            Err(mut errors) => {
                outcome.diagnostics.append(&mut errors);
                failed.push(&input.out_dir);
            }
        }
    }
    let mut tally = Tally::default();
    let mut languages = Vec::new();
    for (folder, reports) in folders {
        if failed.contains(&folder) {
            tally.failed += 1;
            continue;
        }
        let (years, notes) = gather(year, reports);
        let refused = notes.iter().any(|d| d.severity == Severity::Error);
        outcome.diagnostics.extend(notes);
        if refused {
            tally.failed += 1;
            continue;
        }
        let several = years.len() > 1;
        for one in &years {
            let out = args.out.join(folder);
            match write_year(one, &layout, args, &options, &out, &stem(one, several)) {
                Ok((written, pages)) => {
                    tally.reports += 1;
                    tally.pages += pages;
                    languages.push(report::labels(one.base().language));
                    outcome.written.extend(written);
                }
                Err(problem) => {
                    tally.failed += 1;
                    outcome.diagnostics.push(problem);
                }
            }
        }
    }
    if tally.reports + tally.failed == 0 {
        outcome.diagnostics.push(none_found(year, &args.paths));
    }
    tally.warnings = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    outcome.quiet = args.quiet;
    outcome.printed = batch::summary(tally, took, batch::words(&languages)) + "\n";
    Ok(outcome)
}

/// The error for a run that found no report of `year`.
fn none_found(year: u16, paths: &[PathBuf]) -> Diagnostic {
    let named: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let place = named
        .first()
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    Diagnostic::error(
        &place,
        None,
        format!("no report of {year} was found in {}", named.join(", ")),
    )
    .with_hint("name the folder that holds the year's quarter, tertial or half-year reports")
}

/// The stem of `year`'s files: its year file's, else the year, with the series when the
/// folder has `several` programmes.
fn stem(year: &Year, several: bool) -> String {
    if let Some(file) = &year.file {
        let stem = file.source.file_stem().unwrap_or_default();
        return stem.to_string_lossy().into_owned();
    }
    match several {
        true => format!("{}-{}", year.last.series, year.year),
        false => year.year.to_string(),
    }
}

/// Renders `year` in every format asked for and writes the files, named `stem`, into `out`
/// together, returning them and the PDF layout's pages.
fn write_year(
    year: &Year,
    layout: &Layout,
    args: &BuildArgs,
    options: &crate::pdf::PdfOptions,
    out: &Path,
    stem: &str,
) -> Result<(Vec<PathBuf>, usize), Diagnostic> {
    let source = &year.base().source;
    let document = document(year, layout)?;
    let rendered = render(&document, &unique(&args.format), options, |_| {})
        .map_err(|e| Diagnostic::error(source, None, e.message()))?;
    let path = |format: Format| out.join(stem).with_extension(format.extension());
    let written = write_files(rendered.files, path)
        .map_err(|message| Diagnostic::error(source, None, message))?;
    Ok((written, rendered.pages))
}

/// The year rendered by the layout's `year.hbs` and parsed into the document the backends
/// draw. Its metadata is that of the year's base report (see `Year::base`) for the whole
/// year, under the year's title.
fn document(year: &Year, layout: &Layout) -> Result<doc::Document, Diagnostic> {
    let base = year.base();
    let of_layout = |e: crate::template::LayoutError| e.diagnostic(&base.source);
    let markdown = layout.render_year(year).map_err(of_layout)?;
    let mut head = base.clone();
    head.period = year.period();
    head.title = Some(layout.year_title(year).map_err(of_layout)?);
    let meta = meta(&head, layout).map_err(of_layout)?;
    doc::parse(&markdown, meta, &images(base, layout.style())).map_err(|e| {
        let message = format!("in the layout's year view: {e}");
        Diagnostic::error(&base.source, None, message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_a_report_of_the_year_says_where_it_looked() {
        let error = none_found(2023, &[PathBuf::from("rapporter")]);
        assert_eq!(error.severity, Severity::Error);
        assert!(
            error
                .message
                .contains("no report of 2023 was found in rapporter")
        );
    }
}
