//! A quick pass over the YAML events that refuses pathological shapes before deserializing.
//!
//! Entry point: [`check_shape`]. Deserialization stops at the first value of the wrong type,
//! which may come before the trouble; this pass sees the whole file whatever the types, so
//! an alias bomb or absurd nesting always gets its own message and position. YAML that
//! does not parse at all is explained by `syntax`.

mod syntax;

use crate::diag::{Diagnostic, Position};
use crate::report::Language;
use crate::report::problems::Problem;
use serde_saphyr::granit_parser::{self, ErrorKind, Event, Marker, Parser, ScanError, Span};
use std::collections::HashMap;
use std::path::Path;

/// A report nests six levels (report, list, item, metrics, metric, history); 64 is far
/// beyond that and keeps recursion in the deserializer shallow.
pub const MAX_DEPTH: usize = 64;

/// Nodes that aliases may add. A report may reuse a block a few times; a hundred thousand
/// nodes from aliases is no report but an "alias bomb", yet cheap to count up to.
pub const MAX_ALIAS_NODES: u64 = 100_000;

/// Refuses YAML that does not parse, nests deeper than [`MAX_DEPTH`] or expands aliases
/// beyond [`MAX_ALIAS_NODES`], in `language`. Each event is also shown to `visit`, so that
/// another walk over them needs no parse of its own; after an error, none is.
pub fn check_shape(
    path: &Path,
    text: &str,
    language: Language,
    mut visit: impl FnMut(&Event, &Span),
) -> Result<(), Diagnostic> {
    // The scanner reads flow collections ahead of the events, so it must stop at the
    // same depth for the message to be ours rather than a generic recursion error.
    let limits = granit_parser::options! {
        flow_nesting_limit: MAX_DEPTH,
        block_nesting_limit: MAX_DEPTH,
    };
    let mut walk = Walk::default();
    for item in Parser::new_from_str_with_options(text, limits) {
        let (event, span) = item.map_err(|e| {
            let (problem, at) = syntax_error(text, &e);
            problem.diagnostic(path, Some(at), language)
        })?;
        walk.step(&event)
            .map_err(|problem| problem.diagnostic(path, Some(position(&span.start)), language))?;
        visit(&event, &span);
    }
    Ok(())
}

/// Counts nodes as if every alias were expanded, without expanding anything.
#[derive(Default)]
struct Walk {
    /// Open collections: their anchor id (0 for none) and the node count when they opened.
    open: Vec<(usize, u64)>,
    /// Expanded size of each anchored node seen so far.
    anchored: HashMap<usize, u64>,
    nodes: u64,
    from_aliases: u64,
}

impl Walk {
    fn step(&mut self, event: &Event) -> Result<(), Problem> {
        match *event {
            Event::SequenceStart(_, anchor, _) | Event::MappingStart(_, anchor, _) => {
                if self.open.len() >= MAX_DEPTH {
                    return Err(TOO_DEEP);
                }
                self.nodes += 1;
                self.open.push((anchor, self.nodes));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, opened)) = self.open.pop() {
                    self.remember(anchor, self.nodes - opened + 1);
                }
            }
            Event::Scalar(_, _, anchor, _) => {
                self.nodes += 1;
                self.remember(anchor, 1);
            }
            Event::Alias(anchor) => self.expand(anchor)?,
            _ => {}
        }
        Ok(())
    }

    fn remember(&mut self, anchor: usize, size: u64) {
        if anchor != 0 {
            self.anchored.insert(anchor, size);
        }
    }

    fn expand(&mut self, anchor: usize) -> Result<(), Problem> {
        let size = self.anchored.get(&anchor).copied().unwrap_or(1);
        self.nodes += size;
        self.from_aliases += size;
        if self.from_aliases > MAX_ALIAS_NODES {
            return Err(Problem::AliasBomb {
                values: MAX_ALIAS_NODES,
            });
        }
        Ok(())
    }
}

pub const TOO_DEEP: Problem = Problem::TooDeep { levels: MAX_DEPTH };

fn syntax_error(text: &str, error: &ScanError) -> (Problem, Position) {
    if matches!(error.kind(), ErrorKind::RecursionLimitExceeded) {
        return (TOO_DEEP, position(error.marker()));
    }
    let (mistake, at) = syntax::explain(text, error);
    (Problem::Syntax(mistake), at)
}

/// The parser counts columns from 0, in characters.
pub fn position(marker: &Marker) -> Position {
    Position {
        line: marker.line(),
        column: marker.col() + 1,
    }
}
