//! `kvartal build` on the example reports and on tricky input.

use crate::case::Case;
use crate::pdf_read::pdf_text;
use crate::support::{docx_text, example_reports, repo};
use kvartal::report::{self, Language, Report};
use std::path::{Path, PathBuf};

const JONKOPING_Q1: &str = "report-data/medborgarlofte-jonkoping/2023-Q1.yaml";
const HARBOUR: &str = "report-data/safer-harbour-town/2023-Q4.yaml";

/// The example reports, as the loader reads them.
fn examples() -> Vec<(PathBuf, Report)> {
    example_reports()
        .into_iter()
        .map(|path| {
            let report = report::load(&path)
                .unwrap_or_else(|d| panic!("{} does not load: {d:?}", path.display()));
            (path, report)
        })
        .collect()
}

/// The built file for an example report, e.g. `out/medborgarlofte-jonkoping/2023-Q1.pdf`.
fn output(out: &Path, source: &Path, extension: &str) -> PathBuf {
    let folder = source
        .parent()
        .and_then(Path::file_name)
        .expect("in a folder");
    out.join(folder)
        .join(source.file_stem().expect("a name"))
        .with_extension(extension)
}

/// A value as the layout prints it: Swedish "1 234,5", English "1,234.5".
fn shown(value: f64, language: Language) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded}");
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(i, f)| (i, f));
    let (group, decimal) = match language {
        Language::Sv => (" ", ","),
        Language::En | Language::Other(_) => (",", "."),
    };
    let digits: Vec<char> = int.trim_start_matches('-').chars().collect();
    let mut grouped = String::new();
    for (i, digit) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(group);
        }
        grouped.push(*digit);
    }
    let sign = if int.starts_with('-') { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{frac}")
    }
}

/// Everything of a report a reader must find in its documents.
fn expected_texts(report: &Report) -> Vec<String> {
    let mut texts = vec![report.programme.clone()];
    texts.extend(report.title.clone());
    for area in &report.focus_areas {
        texts.push(area.title.clone());
        texts.extend(
            area.metrics
                .iter()
                .flat_map(|m| [m.name.clone(), shown(m.value, report.language)]),
        );
    }
    for activity in &report.activities {
        texts.push(activity.title.clone());
        texts.extend(
            activity
                .metrics
                .iter()
                .flat_map(|m| [m.name.clone(), shown(m.value, report.language)]),
        );
    }
    texts.iter().map(|t| crate::support::normalise(t)).collect()
}

#[test]
fn every_example_report_builds_and_shows_its_content_in_both_formats() {
    let built = Case::new("examples")
        .source("report-data")
        .build(&[])
        .succeeds();
    for (source, report) in examples() {
        let pdf = pdf_text(&output(built.out(), &source, "pdf"));
        let docx = docx_text(&output(built.out(), &source, "docx"));
        for text in expected_texts(&report) {
            assert!(
                pdf.contains(&text),
                "{}: PDF lacks {text:?}",
                source.display()
            );
            assert!(
                docx.contains(&text),
                "{}: DOCX lacks {text:?}",
                source.display()
            );
        }
    }
}

#[test]
fn building_twice_gives_identical_files() {
    let build = |name| Case::new(name).source(JONKOPING_Q1).build(&[]).succeeds();
    let (first, second) = (build("twice-1"), build("twice-2"));
    for (a, b) in [(first.pdf(), second.pdf()), (first.docx(), second.docx())] {
        let name = a.file_name().expect("a file").to_owned();
        let a = std::fs::read(a).expect("first build wrote it");
        let b = std::fs::read(b).expect("second build wrote it");
        assert!(a == b, "{name:?} differs between two builds");
    }
}

#[test]
fn a_pdf_and_docx_made_side_by_side_are_those_made_alone() {
    let build = |name, args: &[&str]| Case::new(name).source(JONKOPING_Q1).build(args).succeeds();
    let together = build("side-by-side", &[]);
    let pdf = build("side-pdf", &["--format", "pdf"]);
    let docx = build("side-docx", &["--format", "docx"]);
    for (a, b) in [(together.pdf(), pdf.pdf()), (together.docx(), docx.docx())] {
        let name = a.file_name().expect("a file").to_owned();
        let a = std::fs::read(a).expect("built together");
        let b = std::fs::read(b).expect("built alone");
        assert!(
            a == b,
            "{name:?} made beside the other format differs from it made alone"
        );
    }
}

#[test]
fn template_and_markdown_characters_in_plain_text_are_printed_as_written() {
    let built = Case::new("literal")
        .source("tests/fixtures/build/literal/literal.yaml")
        .build(&[])
        .succeeds();
    // A line may end after the slash of `</b>`, which a reader of the PDF's text takes
    // for a space: the PDF's characters are compared without white space.
    let squeezed = |text: &str| text.split_whitespace().collect::<String>();
    let pdf = squeezed(&pdf_text(&built.pdf()));
    let docx = docx_text(&built.docx());
    for text in [
        "Rapport {{title}} med <b>taggar</b>, *stjärnor*, # och | rör",
        "Kommun *kursiv* & [länk](https://example.org)",
        "Fokus # rubrik | kolumn {{x}}",
        "Andel <i>trygga</i> _understruken_",
        "Aktivitet `kod` \\ backslash ~tilde~",
        "Polisen | Kommunen",
    ] {
        assert!(
            pdf.contains(&squeezed(text)),
            "PDF lacks {text:?} in:\n{pdf}"
        );
        assert!(docx.contains(text), "DOCX lacks {text:?}");
    }
}

#[test]
fn the_formats_option_chooses_what_is_written() {
    let built = Case::new("only-pdf")
        .source("report-data/safer-harbour-town")
        .build(&["--format", "pdf"])
        .succeeds();
    assert!(built.output("2023-Q4.pdf").is_file());
    assert!(!built.output("2023-Q4.docx").exists());
    assert!(
        built.stdout.contains("2023-Q4.pdf"),
        "says what it wrote: {}",
        built.stdout
    );
}

#[test]
fn a_path_that_does_not_exist_is_wrong_usage() {
    Case::new("missing")
        .source("no/such/report.yaml")
        .build(&[])
        .wrong_usage("no/such/report.yaml");
}

#[test]
fn an_unknown_layout_is_wrong_usage() {
    let built = Case::new("layout")
        .source("report-data")
        .build(&["--layout", "fancy"]);
    // The message names the built-in layouts.
    built.wrong_usage("standard");
}

/// The English example with characters no bundled font has in its programme's name.
fn with_unshown_characters(name: &str) -> Case {
    let text = std::fs::read_to_string(repo().join(HARBOUR)).expect("the example");
    Case::new(name)
        .copy("report-data/safer-harbour-town/logos", "logos")
        .report(text.replacen("programme: ", "programme: 漢字 ", 1))
}

#[test]
fn characters_no_font_has_are_named_once_and_nothing_is_written() {
    let built = with_unshown_characters("no-glyph")
        .build(&[])
        .fails()
        .says("\"字\"")
        .wrote_nothing();
    assert_eq!(
        built.stderr.matches("\"漢\"").count(),
        1,
        "{}",
        built.stderr
    );
}

/// A DOCX alone does not draw or validate a PDF: a character the PDF/A fonts lack stops
/// the PDF, not the DOCX, which Word shows in a font that has it.
#[test]
fn a_docx_alone_is_not_refused_for_what_only_the_pdf_checks() {
    let built = with_unshown_characters("no-glyph-docx")
        .build(&["--format", "docx"])
        .succeeds();
    assert!(docx_text(&built.docx()).contains("漢字"));
}
