//! Any bytes as a report file: loading, validating, warnings and drafting the next
//! quarter must answer with diagnostics, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One folder per fuzzing process, so the earlier-quarter scan sees only this file.
fn report_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let folder = std::env::temp_dir().join(format!("kvartal-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("a temporary folder");
        folder.join("2023-Q1.yaml")
    })
}

fuzz_target!(|data: &[u8]| {
    let path = report_path();
    std::fs::write(path, data).expect("the temporary file is writable");
    let _ = kvartal::report::check(path);
    let _ = kvartal::report::next_quarter(path);
});
