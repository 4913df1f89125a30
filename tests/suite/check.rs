//! Broken reports through the binary: each fixture in tests/fixtures/check/ holds one
//! mistake and, in `# expect: LINE:COL words` comments, what the message must say.

use crate::case::Case;
use crate::support::{kvartal, repo};
use std::path::{Path, PathBuf};

pub struct Expectation {
    pub line: usize,
    pub column: usize,
    pub words: String,
}

fn fixtures() -> Vec<PathBuf> {
    let dir = repo().join("tests/fixtures/check");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixture folder exists")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "one fixture per error class of the spec");
    files
}

/// The expectations written at the top of a fixture; none for files that are not text.
pub fn expectations(path: &Path) -> Vec<Expectation> {
    let text = String::from_utf8_lossy(&std::fs::read(path).expect("readable")).into_owned();
    text.lines()
        .filter_map(|line| line.strip_prefix("# expect: "))
        .map(|rest| {
            let (position, words) = rest.split_once(' ').unwrap_or((rest, ""));
            let (line, column) = position.split_once(':').expect("LINE:COL");
            Expectation {
                line: line.parse().expect("a line number"),
                column: column.parse().expect("a column number"),
                words: words.trim().to_string(),
            }
        })
        .collect()
}

pub fn relative(path: &Path) -> String {
    path.strip_prefix(repo())
        .expect("inside the repository")
        .display()
        .to_string()
}

#[test]
fn every_error_class_is_reported_with_file_line_and_column() {
    for fixture in fixtures() {
        let name = relative(&fixture);
        let run = kvartal(&["check", &name]).fails();
        for expect in expectations(&fixture) {
            let location = format!("{name}:{}:{}: error:", expect.line, expect.column);
            let message = run.stderr.lines().find(|l| l.starts_with(&location));
            let message = message
                .unwrap_or_else(|| panic!("{name}: no error at {location} in:\n{}", run.stderr));
            let lower = run.stderr.to_lowercase();
            assert!(
                lower.contains(&expect.words.to_lowercase()),
                "{name}: {:?} missing in:\n{message}",
                expect.words
            );
        }
    }
}

#[test]
fn a_report_with_errors_gets_no_output_files() {
    for fixture in fixtures() {
        let name = relative(&fixture);
        Case::new("no-output")
            .source(&name)
            .build(&[])
            .fails()
            .wrote_nothing();
    }
}

#[test]
fn the_offending_line_is_shown_under_the_message() {
    let fixture = repo().join("tests/fixtures/check/unknown-field.yaml");
    let expect = &expectations(&fixture)[0];
    let source = std::fs::read_to_string(&fixture).expect("readable");
    let line = source
        .lines()
        .nth(expect.line - 1)
        .expect("the line exists");
    let run = kvartal(&["check", &relative(&fixture)]);
    assert!(
        run.stderr.contains(line),
        "the source line {line:?} is shown:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains('^'),
        "a caret points at the column:\n{}",
        run.stderr
    );
}

#[test]
fn good_reports_are_still_built_when_another_has_errors() {
    let built = Case::new("mixed-input")
        .copy("report-data/safer-harbour-town/2023-Q4.yaml", "good.yaml")
        .copy("report-data/safer-harbour-town/logos", "logos")
        .copy("tests/fixtures/check/unknown-field.yaml", "bad.yaml")
        .build(&[])
        .fails();
    assert!(built.output("good.pdf").is_file() && built.output("good.docx").is_file());
    assert!(!built.output("bad.pdf").exists());
}

#[test]
fn the_example_reports_pass_check() {
    let run = kvartal(&["check"]).succeeds();
    // Swedish and English reports together: the line is in English.
    assert_eq!(run.stdout, "5 reports checked, no problems\n");
    let run = kvartal(&["check", "report-data/medborgarlofte-jonkoping"]);
    assert_eq!(run.stdout, "4 rapporter kontrollerade, inga fel\n");
}

#[test]
fn a_run_with_problems_ends_with_their_counts() {
    let run = kvartal(&["check", "tests/fixtures/check/several-errors.yaml"]).fails();
    let errors = run.stderr.matches(": error: ").count();
    assert!(errors > 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!("1 report checked: {errors} errors\n"),
        "{}",
        run.stderr
    );
}

/// The JSON objects `check --format json` prints for `fixture`.
fn json_errors(fixture: &str) -> Vec<serde_json::Value> {
    let run = kvartal(&["check", "--format", "json", fixture]).fails();
    run.stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect()
}

#[test]
fn errors_are_worded_in_the_report_language_with_the_same_code() {
    // The same misspelt field, in a report without `language` (Swedish) and one in English.
    let swedish = json_errors("tests/fixtures/check/unknown-field.yaml");
    let english = json_errors("tests/fixtures/check/two-unknown-fields.yaml");
    let progres = |objects: &[serde_json::Value]| {
        objects
            .iter()
            .find(|o| {
                o["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("`progres`"))
            })
            .cloned()
            .expect("the misspelt `progres` is reported")
    };
    let (swedish, english) = (progres(&swedish), progres(&english));
    assert_eq!(swedish["message"], "okänt fält `progres` i ett fokusområde");
    assert_eq!(swedish["hint"], "menade du `progress`?");
    assert_eq!(
        english["message"],
        "unknown field `progres` in a focus area"
    );
    assert_eq!(english["hint"], "did you mean `progress`?");
    assert_eq!(swedish["code"], english["code"]);
    assert_eq!(swedish["severity"], "error");
}

#[test]
fn a_file_that_does_not_parse_is_answered_in_its_declared_language() {
    let run = kvartal(&["check", "tests/fixtures/check/not-yaml.yaml"]);
    assert!(
        run.stderr
            .contains("error: a quotation mark opens here but never closes"),
        "{}",
        run.stderr
    );
    let run = kvartal(&["check", "tests/fixtures/check/binary.yaml"]);
    assert!(
        run.stderr.contains("error: filen är inte text"),
        "{}",
        run.stderr
    );
}

/// The mistakes people make typing YAML are named on their own line, in the report's
/// language, with no parser English in a Swedish message.
#[test]
fn tabs_odd_spaces_and_colons_are_named_on_their_line() {
    let source =
        std::fs::read_to_string(repo().join("report-data/medborgarlofte-jonkoping/2023-Q1.yaml"))
            .expect("readable");
    let line = source
        .lines()
        .position(|l| l.starts_with("    title: "))
        .expect("an item title");
    let with = |edit: &dyn Fn(&str) -> String| {
        let lines: Vec<String> = source
            .lines()
            .enumerate()
            .map(|(i, l)| if i == line { edit(l) } else { l.to_owned() })
            .collect();
        lines.join("\n")
    };
    type Edit<'a> = &'a dyn Fn(&str) -> String;
    let cases: [(&str, Edit, &str, &str); 3] = [
        (
            "tab",
            &|l| format!("\t{}", l.trim_start()),
            ":1: error: raden är indragen med ett tabbtecken",
            "ersätt tabben",
        ),
        (
            "nbsp",
            &|l| format!("\u{a0}\u{a0}\u{a0}\u{a0}{}", l.trim_start()),
            ":1: error: raden är indragen med ett tecken som ser ut som ett mellanslag",
            "U+00A0",
        ),
        (
            "colon",
            &|l| format!("{l}: med kolon"),
            ":31: error: texten i `title` innehåller kolon",
            "sätt texten inom citattecken: `title: \"",
        ),
    ];
    let mut case = Case::new("syntax-mistakes");
    for (name, edit, message, hint) in cases {
        // Each file joins the ones before it in the folder.
        case = case.report_named(&format!("{name}.yaml"), with(edit));
        let expected = format!("{name}.yaml:{}{message}", line + 1);
        let run = case.check(&[]).fails_with(&expected).says(hint);
        assert!(!run.stderr.contains("scanning") && !run.stderr.contains("mapping values"));
    }
}

/// What `build` would refuse, `check` refuses: here characters no font of the layout has.
#[test]
fn check_finds_what_only_the_pdf_would_refuse() {
    let report = "programme: Test\nperiod: {year: 2023, quarter: 1}\n\
                  organisations: [{name: Kommun}]\nfocus_areas:\n  - id: a\n    \
                  title: \"Trygghet 漢字\"\n    progress: Klart.\n";
    Case::new("check-glyphs")
        .report(report)
        .check(&[])
        .fails_with("report.yaml:6:22: error: the PDF would not meet")
        .says("\"字\", \"漢\" cannot be shown");
}

/// `check` validates each distinct text once in each face, where it first stands: a
/// character no font has is found however often its text repeats, and in every face it
/// is set in (the title in the heading's bold and in the status table's regular).
#[test]
fn a_refused_character_in_a_text_on_every_page_is_found_in_each_face() {
    let activity = |i: usize| {
        format!(
            "  - id: a{i}\n    title: \"Möte \u{E000}\"\n    focus_areas: a\n    progress: Klart.\n"
        )
    };
    let report = format!(
        "programme: Test\nperiod: {{year: 2023, quarter: 1}}\norganisations: [{{name: Kommun}}]\n\
         focus_areas:\n  - id: a\n    title: A\n    progress: Klart.\nactivities:\n{}",
        (0..80).map(activity).collect::<String>()
    );
    Case::new("check-repeated")
        .report(report)
        .check(&[])
        .fails_with("the PDF would not meet")
        .says("the fonts Carlito, Carlito Bold have no glyph");
}

/// A report far beyond any real one is refused where it goes too far, before it costs
/// the build seconds and hundreds of MB.
#[test]
fn a_report_with_more_metrics_than_any_report_is_refused() {
    let mut report = String::from(
        "programme: Test\nperiod: {year: 2023, quarter: 1}\norganisations: [{name: Kommun}]\n\
         focus_areas:\n  - id: a\n    title: A\n    progress: Klart.\n    metrics:\n",
    );
    for n in 0..3001 {
        report.push_str(&format!("      - {{id: m{n}, name: M, value: 1}}\n"));
    }
    Case::new("too-many-metrics")
        .report_named("2023-Q1.yaml", report)
        .check(&[])
        .fails_with("2023-Q1.yaml:3009:9: error: rapporten har fler än 3000 nyckeltal");
}

#[test]
fn a_report_with_more_logos_than_a_header_holds_is_refused() {
    let organisations: String = (0..9)
        .map(|n| format!("  - name: Org {n}\n    logo: logo.png\n"))
        .collect();
    let report = format!(
        "programme: Test\nperiod: {{year: 2023, quarter: 1}}\norganisations:\n{organisations}\
         focus_areas:\n  - id: a\n    title: A\n    progress: Klart.\n"
    );
    let run = Case::new("too-many-logos")
        .copy(
            "report-data/medborgarlofte-jonkoping/logos/polisen.png",
            "logo.png",
        )
        .report_named("2023-Q1.yaml", report)
        .check(&[])
        .fails_with("2023-Q1.yaml:21:11: error: rapporten har fler än 8 logotyper");
    assert_eq!(run.stderr.matches("fler än 8 logotyper").count(), 1);
}
