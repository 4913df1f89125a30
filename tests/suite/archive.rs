//! A PDF for the archive: the report's files carried inside it, enough to rebuild it.

use crate::case::Case;
use crate::pdf_read::pdf_attachments;
use crate::support::{file_names, kvartal, path_str, repo};
use std::fs;
use std::path::Path;

const Q4: &str = "report-data/medborgarlofte-jonkoping/2023-Q4.yaml";

/// Saves the files `pdf` carries into `into`, as a reader's viewer saves all its
/// attachments; their names, sorted.
fn detach(pdf: &Path, into: &Path) -> Vec<String> {
    fs::create_dir_all(into).expect("a folder for the files");
    for (name, bytes) in pdf_attachments(pdf) {
        assert!(
            !name.is_empty() && !name.contains(['/', '\\']) && name != "..",
            "an attachment's name is a plain file name: {name:?}"
        );
        fs::write(into.join(&name), bytes).expect("the file saved");
    }
    file_names(into)
}

#[test]
fn an_archival_pdf_carries_its_report_and_rebuilds_identically_from_it() {
    let case = Case::new("archive-source").source(Q4);
    let built = case
        .build(&["--embed-source", "--format", "pdf"])
        .succeeds();
    let pdf = built.pdf();
    let files = case.dir().join("files");
    let names = detach(&pdf, &files);
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
        fs::read(files.join("2023-Q4.yaml")).expect("attached"),
        source
    );
    let manifest = fs::read_to_string(files.join("kvartal-build.json")).expect("manifest");
    let manifest: serde_json::Value = serde_json::from_str(&manifest).expect("JSON");
    assert_eq!(manifest["pdf_standard"], "a-3a+ua-1");
    assert_eq!(manifest["layout"]["name"], "standard");
    assert_eq!(
        manifest["layout"]["sha256"].as_str().map(str::len),
        Some(64)
    );
    // The files put back where the manifest says rebuild the same bytes.
    let rebuilt = case.dir().join("rebuilt");
    for file in manifest["files"].as_array().expect("a list of files") {
        let to = rebuilt.join(file["path"].as_str().expect("a path"));
        fs::create_dir_all(to.parent().expect("in a folder")).expect("folder");
        let name = file["name"].as_str().expect("a name");
        fs::copy(files.join(name), to).expect("copied");
    }
    let again = Case::new("archive-source-rebuilt")
        .source(rebuilt.join("2023-Q4.yaml"))
        .build(&["--pdf-standard", "a-3a+ua-1", "--format", "pdf"])
        .succeeds();
    assert!(
        fs::read(again.pdf()).expect("rebuilt") == fs::read(&pdf).expect("built"),
        "the rebuilt PDF differs"
    );
}

#[test]
fn only_pdf_a_3_carries_files() {
    let case = Case::new("archive-standard").source(Q4);
    let built = case.build(&["--format", "pdf"]).succeeds();
    assert!(detach(&built.pdf(), &case.dir().join("files")).is_empty());
    case.build(&["--embed-source", "--pdf-standard", "a-2b"])
        .wrong_usage("--embed-source needs --pdf-standard a-3a+ua-1");
}

#[test]
fn verify_says_whether_a_pdf_rebuilds_from_what_it_carries() {
    let case = Case::new("archive-verify")
        .source(Q4)
        .export_layout("standard");
    let built = case
        .build(&["--embed-source", "--format", "pdf"])
        .succeeds();
    let pdf = built.pdf();
    let verify = |file: &Path| kvartal(&["verify", path_str(file)]);
    let run = verify(&pdf).succeeds();
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
    let tampered = case.dir().join("tampered.pdf");
    fs::write(&tampered, bytes).expect("written");
    verify(&tampered).fails();
    // The layout changed since the build.
    case.restyle("body_pt = 10.5", "body_pt = 11");
    verify(&pdf).fails_with("is not the one it was built with");
    // A PDF built without its source.
    let plain = Case::new("archive-verify-plain")
        .source(Q4)
        .build(&["--format", "pdf"])
        .succeeds();
    verify(&plain.pdf()).fails_with("carries no source");
}
