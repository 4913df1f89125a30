//! The warnings' words in the report's own language, so the official who wrote a Swedish
//! report reads Swedish: one arm per warning and language.
//!
//! Entry point: [`Warning`], with [`Warning::code`] (for `--format json`) and
//! [`Warning::text`] (message and hint).

use crate::diag::Code;
use crate::report::history::Conflict;
use crate::report::{Language, Quarter};
use chrono::NaiveDate;

pub enum Warning {
    /// `written` names quarter `named`, not the report's own.
    OtherQuarter {
        written: String,
        named: u8,
        own: Quarter,
    },
    Placeholder {
        written: String,
    },
    /// The progress text of item `id` is the same as in `previous`'s file.
    Copied {
        id: String,
        previous: Quarter,
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
                    "the text names quarter {named} (\"{written}\"), but this report is for quarter {} ({own})",
                    own.quarter
                ),
                "text copied from an earlier report? Update it to this quarter".to_owned(),
            ),
            Warning::Placeholder { written } => (
                format!("placeholder text \"{written}\" left in the report"),
                "replace it with the real text before the meeting".to_owned(),
            ),
            Warning::Copied { id, previous } => (
                format!(
                    "the progress of `{id}` is identical to the text in the previous quarter's file ({previous})"
                ),
                "write what was done this quarter".to_owned(),
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
                    "history of `{}` gives {} for {}, but the file for that quarter ({}) gives {}",
                    c.metric,
                    c.written,
                    c.quarter,
                    c.file.display(),
                    c.earlier
                ),
                format!(
                    "the value {} from the earlier file is used; correct or remove this line",
                    c.earlier
                ),
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
                    "texten nämner kvartal {named} (\"{written}\"), men rapporten gäller kvartal {} ({own})",
                    own.quarter
                ),
                "är texten kopierad från en tidigare rapport? Uppdatera den till det här kvartalet"
                    .to_owned(),
            ),
            Warning::Placeholder { written } => (
                format!("platshållartexten (placeholder) \"{written}\" finns kvar i rapporten"),
                "ersätt den med den riktiga texten före mötet".to_owned(),
            ),
            Warning::Copied { id, previous } => (
                format!(
                    "lägesbeskrivningen (progress) för `{id}` är identisk med texten i förra kvartalets fil ({previous})"
                ),
                "skriv vad som har gjorts under det här kvartalet".to_owned(),
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
                    "historiken för `{}` anger {} för {}, men filen för det kvartalet ({}) anger {}",
                    c.metric,
                    c.written,
                    c.quarter,
                    c.file.display(),
                    c.earlier
                ),
                format!(
                    "värdet {} från den tidigare filen används; rätta eller ta bort raden",
                    c.earlier
                ),
            ),
        }
    }
}
