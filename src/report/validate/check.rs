//! The state of one validation pass: where to point and the problems found so far.
//!
//! Entry point: [`Check`]; its helpers record a problem and return `None`, so a
//! validation function reads as "take this value if it is fine".

use crate::diag::{Diagnostic, Lines};
use crate::report::Language;
use crate::report::problems::{Among, Listed, Part, Problem};
use crate::report::raw::position;
use crate::report::spans::bytes;
use serde_saphyr::{Location, Spanned};
use std::collections::HashMap;
use std::path::Path;

pub struct Check<'a> {
    pub path: &'a Path,
    /// The file's lines, for pointing inside Markdown blocks.
    pub lines: Lines<'a>,
    /// The language the messages are worded in.
    pub language: Language,
    pub errors: Vec<Diagnostic>,
}

impl<'a> Check<'a> {
    pub fn new(path: &'a Path, source: &'a str, language: Language) -> Self {
        Check {
            path,
            lines: Lines::new(source),
            language,
            errors: Vec::new(),
        }
    }

    /// Records a problem at `at` and returns it, so its position can be refined.
    pub fn error(&mut self, at: &Location, problem: Problem) -> &mut Diagnostic {
        let mut diagnostic = problem.diagnostic(self.path, position(at), self.language);
        // Underline the whole value the problem is about, not its first character.
        let end = bytes(at).map(|range| self.lines.position(range.end));
        diagnostic.end = end.filter(|end| diagnostic.position.is_some_and(|start| *end > start));
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
        part: Part,
    ) -> Option<T> {
        if value.is_none() {
            let field = field.to_owned();
            self.error(map, Problem::Missing { field, part });
        }
        value
    }

    /// `value`, or the problem `problem` gives at `at`.
    pub fn expect<T>(
        &mut self,
        value: Option<T>,
        at: &Location,
        problem: impl FnOnce() -> Problem,
    ) -> Option<T> {
        if value.is_none() {
            self.error(at, problem());
        }
        value
    }

    /// Records a problem when the required list `which` is empty.
    pub fn non_empty<T>(&mut self, list: &Spanned<Vec<T>>, which: Listed) {
        if list.value.is_empty() {
            self.error(&list.referenced, Problem::EmptyList(which));
        }
    }

    /// Records a problem when `id` was already used among `seen`; `among` names the kind.
    pub fn unique(&mut self, seen: &mut Ids, id: &Spanned<String>, among: Among) {
        match seen.0.get(&id.value) {
            Some(first) => {
                let problem = Problem::DuplicateId {
                    id: id.value.clone(),
                    among,
                    first_line: first.line() as usize,
                };
                self.error(&id.referenced, problem);
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

impl Ids {
    /// How many distinct ids were taken.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

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
