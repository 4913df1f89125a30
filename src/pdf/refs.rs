//! Cross-references: where each heading landed, and the page numbers that point at it.
//!
//! Entry points: [`anchors`] once pagination is done, then [`fill_page_numbers`].

use super::frame::{Anchors, Glyphs, Item, Page};
use super::tags::Leaf;
use crate::doc::Rgb;
use crate::text::{Face, Shaper};
use crate::typeset::PageMap;
use std::collections::BTreeSet;

/// Every heading's anchor with its page index and top.
pub fn anchors(pages: &[Page]) -> Anchors {
    let mut anchors = Anchors::new();
    for (index, page) in pages.iter().enumerate() {
        for (entry, y) in &page.outline {
            anchors.entry(entry.anchor.clone()).or_insert((index, *y));
        }
    }
    anchors
}

/// The anchors of the headings whose kept paragraph does not end on the heading's page.
pub fn broken_after(pages: &[Page], anchors: &Anchors) -> BTreeSet<String> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(index, page)| page.kept_ends.iter().map(move |anchor| (index, anchor)))
        .filter(|(index, anchor)| {
            anchors
                .get(anchor.as_str())
                .is_some_and(|(at, _)| at != index)
        })
        .map(|(_, anchor)| anchor.clone())
        .collect()
}

/// The 1-based page of each heading, as a reader counts them.
pub fn page_map(anchors: &Anchors) -> PageMap {
    anchors
        .iter()
        .map(|(anchor, (index, _))| (anchor.clone(), index + 1))
        .collect()
}

/// Replaces every page-number placeholder with the number of the page its heading is on.
pub fn fill_page_numbers(pages: &mut [Page], anchors: &Anchors, color: Rgb, shaper: &Shaper) {
    for page in pages.iter_mut() {
        for item in &mut page.body {
            if let Item::PageNumber {
                right,
                y,
                anchor,
                face,
                size,
                leaf,
            } = item
            {
                let number = anchors
                    .get(anchor.as_str())
                    .map_or(0, |(index, _)| index + 1);
                *item = number_text(number, (*right, *y), (*face, *size, color), *leaf, shaper);
            }
        }
    }
}

/// The page number as text, right-aligned at `at`, in the given face, size and colour.
fn number_text(
    number: usize,
    (right, y): (f32, f32),
    (face, size, color): (Face, f32, Rgb),
    leaf: Leaf,
    shaper: &Shaper,
) -> Item {
    let text = number.to_string();
    let glyphs = Glyphs {
        face,
        size,
        color,
        glyphs: shaper.shape(face, &text),
        text,
    };
    Item::Text {
        x: right - glyphs.width(),
        y,
        glyphs,
        leaf: Some(leaf),
    }
}
