//! `kvartal schema`: the JSON Schema of the report format, on standard output.

use super::Outcome;
use crate::report::schema::SCHEMA;

/// `kvartal schema`: the report format's JSON Schema, to print.
pub fn schema() -> Outcome {
    Outcome {
        printed: SCHEMA.to_owned(),
        ..Outcome::default()
    }
}
