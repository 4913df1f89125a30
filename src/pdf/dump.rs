//! Laid-out pages as text: every drawn line of text and every picture with its rounded
//! position, so a change in line breaking or pagination shows as a readable diff.

use super::frame::{Item, Page};
use super::refs::PageNumbers;
use std::fmt::Write as _;

pub fn pages(pages: &[Page], numbers: &PageNumbers) -> String {
    let mut out = String::new();
    for (index, page) in pages.iter().enumerate() {
        let _ = writeln!(out, "== page {}", index + 1);
        for (layer, items) in [
            ("header", &page.header),
            ("body", &page.body),
            ("footer", &page.footer),
        ] {
            for item in items {
                if let Some(line) = describe(item, numbers) {
                    let _ = writeln!(out, "{layer:6} {line}");
                }
            }
        }
    }
    out
}

fn describe(item: &Item, numbers: &PageNumbers) -> Option<String> {
    match item {
        Item::PageNumber { .. } => describe(&numbers.text(item)?, numbers),
        // The soft hyphen of a hyphenated word is drawn as a hyphen; show it so.
        Item::Text { x, y, glyphs, .. } => Some(format!(
            "{x:5.0} {y:5.0} {}",
            glyphs.text.replace('\u{ad}', "-")
        )),
        Item::Image { rect, .. } => Some(format!(
            "{:5.0} {:5.0} [picture {:.0}×{:.0}]",
            rect.x, rect.y, rect.w, rect.h
        )),
        _ => None,
    }
}
