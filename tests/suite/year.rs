//! `kvartal build --year`: a programme's year in one document, compared with the period
//! files it is made from, in every layout and format, for quarters, tertials and halves;
//! the warnings of a year with a period missing or twice; the year file.

use crate::case::Case;
use crate::pdf_read::{pdf_table_rows, pdf_text};
use crate::support::{Run, docx_text, kvartal, normalise, path_str};
use std::path::{Path, PathBuf};

/// The Swedish badge word of a status code the example uses.
fn word(code: &str) -> &'static str {
    match code {
        "on_track" => "På rätt väg",
        "at_risk" => "Risk för avvikelse",
        "achieved" => "Uppnått",
        "ongoing" => "Pågår",
        other => panic!("a status the test does not know: {other}"),
    }
}

/// The first `key: value` after the line `anchor` in the file at `path`.
fn value_after(path: &Path, anchor: &str, key: &str) -> String {
    let text = std::fs::read_to_string(path).expect("a period file");
    let after = text
        .split_once(anchor)
        .expect("the anchor is in the file")
        .1;
    let line = after
        .lines()
        .find_map(|l| l.trim().strip_prefix(&format!("{key}: ")))
        .expect("the key follows the anchor");
    line.trim().to_owned()
}

#[test]
fn four_quarters_become_the_year_as_their_files_say_in_every_layout() {
    let case = Case::new("year-quarters").copy("report-data/medborgarlofte-jonkoping", ".");
    let quarters: Vec<_> = (1..=4)
        .map(|q| case.dir().join(format!("2023-Q{q}.yaml")))
        .collect();
    // What the period files say: one focus area's status and one metric's value each.
    let area = "  - id: trygghet\n";
    let statuses: Vec<&str> = quarters
        .iter()
        .map(|q| word(&value_after(q, area, "status")))
        .collect();
    let weapons: Vec<String> = quarters
        .iter()
        .map(|q| value_after(q, "name: Beslagtagna vapen", "value"))
        .collect();
    for layout in ["standard", "brief", "tjansteskrivelse"] {
        let out = case.dir().join(format!("out-{layout}"));
        let run = kvartal(&[
            "build",
            path_str(case.dir()),
            "--year",
            "2023",
            "--layout",
            layout,
            "--format",
            "pdf,docx,html",
            "--out",
            path_str(&out),
        ])
        .succeeds();
        assert!(run.stdout.contains("1 rapport byggd"), "{}", run.stdout);
        let pdf = out.join("2023.pdf");
        let text = normalise(&pdf_text(&pdf));
        let title = "Uppföljning av Medborgarlöfte 2023 – helåret 2023";
        assert!(text.contains(title), "{layout}: the year's title:\n{text}");
        assert!(normalise(&docx_text(&out.join("2023.docx"))).contains(title));
        let html = std::fs::read_to_string(out.join("2023.html")).expect("the web page");
        assert!(normalise(&html).contains(title), "{layout}: the web page");
        let rows = pdf_table_rows(&pdf);
        let header = rows.first().expect("the timeline's header");
        assert!(
            header.contains("K1 2023 K2 2023 K3 2023 K4 2023"),
            "{layout}: a column a quarter: {header}"
        );
        let timeline = format!(
            "Trygghet och brottsförebyggande arbete {} uppnått K4 2023",
            statuses.join(" ")
        );
        assert!(
            rows.contains(&timeline),
            "{layout}: the focus area's status each quarter, from the files: {rows:#?}"
        );
        if layout != "tjansteskrivelse" {
            let figure = format!("Beslagtagna vapen (st) {} ↑ +7", weapons.join(" "));
            assert!(
                rows.iter().any(|row| row.starts_with(&figure)),
                "{layout}: the metric each quarter, from the files: {rows:#?}"
            );
        }
    }
}

#[test]
fn the_standard_year_tells_each_story_with_the_earlier_periods_compact() {
    let case = Case::new("year-story").copy("report-data/medborgarlofte-jonkoping", ".");
    let out = case.dir().join("out");
    kvartal(&[
        "build",
        path_str(case.dir()),
        "--year",
        "2023",
        "--format",
        "pdf,html",
        "--out",
        path_str(&out),
    ])
    .succeeds();
    let text = normalise(&pdf_text(&out.join("2023.pdf")));
    // The SIG's story: Q4's text whole, Q1's first sentence alone under the earlier ones.
    let q4 = "Vid årets slut fanns 13 SIG-nätverk. Samverkansformen fortsätter under nästa \
              år, och parterna ser över hur nätverken kan följas upp mer systematiskt.";
    let q1 = "K1 2023: Polis och kommun har fortsatt att samverka i sociala insatsgrupper \
              kring unga som riskerar att dras in i kriminalitet.";
    assert!(
        text.contains(q4),
        "the last quarter's progress whole:\n{text}"
    );
    assert!(text.contains("Tidigare under året"));
    // The web page, whose text keeps its order where the PDF's list marks stand apart.
    let html = std::fs::read_to_string(out.join("2023.html")).expect("the web page");
    let page = normalise(&html.replace("<strong>", "").replace("</strong>", ""));
    assert!(page.contains(q1), "the first quarter's first sentence");
    assert!(
        !text.contains("ett fler än vid årsskiftet"),
        "and nothing more of it"
    );
    assert!(text.contains("Nyckeltal under året"));
    assert!(
        text.contains("tillkom K3 2023"),
        "an activity added in the third quarter"
    );
}

/// A small Swedish report of `programme` for the lines under `period:`, with one activity
/// whose status is `status` and one metric of `value`.
fn small(period: &str, status: &str, value: u32) -> String {
    format!(
        "programme: Trygg i Åsa\nperiod:\n{period}language: sv\norganisations:\n  - name: Åsa \
         kommun\nfocus_areas:\n  - id: centrum\n    title: Trygghet i centrum\n    status: \
         on_track\n    progress: Arbetet fortsätter.\nactivities:\n  - id: vandringar\n    \
         title: Trygghetsvandringar\n    focus_areas: centrum\n    status: {status}\n    \
         metrics:\n      - id: antal\n        name: Antal vandringar\n        value: {value}\n"
    )
}

/// A folder of `small` reports, each `(file name, the lines under period:, status, value)`.
fn folder(name: &str, reports: &[(&str, &str, &str, u32)]) -> Case {
    reports
        .iter()
        .fold(Case::new(name), |case, (file, period, status, value)| {
            case.report_named(file, small(period, status, *value))
        })
}

/// `kvartal build` of the case's folder for `year` into its `out/`, with `args`.
fn build_year(case: &Case, year: &str, args: &[&str]) -> (Run, PathBuf) {
    let out = case.dir().join("out");
    let command = [
        "build",
        path_str(case.dir()),
        "--year",
        year,
        "--out",
        path_str(&out),
    ];
    (kvartal(&[&command[..], args].concat()), out)
}

#[test]
fn tertials_and_halves_make_their_year_with_a_column_each() {
    let tertials = folder(
        "year-tertials",
        &[
            ("T1.yaml", "  year: 2024\n  tertial: 1\n", "ongoing", 2),
            ("T2.yaml", "  year: 2024\n  tertial: 2\n", "ongoing", 5),
            ("T3.yaml", "  year: 2024\n  tertial: 3\n", "completed", 6),
        ],
    );
    let halves = folder(
        "year-halves",
        &[
            ("H1.yaml", "  year: 2024\n  half: 1\n", "ongoing", 3),
            ("H2.yaml", "  year: 2024\n  half: 2\n", "completed", 7),
        ],
    );
    let expected = [
        (
            tertials,
            "T1 2024 T2 2024 T3 2024",
            "– Trygghetsvandringar Pågår Pågår Genomförd slutförd T3 2024",
            "Antal vandringar 2 5 6 ↑ +4",
        ),
        (
            halves,
            "H1 2024 H2 2024",
            "– Trygghetsvandringar Pågår Genomförd slutförd H2 2024",
            "Antal vandringar 3 7 ↑ +4",
        ),
    ];
    for (case, columns, activity, figure) in expected {
        let (run, out) = build_year(&case, "2024", &[]);
        run.succeeds();
        let rows = pdf_table_rows(&out.join("2024.pdf"));
        assert!(rows[0].contains(columns), "{rows:#?}");
        assert!(rows.iter().any(|r| r == activity), "{rows:#?}");
        assert!(rows.iter().any(|r| r.starts_with(figure)), "{rows:#?}");
    }
}

#[test]
fn a_missing_period_and_a_period_twice_are_warned_about() {
    let case = folder(
        "year-gaps",
        &[
            ("2024-Q1.yaml", "  year: 2024\n  quarter: 1\n", "ongoing", 1),
            (
                "2024-Q1 - Kopia.yaml",
                "  year: 2024\n  quarter: 1\n",
                "ongoing",
                1,
            ),
            ("2024-Q2.yaml", "  year: 2024\n  quarter: 2\n", "ongoing", 2),
            ("2024-Q4.yaml", "  year: 2024\n  quarter: 4\n", "ongoing", 4),
        ],
    );
    let (run, out) = build_year(&case, "2024", &[]);
    run.succeeds()
        .says("warning: årsuppföljningen saknar rapporten för kvartal 3 (2024-Q3)")
        .says(
            "2024-Q1 - Kopia.yaml: warning: en fil till gäller 2024-Q1 av programmet; \
             `2024-Q1.yaml` används",
        );
    let rows = pdf_table_rows(&out.join("2024.pdf"));
    assert!(
        rows[0].contains("K3 2024"),
        "the missing quarter keeps its column"
    );
}

#[test]
fn the_year_file_gives_the_summary_and_the_name_and_a_plain_build_passes_it_over() {
    let case = folder(
        "year-file",
        &[
            ("2024-T1.yaml", "  year: 2024\n  tertial: 1\n", "ongoing", 2),
            ("2024-T2.yaml", "  year: 2024\n  tertial: 2\n", "ongoing", 3),
            ("2024-T3.yaml", "  year: 2024\n  tertial: 3\n", "ongoing", 4),
        ],
    );
    let summary = "Året i korthet, fler vandringar än någonsin.";
    let year_file = small("  year: 2024\n", "ongoing", 0) + &format!("summary: {summary}\n");
    let case = case.report_named("helar-2024.yaml", year_file);
    let (run, out) = build_year(&case, "2024", &[]);
    run.succeeds();
    let text = normalise(&pdf_text(&out.join("helar-2024.pdf")));
    assert!(text.contains(summary), "{text}");
    let plain = case.dir().join("plain");
    let run = kvartal(&["build", path_str(case.dir()), "--out", path_str(&plain)]);
    let run = run
        .succeeds()
        .says("årsfilen byggs inte som en egen rapport");
    assert!(run.stdout.contains("3 rapporter byggda"), "{}", run.stdout);
    assert!(!plain.join("helar-2024.pdf").exists());
}

#[test]
fn a_year_without_reports_is_an_error_saying_where_it_looked() {
    let case = folder(
        "year-none",
        &[("2024-Q1.yaml", "  year: 2024\n  quarter: 1\n", "ongoing", 1)],
    );
    let (run, out) = build_year(&case, "2023", &[]);
    run.fails_with("no report of 2023 was found");
    assert!(!out.exists(), "nothing written");
}
