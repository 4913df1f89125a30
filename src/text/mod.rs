//! Text as the backends need it: the bundled fonts, shaping and hyphenation.
//!
//! Entry points: [`Face`] and [`FontSet`] for the fonts of body text and headings, and
//! [`Shaper::shape`] for glyphs with advances, so that line breaking measures exactly what
//! the PDF draws.

mod fonts;
mod hyphenate;
mod marks;
mod shape;

pub use fonts::{FAMILY, Face, FontData, FontSet, OFFICE_FAMILY, is_font};
pub use hyphenate::Hyphenator;
pub use marks::{MAX_MARKS, overlong_marks};
pub use shape::{ShapedGlyph, Shaper};
