//! A layout's style seen in the DOCX: export a built-in layout, change its `style.toml`,
//! build, and read the new values back from the package's styles and page.

use crate::case::Case;
use crate::support::docx_part;

const HARBOUR: &str = "report-data/safer-harbour-town/2023-Q4.yaml";

#[test]
fn a_changed_style_shows_in_the_docx_styles_and_page() {
    let built = Case::new("docx-style")
        .source(HARBOUR)
        .export_layout("standard")
        .restyle("heading = \"#1f3a5f\"", "heading = \"#aa0000\"")
        .restyle("body_pt = 10.5", "body_pt = 12")
        .restyle("margin_left_mm = 25", "margin_left_mm = 30")
        .build(&["--format", "docx"])
        .succeeds();
    let docx = built.docx();
    let styles = docx_part(&docx, "word/styles.xml");
    let defaults = &styles[..styles.find("</w:docDefaults>").expect("document defaults")];
    assert!(defaults.contains(r#"<w:sz w:val="24"/>"#), "{defaults}");
    let heading = &styles[styles.find(r#"w:styleId="Heading1""#).expect("heading 1")..];
    let heading = &heading[..heading.find("</w:style>").expect("style closes")];
    assert!(
        heading.contains(r#"<w:color w:val="AA0000"/>"#),
        "{heading}"
    );
    assert!(!styles.contains("1F3A5F"), "the old heading colour is gone");
    // 30 mm is 1701 twips; the other margins keep their 25 mm.
    let document = docx_part(&docx, "word/document.xml");
    assert!(
        document.contains(r#"w:right="1417" w:bottom="1247" w:left="1701""#),
        "{}",
        &document[document.find("<w:sectPr").unwrap_or(0)..]
    );
}
