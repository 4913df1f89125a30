//! How long the PDF, the DOCX and the web page of a report take, and how much memory:
//! `cargo bench`.
//!
//! Builds two example reports and a stress report (40 focus areas, 1,000 activities with
//! two paragraphs and three metrics each, written by scripts/stress_report.py) several
//! times each, and prints the median time of each stage — load and template to the
//! document, the PDF, the DOCX (which follows the PDF's pages), the HTML — the file sizes
//! and the process's peak memory. Targets on a 2-core machine: the example under 30 ms and
//! 150 KB, the stress report under 1 s and 200 MB, a DOCX that costs no more than its PDF,
//! and the stress report's web page under 0.2 s.

use kvartal::pdf::{self, PdfOptions};
use kvartal::report;
use kvartal::template::Layout;

/// The allocator the `kvartal` command uses, so the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 7;

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let stress = root.join("target/bench/stress.yaml");
    generate_stress_report(&root, &stress);
    let layout = Layout::builtin("standard").expect("the built-in layout loads");
    for quarter in ["2023-Q1", "2023-Q4"] {
        let path = format!("report-data/medborgarlofte-jonkoping/{quarter}.yaml");
        bench(&format!("example ({quarter})"), &root.join(path), &layout);
    }
    bench("stress (1,000 activities)", &stress, &layout);
    println!(
        "peak memory of this process: {} MB",
        peak_memory_kb() / 1024
    );
}

fn generate_stress_report(root: &Path, out: &Path) {
    std::fs::create_dir_all(out.parent().expect("in a folder")).expect("bench folder");
    let status = Command::new("python3")
        .arg(root.join("scripts/stress_report.py"))
        .arg(out)
        .status()
        .expect("python3 runs the stress report generator");
    assert!(status.success(), "the stress report generator failed");
}

/// Times each stage for `path` and prints the medians of [`RUNS`] runs.
fn bench(name: &str, path: &Path, layout: &Layout) {
    let mut stages: [Vec<Duration>; 4] = Default::default();
    let mut sizes = (0, 0, 0);
    for _ in 0..RUNS {
        let start = Instant::now();
        let report = report::load(path).unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
        let document = kvartal::cmd::document(&report, layout).expect("renders");
        let rendered = Instant::now();
        let pdf = pdf::pdf(&document, &PdfOptions::default()).expect("a valid PDF");
        let laid = Instant::now();
        let docx = kvartal::docx::docx(&document, Some(&pdf.typeset), false).expect("a DOCX");
        let written = Instant::now();
        let html = kvartal::html::html(&document, false);
        let published = Instant::now();
        stages[0].push(rendered - start);
        stages[1].push(laid - rendered);
        stages[2].push(written - laid);
        stages[3].push(published - written);
        sizes = (pdf.bytes.len(), docx.len(), html.len());
    }
    let [document, pdf, docx, html] = stages.map(|mut times| {
        times.sort();
        times[RUNS / 2].as_secs_f64() * 1000.0
    });
    println!(
        "{name}: document {document:.1} ms, PDF {pdf:.1} ms ({} KB), DOCX {docx:.1} ms ({} KB), \
         HTML {html:.1} ms ({} KB)",
        sizes.0 / 1024,
        sizes.1 / 1024,
        sizes.2 / 1024
    );
}

/// The largest resident size this process has had, from the kernel's accounting.
fn peak_memory_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse().ok())
        .unwrap_or(0)
}
