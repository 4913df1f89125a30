//! A layout's own TrueType fonts embedded in the package, so that Word and LibreOffice show
//! the municipality's typeface on machines that do not have it installed.
//!
//! Entry point: [`embedded`]. Word reads embedded fonts only obfuscated (ECMA-376 Part 1,
//! 17.8.1): each font is a `word/fonts/fontN.odttf` part whose first 32 bytes are XORed
//! with a key, the GUID named beside it in the font table. The key is made from the font's
//! bytes, not at random, so the same layout always gives the same file. The bundled Carlito
//! is never embedded: Calibri, which it stands in for, is on every Office installation.

use crate::doc::{Font, Style};
use std::sync::Arc;

/// What embedding adds to the package.
pub(super) struct Embedded {
    /// `<w:font>` entries for the font table.
    pub(super) entries: String,
    /// The font table's relationships part.
    pub(super) relationships: String,
    /// The obfuscated font parts, by name.
    pub(super) parts: Vec<(String, Vec<u8>)>,
}

/// The relationship type of an embedded font.
const FONT_RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";
/// The content type of an obfuscated font part, declared for the `odttf` extension.
pub(super) const CONTENT_TYPE: &str = r#"<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" />"#;
/// Word's switch that keeps embedded fonts when the document is saved again.
pub(super) const SETTING: &str = "<w:embedTrueTypeFonts />";

/// The fonts of `style` that come from the layout's files and are TrueType (Word embeds no
/// other kind); `None` when there are none.
pub(super) fn embedded(style: &Style) -> Option<Embedded> {
    let mut embedded = Embedded {
        entries: String::new(),
        relationships: String::new(),
        parts: Vec::new(),
    };
    let mut seen: Vec<String> = Vec::new();
    for font in [&style.body_font, &style.heading_font] {
        if font.files.is_some() && !seen.contains(&font.family) {
            seen.push(font.family.clone());
            embedded.add(font);
        }
    }
    if embedded.parts.is_empty() {
        return None;
    }
    embedded.relationships = format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#
        ),
        embedded.relationships
    );
    Some(embedded)
}

impl Embedded {
    /// The family's faces as one font-table entry; an italic the layout did not give (the
    /// regular file again) is left for Word to slant.
    fn add(&mut self, font: &Font) {
        let Some(files) = &font.files else { return };
        let faces = [
            ("embedRegular", Some(&files.regular)),
            ("embedBold", Some(&files.bold)),
            ("embedItalic", distinct(&files.italic, &files.regular)),
            ("embedBoldItalic", distinct(&files.bold_italic, &files.bold)),
        ];
        let mut references = String::new();
        for (element, data) in faces {
            let Some(data) = data.filter(|d| is_truetype(d)) else {
                continue;
            };
            let number = self.parts.len() + 1;
            let key = font_key(data);
            let id = format!("rIdFont{number}");
            references.push_str(&format!(r#"<w:{element} r:id="{id}" w:fontKey="{key}" />"#));
            self.relationships.push_str(&format!(
                r#"<Relationship Id="{id}" Type="{FONT_RELATIONSHIP}" Target="fonts/font{number}.odttf" />"#
            ));
            self.parts.push((
                format!("word/fonts/font{number}.odttf"),
                obfuscate(data, &key),
            ));
        }
        if !references.is_empty() {
            self.entries.push_str(&format!(
                r#"<w:font w:name="{}"><w:charset w:val="00" /><w:family w:val="auto" /><w:pitch w:val="variable" />{references}</w:font>"#,
                crate::xml::escape(&font.family)
            ));
        }
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
        Font {
            family: family.to_owned(),
            files: Some(FontFiles {
                bold: Arc::new(regular.iter().rev().copied().collect()),
                italic: Arc::clone(&regular),
                bold_italic: Arc::clone(&regular),
                regular,
            }),
        }
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
    fn only_the_layouts_truetype_faces_are_embedded_once_each() {
        let mut style = Style::default();
        assert!(
            embedded(&style).is_none(),
            "the bundled font is never embedded"
        );
        style.heading_font = own_font("Profil Sans", b"\x00\x01\x00\x00font".to_vec());
        style.body_font = style.heading_font.clone();
        let embedded = embedded(&style).expect("the layout's font");
        assert_eq!(
            embedded.parts.len(),
            2,
            "regular and bold; the italics are not given"
        );
        assert_eq!(embedded.entries.matches("<w:font ").count(), 1);
        assert!(embedded.entries.contains(r#"w:name="Profil Sans""#));
        assert!(
            embedded
                .relationships
                .contains(r#"Target="fonts/font2.odttf""#)
        );
        style.heading_font = own_font("Profil", b"OTTO".to_vec());
        style.body_font = style.heading_font.clone();
        assert!(
            super::embedded(&style).is_none(),
            "CFF fonts are not embedded"
        );
    }

    #[test]
    fn the_same_font_gets_the_same_key() {
        assert_eq!(font_key(b"abc"), font_key(b"abc"));
        assert_ne!(font_key(b"abc"), font_key(b"abd"));
        assert_eq!(font_key(b"abc").len(), 38);
    }
}
