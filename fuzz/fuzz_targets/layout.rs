//! Any bytes as one file of a layout folder — style.toml, report.hbs, a partial or a label
//! file, chosen by the first byte — then the example report rendered through it: loading
//! and rendering must answer with an error, never panic or hang.
#![no_main]

use kvartal::report::Report;
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The files a layout folder holds, one of which the input becomes.
const FILES: [&str; 4] = [
    "style.toml",
    "report.hbs",
    "partials/activity.hbs",
    "labels/sv.toml",
];

/// One layout folder per fuzzing process.
fn layout_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("kvartal-fuzz-layout-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("partials")).expect("a temporary folder");
        std::fs::create_dir_all(dir.join("labels")).expect("a temporary folder");
        dir
    })
}

/// The example report, loaded once.
fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../report-data/medborgarlofte-jonkoping/2023-Q1.yaml");
        kvartal::report::load(&path).expect("the example report is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((choice, text)) = data.split_first() else {
        return;
    };
    let dir = layout_dir();
    for file in FILES {
        let _ = std::fs::remove_file(dir.join(file));
    }
    let file = FILES[usize::from(*choice) % FILES.len()];
    std::fs::write(dir.join(file), text).expect("the temporary file is writable");
    if let Ok(layout) = kvartal::template::Layout::from_dir(dir) {
        let _ = kvartal::cmd::document(report(), &layout);
    }
});
