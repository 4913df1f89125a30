//! The words of the warnings about the files beside a report (see `history::Note`), in
//! English and Swedish. The files lie in the report's own folder, so each is named by its
//! file name alone.

use crate::report::Kind;
use crate::report::history::Note;
use std::path::{Path, PathBuf};

fn name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn names(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| format!("`{}`", name(p))).collect();
    names.join(", ")
}

/// Message and hint in English.
pub fn english(note: &Note, own_series: &str, kind: Kind) -> (String, String) {
    let k = kind.english();
    match note {
        Note::OtherSeries {
            series,
            programme,
            files,
        } => (
            format!(
                "earlier files with the same metrics belong to another programme, \"{programme}\" \
                 (series `{series}`), so their values are not in this report's history: {}",
                names(files)
            ),
            format!(
                "if the programme was renamed, write `series: {series}` below `programme:` \
                 (this file's series is `{own_series}`)"
            ),
        ),
        Note::SameQuarter {
            quarter,
            used,
            ignored,
        } => (
            format!(
                "more than one file is {k} {quarter} of this programme: the values of `{}` \
                 are used, not those of {}",
                name(used),
                names(ignored)
            ),
            "move copies and old versions out of the report's folder".to_owned(),
        ),
        Note::SameAsThis { file } => (
            format!(
                "`{}` in the same folder is the same {k} of the same programme as this file",
                name(file)
            ),
            format!("keep one file per {k}; move the other out of the folder"),
        ),
        Note::LooksLikeCopy { file } => (
            format!(
                "the history takes values from `{}`, whose name looks like a copy",
                name(file)
            ),
            format!("give the file its {k}'s name, or move it out of the folder"),
        ),
        Note::Unreadable { file } => (
            format!(
                "`{}` in the same folder has errors, so its values are left out of the history",
                name(file)
            ),
            "run `kvartal check` on that file and correct it".to_owned(),
        ),
    }
}

/// Message and hint in Swedish.
pub fn swedish(note: &Note, own_series: &str, kind: Kind) -> (String, String) {
    let (k, the_k) = (kind.swedish(), kind.swedish_definite());
    match note {
        Note::OtherSeries {
            series,
            programme,
            files,
        } => (
            format!(
                "tidigare filer med samma nyckeltal hör till ett annat program, \"{programme}\" \
                 (serie `{series}`), så deras värden finns inte med i rapportens historik: {}",
                names(files)
            ),
            format!(
                "om programmet har bytt namn, skriv `series: {series}` under `programme:` \
                 (den här filens serie är `{own_series}`)"
            ),
        ),
        Note::SameQuarter {
            quarter,
            used,
            ignored,
        } => (
            format!(
                "flera filer gäller {k} {quarter} av programmet: värdena i `{}` används, \
                 inte de i {}",
                name(used),
                names(ignored)
            ),
            "flytta kopior och gamla versioner ut ur rapportens mapp".to_owned(),
        ),
        Note::SameAsThis { file } => (
            format!(
                "`{}` i samma mapp gäller samma {k} av samma program som den här filen",
                name(file)
            ),
            format!("ha en fil per {k}; flytta den andra ut ur mappen"),
        ),
        Note::LooksLikeCopy { file } => (
            format!(
                "historiken hämtar värden från `{}`, vars namn ser ut som en kopia",
                name(file)
            ),
            format!("ge filen {the_k}s namn, eller flytta den ut ur mappen"),
        ),
        Note::Unreadable { file } => (
            format!(
                "`{}` i samma mapp har fel, så dess värden lämnas utanför historiken",
                name(file)
            ),
            "kör `kvartal check` på den filen och rätta den".to_owned(),
        ),
    }
}
