//! The state of one validation pass: where to point and the problems found so far.
//!
//! Entry point: [`Check`]; its helpers record a problem and return `None`, so a
//! validation function reads as "take this value if it is fine".

use crate::diag::Diagnostic;
use crate::report::raw::position;
use serde_saphyr::{Location, Spanned};
use std::collections::HashMap;
use std::path::Path;

pub struct Check<'a> {
    pub path: &'a Path,
    /// The file's text, for pointing inside Markdown blocks.
    pub source: &'a str,
    pub errors: Vec<Diagnostic>,
}

impl<'a> Check<'a> {
    pub fn new(path: &'a Path, source: &'a str) -> Self {
        Check {
            path,
            source,
            errors: Vec::new(),
        }
    }

    /// Records a problem at `at` and returns it, so a hint can be added.
    pub fn error(&mut self, at: &Location, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostic = Diagnostic::error(self.path, position(at), message);
        self.errors.push(diagnostic);
        self.errors
            .last_mut()
            .expect("a diagnostic was just pushed")
    }

    /// `value`, or a problem pointing at the map that lacks the field.
    pub fn required<T>(
        &mut self,
        value: Option<T>,
        map: &Location,
        field: &str,
        part: &str,
    ) -> Option<T> {
        if value.is_none() {
            self.error(
                map,
                format!("the required field `{field}` is missing {part}"),
            );
        }
        value
    }

    /// `value`, or the problem `message` describes at `at`.
    pub fn expect<T>(
        &mut self,
        value: Option<T>,
        at: &Location,
        message: impl FnOnce() -> String,
    ) -> Option<T> {
        if value.is_none() {
            self.error(at, message());
        }
        value
    }

    /// Records `message` when a required list is empty.
    pub fn non_empty<T>(&mut self, list: &Spanned<Vec<T>>, message: &str) {
        if list.value.is_empty() {
            self.error(&list.referenced, message);
        }
    }

    /// Records a problem when `id` was already used among `seen`; `among` names the kind.
    pub fn unique(&mut self, seen: &mut Ids, id: &Spanned<String>, among: &str) {
        match seen.0.get(&id.value) {
            Some(first) => {
                let hint = format!("it is first used on line {}", first.line());
                let message = format!(
                    "the id `{}` is used twice; ids of {among} must be unique",
                    id.value
                );
                self.error(&id.referenced, message).hint = Some(hint);
            }
            None => {
                seen.0.insert(id.value.clone(), id.referenced);
            }
        }
    }
}

/// Ids seen so far in one scope, with where each was first used.
#[derive(Default)]
pub struct Ids(HashMap<String, Location>);

/// Every item checked, even after one failed; the list only when all were fine.
pub fn all<T>(items: impl Iterator<Item = Option<T>>) -> Option<Vec<T>> {
    let items: Vec<Option<T>> = items.collect();
    items.into_iter().collect()
}

/// An optional field's checked value: fine when absent (`Some(None)`), failed (`None`)
/// when present but wrong.
pub fn optional<T>(checked: Option<Option<T>>) -> Option<Option<T>> {
    match checked {
        None => Some(None),
        Some(value) => value.map(Some),
    }
}
