//! Checks of the report's lists of things: focus areas, activities and their metrics.
//!
//! Entry points: [`focus_areas`], [`activities`], and [`written_ids`] for the focus-area
//! ids activities may refer to.

use super::check::{Check, Ids, all, optional};
use super::values;
use crate::report::problems::{Among, Listed, Part, Problem};
use crate::report::raw::{List, OneOrMany, RawActivity, RawFocusArea, RawMetric, Scalar};
use crate::report::{Activity, ActivityStatus, Direction, FocusArea, FocusStatus, Metric, Period};
use serde_saphyr::{Location, Spanned};
use std::collections::BTreeMap;

/// The ids the file gives its focus areas, valid or not, so that a mistake in one focus area
/// does not also make every activity referring to it wrong.
pub fn written_ids(list: &List<RawFocusArea>) -> Vec<String> {
    let ids = list.value.iter().filter_map(|area| area.value.id.as_ref());
    ids.map(|id| id.value.clone()).collect()
}

pub fn focus_areas(
    check: &mut Check,
    list: List<RawFocusArea>,
    period: Option<Period>,
    metric_ids: &mut Ids,
) -> Option<Vec<FocusArea>> {
    check.non_empty(&list, Listed::FocusAreas);
    let mut ids = Ids::default();
    all(list.value.into_iter().map(|area| {
        let at = area.referenced;
        let area = area.value;
        let id = id(check, area.id, &at, &mut ids, Among::FocusAreas);
        let title = check.required(area.title, &at, "title", Part::FocusArea);
        let status = area.status.map(|status| {
            values::choice(
                check,
                &status,
                "status",
                FocusStatus::ALL,
                FocusStatus::code,
            )
        });
        let goal = values::markdown(check, area.goal);
        let progress = values::markdown(check, area.progress);
        let metrics = metrics(check, area.metrics, period, metric_ids);
        Some(FocusArea {
            id: id?,
            title: title?.value,
            goal,
            status: optional(status)?,
            progress,
            metrics: metrics?,
        })
    }))
}

pub fn activities(
    check: &mut Check,
    list: List<RawActivity>,
    focus_area_ids: &[String],
    period: Option<Period>,
    metric_ids: &mut Ids,
) -> Option<Vec<Activity>> {
    let mut ids = Ids::default();
    all(list.value.into_iter().map(|activity| {
        let at = activity.referenced;
        let activity = activity.value;
        let id = id(check, activity.id, &at, &mut ids, Among::Activities);
        let title = check.required(activity.title, &at, "title", Part::Activity);
        let status = activity.status.map(|status| {
            values::choice(
                check,
                &status,
                "status",
                ActivityStatus::ALL,
                ActivityStatus::code,
            )
        });
        let focus_areas = references(check, activity.focus_areas, focus_area_ids);
        let due = activity.due.map(|due| values::date(check, &due));
        let progress = values::markdown(check, activity.progress);
        let metrics = metrics(check, activity.metrics, period, metric_ids);
        Some(Activity {
            id: id?,
            title: title?.value,
            focus_areas: focus_areas?,
            status: optional(status)?,
            responsible: texts(activity.responsible)
                .into_iter()
                .map(|text| text.value)
                .collect(),
            due: optional(due)?,
            progress,
            metrics: metrics?,
        })
    }))
}

/// The most metrics one report may have: a real report has tens, the stress report of the
/// benchmark 3,000. Each may become a chart and a table, so the bound keeps a report's
/// build within seconds and a few hundred MB.
pub const MAX_METRICS: usize = 3_000;

fn metrics(
    check: &mut Check,
    list: Option<List<RawMetric>>,
    period: Option<Period>,
    metric_ids: &mut Ids,
) -> Option<Vec<Metric>> {
    let list = list.map(|list| list.value).unwrap_or_default();
    all(list.into_iter().map(|metric| {
        let at = metric.referenced;
        let metric = metric.value;
        if metric_ids.len() == MAX_METRICS {
            check.error(&at, Problem::TooManyMetrics { limit: MAX_METRICS });
        }
        let id = id(check, metric.id, &at, metric_ids, Among::Metrics);
        let name = check.required(metric.name, &at, "name", Part::Metric);
        let value = check.required(metric.value, &at, "value", Part::Metric);
        let value = value.and_then(|value| values::number(check, &value, "value"));
        let target = metric
            .target
            .map(|target| values::number(check, &target, "target"));
        let direction = metric.direction.map(|written| {
            values::choice(
                check,
                &written,
                "direction",
                Direction::ALL,
                Direction::code,
            )
        });
        let history = history(check, metric.history.map(|h| h.0), period);
        Some(Metric {
            id: id?,
            name: name?.value,
            value: value?,
            unit: metric.unit,
            target: optional(target)?,
            direction: optional(direction)?.unwrap_or(Direction::HigherIsBetter),
            history: history?,
        })
    }))
}

/// A required id that is a slug and not used before among `ids`.
fn id(
    check: &mut Check,
    id: Option<Spanned<String>>,
    map: &Location,
    ids: &mut Ids,
    among: Among,
) -> Option<String> {
    let part = match among {
        Among::FocusAreas => Part::FocusArea,
        Among::Activities => Part::Activity,
        Among::Metrics => Part::Metric,
    };
    let id = check.required(id, map, "id", part)?;
    let is_slug = values::slug(check, &id);
    check.unique(ids, &id, among);
    is_slug.then_some(id.value)
}

/// Focus-area ids an activity refers to, each checked to exist.
fn references(
    check: &mut Check,
    written: Option<Spanned<OneOrMany>>,
    known: &[String],
) -> Option<Vec<String>> {
    let known: Vec<&str> = known.iter().map(String::as_str).collect();
    all(texts(written).into_iter().map(|id| {
        if known.contains(&id.value.as_str()) {
            return Some(id.value);
        }
        let problem = Problem::NoSuchFocusArea {
            id: id.value,
            known: known.iter().map(|known| (*known).to_owned()).collect(),
        };
        check.error(&id.referenced, problem);
        None
    }))
}

/// The texts of a one-or-many field; a single text is positioned at the field's value.
pub fn texts(written: Option<Spanned<OneOrMany>>) -> Vec<Spanned<String>> {
    match written {
        None => Vec::new(),
        Some(Spanned {
            value: OneOrMany::Many(texts),
            ..
        }) => texts,
        Some(Spanned {
            value: OneOrMany::One(text),
            referenced,
            defined,
        }) => {
            vec![Spanned::new(text, referenced, defined)]
        }
    }
}

/// Values of earlier quarters, each key a quarter before the report's `period`.
fn history(
    check: &mut Check,
    entries: Option<Vec<(Spanned<String>, Spanned<Scalar>)>>,
    period: Option<Period>,
) -> Option<BTreeMap<Period, f64>> {
    let entries = all(entries.unwrap_or_default().into_iter().map(|(key, value)| {
        let value = values::number(check, &value, &key.value);
        let quarter = values::period_key(check, &key, period.map(|p| p.kind))?;
        let earlier = period.is_none_or(|period| quarter < period);
        let earlier = check.expect(earlier.then_some(quarter), &key.referenced, || {
            Problem::NotEarlier {
                key: key.value.clone(),
                period,
            }
        });
        Some((earlier?, value?))
    }))?;
    Some(entries.into_iter().collect())
}
