//! A period in a layout's words: which label names what for each kind of period, and the
//! words filled in. The one place that decides it, for the report, its metrics and the
//! programme page alike.
//!
//! Entry point: [`PeriodWords`]. Quarters keep the label keys layouts had before the other
//! kinds existed (`period`, `quarter_short`, `change_previous` …); the other kinds add the
//! kind's name to the key (`tertial_short`, `change_previous_half` …).

use super::error::LayoutError;
use super::labels::{Labels, fill};
use crate::report::{Kind, Period};
use crate::text::capitalised;

/// What a label names about a period.
#[derive(Debug, Clone, Copy)]
enum Concept {
    /// The period in a heading: "Kvartal 4 2023", "Helåret 2023".
    Heading,
    /// The report's title when it gives none.
    Title,
    /// In a table or on a chart's axis: "K4 2023", "T2 2024".
    Short,
    /// In a sentence: "kvartal 4 2023", "första halvåret 2024".
    Long,
    /// A column of periods: "Kvartal", "Tertial".
    Column,
    /// The change since the period before.
    SincePrevious,
    /// The change since the same period a year before; a year has none but the previous.
    SinceYear,
    /// The programme page's list of reports.
    Reports,
    /// The sentence before the programme page's key figures.
    KeyFiguresIntro,
}

/// The label key of `concept` for `kind`, or `None` when the kind has no such thing.
fn key(concept: Concept, kind: Kind) -> Option<String> {
    let base = match concept {
        Concept::Heading => "period",
        Concept::Title => "report_title",
        Concept::Short => return Some(format!("{}_short", word(kind))),
        Concept::Long => return Some(format!("{}_long", word(kind))),
        Concept::Column => return Some(word(kind).to_owned()),
        Concept::SincePrevious => "change_previous",
        Concept::SinceYear if kind == Kind::Year => return None,
        Concept::SinceYear => "change_year",
        Concept::Reports => "programme_reports",
        Concept::KeyFiguresIntro => "programme_key_figures_intro",
    };
    Some(match kind {
        Kind::Quarter => base.to_owned(),
        other => format!("{base}_{}", word(other)),
    })
}

/// The word that stands for `kind` in label keys and in the templates' `period.kind`.
pub(super) fn word(kind: Kind) -> &'static str {
    match kind {
        Kind::Quarter => "quarter",
        Kind::Tertial => "tertial",
        Kind::Half => "half",
        Kind::Year => "year",
    }
}

/// The label key of the name of period `number` of `kind`: `quarter_4` ("fjärde
/// kvartalet"), `tertial_2`, `half_1`, `whole_year` ("helåret").
pub(super) fn name_key(kind: Kind, number: u8) -> String {
    match kind {
        Kind::Year => "whole_year".to_owned(),
        kind => format!("{}_{number}", word(kind)),
    }
}

/// Every key the labels must have for periods of the kinds other than quarters, which
/// layouts made before those kinds existed lack (see `labels::ADDED_LATER`).
pub fn added_keys() -> Vec<String> {
    let concepts = [
        Concept::Heading,
        Concept::Title,
        Concept::Short,
        Concept::Long,
        Concept::Column,
        Concept::SincePrevious,
        Concept::SinceYear,
        Concept::Reports,
        Concept::KeyFiguresIntro,
    ];
    let mut keys = Vec::new();
    for kind in [Kind::Tertial, Kind::Half, Kind::Year] {
        keys.extend(concepts.iter().filter_map(|&c| key(c, kind)));
        keys.extend((1..=kind.per_year()).map(|n| name_key(kind, n)));
    }
    keys
}

/// A language's words for the periods of one kind, looked up once.
pub struct PeriodWords {
    /// The name of each period of the kind, the first at index 0.
    names: Vec<String>,
    heading: String,
    title: String,
    short: String,
    long: String,
    headers: Headers,
}

impl PeriodWords {
    /// The words of `labels` for periods of `kind`; an error naming a missing label.
    pub fn new(labels: &Labels, kind: Kind) -> Result<PeriodWords, LayoutError> {
        let get = |concept| -> Result<Option<String>, LayoutError> {
            key(concept, kind)
                .map(|key| labels.get(&key).map(str::to_owned))
                .transpose()
        };
        let names = (1..=kind.per_year())
            .map(|n| labels.get(&name_key(kind, n)).map(str::to_owned))
            .collect::<Result<_, _>>()?;
        Ok(PeriodWords {
            names,
            heading: get(Concept::Heading)?.unwrap_or_default(),
            title: get(Concept::Title)?.unwrap_or_default(),
            short: get(Concept::Short)?.unwrap_or_default(),
            long: get(Concept::Long)?.unwrap_or_default(),
            headers: Headers {
                column: get(Concept::Column)?.unwrap_or_default(),
                since_previous: get(Concept::SincePrevious)?.unwrap_or_default(),
                since_year: get(Concept::SinceYear)?,
                reports: get(Concept::Reports)?.unwrap_or_default(),
                key_figures_intro: get(Concept::KeyFiguresIntro)?.unwrap_or_default(),
            },
        })
    }

    /// `label` filled with `period`'s values and `programme`.
    fn fill(&self, label: &str, period: Period, programme: &str) -> String {
        let values = [
            ("programme", programme.to_owned()),
            // `{quarter}` is the number in labels written for quarters.
            ("quarter", period.number.to_string()),
            ("number", period.number.to_string()),
            ("year", period.year.to_string()),
            ("name", self.name(period)),
            ("Name", capitalised(&self.name(period))),
        ];
        fill(label, &values)
    }

    /// "fjärde kvartalet", "andra tertialet", "första halvåret", "helåret".
    pub fn name(&self, period: Period) -> String {
        let index = usize::from(period.number.saturating_sub(1));
        self.names.get(index).cloned().unwrap_or_default()
    }

    /// "kvartal 4 2023", "tertial 2 2024", "första halvåret 2024", "helåret 2023".
    pub fn long(&self, period: Period) -> String {
        self.fill(&self.long, period, "")
    }

    /// "K4 2023", "T2 2024", "H1 2024", "2023".
    pub fn short(&self, period: Period) -> String {
        self.fill(&self.short, period, "")
    }

    /// "Kvartal 4 2023", "Helåret 2023": under the report's title.
    pub fn heading(&self, period: Period) -> String {
        self.fill(&self.heading, period, "")
    }

    /// The title of a report of `programme` for `period` that gives none; `{period}` in
    /// the label is the period's long name.
    pub fn title(&self, period: Period, programme: &str) -> String {
        let title = self.fill(&self.title, period, programme);
        fill(&title, &[("period", self.long(period))])
    }

    /// The words of tables and lists of periods of this kind, with `{period}` (the period
    /// the report ends with, short) filled in.
    pub fn headers(&self, period: Period) -> Headers {
        let mut headers = self.headers.clone();
        let intro = self.fill(&headers.key_figures_intro, period, "");
        headers.key_figures_intro = fill(&intro, &[("period", self.short(period))]);
        headers
    }
}

/// The words around a report's periods, for its kind of period.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Headers {
    /// "Kvartal", "Tertial", "Halvår", "År".
    pub column: String,
    /// "Sedan föregående kvartal".
    pub since_previous: String,
    /// "Sedan samma kvartal föregående år"; none for a year, whose previous is the same.
    pub since_year: Option<String>,
    /// The heading of the programme page's list of reports.
    pub reports: String,
    /// The sentence before the programme page's key figures.
    pub key_figures_intro: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_keep_their_keys_and_other_kinds_add_their_name() {
        assert_eq!(
            key(Concept::Heading, Kind::Quarter).as_deref(),
            Some("period")
        );
        assert_eq!(
            key(Concept::SincePrevious, Kind::Tertial).as_deref(),
            Some("change_previous_tertial")
        );
        assert_eq!(
            key(Concept::Short, Kind::Half).as_deref(),
            Some("half_short")
        );
        assert_eq!(key(Concept::SinceYear, Kind::Year), None);
        assert_eq!(name_key(Kind::Year, 1), "whole_year");
        assert!(added_keys().contains(&"report_title_year".to_owned()));
    }
}
