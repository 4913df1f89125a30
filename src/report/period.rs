//! The period a report covers: a quarter, a tertial (four months), a half year or the whole
//! year. One programme reports in one kind of period.
//!
//! Entry points: [`Period`] (a year and one period of a [`Kind`] in it, ordered in time),
//! [`Period::parse_key`] and its `Display`, the key the format writes (`2024-Q2`, `2024-T2`,
//! `2024-H1`, `2024`).

use std::cmp::Ordering;
use std::fmt;

/// How a programme divides its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Four periods of three months.
    Quarter,
    /// Three periods of four months (January–April, May–August, September–December).
    Tertial,
    /// Two periods of six months (a "delårsrapport" and the year-end).
    Half,
    /// The whole year.
    Year,
}

impl Kind {
    /// Every kind, the report format's order.
    pub const ALL: [Kind; 4] = [Kind::Quarter, Kind::Tertial, Kind::Half, Kind::Year];

    /// How many periods of this kind a year has.
    pub const fn per_year(self) -> u8 {
        match self {
            Kind::Quarter => 4,
            Kind::Tertial => 3,
            Kind::Half => 2,
            Kind::Year => 1,
        }
    }

    /// The months one period spans.
    pub const fn months(self) -> u8 {
        12 / self.per_year()
    }

    /// The field under `period` that numbers a period of this kind; `None` for the year,
    /// which `year` alone gives.
    pub const fn field(self) -> Option<&'static str> {
        match self {
            Kind::Quarter => Some("quarter"),
            Kind::Tertial => Some("tertial"),
            Kind::Half => Some("half"),
            Kind::Year => None,
        }
    }

    /// The letter of a history key (`Q` in `2024-Q2`); `None` for the year (`2024`).
    pub const fn letter(self) -> Option<char> {
        match self {
            Kind::Quarter => Some('Q'),
            Kind::Tertial => Some('T'),
            Kind::Half => Some('H'),
            Kind::Year => None,
        }
    }

    /// The kind's name in messages, in English: "quarter", "tertial", "half year", "year".
    pub const fn english(self) -> &'static str {
        match self {
            Kind::Quarter => "quarter",
            Kind::Tertial => "tertial",
            Kind::Half => "half year",
            Kind::Year => "year",
        }
    }

    /// The kind's name in messages, in Swedish.
    pub const fn swedish(self) -> &'static str {
        match self {
            Kind::Quarter => "kvartal",
            Kind::Tertial => "tertial",
            Kind::Half => "halvår",
            Kind::Year => "år",
        }
    }

    /// The Swedish name in its definite form: "kvartalet", "tertialet", "halvåret", "året".
    pub const fn swedish_definite(self) -> &'static str {
        match self {
            Kind::Quarter => "kvartalet",
            Kind::Tertial => "tertialet",
            Kind::Half => "halvåret",
            Kind::Year => "året",
        }
    }
}

/// A year and one period of a kind in it, ordered in time: by the month it ends, then by
/// the month it starts, so that periods of different kinds sort too (Q2, H1, T2, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// The calendar year, e.g. 2023.
    pub year: u16,
    /// How the year is divided.
    pub kind: Kind,
    /// The period's number in its year, from 1 to the kind's `per_year` (1 for the year).
    pub number: u8,
}

impl Period {
    /// Quarter `quarter` (1–4) of `year`.
    pub const fn quarter(year: u16, quarter: u8) -> Period {
        Period {
            year,
            kind: Kind::Quarter,
            number: quarter,
        }
    }

    /// Period `number` of `kind` in `year`, when the kind has one of that number.
    pub fn new(year: u16, kind: Kind, number: u8) -> Option<Period> {
        (1..=kind.per_year())
            .contains(&number)
            .then_some(Period { year, kind, number })
    }

    /// The month (1–12) the period starts in.
    pub fn first_month(self) -> u32 {
        u32::from(self.number - 1) * u32::from(self.kind.months()) + 1
    }

    /// The month (1–12) the period ends in.
    pub fn last_month(self) -> u32 {
        u32::from(self.number) * u32::from(self.kind.months())
    }

    /// The period before this one, of the same kind; `None` before year 0.
    pub fn previous(self) -> Option<Period> {
        Some(match self.number {
            1 => Period {
                year: self.year.checked_sub(1)?,
                number: self.kind.per_year(),
                ..self
            },
            n => Period {
                number: n - 1,
                ..self
            },
        })
    }

    /// The period after this one, of the same kind; `None` after year 65535.
    pub fn next(self) -> Option<Period> {
        Some(match self.number == self.kind.per_year() {
            true => Period {
                year: self.year.checked_add(1)?,
                number: 1,
                ..self
            },
            false => Period {
                number: self.number + 1,
                ..self
            },
        })
    }

    /// The same period a year before.
    pub fn year_before(self) -> Option<Period> {
        Some(Period {
            year: self.year.checked_sub(1)?,
            ..self
        })
    }

    /// The period a history key names: `2024-Q2`, `2024-T2`, `2024-H1` or `2024`, the
    /// letter in either case; `None` for anything else.
    pub fn parse_key(text: &str) -> Option<Period> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (year, rest) = text.split_at_checked(4)?;
        if !digits(year) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        if rest.is_empty() {
            return Some(Period {
                year,
                kind: Kind::Year,
                number: 1,
            });
        }
        let rest = rest.strip_prefix('-')?;
        let mut chars = rest.chars();
        let letter = chars.next()?.to_ascii_uppercase();
        let number = chars.as_str();
        let kind = Kind::ALL.into_iter().find(|k| k.letter() == Some(letter))?;
        if number.len() != 1 || !digits(number) {
            return None;
        }
        Period::new(year, kind, number.parse().ok()?)
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Period) -> Ordering {
        let key = |p: &Period| (p.year, p.last_month(), p.first_month());
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Period) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The key the format writes: `2023-Q4`, `2024-T2`, `2024-H1`, `2024`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.kind.letter() {
            Some(letter) => write!(f, "{}-{letter}{}", self.year, self.number),
            None => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_and_written_alike() {
        for key in ["2023-Q4", "2024-T2", "2024-H1", "2024"] {
            let period = Period::parse_key(key).expect(key);
            assert_eq!(period.to_string(), key);
        }
        assert_eq!(Period::parse_key("2024-q3"), Some(Period::quarter(2024, 3)));
        for bad in [
            "2024-Q5", "2024-T4", "2024-H3", "2024-Q", "24-Q1", "2024Q1", "2024-X1",
        ] {
            assert_eq!(Period::parse_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn each_kind_steps_into_the_next_year() {
        let step = |key: &str| Period::parse_key(key).and_then(Period::next);
        assert_eq!(step("2023-Q4"), Period::parse_key("2024-Q1"));
        assert_eq!(step("2023-T3"), Period::parse_key("2024-T1"));
        assert_eq!(step("2023-T1"), Period::parse_key("2023-T2"));
        assert_eq!(step("2023-H2"), Period::parse_key("2024-H1"));
        assert_eq!(step("2023"), Period::parse_key("2024"));
        let back = Period::parse_key("2024-T1").and_then(Period::previous);
        assert_eq!(back, Period::parse_key("2023-T3"));
    }

    #[test]
    fn months_and_order_follow_the_calendar() {
        let months = |key: &str| {
            let p = Period::parse_key(key).expect(key);
            (p.first_month(), p.last_month())
        };
        assert_eq!(months("2024-T2"), (5, 8));
        assert_eq!(months("2024-H2"), (7, 12));
        assert_eq!(months("2024"), (1, 12));
        let mut periods: Vec<Period> = ["2024", "2024-Q3", "2024-H1", "2024-T1", "2023-Q4"]
            .iter()
            .filter_map(|k| Period::parse_key(k))
            .collect();
        periods.sort();
        let keys: Vec<String> = periods.iter().map(Period::to_string).collect();
        assert_eq!(keys, ["2023-Q4", "2024-T1", "2024-H1", "2024-Q3", "2024"]);
    }
}
