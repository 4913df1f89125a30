//! A metric's recent periods as a board member reads them: each value with its change since
//! the period before and since the same period a year before, and whether it meets the
//! target, judged by the metric's direction.
//!
//! Entry point: [`trend`]. The window is the last [`window`] periods up to the report's,
//! starting at the first of them that has a value; a period inside it without a value is a
//! gap (`value: None`), never a zero.

use super::{Direction, Kind, Metric, Period};

/// How many periods a trend shows: two years of parts of a year, enough to see a season
/// come back and few enough to read; five whole years.
pub fn window(kind: Kind) -> usize {
    match kind {
        Kind::Year => 5,
        part => 2 * usize::from(part.per_year()),
    }
}

/// One quarter of a metric's trend.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// One of the [`window`] periods up to the report's.
    pub quarter: Period,
    /// The metric's value in it; `None` is a gap, never a zero.
    pub value: Option<f64>,
    /// The change since the quarter before, when both values are known.
    pub change_previous: Option<f64>,
    /// The change since the same period a year before, when both values are known; none
    /// for a whole year, whose year before is the period before.
    pub change_year: Option<f64>,
    /// Whether the value meets the metric's target; `None` without a value or a target.
    pub target_met: Option<bool>,
}

/// The metric's points, oldest first, ending with `period` (the report's quarter, whose
/// value is the metric's `value`).
pub fn trend(metric: &Metric, period: Period) -> Vec<Point> {
    let value_at = |quarter: Period| {
        if quarter == period {
            Some(metric.value)
        } else {
            metric.history.get(&quarter).copied()
        }
    };
    let mut quarters = vec![period];
    while quarters.len() < window(period.kind) {
        match quarters.last().and_then(|q| q.previous()) {
            Some(earlier) => quarters.push(earlier),
            None => break,
        }
    }
    quarters.reverse();
    let first = quarters
        .iter()
        .position(|&q| value_at(q).is_some())
        .unwrap_or(quarters.len() - 1);
    quarters[first..]
        .iter()
        .map(|&quarter| {
            let value = value_at(quarter);
            let change = |before: Option<Period>| Some(value? - value_at(before?)?);
            Point {
                quarter,
                value,
                change_previous: change(quarter.previous()),
                change_year: change(year_before(quarter)),
                target_met: value
                    .zip(metric.target)
                    .map(|(v, t)| meets(v, t, metric.direction)),
            }
        })
        .collect()
}

/// The earliest quarter whose value the trend of `period` shows or compares with: the first
/// of its window, and the same quarter a year before that. `None` when that lies before
/// year 0, so that every earlier quarter counts.
pub fn reach(period: Period) -> Option<Period> {
    let first = (1..window(period.kind)).try_fold(period, |p, _| p.previous())?;
    first.year_before()
}

/// Whether `value` meets `target` for a metric that should move in `direction`.
pub fn meets(value: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsBetter => value >= target,
        Direction::LowerIsBetter => value <= target,
    }
}

/// The same period a year before, for the parts of a year.
fn year_before(period: Period) -> Option<Period> {
    match period.kind {
        Kind::Year => None,
        _ => period.year_before(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn q(year: u16, quarter: u8) -> Period {
        Period::quarter(year, quarter)
    }

    fn metric(value: f64, history: &[(Period, f64)], target: Option<f64>) -> Metric {
        Metric {
            id: "m".into(),
            name: "M".into(),
            value,
            unit: None,
            target,
            direction: Direction::HigherIsBetter,
            history: history.iter().copied().collect::<BTreeMap<_, _>>(),
        }
    }

    fn values(points: &[Point]) -> Vec<(String, Option<f64>)> {
        points
            .iter()
            .map(|p| (p.quarter.to_string(), p.value))
            .collect()
    }

    #[test]
    fn no_value_before_the_reach_changes_the_trend() {
        let period = q(2023, 4);
        assert_eq!(reach(period), Some(q(2021, 1)));
        let history: Vec<(Period, f64)> = (0..12)
            .scan(period, |quarter, i| {
                *quarter = quarter.previous()?;
                Some((*quarter, f64::from(i)))
            })
            .collect();
        let within = trend(&metric(9.0, &history[..11], None), period);
        assert_eq!(history[10].0, q(2021, 1));
        assert_eq!(trend(&metric(9.0, &history, None), period), within);
        assert_ne!(trend(&metric(9.0, &history[..10], None), period), within);
        assert_eq!(reach(q(0, 4)), None);
    }

    #[test]
    fn one_value_is_one_point() {
        let points = trend(&metric(5.0, &[], Some(4.0)), q(2023, 1));
        assert_eq!(values(&points), [("2023-Q1".to_owned(), Some(5.0))]);
        assert_eq!(points[0].change_previous, None);
        assert_eq!(points[0].target_met, Some(true));
    }

    #[test]
    fn missing_quarters_are_gaps_and_the_window_is_eight() {
        let history = [(q(2020, 1), 1.0), (q(2021, 3), 3.0), (q(2022, 1), 4.0)];
        let points = trend(&metric(6.0, &history, None), q(2023, 1));
        let got = values(&points);
        assert_eq!(got.len(), 7, "{got:?}");
        assert_eq!(got[0], ("2021-Q3".to_owned(), Some(3.0)));
        assert_eq!(got[1], ("2021-Q4".to_owned(), None));
        assert_eq!(got[6], ("2023-Q1".to_owned(), Some(6.0)));
        let last = &points[6];
        assert_eq!(last.change_previous, None, "2022-Q4 has no value");
        assert_eq!(last.change_year, Some(2.0));
    }

    #[test]
    fn changes_and_target_follow_the_direction() {
        let mut m = metric(-2.5, &[(q(2022, 4), 1.0)], Some(0.0));
        let points = trend(&m, q(2023, 1));
        assert_eq!(points[1].change_previous, Some(-3.5));
        assert_eq!(points[1].target_met, Some(false));
        m.direction = Direction::LowerIsBetter;
        let points = trend(&m, q(2023, 1));
        assert_eq!(points[0].target_met, Some(false));
        assert_eq!(points[1].target_met, Some(true));
    }
}
