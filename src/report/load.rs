//! Reading one report file: bytes → text → YAML → raw mirror → validated [`Report`] →
//! history from earlier quarters → warnings.
//!
//! Entry points: [`check`] (the report and its warnings) and [`load`] (the report only);
//! `read` is one file alone, for the earlier quarters beside it. Problems with the file as
//! a whole (too large, not UTF-8, empty, pathological YAML) stop at the first, because
//! nothing after them can be trusted; unknown fields are all named at once; values of the
//! wrong type are all reported (see `repair`), with every other problem `validate` finds.
//! Every message is in the report's language (see `problems`).

mod input;
mod keys;
mod repair;
mod shape;
#[cfg(test)]
mod tests;
mod yaml_error;

pub use input::MAX_FILE_BYTES;

use super::spans::Spans;
use super::validate::validate;
use super::{Language, Report, history, lint};
use crate::diag::Diagnostic;
use serde_saphyr::{DuplicateKeyPolicy, Options};
use std::path::{Path, PathBuf};

/// A report that has no errors, and the warnings about it.
#[derive(Debug)]
pub struct Checked {
    pub report: Report,
    pub warnings: Vec<Diagnostic>,
    /// The report file's text, as read.
    pub text: String,
    /// The files of the earlier quarters whose values the report's history uses.
    pub earlier: Vec<PathBuf>,
}

/// Reads and validates one report file with the history of its metrics, returning every
/// error found; warnings do not stop it.
pub fn load(path: &Path) -> Result<Report, Vec<Diagnostic>> {
    check(path).map(|checked| checked.report)
}

/// As [`load`], with the warnings about the report.
pub fn check(path: &Path) -> Result<Checked, Vec<Diagnostic>> {
    let Read {
        mut report,
        spans,
        text,
    } = read(path)?;
    // Earlier quarters beside the file: their metric values and last quarter's texts.
    let siblings = history::siblings(&report);
    let conflicts = history::merge(&mut report, &siblings.earlier);
    let warnings = lint::lint(&lint::Input {
        report: &report,
        spans: &spans,
        source: &text,
        earlier: &siblings.earlier,
        notes: &siblings.notes,
        conflicts: &conflicts,
    });
    let earlier = siblings
        .earlier
        .values()
        .map(|r| r.source.clone())
        .collect();
    Ok(Checked {
        report,
        warnings,
        text,
        earlier,
    })
}

/// One file read and validated alone, with where its parts stand.
pub struct Read {
    pub report: Report,
    pub spans: Spans,
    pub text: String,
}

pub fn read(path: &Path) -> Result<Read, Vec<Diagnostic>> {
    // Refuse what cannot be a report before parsing: too large, not UTF-8 text, empty.
    let text = input::read_text(path).map_err(|d| vec![d])?;
    // Word the messages in the language the file declares, found before parsing.
    let language = Language::declared_in(&text);
    // Refuse syntax errors, alias bombs and absurd nesting with a position, whatever the types.
    shape::check_shape(path, &text, language).map_err(|d| vec![d])?;
    // Name every unknown field at once; deserializing would stop at the first.
    let unknown = keys::unknown_fields(path, &text, language);
    if !unknown.is_empty() {
        return Err(unknown);
    }
    // Deserialize into the raw mirror: structure, duplicate keys; any value where a number
    // or status is expected, so that validation reports every wrong one. Every value of
    // the wrong type is reported, with what validation finds elsewhere.
    let raw = repair::deserialize(path, &text, language)?;
    // Keep where things stand, for warnings and `new`, before validation consumes the mirror.
    let spans = Spans::of(&raw);
    // Check values and references, collecting every problem.
    let report = validate(raw, path, &text, language)?;
    Ok(Read {
        report,
        spans,
        text,
    })
}

/// A real report is a few hundred nodes; these limits are orders of magnitude above that
/// and low enough that a hostile file is refused in milliseconds.
fn options() -> Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: shape::MAX_DEPTH,
            flow_nesting_limit: shape::MAX_DEPTH,
            // A file of the largest size holds fewer scalar bytes than this unless aliases multiply them.
            max_total_scalar_bytes: input::MAX_FILE_BYTES as usize,
            max_nodes: MAX_NODES,
            max_events: 2 * MAX_NODES,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            // Each replayed node is at most two events (start and end).
            max_total_replayed_events: 2 * shape::MAX_ALIAS_NODES as usize,
        },
        // Officials copy blocks; a repeated key would otherwise silently drop one of them.
        duplicate_keys: DuplicateKeyPolicy::Error,
    }
}

/// Nodes (maps, lists, scalars) in one file: a report with a hundred activities and their
/// metrics stays below ten thousand; the cap bounds the work on a file of the largest size.
const MAX_NODES: usize = 2_000_000;
