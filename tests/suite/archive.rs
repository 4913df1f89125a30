//! A PDF for the archive: the report's files carried inside it, enough to rebuild it.

use crate::support::{file_names, kvartal, path_str, repo, scratch};
use std::fs;
use std::path::Path;
use std::process::Command;

const Q4: &str = "report-data/medborgarlofte-jonkoping/2023-Q4.yaml";

/// Saves the files `pdf` carries into `into`, as a reader's viewer would (poppler).
fn detach(pdf: &Path, into: &Path) -> Vec<String> {
    fs::create_dir_all(into).expect("a folder for the files");
    let saved = Command::new("pdfdetach")
        .args(["-saveall", "-o", path_str(into), path_str(pdf)])
        .status()
        .expect("pdfdetach (poppler-utils) is installed");
    assert!(saved.success(), "pdfdetach failed on {}", pdf.display());
    file_names(into)
}

#[test]
fn an_archival_pdf_carries_its_report_and_rebuilds_identically_from_it() {
    let dir = scratch("archive-source");
    let run = kvartal(&[
        "build",
        Q4,
        "--embed-source",
        "--format",
        "pdf",
        "--out",
        path_str(&dir),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = dir.join("2023-Q4.pdf");
    let names = detach(&pdf, &dir.join("files"));
    assert_eq!(
        names,
        [
            "2023-Q1.yaml",
            "2023-Q2.yaml",
            "2023-Q3.yaml",
            "2023-Q4.yaml",
            "kvartal-build.json",
            "logos-kommun.svg",
            "logos-polisen.png"
        ]
    );
    let source = fs::read(repo().join(Q4)).expect("the report");
    assert_eq!(
        fs::read(dir.join("files/2023-Q4.yaml")).expect("attached"),
        source
    );
    let manifest = fs::read_to_string(dir.join("files/kvartal-build.json")).expect("manifest");
    let manifest: serde_json::Value = serde_json::from_str(&manifest).expect("JSON");
    assert_eq!(manifest["pdf_standard"], "a-3a+ua-1");
    assert_eq!(manifest["layout"]["name"], "standard");
    assert_eq!(
        manifest["layout"]["sha256"].as_str().map(str::len),
        Some(64)
    );
    // The files put back where the manifest says rebuild the same bytes.
    let rebuilt = dir.join("rebuilt");
    for file in manifest["files"].as_array().expect("a list of files") {
        let to = rebuilt.join(file["path"].as_str().expect("a path"));
        fs::create_dir_all(to.parent().expect("in a folder")).expect("folder");
        let name = file["name"].as_str().expect("a name");
        fs::copy(dir.join("files").join(name), to).expect("copied");
    }
    let report = rebuilt.join("2023-Q4.yaml");
    let out = dir.join("out");
    let args = ["build", path_str(&report), "--pdf-standard", "a-3a+ua-1"];
    let run = kvartal(&[&args[..], &["--format", "pdf", "--out", path_str(&out)]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        fs::read(out.join("2023-Q4.pdf")).expect("rebuilt") == fs::read(&pdf).expect("built"),
        "the rebuilt PDF differs"
    );
}

#[test]
fn only_pdf_a_3_carries_files() {
    let dir = scratch("archive-standard");
    let run = kvartal(&["build", Q4, "--format", "pdf", "--out", path_str(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(detach(&dir.join("2023-Q4.pdf"), &dir.join("files")).is_empty());
    let args = ["build", Q4, "--embed-source", "--pdf-standard", "a-2b"];
    let run = kvartal(&[&args[..], &["--out", path_str(&dir)]].concat());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("--embed-source needs --pdf-standard a-3a+ua-1"),
        "{}",
        run.stderr
    );
}

#[test]
fn verify_says_whether_a_pdf_rebuilds_from_what_it_carries() {
    let dir = scratch("archive-verify");
    let layout = dir.join("layout");
    let run = kvartal(&["layouts", "export", "standard", path_str(&layout)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let args = ["build", Q4, "--embed-source", "--format", "pdf", "--layout"];
    let run = kvartal(&[&args[..], &[path_str(&layout), "--out", path_str(&dir)]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = dir.join("2023-Q4.pdf");
    let verify = |file: &Path| kvartal(&["verify", path_str(file)]);
    let run = verify(&pdf);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("rebuilds identically from its source 2023-Q4.yaml")
    );
    let json = kvartal(&["verify", path_str(&pdf), "--format", "json"]);
    assert!(
        json.stdout.contains(r#""rebuilds":true"#),
        "{}",
        json.stdout
    );
    // One changed byte of a page.
    let mut bytes = fs::read(&pdf).expect("built");
    let at = bytes.len() / 3;
    bytes[at] ^= 0x20;
    let tampered = dir.join("tampered.pdf");
    fs::write(&tampered, bytes).expect("written");
    let run = verify(&tampered);
    assert_eq!(run.code, 1, "{}", run.stdout);
    // The layout changed since the build.
    let style = layout.join("style.toml");
    let text = fs::read_to_string(&style).expect("style");
    fs::write(&style, text.replacen("body_pt = 10.5", "body_pt = 11", 1)).expect("changed");
    let run = verify(&pdf);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("is not the one it was built with"),
        "{}",
        run.stderr
    );
    // A PDF built without its source.
    let plain = dir.join("plain");
    let run = kvartal(&["build", Q4, "--format", "pdf", "--out", path_str(&plain)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = verify(&plain.join("2023-Q4.pdf"));
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("carries no source"), "{}", run.stderr);
}
