//! Text as the backends need it: the bundled fonts, shaping and hyphenation.
//!
//! Entry points: [`Face`] for the four bundled faces and [`Shaper::shape`] for glyphs
//! with advances, so that line breaking measures exactly what the PDF draws.

mod fonts;
mod hyphenate;
mod shape;

pub use fonts::{FAMILY, Face, OFFICE_FAMILY};
pub use hyphenate::Hyphenator;
pub use shape::{ShapedGlyph, Shaper};
