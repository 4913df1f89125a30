//! The warnings' words in the report's own language, so the official who wrote a Swedish
//! report reads Swedish: one arm per warning and language.
//!
//! Entry point: [`Warning`], with [`Warning::code`] (for `--format json`) and
//! [`Warning::text`] (message and hint).

use super::siblings;
use crate::diag::Code;
use crate::report::history::{Conflict, Note};
use crate::report::{Kind, Language, Period};
use chrono::NaiveDate;

pub enum Warning {
    /// `written` names quarter `named`, not the report's own.
    OtherQuarter {
        written: String,
        named: u8,
        own: Period,
    },
    Placeholder {
        written: String,
    },
    /// The progress text of item `id` is the same as in `previous`'s file.
    Copied {
        id: String,
        previous: Period,
    },
    NothingReported {
        id: String,
    },
    CompletedLater {
        id: String,
        due: NaiveDate,
        date: NaiveDate,
    },
    DelayedSilent {
        id: String,
    },
    HistoryConflict(Conflict),
    /// A file beside the report that changes its history; `series` is the report's own.
    Sibling {
        note: Note,
        series: String,
        /// The report's kind of period.
        kind: Kind,
    },
    /// The meeting that treats the report is dated before the report was issued: a date
    /// left from last quarter's file.
    MeetingBeforeReport {
        meeting: NaiveDate,
        date: NaiveDate,
        /// The report's kind of period.
        kind: Kind,
    },
    /// The programme's name has a year, and not the report's.
    ProgrammeYear {
        written: u16,
        own: u16,
    },
}

impl Warning {
    pub fn code(&self) -> Code {
        match self {
            Warning::OtherQuarter { .. } => Code::OtherQuarter,
            Warning::Placeholder { .. } => Code::Placeholder,
            Warning::Copied { .. } => Code::CopiedProgress,
            Warning::NothingReported { .. } => Code::NothingReported,
            Warning::CompletedLater { .. } => Code::CompletedBeforeDue,
            Warning::DelayedSilent { .. } => Code::DelayedWithoutProgress,
            Warning::HistoryConflict(_) => Code::HistoryConflict,
            Warning::Sibling { note, .. } => match note {
                Note::OtherSeries { .. } => Code::OtherSeries,
                Note::SameQuarter { .. } | Note::SameAsThis { .. } => Code::DuplicateQuarter,
                Note::LooksLikeCopy { .. } => Code::CopiedFile,
                Note::Unreadable { .. } => Code::UnreadableSibling,
            },
            Warning::MeetingBeforeReport { .. } => Code::StaleMeeting,
            Warning::ProgrammeYear { .. } => Code::ProgrammeYear,
        }
    }

    /// The message and the hint.
    pub fn text(&self, language: Language) -> (String, String) {
        match language {
            Language::Sv => self.swedish(),
            // Messages exist in Swedish and English; other languages read English.
            Language::En | Language::Other(_) => self.english(),
        }
    }

    fn english(&self) -> (String, String) {
        match self {
            Warning::OtherQuarter {
                written,
                named,
                own,
            } => (
                format!(
                    "the text names {kind} {named} (\"{written}\"), but this report is for {kind} {} ({own})",
                    own.number,
                    kind = own.kind.english()
                ),
                format!(
                    "text copied from an earlier report? Update it to this {}",
                    own.kind.english()
                ),
            ),
            Warning::Placeholder { written } => (
                format!("placeholder text \"{written}\" left in the report"),
                "replace it with the real text before the meeting".to_owned(),
            ),
            Warning::Copied { id, previous } => (
                format!(
                    "the progress of `{id}` is identical to the text in the previous {k}'s file ({previous})",
                    k = previous.kind.english()
                ),
                format!("write what was done this {}", previous.kind.english()),
            ),
            Warning::NothingReported { id } => (
                format!(
                    "nothing is reported for the focus area `{id}`: it has neither progress text nor any activity"
                ),
                "add a `progress` text or an activity with `focus_areas: [".to_owned() + id + "]`",
            ),
            Warning::CompletedLater { id, due, date } => (
                format!(
                    "the activity `{id}` is marked completed, but its due date {due} lies after the report's date {date}"
                ),
                "check the status and the `due` date".to_owned(),
            ),
            Warning::DelayedSilent { id } => (
                format!("the activity `{id}` is delayed but has no progress text explaining why"),
                "add a `progress` text saying what is delayed and what happens next".to_owned(),
            ),
            Warning::HistoryConflict(c) => (
                format!(
                    "history of `{}` gives {} for {}, but the file for that {} ({}) gives {}",
                    c.metric,
                    c.written,
                    c.quarter,
                    c.quarter.kind.english(),
                    c.file.display(),
                    c.earlier
                ),
                format!(
                    "the value {} from the earlier file is used; correct or remove this line",
                    c.earlier
                ),
            ),
            Warning::Sibling { note, series, kind } => siblings::english(note, series, *kind),
            Warning::MeetingBeforeReport {
                meeting,
                date,
                kind,
            } => (
                format!("the meeting's date {meeting} lies before the report's date {date}"),
                format!(
                    "is it last {}'s meeting? Write the date of the meeting that treats this report",
                    kind.english()
                ),
            ),
            Warning::ProgrammeYear { written, own } => (
                format!("the programme's name says {written}, but this report is for {own}"),
                "if the programme goes on under a new name, rename it; `series` keeps its history"
                    .to_owned(),
            ),
        }
    }

    fn swedish(&self) -> (String, String) {
        match self {
            Warning::OtherQuarter {
                written,
                named,
                own,
            } => (
                format!(
                    "texten nämner {kind} {named} (\"{written}\"), men rapporten gäller {kind} {} ({own})",
                    own.number,
                    kind = own.kind.swedish()
                ),
                format!(
                    "är texten kopierad från en tidigare rapport? Uppdatera den till det här {}",
                    own.kind.swedish_definite()
                ),
            ),
            Warning::Placeholder { written } => (
                format!("platshållartexten (placeholder) \"{written}\" finns kvar i rapporten"),
                "ersätt den med den riktiga texten före mötet".to_owned(),
            ),
            Warning::Copied { id, previous } => (
                format!(
                    "lägesbeskrivningen (progress) för `{id}` är identisk med texten i förra {k}s fil ({previous})",
                    k = previous.kind.swedish_definite()
                ),
                format!("skriv vad som har gjorts under det här {}", previous.kind.swedish_definite()),
            ),
            Warning::NothingReported { id } => (
                format!(
                    "ingenting rapporteras för fokusområdet `{id}`: det har varken lägesbeskrivning (progress) eller någon aktivitet"
                ),
                "lägg till en `progress`-text eller en aktivitet med `focus_areas: [".to_owned()
                    + id
                    + "]`",
            ),
            Warning::CompletedLater { id, due, date } => (
                format!(
                    "aktiviteten `{id}` är markerad som genomförd (completed), men slutdatumet {due} ligger efter rapportens datum {date}"
                ),
                "kontrollera status och `due`-datumet".to_owned(),
            ),
            Warning::DelayedSilent { id } => (
                format!(
                    "aktiviteten `{id}` är försenad (delayed) men saknar lägesbeskrivning (progress) om varför"
                ),
                "lägg till en `progress`-text om vad som är försenat och vad som händer nu"
                    .to_owned(),
            ),
            Warning::HistoryConflict(c) => (
                format!(
                    "historiken för `{}` anger {} för {}, men filen för det {} ({}) anger {}",
                    c.metric,
                    c.written,
                    c.quarter,
                    c.quarter.kind.swedish_definite(),
                    c.file.display(),
                    c.earlier
                ),
                format!(
                    "värdet {} från den tidigare filen används; rätta eller ta bort raden",
                    c.earlier
                ),
            ),
            Warning::Sibling { note, series, kind } => siblings::swedish(note, series, *kind),
            Warning::MeetingBeforeReport { meeting, date, kind } => (
                format!("mötets datum {meeting} ligger före rapportens datum {date}"),
                format!(
                    "är det förra {}s möte? Skriv datumet för mötet som behandlar den här rapporten",
                    kind.swedish_definite()
                )
                    .to_owned(),
            ),
            Warning::ProgrammeYear { written, own } => (
                format!("programmets namn anger {written}, men rapporten gäller {own}"),
                "om programmet fortsätter under nytt namn, byt namnet; `series` behåller historiken"
                    .to_owned(),
            ),
        }
    }
}
