//! The table of contents: each section heading with dot leaders and its page number,
//! the whole entry a link to the heading. Page numbers are filled in after pagination.

use super::{Align, Layouter, stack};
use crate::doc::{self, Block, Run};
use crate::pdf::frame::{Glyphs, Item, Rect, Row, Target};
use crate::pdf::tags::{Kind, Tags};
use crate::text::Face;

/// Room kept at the right for page numbers up to three digits.
const NUMBER_ROOM: f32 = 22.0;
/// Extra indent of a subsection's entry.
const LEVEL_INDENT: f32 = 12.0;
/// The anchor of the contents' own title, which it does not list.
pub const ANCHOR: &str = "kvartal-contents";

#[derive(Debug, Clone)]
pub struct Entry {
    level: u8,
    pub(super) runs: Vec<Run>,
    anchor: String,
}

/// The entries of `blocks`' table of contents. Entries are plain text: links inside a
/// heading would nest links.
pub fn entries(blocks: &[Block]) -> Vec<Entry> {
    doc::contents(blocks)
        .into_iter()
        .map(|entry| Entry {
            level: entry.level,
            runs: vec![Run::plain(&entry.text)],
            anchor: entry.anchor.to_string(),
        })
        .collect()
}

impl Layouter<'_, '_> {
    pub(super) fn contents(&mut self, title: &str) {
        let runs = [Run::plain(title)];
        self.heading(2, &runs, ANCHOR);
        let entries = self.contents;
        Tags::group(self, Kind::Contents, |l| {
            for entry in entries {
                let row = Tags::group(l, Kind::ContentsItem, |l| {
                    Tags::group(l, Kind::Link, |l| l.contents_entry(entry))
                });
                l.rows.push(row);
            }
        });
    }

    fn contents_entry(&mut self, entry: &Entry) -> Row {
        let indent = if entry.level == 3 { LEVEL_INDENT } else { 0.0 };
        let text_style = self.text_style(
            self.look.style.sizes.body_pt,
            self.look.style.colours.text,
            entry.level == 2,
        );
        let (x, width) = (self.x + indent, self.width - indent - NUMBER_ROOM);
        let lines = self.within(x, width, |l| {
            l.text_rows(&entry.runs, &text_style, Align::Start)
        });
        let last_line_end = lines.last().map_or(x, |row| text_end(row).unwrap_or(x));
        let mut row = stack(lines);
        let baseline = row
            .items
            .iter()
            .rev()
            .find_map(|item| match item {
                Item::Text { y, .. } => Some(*y),
                _ => None,
            })
            .unwrap_or(self.look.style.sizes.body_pt);
        let right = self.x + self.width;
        let face = if entry.level == 2 {
            Face::Bold
        } else {
            Face::Regular
        };
        row.items
            .extend(self.leader(last_line_end + 4.0, right - NUMBER_ROOM, baseline));
        let leaf = self.tags.leaf();
        let number = Item::PageNumber {
            right,
            y: baseline,
            anchor: entry.anchor.clone(),
            face,
            size: self.look.style.sizes.body_pt,
            leaf,
        };
        row.items.push(number);
        let rect = Rect {
            x: self.x,
            y: 0.0,
            w: self.width,
            h: row.height,
        };
        let link = self.tags.leaf();
        let alt: String = entry.runs.iter().map(|r| r.text.as_str()).collect();
        row.items.push(Item::Link {
            rect,
            target: Target::Anchor(entry.anchor.clone()),
            alt,
            leaf: link,
        });
        row.space_before = if entry.level == 2 {
            self.look.style.spacing.paragraph_pt / 2.0
        } else {
            0.0
        };
        row
    }

    /// Dot leaders from `from` to `to`: decoration, so an artifact.
    fn leader(&self, from: f32, to: f32, baseline: f32) -> Option<Item> {
        let dot = self
            .shaper
            .width(Face::Regular, ". ", self.look.style.sizes.body_pt);
        let count = ((to - from) / dot).floor();
        if count < 1.0 {
            return None;
        }
        let text = ". ".repeat(count as usize);
        let glyphs = Glyphs {
            face: Face::Regular,
            size: self.look.style.sizes.body_pt,
            color: self.look.style.colours.muted,
            glyphs: self.shaper.shape(Face::Regular, &text),
            text,
        };
        let x = to - glyphs.width();
        Some(Item::Text {
            x,
            y: baseline,
            glyphs,
            leaf: None,
        })
    }
}

/// Where the text of a one-line row ends.
fn text_end(row: &Row) -> Option<f32> {
    row.items
        .iter()
        .filter_map(|item| match item {
            Item::Text { x, glyphs, .. } => Some(x + glyphs.width()),
            _ => None,
        })
        .reduce(f32::max)
}
