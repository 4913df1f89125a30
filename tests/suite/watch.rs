//! `kvartal build --watch` run as the official runs it, beside the editor: a saved report is
//! rebuilt, and only the reports it touches; a new quarter is built; and the build's own
//! outputs, even inside the watched folder, start no build of their own.

use crate::case::Case;
use crate::pdf_read::pdf_text;
use crate::support::{command, docx_text, path_str, scratch, small_report};
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime};

/// How long the first build may take: a loaded machine runs many tests at once.
const FIRST_BUILD: Duration = Duration::from_secs(60);

/// How long a rebuild of one small folder may take.
const REBUILD: Duration = Duration::from_secs(20);

/// Long enough for a rebuild to have started: many times the watch's wait for quiet.
const STILL: Duration = Duration::from_millis(1500);

#[test]
fn a_saved_report_is_rebuilt_and_a_report_in_another_folder_is_not() {
    let case = Case::new("watch-saved")
        .file("reports/a/2024-Q1.yaml", small_report(2024, 1))
        .file("reports/b/2024-Q1.yaml", small_report(2024, 1));
    let reports = case.dir().join("reports");
    let mut watching = Watching::start(&reports, &case.out(), &[]);
    watching.wait_for("watching 1 folder");
    let (a, b) = (case.out().join("a/2024-Q1"), case.out().join("b/2024-Q1"));
    assert!(docx_text(&a.with_extension("docx")).contains("The harbour"));
    let untouched = modified(&b.with_extension("pdf"));

    save(&reports.join("a/2024-Q1.yaml"), case.dir(), |text| {
        text.replace("The harbour", "The new quay")
    });
    let changed = watching.wait_for("changed");
    assert!(changed.ends_with("a/2024-Q1.yaml"), "{changed}");
    let summary = watching.wait_for("built");
    assert!(summary.starts_with("1 report built"), "{summary}");
    assert!(docx_text(&a.with_extension("docx")).contains("The new quay"));
    assert!(pdf_text(&a.with_extension("pdf")).contains("The new quay"));
    assert_eq!(modified(&b.with_extension("pdf")), untouched);
}

#[test]
fn a_new_quarter_is_built_and_outputs_in_the_watched_folder_start_no_build() {
    let case = Case::new("watch-loop").file("2024-Q1.yaml", small_report(2024, 1));
    let formats = ["--format", "pdf,docx,html"];
    let mut watching = Watching::start(case.dir(), &case.out(), &formats);
    watching.wait_for("watching");
    watching.stays_still();

    let staging = scratch("watch-loop-staging");
    save(&case.dir().join("2024-Q2.yaml"), &staging, |_| {
        small_report(2024, 2)
    });
    // The quarter before it is rebuilt too: the new one may change nothing of it today, but
    // a history of either reads the other.
    let summary = watching.wait_for("built");
    assert!(summary.starts_with("2 reports built"), "{summary}");
    assert!(case.out().join("2024-Q2.pdf").exists());
    assert!(case.out().join("index.html").exists());
    watching.stays_still();
}

/// Replaces the file at `path` with `change` of its text, as an editor saves: a whole new
/// file renamed over it. It is written in `staging`, outside the watched folders, so that
/// the save is one change however slowly a loaded machine writes it.
fn save(path: &Path, staging: &Path, change: impl FnOnce(String) -> String) {
    let text = fs::read_to_string(path).unwrap_or_default();
    let new = staging.join("saving.yaml");
    fs::write(&new, change(text)).expect("the folder is writable");
    fs::rename(&new, path).expect("renamed into place");
}

fn modified(path: &Path) -> SystemTime {
    let metadata = fs::metadata(path).expect("the output exists");
    metadata.modified().expect("the file system keeps times")
}

/// `kvartal build --watch`, running until dropped, and the lines it prints as they come.
struct Watching {
    child: Child,
    lines: Receiver<String>,
    printed: Vec<String>,
    /// Reads standard error to its end, when the child has ended.
    stderr: Option<JoinHandle<String>>,
}

impl Watching {
    /// Watches `input`, writing into `out`, with `args`.
    fn start(input: &Path, out: &Path, args: &[&str]) -> Watching {
        let watch = ["build", path_str(input), "--out", path_str(out), "--watch"];
        let mut child = command(&[&watch[..], args].concat())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the kvartal binary runs");
        let stdout = child.stdout.take().expect("piped");
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut pipe = child.stderr.take().expect("piped");
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        });
        Watching {
            child,
            lines,
            printed: Vec::new(),
            stderr: Some(stderr),
        }
    }

    /// The next line holding `words`; the lines before it are passed over.
    #[track_caller]
    fn wait_for(&mut self, words: &str) -> String {
        let limit = match self.printed.is_empty() {
            true => FIRST_BUILD,
            false => REBUILD,
        };
        let until = Instant::now() + limit;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.printed.push(line.clone());
                    if line.contains(words) {
                        return line;
                    }
                }
                Err(RecvTimeoutError::Timeout) => self.fail(&format!("no {words:?} in {limit:?}")),
                Err(RecvTimeoutError::Disconnected) => {
                    self.fail(&format!("ended before {words:?}"))
                }
            }
        }
    }

    /// Nothing is printed for a while: no build started.
    #[track_caller]
    fn stays_still(&mut self) {
        if let Ok(line) = self.lines.recv_timeout(STILL) {
            self.printed.push(line);
            self.fail("a build started with no file saved");
        }
    }

    #[track_caller]
    fn fail(&mut self, why: &str) -> ! {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let stderr = self.stderr.take().and_then(|reader| reader.join().ok());
        let stderr = stderr.unwrap_or_default();
        panic!(
            "kvartal build --watch: {why}; stdout:\n{}\nstderr:\n{stderr}",
            self.printed.join("\n")
        );
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
