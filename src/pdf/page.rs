//! Running header and footer, added once every page exists so "page X of Y" is known.
//!
//! Entry point: [`decorate`]. The header (logo, title, case number) starts on page 2,
//! as the title page has its own title block; the footer (date, page X of Y) is on every
//! page; a draft says so across every page. All of it is artifact, not content.

use super::PdfError;
use super::frame::{Glyphs, Item, Page, Rect};
use super::images::Picture;
use super::style::{self, MM};
use crate::doc::Meta;
use crate::text::{Face, Shaper};

/// Space between the header logo and the title.
const LOGO_GAP: f32 = 3.0 * MM;
/// The draft mark's size and its angle, the page's diagonal.
const DRAFT_SIZE: f32 = 96.0;

pub fn decorate(
    pages: &mut [Page],
    meta: &Meta,
    draft: bool,
    shaper: &Shaper,
) -> Result<(), PdfError> {
    let logo = header_logo(meta)?;
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        if index > 0 {
            page.header = header(meta, logo.as_ref(), shaper);
        }
        page.footer = footer(meta, index + 1, total, shaper);
        if draft {
            page.watermark = vec![draft_mark(&meta.labels.draft, shaper)];
        }
    }
    Ok(())
}

fn header_logo(meta: &Meta) -> Result<Option<(Picture, f32, f32)>, PdfError> {
    let Some(image) = &meta.header_logo else {
        return Ok(None);
    };
    let picture = Picture::load(image).map_err(|why| PdfError::Image {
        alt: image.alt.clone(),
        why,
    })?;
    let h = image.height_mm * MM;
    let w = (h * picture.aspect()).min(style::CONTENT_WIDTH / 4.0);
    Ok(Some((picture, w, h)))
}

fn text(shaper: &Shaper, text: &str, face: Face) -> Glyphs {
    Glyphs {
        face,
        size: style::SMALL_SIZE,
        color: style::MUTED,
        glyphs: shaper.shape(face, text),
        text: text.to_string(),
    }
}

fn header(meta: &Meta, logo: Option<&(Picture, f32, f32)>, shaper: &Shaper) -> Vec<Item> {
    let left = style::MARGIN_X;
    let right = style::PAGE_WIDTH - style::MARGIN_X;
    let mut items = Vec::new();
    let mut title_x = left;
    if let Some((picture, w, h)) = logo {
        let rect = Rect {
            x: left,
            y: style::HEADER_BASELINE + 1.5 - h,
            w: *w,
            h: *h,
        };
        items.push(Item::Image {
            rect,
            picture: picture.clone(),
            leaf: None,
        });
        title_x += w + LOGO_GAP;
    }
    let mut title_end = right;
    if let Some(case) = &meta.case_number {
        let case = text(
            shaper,
            &format!("{} {case}", meta.labels.case_number),
            Face::Regular,
        );
        title_end -= case.width() + 12.0;
        items.push(Item::Text {
            x: right - case.width(),
            y: style::HEADER_BASELINE,
            glyphs: case,
            leaf: None,
        });
    }
    let title = fitted(
        text(shaper, &meta.title, Face::Bold),
        title_end - title_x,
        shaper,
    );
    items.push(Item::Text {
        x: title_x,
        y: style::HEADER_BASELINE,
        glyphs: title,
        leaf: None,
    });
    let rule_y = style::HEADER_BASELINE + 4.0;
    items.push(Item::Rule {
        from: (left, rule_y),
        to: (right, rule_y),
        width: 0.5,
        color: style::RULE,
    });
    items
}

/// The text, cut between glyph clusters and ended with an ellipsis when wider than `room`.
fn fitted(full: Glyphs, room: f32, shaper: &Shaper) -> Glyphs {
    if full.width() <= room {
        return full;
    }
    let ellipsis = text(shaper, "…", full.face);
    let room = room - ellipsis.width();
    let mut used = 0.0;
    let mut cut = 0;
    for glyph in &full.glyphs {
        used += glyph.advance * full.size;
        if used > room {
            break;
        }
        cut = glyph.cluster;
    }
    let kept = full.text.get(..cut).unwrap_or_default().trim_end();
    text(shaper, &format!("{kept}…"), full.face)
}

fn footer(meta: &Meta, number: usize, total: usize, shaper: &Shaper) -> Vec<Item> {
    let labels = &meta.labels;
    let page = text(
        shaper,
        &format!("{} {number} {} {total}", labels.page, labels.of),
        Face::Regular,
    );
    let date = text(shaper, &meta.date_text, Face::Regular);
    let x = style::PAGE_WIDTH - style::MARGIN_X - page.width();
    vec![
        Item::Text {
            x: style::MARGIN_X,
            y: style::FOOTER_BASELINE,
            glyphs: date,
            leaf: None,
        },
        Item::Text {
            x,
            y: style::FOOTER_BASELINE,
            glyphs: page,
            leaf: None,
        },
    ]
}

/// "UTKAST" across the page's diagonal, light enough to read the text under it.
fn draft_mark(word: &str, shaper: &Shaper) -> Item {
    let glyphs = Glyphs {
        face: Face::Bold,
        size: DRAFT_SIZE,
        color: style::DRAFT,
        glyphs: shaper.shape(Face::Bold, word),
        text: word.to_string(),
    };
    let angle = -(style::PAGE_HEIGHT).atan2(style::PAGE_WIDTH).to_degrees();
    Item::Rotated {
        center: (style::PAGE_WIDTH / 2.0, style::PAGE_HEIGHT / 2.0),
        angle,
        glyphs,
    }
}
