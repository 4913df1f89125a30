//! The PDF's typography and page geometry, in points (1/72 inch).
//!
//! One place for every size and colour the PDF backend uses, so the look can be read
//! and changed without reading the layout code.

use crate::doc::Tone;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const MM: f32 = 72.0 / 25.4;

/// A4 portrait.
pub const PAGE_WIDTH: f32 = 210.0 * MM;
pub const PAGE_HEIGHT: f32 = 297.0 * MM;
/// 25 mm all round: room for binding and for the header and footer lines.
pub const MARGIN_X: f32 = 25.0 * MM;
pub const MARGIN_TOP: f32 = 25.0 * MM;
pub const MARGIN_BOTTOM: f32 = 22.0 * MM;
/// Baselines of the running header and footer, inside the margins.
pub const HEADER_BASELINE: f32 = 14.0 * MM;
pub const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 11.0 * MM;

pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

pub const BODY_SIZE: f32 = 10.5;
/// Leading of 1.35 reads well at body size with Carlito's short descenders.
pub const LINE_HEIGHT: f32 = 1.35;
pub const PARAGRAPH_SPACE: f32 = 6.0;
/// Ragged right reads best in narrow council papers; justified is a style choice.
pub const JUSTIFY: bool = false;
pub const SMALL_SIZE: f32 = 8.5;

pub const TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const MUTED: Rgb = Rgb(0x4a, 0x4f, 0x57);
pub const HEADING: Rgb = Rgb(0x1f, 0x3a, 0x5f);
pub const LINK: Rgb = Rgb(0x0b, 0x4f, 0x9c);
pub const RULE: Rgb = Rgb(0xa8, 0xb3, 0xc2);
pub const TABLE_HEADER_FILL: Rgb = Rgb(0xe6, 0xec, 0xf3);
/// Light enough that the text under the draft mark stays readable.
pub const DRAFT: Rgb = Rgb(0xe4, 0xe4, 0xe4);

/// Size, space above and colour of a heading level (1 = document title).
pub fn heading(level: u8) -> (f32, f32) {
    match level {
        1 => (24.0, 6.0),
        2 => (16.0, 16.0),
        _ => (12.5, 11.0),
    }
}

/// Indentation of each list level and the gap between a label and its text.
pub const LIST_INDENT: f32 = 16.0;

/// Inner padding of table cells.
pub const CELL_PAD_X: f32 = 5.0;
pub const CELL_PAD_Y: f32 = 3.5;

/// Horizontal padding inside a status badge.
pub const BADGE_PAD: f32 = 3.0;

/// Background and text colour of a status badge; every pair has a contrast of at least
/// 7:1 (WCAG AAA), and the badge always prints its status word, so colour is never alone.
pub fn badge(tone: Tone) -> (Rgb, Rgb) {
    match tone {
        Tone::Good => (Rgb(0xd6, 0xf0, 0xdc), Rgb(0x14, 0x53, 0x2d)),
        Tone::Warning => (Rgb(0xfd, 0xec, 0xc8), Rgb(0x6b, 0x3a, 0x00)),
        Tone::Bad => (Rgb(0xf9, 0xd6, 0xd5), Rgb(0x7f, 0x1d, 0x1d)),
        Tone::Done => (Rgb(0xdb, 0xe7, 0xf7), Rgb(0x1e, 0x3a, 0x8a)),
        Tone::Neutral => (Rgb(0xe9, 0xe9, 0xe9), Rgb(0x33, 0x33, 0x33)),
    }
}
