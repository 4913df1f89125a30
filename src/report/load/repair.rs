//! Every value of the wrong type in one run, not only the first. Deserializing stops at
//! the first list where a text belongs, text where a map belongs or repeated key, yet an
//! official who made three such mistakes wants to hear of all three at once.
//!
//! Entry point: [`deserialize`]. After each error the offending value is replaced, in a
//! copy of the text, by an empty one of the shape the format expects there (`""`, `[]`,
//! `{}`; a repeated key is blanked out with its value), keeping the lines and columns of
//! everything else, and the copy is read again. Once it reads, validation checks it too;
//! its problems count except those at a placeholder, which the placeholder caused.

use super::{input, options, yaml_error};
use crate::diag::{Diagnostic, Position};
use crate::report::Language;
use crate::report::problems::{Expected, Found, Problem};
use crate::report::raw::RawReport;
use crate::report::validate::validate;
use serde_saphyr::Spanned;
use serde_saphyr::granit_parser::{Event, Parser, StructureStyle};
use std::ops::{Range, RangeInclusive};
use std::path::Path;

/// Reads of one file at most, each finding one more error: more mistakes than anyone
/// fixes at one sitting.
const MAX_PASSES: usize = 50;

/// Bytes read in all passes together: a real report of a hundred kilobytes gets its fifty
/// passes, while a file of the largest size full of mistakes costs five rather than fifty.
const MAX_BYTES_READ: usize = 5 * input::MAX_FILE_BYTES as usize;

/// The raw mirror of `text`, or every error in it worded in `language`: each value of the
/// wrong type and repeated key, with what validation finds in the rest of the file.
pub fn deserialize(
    path: &Path,
    text: &str,
    language: Language,
) -> Result<Spanned<RawReport>, Vec<Diagnostic>> {
    let mut repair = Repair {
        text: text.to_owned(),
        errors: Vec::new(),
        placeholders: Vec::new(),
    };
    let passes = (MAX_BYTES_READ / text.len().max(1)).clamp(1, MAX_PASSES);
    for _ in 0..passes {
        let error = match serde_saphyr::from_str_with_options(&repair.text, options()) {
            Ok(raw) if repair.errors.is_empty() => return Ok(raw),
            Ok(raw) => return Err(repair.with_validation(raw, path, language)),
            Err(error) => error,
        };
        let (problem, at) = yaml_error::problem(&error);
        // An error at a placeholder means it did not fit: going on would find it again.
        if repair.is_placeholder(at) {
            break;
        }
        let start = error
            .location()
            .and_then(|l| usize::try_from(l.span().byte_offset()?).ok());
        let problem = match start {
            Some(start) => described(problem, &repair.text, start),
            None => problem,
        };
        repair.errors.push(problem.diagnostic(path, at, language));
        let replaced = match (fix(&problem), start) {
            (Some(fix), Some(start)) => repair.replace(fix, start),
            _ => false,
        };
        if !replaced {
            break;
        }
    }
    Err(repair.errors)
}

/// A wrong type named with the field it stands in and what was written there, read from
/// the text at byte `start`, where the value begins; other problems as they are.
fn described(problem: Problem, text: &str, start: usize) -> Problem {
    match problem {
        Problem::WrongType {
            field: None,
            expected,
            found: None,
        } => Problem::WrongType {
            field: field_at(text, start),
            expected,
            found: found_at(text, start),
        },
        other => other,
    }
}

/// The key whose value begins at `start`: on the same line (`title: [a, b]`), or on the
/// line above for a value written below its key.
fn field_at(text: &str, start: usize) -> Option<String> {
    let before = text.get(..start)?;
    let mut lines = before.rsplit('\n');
    let mut head = lines.next()?.trim().trim_end_matches('-').trim();
    if head.is_empty() {
        head = lines.find(|line| !line.trim().is_empty())?.trim();
    }
    let key = head
        .strip_prefix("- ")
        .unwrap_or(head)
        .strip_suffix(':')?
        .trim();
    let is_key = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || "_-".contains(c));
    is_key.then(|| key.to_owned())
}

/// What is written at `start`: a list, a map, or a text (its first line, shortened). A
/// list's first item is where the reader points for a list written level with its key.
fn found_at(text: &str, start: usize) -> Option<Found> {
    /// Longer texts are cut: the caret shows the rest.
    const SHOWN: usize = 40;
    let before = text.get(..start)?.rsplit('\n').next()?.trim();
    let line = text.get(start..)?.trim_start().lines().next()?.trim_end();
    if before == "-" && !line.contains(": ") {
        return Some(Found::List);
    }
    Some(match line.chars().next()? {
        '[' | '-' => Found::List,
        '{' => Found::Map,
        _ if line.contains(": ") || line.ends_with(':') => Found::Map,
        _ => Found::Text(line.chars().take(SHOWN).collect()),
    })
}

/// The text as repaired so far, the errors found in it and where the placeholders stand.
struct Repair {
    text: String,
    errors: Vec<Diagnostic>,
    placeholders: Vec<RangeInclusive<Position>>,
}

/// What replaces the value an error points at, and how many nodes from there it spans:
/// the value, or a repeated key and its value.
#[derive(Clone, Copy)]
struct Fix {
    placeholder: &'static str,
    nodes: usize,
}

fn fix(problem: &Problem) -> Option<Fix> {
    let placeholder = match problem {
        Problem::WrongType {
            expected: Expected::List,
            ..
        } => "[]",
        Problem::WrongType {
            expected: Expected::Map,
            ..
        } => "{}",
        Problem::WrongType { .. } | Problem::NoText => "\"\"",
        Problem::DuplicateKey { .. } => {
            return Some(Fix {
                placeholder: "",
                nodes: 2,
            });
        }
        _ => return None,
    };
    Some(Fix {
        placeholder,
        nodes: 1,
    })
}

impl Repair {
    fn is_placeholder(&self, at: Option<Position>) -> bool {
        at.is_some_and(|at| self.placeholders.iter().any(|range| range.contains(&at)))
    }

    /// Applies `fix` to the value at byte `start`; false when there is none or the result
    /// would not be YAML (a blanked key between two others in `{a: 1, a: 2, b: 3}`).
    fn replace(&mut self, fix: Fix, start: usize) -> bool {
        let Some(range) = extent(&self.text, start, fix.nodes) else {
            return false;
        };
        let replacement = replacement(&self.text, range.clone(), fix.placeholder);
        let mut repaired = self.text.clone();
        repaired.replace_range(range.clone(), &replacement);
        if Parser::new_from_str(&repaired).any(|event| event.is_err()) {
            return false;
        }
        let end = range.start + replacement.len();
        let from = Position::after(&repaired[..range.start]);
        self.placeholders
            .push(from..=Position::after(&repaired[..end]));
        self.text = repaired;
        true
    }

    /// The errors found, with those validation finds in the repaired file away from the
    /// placeholders, in file order.
    fn with_validation(
        mut self,
        raw: Spanned<RawReport>,
        path: &Path,
        language: Language,
    ) -> Vec<Diagnostic> {
        let found = validate(raw, path, &self.text, language).err();
        let elsewhere: Vec<Diagnostic> = found
            .into_iter()
            .flatten()
            .filter(|d| !self.is_placeholder(d.position))
            .collect();
        self.errors.extend(elsewhere);
        self.errors.sort_by_key(|d| d.position);
        self.errors
    }
}

/// The bytes of `nodes` nodes in a row, the first starting at byte `start`, without the
/// blanks after them.
fn extent(text: &str, start: usize, nodes: usize) -> Option<Range<usize>> {
    let events = Parser::new_from_str(text).map_while(Result::ok);
    let mut from_start = events
        .skip_while(|(event, span)| {
            !(starts_node(event) && span.byte_range().is_some_and(|r| r.start == start))
        })
        .peekable();
    let start = match from_start.peek()? {
        (Event::SequenceStart(StructureStyle::Block, ..), _) => first_dash(text, start),
        _ => start,
    };
    let (mut depth, mut left) = (0usize, nodes);
    for (event, span) in from_start {
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
            // Ending the collection around them: fewer than `nodes` were left in it.
            Event::SequenceEnd | Event::MappingEnd => depth = depth.checked_sub(1)?,
            Event::Scalar(..) | Event::Alias(_) => {}
            _ => return None,
        }
        if depth == 0 {
            left -= 1;
            if left == 0 {
                let written = text.get(start..span.byte_range()?.end)?.trim_end();
                return Some(start..start + written.len());
            }
        }
    }
    None
}

/// Where the block list at `start` begins: a list written level with its key (`- a` under
/// `title:`) begins, for the parser, at its first item's value, but the placeholder must
/// replace it from its first `-`.
fn first_dash(text: &str, start: usize) -> usize {
    if text[start..].starts_with('-') {
        return start;
    }
    let before = text[..start].trim_end_matches(' ');
    before.strip_suffix('-').map_or(start, str::len)
}

fn starts_node(event: &Event) -> bool {
    matches!(
        event,
        Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) | Event::Alias(_)
    )
}

/// `placeholder` followed by the written text blanked out with its line ends kept, so that
/// what follows stays on its line and column. A value alone on its line gets a space
/// before it, to stay indented under its key even when written level with it (`- a`).
fn replacement(text: &str, range: Range<usize>, placeholder: &str) -> String {
    let line_start = text[..range.start]
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    let alone = !placeholder.is_empty() && text[line_start..range.start].trim().is_empty();
    let written = if alone {
        format!(" {placeholder}")
    } else {
        placeholder.to_owned()
    };
    let blanked: String = text[range]
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { c } else { ' ' })
        .collect();
    let first_line = blanked.find(['\n', '\r']).unwrap_or(blanked.len());
    let covered = written.len().min(first_line);
    written + &blanked[covered..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fields a report needs, after the snippet tested so that its lines stay.
    const REQUIRED: &str = "programme: P\nperiod: {year: 2023, quarter: 1}\n\
        organisations: [{name: K}]\nfocus_areas: [{id: a, title: A}]\n";

    /// Where the errors found in `snippet` point.
    fn errors_at(snippet: &str) -> Vec<(usize, usize)> {
        let text = format!("{snippet}{REQUIRED}");
        let errors = deserialize(Path::new("r.yaml"), &text, Language::En).expect_err("errors");
        let at = |d: &Diagnostic| d.position.map(|p| (p.line, p.column));
        errors.iter().filter_map(at).collect()
    }

    #[test]
    fn lines_and_columns_stay_after_a_repair() {
        let text = "title:\n  - Jönköping\n  - åtta\nsummary: {a: b}\nbackground: [c]\n";
        assert_eq!(errors_at(text), [(2, 3), (4, 10), (5, 13)]);
    }

    #[test]
    fn a_list_level_with_its_key_is_replaced_from_its_first_dash() {
        let text = "summary:\n- Första\n- Andra\ndecision: [c]\n";
        assert_eq!(errors_at(text), [(2, 3), (4, 11)]);
    }

    #[test]
    fn a_placeholder_that_does_not_fit_ends_the_search() {
        // The tag stays before the placeholder, which is then as wrong as the value was.
        assert_eq!(errors_at("title: !!int 5\nsummary: [a]\n"), [(1, 14)]);
    }

    #[test]
    fn a_repair_that_would_break_the_yaml_ends_the_search() {
        let text = "period: {year: 2023, year: 2024, quarter: 1}\ntitle: [a]\n";
        assert_eq!(errors_at(text), [(1, 22)]);
    }

    #[test]
    fn the_search_ends_after_fifty_errors() {
        let items = "  - title: [x]\n".repeat(MAX_PASSES + 10);
        let errors = errors_at(&format!("activities:\n{items}"));
        assert_eq!(errors.len(), MAX_PASSES);
        assert_eq!(errors[MAX_PASSES - 1], (MAX_PASSES + 1, 12));
    }

    #[test]
    fn a_wrong_type_names_its_field_and_what_was_written() {
        let text = "title: [a, b]\nsummary:\n- first\nmeeting: Board\n";
        let at = |needle: &str| text.find(needle).expect("in the text");
        assert_eq!(field_at(text, at("[a")), Some("title".to_owned()));
        assert!(matches!(found_at(text, at("[a")), Some(Found::List)));
        assert_eq!(field_at(text, at("first")), Some("summary".to_owned()));
        assert!(matches!(found_at(text, at("first")), Some(Found::List)));
        assert_eq!(field_at(text, at("Board")), Some("meeting".to_owned()));
        assert!(matches!(found_at(text, at("Board")), Some(Found::Text(t)) if t == "Board"));
        assert!(matches!(found_at("x: {a: 1}", 3), Some(Found::Map)));
        assert_eq!(field_at("  - [a]", 4), None, "no key before a list item");
    }
}
