//! Text as the backends need it: the bundled fonts, shaping and hyphenation,
//! [`capitalised`] for words that start a heading or a sentence, and [`lossy`] for bytes
//! that should be text.
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

/// `bytes` as text, each sequence that is not UTF-8 shown as U+FFFD; text that is UTF-8,
/// as nearly always, is taken as it is rather than copied.
pub fn lossy(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|not_utf8| String::from_utf8_lossy(not_utf8.as_bytes()).into_owned())
}

/// `word` with its first letter upper-case: "första halvåret" → "Första halvåret".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_replacement_characters() {
        assert_eq!(lossy("Åsa".as_bytes().to_vec()), "Åsa");
        assert_eq!(lossy(b"a\xffb".to_vec()), "a\u{fffd}b");
    }
}
