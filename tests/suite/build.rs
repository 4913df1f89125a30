//! `kvartal build` on the example reports and on tricky input.

use crate::support::{docx_text, example_reports, kvartal, path_str, pdf_text, repo, scratch};
use kvartal::report::{self, Language, Report};
use std::path::{Path, PathBuf};

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
    let out = scratch("examples");
    let run = kvartal(&["build", "report-data", "--out", path_str(&out)]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    for (source, report) in examples() {
        let pdf = pdf_text(&output(&out, &source, "pdf"));
        let docx = docx_text(&output(&out, &source, "docx"));
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
    let (first, second) = (scratch("twice-1"), scratch("twice-2"));
    for out in [&first, &second] {
        let run = kvartal(&[
            "build",
            "report-data/medborgarlofte-jonkoping/2023-Q1.yaml",
            "--out",
            path_str(out),
        ]);
        assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    }
    for name in ["2023-Q1.pdf", "2023-Q1.docx"] {
        let a = std::fs::read(first.join(name)).expect("first build wrote it");
        let b = std::fs::read(second.join(name)).expect("second build wrote it");
        assert!(a == b, "{name} differs between two builds");
    }
}

#[test]
fn template_and_markdown_characters_in_plain_text_are_printed_as_written() {
    let out = scratch("literal");
    let run = kvartal(&[
        "build",
        "tests/fixtures/build/literal/literal.yaml",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    let pdf = pdf_text(&out.join("literal.pdf"));
    let docx = docx_text(&out.join("literal.docx"));
    for text in [
        "Rapport {{title}} med <b>taggar</b>, *stjärnor*, # och | rör",
        "Kommun *kursiv* & [länk](https://example.org)",
        "Fokus # rubrik | kolumn {{x}}",
        "Andel <i>trygga</i> _understruken_",
        "Aktivitet `kod` \\ backslash ~tilde~",
        "Polisen | Kommunen",
    ] {
        assert!(pdf.contains(text), "PDF lacks {text:?} in:\n{pdf}");
        assert!(docx.contains(text), "DOCX lacks {text:?}");
    }
}

#[test]
fn the_formats_option_chooses_what_is_written() {
    let out = scratch("only-pdf");
    let run = kvartal(&[
        "build",
        "report-data/safer-harbour-town",
        "--format",
        "pdf",
        "--out",
        path_str(&out),
    ]);
    assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
    assert!(out.join("2023-Q4.pdf").is_file());
    assert!(!out.join("2023-Q4.docx").exists());
    assert!(
        run.stdout.contains("2023-Q4.pdf"),
        "says what it wrote: {}",
        run.stdout
    );
}

#[test]
fn a_path_that_does_not_exist_is_wrong_usage() {
    let run = kvartal(&[
        "build",
        "no/such/report.yaml",
        "--out",
        path_str(&scratch("missing")),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such/report.yaml"), "{}", run.stderr);
}

#[test]
fn an_unknown_layout_is_wrong_usage() {
    let run = kvartal(&[
        "build",
        "report-data",
        "--layout",
        "fancy",
        "--out",
        path_str(&scratch("layout")),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("standard"),
        "names the built-in layouts: {}",
        run.stderr
    );
}

#[test]
fn characters_no_font_has_are_named_once_and_nothing_is_written() {
    let dir = scratch("no-glyph");
    let source = repo().join("report-data/safer-harbour-town/2023-Q4.yaml");
    let text = std::fs::read_to_string(&source).expect("the example");
    let text = text.replacen("programme: ", "programme: 漢字 ", 1);
    let file = dir.join("2023-Q4.yaml");
    std::fs::write(&file, text).expect("written");
    let logos = source.with_file_name("logos");
    std::fs::create_dir_all(dir.join("logos")).expect("logos folder");
    for logo in std::fs::read_dir(&logos).expect("the example's logos") {
        let logo = logo.expect("readable").path();
        let name = logo.file_name().expect("a file name");
        std::fs::copy(&logo, dir.join("logos").join(name)).expect("logo copied");
    }
    let out = dir.join("out");
    let run = kvartal(&["build", path_str(&file), "--out", path_str(&out)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr.matches("\"漢\"").count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("\"字\""), "{}", run.stderr);
    assert!(!out.exists(), "nothing is written");
}
