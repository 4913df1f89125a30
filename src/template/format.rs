//! Dates, quarters and numbers written the way the report's language writes them.
//!
//! Entry points: [`format_date`] ("12 april 2023" / "12 April 2023"), [`format_quarter`]
//! ("första kvartalet" / "first quarter"), [`number_format`] (the separators) and
//! [`format_number`] ("1 234,5" / "1,234.5").
//! The words and separators come from the layout's label file of the language
//! (`month_1` … `month_12`, `date_format`, `quarter_1` … `quarter_4`, `decimal_separator`,
//! `thousands_separator`), so adding a language needs no code. The view model, the
//! helpers and the backends' footer all use these, so a date looks the same everywhere.

use super::error::LayoutError;
use super::labels::{Labels, fill};
use crate::number::NumberFormat;
use crate::report::Kind;
use chrono::{Datelike, NaiveDate};

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

/// The quarter's name: the label `quarter_1` … `quarter_4` (see `period::name_key`).
pub fn format_quarter(quarter: u8, labels: &Labels) -> Result<String, LayoutError> {
    let key = super::period::name_key(Kind::Quarter, quarter);
    Ok(labels.get(&key)?.to_owned())
}

/// The report language's separators, from the labels `decimal_separator` and
/// `thousands_separator`.
pub fn number_format(labels: &Labels) -> Result<NumberFormat, LayoutError> {
    Ok(NumberFormat {
        decimal: labels.get("decimal_separator")?.to_owned(),
        thousands: labels.get("thousands_separator")?.to_owned(),
    })
}

/// A number written as [`NumberFormat::number`] does, in the labels' language.
pub fn format_number(value: f64, labels: &Labels) -> Result<String, LayoutError> {
    Ok(number_format(labels)?.number(value))
}

/// A change written as [`NumberFormat::change`] does, in the labels' language.
pub fn format_change(delta: f64, labels: &Labels) -> Result<String, LayoutError> {
    Ok(number_format(labels)?.change(delta))
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
