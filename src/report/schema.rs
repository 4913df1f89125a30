//! The JSON Schema (2020-12) of the report format, for editors with a YAML language
//! server: completion and checks as the official types.
//!
//! Entry point: [`SCHEMA`]. It is written by hand beside the raw mirror (`raw.rs`), with a
//! description on every field; the test suite validates the example reports against it.

/// The schema as JSON text.
pub const SCHEMA: &str = include_str!("schema.json");
