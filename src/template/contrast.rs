//! The contrast of two colours as WCAG 2.1 defines it (success criterion 1.4.3), for
//! refusing a layout whose text would be hard to read.
//!
//! Entry points: [`ratio`] from 1 (none) to 21 (black on white), and [`written`] to print
//! one the way people compare it with the criterion's 4.5:1.

use crate::doc::Rgb;

/// WCAG 2.1 AA for text smaller than "large text" (18 pt, or 14 pt bold).
pub const AA_TEXT: f64 = 4.5;

/// The contrast ratio of two colours, `(L1 + 0.05) / (L2 + 0.05)` with the lighter first.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    a.contrast(b)
}

/// `ratio` with two decimals, or more where two would round a ratio below `needed` up to
/// it: "4.48", but "4.499" rather than a refused "4.50".
pub fn written(ratio: f64, needed: f64) -> String {
    let rounds_up = |decimals: i32| {
        let scale = 10f64.powi(decimals);
        ratio < needed && (ratio * scale).round() / scale >= needed
    };
    let mut decimals = 2;
    while decimals < 6 && rounds_up(decimals) {
        decimals += 1;
    }
    format!("{ratio:.0$}", decimals as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    fn hex(text: &str) -> Rgb {
        Rgb::from_hex(text).expect("a colour")
    }

    #[test]
    fn known_ratios() {
        let cases = [
            ("#000000", "21.00"),
            ("#ffffff", "1.00"),
            ("#777777", "4.48"),
            ("#767676", "4.54"),
            ("#0000ff", "8.59"),
            ("#ff0000", "4.00"),
            ("#595959", "7.00"),
        ];
        for (colour, expected) in cases {
            let found = written(ratio(hex(colour), WHITE), AA_TEXT);
            assert_eq!(found, expected, "{colour} on white");
        }
    }

    #[test]
    fn the_order_of_the_colours_does_not_matter() {
        let (a, b) = (hex("#14532d"), hex("#d6f0dc"));
        assert_eq!(ratio(a, b), ratio(b, a));
    }

    #[test]
    fn a_ratio_just_below_the_limit_is_not_written_as_the_limit() {
        assert_eq!(written(4.4991, AA_TEXT), "4.499");
        assert_eq!(written(4.5, AA_TEXT), "4.50");
    }
}
