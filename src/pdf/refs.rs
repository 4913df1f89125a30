//! Cross-references: where each heading landed, and the page numbers that point at it.
//!
//! Entry points: [`anchors`] once pagination is done, then [`PageNumbers`], which turns
//! each page-number item of the contents into the number's text when it is drawn.

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

/// The page each heading of the contents is on, as the text drawn for its page-number item.
pub struct PageNumbers<'a> {
    anchors: &'a Anchors,
    color: Rgb,
    shaper: &'a Shaper<'a>,
}

impl<'a> PageNumbers<'a> {
    pub fn new(anchors: &'a Anchors, color: Rgb, shaper: &'a Shaper<'a>) -> PageNumbers<'a> {
        PageNumbers {
            anchors,
            color,
            shaper,
        }
    }

    /// The number `item` stands for, as text right-aligned where it stands; `None` for an
    /// item that is no page number.
    pub fn text(&self, item: &Item) -> Option<Item> {
        let Item::PageNumber {
            right,
            y,
            anchor,
            face,
            size,
            leaf,
        } = item
        else {
            return None;
        };
        let number = self
            .anchors
            .get(anchor.as_str())
            .map_or(0, |(index, _)| index + 1);
        let style = (*face, *size, self.color);
        Some(number_text(number, (*right, *y), style, *leaf, self.shaper))
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
