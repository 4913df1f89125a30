//! Laid-out content: what is drawn where, before it becomes PDF.
//!
//! Block layout produces [`Row`]s (positions relative to the row's top), pagination
//! places them on [`Page`]s. Each drawn item names the structure leaf it belongs to,
//! or none when it is decoration (an artifact).

use super::images::Picture;
use super::tags::Leaf;
use crate::doc::Rgb;
use crate::text::{Face, ShapedGlyph};

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Shaped glyphs in one face, size and colour, with the text they stand for.
#[derive(Debug, Clone)]
pub struct Glyphs {
    pub face: Face,
    pub size: f32,
    pub color: Rgb,
    pub glyphs: Vec<ShapedGlyph>,
    /// The text the glyphs' clusters index into; what copy-paste gives back.
    pub text: String,
}

impl Glyphs {
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum::<f32>() * self.size
    }

    /// Where the text glyph `index` stands for ends: at the next greater cluster offset,
    /// or at the end of the text. A cluster of several glyphs, or a glyph for several
    /// characters, stands for all of it; this is the text copy-paste gives and validation
    /// checks.
    pub fn text_end(&self, index: usize) -> usize {
        let start = self.glyphs[index].offset();
        self.glyphs[index..]
            .iter()
            .map(ShapedGlyph::offset)
            .find(|&c| c > start)
            .unwrap_or(self.text.len())
    }
}

#[derive(Debug, Clone)]
pub enum Item {
    /// Text starting at `x` on the baseline `y`; `leaf: None` marks an artifact.
    Text {
        x: f32,
        y: f32,
        glyphs: Glyphs,
        leaf: Option<Leaf>,
    },
    /// A filled rectangle (badge or cell background): always an artifact.
    Fill { rect: Rect, color: Rgb },
    /// A line (table rule, signature line): always an artifact.
    Rule {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A path or a dot of a chart at (`x`, `y`), part of the chart's figure.
    Vector {
        x: f32,
        y: f32,
        shape: Shape,
        leaf: Option<Leaf>,
    },
    /// A picture; `leaf: None` marks an artifact (the header logo).
    Image {
        rect: Rect,
        picture: Picture,
        leaf: Option<Leaf>,
    },
    /// Text centred on `center` and turned by `angle` degrees: the draft mark, an artifact.
    Rotated {
        center: (f32, f32),
        angle: f32,
        glyphs: Glyphs,
    },
    /// The clickable area of a link; `leaf` places its annotation in the structure.
    Link {
        rect: Rect,
        target: Target,
        alt: String,
        leaf: Leaf,
    },
    /// The page number of the heading with `anchor`, right-aligned at `right`: known once
    /// every heading has its page, and drawn as text then ([`super::refs::PageNumbers`]).
    PageNumber {
        right: f32,
        y: f32,
        anchor: String,
        face: Face,
        size: f32,
        leaf: Leaf,
    },
}

/// A vector mark of a chart, relative to its item's position.
#[derive(Debug, Clone)]
pub enum Shape {
    /// A line through `points`, dashed as `dash` (dash, gap) says when given.
    Path {
        points: Vec<(f32, f32)>,
        colour: Rgb,
        width: f32,
        dash: Option<[f32; 2]>,
    },
    /// A circle around the item's position.
    Dot {
        radius: f32,
        fill: Rgb,
        stroke: Rgb,
        width: f32,
    },
}

/// Where a link leads.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Url(String),
    /// A heading in the document, by its anchor.
    Anchor(String),
}

/// Where each heading landed: its anchor → (page index, y of its top).
pub type Anchors = std::collections::BTreeMap<String, (usize, f32)>;

impl Item {
    /// The top of what the item draws: for text, its baseline less the font size.
    pub fn top(&self) -> f32 {
        match self {
            Item::Text { y, glyphs, .. } => y - glyphs.size,
            Item::PageNumber { y, size, .. } => y - size,
            Item::Rotated { center, .. } => center.1,
            Item::Fill { rect, .. } | Item::Image { rect, .. } | Item::Link { rect, .. } => rect.y,
            Item::Rule { from, to, .. } => from.1.min(to.1),
            Item::Vector { y, shape, .. } => match shape {
                Shape::Path { points, .. } => y + points.iter().map(|p| p.1).fold(0.0, f32::min),
                Shape::Dot { radius, .. } => y - radius,
            },
        }
    }

    /// The structure leaf the item belongs to, if any.
    fn leaf_mut(&mut self) -> Option<&mut Leaf> {
        match self {
            Item::Text { leaf, .. } | Item::Vector { leaf, .. } | Item::Image { leaf, .. } => {
                leaf.as_mut()
            }
            Item::Link { leaf, .. } | Item::PageNumber { leaf, .. } => Some(leaf),
            Item::Fill { .. } | Item::Rule { .. } | Item::Rotated { .. } => None,
        }
    }

    /// The item moved down by `dy`.
    pub fn shifted(mut self, dy: f32) -> Item {
        match &mut self {
            Item::Text { y, .. } | Item::PageNumber { y, .. } | Item::Vector { y, .. } => *y += dy,
            Item::Rotated { center, .. } => center.1 += dy,
            Item::Fill { rect, .. } | Item::Image { rect, .. } | Item::Link { rect, .. } => {
                rect.y += dy
            }
            Item::Rule { from, to, .. } => {
                from.1 += dy;
                to.1 += dy;
            }
        }
        self
    }
}

/// A heading's entry in the PDF outline.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    pub level: u8,
    pub title: String,
    pub anchor: String,
}

/// An unbreakable strip of content, placed on a page as a whole.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub height: f32,
    /// Space above the row, dropped at the top of a page.
    pub space_before: f32,
    /// Items, with y measured from the row's top.
    pub items: Vec<Item>,
    /// How many of the following rows must stay on this row's page: a heading keeps two
    /// lines of what follows, a paragraph's first line keeps the second (no orphan).
    pub keep: usize,
    /// The header row of the table this row belongs to, repeated at the top of a page
    /// the table continues on.
    pub repeat: Option<std::sync::Arc<Row>>,
    pub outline: Option<OutlineEntry>,
    /// Signature fields over this row's signature lines, y from the row's top.
    pub fields: Vec<SignatureField>,
    /// The last line of the paragraph that the heading with this anchor keeps on its page:
    /// where it lands says whether the page broke that paragraph.
    pub kept_end: Option<String>,
    /// The row starts a new page (a forced page break; it draws nothing itself).
    pub page_break: bool,
}

impl Row {
    /// The row as laid out apart and then appended after `first` leaves ([`Leaf::after`]).
    pub fn renumber_leaves(&mut self, first: usize) {
        if first == 0 {
            return;
        }
        for item in &mut self.items {
            if let Some(leaf) = item.leaf_mut() {
                *leaf = leaf.after(first);
            }
        }
        // `repeat`, a table's header drawn again, is made by `as_artifact`: its text and
        // pictures have no leaf, and it has no links.
    }

    /// The row as decoration: its text no longer part of the structure (a repeated
    /// table header is read once, where it first stands), its links gone.
    pub fn as_artifact(&self) -> Row {
        let items = self
            .items
            .iter()
            .filter(|item| !matches!(item, Item::Link { .. }))
            .cloned()
            .map(|item| match item {
                Item::Text { x, y, glyphs, .. } => Item::Text {
                    x,
                    y,
                    glyphs,
                    leaf: None,
                },
                Item::Image { rect, picture, .. } => Item::Image {
                    rect,
                    picture,
                    leaf: None,
                },
                other => other,
            })
            .collect();
        Row {
            items,
            outline: None,
            fields: Vec::new(),
            kept_end: None,
            repeat: None,
            ..self.clone()
        }
    }
}

/// One page: body content plus running header and footer, in page coordinates (y down).
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub body: Vec<Item>,
    pub header: Vec<Item>,
    pub footer: Vec<Item>,
    /// The draft mark, drawn under everything else.
    pub watermark: Vec<Item>,
    /// Outline entries with the y of their heading on this page.
    pub outline: Vec<(OutlineEntry, f32)>,
    /// The anchors of the headings whose kept paragraph ends on this page.
    pub kept_ends: Vec<String>,
    /// Signature fields, y from the page's top.
    pub fields: Vec<SignatureField>,
}

/// An empty signature field for one signatory, over the line they sign on.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureField {
    pub rect: Rect,
    /// Who signs there and in what role, for the field's tooltip and its structure.
    pub signer: String,
}
