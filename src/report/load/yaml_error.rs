//! Turning a serde-saphyr error into a message for the person who wrote the file.
//!
//! Entry point: [`problem`]. The library's wording speaks of scalars and mapping starts;
//! this speaks of texts, lists and fields, and adds "did you mean" where a name was misspelt.

use super::shape::{MAX_ALIAS_NODES, TOO_DEEP};
use crate::diag::Position;
use crate::report::problems::{Expected, Problem};
use crate::report::raw::{TEXT_OR_LIST, part_with_fields, position};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error, MessageFormatter, UserMessageFormatter};

/// What the error is in the words of the format, and where, when the reader knew.
pub fn problem(error: &Error) -> (Problem, Option<Position>) {
    let error = error.without_snippet();
    let at = error.location().as_ref().and_then(position);
    (describe(error), at)
}

/// The problem one error is: one arm per kind a report writer can cause.
fn describe(error: &Error) -> Problem {
    let names = |names: &[&str]| names.iter().map(|name| (*name).to_owned()).collect();
    match error {
        Error::AliasError { error, .. } => describe(error),
        Error::SerdeUnknownField {
            field, expected, ..
        } => Problem::UnknownField {
            field: field.clone(),
            part: part_with_fields(expected),
            known: names(expected),
        },
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Problem::NotAllowed {
            written: variant.clone(),
            allowed: names(expected),
        },
        Error::DuplicateMappingKey { key, .. } => Problem::DuplicateKey { key: key.clone() },
        Error::Unexpected { expected, .. } | Error::InvalidScalar { ty: expected, .. } => {
            wrong_type(expected)
        }
        Error::SerdeInvalidType { expected, .. } => wrong_type(expected),
        Error::NullIntoString { .. } => Problem::NoText,
        Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::UnsupportedTag { .. }
        | Error::InvalidBinaryBase64 { .. }
        | Error::BinaryNotUtf8 { .. } => Problem::Tag,
        Error::NonFiniteFloat { value, .. } => Problem::NumberTooLarge {
            written: value.clone(),
        },
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => TOO_DEEP,
            BudgetBreach::Documents { .. } => Problem::MoreThanOneDocument,
            _ => Problem::TooComplex,
        },
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. } => Problem::AliasBomb {
            values: MAX_ALIAS_NODES,
        },
        other => Problem::Reader {
            message: UserMessageFormatter.format_message(other).into_owned(),
        },
    }
}

/// The library's and serde's names for what was expected, in the words of the format.
fn wrong_type(expected: &str) -> Problem {
    let expected = match expected {
        "string scalar" | "a string" | "scalar" => Expected::Text,
        "floating point" | "f64" => Expected::Number,
        "i64" | "u16" | "u8" | "u64" => Expected::WholeNumber,
        "mapping start" | "a map" => Expected::Map,
        "sequence start" | "a sequence" => Expected::List,
        "boolean" => Expected::TrueFalse,
        TEXT_OR_LIST => Expected::TextOrList,
        _ if expected.starts_with("struct ") => Expected::Map,
        other => Expected::Other(other.to_owned()),
    };
    Problem::WrongType {
        field: None,
        expected,
        found: None,
    }
}
