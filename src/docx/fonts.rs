//! The font table: the fonts the styles name, and a layout's own TrueType fonts embedded so
//! that Word and LibreOffice show the municipality's typeface on machines without it.
//!
//! Entry point: [`table`]. Word reads embedded fonts only obfuscated (ECMA-376 Part 1,
//! 17.8.1): each font is a `word/fonts/fontN.odttf` part whose first 32 bytes are XORed
//! with a key, the GUID named beside it in the font table. The key is made from the font's
//! bytes, not at random, so the same layout always gives the same file. The bundled Carlito
//! is never embedded: it goes by Calibri, which it stands in for and which is on every
//! Office installation.

use super::package::{Relation, Relationships};
use super::xml::Xml;
use crate::doc::{Font, Style};
use std::sync::Arc;

pub(super) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";

/// The name a DOCX gives the bundled font. The PDF uses Carlito, which has Calibri's
/// metrics, so Word shows the same line breaks and LibreOffice substitutes Carlito for it.
pub(super) const BUNDLED_WORD_FAMILY: &str = crate::text::OFFICE_FAMILY;

/// The family name Word is given for `font`: the bundled font goes by Calibri, a layout's
/// own by its family name.
pub(super) fn word_family(font: &Font) -> &str {
    match font.files {
        None => BUNDLED_WORD_FAMILY,
        Some(_) => &font.family,
    }
}

/// The font table part with what it refers to.
pub(super) struct FontTable {
    pub(super) xml: Vec<u8>,
    pub(super) relationships: Relationships,
    /// The obfuscated font parts, by name.
    pub(super) parts: Vec<(String, Vec<u8>)>,
}

/// The body and heading fonts, each family once.
fn families(style: &Style) -> impl Iterator<Item = &Font> {
    let heading = (style.fonts.heading.family != style.fonts.body.family
        || style.fonts.heading.files.is_some() != style.fonts.body.files.is_some())
    .then_some(&style.fonts.heading);
    std::iter::once(&style.fonts.body).chain(heading)
}

/// The font table of `style`'s fonts.
pub(super) fn table(style: &Style) -> FontTable {
    let mut table = FontTable {
        xml: Vec::new(),
        relationships: Relationships::default(),
        parts: Vec::new(),
    };
    let mut xml = Xml::part();
    xml.open(
        "w:fonts",
        &[
            (
                "xmlns:w",
                &"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            ),
            (
                "xmlns:r",
                &"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            ),
        ],
    );
    for font in families(style) {
        match &font.files {
            None => bundled(&mut xml),
            Some(_) => table.own(&mut xml, font),
        }
    }
    xml.close("w:fonts");
    table.xml = xml.finish().into_bytes();
    table
}

/// Calibri, with Carlito, its metric twin, as the alternative for systems without it.
fn bundled(xml: &mut Xml) {
    xml.open("w:font", &[("w:name", &BUNDLED_WORD_FAMILY)])
        .val("w:altName", "Carlito")
        .val("w:panose1", "020F0502020204030204")
        .val("w:charset", "00")
        .val("w:family", "swiss")
        .val("w:pitch", "variable")
        .close("w:font");
}

impl FontTable {
    /// A layout's family with its TrueType faces embedded (Word embeds no other kind); an
    /// italic the layout did not give (the regular file again) is left for Word to slant.
    fn own(&mut self, xml: &mut Xml, font: &Font) {
        xml.open("w:font", &[("w:name", &font.family)])
            .val("w:charset", "00")
            .val("w:family", "auto")
            .val("w:pitch", "variable");
        if let Some(files) = &font.files {
            let faces = [
                ("w:embedRegular", Some(&files.regular)),
                ("w:embedBold", Some(&files.bold)),
                ("w:embedItalic", distinct(&files.italic, &files.regular)),
                (
                    "w:embedBoldItalic",
                    distinct(&files.bold_italic, &files.bold),
                ),
            ];
            for (element, data) in faces {
                if let Some(data) = data.filter(|d| is_truetype(d)) {
                    self.embed(xml, element, data);
                }
            }
        }
        xml.close("w:font");
    }

    fn embed(&mut self, xml: &mut Xml, element: &str, data: &[u8]) {
        let number = self.parts.len() + 1;
        let key = font_key(data);
        let name = format!("fonts/font{number}.odttf");
        let id = self.relationships.add(Relation::Font, &name);
        xml.empty(element, &[("r:id", &id), ("w:fontKey", &key)]);
        self.parts
            .push((format!("word/{name}"), obfuscate(data, &key)));
    }
}

fn distinct<'a>(face: &'a Arc<Vec<u8>>, fallback: &Arc<Vec<u8>>) -> Option<&'a Arc<Vec<u8>>> {
    (!Arc::ptr_eq(face, fallback)).then_some(face)
}

/// TrueType outlines (`\0\1\0\0` or `true`), not CFF (`OTTO`).
fn is_truetype(data: &[u8]) -> bool {
    data.starts_with(b"\x00\x01\x00\x00") || data.starts_with(b"true")
}

/// A GUID made from the font's bytes (FNV-1a, 128 bits), written as Word writes one.
fn font_key(data: &[u8]) -> String {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    let hash = data
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u128::from(b)).wrapping_mul(PRIME));
    let hex = format!("{hash:032X}");
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The font with its first 32 bytes XORed with the key: the GUID's 16 bytes, read from
/// the last pair of hex digits to the first.
fn obfuscate(data: &[u8], key: &str) -> Vec<u8> {
    let digits: Vec<u8> = key
        .chars()
        .filter_map(|c| c.to_digit(16))
        .map(|d| d as u8)
        .collect();
    let bytes: Vec<u8> = digits.chunks(2).map(|p| p[0] << 4 | p[1]).rev().collect();
    let mut out = data.to_vec();
    for (i, byte) in out.iter_mut().take(32).enumerate() {
        *byte ^= bytes[i % bytes.len()];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::FontFiles;

    fn own_font(family: &str, data: Vec<u8>) -> Font {
        let regular = Arc::new(data);
        let files = FontFiles {
            bold: Arc::new(regular.iter().rev().copied().collect()),
            italic: Arc::clone(&regular),
            bold_italic: Arc::clone(&regular),
            regular,
        };
        Font::own(family.to_owned(), files)
    }

    #[test]
    fn the_key_is_the_guid_read_backwards_and_covers_32_bytes() {
        let key = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        let data = vec![0u8; 40];
        let out = obfuscate(&data, key);
        assert_eq!(&out[..4], &[0xFF, 0xEE, 0xDD, 0xCC]);
        assert_eq!(out[15], 0x00);
        assert_eq!(out[16], 0xFF, "the key repeats over the second 16 bytes");
        assert_eq!(&out[32..], &[0u8; 8], "the rest is left as it is");
        assert_eq!(obfuscate(&out, key), data, "XOR twice gives the font back");
    }

    #[test]
    fn the_bundled_font_is_declared_as_calibri_with_carlito_beside_it() {
        let table = table(&Style::default());
        let xml = String::from_utf8(table.xml).expect("UTF-8");
        assert_eq!(xml.matches("<w:font ").count(), 1, "{xml}");
        assert!(xml.contains(r#"<w:font w:name="Calibri"><w:altName w:val="Carlito"/>"#));
        assert!(table.parts.is_empty() && table.relationships.is_empty());
    }

    #[test]
    fn only_the_layouts_truetype_faces_are_embedded_once_each() {
        let mut style = {
            let mut style = Style::default();
            style.fonts.heading = own_font("Profil Sans", b"\x00\x01\x00\x00font".to_vec());
            style
        };
        let table = table(&style);
        let xml = String::from_utf8(table.xml).expect("UTF-8");
        assert_eq!(
            table.parts.len(),
            2,
            "regular and bold; the italics are not given"
        );
        assert!(xml.contains(r#"<w:font w:name="Profil Sans">"#));
        assert!(xml.contains("Calibri"), "the body still uses it");
        style.fonts.body = style.fonts.heading.clone();
        let once = super::table(&style);
        assert_eq!(once.parts.len(), 2, "one family, embedded once");
        style.fonts.heading = own_font("Profil", b"OTTO".to_vec());
        style.fonts.body = style.fonts.heading.clone();
        assert!(super::table(&style).parts.is_empty(), "CFF is not embedded");
    }

    #[test]
    fn the_same_font_gets_the_same_key() {
        assert_eq!(font_key(b"abc"), font_key(b"abc"));
        assert_ne!(font_key(b"abc"), font_key(b"abd"));
        assert_eq!(font_key(b"abc").len(), 38);
    }
}
