//! Every output of every example report, for every built-in layout, as a draft and with its
//! source, compared by SHA-256 with tests/golden/outputs.sha256: a change to any byte of any
//! PDF or DOCX shows here. After a deliberate change, regenerate the list with
//! `KVARTAL_UPDATE_SNAPSHOTS=1 cargo test --test suite golden` and say why in the commit.

use crate::support::{file_names, kvartal, path_str, repo, scratch};
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::Path;

const LAYOUTS: [&str; 3] = ["standard", "brief", "tjansteskrivelse"];
const VARIANTS: [(&str, &[&str]); 3] = [
    ("plain", &[]),
    ("draft", &["--draft"]),
    ("source", &["--embed-source"]),
];

/// One line per output: layout, variant, file and its digest.
fn digests() -> String {
    let mut list = String::new();
    for layout in LAYOUTS {
        for (variant, options) in VARIANTS {
            let out = scratch(&format!("golden-{layout}-{variant}"));
            let args = [
                &["build", "--layout", layout, "--out", path_str(&out)],
                options,
            ]
            .concat();
            let run = kvartal(&args);
            assert_eq!(run.code, 0, "{layout} {variant}: {}", run.stderr);
            for folder in file_names(&out) {
                for file in file_names(&out.join(&folder)) {
                    let digest = sha256(&out.join(&folder).join(&file));
                    let _ = writeln!(list, "{layout} {variant} {folder}/{file} {digest}");
                }
            }
        }
    }
    list
}

fn sha256(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("written");
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

#[test]
fn every_output_is_byte_for_byte_what_it_was() {
    let path = repo().join("tests/golden/outputs.sha256");
    let now = digests();
    if std::env::var_os("KVARTAL_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &now).expect("digests written");
        return;
    }
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    let changed: Vec<&str> = now
        .lines()
        .filter(|line| !before.lines().any(|b| b == *line))
        .collect();
    assert!(
        changed.is_empty() && now.lines().count() == before.lines().count(),
        "outputs differ from {}:\n{}\nregenerate with KVARTAL_UPDATE_SNAPSHOTS=1 if the \
         change is meant",
        path.display(),
        changed.join("\n")
    );
}

/// The DOCX made alone, from the PDF's layout without a PDF drawn, is the DOCX made beside
/// the PDF.
#[test]
fn a_docx_made_alone_is_the_docx_made_beside_the_pdf() {
    let (alone, both) = (scratch("golden-docx-alone"), scratch("golden-docx-both"));
    for (out, formats) in [(&alone, "docx"), (&both, "pdf,docx")] {
        let run = kvartal(&["build", "--format", formats, "--out", path_str(out)]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let report = "medborgarlofte-jonkoping/2023-Q4";
    assert!(
        !alone.join(format!("{report}.pdf")).exists(),
        "no PDF asked for"
    );
    let docx = |dir: &Path| sha256(&dir.join(format!("{report}.docx")));
    assert_eq!(docx(&alone), docx(&both));
}
