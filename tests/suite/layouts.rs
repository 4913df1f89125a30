//! Layouts as a user meets them: listing, exporting, changing and breaking one.

use crate::case::Case;
use crate::pdf_read::{pdf_page_count as pages, pdf_text};
use crate::support::{kvartal, path_str};
use std::fs;

const JONKOPING_Q1: &str = "report-data/medborgarlofte-jonkoping/2023-Q1.yaml";
const HARBOUR: &str = "report-data/safer-harbour-town/2023-Q4.yaml";

#[test]
fn the_list_names_every_builtin_layout() {
    let run = kvartal(&["layouts"]).succeeds();
    for name in ["standard", "brief", "tjansteskrivelse"] {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(name)),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn the_brief_fits_on_two_pages_and_the_memo_has_its_sections() {
    let [brief, memo] = ["brief", "tjansteskrivelse"].map(|layout| {
        Case::new(&format!("layouts-builtin-{layout}"))
            .source(JONKOPING_Q1)
            .build(&["--layout", layout, "--format", "pdf", HARBOUR])
            .succeeds()
    });
    let brief = brief.pdf();
    assert!(pages(&brief) <= 2, "the brief has {} pages", pages(&brief));
    let english = pdf_text(&memo.output("2023-Q4.pdf"));
    let memo = pdf_text(&memo.pdf());
    for heading in [
        "Förslag till beslut",
        "Sammanfattning",
        "Ärendet",
        "Beslutsunderlag",
    ] {
        assert!(memo.contains(heading), "{heading} missing in:\n{memo}");
    }
    for heading in [
        "Proposed decision",
        "The matter",
        "Decision basis",
        "fourth quarter",
    ] {
        assert!(
            english.contains(heading),
            "{heading} missing in:\n{english}"
        );
    }
}

#[test]
fn an_exported_layout_is_complete_and_is_never_overwritten() {
    let case = Case::new("layouts-export")
        .source(HARBOUR)
        .export_layout("brief");
    let dir = case.layout_dir();
    for file in [
        "report.hbs",
        "style.toml",
        "labels/sv.toml",
        "partials/key_figure.hbs",
    ] {
        assert!(dir.join(file).is_file(), "{file} not exported");
    }
    let style = dir.join("style.toml");
    fs::write(&style, "base = \"brief\"\n").expect("write");
    let again = kvartal(&["layouts", "export", "brief", path_str(&dir)]);
    assert_ne!(again.code, 0);
    assert!(again.stderr.contains("exists already"), "{}", again.stderr);
    assert_eq!(
        fs::read_to_string(&style).ok().as_deref(),
        Some("base = \"brief\"\n")
    );
    case.build(&[]).succeeds();
}

#[test]
fn a_broken_layout_is_reported_before_any_report_and_writes_nothing() {
    let cases = [
        (
            "style.toml",
            "[colours]\nheadng = \"#000000\"\n",
            "style.toml:2:1",
            "did you mean `heading`?",
        ),
        (
            "style.toml",
            "[colours]\nheading = \"#777777\"\n",
            "style.toml:2:11",
            "heading colour #777777 on white has contrast 4.48:1; WCAG 2.1 AA needs 4.5:1",
        ),
        (
            "style.toml",
            "[page]\nmargin_left_mm = 100\nmargin_right_mm = 100\n",
            "style.toml:2:18",
            "it must be at least 60 mm wide",
        ),
        (
            "style.toml",
            "[page]\nwidth_mm = 50\n",
            "style.toml:2:12",
            "from 74 to 1200",
        ),
        (
            "style.toml",
            "[logo]\nheight_mm = 3\n",
            "style.toml:2:13",
            "from 4 to 80",
        ),
        (
            "style.toml",
            "base = \"fancy\"\n",
            "style.toml:1:",
            "built-in layout",
        ),
        (
            "report.hbs",
            "# {{title}}\n\n{{#each focus_areas}}\n",
            "report.hbs:",
            "",
        ),
        (
            "labels/en.toml",
            "summary = \"Summary\"\nextra = \"x\"\n",
            "labels/sv.toml",
            "extra",
        ),
        (
            "partials/activity.hbs",
            "### {{titel}}\n",
            "activity.hbs:1:",
            "titel",
        ),
    ];
    for (i, (file, text, place, words)) in cases.iter().enumerate() {
        Case::new(&format!("layouts-broken-{i}"))
            .source(HARBOUR)
            .layout_file(file, text)
            .build(&[])
            .fails_with(place)
            .says(words)
            .wrote_nothing();
    }
}

#[test]
fn a_new_language_is_a_label_file() {
    let text = fs::read_to_string(HARBOUR)
        .expect("example")
        .replace("language: en", "language: fi");
    assert!(
        text.contains("language: fi"),
        "the example names its language"
    );
    let case = Case::new("layouts-language")
        .copy("report-data/safer-harbour-town/logos", "logos")
        .report_named("fi.yaml", text);
    case.build(&[]).fails_with("labels/fi.toml");
    let english = fs::read_to_string("layouts/standard/labels/en.toml").expect("labels");
    let finnish = english.replace("\"Summary\"", "\"Yhteenveto\"");
    let built = case
        .layout_file("labels/fi.toml", finnish)
        .build(&[])
        .succeeds();
    let pdf = pdf_text(&built.pdf());
    assert!(pdf.contains("Yhteenveto"), "{pdf}");
}
