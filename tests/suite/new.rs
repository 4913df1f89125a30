//! `kvartal new`: next quarter's file beside last quarter's, kept where it should be,
//! emptied where it must be filled in, never overwriting.

use crate::case::Case;
use crate::support::{kvartal, path_str};
use std::path::{Path, PathBuf};

/// A copy of an example programme's folder to work in.
fn copy_programme(name: &str, into: &str) -> PathBuf {
    let case = Case::new(into).copy(&format!("report-data/{name}"), ".");
    case.dir().to_path_buf()
}

/// Every `value:` left empty by `new` filled in, and the placeholders written over.
fn fill_in(text: &str) -> String {
    text.lines()
        .map(|line| match line.split_once("value: #") {
            Some((before, _)) => format!("{before}value: 1"),
            None => line.replace("TODO: ", "Klart: "),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn new_writes_the_next_quarter_which_check_then_guides_through() {
    let folder = copy_programme("medborgarlofte-jonkoping", "new-jonkoping");
    let last = folder.join("2023-Q4.yaml");
    kvartal(&["new", path_str(&last)]).succeeds();
    let next = folder.join("2024-Q1.yaml");
    let text = std::fs::read_to_string(&next).expect("written");
    let old = std::fs::read_to_string(&last).expect("readable");
    assert!(text.contains("  year: 2024\n  quarter: 1\n"), "{text}");
    assert!(
        text.contains("date: 2024-03-31\n"),
        "the new quarter's last day"
    );
    // What belongs to one meeting is not carried over unseen.
    assert!(text.contains("programme: Medborgarlöfte 2023\nseries: medborgarlofte-2023\n"));
    assert!(text.contains("case_number: \"TODO (förra kvartalet: KS 2023/0123)\""));
    assert!(text.contains("agenda_item: \"TODO (förra kvartalet: 12)\""));
    assert!(
        text.contains("  date: 2024-01-31\n"),
        "the meeting's date is not invented"
    );
    for kept in [
        "id: narkotika-vapen",
        "title: Narkotika och vapen",
        "status: completed",
        "responsible: [Jönköpings kommun, Polisen]",
        "target: 75",
        "name: Mikael Sjöberg",
        "2022-Q4: 10",
    ] {
        assert!(text.contains(kept), "{kept} kept");
    }
    assert!(!text.contains("Höstens mätning"), "progress texts replaced");
    let metrics = old.matches("\n        value: ").count();
    let check = kvartal(&["check", path_str(&next)]).fails();
    // Each emptied value is an error pointing at its own `value:` line.
    let empty: Vec<&str> = check
        .stderr
        .lines()
        .filter(|line| line.ends_with("error: fältet `value` är tomt"))
        .collect();
    assert_eq!(empty.len(), metrics, "{}", check.stderr);
    for header in empty {
        let line: usize = header
            .split(':')
            .nth(1)
            .and_then(|n| n.parse().ok())
            .expect("path:line:col");
        let written = text.lines().nth(line - 1).unwrap_or_default();
        assert!(written.trim_start().starts_with("value:"), "{header}");
    }
    std::fs::write(&next, fill_in(&text)).expect("writable");
    let check = kvartal(&["check", "--strict", path_str(&next)]);
    for warning in [
        "mötets datum 2024-01-31 ligger före rapportens datum 2024-03-31",
        "programmets namn anger 2023, men rapporten gäller 2024",
        "platshållartexten (placeholder) \"TODO\"",
    ] {
        assert!(
            check.stderr.contains(warning),
            "{warning}:\n{}",
            check.stderr
        );
    }
    assert_eq!(
        check.code, 1,
        "the title still names quarter 4:\n{}",
        check.stderr
    );
    Case::new("new-jonkoping-out")
        .source(&next)
        .build(&["--format", "pdf"])
        .succeeds();
}

#[test]
fn placeholders_are_warned_about() {
    let folder = copy_programme("safer-harbour-town", "new-harbour");
    kvartal(&["new", path_str(&folder.join("2023-Q4.yaml"))]).succeeds();
    let next = folder.join("2024-Q1.yaml");
    let filled =
        fill_in(&std::fs::read_to_string(&next).expect("written")).replace("Klart: ", "TODO: ");
    std::fs::write(&next, filled).expect("writable");
    kvartal(&["check", path_str(&next)])
        .succeeds()
        .says("placeholder text \"TODO\"");
}

#[test]
fn new_never_overwrites() {
    let folder = copy_programme("safer-harbour-town", "new-twice");
    let last = folder.join("2023-Q4.yaml");
    std::fs::write(folder.join("2024-Q1.yaml"), "mine").expect("writable");
    kvartal(&["new", path_str(&last)]).fails_with("already exists");
    let kept = std::fs::read_to_string(Path::new(&folder.join("2024-Q1.yaml"))).expect("readable");
    assert_eq!(kept, "mine");
}

#[test]
fn the_new_file_keeps_the_name_pattern_or_goes_where_it_is_told() {
    let folder = copy_programme("safer-harbour-town", "new-pattern");
    let last = folder.join("harbour-2023-Q4.yaml");
    std::fs::rename(folder.join("2023-Q4.yaml"), &last).expect("renamable");
    let run = kvartal(&["new", path_str(&last)]).succeeds();
    assert!(
        folder.join("harbour-2024-Q1.yaml").is_file(),
        "{}",
        run.stdout
    );
    let chosen = folder.join("next.yaml");
    let run = kvartal(&["new", path_str(&last), "--output", path_str(&chosen)]).succeeds();
    assert!(chosen.is_file(), "{}", run.stdout);
}

#[test]
fn a_renamed_programme_keeps_its_history_through_series() {
    let folder = copy_programme("medborgarlofte-jonkoping", "new-renamed");
    kvartal(&["new", path_str(&folder.join("2023-Q4.yaml"))]).succeeds();
    let next = folder.join("2024-Q1.yaml");
    let text = fill_in(&std::fs::read_to_string(&next).expect("written")).replace(
        "programme: Medborgarlöfte 2023",
        "programme: Medborgarlöfte 2024",
    );
    std::fs::write(&next, &text).expect("writable");
    let check = kvartal(&["check", path_str(&next)]).succeeds();
    assert!(!check.stderr.contains("annat program"), "{}", check.stderr);
    // Without the series the earlier files are another programme, and that is said.
    let unkeyed = text.replace("series: medborgarlofte-2023\n", "");
    std::fs::write(&next, unkeyed).expect("writable");
    let check = kvartal(&["check", path_str(&next)]);
    assert!(
        check
            .stderr
            .contains("skriv `series: medborgarlofte-2023` under `programme:`"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_copy_beside_the_reports_does_not_replace_the_real_quarter() {
    let folder = copy_programme("medborgarlofte-jonkoping", "history-copy");
    let real = std::fs::read_to_string(folder.join("2023-Q3.yaml")).expect("readable");
    // Every value of the copy is 987654, printed "987 654" wherever it is used.
    let copy: Vec<String> = real
        .lines()
        .map(|line| match line.split_once("value: ") {
            Some((before, _)) => format!("{before}value: 987654"),
            None => line.to_owned(),
        })
        .collect();
    let copy = copy.join("\n");
    std::fs::write(folder.join("2023-Q3 - Kopia.yaml"), copy).expect("writable");
    let check = kvartal(&["check", path_str(&folder.join("2023-Q4.yaml"))]);
    assert!(
        check.stderr.contains(
            "flera filer gäller kvartal 2023-Q3 av programmet: värdena i `2023-Q3.yaml` används, \
             inte de i `2023-Q3 - Kopia.yaml`"
        ),
        "{}",
        check.stderr
    );
    let built = Case::new("history-copy-out")
        .source(folder.join("2023-Q4.yaml"))
        .build(&["--format", "pdf"])
        .succeeds();
    let text = crate::pdf_read::pdf_text(&built.pdf());
    assert!(!text.contains("987"), "the copy's values are not used");
}

#[test]
fn a_broken_file_beside_the_report_is_named_not_skipped() {
    let folder = copy_programme("medborgarlofte-jonkoping", "history-broken");
    std::fs::write(folder.join("2023-Q2.yaml"), "programme: [\n").expect("writable");
    let check = kvartal(&["check", path_str(&folder.join("2023-Q4.yaml"))]);
    assert!(
        check.stderr.contains(
            "`2023-Q2.yaml` i samma mapp har fel, så dess värden lämnas utanför historiken"
        ),
        "{}",
        check.stderr
    );
}
