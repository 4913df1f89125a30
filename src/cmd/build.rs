//! `kvartal build`: every report through the whole pipeline into PDF, DOCX and HTML files.
//!
//! The layout is compiled once, while the reports are read; a broken layout is reported
//! alone, and nothing is written. A report with errors gets no output; the others are
//! still built. With `--format html`, each programme's page follows its reports (see
//! `programme`).

use super::batch::{self, Progress, Tally};
use super::inputs::{Input, inputs};
use super::layout::{self, Compiling};
use super::meta::{images, meta};
use super::outputs::{distinct, output_path};
use super::programme::{self, Built};
use super::source;
use super::write::{remove_stale, write_together};
use super::{Outcome, UsageError};
use crate::cli::{BuildArgs, Format};
use crate::diag::{Diagnostic, Position};
use crate::doc::{self, Document};
use crate::docx;
use crate::html;
use crate::pdf::{self, PdfError, PdfOptions, PdfStandard};
use crate::report::{self, Checked, Report, Shelf};
use crate::template::{self, Layout};
use clap::ValueEnum;
use std::path::PathBuf;

/// `kvartal build`: each report's PDF and DOCX; a report with errors gets none. `Err` when
/// the command line cannot be followed (an unknown layout, two reports writing one file).
pub fn build(args: &BuildArgs) -> Result<Outcome, UsageError> {
    build_some(args, <[Input]>::to_vec)
}

/// As [`build`], for the reports `select` picks from all those the command line names
/// (`build --watch` rebuilds those a saved file touches). The run is checked and its files
/// named as a build of all of them: the same clashes refused, the same output paths, and
/// with `--format html` the other reports on a chosen one's programme page built too.
pub(super) fn build_some(
    args: &BuildArgs,
    select: impl FnOnce(&[Input]) -> Vec<Input>,
) -> Result<Outcome, UsageError> {
    let options = pdf_options(args)?;
    let source = layout::find(&args.layout)?;
    let mut outcome = Outcome::default();
    let found = inputs(&args.paths)?;
    let formats = unique(&args.format);
    // Every format of a report shares its name, so the first tells whether two clash.
    if let Some(&format) = formats.first() {
        distinct(&found.inputs, &args.out, format)?;
    }
    let pages = formats.contains(&Format::Html);
    if pages {
        programme::refuse_clashes(&found.inputs, &args.out)?;
    }
    let chosen = match pages {
        // A page lists the quarters built in the run: a page of a few would drop the rest.
        true => programme::with_companions(select(&found.inputs), &found.inputs),
        false => select(&found.inputs),
    };
    outcome.diagnostics.extend(found.skipped);
    let shelf = Shelf::for_run(chosen.len());
    let progress = Progress::new(&chosen, args.quiet);
    // The reports are read while the layout is compiled.
    let (results, layout) = source.compile_beside(|compiling| {
        let run = Run {
            layout: compiling,
            args,
            options: &options,
            shelf: &shelf,
            progress: &progress,
        };
        batch::each(&chosen, &progress, |input| run.build_one(input))
    });
    let took = progress.finish();
    let layout = match layout {
        Ok(layout) => layout,
        // Nothing was written without it; the reports' own problems wait for a layout.
        Err(diagnostic) => {
            outcome.diagnostics.push(diagnostic);
            return Ok(outcome);
        }
    };
    let mut built = Vec::new();
    let mut tally = Tally::default();
    let mut languages = Vec::new();
    for (input, result) in chosen.iter().zip(results) {
        match result {
            // A year file, which `--year` reads: only its warnings.
            Ok(made) if made.written.is_empty() => {
                tally.warnings += made.warnings.len();
                outcome.diagnostics.extend(made.warnings);
            }
            Ok(made) => {
                tally.reports += 1;
                tally.pages += made.pages;
                tally.warnings += made.warnings.len();
                languages.push(report::labels(made.report.language));
                outcome.diagnostics.extend(made.warnings);
                outcome.written.extend(made.written);
                if pages && input.searched {
                    let input = input.clone();
                    let report = made.report;
                    built.push(Built { input, report });
                }
            }
            Err(diagnostics) => {
                tally.failed += 1;
                outcome.diagnostics.extend(diagnostics);
            }
        }
    }
    if pages {
        let (written, problems) = programme::pages(
            &built,
            &found.inputs,
            &layout,
            &args.out,
            &formats,
            args.draft,
        );
        outcome.written.extend(written);
        outcome.diagnostics.extend(problems);
    }
    outcome.quiet = args.quiet;
    outcome.printed = batch::summary(tally, took, batch::words(&languages)) + "\n";
    Ok(outcome)
}

/// What one run's reports share: the layout, the options, the files read and the bar.
struct Run<'a> {
    /// Compiled while the first reports are read.
    layout: &'a Compiling,
    args: &'a BuildArgs,
    options: &'a PdfOptions,
    shelf: &'a Shelf,
    progress: &'a Progress,
}

/// One report's files, written.
struct Made {
    written: Vec<PathBuf>,
    report: Report,
    warnings: Vec<Diagnostic>,
    /// Pages of the PDF's layout.
    pages: usize,
}

impl Run<'_> {
    /// Builds one report's files, returning them with the report and its warnings; every
    /// problem is returned as a diagnostic on its file.
    fn build_one(&self, input: &Input) -> Result<Made, Vec<Diagnostic>> {
        let args = self.args;
        self.progress.stage(input, "check");
        // The layout is waited for once the report is read; without it nothing is made.
        let layout = || self.layout.wait().as_ref().map_err(Diagnostic::clone);
        // The document is rendered while the warnings are found.
        let (mut checked, document) = report::check_with(&input.path, self.shelf, |report, _| {
            document(report, layout()?)
        })?;
        let layout = layout().map_err(|broken| vec![broken])?;
        let mut warnings = std::mem::take(&mut checked.warnings);
        if report::year::is_year_file(&checked) {
            warnings.push(report::year::passed_over(&checked.report));
            return Ok(Made {
                written: Vec::new(),
                report: checked.report,
                warnings,
                pages: 0,
            });
        }
        let fail = |message: String| vec![Diagnostic::error(&input.path, None, message)];
        let mut options = self.options.clone();
        if options.standard == PdfStandard::A3aUa1 {
            options.attachments =
                source::attachments(&checked, layout, &args.layout, &options).map_err(fail)?;
        }
        let document = document.map_err(|d| vec![d])?;
        // Every format is produced before anything is written, so an error leaves no files.
        let stage = |name: &str| self.progress.stage(input, name);
        let rendered = render(&document, &unique(&args.format), &options, stage)
            .map_err(|e| vec![e.diagnostic(&checked.report, &checked.text)])?;
        let path = |format| output_path(input, &args.out, format);
        let written = write_files(rendered.files, path).map_err(fail)?;
        Ok(Made {
            written,
            report: checked.report,
            warnings,
            pages: rendered.pages,
        })
    }
}

/// The PDF's standard and options from the command line: `--embed-source` asks for a
/// PDF/A-3a file, the one standard here that may carry the report's files.
pub(super) fn pdf_options(args: &BuildArgs) -> Result<PdfOptions, UsageError> {
    let standard = match (args.pdf_standard, args.embed_source) {
        (None, false) => PdfStandard::default(),
        (None, true) => PdfStandard::A3aUa1,
        (Some(chosen), embed) => {
            let standard = PdfStandard::from(chosen);
            if embed && standard != PdfStandard::A3aUa1 {
                return Err(UsageError(format!(
                    "--embed-source needs --pdf-standard a-3a+ua-1, not {}: only PDF/A-3 may \
                     carry the report's files",
                    standard.name()
                )));
            }
            standard
        }
    };
    Ok(PdfOptions {
        standard,
        draft: args.draft,
        ..PdfOptions::default()
    })
}

/// Writes one document's `files` together, each format to its `path`, first removing what
/// an interrupted build left for any format; the paths written.
pub(super) fn write_files(
    files: Vec<(Format, Vec<u8>)>,
    path: impl Fn(Format) -> PathBuf,
) -> Result<Vec<PathBuf>, String> {
    let outputs: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|(format, bytes)| (path(format), bytes))
        .collect();
    let every_format: Vec<PathBuf> = Format::value_variants().iter().map(|&f| path(f)).collect();
    remove_stale(&every_format)
        .and_then(|()| write_together(&outputs))
        .map_err(|e| {
            let paths: Vec<String> = outputs
                .iter()
                .map(|(p, _)| p.display().to_string())
                .collect();
            format!("cannot write {}: {e}", paths.join(" and "))
        })?;
    Ok(outputs.into_iter().map(|(path, _)| path).collect())
}

/// The longest document whose PDF and DOCX are made at the same time. The stress report
/// (`scripts/stress_report.py`, 562 pages) takes 0.9 s instead of 1.3 s and 220 MB instead
/// of 130 MB so; with a chart for each of its 3,000 metrics (1,923 pages) the two together
/// would take 470 MB, and are made one after the other in 240 MB.
const SIDE_BY_SIDE_PAGES: usize = 1_000;

/// Each of `formats` as bytes, in memory, and the number of pages of the PDF's layout. The
/// PDF is drawn and validated only when it is asked for; the DOCX follows the PDF's layout,
/// laid out without drawing when no PDF is made, so a DOCX never fails on what only a PDF
/// checks. The web page has no pages and needs neither. `stage` is told each step begun.
///
/// The PDF and the DOCX are made side by side, on two cores, for a document of at most
/// [`SIDE_BY_SIDE_PAGES`] pages; a longer one makes them one after the other.
pub(super) fn render(
    document: &Document,
    formats: &[Format],
    options: &PdfOptions,
    stage: impl Fn(&str),
) -> Result<Rendered, Unmade> {
    let wanted = |format| formats.contains(&format);
    let mut files = Vec::new();
    let mut pages = 0;
    if wanted(Format::Pdf) || wanted(Format::Docx) {
        stage("layout");
        let laid = pdf::layout(document, options)?;
        pages = laid.typeset().page_count;
        let typeset = laid.typeset().clone();
        stage(match (wanted(Format::Pdf), wanted(Format::Docx)) {
            (true, true) => "PDF, DOCX",
            (true, false) => "PDF",
            _ => "DOCX",
        });
        // Both follow the same layout and nothing else of each other: made side by side,
        // unless the document is so long that the two together would hold twice the memory.
        let make_pdf = || wanted(Format::Pdf).then(|| laid.draw(document, options));
        let make_docx =
            || wanted(Format::Docx).then(|| docx::docx(document, Some(&typeset), options.draft));
        let (pdf, docx) = if pages <= SIDE_BY_SIDE_PAGES {
            rayon::join(make_pdf, make_docx)
        } else {
            (make_pdf(), make_docx())
        };
        if let Some(pdf) = pdf {
            files.push((Format::Pdf, pdf?));
        }
        if let Some(docx) = docx {
            files.push((Format::Docx, docx?));
        }
    }
    if wanted(Format::Html) {
        stage("HTML");
        files.push((Format::Html, html::html(document, options.draft)));
    }
    Ok(Rendered { files, pages })
}

/// A report's files in memory, by format, and the pages of its PDF layout.
pub(super) struct Rendered {
    pub(super) files: Vec<(Format, Vec<u8>)>,
    pub(super) pages: usize,
}

/// Why a backend could not make its file.
pub(super) enum Unmade {
    Pdf(PdfError),
    Docx(docx::DocxError),
}

impl From<PdfError> for Unmade {
    fn from(error: PdfError) -> Unmade {
        Unmade::Pdf(error)
    }
}

impl From<docx::DocxError> for Unmade {
    fn from(error: docx::DocxError) -> Unmade {
        Unmade::Docx(error)
    }
}

impl Unmade {
    /// What went wrong, in words.
    pub(super) fn message(&self) -> String {
        match self {
            Unmade::Pdf(error) => error.to_string(),
            Unmade::Docx(error) => error.to_string(),
        }
    }

    /// The problem as a diagnostic on the report, whose file's text is `text`: for
    /// characters no font can show, at the first of them in the text, when it is written
    /// there as it is.
    fn diagnostic(&self, report: &Report, text: &str) -> Diagnostic {
        let source = &report.source;
        let message = self.message();
        let unshown = match self {
            Unmade::Pdf(PdfError::Standard { unshown, .. }) => unshown.as_slice(),
            _ => &[][..],
        };
        match text.char_indices().find(|(_, c)| unshown.contains(c)) {
            Some((at, c)) => {
                let end = Position::after(&text[..at + c.len_utf8()]);
                Diagnostic::error(source, Some(Position::after(&text[..at])), message).with_end(end)
            }
            None => Diagnostic::error(source, None, message),
        }
    }
}

pub(super) fn unique(formats: &[Format]) -> Vec<Format> {
    let mut seen = Vec::new();
    for format in formats {
        if !seen.contains(format) {
            seen.push(*format);
        }
    }
    seen
}

/// Whether the report's PDF can be made: rendered, laid out and validated in memory as
/// `build` does, without compressing it. `check` runs this, so that what passes it builds.
/// `text` is the report file's text, which a problem points into.
pub(super) fn validate(
    report: &Report,
    text: &str,
    layout: &Layout,
    options: &PdfOptions,
) -> Result<(), Diagnostic> {
    let document = document(report, layout)?;
    pdf::validate(&document, options).map_err(|e| Unmade::Pdf(e).diagnostic(report, text))
}

/// The report's document and its PDF, typeset and validated in memory.
pub(super) fn typeset(
    checked: &Checked,
    layout: &Layout,
    options: &PdfOptions,
) -> Result<(Document, pdf::Pdf), Diagnostic> {
    let document = document(&checked.report, layout)?;
    let pdf = pdf::pdf(&document, options)
        .map_err(|e| Unmade::Pdf(e).diagnostic(&checked.report, &checked.text))?;
    Ok((document, pdf))
}

/// The report rendered by the layout and parsed into the document both backends draw.
/// A problem of the layout names the layout's file and the place in it, as a problem of a
/// report names the report's.
pub fn document(report: &Report, layout: &Layout) -> Result<Document, Diagnostic> {
    let of_layout = |e: template::LayoutError| e.diagnostic(&report.source);
    let markdown = layout.render(report).map_err(of_layout)?;
    let meta = meta(report, layout).map_err(of_layout)?;
    doc::parse(&markdown, meta, &images(report, layout.style())).map_err(|e| {
        let message = format!("in the layout's output: {e}");
        Diagnostic::error(&report.source, None, message)
    })
}
