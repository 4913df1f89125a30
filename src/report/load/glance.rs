//! A glance at a report file: its programme, series, quarter and metric ids, read without
//! validating anything else. The files beside a report are glanced at to tell which of
//! them its history needs; only those are read in full.
//!
//! Entry points: [`glance`] reads the programme, series and quarter from the file's
//! top-level lines when it is written in the plain block style every report is written in,
//! without parsing the rest; [`glance_in_full`] also lists the metric ids, with the YAML
//! parser, skipping every other field. Either leaves a file it cannot read to the full read,
//! which says what is wrong.

use super::{input, options};
use crate::report::Quarter;
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
    pub period: Quarter,
    /// The ids of its metrics; `None` when only the top-level lines were read.
    pub metrics: Option<HashSet<String>>,
}

/// The head of the file at `path` without its metrics, from its top-level lines when they
/// are plain, else from the parser (see [`glance_in_full`]).
pub fn glance(path: &Path) -> Option<Head> {
    let text = input::read_text(path).ok()?;
    match top_level(&text) {
        Some(top) => Some(Head {
            source: path.to_path_buf(),
            series: top
                .series
                .unwrap_or_else(|| crate::report::series::of_programme(&top.programme)),
            programme: top.programme,
            period: top.period,
            metrics: None,
        }),
        None => parsed(path, &text),
    }
}

/// The head of the file at `path` with its metric ids; `None` when it is not a report to
/// the glance (a wrong type, a missing field, YAML that does not parse), so that the
/// caller reads it in full and reports what is wrong.
pub fn glance_in_full(path: &Path) -> Option<Head> {
    parsed(path, &input::read_text(path).ok()?)
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
        period: Quarter {
            year: raw.period.year,
            quarter: raw.period.quarter,
        },
        metrics: Some(metrics.collect()),
    })
}

/// What the top-level lines of a report say.
struct TopLevel {
    programme: String,
    series: Option<String>,
    period: Quarter,
}

/// The programme, series and quarter of `text` read from its lines, when the file is a
/// block mapping whose top-level keys each start a line and whose values are plain:
/// `programme: Medborgarlöfte 2023`, `period:` with `year: 2023` and `quarter: 4` indented
/// under it. Anything else (quotes, flow style, a value over several lines, a key twice,
/// a comment where a value is) gives `None`, and the parser decides.
fn top_level(text: &str) -> Option<TopLevel> {
    let (mut programme, mut series, mut year, mut quarter) = (None, None, None, None);
    // Whether the lines below belong to `period`, or would continue a value read.
    let (mut in_period, mut after_value) = (false, false);
    for line in text.lines() {
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if after_value {
                return None;
            }
            if in_period {
                let (key, value) = plain_entry(content)?;
                let number = Some(value.parse().ok()?);
                match key {
                    "year" if year.is_none() => year = number,
                    "quarter" if quarter.is_none() => {
                        quarter = number.and_then(|q: u16| u8::try_from(q).ok())
                    }
                    _ => return None,
                }
            }
            continue;
        }
        let (key, value) = line.split_once(':')?;
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        in_period = key == "period";
        after_value = matches!(key, "programme" | "series");
        let value = value.trim();
        let slot = match key {
            "programme" => &mut programme,
            "series" => &mut series,
            "period" if value.is_empty() => continue,
            "period" => return None,
            _ => continue,
        };
        if slot.is_some() || !is_plain(value) {
            return None;
        }
        *slot = Some(value.to_owned());
    }
    Some(TopLevel {
        programme: programme?,
        series,
        period: Quarter {
            year: year?,
            quarter: quarter?,
        },
    })
}

/// `key: value` of an indented line, with a plain value.
fn plain_entry(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let value = value.trim();
    is_plain(value).then_some((key.trim(), value))
}

/// A value the same as written: no quotes, no flow, block or tag markers, no comment, not
/// empty (an empty value may go on in the lines below).
fn is_plain(value: &str) -> bool {
    let special = [
        '"', '\'', '|', '>', '&', '*', '!', '[', '{', '#', '%', '@', '`', '-', '?',
    ];
    !value.is_empty() && !value.starts_with(special) && !value.contains(" #")
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
    quarter: u8,
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
        let quick = glance(&path).expect("the example is a report");
        let full = glance_in_full(&path).expect("the example is a report");
        for head in [&quick, &full] {
            assert_eq!(head.programme, report.programme);
            assert_eq!(head.series, report.series);
            assert_eq!(head.period, report.period);
        }
        assert_eq!(quick.metrics, None);
        let ids = crate::report::history::metrics(&report).map(|m| m.id.clone());
        assert_eq!(full.metrics, Some(ids.collect()));
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

    #[test]
    fn only_plain_top_level_lines_are_read_without_the_parser() {
        let plain = "# Q4\nprogramme: Trygg i Åsa 2024 # ny\nseries: asa\nperiod:\n  year: 2024\n  \
                     quarter: 4\nfocus_areas:\n  - id: a\n    period: x\n";
        let top = top_level(&plain.replace(" # ny", "")).expect("plain");
        assert_eq!(
            (top.programme.as_str(), top.series.as_deref()),
            ("Trygg i Åsa 2024", Some("asa"))
        );
        assert_eq!(
            top.period,
            Quarter {
                year: 2024,
                quarter: 4
            }
        );
        for unusual in [
            plain,
            "programme: \"P\"\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: P\nperiod: {year: 2024, quarter: 4}\n",
            "programme: P\n  over two lines\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: P\nprogramme: Q\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: P\nperiod:\n  year: 2024\n  quarter: '4'\n",
            "programme: P\nperiod:\n  year: 2024\n",
            "\"programme\": P\nperiod:\n  year: 2024\n  quarter: 4\n",
        ] {
            assert!(top_level(unusual).is_none(), "{unusual}");
        }
    }
}
