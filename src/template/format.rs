//! Dates, quarters and numbers written the way the report's language writes them.
//!
//! Entry points: [`format_date`] ("12 april 2023" / "12 April 2023"), [`format_quarter`]
//! ("första kvartalet" / "first quarter") and [`format_number`] ("1 234,5" / "1,234.5").
//! The words and separators come from the layout's label file of the language
//! (`month_1` … `month_12`, `date_format`, `quarter_1` … `quarter_4`, `decimal_separator`,
//! `thousands_separator`), so adding a language needs no code. The view model, the
//! helpers and the backends' footer all use these, so a date looks the same everywhere.

use super::error::LayoutError;
use super::labels::{Labels, fill};
use chrono::{Datelike, NaiveDate};

/// Reports give percentages and counts; two decimals are all a reader needs.
const MAX_DECIMALS: usize = 2;

/// The date by the label `date_format`, e.g. "{day} {month} {year}" → "12 april 2023".
pub fn format_date(date: NaiveDate, labels: &Labels) -> Result<String, LayoutError> {
    let month = labels.get(&format!("month_{}", date.month()))?;
    let values = [
        ("day", date.day().to_string()),
        ("month", month.to_owned()),
        ("year", date.year().to_string()),
    ];
    Ok(fill(labels.get("date_format")?, &values))
}

/// The quarter's name: the label `quarter_1` … `quarter_4`.
pub fn format_quarter(quarter: u8, labels: &Labels) -> Result<String, LayoutError> {
    Ok(labels.get(&format!("quarter_{quarter}"))?.to_owned())
}

/// A number with grouped thousands and at most two decimals, trailing zeros dropped:
/// 1234567 → "1 234 567" (sv) / "1,234,567" (en); 71.5 → "71,5" / "71.5".
pub fn format_number(value: f64, labels: &Labels) -> Result<String, LayoutError> {
    let group = labels.get("thousands_separator")?;
    let decimal = labels.get("decimal_separator")?;
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
        out.push_str(decimal);
        out.push_str(fraction);
    }
    Ok(out)
}

/// A change as an arrow and a signed number: "↑ +1,5", "↓ −2", "→ 0". Arrow and sign
/// carry the direction as text, so it never rests on colour.
pub fn format_change(delta: f64, labels: &Labels) -> Result<String, LayoutError> {
    let number = format_number(delta.abs(), labels)?;
    Ok(if number.chars().all(|c| c == '0') {
        format!("→ {number}")
    } else if delta > 0.0 {
        format!("↑ +{number}")
    } else {
        format!("↓ −{number}")
    })
}

/// Inserts `group` between every three digits counted from the right.
fn group_digits(digits: &str, group: &str) -> String {
    let count = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + count / 3 * group.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (count - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Language;
    use crate::template::Layout;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn labels(language: Language) -> Labels {
        let layout = Layout::builtin("standard").expect("standard layout");
        layout
            .labels()
            .language(language)
            .expect("built-in language")
            .clone()
    }

    fn number(value: f64, language: Language) -> String {
        format_number(value, &labels(language)).expect("separators present")
    }

    #[test]
    fn dates_and_quarters_in_both_languages() {
        let (sv, en) = (labels(Language::Sv), labels(Language::En));
        let text = |d, l| format_date(d, l).expect("months present");
        assert_eq!(text(date(2023, 4, 12), &sv), "12 april 2023");
        assert_eq!(text(date(2023, 4, 12), &en), "12 April 2023");
        assert_eq!(text(date(2023, 12, 1), &sv), "1 december 2023");
        assert_eq!(
            format_quarter(1, &sv).ok().as_deref(),
            Some("första kvartalet")
        );
        assert_eq!(
            format_quarter(4, &en).ok().as_deref(),
            Some("fourth quarter")
        );
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(number(1234567.0, Language::Sv), "1\u{a0}234\u{a0}567");
        assert_eq!(number(1234567.0, Language::En), "1,234,567");
        assert_eq!(number(71.5, Language::Sv), "71,5");
        assert_eq!(number(71.5, Language::En), "71.5");
        assert_eq!(number(1234.5, Language::Sv), "1\u{a0}234,5");
    }

    #[test]
    fn numbers_round_to_two_decimals_and_drop_zeros() {
        assert_eq!(number(75.0, Language::Sv), "75");
        assert_eq!(number(0.125_1, Language::En), "0.13");
        assert_eq!(number(2.10, Language::En), "2.1");
        assert_eq!(number(999.999, Language::En), "1,000");
        assert_eq!(number(-1234.5, Language::En), "-1,234.5");
        assert_eq!(number(-0.001, Language::En), "0");
        assert_eq!(number(0.0, Language::Sv), "0");
    }
}
