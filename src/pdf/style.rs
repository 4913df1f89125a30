//! The PDF's typography and page geometry, in points (1/72 inch).
//!
//! Entry point: [`Look::new`], which turns the layout's [`Style`] (millimetres, named
//! colours) into what the PDF backend measures with. The few values a layout cannot
//! change are constants here, each with the reason for its value.

use crate::doc::{Rgb, Style, Tone};

pub const MM: f32 = crate::doc::PT_PER_MM;

/// Indentation of each list level, which is also the room for its label.
pub const LIST_INDENT: f32 = 16.0;
/// Inner padding of table cells.
pub const CELL_PAD_X: f32 = 5.0;
pub const CELL_PAD_Y: f32 = 3.5;
/// Horizontal padding inside a status badge.
pub const BADGE_PAD: f32 = 3.0;
/// Light enough that the text under the draft mark stays readable.
pub const DRAFT: Rgb = Rgb(0xe4, 0xe4, 0xe4);
/// Distance of the running header's baseline below the page's top edge, and of the
/// footer's above the bottom edge: inside the margins, clear of the text.
const HEADER_FROM_TOP: f32 = 14.0 * MM;
const FOOTER_FROM_BOTTOM: f32 = 11.0 * MM;

/// The layout's style with the page's geometry in points, as the PDF backend measures it.
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    /// The sizes, spacing and colours, read as the layout gives them.
    pub style: Style,
    pub page_width: f32,
    pub page_height: f32,
    pub margin_left: f32,
    pub margin_right: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub content_width: f32,
    pub header_baseline: f32,
    pub footer_baseline: f32,
}

impl Look {
    pub fn new(style: &Style) -> Look {
        let page = &style.page;
        let page_width = page.width_mm * MM;
        let page_height = page.height_mm * MM;
        let (margin_left, margin_right) = (page.margin_left_mm * MM, page.margin_right_mm * MM);
        Look {
            style: style.clone(),
            page_width,
            page_height,
            margin_left,
            margin_right,
            margin_top: page.margin_top_mm * MM,
            margin_bottom: page.margin_bottom_mm * MM,
            content_width: page_width - margin_left - margin_right,
            header_baseline: HEADER_FROM_TOP,
            footer_baseline: page_height - FOOTER_FROM_BOTTOM,
        }
    }

    /// Background and text colour of a status badge.
    pub fn badge(&self, tone: Tone) -> (Rgb, Rgb) {
        let colours = self.style.status_colours.get(tone);
        (colours.fill, colours.text)
    }

    /// The right edge of the text.
    pub fn right(&self) -> f32 {
        self.page_width - self.margin_right
    }

    /// The lowest a row may reach on a page.
    pub fn bottom(&self) -> f32 {
        self.page_height - self.margin_bottom
    }
}

impl Default for Look {
    fn default() -> Look {
        Look::new(&Style::default())
    }
}
