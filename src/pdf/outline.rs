//! The PDF outline (bookmarks), nested as the headings are.
//!
//! Entry point: [`outline`], from the heading positions pagination recorded.

use super::frame::Page;
use krilla::destination::XyzDestination;
use krilla::geom::Point;
use krilla::outline::{Outline, OutlineNode};

struct Entry {
    level: u8,
    node: OutlineNode,
}

pub fn outline(pages: &[Page]) -> Outline {
    let entries: Vec<Entry> = pages
        .iter()
        .enumerate()
        .flat_map(|(index, page)| {
            page.outline.iter().map(move |(entry, y)| Entry {
                level: entry.level,
                node: OutlineNode::new(
                    entry.title.clone(),
                    XyzDestination::new(index, Point::from_xy(0.0, *y)),
                ),
            })
        })
        .collect();
    let mut outline = Outline::new();
    for node in nest(entries) {
        outline.push_child(node);
    }
    outline
}

/// Each entry becomes a child of the nearest earlier entry with a lower level.
fn nest(entries: Vec<Entry>) -> Vec<OutlineNode> {
    let mut stack: Vec<Entry> = Vec::new();
    let mut roots = Vec::new();
    for entry in entries {
        close_until(&mut stack, &mut roots, entry.level);
        stack.push(entry);
    }
    close_until(&mut stack, &mut roots, 0);
    roots
}

/// Closes open entries of `level` or deeper, attaching each to its parent.
fn close_until(stack: &mut Vec<Entry>, roots: &mut Vec<OutlineNode>, level: u8) {
    while stack.last().is_some_and(|top| top.level >= level) {
        let done = stack.pop().expect("checked above");
        match stack.last_mut() {
            Some(parent) => parent.node.push_child(done.node.with_open(true)),
            None => roots.push(done.node.with_open(true)),
        }
    }
}
