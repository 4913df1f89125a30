//! A programme's web page: after `build --format html` has written the reports of a folder,
//! one page per programme and output folder lists the quarters built, newest first, with
//! links to their files — the page a municipality links from its website.
//!
//! Entry points: [`refuse_clashes`] before anything is written, [`pages`] after the reports;
//! [`with_companions`] when a run builds only some of the reports.
//!
//! - **Which reports.** Those found by searching a folder and built without an error,
//!   grouped by their output folder and their `series`. A report named on the command line
//!   gets no page: a page of that one quarter would replace the page of the whole folder.
//! - **Names.** A folder's page is `index.html`. A second series in the same folder (a
//!   programme renamed without `series`, say) gets `<series>.html`; the series whose newest
//!   quarter is latest keeps `index.html`, so the link on the website shows the current
//!   programme.
//! - **Never over another file.** A report named `index.yaml` would be written where the page
//!   goes: the run is refused before anything is written. A page whose name another report
//!   of the run writes, or a file there that kvartal did not write, is not written, with an
//!   error.

use super::UsageError;
use super::inputs::Input;
use super::meta::{images, meta};
use super::outputs::output_path;
use super::write::{remove_stale, write_together};
use crate::cli::Format;
use crate::diag::Diagnostic;
use crate::doc::{self, Links};
use crate::files;
use crate::html;
use crate::report::Report;
use crate::template::{Layout, ProgrammeQuarter, QuarterFiles};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The name of a folder's page, without its extension.
const INDEX: &str = "index";

/// How much of an existing page is read to see that kvartal wrote it: its head's
/// `generator` comes before the stylesheet.
const HEAD_BYTES: u64 = 64 * 1024;

/// What a web page kvartal writes says of itself in its head.
const GENERATOR: &str = r#"<meta name="generator" content="kvartal">"#;

/// A report built in this run, from a folder, whose quarter goes on its programme's page.
pub struct Built {
    pub input: Input,
    pub report: Report,
}

/// Refuses a run in which a report found in a folder would be written to `index.html`,
/// where its folder's page goes, before anything is written. Compared regardless of case,
/// as `distinct` compares outputs.
pub fn refuse_clashes(inputs: &[Input], out: &Path) -> Result<(), UsageError> {
    let clash = inputs.iter().filter(|input| input.searched).find(|input| {
        let stem = input.path.file_stem().unwrap_or_default();
        stem.to_string_lossy().eq_ignore_ascii_case(INDEX)
    });
    match clash {
        Some(input) => Err(UsageError(format!(
            "{} would be written to {}, where --format html writes the programme's page; \
             rename the report (e.g. after its quarter, 2024-Q1.yaml)",
            input.path.display(),
            output_path(input, out, Format::Html).display()
        ))),
        None => Ok(()),
    }
}

/// `chosen` and the other reports of `all` that go on the same pages, in the order of `all`:
/// a page lists the quarters built in its run, so a run that builds some of a folder's
/// reports (`build --watch`) builds every report its folder's page lists.
pub fn with_companions(chosen: Vec<Input>, all: &[Input]) -> Vec<Input> {
    let paged: Vec<&Path> = chosen
        .iter()
        .filter(|input| input.searched)
        .map(|input| input.out_dir.as_path())
        .collect();
    all.iter()
        .filter(|input| {
            chosen.contains(input) || (input.searched && paged.contains(&input.out_dir.as_path()))
        })
        .cloned()
        .collect()
}

/// Writes the page of each programme in each output folder of `built`, in the look of
/// `layout`, linking the files of `formats`. `inputs` are all of the run's reports, built
/// or not: a page never takes the name of one's web page. Returns the pages written and
/// the problems of those not written.
pub fn pages(
    built: &[Built],
    inputs: &[Input],
    layout: &Layout,
    out: &Path,
    formats: &[Format],
    draft: bool,
) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut taken: Vec<String> = inputs
        .iter()
        .map(|input| key(&output_path(input, out, Format::Html)))
        .collect();
    let (mut written, mut problems) = (Vec::new(), Vec::new());
    for (folder, series) in groups(built, out) {
        for (index, quarters) in series.iter().enumerate() {
            let name = match index {
                0 => INDEX,
                _ => quarters[0].report.series.as_str(),
            };
            let path = folder.join(name).with_extension(Format::Html.extension());
            let result = refuse_taken(&path, &taken)
                .and_then(|()| page(quarters, layout, out, formats, draft))
                .and_then(|bytes| write(&path, bytes));
            // A later series named `index` must not replace this page.
            taken.push(key(&path));
            match result {
                Ok(()) => written.push(path),
                Err(problem) => problems.push(problem),
            }
        }
    }
    (written, problems)
}

/// The built reports by output folder, then by series; in a folder, the series whose
/// newest quarter is latest first (then by name), as its page is `index.html`.
fn groups<'b>(built: &'b [Built], out: &Path) -> BTreeMap<PathBuf, Vec<Vec<&'b Built>>> {
    let mut by_folder: BTreeMap<PathBuf, BTreeMap<&str, Vec<&Built>>> = BTreeMap::new();
    for one in built {
        by_folder
            .entry(out.join(&one.input.out_dir))
            .or_default()
            .entry(one.report.series.as_str())
            .or_default()
            .push(one);
    }
    by_folder
        .into_iter()
        .map(|(folder, series)| {
            let mut series: Vec<Vec<&Built>> = series.into_values().collect();
            let newest = |quarters: &Vec<&Built>| quarters.iter().map(|b| b.report.period).max();
            // Stable, and the map gave them by name.
            series.sort_by_key(|quarters| std::cmp::Reverse(newest(quarters)));
            (folder, series)
        })
        .collect()
}

/// A path as compared for a clash: regardless of case.
fn key(path: &Path) -> String {
    path.to_string_lossy().to_lowercase()
}

/// An error when a report of the run, or another programme's page, is written to `path`.
fn refuse_taken(path: &Path, taken: &[String]) -> Result<(), Diagnostic> {
    match taken.contains(&key(path)) {
        true => Err(Diagnostic::error(
            path,
            None,
            "the programme's page is not written: a report's web page or another \
             programme's page of this build is written here",
        )
        .with_hint("rename that report, or give the series another name")),
        false => Ok(()),
    }
}

/// The page listing `quarters` (one series, one folder), as bytes.
fn page(
    quarters: &[&Built],
    layout: &Layout,
    out: &Path,
    formats: &[Format],
    draft: bool,
) -> Result<Vec<u8>, Diagnostic> {
    let listed: Vec<ProgrammeQuarter<'_>> = quarters
        .iter()
        .map(|built| ProgrammeQuarter {
            report: &built.report,
            files: files(&built.input, out, formats),
        })
        .collect();
    let newest = listed
        .iter()
        .map(|q| q.report)
        .max_by_key(|report| report.period)
        .ok_or_else(|| Diagnostic::error(out, None, "a programme's page needs a quarter"))?;
    let of_layout = |e: crate::template::LayoutError| e.diagnostic(&newest.source);
    let markdown = layout.render_programme(&listed).map_err(of_layout)?;
    let mut meta = meta(newest, layout).map_err(of_layout)?;
    meta.title = layout.programme_title(newest).map_err(of_layout)?;
    meta.keywords = vec![newest.programme.clone()];
    meta.case_number = None;
    meta.properties = properties(newest, &listed);
    let images = images(newest, layout.style());
    let document =
        doc::parse_with(&markdown, meta, &images, Links::WebAndSiblings).map_err(|e| {
            let message = format!("in the layout's programme page: {e}");
            Diagnostic::error(&newest.source, None, message)
        })?;
    Ok(html::html(&document, draft))
}

/// The names of the files of `formats` built from `input`, as the page links them.
fn files(input: &Input, out: &Path, formats: &[Format]) -> QuarterFiles {
    let name = |format: Format| {
        formats.contains(&format).then(|| {
            let path = output_path(input, out, format);
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
    };
    QuarterFiles {
        html: name(Format::Html),
        pdf: name(Format::Pdf),
        docx: name(Format::Docx),
    }
}

/// The page's facts for its header and metadata: the programme, and the quarters it spans
/// (`2023-Q1 – 2023-Q4`).
fn properties(newest: &Report, listed: &[ProgrammeQuarter<'_>]) -> Vec<(String, String)> {
    let oldest = listed
        .iter()
        .map(|q| q.report.period)
        .min()
        .unwrap_or(newest.period);
    let period = match oldest == newest.period {
        true => newest.period.to_string(),
        false => format!("{oldest} – {}", newest.period),
    };
    vec![
        ("Programme".to_owned(), newest.programme.clone()),
        ("Period".to_owned(), period),
    ]
}

/// Writes the page as the reports' files are written (a temporary file renamed into
/// place), unless a file kvartal did not write stands where it goes.
fn write(path: &Path, bytes: Vec<u8>) -> Result<(), Diagnostic> {
    let ours = match files::read_plain_head(path, HEAD_BYTES) {
        Ok(head) => String::from_utf8_lossy(&head).contains(GENERATOR),
        Err(files::ReadError::NotFound) => true,
        Err(_) => false,
    };
    if !ours {
        return Err(Diagnostic::error(
            path,
            None,
            "the programme's page is not written: a file that kvartal did not write is there",
        )
        .with_hint("move that file away, or build into another --out folder"));
    }
    let outputs = [(path.to_path_buf(), bytes)];
    remove_stale(&[path.to_path_buf()])
        .and_then(|()| write_together(&outputs))
        .map_err(|e| Diagnostic::error(path, None, format!("cannot write: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(path: &str, out_dir: &str, searched: bool) -> Input {
        let (path, out_dir) = (PathBuf::from(path), PathBuf::from(out_dir));
        Input {
            path,
            out_dir,
            searched,
        }
    }

    #[test]
    fn a_report_built_alone_brings_the_others_on_its_page() {
        let all = [
            input("r/a/2024-Q1.yaml", "a", true),
            input("r/b/2024-Q1.yaml", "b", true),
            input("r/a/2024-Q2.yaml", "a", true),
            input("x/2024-Q1.yaml", "", false),
        ];
        let chosen = with_companions(vec![all[2].clone()], &all);
        assert_eq!(chosen, [all[0].clone(), all[2].clone()]);
        // A report named on the command line has no page to fill.
        assert_eq!(
            with_companions(vec![all[3].clone()], &all),
            [all[3].clone()]
        );
    }
}
