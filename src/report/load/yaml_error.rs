//! Turning a serde-saphyr error into a message for the person who wrote the file.
//!
//! Entry point: [`diagnostic`]. The library's wording speaks of scalars and mapping starts;
//! this speaks of texts, lists and fields, and adds "did you mean" where a name was misspelt.

use crate::diag::{Diagnostic, suggestion};
use crate::report::raw::{part_with_fields, position};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error, MessageFormatter, UserMessageFormatter};
use std::path::Path;

pub fn diagnostic(path: &Path, error: &Error) -> Diagnostic {
    let error = error.without_snippet();
    let at = error.location().as_ref().and_then(position);
    let (message, hint) = describe(error);
    let diagnostic = Diagnostic::error(path, at, message);
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// The message and hint for one error: one arm per kind a report writer can cause.
fn describe(error: &Error) -> (String, Option<String>) {
    match error {
        Error::AliasError { error, .. } => describe(error),
        Error::SerdeUnknownField { field, expected, .. } => (
            format!("unknown field `{field}` {}", part_with_fields(expected)),
            Some(suggestion(field, expected, "the fields allowed here are")),
        ),
        Error::SerdeUnknownVariant { variant, expected, .. } => (
            format!("`{variant}` is not one of the values allowed here"),
            Some(suggestion(variant, expected, "use one of")),
        ),
        Error::SerdeMissingField { field, .. } => (format!("the field `{field}` is missing"), None),
        Error::DuplicateMappingKey { key, .. } => (
            match key {
                Some(key) => format!("the key `{key}` appears twice in the same map"),
                None => "this key appears twice in the same map".to_owned(),
            },
            Some("keep one of them".to_owned()),
        ),
        Error::Unexpected { expected, .. } => (format!("expected {} here", kind(expected)), None),
        Error::SerdeInvalidType { expected, .. } => (format!("expected {} here", kind(expected)), None),
        Error::InvalidScalar { ty, .. } => (format!("expected {} here", kind(ty)), None),
        Error::NullIntoString { .. } => (
            "this field has no value; write a text or remove the field".to_owned(),
            Some("a text that looks like `null` or `~` must be put in quotes".to_owned()),
        ),
        Error::Budget { breach, .. } => (budget(breach), None),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => (
            "the aliases (`*name`) in this file expand far beyond any report; this looks like an \"alias bomb\"".to_owned(),
            None,
        ),
        other => (UserMessageFormatter.format_message(other).into_owned(), None),
    }
}

/// The library's and serde's names for what was expected, in the words of the format.
fn kind(expected: &str) -> String {
    let words = match expected {
        "string scalar" | "a string" | "scalar" => "a text",
        "floating point" | "f64" => "a number",
        "i64" | "u16" | "u8" | "u64" => "a whole number",
        "mapping start" | "a map" => "a map of `field: value` lines",
        "sequence start" | "a sequence" => "a list (lines starting with `-`)",
        "boolean" => "true or false",
        _ if expected.starts_with("struct ") => "a map of `field: value` lines",
        other => return other.to_owned(),
    };
    words.to_owned()
}

fn budget(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { .. } => {
            "the data is nested far deeper than a report needs".to_owned()
        }
        BudgetBreach::Documents { .. } => {
            "the file holds more than one YAML document (`---`); a report is one document"
                .to_owned()
        }
        _ => "the file is far larger or more complex than any report".to_owned(),
    }
}
