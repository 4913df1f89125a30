//! A layout's own font files: the PDF sets its headings in them and embeds them, the DOCX
//! names the family in its heading styles, and a file that is not a font is refused.

use crate::case::Case;
use crate::pdf_read::{Font, pdf_fonts};
use crate::support::{docx_part, repo};
use std::fs;
use std::path::Path;

const HARBOUR: &str = "report-data/safer-harbour-town/2023-Q4.yaml";

/// `case` with the standard layout, Noto Serif in its `fonts/` set for headings, the
/// regular face read from `regular`.
pub(crate) fn heading_font(case: Case, regular: &str) -> Case {
    let own = format!(
        "[fonts.heading]\nfamily = \"Noto Serif\"\nregular = \"{regular}\"\nbold = \"fonts/NotoSerif-Bold.ttf\""
    );
    let mut case = case.export_layout("standard");
    for face in ["Regular", "Bold"] {
        let name = format!("NotoSerif-{face}.ttf");
        let from = format!("tests/fixtures/fonts/{name}");
        case = case.copy(&from, &format!("layout/fonts/{name}"));
    }
    case.restyle("[fonts.heading]\nfamily = \"Carlito\"", &own)
}

/// `case` building the harbour report with its own heading font; `regular` as above.
fn harbour(name: &str, regular: &str) -> Case {
    heading_font(Case::new(name).source(HARBOUR), regular)
}

/// Whether the PDF uses the font `face` (its name without a subset tag), embedded as a subset
/// with its Unicode map, so every viewer shows it and its text can be copied.
fn embeds(fonts: &[Font], face: &str) -> bool {
    fonts
        .iter()
        .any(|f| f.face() == face && f.embedded && f.subset && f.unicode)
}

#[test]
fn headings_are_set_in_the_layouts_own_font_in_both_formats() {
    let built = harbour("layout-fonts", "fonts/NotoSerif-Regular.ttf")
        .build(&[])
        .succeeds();
    let fonts = pdf_fonts(&built.pdf());
    assert!(
        embeds(&fonts, "NotoSerif-Bold"),
        "headings in Noto Serif:\n{fonts:#?}"
    );
    assert!(
        embeds(&fonts, "Carlito"),
        "body text in Carlito:\n{fonts:#?}"
    );
    let styles = docx_part(&built.docx(), "word/styles.xml");
    let heading = &styles[styles.find(r#"w:styleId="Heading1""#).expect("heading 1")..];
    let heading = &heading[..heading.find("</w:style>").expect("style closes")];
    assert!(heading.contains("Noto Serif"), "{heading}");
    // Embedded, so Word shows the headings in it where it is not installed.
    let table = docx_part(&built.docx(), "word/fontTable.xml");
    assert!(table.contains(r#"<w:font w:name="Noto Serif">"#), "{table}");
    assert!(
        table.contains("<w:embedRegular ") && table.contains("<w:embedBold "),
        "{table}"
    );
    let font = docx_part_bytes(&built.docx(), "word/fonts/font1.odttf");
    let original = fs::read(repo().join("tests/fixtures/fonts/NotoSerif-Regular.ttf"));
    let original = original.expect("the fixture font");
    assert_eq!(font.len(), original.len());
    assert_ne!(font[..32], original[..32], "the font's head is obfuscated");
    assert_eq!(font[32..], original[32..], "and the rest is the font");
}

/// One part of a DOCX, as bytes.
fn docx_part_bytes(path: &Path, part: &str) -> Vec<u8> {
    let file = fs::File::open(path).expect("the DOCX exists");
    let mut zip = zip::ZipArchive::new(file).expect("a DOCX is a zip file");
    let mut data = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(part).expect("the part exists"), &mut data)
        .expect("readable");
    data
}

#[test]
fn a_character_the_layouts_font_lacks_is_taken_from_the_bundled_font() {
    let body = "[fonts.body]\nfamily = \"Carlito\"";
    let own = "[fonts.body]\nfamily = \"Noto Serif\"\nregular = \"fonts/NotoSerif-Regular.ttf\"\nbold = \"fonts/NotoSerif-Bold.ttf\"";
    let built = harbour("layout-fonts-fallback", "fonts/NotoSerif-Regular.ttf")
        .restyle(body, own)
        .build(&[])
        // The cut-down Noto Serif has no arrows and no minus sign; the changes still print.
        .succeeds();
    let pdf = built.pdf();
    let fonts = pdf_fonts(&pdf);
    assert!(embeds(&fonts, "NotoSerif-Regular"), "{fonts:#?}");
    assert!(
        embeds(&fonts, "Carlito"),
        "the arrows in Carlito:\n{fonts:#?}"
    );
    let text = crate::pdf_read::pdf_text(&pdf);
    assert!(text.contains("↑ +3.7") && text.contains("↓ −8"), "{text}");
}

#[test]
fn a_font_file_that_is_not_a_font_is_refused_with_its_line() {
    harbour("layout-fonts-broken", "fonts/broken.ttf")
        // A TrueType signature followed by nothing a font needs.
        .layout_file("fonts/broken.ttf", "\x00\x01\x00\x00rest")
        .build(&[])
        .fails_with("style.toml:")
        .says("broken.ttf")
        .wrote_nothing();
}
