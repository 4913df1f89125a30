//! A glance at a report file: its programme, series, quarter and metric ids, read without
//! validating anything else. The files beside a report are glanced at to tell which of
//! them its history needs; only those are read in full.
//!
//! Entry point: [`glance`]. A file written in the plain block style every report is written
//! in is read line by line (see `plain`), without the YAML parser; any other is parsed,
//! every field but those skipped. A file it cannot read is left to the full read, which
//! says what is wrong.

mod plain;

use super::{input, options};
use crate::report::{Kind, Period};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What a glance tells of a report file.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// The file.
    pub source: PathBuf,
    /// The programme it follows up.
    pub programme: String,
    /// Its series, as the full read makes it (see `series`).
    pub series: String,
    /// The quarter it covers.
    pub period: Period,
    /// The ids of its metrics.
    pub metrics: HashSet<String>,
}

/// The head of the file at `path`; `None` when it is not a report to the glance (a wrong
/// type, a missing field, YAML that does not parse), so that the caller reads it in full
/// and reports what is wrong.
pub fn glance(path: &Path) -> Option<Head> {
    let text = input::read_text(path).ok()?;
    let Some(top) = plain::read(&text) else {
        return parsed(path, &text);
    };
    Some(Head {
        source: path.to_path_buf(),
        series: top
            .series
            .unwrap_or_else(|| crate::report::series::of_programme(&top.programme)),
        programme: top.programme,
        period: top.period,
        metrics: top.metrics,
    })
}

fn parsed(path: &Path, text: &str) -> Option<Head> {
    let raw: Glanced = serde_saphyr::from_str_with_options(text, options()).ok()?;
    let series = match raw.series {
        Some(series) => series,
        None => crate::report::series::of_programme(&raw.programme),
    };
    let items = raw.focus_areas.into_iter().chain(raw.activities);
    let metrics = items.flat_map(|item| item.metrics).map(|m| m.id);
    Some(Head {
        source: path.to_path_buf(),
        programme: raw.programme,
        series,
        period: raw.period.period()?,
        metrics: metrics.collect(),
    })
}

/// The fields a glance reads; serde skips every other one.
#[derive(Deserialize)]
struct Glanced {
    programme: String,
    series: Option<String>,
    period: GlancedPeriod,
    #[serde(default)]
    focus_areas: Vec<WithMetrics>,
    #[serde(default)]
    activities: Vec<WithMetrics>,
}

#[derive(Deserialize)]
struct GlancedPeriod {
    year: u16,
    quarter: Option<u8>,
    tertial: Option<u8>,
    half: Option<u8>,
}

impl GlancedPeriod {
    /// The period, when the fields name exactly one (see `period_of`).
    fn period(&self) -> Option<Period> {
        period_of(self.year, [self.quarter, self.tertial, self.half])
    }
}

/// The period of `year` that `numbers` (the `quarter`, `tertial` and `half` written, in that
/// order) name: at most one of them, and none for the whole year. `None` for anything else,
/// which the full read explains.
pub(super) fn period_of(year: u16, numbers: [Option<u8>; 3]) -> Option<Period> {
    let kinds = [Kind::Quarter, Kind::Tertial, Kind::Half];
    let mut written = kinds
        .into_iter()
        .zip(numbers)
        .filter_map(|(k, n)| Some((k, n?)));
    match (written.next(), written.next()) {
        (None, _) => Period::new(year, Kind::Year, 1),
        (Some((kind, number)), None) => Period::new(year, kind, number),
        (Some(_), Some(_)) => None,
    }
}

#[derive(Deserialize)]
struct WithMetrics {
    #[serde(default)]
    metrics: Vec<MetricId>,
}

#[derive(Deserialize)]
struct MetricId {
    id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glance_sees_what_the_full_read_sees() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("report-data/medborgarlofte-jonkoping/2023-Q2.yaml");
        let report = super::super::read(&path).expect("reads").report;
        let text = std::fs::read_to_string(&path).expect("reads");
        let quick = glance(&path).expect("the example is a report");
        let full = parsed(&path, &text).expect("the example is a report");
        assert!(
            plain::read(&text).is_some(),
            "the example is read line by line"
        );
        let ids = crate::report::history::metrics(&report).map(|m| m.id.clone());
        let ids: HashSet<String> = ids.collect();
        for head in [&quick, &full] {
            assert_eq!(head.programme, report.programme);
            assert_eq!(head.series, report.series);
            assert_eq!(head.period, report.period);
            assert_eq!(head.metrics, ids);
        }
    }

    #[test]
    fn a_file_the_glance_cannot_read_is_left_to_the_full_read() {
        let dir = std::env::temp_dir().join(format!("kvartal-glance-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let path = dir.join("2023-Q1.yaml");
        std::fs::write(&path, "programme: P\nperiod: {year: 2023, quarter: fyra}\n")
            .expect("written");
        assert_eq!(glance(&path), None);
        std::fs::remove_dir_all(&dir).expect("removed");
    }
}
