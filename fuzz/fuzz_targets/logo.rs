//! Any bytes as an organisation's logo: the loader must accept or refuse them with a
//! diagnostic, never panic or hang, and a logo it accepts must be drawn by both backends,
//! so that `check` passing means `build` succeeds.
#![no_main]

use kvartal::pdf::{self, PdfOptions};
use kvartal::template::Layout;
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

const REPORT: &str = "programme: Medborgarlöfte 2023
period:
  year: 2023
  quarter: 1
organisations:
  - name: Jönköpings kommun
    logo: logos/logo
focus_areas:
  - id: barn-unga
    title: Barn och unga
    status: on_track
";

/// One folder per fuzzing process: the report, and the logo the input is written to.
fn report_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let folder = std::env::temp_dir().join(format!("kvartal-fuzz-logo-{}", std::process::id()));
        std::fs::create_dir_all(folder.join("logos")).expect("a temporary folder");
        let path = folder.join("2023-Q1.yaml");
        std::fs::write(&path, REPORT).expect("the temporary report is writable");
        path
    })
}

fn layout() -> &'static Layout {
    static LAYOUT: OnceLock<Layout> = OnceLock::new();
    LAYOUT.get_or_init(|| Layout::builtin("standard").expect("the built-in layout loads"))
}

fuzz_target!(|data: &[u8]| {
    let path = report_path();
    let logo = path.with_file_name("logos").join("logo");
    std::fs::write(&logo, data).expect("the temporary logo is writable");
    let Ok(report) = kvartal::report::load(path) else {
        return;
    };
    let document = kvartal::cmd::document(&report, layout()).expect("the report renders");
    let pdf = pdf::pdf(&document, &PdfOptions::default()).expect("a checked logo is drawn in the PDF");
    kvartal::docx::docx(&document, &pdf.typeset, false).expect("a checked logo is drawn in the DOCX");
});
