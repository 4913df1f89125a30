//! Running header and footer, added once every page exists so "page X of Y" is known.
//!
//! Entry point: [`decorate`]. The header (logo, title, case number) starts on page 2,
//! as the title page has its own title block; the footer (date, page X of Y) is on every
//! page; a draft says so across every page. All of it is artifact, not content.

use super::PdfError;
use super::frame::{Glyphs, Item, Page, Rect};
use super::images::Picture;
use super::style::{self, Look, MM};
use crate::doc::Meta;
use crate::text::{Face, Shaper};

/// Space between the header logo and the title.
const LOGO_GAP: f32 = 3.0 * MM;
/// The draft mark's size and its angle, the page's diagonal.
const DRAFT_SIZE: f32 = 96.0;

pub fn decorate(
    pages: &mut [Page],
    meta: &Meta,
    look: &Look,
    draft: bool,
    shaper: &Shaper,
) -> Result<(), PdfError> {
    let logo = header_logo(meta, look)?;
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        if index > 0 {
            page.header = header(meta, look, logo.as_ref(), shaper);
        }
        page.footer = footer(meta, look, index + 1, total, shaper);
        if draft {
            page.watermark = vec![draft_mark(look, &meta.labels.draft, shaper)];
        }
    }
    Ok(())
}

fn header_logo(meta: &Meta, look: &Look) -> Result<Option<(Picture, f32, f32)>, PdfError> {
    let Some(image) = &meta.header_logo else {
        return Ok(None);
    };
    let options = crate::image::svg_options_with(&meta.style.font_files());
    let picture = Picture::load(image, &options).map_err(|why| PdfError::Image {
        alt: image.alt.clone(),
        why,
    })?;
    let h = image.height_mm * MM;
    let w = (h * picture.aspect()).min(look.content_width / 4.0);
    Ok(Some((picture, w, h)))
}

fn text(look: &Look, shaper: &Shaper, text: &str, face: Face) -> Glyphs {
    Glyphs {
        face,
        size: look.style.sizes.small_pt,
        color: look.style.colours.muted,
        glyphs: shaper.shape(face, text),
        text: text.to_string(),
    }
}

fn header(
    meta: &Meta,
    look: &Look,
    logo: Option<&(Picture, f32, f32)>,
    shaper: &Shaper,
) -> Vec<Item> {
    let left = look.margin_left;
    let right = look.right();
    let mut items = Vec::new();
    let mut title_x = left;
    if let Some((picture, w, h)) = logo {
        let rect = Rect {
            x: left,
            y: look.header_baseline + 1.5 - h,
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
            look,
            shaper,
            &format!("{} {case}", meta.labels.case_number),
            Face::Regular,
        );
        title_end -= case.width() + 12.0;
        items.push(Item::Text {
            x: right - case.width(),
            y: look.header_baseline,
            glyphs: case,
            leaf: None,
        });
    }
    let title = fitted(
        look,
        text(look, shaper, &meta.title, Face::Bold),
        title_end - title_x,
        shaper,
    );
    items.push(Item::Text {
        x: title_x,
        y: look.header_baseline,
        glyphs: title,
        leaf: None,
    });
    let rule_y = look.header_baseline + 4.0;
    items.push(Item::Rule {
        from: (left, rule_y),
        to: (right, rule_y),
        width: 0.5,
        color: look.style.colours.rule,
    });
    items
}

/// The text, cut between glyph clusters and ended with an ellipsis when wider than `room`.
fn fitted(look: &Look, full: Glyphs, room: f32, shaper: &Shaper) -> Glyphs {
    if full.width() <= room {
        return full;
    }
    let ellipsis = text(look, shaper, "…", full.face);
    let room = room - ellipsis.width();
    let mut used = 0.0;
    let mut cut = 0;
    for glyph in &full.glyphs {
        used += glyph.advance * full.size;
        if used > room {
            break;
        }
        cut = glyph.offset();
    }
    let kept = full.text.get(..cut).unwrap_or_default().trim_end();
    text(look, shaper, &format!("{kept}…"), full.face)
}

fn footer(meta: &Meta, look: &Look, number: usize, total: usize, shaper: &Shaper) -> Vec<Item> {
    let labels = &meta.labels;
    let page = text(
        look,
        shaper,
        &format!("{} {number} {} {total}", labels.page, labels.of),
        Face::Regular,
    );
    let date = text(look, shaper, &meta.date_text, Face::Regular);
    let x = look.right() - page.width();
    vec![
        Item::Text {
            x: look.margin_left,
            y: look.footer_baseline,
            glyphs: date,
            leaf: None,
        },
        Item::Text {
            x,
            y: look.footer_baseline,
            glyphs: page,
            leaf: None,
        },
    ]
}

/// "UTKAST" across the page's diagonal, light enough to read the text under it.
fn draft_mark(look: &Look, word: &str, shaper: &Shaper) -> Item {
    let glyphs = Glyphs {
        face: Face::Bold,
        size: DRAFT_SIZE,
        color: style::DRAFT,
        glyphs: shaper.shape(Face::Bold, word),
        text: word.to_string(),
    };
    let angle = -(look.page_height).atan2(look.page_width).to_degrees();
    Item::Rotated {
        center: (look.page_width / 2.0, look.page_height / 2.0),
        angle,
        glyphs,
    }
}
