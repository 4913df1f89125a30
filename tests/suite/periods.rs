//! Reports per tertial, half year and whole year: each kind built in every layout with its
//! own words and its history, `new` stepping to the next period of the kind, the lint
//! knowing the kind's words, and a folder mixing kinds refused.

use crate::case::Case;
use crate::pdf_read::{pdf_table_rows, pdf_text};
use crate::support::{docx_text, kvartal, normalise, path_str};

/// A small Swedish report for `period` (the lines under `period:`), ending on `last_day`,
/// with one metric of `value` and a progress text of `progress`.
fn report(period: &str, last_day: &str, value: u32, progress: &str) -> String {
    format!(
        "programme: Trygg i Åsa\nperiod:\n{period}date: {last_day}\nlanguage: sv\n\
         organisations:\n  - name: Åsa kommun\nfocus_areas:\n  - id: centrum\n    \
         title: Trygghet i centrum\n    status: on_track\n    progress: {progress}\n    \
         metrics:\n      - id: vandringar\n        name: Trygghetsvandringar\n        \
         value: {value}\n"
    )
}

/// A folder of one programme's reports, each `(file name, period lines, last day, value)`.
fn programme(name: &str, reports: &[(&str, &str, &str, u32)]) -> Case {
    reports
        .iter()
        .fold(Case::new(name), |case, (file, period, day, value)| {
            let text = report(period, day, *value, "Arbetet fortsätter.");
            case.report_named(file, text)
        })
}

const TERTIALS: [(&str, &str, &str, u32); 3] = [
    (
        "2024-T1.yaml",
        "  year: 2024\n  tertial: 1\n",
        "2024-04-30",
        3,
    ),
    (
        "2024-T2.yaml",
        "  year: 2024\n  tertial: 2\n",
        "2024-08-31",
        5,
    ),
    (
        "2024-T3.yaml",
        "  year: 2024\n  tertial: 3\n",
        "2024-12-31",
        8,
    ),
];

const HALVES: [(&str, &str, &str, u32); 2] = [
    ("2024-H1.yaml", "  year: 2024\n  half: 1\n", "2024-06-30", 4),
    ("2024-H2.yaml", "  year: 2024\n  half: 2\n", "2024-12-31", 9),
];

const YEARS: [(&str, &str, &str, u32); 2] = [
    ("2023.yaml", "  year: 2023\n", "2023-12-31", 10),
    ("2024.yaml", "  year: 2024\n", "2024-12-31", 14),
];

#[test]
fn each_kind_is_built_in_every_layout_with_its_words_and_history() {
    // (reports, the last one's title and its heading in the standard layout, the trend
    // table's change column, the earlier period's row in the table)
    let kinds = [
        (
            &TERTIALS[..],
            "Uppföljning av Trygg i Åsa – tertial 3 2024",
            "Tertial 3 2024",
            "Mot tertialet före",
            "T2 2024 5",
        ),
        (
            &HALVES[..],
            "Uppföljning av Trygg i Åsa – andra halvåret 2024",
            "Andra halvåret 2024",
            "Mot halvåret före",
            "H1 2024 4",
        ),
        (
            &YEARS[..],
            "Uppföljning av Trygg i Åsa – helåret 2024",
            "Helåret 2024",
            "Mot året före",
            "2023 10",
        ),
    ];
    for (reports, title, heading, column, earlier) in kinds {
        let (last, ..) = reports[reports.len() - 1];
        // The last report written is the case's input.
        for layout in ["standard", "brief", "tjansteskrivelse"] {
            let name = format!("periods-{}-{layout}", last.trim_end_matches(".yaml"));
            let case = programme(&name, reports);
            let built = case.build(&["--layout", layout, "--format", "pdf,docx,html"]);
            let built = built.succeeds();
            let pdf = normalise(&pdf_text(&built.pdf()));
            assert!(pdf.contains(title), "{layout}: {title} in the PDF:\n{pdf}");
            let docx = normalise(&docx_text(&built.docx()));
            assert!(docx.contains(title), "{layout}: {title} in the DOCX");
            let html =
                std::fs::read_to_string(built.pdf().with_extension("html")).expect("the web page");
            assert!(
                normalise(&html).contains(title),
                "{layout}: in the web page"
            );
            if layout == "standard" {
                assert!(pdf.contains(heading), "the heading {heading}:\n{pdf}");
                assert!(pdf.contains(column), "the column {column}");
                let rows = pdf_table_rows(&built.pdf());
                let rows: Vec<String> = rows.iter().map(|r| normalise(r)).collect();
                assert!(
                    rows.iter().any(|row| row.starts_with(earlier)),
                    "the earlier period's value from its file: {rows:?}"
                );
            }
        }
    }
}

#[test]
fn a_year_has_no_change_since_the_same_period_a_year_before() {
    let case = programme("periods-year-columns", &YEARS);
    let pdf = normalise(&pdf_text(&case.build(&[]).succeeds().pdf()));
    assert!(pdf.contains("Mot året före"));
    assert!(
        !pdf.contains("året före Mot"),
        "one change column only:\n{pdf}"
    );
    assert!(
        !pdf.contains("samma"),
        "no column of the same period:\n{pdf}"
    );
}

#[test]
fn new_steps_each_kind_into_the_next_period_of_the_kind() {
    let cases = [
        (
            "asa-2024-T3.yaml",
            "  year: 2024\n  tertial: 3\n",
            "asa-2025-T1.yaml",
            "  year: 2025\n  tertial: 1\n",
            "date: 2025-04-30",
        ),
        (
            "2024_h1.yaml",
            "  year: 2024\n  half: 1\n",
            "2024_h2.yaml",
            "  year: 2024\n  half: 2\n",
            "date: 2024-12-31",
        ),
        (
            "rapport-2024.yaml",
            "  year: 2024\n",
            "rapport-2025.yaml",
            "  year: 2025\n",
            "date: 2025-12-31",
        ),
    ];
    for (from, period, to, next_period, date) in cases {
        let case = Case::new(&format!("periods-new-{from}"))
            .report_named(from, report(period, "2024-12-31", 1, "Klart."));
        let last = case.dir().join(from);
        kvartal(&["new", path_str(&last)]).succeeds();
        let text = std::fs::read_to_string(case.dir().join(to)).expect("the next file");
        assert!(
            text.contains(&format!("period:\n{next_period}")),
            "{to}:\n{text}"
        );
        assert!(text.contains(date), "{to}: the period's last day");
    }
}

#[test]
fn the_copied_text_warning_knows_the_words_of_each_kind() {
    let tertial = report(
        "  year: 2024\n  tertial: 2\n",
        "2024-08-31",
        1,
        "Under första tertialet och T1 hölls två vandringar; fjärde kvartalet blir nästa.",
    );
    let case = Case::new("periods-lint-tertial").report(tertial);
    let run = case.check(&[]).succeeds();
    assert!(
        run.stderr
            .contains("texten nämner tertial 1 (\"första tertialet\")")
    );
    assert!(run.stderr.contains("texten nämner tertial 1 (\"T1\")"));
    assert!(!run.stderr.contains("nämner kvartal"), "{}", run.stderr);
    let year = report(
        "  year: 2024\n",
        "2024-12-31",
        1,
        "Under fjärde kvartalet, T2 och H1.",
    );
    let case = Case::new("periods-lint-year").report(year);
    let run = case.check(&[]).succeeds();
    assert!(run.stdout.contains("inga fel"), "{}", run.stderr);
}

#[test]
fn a_folder_mixing_kinds_of_one_programme_is_refused_naming_the_files() {
    let case = programme("periods-mixed", &TERTIALS[..2]).report_named(
        "2024-Q2.yaml",
        report("  year: 2024\n  quarter: 2\n", "2024-06-30", 2, "Klart."),
    );
    let run = case.check(&[]).fails();
    assert!(
        run.stderr.contains(
            "rapporten gäller ett kvartal, men `2024-T1.yaml`, `2024-T2.yaml` för samma \
             program i mappen gäller tertial"
        ),
        "{}",
        run.stderr
    );
    case.build(&[]).fails().wrote_nothing();
}
