//! Charts and trend tables read back as a reader's software reads them: the figures'
//! alternative texts from the PDF's structure and the DOCX's pictures, the trend tables'
//! header cells and rows, and the key-figures overview.

use crate::case::Case;
use crate::pdf_read::{pdf_alt_texts, pdf_structure, pdf_table_rows, pdf_text};
use crate::support::{attribute_values, docx_part, docx_text, normalise};
use std::path::{Path, PathBuf};

/// Builds `source` (relative to the repository) into a fresh folder; the PDF's path.
fn build(name: &str, source: &str) -> PathBuf {
    Case::new(name).source(source).build(&[]).succeeds().pdf()
}

fn docx_alt_texts(pdf: &Path) -> Vec<String> {
    let document = docx_part(&pdf.with_extension("docx"), "word/document.xml");
    attribute_values(&document, "wp:docPr", "descr")
}

/// The charts of the fixture programme: five quarters with two gaps, negative values,
/// percentages, a large number and a metric that is better lower.
const FIXTURE_ALTS: [&str; 4] = [
    "Nettoförändring av anmälningar: -3 i kvartal 2 2022, inget värde för kvartal 3 2022, -1 i kvartal 4 2022, inget värde för kvartal 1 2023, 2 i kvartal 2 2023",
    "Besökare i hamnen: 1 200 000 i kvartal 2 2022, inget värde för kvartal 3 2022, 1 180 000 i kvartal 4 2022, inget värde för kvartal 1 2023, 1 234 567 i kvartal 2 2023",
    "Andel trygga: 68,5 % i kvartal 2 2022, inget värde för kvartal 3 2022, 70 % i kvartal 4 2022, inget värde för kvartal 1 2023, 72,5 % i kvartal 2 2023; mål 75 %",
    "Anmälda brott: 50 i kvartal 2 2022, inget värde för kvartal 3 2022, 47 i kvartal 4 2022, inget värde för kvartal 1 2023, 40 i kvartal 2 2023; mål 45",
];

#[test]
fn each_chart_states_its_series_in_words_in_the_pdf_and_the_docx() {
    let pdf = build("charts-alt", "tests/fixtures/charts/2023-Q2.yaml");
    let read = |alts: Vec<String>| -> Vec<String> { alts.iter().map(|a| normalise(a)).collect() };
    for (format, alts) in [
        ("PDF", read(pdf_alt_texts(&pdf))),
        ("DOCX", read(docx_alt_texts(&pdf))),
    ] {
        for expected in FIXTURE_ALTS {
            assert!(
                alts.iter().any(|alt| alt == expected),
                "{format}: no figure with the alt text {expected:?} in {alts:#?}"
            );
        }
        // A metric with only this quarter's value has no trend to chart.
        assert!(
            !alts.iter().any(|alt| alt.starts_with("Kameror")),
            "{alts:#?}"
        );
    }
    assert!(pdf_text(&pdf).contains("Kameror i drift: 5"));
}

#[test]
fn trend_tables_give_changes_and_the_target_by_direction() {
    let pdf = build("charts-trend", "tests/fixtures/charts/2023-Q2.yaml");
    let rows = pdf_table_rows(&pdf);
    // Fewer reports are lower-is-better: 40 against 45 meets the target; 50 a year before.
    for row in [
        "K2 2023 40 ↓ −10 Målet nått",
        "K4 2022 47 Målet ej nått",
        "K3 2022 –",
        "K2 2023 2 ↑ +5",
        "K2 2023 1 234 567 ↑ +34 567",
    ] {
        assert!(
            rows.iter().any(|r| r == row),
            "{row:?} in the PDF:\n{rows:#?}"
        );
    }
    let docx = docx_text(&pdf.with_extension("docx"));
    for cell in [
        "Mot samma kvartal året före",
        "↓ −10",
        "Målet nått",
        "1 234 567",
    ] {
        assert!(docx.contains(cell), "{cell:?} in the DOCX:\n{docx}");
    }
    // The header cells are tagged as such, for a screen reader's table navigation.
    let structure = pdf_structure(&pdf);
    let elements = structure.elements();
    for header in [
        "Kvartal",
        "Mot kvartalet före",
        "Mot samma kvartal året före",
    ] {
        assert!(
            elements.iter().any(|e| e.kind == "TH"
                && e.attribute("Scope") == Some("Column")
                && e.text == header),
            "{header} is a TH with /Scope /Column:\n{structure:#?}"
        );
    }
}

#[test]
fn the_standard_report_opens_with_every_key_figure() {
    let pdf = build("charts-overview", "tests/fixtures/charts/2023-Q2.yaml");
    let text = pdf_text(&pdf);
    let overview = text.find("Nyckeltal").expect("a key-figures section");
    let details = text.rfind("Hamnen").expect("the focus area's section");
    assert!(
        overview < details,
        "key figures before the details:\n{text}"
    );
    let rows = pdf_table_rows(&pdf);
    for row in [
        "Andel trygga (%) 72,5 75 Målet ej nått",
        "Anmälda brott 40 45 Målet nått",
        "Kameror i drift 5",
        "Besökare i hamnen (st) 1 234 567",
    ] {
        assert!(rows.iter().any(|r| r == row), "{row:?} in:\n{rows:#?}");
    }
}

#[test]
fn an_english_report_speaks_of_its_quarters_in_english() {
    let source = "report-data/safer-harbour-town/2023-Q4.yaml";
    let pdf = build("charts-english", source);
    let alts = pdf_alt_texts(&pdf);
    let charts: Vec<&String> = alts.iter().filter(|a| a.contains(" in Q4 2023")).collect();
    assert!(!charts.is_empty(), "{alts:#?}");
    let text = pdf_text(&pdf);
    for words in ["Key figures", "Since same quarter last year", "Q4 2023"] {
        assert!(text.contains(words), "{words:?} in:\n{text}");
    }
}
