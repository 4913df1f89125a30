//! A report file read line by line, for a glance: the programme, series and quarter from
//! the top-level lines, and the ids of the metrics from the `metrics:` lists.
//!
//! Entry point: [`read`]. Only the plain block style is read: top-level keys each starting
//! a line, plain values, `period:` with `year:` and `quarter:`, `tertial:` or `half:` (or
//! none, for a year) indented under it, `id:`
//! inside a `metrics:` list. Anything else (quotes, flow style, a value over several lines,
//! a key twice, a comment where a value is) gives `None`, and the parser decides.

use crate::report::Period;
use std::collections::HashSet;

/// What the lines of a report say.
pub struct Plain {
    pub programme: String,
    pub series: Option<String>,
    pub period: Period,
    pub metrics: HashSet<String>,
}

/// The programme, series, quarter and metric ids of `text`, when it is plain (see the
/// module).
pub fn read(text: &str) -> Option<Plain> {
    let mut scan = Scan::default();
    for line in text.lines() {
        let content = line.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        match line.len() - line.trim_start().len() {
            0 => scan.top(line)?,
            indent => scan.indented(indent, content)?,
        }
    }
    Some(Plain {
        programme: scan.programme?,
        series: scan.series,
        period: super::period_of(scan.year?, [scan.quarter, scan.tertial, scan.half])?,
        metrics: scan.metrics,
    })
}

/// What the lines read so far said, and where the next one stands.
#[derive(Default)]
struct Scan {
    programme: Option<String>,
    series: Option<String>,
    year: Option<u16>,
    quarter: Option<u8>,
    tertial: Option<u8>,
    half: Option<u8>,
    metrics: HashSet<String>,
    /// The lines below belong to `period`.
    in_period: bool,
    /// The last top-level key had a value, which an indented line would continue.
    after_value: bool,
    /// The indentation of the `metrics:` key whose list the lines below may be in.
    metrics_at: Option<usize>,
}

impl Scan {
    /// A top-level `key: value` line.
    fn top(&mut self, line: &str) -> Option<()> {
        let (key, value) = line.split_once(':')?;
        if !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return None;
        }
        self.in_period = key == "period";
        self.after_value = matches!(key, "programme" | "series");
        self.metrics_at = None;
        let value = value.trim();
        let slot = match key {
            "programme" => &mut self.programme,
            "series" => &mut self.series,
            "period" if value.is_empty() => return Some(()),
            "period" => return None,
            _ => return Some(()),
        };
        if slot.is_some() || !is_plain(value) {
            return None;
        }
        *slot = Some(value.to_owned());
        Some(())
    }

    /// A line indented by `indent`, trimmed to `content`.
    fn indented(&mut self, indent: usize, content: &str) -> Option<()> {
        if self.after_value {
            return None;
        }
        if self.in_period {
            return self.period(content);
        }
        // A list may stand at its key's indentation, each item starting with "- ".
        let below = |at: usize| indent > at || indent == at && content.starts_with("- ");
        if self.metrics_at.is_some_and(|at| !below(at)) {
            self.metrics_at = None;
        }
        let entry = content.strip_prefix('-').map_or(content, str::trim_start);
        if entry == "metrics:" {
            self.metrics_at = Some(indent + (content.len() - entry.len()));
        } else if let (Some(_), Some(id)) = (self.metrics_at, entry.strip_prefix("id:")) {
            let id = id.trim();
            if !is_plain(id) || !self.metrics.insert(id.to_owned()) {
                return None;
            }
        }
        Some(())
    }

    /// A line of `period`: its year, or the number of its quarter, tertial or half.
    fn period(&mut self, content: &str) -> Option<()> {
        let (key, value) = content.split_once(':')?;
        let value = value.trim();
        if !is_plain(value) {
            return None;
        }
        match key.trim() {
            "year" if self.year.is_none() => self.year = Some(value.parse().ok()?),
            "quarter" if self.quarter.is_none() => self.quarter = Some(value.parse().ok()?),
            "tertial" if self.tertial.is_none() => self.tertial = Some(value.parse().ok()?),
            "half" if self.half.is_none() => self.half = Some(value.parse().ok()?),
            _ => return None,
        }
        Some(())
    }
}

/// A value the same as written: no quotes, no flow, block or tag markers, no comment, not
/// empty (an empty value may go on in the lines below).
fn is_plain(value: &str) -> bool {
    let special = [
        '"', '\'', '|', '>', '&', '*', '!', '[', '{', '#', '%', '@', '`', '-', '?',
    ];
    !value.is_empty() && !value.starts_with(special) && !value.contains(" #")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: &str = "# Q4\nprogramme: Trygg i Åsa 2024\nseries: asa\nperiod:\n  year: 2024\n  \
                         quarter: 4\nfocus_areas:\n  - id: a\n    metrics:\n    - id: m1\n      \
                         name: M\n      history:\n        2024-Q3: 2\n    - name: N\n      id: m2\n\
                         activities:\n  - metrics:\n      - id: m3\n    id: b\n";

    #[test]
    fn a_plain_report_is_read_line_by_line() {
        let plain = read(PLAIN).expect("plain");
        assert_eq!(plain.programme, "Trygg i Åsa 2024");
        assert_eq!(plain.series.as_deref(), Some("asa"));
        assert_eq!(plain.period, Period::quarter(2024, 4));
        let ids: HashSet<String> = ["m1", "m2", "m3"].map(str::to_owned).into();
        assert_eq!(plain.metrics, ids);
    }

    #[test]
    fn each_kind_of_period_is_read() {
        let period =
            |lines: &str| read(&format!("programme: P\nperiod:\n{lines}")).map(|p| p.period);
        assert_eq!(
            period("  year: 2024\n  tertial: 2\n"),
            Period::parse_key("2024-T2")
        );
        assert_eq!(
            period("  half: 1\n  year: 2024\n"),
            Period::parse_key("2024-H1")
        );
        assert_eq!(period("  year: 2024\n"), Period::parse_key("2024"));
        assert_eq!(period("  year: 2024\n  tertial: 4\n"), None);
    }

    #[test]
    fn anything_else_is_left_to_the_parser() {
        for unusual in [
            "programme: P # note\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: \"P\"\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: P\nperiod: {year: 2024, quarter: 4}\n",
            "programme: P\n  over two lines\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: P\nprogramme: Q\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: P\nperiod:\n  year: 2024\n  quarter: '4'\n",
            "programme: P\nperiod:\n  year: 2024\n  quarter: 4\n  half: 2\n",
            "\"programme\": P\nperiod:\n  year: 2024\n  quarter: 4\n",
            "programme: P\nperiod:\n  year: 2024\n  quarter: 4\nactivities:\n  - metrics:\n    - id: 'm'\n",
            "programme: P\nperiod:\n  year: 2024\n  quarter: 4\nactivities:\n  - metrics:\n    - id: m\n    - id: m\n",
        ] {
            assert!(read(unusual).is_none(), "{unusual}");
        }
    }
}
