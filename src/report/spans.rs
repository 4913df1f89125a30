//! Where the parts of a report stand in its file, kept from the raw mirror before
//! validation consumes it: what the warnings point at and what `new` rewrites.
//!
//! Entry point: [`Spans::of`]. Focus areas and activities are listed in file order, the
//! same order as in the validated [`super::Report`], so index `i` here is item `i` there.

use super::raw::{RawActivity, RawFocusArea, RawMetric, RawReport};
use crate::diag::{Lines, Position};
use serde_saphyr::{Location, Spanned};
use std::ops::Range;

/// A text a reader of the report sees, and where its value starts.
pub type Text = Spanned<String>;

#[derive(Debug, Default)]
pub struct Spans {
    /// Every free text: title, summary, and the titles, goals and progress of items.
    pub texts: Vec<Text>,
    pub programme: Option<Location>,
    pub series: Option<Location>,
    pub year: Option<Location>,
    /// The period's number: its `quarter`, `tertial` or `half`.
    pub number: Option<Location>,
    pub date: Option<Location>,
    pub meeting_date: Option<Location>,
    pub case_number: Option<Location>,
    pub agenda_item: Option<Location>,
    pub summary: Option<Location>,
    pub focus_areas: Vec<Item>,
    pub activities: Vec<Item>,
    /// The value of every metric, in file order.
    pub metric_values: Vec<Location>,
    /// Every `history` key: the metric's id, the key as written, where it stands.
    pub history_keys: Vec<(String, String, Location)>,
}

/// Where one focus area or activity and its fields stand.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// The id when written, else the start of the item.
    pub at: Location,
    pub status: Option<Location>,
    pub due: Option<Location>,
    pub progress: Option<Location>,
}

impl Spans {
    pub fn of(raw: &Spanned<RawReport>) -> Spans {
        let report = &raw.value;
        let mut spans = Spans {
            programme: report.programme.as_ref().map(|p| p.referenced),
            series: report.series.as_ref().map(|s| s.referenced),
            year: year_and_number(report).0,
            number: year_and_number(report).1,
            date: report.date.as_ref().map(|d| d.referenced),
            meeting_date: report
                .meeting
                .as_ref()
                .and_then(|m| m.date.as_ref())
                .map(|d| d.referenced),
            case_number: meeting_value(report, |m| &m.case_number),
            agenda_item: meeting_value(report, |m| &m.agenda_item),
            summary: report.summary.as_ref().map(|s| s.referenced),
            ..Spans::default()
        };
        spans.texts.extend(report.title.clone());
        spans.texts.extend(report.summary.clone());
        // The meeting's own values, which `new` leaves as placeholders to be filled in.
        if let Some(meeting) = &report.meeting {
            spans.texts.extend(meeting.case_number.clone());
            spans.texts.extend(meeting.agenda_item.clone());
        }
        for area in items(&report.focus_areas) {
            spans.focus_area(area);
        }
        for activity in items(&report.activities) {
            spans.activity(activity);
        }
        spans
    }

    fn focus_area(&mut self, area: &Spanned<RawFocusArea>) {
        let raw = &area.value;
        self.texts.extend(
            [&raw.title, &raw.goal, &raw.progress]
                .into_iter()
                .flatten()
                .cloned(),
        );
        self.focus_areas.push(Item {
            at: raw.id.as_ref().map_or(area.referenced, |id| id.referenced),
            status: None,
            due: None,
            progress: raw.progress.as_ref().map(|p| p.referenced),
        });
        self.metrics(&raw.metrics);
    }

    fn activity(&mut self, activity: &Spanned<RawActivity>) {
        let raw = &activity.value;
        self.texts
            .extend([&raw.title, &raw.progress].into_iter().flatten().cloned());
        self.activities.push(Item {
            at: raw
                .id
                .as_ref()
                .map_or(activity.referenced, |id| id.referenced),
            status: raw.status.as_ref().map(|s| s.referenced),
            due: raw.due.as_ref().map(|d| d.referenced),
            progress: raw.progress.as_ref().map(|p| p.referenced),
        });
        self.metrics(&raw.metrics);
    }

    fn metrics(&mut self, metrics: &Option<super::raw::List<RawMetric>>) {
        for metric in items(metrics) {
            let raw = &metric.value;
            self.metric_values
                .extend(raw.value.as_ref().map(|v| v.referenced));
            let id = raw
                .id
                .as_ref()
                .map(|id| id.value.clone())
                .unwrap_or_default();
            for (key, _) in raw.history.iter().flat_map(|h| &h.0) {
                self.history_keys
                    .push((id.clone(), key.value.clone(), key.referenced));
            }
        }
    }
}

fn meeting_value(
    report: &RawReport,
    field: impl Fn(&super::raw::RawMeeting) -> &Option<Spanned<String>>,
) -> Option<Location> {
    let meeting = report.meeting.as_ref()?;
    field(meeting).as_ref().map(|value| value.referenced)
}

fn year_and_number(report: &RawReport) -> (Option<Location>, Option<Location>) {
    let period = report.period.as_ref().map(|p| &p.value);
    (
        period.and_then(|p| p.year.as_ref()).map(|y| y.referenced),
        period
            .and_then(|p| p.numbers().next())
            .map(|(_, n)| n.referenced),
    )
}

fn items<T>(list: &Option<super::raw::List<T>>) -> impl Iterator<Item = &Spanned<T>> {
    list.iter().flat_map(|list| &list.value)
}

/// The bytes of the file a value occupies, when the parser knew them.
pub fn bytes(at: &Location) -> Option<Range<usize>> {
    let span = at.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    Some(start..start + len)
}

/// Where texts of one value (written at `at`) stand in the file. Only the part of a text up
/// to its first line break is pointed at, since YAML may indent or fold the lines after it;
/// the n-th occurrence in the value is the n-th in the file. Texts are placed in the order
/// they stand, each searched for from the one placed before, in the value and in the file:
/// a long value may name another quarter, or hold links, by the thousand.
pub struct Locator<'a> {
    lines: &'a Lines<'a>,
    value: &'a str,
    at: &'a Location,
    /// The bytes of the file the value occupies, when the parser knew them.
    region: Option<Range<usize>>,
    /// Where the text placed last starts, in the value and in the file.
    last: (usize, usize),
}

impl<'a> Locator<'a> {
    /// A locator for the text `value`, written at `at` in the file of `lines`.
    pub fn new(lines: &'a Lines<'a>, value: &'a str, at: &'a Location) -> Self {
        let region = bytes(at);
        let file_start = region.as_ref().map_or(0, |r| r.start);
        Locator {
            lines,
            value,
            at,
            region,
            last: (0, file_start),
        }
    }

    /// Where bytes `range` of the value stand in the file: start and end. Falls back to the
    /// start of the value when the text is not found as written (escapes).
    pub fn locate(&mut self, range: Range<usize>) -> Option<(Position, Position)> {
        let whole = self.value.get(range.clone())?;
        let needle = whole.lines().next().unwrap_or(whole);
        match self.find(needle, range.start) {
            Some(start) => {
                let end = start + needle.len();
                Some((self.lines.position(start), self.lines.position(end)))
            }
            None => super::raw::position(self.at).map(|p| (p, p)),
        }
    }

    /// The file's byte where `needle`, at byte `start` of the value, stands: as many of its
    /// occurrences on from the text placed last in the file as there are in the value. A
    /// text before that one is searched for from the start.
    fn find(&mut self, needle: &str, start: usize) -> Option<usize> {
        let region = self.region.clone()?;
        if needle.is_empty() {
            return None;
        }
        let (mut in_value, mut in_file) = self.last;
        if start < in_value {
            (in_value, in_file) = (0, region.start);
        }
        let between = self.value.get(in_value..start)?.matches(needle).count();
        let file = self.lines.text().get(in_file..region.end)?;
        let (offset, _) = file.match_indices(needle).nth(between)?;
        self.last = (start, in_file + offset);
        Some(in_file + offset)
    }
}
