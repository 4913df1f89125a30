//! Every unknown field in the file at once. Deserializing stops at the first, but an
//! official who misspelt three fields wants to hear of all three in one run.
//!
//! Entry point: [`unknown_fields`]. The fields allowed at each place come from the JSON
//! Schema (`schema.json`), the one list of the format's fields, so the two cannot drift.

use super::shape::position;
use crate::diag::Diagnostic;
use crate::report::Language;
use crate::report::problems::Problem;
use crate::report::raw::part_with_fields;
use crate::report::schema::SCHEMA;
use serde_json::Value;
use serde_saphyr::granit_parser::{Event, Span};
use std::path::Path;
use std::sync::OnceLock;

/// Finds each field the format does not know, as the events of a file go by (see
/// `check_shape`, which shows them).
pub struct UnknownFields<'p> {
    walk: Walk<'static>,
    path: &'p Path,
}

impl<'p> UnknownFields<'p> {
    /// For the file at `path`, whose messages are worded in `language`.
    pub fn new(path: &'p Path, language: Language) -> UnknownFields<'p> {
        let walk = Walk {
            root: schema(),
            language,
            open: Vec::new(),
            found: Vec::new(),
        };
        UnknownFields { walk, path }
    }

    pub fn step(&mut self, event: &Event, span: &Span) {
        self.walk.step(event, || position(&span.start), self.path);
    }

    /// A diagnostic for each unknown field, in file order.
    pub fn found(self) -> Vec<Diagnostic> {
        self.walk.found
    }
}

fn schema() -> &'static Value {
    static SCHEMA_VALUE: OnceLock<Value> = OnceLock::new();
    SCHEMA_VALUE
        .get_or_init(|| serde_json::from_str(SCHEMA).expect("the compiled-in schema is JSON"))
}

/// An open map or list, with the schema of what it holds where the schema knows it.
enum Open<'a> {
    Map {
        schema: Option<&'a Value>,
        value: Option<Option<&'a Value>>,
    },
    List {
        items: Option<&'a Value>,
    },
}

struct Walk<'a> {
    root: &'a Value,
    language: Language,
    open: Vec<Open<'a>>,
    found: Vec<Diagnostic>,
}

impl<'a> Walk<'a> {
    fn step(&mut self, event: &Event, at: impl Fn() -> crate::diag::Position, path: &Path) {
        match event {
            Event::MappingStart(..) => {
                let schema = self.resolve(self.next_schema(), "object");
                self.open.push(Open::Map {
                    schema,
                    value: None,
                });
            }
            Event::SequenceStart(..) => {
                let items = self
                    .resolve(self.next_schema(), "array")
                    .and_then(|s| s.get("items"));
                self.open.push(Open::List { items });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.open.pop();
                self.value_done();
            }
            Event::Scalar(key, ..) if self.expects_key() => self.key(key, at, path),
            Event::Scalar(..) | Event::Alias(_) => self.value_done(),
            _ => {}
        }
    }

    fn expects_key(&self) -> bool {
        matches!(self.open.last(), Some(Open::Map { value: None, .. }))
    }

    /// The schema of the node that starts now: the document, a map's value, a list's item.
    fn next_schema(&self) -> Option<&'a Value> {
        match self.open.last() {
            None => Some(self.root),
            Some(Open::Map { value, .. }) => value.flatten(),
            Some(Open::List { items }) => *items,
        }
    }

    /// A map's value or a list's item is complete: the map expects its next key.
    fn value_done(&mut self) {
        if let Some(Open::Map { value, .. }) = self.open.last_mut() {
            *value = None;
        }
    }

    /// `schema` followed through `$ref`, and the `oneOf` branch of type `kind`.
    fn resolve(&self, schema: Option<&'a Value>, kind: &str) -> Option<&'a Value> {
        let schema = schema?;
        if let Some(name) = schema["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            return self.resolve(self.root["$defs"].get(name), kind);
        }
        match schema["oneOf"].as_array() {
            Some(options) => options
                .iter()
                .filter_map(|option| self.resolve(Some(option), kind))
                .find(|option| option["type"] == kind),
            None => Some(schema),
        }
    }

    fn key(&mut self, key: &str, at: impl Fn() -> crate::diag::Position, path: &Path) {
        let Some(Open::Map { schema, value }) = self.open.last_mut() else {
            return;
        };
        let properties = schema.and_then(|s| s["properties"].as_object());
        let known = properties.and_then(|p| p.get(key));
        let closed = schema.is_some_and(|s| s["additionalProperties"] == false);
        *value = Some(known.or_else(|| schema.and_then(|s| s.get("additionalProperties"))));
        if let (Some(properties), None, true) = (properties, known, closed) {
            let names: Vec<&str> = properties.keys().map(String::as_str).collect();
            let problem = Problem::UnknownField {
                field: key.to_owned(),
                part: part_with_fields(&names),
                known: names.iter().map(|name| (*name).to_owned()).collect(),
            };
            let language = self.language;
            self.found
                .push(problem.diagnostic(path, Some(at()), language));
        }
    }
}
