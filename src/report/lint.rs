//! Warnings: things a valid report says that are probably not what its writers meant —
//! text copied from another quarter, placeholders, an empty focus area, statuses that do
//! not fit the dates, history that contradicts earlier files.
//!
//! Entry point: [`lint`]. Every warning points at the exact words, also inside a Markdown
//! block, and is worded in the report's language (see `messages`).

mod messages;
mod siblings;
mod words;

use super::history::{Conflict, Earlier, Note};
use super::problems::labels;
use super::spans::{Item, Locator, Spans, Text};
use super::{ActivityStatus, Period, Report};
use crate::diag::{Diagnostic, Lines, Position};
use messages::Warning;
use serde_saphyr::Location;
use std::collections::{HashMap, HashSet};

/// What the warnings are drawn from.
pub struct Input<'a> {
    pub report: &'a Report,
    pub spans: &'a Spans,
    /// The file's text, for pointing inside Markdown blocks.
    pub source: &'a str,
    pub earlier: &'a Earlier,
    /// What the files beside the report change about its history.
    pub notes: &'a [Note],
    pub conflicts: &'a [Conflict],
}

/// Every warning about the report, in the order of the file.
pub fn lint(input: &Input) -> Vec<Diagnostic> {
    let mut found = Found {
        input,
        lines: Lines::new(input.source),
        previous: Previous::of(input),
        warnings: Vec::new(),
    };
    // Words in free text: another quarter named, placeholders left in.
    for text in &input.spans.texts {
        found.words(text);
    }
    // Focus areas and activities: nothing reported, statuses against dates, copied text.
    found.focus_areas();
    found.activities();
    // History values that an earlier quarter's file contradicts, and the files beside the
    // report that change its history.
    let mut history_keys = HashMap::new();
    for (metric, written, at) in &input.spans.history_keys {
        history_keys
            .entry((metric.as_str(), written.trim()))
            .or_insert(at);
    }
    for conflict in input.conflicts {
        let key = conflict.quarter.to_string();
        let at = history_keys.get(&(conflict.metric.as_str(), key.as_str()));
        found.conflict(conflict, at.copied());
    }
    found.siblings();
    // Values that belong to last quarter's meeting or year.
    found.meeting();
    found.programme_year();
    let mut warnings = found.warnings;
    warnings.sort_by_key(|w| w.position);
    warnings
}

struct Found<'a> {
    input: &'a Input<'a>,
    /// The file's lines, indexed once for every warning.
    lines: Lines<'a>,
    previous: Option<Previous<'a>>,
    warnings: Vec<Diagnostic>,
}

/// The previous quarter's file: its progress texts by id, looked up for every item.
struct Previous<'a> {
    quarter: Period,
    focus_areas: HashMap<&'a str, &'a str>,
    activities: HashMap<&'a str, &'a str>,
}

impl<'a> Previous<'a> {
    fn of(input: &Input<'a>) -> Option<Self> {
        let quarter = input.report.period.previous()?;
        let report = input.earlier.get(&quarter)?;
        let texts = |items: Vec<(&'a str, &'a Option<String>)>| {
            let written = items.into_iter();
            written
                .filter_map(|(id, text)| Some((id, text.as_deref()?)))
                .collect()
        };
        let areas = report.focus_areas.iter();
        let activities = report.activities.iter();
        Some(Previous {
            quarter,
            focus_areas: texts(areas.map(|a| (a.id.as_str(), &a.progress)).collect()),
            activities: texts(activities.map(|a| (a.id.as_str(), &a.progress)).collect()),
        })
    }
}

impl Found<'_> {
    fn push(&mut self, warning: Warning, at: Option<(Position, Position)>) {
        let (message, hint) = warning.text(self.input.report.language);
        let path = &self.input.report.source;
        let mut diagnostic = Diagnostic::warning(path, at.map(|(start, _)| start), message)
            .with_code(warning.code())
            .with_hint(hint)
            .with_labels(labels(self.input.report.language));
        diagnostic.end = at
            .map(|(_, end)| end)
            .filter(|end| Some(*end) != diagnostic.position);
        self.warnings.push(diagnostic);
    }

    /// At the start of a value: where the whole value is what the warning is about.
    fn at(&self, location: &Location) -> Option<(Position, Position)> {
        let position = super::raw::position(location)?;
        let first_line = self.lines.line(position.line)?;
        let end = Position {
            line: position.line,
            column: first_line.chars().count() + 1,
        };
        Some((position, end))
    }

    fn words(&mut self, text: &Text) {
        let own = self.input.report.period;
        let value = &text.value;
        let mut locator = Locator::new(&self.lines, value, &text.referenced);
        let mut found = Vec::new();
        for mention in words::mentions(value, own.kind)
            .into_iter()
            .filter(|m| m.number != own.number)
        {
            let written = value[mention.range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            found.push((
                Warning::OtherQuarter {
                    written,
                    named: mention.number,
                    own,
                },
                locator.locate(mention.range),
            ));
        }
        for range in words::placeholders(value) {
            let written = value[range.clone()].to_owned();
            found.push((Warning::Placeholder { written }, locator.locate(range)));
        }
        for (warning, at) in found {
            self.push(warning, at);
        }
    }

    fn focus_areas(&mut self) {
        let report = self.input.report;
        let with_activity: HashSet<&str> = report
            .activities
            .iter()
            .flat_map(|a| a.focus_areas.iter().map(String::as_str))
            .collect();
        for (area, item) in report.focus_areas.iter().zip(&self.input.spans.focus_areas) {
            if !has_text(&area.progress) && !with_activity.contains(area.id.as_str()) {
                let at = self.at(&item.at);
                self.push(
                    Warning::NothingReported {
                        id: area.id.clone(),
                    },
                    at,
                );
            }
            let previous = self.previous.as_ref().and_then(|p| {
                let text = p.focus_areas.get(area.id.as_str())?;
                Some((p.quarter, *text))
            });
            self.copied(&area.id, &area.progress, previous, item);
        }
    }

    fn activities(&mut self) {
        let report = self.input.report;
        for (activity, item) in report.activities.iter().zip(&self.input.spans.activities) {
            let id = activity.id.clone();
            match (activity.status, activity.due) {
                (Some(ActivityStatus::Completed), Some(due)) if due > report.date => {
                    let at = self.at(item.due.as_ref().unwrap_or(&item.at));
                    self.push(
                        Warning::CompletedLater {
                            id: id.clone(),
                            due,
                            date: report.date,
                        },
                        at,
                    );
                }
                (Some(ActivityStatus::Delayed), _) if !has_text(&activity.progress) => {
                    let at = self.at(item.status.as_ref().unwrap_or(&item.at));
                    self.push(Warning::DelayedSilent { id: id.clone() }, at);
                }
                _ => {}
            }
            let previous = self.previous.as_ref().and_then(|p| {
                let text = p.activities.get(id.as_str())?;
                Some((p.quarter, *text))
            });
            self.copied(&id, &activity.progress, previous, item);
        }
    }

    fn copied(
        &mut self,
        id: &str,
        progress: &Option<String>,
        previous: Option<(Period, &str)>,
        item: &Item,
    ) {
        let (Some(text), Some((quarter, old))) = (progress, previous) else {
            return;
        };
        if has_text(progress) && normalised(text) == normalised(old) {
            let at = item.progress.as_ref().and_then(|l| self.at(l));
            self.push(
                Warning::Copied {
                    id: id.to_owned(),
                    previous: quarter,
                },
                at,
            );
        }
    }

    fn siblings(&mut self) {
        let spans = self.input.spans;
        let at = spans.series.or(spans.programme);
        for note in self.input.notes {
            let warning = Warning::Sibling {
                note: note.clone(),
                series: self.input.report.series.clone(),
                kind: self.input.report.period.kind,
            };
            let at = at.as_ref().and_then(|l| self.at(l));
            self.push(warning, at);
        }
    }

    fn meeting(&mut self) {
        let report = self.input.report;
        let meeting = report.meeting.as_ref().and_then(|m| m.date);
        if let Some(meeting) = meeting.filter(|&m| m < report.date) {
            let at = self
                .input
                .spans
                .meeting_date
                .as_ref()
                .and_then(|l| self.at(l));
            let date = report.date;
            let kind = self.input.report.period.kind;
            self.push(
                Warning::MeetingBeforeReport {
                    meeting,
                    date,
                    kind,
                },
                at,
            );
        }
    }

    fn programme_year(&mut self) {
        let report = self.input.report;
        let own = report.period.year;
        let years = words::years(&report.programme);
        // "2023–2025" covers 2024.
        let covered = |first: &u16| (*first..=*years.iter().max().unwrap_or(first)).contains(&own);
        if let Some(&written) = years.first().filter(|first| !covered(first)) {
            let at = self.input.spans.programme.as_ref().and_then(|l| self.at(l));
            self.push(Warning::ProgrammeYear { written, own }, at);
        }
    }

    /// `written`: where the conflicting `history` key stands.
    fn conflict(&mut self, conflict: &Conflict, written: Option<&Location>) {
        let at = written.and_then(|l| self.at(l));
        self.push(Warning::HistoryConflict(conflict.clone()), at);
    }
}

fn has_text(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|t| !t.trim().is_empty())
}

/// Texts compared as a reader sees them: line breaks and runs of spaces do not count.
fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
