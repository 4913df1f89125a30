//! What `kvartal build` leaves in the output folder: never one report written over
//! another, never a temporary file, never a new PDF beside an old DOCX.

use crate::case::Case;
use crate::support::{file_names, kvartal, path_str, small_report};
use std::path::{Path, PathBuf};

/// A case `name` holding a small report at each of `names`; the folder is its input.
fn reports(name: &str, names: &[&str]) -> Case {
    let mut case = Case::new(name);
    for file in names {
        case = case.file(file, small_report(2024, 1));
    }
    case
}

/// Runs `build` on `paths` into `out` and checks it is refused naming each of `named`,
/// with nothing written.
fn refused(paths: &[&Path], out: &Path, named: &[PathBuf]) {
    let mut args = vec!["build", "--out", path_str(out)];
    args.extend(paths.iter().map(|p| path_str(p)));
    let run = kvartal(&args);
    assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    for name in named {
        assert!(
            run.stderr.contains(path_str(name)),
            "{name:?} in {}",
            run.stderr
        );
    }
    assert!(!out.exists(), "nothing is written: {:?}", file_names(out));
}

#[test]
fn two_reports_for_one_output_are_refused_before_anything_is_written() {
    let case = reports(
        "clash",
        &[
            "a/2024-Q1.yaml",
            "b/2024-Q1.yaml",
            "c/x.yaml",
            "c/x.yml",
            "d/2024-q1.yaml",
        ],
    );
    let (dir, out) = (case.dir(), case.out());
    let (a, b) = (dir.join("a/2024-Q1.yaml"), dir.join("b/2024-Q1.yaml"));
    let pdf = out.join("2024-Q1.pdf");
    refused(
        &[&dir.join("a"), &dir.join("b")],
        &out,
        &[a.clone(), b.clone(), pdf.clone()],
    );
    refused(&[&a, &b], &out, &[a.clone(), b.clone(), pdf]);
    // As Windows and macOS compare names.
    let lower = dir.join("d/2024-q1.yaml");
    refused(
        &[&a, &lower],
        &out,
        &[a.clone(), lower.clone(), out.join("2024-q1.pdf")],
    );
    let (yaml, yml) = (dir.join("c/x.yaml"), dir.join("c/x.yml"));
    refused(&[&dir.join("c")], &out, &[yaml, yml, out.join("x.pdf")]);
    // The same file named twice is built once.
    let folder = dir.join("a");
    let built = case.source(&a).build(&[path_str(&folder)]).succeeds();
    assert_eq!(file_names(built.out()), ["2024-Q1.docx", "2024-Q1.pdf"]);
}

#[test]
fn an_interrupted_builds_temporary_files_are_removed_by_the_next() {
    let case = reports("stale", &["2024-Q1.yaml"]);
    let out = case.out();
    std::fs::create_dir_all(&out).expect("mkdir");
    // What a build killed while writing leaves: both temporary files, no outputs; and what
    // an earlier version left, named with its process id.
    for name in [
        ".2024-Q1.pdf.kvartal-tmp",
        ".2024-Q1.docx.kvartal-tmp",
        ".2024-Q1.pdf.31337.tmp",
    ] {
        std::fs::write(out.join(name), "half a file").expect("written");
    }
    case.build(&["--format", "pdf"]).succeeds();
    assert_eq!(file_names(&out), ["2024-Q1.pdf"]);
}

#[test]
fn a_build_that_cannot_write_its_second_format_leaves_the_old_pair() {
    let case = reports("pair", &["2024-Q1.yaml"]);
    let out = case.out();
    std::fs::create_dir_all(&out).expect("mkdir");
    for name in ["2024-Q1.pdf", "2024-Q1.docx"] {
        std::fs::write(out.join(name), "old").expect("written");
    }
    // A folder where the DOCX's temporary file must go: the PDF's is written, the DOCX's
    // cannot be.
    let blocked = out.join(".2024-Q1.docx.kvartal-tmp");
    std::fs::create_dir(&blocked).expect("mkdir");
    case.build(&[]).fails_with("cannot write");
    for name in ["2024-Q1.pdf", "2024-Q1.docx"] {
        assert_eq!(
            std::fs::read_to_string(out.join(name)).expect("kept"),
            "old"
        );
    }
    assert_eq!(
        file_names(&out),
        [".2024-Q1.docx.kvartal-tmp", "2024-Q1.docx", "2024-Q1.pdf"]
    );
    // Once the way is clear, the pair is replaced as a whole.
    std::fs::remove_dir(&blocked).expect("removed");
    case.build(&[]).succeeds();
    assert_eq!(file_names(&out), ["2024-Q1.docx", "2024-Q1.pdf"]);
    let pdf = std::fs::read(out.join("2024-Q1.pdf")).expect("written");
    assert!(pdf.starts_with(b"%PDF"));
}
