//! Running header and footer, added once every page exists so "page X of Y" is known.
//!
//! Entry point: [`decorate`]. The header (title and case number) starts on page 2, the
//! title page has its own title block; the footer numbers every page.

use super::frame::{Glyphs, Item, Page};
use super::style;
use crate::doc::Meta;
use crate::text::{Face, Shaper};

pub fn decorate(pages: &mut [Page], meta: &Meta, shaper: &Shaper) {
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        if index > 0 {
            page.header = header(meta, shaper);
        }
        page.footer = footer(meta, index + 1, total, shaper);
    }
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

fn header(meta: &Meta, shaper: &Shaper) -> Vec<Item> {
    let left = style::MARGIN_X;
    let right = style::PAGE_WIDTH - style::MARGIN_X;
    let mut items = Vec::new();
    let mut title_room = style::CONTENT_WIDTH;
    if let Some(case) = &meta.case_number {
        let case = text(
            shaper,
            &format!("{} {case}", meta.labels.case_number),
            Face::Regular,
        );
        title_room -= case.width() + 12.0;
        items.push(Item::Text {
            x: right - case.width(),
            y: style::HEADER_BASELINE,
            glyphs: case,
            leaf: None,
        });
    }
    let title = fitted(shaper, &meta.title, title_room);
    items.push(Item::Text {
        x: left,
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

/// The title, shortened with an ellipsis when it would run into the case number.
fn fitted(shaper: &Shaper, title: &str, room: f32) -> Glyphs {
    let full = text(shaper, title, Face::Bold);
    if full.width() <= room {
        return full;
    }
    let mut chars: Vec<char> = title.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate = format!("{}…", chars.iter().collect::<String>().trim_end());
        let glyphs = text(shaper, &candidate, Face::Bold);
        if glyphs.width() <= room {
            return glyphs;
        }
    }
    text(shaper, "…", Face::Bold)
}

fn footer(meta: &Meta, number: usize, total: usize, shaper: &Shaper) -> Vec<Item> {
    let labels = &meta.labels;
    let page = text(
        shaper,
        &format!("{} {number} {} {total}", labels.page, labels.of),
        Face::Regular,
    );
    let x = style::PAGE_WIDTH - style::MARGIN_X - page.width();
    vec![Item::Text {
        x,
        y: style::FOOTER_BASELINE,
        glyphs: page,
        leaf: None,
    }]
}
