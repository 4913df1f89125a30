//! The laid-out pages of the example reports, compared with the snapshots in
//! tests/snapshots/: every line's text and rounded position. A change in line breaking or
//! pagination shows as a diff in review. After a deliberate change, regenerate them with
//! `KVARTAL_UPDATE_SNAPSHOTS=1 cargo test --test suite snapshots`.

use crate::support::repo;
use kvartal::pdf::{self, PdfOptions};
use kvartal::report;
use kvartal::template::Layout;

fn check_snapshot(report_path: &str, name: &str) {
    let report =
        report::load(&repo().join(report_path)).unwrap_or_else(|d| panic!("{report_path}: {d:?}"));
    let layout = Layout::builtin("standard").expect("the built-in layout loads");
    let document = kvartal::cmd::document(&report, &layout).expect("renders");
    let dump = pdf::dump(&document, &PdfOptions::default()).expect("lays out");
    let path = repo().join("tests/snapshots").join(format!("{name}.txt"));
    if std::env::var_os("KVARTAL_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &dump).expect("snapshot written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if dump != expected {
        let first = dump.lines().zip(expected.lines()).position(|(a, b)| a != b);
        panic!(
            "{name}: the laid-out pages differ from {} (first difference at line {:?}); \
             regenerate with KVARTAL_UPDATE_SNAPSHOTS=1 if the change is meant",
            path.display(),
            first.map(|i| i + 1)
        );
    }
}

#[test]
fn swedish_example_pages() {
    check_snapshot(
        "report-data/medborgarlofte-jonkoping/2023-Q1.yaml",
        "medborgarlofte-2023-Q1",
    );
}

#[test]
fn english_example_pages() {
    check_snapshot(
        "report-data/safer-harbour-town/2023-Q4.yaml",
        "safer-harbour-town-2023-Q4",
    );
}
