//! A metric's values over time: the reports of earlier quarters of the same series (see
//! `series`) in the same folder, and the metric's own `history`.
//!
//! Entry points: [`needs`] tells from a glance at a file beside the report whether its
//! history needs the file read in full: an earlier quarter of its series (by `series` and
//! `period`, not the file name) within the trend's reach. [`siblings`] picks, from the
//! files beside it, the earlier quarters and notes what a reader should know about them
//! (another series, two files for one quarter, a copy); [`merge`] writes every known
//! earlier value into each metric's [`Metric::history`] and returns where `history`
//! disagrees with an earlier file (the file wins); [`metrics`] lists a report's metrics.
//! Nothing here reads a file: the reports come read (see `stage`).

use super::load::Head;
use super::{Kind, Metric, Period, Report, trend};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Earlier quarters' reports of the same series, by quarter. Shared: one file read in a run
/// serves every report whose history needs it.
pub type Earlier = BTreeMap<Period, Arc<Report>>;

/// A file beside a report, as far as it was read.
#[derive(Debug, Clone)]
pub enum Beside {
    /// Read in full, because [`needs`] said so.
    Read(Arc<Report>),
    /// Only glanced at: the history does not need its values.
    Glanced(Arc<Head>),
    /// A file with errors, whose values cannot be used.
    Unreadable(PathBuf),
}

/// Whether the history of a report of `series` for `period` needs the file `head`
/// describes read in full: an earlier quarter of its series that its trends show or
/// compare with.
pub fn needs(series: &str, period: Period, head: &Head) -> bool {
    let reached = trend::reach(period).is_none_or(|first| head.period >= first);
    let same_kind = head.period.kind == period.kind;
    head.series == series && same_kind && head.period < period && reached
}

/// A `history` value that an earlier quarter's file contradicts.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The metric's id.
    pub metric: String,
    /// The quarter whose value differs.
    pub quarter: Period,
    /// The value in this file's `history`.
    pub written: f64,
    /// The value in the earlier file, which is used.
    pub earlier: f64,
    /// The earlier quarter's file.
    pub file: PathBuf,
}

/// What the files beside a report say about its history.
#[derive(Debug, Default)]
pub struct Siblings {
    /// The earlier quarters used, one file each.
    pub earlier: Earlier,
    /// What a reader should know about the choice.
    pub notes: Vec<Note>,
    /// Files of the same series that report in another kind of period, by kind: their
    /// values are not used. `stage` refuses tertials beside quarters (one programme's
    /// history is kept in one kind) and lets a year file lie beside the year's reports.
    pub other_kinds: BTreeMap<Kind, Vec<PathBuf>>,
}

/// Something about the files beside a report that changes its history unseen.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Earlier files with metrics of this report, but another series: their values are not
    /// used. Usually a programme renamed for a new year.
    OtherSeries {
        /// The series those files belong to.
        series: String,
        /// The programme the first of them names.
        programme: String,
        /// The files of that series.
        files: Vec<PathBuf>,
    },
    /// More than one file for one earlier quarter; `used` gives the values.
    SameQuarter {
        /// The earlier quarter.
        quarter: Period,
        /// The file whose values are used.
        used: PathBuf,
        /// The other files.
        ignored: Vec<PathBuf>,
    },
    /// Another file of the same series for this report's own quarter.
    SameAsThis {
        /// The other file for this quarter.
        file: PathBuf,
    },
    /// The only file of a quarter is named like a copy ("… - Kopia.yaml"); it is used.
    LooksLikeCopy {
        /// The file, named like a copy.
        file: PathBuf,
    },
    /// A report file beside this one has errors, so its values cannot be used.
    Unreadable {
        /// The file with errors.
        file: PathBuf,
    },
}

/// The reports of `beside` of the same series as `report` for an earlier quarter, by their
/// `period`, not their file name. `beside` is every other report file in `report`'s folder,
/// by name, read as far as [`needs`] asked; one with errors is left out and noted (`check`
/// reports its errors on its own). Of two files for one quarter, one not named like a copy
/// is used, else the first by name; both are noted.
pub fn siblings(report: &Report, beside: impl IntoIterator<Item = Beside>) -> Siblings {
    let mut by_quarter: BTreeMap<Period, Vec<Arc<Report>>> = BTreeMap::new();
    let mut found = Siblings::default();
    let own_metrics: HashSet<&str> = metrics(report).map(|m| m.id.as_str()).collect();
    for other in beside {
        let head = match other {
            Beside::Unreadable(file) => {
                found.notes.push(Note::Unreadable { file });
                continue;
            }
            Beside::Read(other)
                if other.series == report.series && other.period.kind == report.period.kind =>
            {
                match other.period.cmp(&report.period) {
                    std::cmp::Ordering::Less => {
                        by_quarter.entry(other.period).or_default().push(other)
                    }
                    std::cmp::Ordering::Equal => found.notes.push(Note::SameAsThis {
                        file: other.source.clone(),
                    }),
                    // A later quarter has no part in this one's history.
                    std::cmp::Ordering::Greater => {}
                }
                continue;
            }
            Beside::Read(other) => Head::of(&other),
            Beside::Glanced(head) => Arc::unwrap_or_clone(head),
        };
        if head.series != report.series {
            note_other_series(&mut found.notes, report, &own_metrics, head);
        } else if head.period.kind != report.period.kind {
            let kind = head.period.kind;
            found.other_kinds.entry(kind).or_default().push(head.source);
        } else if head.period == report.period {
            found.notes.push(Note::SameAsThis { file: head.source });
        }
    }
    for (quarter, mut files) in by_quarter {
        // Stable: among equals the first by name, as the files were listed.
        files.sort_by_key(|r| looks_like_copy(&r.source));
        let used = files.remove(0);
        if !files.is_empty() {
            found.notes.push(Note::SameQuarter {
                quarter,
                used: used.source.clone(),
                ignored: files.iter().map(|r| r.source.clone()).collect(),
            });
        } else if looks_like_copy(&used.source) {
            found.notes.push(Note::LooksLikeCopy {
                file: used.source.clone(),
            });
        }
        found.earlier.insert(quarter, used);
    }
    found
}

impl Head {
    /// What a glance at the file of `report` would have seen.
    fn of(report: &Report) -> Head {
        Head {
            source: report.source.clone(),
            programme: report.programme.clone(),
            series: report.series.clone(),
            period: report.period,
            metrics: metrics(report).map(|m| m.id.clone()).collect(),
        }
    }
}

/// Notes an earlier file of another series that measures what `report` measures
/// (`own_metrics`, the ids of its metrics).
fn note_other_series(
    notes: &mut Vec<Note>,
    report: &Report,
    own_metrics: &HashSet<&str>,
    other: Head,
) {
    let shares = other
        .metrics
        .iter()
        .any(|id| own_metrics.contains(id.as_str()));
    if other.period >= report.period || !shares {
        return;
    }
    let same = notes.iter_mut().find_map(|note| match note {
        Note::OtherSeries { series, files, .. } if *series == other.series => Some(files),
        _ => None,
    });
    match same {
        Some(files) => files.push(other.source),
        None => notes.push(Note::OtherSeries {
            series: other.series,
            programme: other.programme,
            files: vec![other.source],
        }),
    }
}

/// A file name that copying in a file manager or an editor makes: "2023-Q4 - Kopia.yaml",
/// "2023-Q4 (1).yaml", "Copy of 2023-Q4.yaml", "2023-Q4.bak.yaml", "2023-Q4~.yaml".
pub fn looks_like_copy(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    const WORDS: [&str; 4] = ["kopia", "copy", "backup", "bak"];
    let words = stem.split(|c: char| !c.is_alphanumeric());
    let numbered = stem.ends_with(')') && stem.contains(" (");
    words.clone().any(|word| WORDS.contains(&word)) || numbered || stem.ends_with('~')
}

/// Fills every metric's history from `earlier` and returns the conflicts with what the
/// metric's own `history` says. Priority: an earlier file's value, then this file's
/// `history`, then the `history` written in earlier files.
pub fn merge(report: &mut Report, earlier: &Earlier) -> Vec<Conflict> {
    // Each earlier report's metrics by id, found once rather than once a metric.
    let earlier: Vec<(Period, &Report, HashMap<&str, &Metric>)> = earlier
        .iter()
        .map(|(quarter, other)| {
            let by_id = metrics(other).map(|m| (m.id.as_str(), m));
            (*quarter, &**other, by_id.collect())
        })
        .collect();
    let mut conflicts = Vec::new();
    for metric in metrics_mut(report) {
        let mut merged = BTreeMap::new();
        for (_, _, by_id) in &earlier {
            if let Some(old) = by_id.get(metric.id.as_str()) {
                merged.extend(old.history.iter().map(|(q, v)| (*q, *v)));
            }
        }
        merged.extend(metric.history.iter().map(|(q, v)| (*q, *v)));
        for (quarter, other, by_id) in &earlier {
            let Some(value) = by_id.get(metric.id.as_str()).map(|m| m.value) else {
                continue;
            };
            if let Some(&written) = metric.history.get(quarter).filter(|&&w| w != value) {
                conflicts.push(Conflict {
                    metric: metric.id.clone(),
                    quarter: *quarter,
                    written,
                    earlier: value,
                    file: other.source.clone(),
                });
            }
            merged.insert(*quarter, value);
        }
        metric.history = merged;
    }
    conflicts
}

/// Every metric of the report, focus areas' first, in file order.
pub fn metrics(report: &Report) -> impl Iterator<Item = &Metric> {
    let areas = report.focus_areas.iter().flat_map(|a| &a.metrics);
    areas.chain(report.activities.iter().flat_map(|a| &a.metrics))
}

fn metrics_mut(report: &mut Report) -> impl Iterator<Item = &mut Metric> {
    let areas = report.focus_areas.iter_mut().flat_map(|a| &mut a.metrics);
    areas.chain(report.activities.iter_mut().flat_map(|a| &mut a.metrics))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quarter(year: u16, quarter: u8) -> Period {
        Period::quarter(year, quarter)
    }

    #[test]
    fn copies_are_known_by_their_names() {
        for copy in [
            "2023-Q4 - Kopia.yaml",
            "2023-Q4 (1).yaml",
            "Copy of 2023-Q4.yaml",
        ] {
            assert!(looks_like_copy(Path::new(copy)), "{copy}");
        }
        for name in [
            "2023-Q4.yaml",
            "jonkoping-2023-Q4.yaml",
            "golden-2023-Q4.yaml",
        ] {
            assert!(!looks_like_copy(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn quarters_step_over_the_year() {
        assert_eq!(quarter(2023, 4).next(), Some(quarter(2024, 1)));
        assert_eq!(quarter(2024, 1).previous(), Some(quarter(2023, 4)));
        assert_eq!(quarter(2023, 2).to_string(), "2023-Q2");
    }
}
