//! Tests of the loader: every fixture in `tests/fixtures/check/` against the diagnostics its
//! `# expect: LINE:COL words` lines announce, a complete valid report, and hostile inputs.

use super::read;
use crate::diag::{Diagnostic, Position};
use crate::report::{
    ActivityStatus, Direction, FocusStatus, ImageFormat, Language, Period, Report,
};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The report in `path` read alone, or its errors.
fn load(path: &Path) -> Result<Report, Vec<Diagnostic>> {
    read(path).map(|read| read.report)
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

/// One `# expect:` line: where the diagnostic points and words its message contains.
#[derive(Debug)]
struct Expected {
    position: Position,
    words: String,
}

/// The `# expect:` lines at the top of a fixture. A fixture saved as UTF-16 (to test that
/// mistake) carries them in UTF-16 too.
fn expectations(bytes: &[u8]) -> Vec<Expected> {
    let text = match bytes.strip_prefix(&[0xFF, 0xFE]) {
        Some(utf16) => {
            let units = utf16
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]));
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect()
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    };
    text.lines()
        .map_while(|line| line.strip_prefix("# expect: "))
        .map(|expect| {
            let (place, words) = expect.split_once(' ').expect("`# expect: LINE:COL words`");
            let (line, column) = place.split_once(':').expect("LINE:COL");
            Expected {
                position: Position {
                    line: line.parse().expect("a line number"),
                    column: column.parse().expect("a column number"),
                },
                words: words.to_owned(),
            }
        })
        .collect()
}

fn matches(diagnostic: &Diagnostic, expected: &Expected) -> bool {
    diagnostic.position == Some(expected.position) && diagnostic.message.contains(&expected.words)
}

#[test]
fn every_fixture_gives_exactly_its_expected_diagnostics() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("the fixture folder")
        .map(|entry| entry.expect("a fixture").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "fixtures missing: {paths:?}");
    let mut failures = Vec::new();
    for path in &paths {
        let expected = expectations(&std::fs::read(path).expect("a fixture"));
        assert!(
            !expected.is_empty(),
            "{} has no `# expect:` line",
            path.display()
        );
        let found = load(path).err().unwrap_or_default();
        let all_match = found.len() == expected.len()
            && found.iter().zip(&expected).all(|(d, e)| matches(d, e));
        if !all_match {
            let found: Vec<String> = found.iter().map(|d| d.render(None)).collect();
            failures.push(format!(
                "{}\nexpected {expected:?}\nfound {}",
                path.display(),
                found.concat()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_complete_report_loads_with_single_forms_and_defaults() {
    let report = load(&fixtures().join("valid/full.yaml")).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors.iter().map(|d| d.render(None)).collect::<String>()
        )
    });
    assert_eq!(report.programme, "Medborgarlöfte 2023");
    assert_eq!(report.period, Period::quarter(2023, 1));
    assert_eq!(report.language, Language::Sv);
    assert_eq!(report.date.to_string(), "2023-03-31");
    let logo = report.organisations[0].logo.as_ref().expect("a logo");
    assert_eq!(
        (logo.written.as_str(), logo.format),
        ("logos/kommun.png", ImageFormat::Png)
    );
    assert!(logo.data.starts_with(b"\x89PNG"));
    assert_eq!(report.organisations[1].logo, None);
    let meeting = report.meeting.as_ref().expect("a meeting");
    assert_eq!(meeting.agenda_item.as_deref(), Some("7"));
    assert_eq!(
        meeting.date.map(|d| d.to_string()).as_deref(),
        Some("2023-05-03")
    );
    assert_eq!(report.focus_areas[0].status, Some(FocusStatus::OnTrack));
    assert_eq!(
        report.focus_areas[0].metrics[0].direction,
        Direction::HigherIsBetter
    );
    assert_eq!(report.focus_areas[0].metrics[0].target, Some(75.0));
    let sig = &report.activities[0];
    assert_eq!(sig.focus_areas, ["barn-unga"]);
    assert_eq!(sig.responsible, ["Polisen"]);
    assert_eq!(sig.status, Some(ActivityStatus::Ongoing));
    assert_eq!(sig.metrics[0].direction, Direction::LowerIsBetter);
    let history: Vec<_> = sig.metrics[0]
        .history
        .iter()
        .map(|(q, v)| (q.number, *v))
        .collect();
    assert_eq!(history, [(3, 9.0), (4, 10.0)]);
    assert_eq!(
        report.activities[1].focus_areas,
        ["barn-unga", "narkotika-vapen"]
    );
    assert_eq!(
        report.activities[1].responsible,
        ["Polisen", "Jönköpings kommun"]
    );
    assert!(
        report
            .summary
            .as_deref()
            .is_some_and(|s| s.contains("**gemensamt löfte**"))
    );
    assert_eq!(
        report.signatures[0].organisation.as_deref(),
        Some("Jönköpings kommun")
    );
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let folder = scratch("bom");
    let text = std::fs::read_to_string(fixtures().join("valid/full.yaml")).expect("the fixture");
    let text = text.replace("    logo: logos/kommun.png\n", "");
    std::fs::write(folder.join("r.yaml"), format!("\u{feff}{text}")).expect("writable");
    assert!(load(&folder.join("r.yaml")).is_ok());
}

/// A fresh folder under the system's temporary folder, for inputs too large or too
/// machine-specific to keep in git.
fn scratch(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("kvartal-load-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    folder
}

/// Loads `content` from a scratch file; the one diagnostic and how long it took.
fn refuse(name: &str, content: &[u8]) -> (Diagnostic, Duration) {
    let path = scratch(name).join("report.yaml");
    std::fs::write(&path, content).expect("writable");
    let start = Instant::now();
    let errors = load(&path).expect_err("refused");
    let elapsed = start.elapsed();
    assert_eq!(errors.len(), 1, "{errors:?}");
    (errors.into_iter().next().expect("one error"), elapsed)
}

#[test]
fn a_20_mb_file_is_refused_quickly_in_its_language() {
    let line = "programme: Medborgarlöfte 2023\n".repeat(20 * 1024 * 1024 / 32);
    let (error, elapsed) = refuse("large", line.as_bytes());
    assert!(error.message.contains("större än 2 MB"), "{error:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    let (error, elapsed) = refuse("large-en", format!("language: en\n{line}").as_bytes());
    assert!(error.message.contains("larger than 2 MB"), "{error:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn very_deep_nesting_is_refused_quickly() {
    let deep = format!("title: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let (error, elapsed) = refuse("deep", deep.as_bytes());
    assert!(
        error.message.contains("inbäddade i mer än 64 nivåer"),
        "{error:?}"
    );
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn a_symbolic_link_out_of_the_folder_is_refused() {
    let folder = scratch("symlink");
    let report = std::fs::read_to_string(fixtures().join("valid/full.yaml")).expect("the fixture");
    std::fs::write(folder.join("r.yaml"), report).expect("writable");
    std::fs::create_dir(folder.join("logos")).expect("a folder");
    let target = fixtures().join("logos/kommun.png");
    #[cfg(unix)]
    std::os::unix::fs::symlink(target, folder.join("logos/kommun.png")).expect("a link");
    let errors = load(&folder.join("r.yaml")).expect_err("refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("är en symbolisk länk"),
        "{errors:?}"
    );
}

#[test]
fn an_empty_file_or_only_comments_is_one_clear_error() {
    for (name, content) in [("empty", ""), ("comments", "# TODO\n\n---\n")] {
        let (error, _) = refuse(name, content.as_bytes());
        assert!(error.message.contains("filen är tom"), "{error:?}");
    }
}

#[test]
fn ten_thousand_nested_block_lists_are_refused_quickly() {
    let deep = format!("programme:\n{}x\n", "- ".repeat(10_000));
    let (error, elapsed) = refuse("block-deep", deep.as_bytes());
    assert!(error.message.contains("64 nivåer"), "{error:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn an_alias_bomb_is_refused_quickly() {
    let mut bomb =
        String::from("programme: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..30 {
        let previous = format!("*a{}", level - 1);
        bomb += &format!("a{level}: &a{level} [{}]\n", vec![previous; 9].join(", "));
    }
    let (error, elapsed) = refuse("bomb", bomb.as_bytes());
    assert!(error.message.contains("aliasbomb"), "{error:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn utf16_in_either_byte_order_and_binary_bytes_are_refused() {
    let utf16: Vec<u8> = "programme: x\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let (error, _) = refuse("utf16be", &[&[0xFE, 0xFF][..], &utf16].concat());
    assert!(error.message.contains("UTF-16"), "{error:?}");
    let binary: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
    let (error, elapsed) = refuse("binary", &binary);
    assert!(error.message.contains("inte text"), "{error:?}");
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
}
