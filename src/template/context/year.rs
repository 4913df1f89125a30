//! A programme's year as `year.hbs` sees it: everything a report's template sees (taken
//! from the year file, else the year's last report) under the year's title and period,
//! and `year`: the year's periods, the status of every focus area and activity in each,
//! the story of each through the year, and each key figure over the year.
//!
//! Entry point: [`build`]. Focus areas and activities are matched across the periods by
//! `id`, in the order of the last report that has them; one that no longer appears in the
//! last report keeps its place after the others.

use super::super::error::LayoutError;
use super::super::labels::{LabelSets, Labels, fill};
use super::super::period::PeriodWords;
use super::metric::{self, Words, YearMetricView};
use super::{ReportView, markdown, period_view};
use crate::report::year::Year;
use crate::report::{Activity, FocusArea, Kind, Period, Report, history};
use serde::Serialize;

/// The label keys the year's view adds to a layout's words: a language a layout folder adds
/// itself gets the English words until its file gives its own.
pub const LABEL_KEYS: &[&str] = &[
    "year_timeline",
    "year_during",
    "year_added",
    "year_completed",
    "year_achieved",
    "year_dropped",
    "year_work",
    "year_earlier",
    "year_key_figures",
    "year_change",
];

/// The root of the data `year.hbs` renders.
#[derive(Debug, Serialize)]
pub struct YearView<'a> {
    /// What a report's template sees, of the year file or the last report, with the year's
    /// title and period.
    #[serde(flatten)]
    pub report: ReportView<'a>,
    pub year: YearData<'a>,
}

/// What only the year's view has.
#[derive(Debug, Serialize)]
pub struct YearData<'a> {
    /// Every period of the year's kind, reported or not: the columns of its tables.
    pub periods: Vec<YearPeriodView>,
    pub focus_areas: Vec<ItemView<'a>>,
    /// Activities that name no focus area.
    pub other_activities: Vec<ItemView<'a>>,
    /// Every metric of the last report, over the year.
    pub key_figures: Vec<YearMetricView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct YearPeriodView {
    /// `2023-Q2`.
    pub key: String,
    /// "K2 2023": a column's heading.
    pub short: String,
    /// Whether the folder has the period's report.
    pub reported: bool,
}

/// A focus area or an activity through the year.
#[derive(Debug, Serialize)]
pub struct ItemView<'a> {
    pub id: &'a str,
    /// As the last report that has it writes it.
    pub title: &'a str,
    pub goal: Option<&'a str>,
    /// Its status code in each period of the year; none where it is absent or unassessed.
    pub statuses: Vec<StatusCell>,
    /// Its status in the last report that has it.
    pub status: Option<&'static str>,
    /// Where it was added, completed (achieved) or dropped during the year, in words.
    pub during: Option<String>,
    /// Markdown: the progress of the last report that has some.
    pub progress: Option<&'a str>,
    /// The earlier periods' progress, compact: each one's first sentence.
    pub earlier: Vec<EarlierView>,
    /// The activities of a focus area.
    pub activities: Vec<ItemView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct StatusCell {
    /// `2023-Q2`.
    pub period: String,
    pub status: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct EarlierView {
    /// "K1 2023".
    pub period: String,
    /// The period's progress text, its first sentence as plain text.
    pub text: String,
}

/// The view of `year` with words from `labels` in its language. `report` is the view of
/// the year's base report (see `Year::base`), made by the caller.
pub fn build<'a>(
    year: &'a Year,
    mut report: ReportView<'a>,
    labels: &LabelSets,
) -> Result<YearView<'a>, LayoutError> {
    let base = year.base();
    let language = labels.language(base.language)?;
    let whole = year.period();
    report.title = title(year, labels)?;
    report.period = period_view(whole, language)?;
    let words = Words::new(year.last.period, language)?;
    let parts = PeriodWords::new(language, year.kind())?;
    let all = year.all_periods();
    let reports: Vec<&Report> = year.periods().collect();
    let items = Items {
        all: &all,
        reports: &reports,
        words: &parts,
        labels: language,
    };
    Ok(YearView {
        report,
        year: YearData {
            periods: all
                .iter()
                .map(|p| YearPeriodView {
                    key: p.to_string(),
                    short: parts.short(*p),
                    reported: reports.iter().any(|r| r.period == *p),
                })
                .collect(),
            focus_areas: items.focus_areas()?,
            other_activities: items.activities(None)?,
            key_figures: history::metrics(&year.last)
                .map(|m| metric::over_year(m, &words, &all))
                .collect(),
        },
    })
}

/// The year file's own title, or the layout's title for a year filled with the programme.
pub fn title(year: &Year, labels: &LabelSets) -> Result<String, LayoutError> {
    let base = year.base();
    if let Some(title) = year.file.as_ref().and_then(|file| file.title.clone()) {
        return Ok(title);
    }
    let words = PeriodWords::new(labels.language(base.language)?, Kind::Year)?;
    Ok(words.title(year.period(), &base.programme))
}

/// What the rows of the year's focus areas and activities are made from.
struct Items<'v, 'a> {
    /// Every period of the year.
    all: &'v [Period],
    /// The year's reports, in time order.
    reports: &'v [&'a Report],
    words: &'v PeriodWords,
    labels: &'v Labels,
}

/// One focus area or activity as one report has it.
#[derive(Clone, Copy)]
enum Item<'a> {
    Area(&'a FocusArea),
    Activity(&'a Activity),
}

impl<'a> Item<'a> {
    fn id(self) -> &'a str {
        match self {
            Item::Area(a) => &a.id,
            Item::Activity(a) => &a.id,
        }
    }

    fn title(self) -> &'a str {
        match self {
            Item::Area(a) => &a.title,
            Item::Activity(a) => &a.title,
        }
    }

    fn status(self) -> Option<&'static str> {
        match self {
            Item::Area(a) => a.status.map(|s| s.code()),
            Item::Activity(a) => a.status.map(|s| s.code()),
        }
    }

    /// Whether its status says it is done: a focus area achieved, an activity completed.
    fn done(self) -> bool {
        matches!(self.status(), Some("achieved" | "completed"))
    }

    fn progress(self) -> Option<&'a str> {
        let progress = match self {
            Item::Area(a) => &a.progress,
            Item::Activity(a) => &a.progress,
        };
        markdown(progress).filter(|p| !p.trim().is_empty())
    }
}

impl<'v, 'a> Items<'v, 'a> {
    /// The year's focus areas, each with its activities.
    fn focus_areas(&self) -> Result<Vec<ItemView<'a>>, LayoutError> {
        let ids = self.ids(|r| r.focus_areas.iter().map(|a| a.id.as_str()).collect());
        ids.into_iter()
            .map(|id| {
                let found =
                    self.found(|r| r.focus_areas.iter().find(|a| a.id == id).map(Item::Area));
                let mut view = self.view(&found)?;
                view.activities = self.activities(Some(id))?;
                Ok(view)
            })
            .collect()
    }

    /// The year's activities of the focus area `area`, or those of none.
    fn activities(&self, area: Option<&str>) -> Result<Vec<ItemView<'a>>, LayoutError> {
        let belongs = |a: &Activity| match area {
            Some(id) => a.focus_areas.iter().any(|f| f == id),
            None => a.focus_areas.is_empty(),
        };
        let ids = self.ids(|r| {
            let listed = r.activities.iter().filter(|a| belongs(a));
            listed.map(|a| a.id.as_str()).collect()
        });
        ids.into_iter()
            .map(|id| {
                let found = self.found(|r| {
                    let activity = r.activities.iter().find(|a| a.id == id && belongs(a));
                    activity.map(Item::Activity)
                });
                self.view(&found)
            })
            .collect()
    }

    /// The ids `listed` gives in each report: the last report's order, then those only
    /// earlier reports have, latest first.
    fn ids(&self, listed: impl Fn(&'a Report) -> Vec<&'a str>) -> Vec<&'a str> {
        let mut ids: Vec<&'a str> = Vec::new();
        for report in self.reports.iter().rev() {
            for id in listed(report) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids
    }

    /// The item in each report, by the report's period; absent where it does not appear.
    fn found(&self, find: impl Fn(&'a Report) -> Option<Item<'a>>) -> Vec<(Period, Item<'a>)> {
        self.reports
            .iter()
            .filter_map(|r| Some((r.period, find(r)?)))
            .collect()
    }

    /// The row of an item found in `found` (at least one report).
    fn view(&self, found: &[(Period, Item<'a>)]) -> Result<ItemView<'a>, LayoutError> {
        let latest = found.last().map(|(_, item)| *item);
        let goal = match latest {
            Some(Item::Area(area)) => markdown(&area.goal),
            _ => None,
        };
        let with_progress: Vec<(Period, &'a str)> = found
            .iter()
            .filter_map(|(period, item)| Some((*period, item.progress()?)))
            .collect();
        let (progress, earlier) = match with_progress.split_last() {
            Some(((_, last), earlier)) => (Some(*last), earlier),
            None => (None, &[][..]),
        };
        Ok(ItemView {
            id: latest.map(Item::id).unwrap_or_default(),
            title: latest.map(Item::title).unwrap_or_default(),
            goal,
            statuses: self
                .all
                .iter()
                .map(|period| StatusCell {
                    period: period.to_string(),
                    status: found
                        .iter()
                        .find(|(p, _)| p == period)
                        .and_then(|(_, item)| item.status()),
                })
                .collect(),
            status: latest.and_then(Item::status),
            during: self.during(found)?,
            progress,
            earlier: earlier
                .iter()
                .filter(|(_, text)| Some(*text) != progress)
                .map(|(period, text)| EarlierView {
                    period: self.words.short(*period),
                    text: first_sentence(text),
                })
                .collect(),
            activities: Vec::new(),
        })
    }

    /// What happened to the item during the year, in words: added after the year's first
    /// report, done in a period, or gone from the last report.
    fn during(&self, found: &[(Period, Item<'a>)]) -> Result<Option<String>, LayoutError> {
        let mut said = Vec::new();
        let say = |key: &str, period: Period| -> Result<String, LayoutError> {
            let label = self.labels.get(key)?;
            Ok(fill(label, &[("period", self.words.short(period))]))
        };
        let (Some((first, _)), Some((last, latest))) = (found.first(), found.last()) else {
            return Ok(None);
        };
        if self.reports.first().is_some_and(|r| r.period < *first) {
            said.push(say("year_added", *first)?);
        }
        let done = found.iter().enumerate().find(|(_, (_, item))| item.done());
        if let Some((at, &(period, item))) = done {
            let key = match item {
                Item::Area(_) => "year_achieved",
                Item::Activity(_) => "year_completed",
            };
            if at > 0 || self.reports.first().is_some_and(|r| r.period < period) {
                said.push(say(key, period)?);
            }
        }
        if self.reports.last().is_some_and(|r| r.period > *last) && !latest.done() {
            said.push(say("year_dropped", *last)?);
        }
        Ok((!said.is_empty()).then(|| said.join("; ")))
    }
}

/// The first sentence of a Markdown text as plain text: up to the first full stop,
/// question or exclamation mark followed by a space, or its first paragraph.
fn first_sentence(markdown: &str) -> String {
    let paragraph = markdown.split("\n\n").next().unwrap_or_default();
    let plain: String = paragraph
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`'))
        .collect();
    let end = plain
        .char_indices()
        .find(|(at, c)| matches!(c, '.' | '!' | '?') && plain[at + 1..].starts_with(' '))
        .map_or(plain.len(), |(at, _)| at + 1);
    plain[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn the_first_sentence_is_plain_and_ends_at_its_stop() {
        assert_eq!(
            first_sentence("Två **vandringar** hölls. Nästa i maj.\n\nMer."),
            "Två vandringar hölls."
        );
        assert_eq!(
            first_sentence("Ingen punkt\ni slutet"),
            "Ingen punkt i slutet"
        );
        assert_eq!(first_sentence("Klart 1.5 mil. Sedan"), "Klart 1.5 mil.");
    }
}
