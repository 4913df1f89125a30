//! The reports of one run worked on in parallel, one per core, with a progress bar on a
//! terminal and a one-line summary at the end.
//!
//! Entry points: [`each`] gives the results in the order of the reports, whatever order
//! they finish in, so that messages and outputs are the same as one at a time; [`Progress`]
//! draws the bar; [`summary`] words the last line.

use super::inputs::Input;
use crate::diag::Labels;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// More reports than this, or one report larger than [`LONG_REPORT_BYTES`], take long
/// enough for a bar to be worth drawing.
const FEW_REPORTS: usize = 3;

/// A report file this large takes a second or more to build.
const LONG_REPORT_BYTES: u64 = 256 * 1024;

/// `work` on every input, in parallel; the results in the order of `inputs`.
pub fn each<T: Send>(
    inputs: &[Input],
    progress: &Progress,
    work: impl Fn(&Input) -> T + Sync + Send,
) -> Vec<T> {
    inputs
        .par_iter()
        .map(|input| {
            let result = work(input);
            progress.done();
            result
        })
        .collect()
}

/// A bar on standard error counting the reports done, with the one in hand; drawn only on
/// a terminal, when the run is long enough, and not with `--quiet`.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    /// The bar for a run over `inputs`; none with `quiet`.
    pub fn new(inputs: &[Input], quiet: bool) -> Progress {
        let long = inputs.len() > FEW_REPORTS || inputs.iter().any(is_long);
        let shown = long && !quiet && std::io::stderr().is_terminal();
        let bar = shown.then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(inputs.len() as u64),
                ProgressDrawTarget::stderr(),
            );
            let template = "{spinner} [{bar:30}] {pos}/{len} {wide_msg} {elapsed}";
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
            // The spinner turns while one long report is laid out.
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    /// Shows that `input` has come to `stage` ("PDF", "DOCX").
    pub fn stage(&self, input: &Input, stage: &str) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!("{}: {stage}", input.path.display()));
        }
    }

    /// Counts one report done.
    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the bar, and gives the time the run took.
    pub fn finish(self) -> Duration {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
        self.started.elapsed()
    }
}

fn is_long(input: &Input) -> bool {
    std::fs::symlink_metadata(&input.path).is_ok_and(|m| m.len() > LONG_REPORT_BYTES)
}

/// Swedish when every report of the run is Swedish, else English: one language for the line.
pub fn words(languages: &[Labels]) -> Labels {
    if !languages.is_empty() && languages.iter().all(|&l| l == Labels::Swedish) {
        Labels::Swedish
    } else {
        Labels::English
    }
}

/// What a run made, for its last line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    /// Reports whose files were written.
    pub reports: usize,
    /// Pages of their PDFs (or of the PDF layout their DOCX follows).
    pub pages: usize,
    /// Warnings printed.
    pub warnings: usize,
    /// Reports with errors, which got no files.
    pub failed: usize,
}

/// The words of the summary in one language: each count's singular and plural.
struct Words {
    built: [&'static str; 2],
    pages: [&'static str; 2],
    failed: &'static str,
    warnings: [&'static str; 2],
    decimal: char,
}

const SWEDISH: Words = Words {
    built: ["rapport byggd", "rapporter byggda"],
    pages: ["sida", "sidor"],
    failed: "med fel",
    warnings: ["varning", "varningar"],
    decimal: ',',
};

const ENGLISH: Words = Words {
    built: ["report built", "reports built"],
    pages: ["page", "pages"],
    failed: "with errors",
    warnings: ["warning", "warnings"],
    decimal: '.',
};

/// "3 rapporter byggda (41 sidor), 2 varningar, 1,2 s": in Swedish when `labels` says so.
pub fn summary(tally: Tally, took: Duration, labels: Labels) -> String {
    let words = match labels {
        Labels::Swedish => &SWEDISH,
        Labels::English => &ENGLISH,
    };
    let count = |n: usize, [one, many]: [&str; 2]| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let built = count(tally.reports, words.built);
    let mut parts = vec![format!("{built} ({})", count(tally.pages, words.pages))];
    if tally.failed > 0 {
        parts.push(format!("{} {}", tally.failed, words.failed));
    }
    parts.push(count(tally.warnings, words.warnings));
    let seconds = format!("{:.1} s", took.as_secs_f64());
    parts.push(seconds.replace('.', &words.decimal.to_string()));
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_in_the_reports_language() {
        let tally = Tally {
            reports: 4,
            pages: 41,
            warnings: 1,
            failed: 0,
        };
        let took = Duration::from_millis(1240);
        assert_eq!(
            summary(tally, took, Labels::Swedish),
            "4 rapporter byggda (41 sidor), 1 varning, 1,2 s"
        );
        let one = Tally {
            reports: 1,
            pages: 1,
            failed: 2,
            ..tally
        };
        assert_eq!(
            summary(one, took, Labels::English),
            "1 report built (1 page), 2 with errors, 1 warning, 1.2 s"
        );
        assert_eq!(words(&[Labels::Swedish, Labels::English]), Labels::English);
        assert_eq!(words(&[]), Labels::English);
    }
}
