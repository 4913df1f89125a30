//! Warnings through the binary: each report in tests/fixtures/lint/ (folders hold an
//! earlier quarter beside it) announces its warnings in `# expect: LINE:COL words`
//! comments; a report without any must get none. Checked as text, with `--strict`, and
//! as JSON.

use crate::case::Case;
use crate::check::{expectations, relative};
use crate::support::{kvartal, repo};
use std::path::{Path, PathBuf};

fn reports() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("the fixture folder exists") {
            let path = entry.expect("readable").path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&repo().join("tests/fixtures/lint"), &mut found);
    found.sort();
    assert!(found.len() >= 10, "one fixture per warning of the spec");
    found
}

#[test]
fn every_warning_is_reported_at_its_words_and_nothing_else() {
    for report in reports() {
        let name = relative(&report);
        let expected = expectations(&report);
        let run = kvartal(&["check", &name]);
        assert_eq!(
            run.code, 0,
            "{name}: warnings do not fail check:\n{}",
            run.stderr
        );
        let headers: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with(&name))
            .collect();
        assert_eq!(headers.len(), expected.len(), "{name}:\n{}", run.stderr);
        for (header, expect) in headers.iter().zip(&expected) {
            let place = format!("{name}:{}:{}: warning:", expect.line, expect.column);
            assert!(
                header.starts_with(&place),
                "{name}: expected {place} in:\n{}",
                run.stderr
            );
            assert!(
                header.contains(&expect.words),
                "{name}: {:?} missing in {header}",
                expect.words
            );
        }
    }
}

#[test]
fn strict_makes_warnings_fail() {
    for report in reports() {
        let name = relative(&report);
        let run = kvartal(&["check", "--strict", &name]);
        let expected = i32::from(!expectations(&report).is_empty());
        assert_eq!(run.code, expected, "{name}:\n{}", run.stderr);
    }
}

#[test]
fn json_gives_one_object_per_warning() {
    for report in reports() {
        let name = relative(&report);
        let run = kvartal(&["check", "--format", "json", &name]).succeeds();
        let objects: Vec<serde_json::Value> = run
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
            .collect();
        let expected = expectations(&report);
        assert_eq!(objects.len(), expected.len(), "{name}: {}", run.stdout);
        for (object, expect) in objects.iter().zip(&expected) {
            assert_eq!(object["file"], name.as_str());
            assert_eq!(object["line"], expect.line, "{object}");
            assert_eq!(object["column"], expect.column, "{object}");
            assert_eq!(object["severity"], "warning");
            assert!(
                object["end"]["column"].as_u64() > Some(expect.column as u64),
                "{object}"
            );
            assert!(
                object["code"].is_string() && object["hint"].is_string(),
                "{object}"
            );
        }
    }
}

#[test]
fn build_prints_warnings_and_still_writes_the_files() {
    let built = Case::new("lint-build")
        .source("tests/fixtures/lint/placeholder.yaml")
        .build(&["--format", "pdf"])
        .succeeds()
        .says(": warning:");
    assert!(built.pdf().is_file());
}

#[test]
fn errors_come_as_json_too() {
    let run = kvartal(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/check/several-errors.yaml",
    ])
    .fails();
    let severities: Vec<String> = run
        .stdout
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).expect("JSON")["severity"].to_string()
        })
        .collect();
    assert_eq!(severities, ["\"error\""; 3], "{}", run.stdout);
}
