//! How long the PDF of a report takes, and how much memory: `cargo bench`.
//!
//! Builds the example report and a stress report (40 focus areas, 1,000 activities with two
//! paragraphs and three metrics each, written by scripts/stress_report.py) through the
//! whole pipeline — load, template, document, PDF — several times each, and prints the
//! median time, the file size and the process's peak memory. Targets on a 2-core machine:
//! the example under 30 ms and 150 KB, the stress report under 1 s and 200 MB.

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
    bench(
        "example (2023-Q1)",
        &root.join("report-data/medborgarlofte-jonkoping/2023-Q1.yaml"),
        &layout,
    );
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

/// Times the whole pipeline for `path` and prints the median of [`RUNS`] runs.
fn bench(name: &str, path: &Path, layout: &Layout) {
    let mut times: Vec<Duration> = Vec::new();
    let mut size = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let report = report::load(path).unwrap_or_else(|d| panic!("{}: {d:?}", path.display()));
        let document = kvartal::cmd::document(&report, layout).expect("renders");
        let output = pdf::pdf(&document, &PdfOptions::default()).expect("a valid PDF");
        times.push(start.elapsed());
        size = output.bytes.len();
    }
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "{name}: median {:.1} ms (min {:.1}, max {:.1}), PDF {} KB",
        median.as_secs_f64() * 1000.0,
        times[0].as_secs_f64() * 1000.0,
        times[RUNS - 1].as_secs_f64() * 1000.0,
        size / 1024
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
