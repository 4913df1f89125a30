//! Reading one report file alone: bytes → text → YAML → raw mirror → validated [`Report`].
//!
//! Entry point: [`read`]. It knows nothing of other files: the earlier quarters beside a
//! report are each read with it too, and put together by `stage`. Problems with the file
//! as a whole (too large, not UTF-8, empty, pathological YAML) stop at the first, because
//! nothing after them can be trusted; unknown fields are all named at once; values of the
//! wrong type are all reported (see `repair`), with every other problem `validate` finds.
//! Every message is in the report's language (see `problems`).

mod glance;
mod input;
mod keys;
mod repair;
mod shape;
#[cfg(test)]
mod tests;
mod yaml_error;

pub use glance::{Head, glance};
pub use input::MAX_FILE_BYTES;

use super::spans::Spans;
use super::validate::validate;
use super::{Language, Report};
use crate::diag::Diagnostic;
use serde_saphyr::{DuplicateKeyPolicy, Options};
use std::path::Path;

/// One file read and validated alone, with where its parts stand.
pub struct ReadFile {
    pub report: Report,
    pub spans: Spans,
    pub text: String,
}

/// Reads and validates the file at `path` alone, returning every error found.
pub fn read(path: &Path) -> Result<ReadFile, Vec<Diagnostic>> {
    // Refuse what cannot be a report before parsing: too large, not UTF-8 text, empty.
    let text = input::read_text(path).map_err(|d| vec![d])?;
    // Word the messages in the language the file declares, found before parsing.
    let language = Language::declared_in(&text);
    // Refuse syntax errors, alias bombs and absurd nesting with a position, whatever the
    // types; and in the same pass over the events, name every unknown field at once, where
    // deserializing would stop at the first.
    let shape = || {
        let mut fields = keys::UnknownFields::new(path, language);
        shape::check_shape(path, &text, language, |event, span| {
            fields.step(event, span)
        })
        .map(|()| fields.found())
    };
    // Deserialize into the raw mirror: structure, duplicate keys; any value where a number
    // or status is expected, so that validation reports every wrong one. Every value of
    // the wrong type is reported, with what validation finds elsewhere. Its own limits
    // (`options`) bound it on any file, so it runs on another core beside the pass above,
    // whose problems come first.
    let (shape, raw) = rayon::join(shape, || repair::deserialize(path, &text, language));
    let unknown = shape.map_err(|d| vec![d])?;
    if !unknown.is_empty() {
        return Err(unknown);
    }
    let raw = raw?;
    // Keep where things stand, for warnings and `new`, before validation consumes the mirror.
    let spans = Spans::of(&raw);
    // Check values and references, collecting every problem.
    let report = validate(raw, path, &text, language)?;
    Ok(ReadFile {
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
