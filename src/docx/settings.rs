//! The document settings: Word's current layout rules, the report's decimal sign, and
//! whether fonts are embedded.
//!
//! Entry point: [`part`]. The elements follow the schema's order (CT_Settings).

use super::xml::Xml;
use crate::doc::Meta;

pub(super) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";

/// A tab stop every 1.25 cm, Word's default in Sweden.
const DEFAULT_TAB_STOP: u32 = 709;
/// Word's layout of Word 2013 and later; without it Word lays the file out in a
/// compatibility mode, and LibreOffice follows the older rules too.
const COMPATIBILITY_MODE: u32 = 15;

/// The settings part. `embeds_fonts` keeps the layout's embedded fonts when Word saves the
/// file again.
pub(super) fn part(meta: &Meta, embeds_fonts: bool) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "w:settings",
        &[(
            "xmlns:w",
            &"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        )],
    )
    .empty("w:zoom", &[("w:percent", &100)]);
    if embeds_fonts {
        xml.empty("w:embedTrueTypeFonts", &[]);
    }
    // No automatic hyphenation: the text carries the PDF's hyphenation points as optional
    // hyphens (docx::inline), and a word processor's own dictionary would add others and
    // break lines, and so pages, elsewhere.
    xml.val("w:defaultTabStop", DEFAULT_TAB_STOP)
        .val("w:characterSpacingControl", "doNotCompress")
        .open("w:compat", &[])
        .empty(
            "w:compatSetting",
            &[
                ("w:name", &"compatibilityMode"),
                ("w:uri", &"http://schemas.microsoft.com/office/word"),
                ("w:val", &COMPATIBILITY_MODE),
            ],
        )
        .close("w:compat")
        .empty("w:themeFontLang", &[("w:val", &meta.language)])
        .val("w:decimalSymbol", &meta.numbers.decimal)
        .val("w:listSeparator", list_separator(&meta.numbers.decimal));
    xml.close("w:settings");
    xml.finish().into_bytes()
}

/// What separates a field's arguments: a semicolon where the comma is the decimal sign.
fn list_separator(decimal: &str) -> &'static str {
    if decimal == "," { ";" } else { "," }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_break_only_at_the_pdfs_hyphens_and_the_decimal_sign_is_the_reports() {
        let xml = String::from_utf8(part(&Meta::example(), false)).expect("UTF-8");
        assert!(!xml.contains("autoHyphenation"));
        assert!(xml.contains(r#"<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>"#));
        assert!(!xml.contains("embedTrueTypeFonts"));
        let embedding = String::from_utf8(part(&Meta::example(), true)).expect("UTF-8");
        assert!(embedding.contains(r#"<w:zoom w:percent="100"/><w:embedTrueTypeFonts/>"#));
    }
}
