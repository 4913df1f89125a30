//! Text as the backends need it: the bundled fonts, shaping and hyphenation, and
//! [`capitalised`] for words that start a heading or a sentence.
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

/// `word` with its first letter upper-case: "första halvåret" → "Första halvåret".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
