//! The fonts a document is set in: the bundled family, compiled into the binary so an
//! installed `kvartal` needs no fonts on the machine, or a layout's own font files.
//!
//! Entry points: [`Face`] (a weight and slant of the body or heading family) and
//! [`FontSet`] (the font of every face).
//!
//! Carlito (SIL Open Font License, `fonts/OFL.txt`) covers Swedish, Norwegian, Danish,
//! Finnish and Sámi letters, and is metric-compatible with Calibri: a DOCX that names
//! Calibri breaks its lines where the PDF does.

/// The family name of the bundled fonts.
pub const FAMILY: &str = "Carlito";
/// The font every Office installation has with the same metrics as [`FAMILY`].
pub const OFFICE_FAMILY: &str = "Calibri";

use std::sync::{Arc, LazyLock};

const REGULAR: &[u8] = include_bytes!("../../fonts/Carlito-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/Carlito-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../fonts/Carlito-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../fonts/Carlito-BoldItalic.ttf");

/// A face of the document's two families: the body text's four, then the headings' four,
/// then the bundled family's four, which stand in for a character a layout's font lacks.
/// Which font each is comes from a [`FontSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    /// The body text's family, regular.
    Regular,
    /// The body text's family, bold.
    Bold,
    /// The body text's family, italic.
    Italic,
    /// The body text's family, bold italic.
    BoldItalic,
    /// The headings' family, regular.
    HeadingRegular,
    /// The headings' family, bold.
    HeadingBold,
    /// The headings' family, italic.
    HeadingItalic,
    /// The headings' family, bold italic.
    HeadingBoldItalic,
    /// The bundled family, regular.
    FallbackRegular,
    /// The bundled family, bold.
    FallbackBold,
    /// The bundled family, italic.
    FallbackItalic,
    /// The bundled family, bold italic.
    FallbackBoldItalic,
}

impl Face {
    pub(crate) const ALL: [Face; 12] = [
        Face::Regular,
        Face::Bold,
        Face::Italic,
        Face::BoldItalic,
        Face::HeadingRegular,
        Face::HeadingBold,
        Face::HeadingItalic,
        Face::HeadingBoldItalic,
        Face::FallbackRegular,
        Face::FallbackBold,
        Face::FallbackItalic,
        Face::FallbackBoldItalic,
    ];

    /// A face of the body text's family.
    pub fn of(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// The face of the same weight and slant in the headings' family.
    pub fn for_headings(self) -> Face {
        Face::ALL[self.index() % 4 + 4]
    }

    /// The bundled family's face of the same weight and slant, for characters this face's
    /// font has no glyph for.
    pub fn fallback(self) -> Face {
        Face::ALL[self.index() % 4 + 8]
    }

    /// The bundled font's face of the same weight and slant.
    pub fn bundled_data(self) -> &'static [u8] {
        [REGULAR, BOLD, ITALIC, BOLD_ITALIC][self.index() % 4]
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// A font file's bytes, shared: the bundled faces' or a layout's.
pub type FontData = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// The fonts a document is set in, one per [`Face`], each read once. Faces that are the
/// same font (the bundled family for body and headings, an italic a layout does not give)
/// share their data, so the PDF embeds each font once.
pub struct FontSet {
    data: [FontData; 12],
    parsed: [harfrust::Font; 12],
}

/// The four bundled faces, shared by every font set that uses them.
static BUNDLED: LazyLock<[FontData; 4]> =
    LazyLock::new(|| [REGULAR, BOLD, ITALIC, BOLD_ITALIC].map(|data| Arc::new(data) as FontData));

impl FontSet {
    /// The bundled family for body text and headings.
    pub fn bundled() -> &'static FontSet {
        static SET: LazyLock<FontSet> = LazyLock::new(|| {
            FontSet::new(FontSet::bundled_family(), FontSet::bundled_family())
                .expect("the bundled fonts are valid")
        });
        &SET
    }

    /// The bundled family's four faces, for [`FontSet::new`].
    pub fn bundled_family() -> [FontData; 4] {
        BUNDLED.clone()
    }

    /// The set of a body family and a heading family, each as its regular, bold, italic
    /// and bold italic faces, with the bundled family as their fallback; the index of the
    /// first face that is not a font, if any.
    pub fn new(body: [FontData; 4], headings: [FontData; 4]) -> Result<FontSet, usize> {
        let [a, b, c, d] = body;
        let [e, f, g, h] = headings;
        let [i, j, k, l] = FontSet::bundled_family();
        let data = [a, b, c, d, e, f, g, h, i, j, k, l];
        let mut parsed = Vec::with_capacity(data.len());
        for (index, font) in data.iter().enumerate() {
            parsed.push(parse(font).ok_or(index)?);
        }
        let parsed = parsed.try_into().map_err(|_| 0usize)?;
        Ok(FontSet { data, parsed })
    }

    /// The bytes of `face`'s font.
    pub fn data(&self, face: Face) -> &FontData {
        &self.data[face.index()]
    }

    /// `face`'s font, parsed for shaping.
    pub fn parsed(&self, face: Face) -> &harfrust::Font {
        &self.parsed[face.index()]
    }

    /// The first face that is the same font as `face`: faces with the same slot share
    /// one embedded font.
    pub fn slot(&self, face: Face) -> Face {
        let data = self.data(face);
        Face::ALL
            .into_iter()
            .find(|other| Arc::ptr_eq(self.data(*other), data))
            .unwrap_or(face)
    }
}

/// Whether `data` is a font the shaper can use.
pub fn is_font(data: &[u8]) -> bool {
    parse(&(Arc::new(data.to_vec()) as FontData)).is_some()
}

/// The font in `data`. Reading is lazy, so a font is tried for the tables every face needs
/// (glyph count, units per em) before it is trusted.
fn parse(data: &FontData) -> Option<harfrust::Font> {
    let font = harfrust::Font::new(Arc::clone(data), 0)?;
    let usable = font.num_glyphs() > 0 && (16..=16_384).contains(&font.units_per_em());
    usable.then_some(font)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_that_are_the_same_font_share_a_slot() {
        let bundled = FontSet::bundled();
        assert_eq!(bundled.slot(Face::HeadingBold), Face::Bold);
        assert_eq!(bundled.slot(Face::Italic), Face::Italic);
        let [regular, bold, ..] = FontSet::bundled_family();
        // A layout's heading family with no italic files: its italics are its regular faces.
        let own = [
            Arc::clone(&bold),
            Arc::clone(&regular),
            Arc::clone(&bold),
            Arc::clone(&regular),
        ];
        let set = FontSet::new(FontSet::bundled_family(), own).expect("valid fonts");
        assert_eq!(set.slot(Face::HeadingRegular), Face::Bold);
        assert_eq!(set.slot(Face::HeadingBold), Face::Regular);
        assert_eq!(Face::Italic.for_headings(), Face::HeadingItalic);
    }

    #[test]
    fn bytes_that_are_not_a_font_are_refused() {
        assert!(is_font(REGULAR));
        assert!(!is_font(b"\x00\x01\x00\x00 not a font"));
        let broken: FontData = Arc::new(b"OTTO".to_vec());
        let faces = [broken.clone(), broken.clone(), broken.clone(), broken];
        assert_eq!(
            FontSet::new(FontSet::bundled_family(), faces).err(),
            Some(4)
        );
    }
}
