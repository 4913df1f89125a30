//! The value axis: a range and round tick values that contain every value drawn.
//!
//! Entry point: [`Scale::fit`]. Ticks are 1, 2, 2.5 or 5 times a power of ten, so their
//! labels are short; counts never get fractional ticks.

/// About this many intervals between ticks: enough to read a value off, few enough to label.
const INTERVALS: f64 = 4.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<f64>,
}

impl Scale {
    /// A scale for `values` (finite numbers; at least one expected). Zero is included when
    /// the values are all on one side of it and not far from it, so a bar of growth is not
    /// exaggerated; values far from zero get a range around themselves.
    pub fn fit(values: &[f64]) -> Scale {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if !(lo.is_finite() && hi.is_finite()) {
            return Scale::around(0.0);
        }
        let (from, to) = with_zero(lo, hi);
        if to - from <= f64::EPSILON * to.abs().max(1.0) {
            return Scale::around(from);
        }
        let integers = values.iter().all(|v| v.fract() == 0.0);
        let step = nice_step((to - from) / INTERVALS, integers);
        // A value on the first or last grid line would sit on the chart's edge, its label
        // in the way of the axis: such a range gets one step more (never across zero).
        let on_line = |v: f64| v != 0.0 && ((v / step).round() * step - v).abs() <= step * 1e-9;
        let from = if from == lo && on_line(lo) {
            from - step
        } else {
            from
        };
        let from = if lo >= 0.0 { from.max(0.0) } else { from };
        let to = if to == hi && on_line(hi) {
            to + step
        } else {
            to
        };
        let to = if hi <= 0.0 { to.min(0.0) } else { to };
        Scale::stepped(from, to, step).unwrap_or_else(|| Scale {
            min: lo,
            max: hi,
            ticks: vec![lo, hi],
        })
    }

    /// A scale for a single value (or all values equal): one step either side of it.
    fn around(value: f64) -> Scale {
        let step = nice_step((value.abs() / INTERVALS).max(1.0), true);
        let lo = if value >= 0.0 && value - step < 0.0 {
            0.0
        } else {
            value - step
        };
        Scale::stepped(lo, value + step, step).unwrap_or(Scale {
            min: value - 1.0,
            max: value + 1.0,
            ticks: vec![value],
        })
    }

    /// Ticks every `step` from below `lo` to above `hi`; `None` when the numbers are too
    /// large for that to be computed.
    fn stepped(lo: f64, hi: f64, step: f64) -> Option<Scale> {
        let first = (lo / step).floor();
        let last = (hi / step).ceil();
        let count = last - first;
        let usable = count.is_finite() && step.is_finite() && step > 0.0;
        if !(usable && (1.0..=50.0).contains(&count)) {
            return None;
        }
        let ticks: Vec<f64> = (0..=count as usize)
            .map(|i| round((first + i as f64) * step, step))
            .collect();
        Some(Scale {
            min: *ticks.first()?,
            max: *ticks.last()?,
            ticks,
        })
    }

    /// Where `value` lies on the axis: 0 at `min`, 1 at `max`.
    pub fn position(&self, value: f64) -> f64 {
        let span = self.max - self.min;
        if span > 0.0 {
            (value - self.min) / span
        } else {
            0.5
        }
    }
}

/// The range widened to zero when zero is nearer than the range is wide.
fn with_zero(lo: f64, hi: f64) -> (f64, f64) {
    if lo >= 0.0 && lo <= hi - lo {
        (0.0, hi)
    } else if hi <= 0.0 && -hi <= hi - lo {
        (lo, 0.0)
    } else {
        (lo, hi)
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at least `raw`; for counts a whole number, at least 1.
fn nice_step(raw: f64, integers: bool) -> f64 {
    let raw = if integers { raw.max(1.0) } else { raw };
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .filter(|s| !integers || s.fract() == 0.0)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// `value` without the float noise of repeated steps (0.30000000000000004 → 0.3).
fn round(value: f64, step: f64) -> f64 {
    let digits = (-step.log10().floor()).clamp(0.0, 12.0) as i32 + 2;
    let factor = 10f64.powi(digits);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_near_zero_start_at_zero_with_whole_ticks() {
        // Values on grid lines get a step of room, so no point sits on the chart's edge.
        let scale = Scale::fit(&[10.0, 11.0, 12.0]);
        assert_eq!(scale.ticks, [9.0, 10.0, 11.0, 12.0, 13.0]);
        let scale = Scale::fit(&[2.0, 3.0, 4.0]);
        assert_eq!(scale.ticks, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
    }

    #[test]
    fn fractions_get_round_ticks() {
        let scale = Scale::fit(&[71.5, 73.2]);
        assert!(scale.min <= 71.5 && scale.max >= 73.2, "{scale:?}");
        assert_eq!(scale.ticks, [71.0, 71.5, 72.0, 72.5, 73.0, 73.5]);
    }

    #[test]
    fn negatives_and_large_numbers() {
        let scale = Scale::fit(&[-3.0, 2.0]);
        assert_eq!(scale.ticks, [-4.0, -2.0, 0.0, 2.0, 4.0]);
        let scale = Scale::fit(&[1_234_567.0, 1_500_000.0]);
        assert!(
            scale.min <= 1_234_567.0 && scale.max >= 1_500_000.0,
            "{scale:?}"
        );
        assert!(scale.ticks.len() <= 7);
    }

    #[test]
    fn one_value_and_absurd_values_still_give_a_scale() {
        let scale = Scale::fit(&[5.0]);
        assert!(scale.min < 5.0 && scale.max > 5.0, "{scale:?}");
        assert_eq!(Scale::fit(&[0.0]).ticks, [0.0, 1.0]);
        let huge = Scale::fit(&[-f64::MAX, f64::MAX]);
        assert!(huge.max >= huge.min);
        assert!(!Scale::fit(&[]).ticks.is_empty());
    }
}
