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
mod problems;
mod raw;
pub mod schema;
mod series;
mod spans;
mod stage;
mod status;
pub mod trend;
mod validate;

pub use language::{Language, LanguageCode};
pub use load::MAX_FILE_BYTES;
pub use next::{Draft, next_quarter};
pub use problems::labels;
pub use stage::{Checked, check, load};
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
    pub programme: String,
    /// The key that ties one programme's quarters together: the file's `series`, or the
    /// programme's name as a slug (see `series`).
    pub series: String,
    pub title: Option<String>,
    pub period: Quarter,
    pub language: Language,
    /// The issue date; the last day of the quarter when the file gives none.
    pub date: NaiveDate,
    pub organisations: Vec<Organisation>,
    pub meeting: Option<Meeting>,
    pub prepared_by: Vec<Person>,
    /// Markdown.
    pub summary: Option<String>,
    pub focus_areas: Vec<FocusArea>,
    pub activities: Vec<Activity>,
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

/// A year and quarter, ordered in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: u16,
    /// 1–4.
    pub quarter: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub name: String,
    pub logo: Option<Logo>,
}

/// A logo file, checked to exist inside the report's folder and read.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// The path as written in the file, relative to it.
    pub written: String,
    pub format: ImageFormat,
    pub data: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meeting {
    pub body: Option<String>,
    pub date: Option<NaiveDate>,
    pub case_number: Option<String>,
    /// A number or a text, kept as written.
    pub agenda_item: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FocusArea {
    pub id: String,
    pub title: String,
    /// Markdown.
    pub goal: Option<String>,
    pub status: Option<FocusStatus>,
    /// Markdown.
    pub progress: Option<String>,
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: String,
    pub title: String,
    /// Ids of focus areas, each known to exist.
    pub focus_areas: Vec<String>,
    pub status: Option<ActivityStatus>,
    pub responsible: Vec<String>,
    pub due: Option<NaiveDate>,
    /// Markdown.
    pub progress: Option<String>,
    pub metrics: Vec<Metric>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub id: String,
    pub name: String,
    pub value: f64,
    pub unit: Option<String>,
    pub target: Option<f64>,
    pub direction: Direction,
    /// Values of earlier quarters, each before the report's period.
    pub history: BTreeMap<Quarter, f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
}
