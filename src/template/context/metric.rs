//! A metric as the templates see it: this quarter's value and change, its recent quarters
//! for a trend table, and the parameters of its `kvartal-chart` component.
//!
//! Entry points: [`Words`] (the labels a metric's view needs, looked up once per report)
//! and [`metric`]. The numbers stay numbers, for the `number` and `change` helpers; only
//! the chart's alternative text is written out here, because it is one sentence.

use super::super::error::LayoutError;
use super::super::format::number_format;
use super::super::labels::{Labels, fill};
use super::super::period::PeriodWords;
use crate::number::NumberFormat;
use crate::report::trend::{self, Point};
use crate::report::{Direction, Metric, Period, TargetStatus};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct MetricView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub value: f64,
    pub unit: Option<&'a str>,
    pub target: Option<f64>,
    /// `higher_is_better` or `lower_is_better`.
    pub direction: &'static str,
    /// The change since the previous quarter, when that quarter's value is known.
    pub change: Option<f64>,
    /// The change since the same quarter a year before, when that value is known.
    pub change_year: Option<f64>,
    /// `target_met` or `target_not_met` for the `status` helper; nothing without a target.
    pub target_status: Option<&'static str>,
    /// The last quarters (up to eight), oldest first, ending with this one.
    pub series: Vec<PointView>,
    /// Whether two or more of those quarters have a value: a trend to chart.
    pub trend: bool,
    /// The parameters of a `kvartal-chart` component: `{{yaml chart}}`.
    pub chart: ChartView,
}

/// One quarter of a metric's series.
#[derive(Debug, Serialize)]
pub struct PointView {
    /// `2023-Q1`.
    pub quarter: String,
    /// "K1 2023" / "Q1 2023".
    pub label: String,
    /// Nothing when the quarter has no value.
    pub value: Option<f64>,
    pub change: Option<f64>,
    pub change_year: Option<f64>,
    pub target_status: Option<&'static str>,
    /// The report's own quarter.
    pub current: bool,
}

#[derive(Debug, Serialize)]
pub struct ChartView {
    /// The series' name: a word processor's chart shows it in its data and legend.
    pub name: String,
    pub alt: String,
    pub unit: Option<String>,
    pub target: Option<ChartTargetView>,
    pub points: Vec<ChartPointView>,
}

#[derive(Debug, Serialize)]
pub struct ChartTargetView {
    pub value: f64,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct ChartPointView {
    pub label: String,
    pub value: Option<f64>,
    pub current: bool,
}

/// The words of a metric's view in the report's language, and its period.
pub struct Words {
    period: Period,
    numbers: NumberFormat,
    periods: PeriodWords,
    value: String,
    gap: String,
    target: String,
    target_word: String,
}

impl Words {
    pub fn new(period: Period, labels: &Labels) -> Result<Words, LayoutError> {
        let get = |key: &str| labels.get(key).map(str::to_owned);
        Ok(Words {
            period,
            numbers: number_format(labels)?,
            periods: PeriodWords::new(labels, period.kind)?,
            value: get("chart_value")?,
            gap: get("chart_gap")?,
            target: get("chart_target")?,
            target_word: get("target")?,
        })
    }

    /// A value as the alternative text says it: the percent sign kept, since "45" alone
    /// would not say "45 %"; other units are named in the table beside the chart.
    fn spoken(&self, value: f64, unit: Option<&str>) -> String {
        let number = self.numbers.number(value);
        match unit {
            Some("%") => format!("{number} %"),
            _ => number,
        }
    }
}

pub fn metric<'a>(metric: &'a Metric, words: &Words) -> MetricView<'a> {
    let points = trend::trend(metric, words.period);
    let current = points.last();
    let series: Vec<PointView> = points.iter().map(|p| point(p, words)).collect();
    MetricView {
        id: &metric.id,
        name: &metric.name,
        value: metric.value,
        unit: metric.unit.as_deref(),
        target: metric.target,
        direction: match metric.direction {
            Direction::HigherIsBetter => "higher_is_better",
            Direction::LowerIsBetter => "lower_is_better",
        },
        change: current.and_then(|p| p.change_previous),
        change_year: current.and_then(|p| p.change_year),
        target_status: current.and_then(target_status),
        chart: chart(metric, &points, &series, words),
        trend: points.iter().filter(|p| p.value.is_some()).count() > 1,
        series,
    }
}

/// A metric over one year, for the year's view.
#[derive(Debug, Serialize)]
pub struct YearMetricView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub unit: Option<&'a str>,
    pub target: Option<f64>,
    /// Its value in each period of the year, in order; a period without one is a gap.
    pub cells: Vec<YearCellView>,
    /// From the year's first value to its last, when the year has two.
    pub change: Option<f64>,
    /// Whether the last value meets the target.
    pub target_status: Option<&'static str>,
    /// Whether two or more periods of the year have a value: a trend to chart.
    pub trend: bool,
    /// The chart of the year's periods.
    pub chart: ChartView,
}

/// One period's value of a metric in the year's view.
#[derive(Debug, Serialize)]
pub struct YearCellView {
    /// The period's key, `2023-Q2`.
    pub period: String,
    pub value: Option<f64>,
}

/// `metric` (of the year's last report, with its history) over `periods`, the year's
/// periods in order; `words` are those of that last report.
pub fn over_year<'a>(metric: &'a Metric, words: &Words, periods: &[Period]) -> YearMetricView<'a> {
    let points: Vec<Point> = trend::trend(metric, words.period)
        .into_iter()
        .filter(|p| periods.contains(&p.quarter))
        .collect();
    let series: Vec<PointView> = points.iter().map(|p| point(p, words)).collect();
    let value_of = |period: &Period| points.iter().find(|p| p.quarter == *period)?.value;
    let known: Vec<f64> = points.iter().filter_map(|p| p.value).collect();
    YearMetricView {
        id: &metric.id,
        name: &metric.name,
        unit: metric.unit.as_deref(),
        target: metric.target,
        cells: periods
            .iter()
            .map(|period| YearCellView {
                period: period.to_string(),
                value: value_of(period),
            })
            .collect(),
        change: match known.as_slice() {
            [first, .., last] => Some(last - first),
            _ => None,
        },
        target_status: points.last().and_then(target_status),
        trend: known.len() > 1,
        chart: chart(metric, &points, &series, words),
    }
}

fn point(point: &Point, words: &Words) -> PointView {
    PointView {
        quarter: point.quarter.to_string(),
        label: words.periods.short(point.quarter),
        value: point.value,
        change: point.change_previous,
        change_year: point.change_year,
        target_status: target_status(point),
        current: point.quarter == words.period,
    }
}

fn target_status(point: &Point) -> Option<&'static str> {
    point.target_met.map(|met| TargetStatus::of(met).code())
}

/// The chart's parameters; its points are the series' quarters as the tables label them.
fn chart(metric: &Metric, points: &[Point], series: &[PointView], words: &Words) -> ChartView {
    ChartView {
        name: metric.name.clone(),
        alt: alt(metric, points, words),
        unit: metric.unit.clone(),
        target: metric.target.map(|value| ChartTargetView {
            value,
            label: words.target_word.clone(),
        }),
        points: series
            .iter()
            .map(|p| ChartPointView {
                label: p.label.clone(),
                value: p.value,
                current: p.current,
            })
            .collect(),
    }
}

/// The series in words: "Antal SIG-nätverk: 10 i kvartal 4 2022, 11 i kvartal 1 2023;
/// mål 12".
fn alt(metric: &Metric, points: &[Point], words: &Words) -> String {
    let unit = metric.unit.as_deref();
    let said: Vec<String> = points
        .iter()
        .map(|p| {
            let quarter = words.periods.long(p.quarter);
            match p.value {
                Some(v) => fill(
                    &words.value,
                    &[("value", words.spoken(v, unit)), ("quarter", quarter)],
                ),
                None => fill(&words.gap, &[("quarter", quarter)]),
            }
        })
        .collect();
    let mut alt = format!("{}: {}", metric.name, said.join(", "));
    if let Some(target) = metric.target {
        let target = fill(&words.target, &[("target", words.spoken(target, unit))]);
        alt.push_str("; ");
        alt.push_str(&target);
    }
    alt
}
