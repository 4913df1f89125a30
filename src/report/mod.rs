//! The validated report: what one quarter's YAML file says, checked and resolved.
//!
//! Entry points: [`load`] reads a file and returns a [`Report`] or every problem found;
//! [`check`] also returns the warnings; [`history`] gives metric values over quarters and
//! [`trend`] their recent changes; [`next_quarter`] drafts the following quarter's file.
//! Behind `check`, in `stage`: the module `load` reads and validates one file, `history`
//! merges the earlier quarters read beside it, `lint` finds the warnings. Required data is
//! never an `Option` here; the raw serde mirror lives in `raw`.

pub mod history;
mod language;
mod lint;
mod load;
mod next;
mod period;
mod problems;
mod raw;
pub mod schema;
mod series;
mod spans;
mod stage;
mod status;
pub mod trend;
mod validate;
pub mod year;

pub use language::{Language, LanguageCode};
pub use load::MAX_FILE_BYTES;
pub use next::{Draft, next_quarter};
pub use period::{Kind, Period};
pub use problems::labels;
pub use stage::{Checked, Shelf, check, check_with, load};
pub use status::{ActivityStatus, Direction, FocusStatus, Status, TargetStatus};

pub use crate::image::ImageFormat;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Whether `path` names a report file: `*.yaml` or `*.yml`.
pub fn is_report_file(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// One quarter's report of one programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The file the report was read from.
    pub source: PathBuf,
    /// The programme followed up, e.g. "Medborgarlöfte 2023".
    pub programme: String,
    /// The key that ties one programme's quarters together: the file's `series`, or the
    /// programme's name as a slug (see `series`).
    pub series: String,
    /// The report's title; `None` when the layout builds one from programme and period.
    pub title: Option<String>,
    /// The quarter the report covers.
    pub period: Period,
    /// The language of labels, dates, numbers, hyphenation and messages.
    pub language: Language,
    /// The issue date; the last day of the quarter when the file gives none.
    pub date: NaiveDate,
    /// The organisations behind the programme, at least one.
    pub organisations: Vec<Organisation>,
    /// The meeting the report is presented to.
    pub meeting: Option<Meeting>,
    /// The people who prepared the report.
    pub prepared_by: Vec<Person>,
    /// Markdown.
    pub summary: Option<String>,
    /// The programme's focus areas, at least one.
    pub focus_areas: Vec<FocusArea>,
    /// The activities carried out under the focus areas.
    pub activities: Vec<Activity>,
    /// Who signs the report, printed as a signature block.
    pub signatures: Vec<Signature>,
    /// The administration or unit that issues the report, e.g. "Kommunledningsförvaltningen".
    pub department: Option<String>,
    /// Markdown: the decision proposed to the receiving board ("Förslag till beslut").
    pub decision: Option<String>,
    /// Markdown: the matter described for the board ("Ärendet").
    pub background: Option<String>,
    /// The documents the decision rests on ("Beslutsunderlag"), one text each.
    pub decision_basis: Vec<String>,
}

/// An organisation behind the programme.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    /// The organisation's name.
    pub name: String,
    /// Its logo, when the file names one.
    pub logo: Option<Logo>,
}

/// A logo file, checked to exist inside the report's folder and read.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// The path as written in the file, relative to it.
    pub written: String,
    /// The picture's format, as its bytes show it.
    pub format: ImageFormat,
    /// The file's bytes.
    pub data: Vec<u8>,
}

/// The meeting the report is presented to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meeting {
    /// The board or committee.
    pub body: Option<String>,
    /// The date of the meeting.
    pub date: Option<NaiveDate>,
    /// The case number (diarienummer).
    pub case_number: Option<String>,
    /// A number or a text, kept as written.
    pub agenda_item: Option<String>,
}

/// A person who prepared the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The person's name.
    pub name: String,
    /// The person's role or title.
    pub role: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone number.
    pub phone: Option<String>,
}

/// One of the programme's focus areas.
#[derive(Debug, Clone, PartialEq)]
pub struct FocusArea {
    /// Unique among the focus areas; activities refer to it.
    pub id: String,
    /// The focus area's title.
    pub title: String,
    /// Markdown.
    pub goal: Option<String>,
    /// How it stands this quarter; `None` when not assessed.
    pub status: Option<FocusStatus>,
    /// Markdown.
    pub progress: Option<String>,
    /// The focus area's metrics.
    pub metrics: Vec<Metric>,
}

/// An activity carried out under one or more focus areas.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// Unique among the activities; stable across quarters.
    pub id: String,
    /// The activity's title.
    pub title: String,
    /// Ids of focus areas, each known to exist.
    pub focus_areas: Vec<String>,
    /// Where it stands; `None` when not assessed.
    pub status: Option<ActivityStatus>,
    /// Who carries it out.
    pub responsible: Vec<String>,
    /// When it is due.
    pub due: Option<NaiveDate>,
    /// Markdown.
    pub progress: Option<String>,
    /// The activity's metrics.
    pub metrics: Vec<Metric>,
}

/// A metric measured each quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// Unique within the file; history across quarters is matched on it.
    pub id: String,
    /// What is measured.
    pub name: String,
    /// This quarter's value.
    pub value: f64,
    /// The unit: "st", "%", "kr", …
    pub unit: Option<String>,
    /// The target value, when there is one.
    pub target: Option<f64>,
    /// Which way the metric improves, for judging change and target.
    pub direction: Direction,
    /// Values of earlier quarters, each before the report's period.
    pub history: BTreeMap<Period, f64>,
}

/// Someone who signs the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    /// The signatory's name.
    pub name: String,
    /// The signatory's role or title.
    pub role: Option<String>,
    /// The organisation the signatory signs for.
    pub organisation: Option<String>,
}
