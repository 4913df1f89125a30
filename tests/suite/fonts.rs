//! A layout's own font files: the PDF sets its headings in them and embeds them, the DOCX
//! names the family in its heading styles, and a file that is not a font is refused.

use crate::support::{docx_part, kvartal, path_str, repo, scratch};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const HARBOUR: &str = "report-data/safer-harbour-town/2023-Q4.yaml";

/// The standard layout exported to `dir`, with Noto Serif in `fonts/` set for headings.
pub(crate) fn layout_with_heading_font(dir: &Path, regular: &str) -> PathBuf {
    let layout = dir.join("profile");
    let run = kvartal(&["layouts", "export", "standard", path_str(&layout)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    fs::create_dir_all(layout.join("fonts")).expect("fonts folder");
    for face in ["Regular", "Bold"] {
        let name = format!("NotoSerif-{face}.ttf");
        let from = repo().join("tests/fixtures/fonts").join(&name);
        fs::copy(from, layout.join("fonts").join(&name)).expect("font copied");
    }
    let style = layout.join("style.toml");
    let text = fs::read_to_string(&style).expect("the exported style file");
    let heading = "[fonts.heading]\nfamily = \"Carlito\"";
    assert_eq!(text.matches(heading).count(), 1, "{text}");
    let own = format!(
        "[fonts.heading]\nfamily = \"Noto Serif\"\nregular = \"{regular}\"\nbold = \"fonts/NotoSerif-Bold.ttf\""
    );
    fs::write(&style, text.replacen(heading, &own, 1)).expect("style file writable");
    layout
}

fn build(layout: &Path, out: &Path) -> crate::support::Run {
    let source = repo().join(HARBOUR);
    kvartal(&[
        "build",
        "--layout",
        path_str(layout),
        "--out",
        path_str(out),
        path_str(&source),
    ])
}

/// The names of the fonts embedded in the PDF, as `pdffonts` lists them.
fn pdf_fonts(pdf: &Path) -> String {
    let output = Command::new("pdffonts")
        .arg(pdf)
        .output()
        .expect("pdffonts (poppler-utils) is installed");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn headings_are_set_in_the_layouts_own_font_in_both_formats() {
    let dir = scratch("layout-fonts");
    let layout = layout_with_heading_font(&dir, "fonts/NotoSerif-Regular.ttf");
    let out = dir.join("out");
    let run = build(&layout, &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let fonts = pdf_fonts(&out.join("2023-Q4.pdf"));
    assert!(
        fonts.contains("NotoSerif-Bold"),
        "headings in Noto Serif:\n{fonts}"
    );
    assert!(
        fonts.contains("+Carlito "),
        "body text in Carlito:\n{fonts}"
    );
    let styles = docx_part(&out.join("2023-Q4.docx"), "word/styles.xml");
    let heading = &styles[styles.find(r#"w:styleId="Heading1""#).expect("heading 1")..];
    let heading = &heading[..heading.find("</w:style>").expect("style closes")];
    assert!(heading.contains("Noto Serif"), "{heading}");
    // Embedded, so Word shows the headings in it where it is not installed.
    let table = docx_part(&out.join("2023-Q4.docx"), "word/fontTable.xml");
    assert!(table.contains(r#"<w:font w:name="Noto Serif">"#), "{table}");
    assert!(
        table.contains("<w:embedRegular ") && table.contains("<w:embedBold "),
        "{table}"
    );
    let font = docx_part_bytes(&out.join("2023-Q4.docx"), "word/fonts/font1.odttf");
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
    let dir = scratch("layout-fonts-fallback");
    let layout = layout_with_heading_font(&dir, "fonts/NotoSerif-Regular.ttf");
    let style = layout.join("style.toml");
    let text = fs::read_to_string(&style).expect("the style file");
    let body = "[fonts.body]\nfamily = \"Carlito\"";
    let own = "[fonts.body]\nfamily = \"Noto Serif\"\nregular = \"fonts/NotoSerif-Regular.ttf\"\nbold = \"fonts/NotoSerif-Bold.ttf\"";
    fs::write(&style, text.replacen(body, own, 1)).expect("style file writable");
    let out = dir.join("out");
    let run = build(&layout, &out);
    // The cut-down Noto Serif has no arrows and no minus sign; the changes still print.
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = out.join("2023-Q4.pdf");
    let fonts = pdf_fonts(&pdf);
    assert!(fonts.contains("NotoSerif-Regular"), "{fonts}");
    assert!(
        fonts.contains("+Carlito "),
        "the arrows in Carlito:\n{fonts}"
    );
    let text = crate::support::pdf_text(&pdf);
    assert!(text.contains("↑ +3.7") && text.contains("↓ −8"), "{text}");
}

#[test]
fn a_font_file_that_is_not_a_font_is_refused_with_its_line() {
    let dir = scratch("layout-fonts-broken");
    let layout = layout_with_heading_font(&dir, "fonts/broken.ttf");
    // A TrueType signature followed by nothing a font needs.
    fs::write(layout.join("fonts/broken.ttf"), b"\x00\x01\x00\x00rest").expect("written");
    let out = dir.join("out");
    let run = build(&layout, &out);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("style.toml:"), "{}", run.stderr);
    assert!(run.stderr.contains("broken.ttf"), "{}", run.stderr);
    assert!(!out.exists(), "nothing is written");
}
