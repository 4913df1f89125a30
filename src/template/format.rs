//! Dates and numbers written the way the report's language writes them.
//!
//! Entry points: [`format_date`] ("12 april 2023" / "12 April 2023") and [`format_number`]
//! ("1 234,5" / "1,234.5"). Both the view model and the template helpers use these, so a date
//! or number looks the same wherever it is printed.

use crate::report::Language;
use chrono::{Datelike, NaiveDate};

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Swedish groups thousands with a space; a no-break space keeps "1 234" on one line.
const GROUP_SV: char = '\u{a0}';
/// Reports give percentages and counts; two decimals are all a reader needs.
const MAX_DECIMALS: usize = 2;

/// The day, the month's name and the year: "12 april 2023" (Swedish months are lower-case).
pub fn format_date(date: NaiveDate, language: Language) -> String {
    let months = match language {
        Language::Sv => &MONTHS_SV,
        Language::En => &MONTHS_EN,
    };
    // `month0` is 0–11 by chrono's contract, so the index is always in range.
    let month = months[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

/// A number with grouped thousands and at most two decimals, trailing zeros dropped:
/// 1234567 → "1 234 567" (sv) / "1,234,567" (en); 71.5 → "71,5" / "71.5".
pub fn format_number(value: f64, language: Language) -> String {
    let (group, decimal) = match language {
        Language::Sv => (GROUP_SV, ','),
        Language::En => (',', '.'),
    };
    let fixed = format!("{:.*}", MAX_DECIMALS, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let fraction = fraction.trim_end_matches('0');
    // Rounding can turn -0.001 into "0"; a minus sign before zero would be noise.
    let negative = value < 0.0 && (whole.chars().any(|c| c != '0') || !fraction.is_empty());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(whole, group));
    if !fraction.is_empty() {
        out.push(decimal);
        out.push_str(fraction);
    }
    out
}

/// Inserts `group` between every three digits counted from the right.
fn group_digits(digits: &str, group: char) -> String {
    let count = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + count / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (count - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn dates_in_both_languages() {
        assert_eq!(
            format_date(date(2023, 4, 12), Language::Sv),
            "12 april 2023"
        );
        assert_eq!(
            format_date(date(2023, 4, 12), Language::En),
            "12 April 2023"
        );
        assert_eq!(
            format_date(date(2023, 12, 1), Language::Sv),
            "1 december 2023"
        );
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(
            format_number(1234567.0, Language::Sv),
            "1\u{a0}234\u{a0}567"
        );
        assert_eq!(format_number(1234567.0, Language::En), "1,234,567");
        assert_eq!(format_number(71.5, Language::Sv), "71,5");
        assert_eq!(format_number(71.5, Language::En), "71.5");
        assert_eq!(format_number(1234.5, Language::Sv), "1\u{a0}234,5");
    }

    #[test]
    fn numbers_round_to_two_decimals_and_drop_zeros() {
        assert_eq!(format_number(75.0, Language::Sv), "75");
        assert_eq!(format_number(0.125_1, Language::En), "0.13");
        assert_eq!(format_number(2.10, Language::En), "2.1");
        assert_eq!(format_number(999.999, Language::En), "1,000");
        assert_eq!(format_number(-1234.5, Language::En), "-1,234.5");
        assert_eq!(format_number(-0.001, Language::En), "0");
        assert_eq!(format_number(0.0, Language::Sv), "0");
    }
}
