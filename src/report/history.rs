//! A metric's values over time: the files of earlier quarters of the same programme in the
//! same folder, and the metric's own `history`.
//!
//! Entry points: [`earlier`] finds the earlier quarters' reports beside a file (by their
//! `period`, not their file name), [`merge`] writes every known earlier value into each
//! metric's [`Metric::history`] and returns where `history` disagrees with an earlier file
//! (the file wins); [`metrics`] lists a report's metrics.

use super::{Metric, Quarter, Report};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Earlier quarters' reports of the same programme, by quarter.
pub type Earlier = BTreeMap<Quarter, Report>;

/// A `history` value that an earlier quarter's file contradicts.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub metric: String,
    pub quarter: Quarter,
    /// The value in this file's `history`.
    pub written: f64,
    /// The value in the earlier file, which is used.
    pub earlier: f64,
    pub file: PathBuf,
}

impl Quarter {
    /// The quarter before this one; `None` before year 0.
    pub fn previous(self) -> Option<Quarter> {
        Some(match self.quarter {
            1 => Quarter {
                year: self.year.checked_sub(1)?,
                quarter: 4,
            },
            q => Quarter {
                year: self.year,
                quarter: q - 1,
            },
        })
    }

    /// The quarter after this one; `None` after year 65535.
    pub fn next(self) -> Option<Quarter> {
        Some(match self.quarter {
            4 => Quarter {
                year: self.year.checked_add(1)?,
                quarter: 1,
            },
            q => Quarter {
                year: self.year,
                quarter: q + 1,
            },
        })
    }
}

/// `2023-Q4`, as the format writes quarters.
impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}-Q{}", self.year, self.quarter)
    }
}

/// The reports beside `report`'s file that follow the same programme for an earlier
/// quarter. Files that do not load are left out: `check` reports them on their own.
/// When two files claim the same quarter, the first by name is used.
pub fn earlier(report: &Report) -> Earlier {
    let mut found = Earlier::new();
    for path in siblings(&report.source) {
        let Ok(read) = super::load::read(&path) else {
            continue;
        };
        let other = read.report;
        if other.programme == report.programme && other.period < report.period {
            found.entry(other.period).or_insert(other);
        }
    }
    found
}

/// The other YAML files in the folder of `source`, sorted by name.
fn siblings(source: &Path) -> Vec<PathBuf> {
    let folder = source
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let this = source.canonicalize().ok();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .filter(|path| path.is_file() && path.canonicalize().ok() != this)
        .collect();
    files.sort();
    files
}

/// Fills every metric's history from `earlier` and returns the conflicts with what the
/// metric's own `history` says. Priority: an earlier file's value, then this file's
/// `history`, then the `history` written in earlier files.
pub fn merge(report: &mut Report, earlier: &Earlier) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for metric in metrics_mut(report) {
        let mut merged = BTreeMap::new();
        for other in earlier.values() {
            if let Some(old) = find(other, &metric.id) {
                merged.extend(old.history.iter().map(|(q, v)| (*q, *v)));
            }
        }
        merged.extend(metric.history.iter().map(|(q, v)| (*q, *v)));
        for (quarter, other) in earlier {
            let Some(value) = find(other, &metric.id).map(|m| m.value) else {
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

fn find<'a>(report: &'a Report, id: &str) -> Option<&'a Metric> {
    metrics(report).find(|metric| metric.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quarter(year: u16, quarter: u8) -> Quarter {
        Quarter { year, quarter }
    }

    #[test]
    fn quarters_step_over_the_year() {
        assert_eq!(quarter(2023, 4).next(), Some(quarter(2024, 1)));
        assert_eq!(quarter(2024, 1).previous(), Some(quarter(2023, 4)));
        assert_eq!(quarter(2023, 2).to_string(), "2023-Q2");
    }

    #[test]
    fn an_earlier_file_wins_over_history_and_history_fills_the_gaps() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/lint/history-conflict/2023-Q2.yaml");
        let report = crate::report::load(&path).expect("loads");
        let metric = find(&report, "vandringar").expect("the fixture's metric");
        let values: Vec<(String, f64)> = crate::report::trend::trend(metric, report.period)
            .iter()
            .filter_map(|p| Some((p.quarter.to_string(), p.value?)))
            .collect();
        let expected = [("2022-Q4", 1.0), ("2023-Q1", 2.0), ("2023-Q2", 3.0)];
        assert_eq!(values, expected.map(|(q, v)| (q.to_owned(), v)));
    }
}
