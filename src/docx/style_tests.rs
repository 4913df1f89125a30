//! Whole-document tests of the style: a layout's `style.toml` values, carried in
//! `Meta::style`, must reach styles.xml and the page exactly, and the default style must keep
//! the report's sizes and page as before.

use super::docx;
use super::tests::{part, report, style_xml, typeset};
use crate::doc::{BadgeColours, Document, LogoAlign, Rgb, Style};

/// A style that differs from the default in every value the DOCX writes.
fn restyled() -> Style {
    let mut style = Style::default();
    style.page.width_mm = 148.0;
    style.page.height_mm = 210.0;
    style.page.margin_top_mm = 30.0;
    style.page.margin_bottom_mm = 30.0;
    style.page.margin_left_mm = 30.0;
    style.page.margin_right_mm = 30.0;
    style.sizes.body_pt = 12.0;
    style.sizes.small_pt = 9.0;
    style.sizes.title_pt = 20.0;
    style.sizes.heading_pt = 15.0;
    style.sizes.subheading_pt = 13.0;
    style.sizes.line_height = 1.5;
    style.spacing.paragraph_pt = 8.0;
    style.spacing.title_before_pt = 0.0;
    style.spacing.heading_before_pt = 18.0;
    style.spacing.subheading_before_pt = 12.0;
    style.spacing.justify = true;
    style.colours.text = Rgb(0x10, 0x10, 0x10);
    style.colours.muted = Rgb(0x55, 0x55, 0x55);
    style.colours.heading = Rgb(0xaa, 0, 0);
    style.colours.link = Rgb(0, 0x44, 0x88);
    style.colours.rule = Rgb(0x99, 0x99, 0x99);
    style.colours.table_header = Rgb(0xee, 0xdd, 0xcc);
    style.status_colours.bad = BadgeColours {
        fill: Rgb(0xff, 0xee, 0xee),
        text: Rgb(0x66, 0, 0),
    };
    style.logo.align = LogoAlign::Center;
    style
}

/// styles.xml and document.xml of the sample report written in `style`.
fn written(style: Style) -> (String, String) {
    let mut doc: Document = report();
    doc.meta.style = style;
    let bytes = docx(&doc, Some(&typeset()), false).expect("writes");
    (
        part(&bytes, "word/styles.xml"),
        part(&bytes, "word/document.xml"),
    )
}

fn assert_has(xml: &str, expected: &[&str]) {
    for piece in expected {
        assert!(xml.contains(piece), "{piece} in {xml}");
    }
}

#[test]
fn a_layouts_style_reaches_every_word_style() {
    let (styles, _) = written(restyled());
    let defaults = &styles[..styles.find("</w:docDefaults>").expect("document defaults")];
    assert_has(
        defaults,
        &[
            r#"w:ascii="Calibri""#,
            r#"<w:sz w:val="24"/>"#,
            r#"<w:spacing w:before="160" w:after="0" w:line="360" w:lineRule="atLeast"/>"#,
        ],
    );
    let normal = style_xml(&styles, "Normal");
    assert_has(
        normal,
        &[r#"<w:jc w:val="both"/>"#, r#"<w:color w:val="101010"/>"#],
    );
    let ragged_heading = [r#"<w:color w:val="AA0000"/>"#, r#"<w:jc w:val="left"/>"#];
    assert_has(style_xml(&styles, "Title"), &ragged_heading);
    assert_has(
        style_xml(&styles, "Title"),
        &[r#"<w:sz w:val="40"/>"#, r#"w:before="0""#],
    );
    for (id, size, before) in [
        ("Heading1", 30, 360),
        ("Heading2", 26, 240),
        ("Heading3", 26, 240),
    ] {
        let heading = style_xml(&styles, id);
        assert_has(heading, &ragged_heading);
        assert_has(
            heading,
            &[
                &format!(r#"<w:sz w:val="{size}"/>"#),
                &format!(r#"w:before="{before}""#),
            ],
        );
    }
    let small = [r#"<w:color w:val="555555"/>"#, r#"<w:sz w:val="18"/>"#];
    for id in ["Header", "Footer"] {
        assert_has(style_xml(&styles, id), &small);
    }
    // A5 less two 30 mm margins: 8391 - 2 × 1701 twips.
    assert_has(style_xml(&styles, "Header"), &[r#"w:pos="4989""#]);
    assert_has(
        style_xml(&styles, "Hyperlink"),
        &[r#"<w:color w:val="004488"/>"#],
    );
    assert_has(
        style_xml(&styles, "TableGrid"),
        &[r#"w:color="999999""#, r#"w:fill="EEDDCC""#],
    );
    assert_has(
        style_xml(&styles, "StatusBad"),
        &[r#"<w:color w:val="660000"/>"#, r#"w:fill="FFEEEE""#],
    );
}

#[test]
fn a_layouts_page_and_logo_placement_reach_the_document() {
    let (_, document) = written(restyled());
    assert_has(
        &document,
        &[
            r#"<w:pgSz w:w="8391" w:h="11906"/>"#,
            r#"<w:pgMar w:top="1701" w:right="1701" w:bottom="1701" w:left="1701" w:header="850" w:footer="850" w:gutter="0"/>"#,
            r#"<w:tblW w:w="4989" w:type="dxa"/>"#,
        ],
    );
    let centred = r#"<w:jc w:val="center"/>"#;
    assert_has(paragraph_up_to(&document, "<w:drawing>"), &[centred]);
    // Left-aligned cells stay ragged under a justified Normal; right-aligned keep theirs.
    let left = r#"<w:jc w:val="left"/>"#;
    assert_has(paragraph_up_to(&document, "da brott<"), &[left]);
    let right = r#"<w:jc w:val="right"/>"#;
    assert_has(paragraph_up_to(&document, ">42<"), &[right]);
}

/// The start of the first paragraph in `document` holding `marker`, up to the marker.
fn paragraph_up_to<'a>(document: &'a str, marker: &str) -> &'a str {
    let end = document.find(marker).expect("the marker");
    let start = document[..end].rfind("<w:p>").expect("its paragraph");
    &document[start..end]
}

#[test]
fn the_default_style_keeps_the_reports_sizes_and_page() {
    let (styles, document) = written(Style::default());
    let defaults = &styles[..styles.find("</w:docDefaults>").expect("document defaults")];
    assert_has(
        defaults,
        &[
            r#"<w:sz w:val="21"/>"#,
            r#"<w:spacing w:before="120" w:after="0" w:line="284" w:lineRule="atLeast"/>"#,
        ],
    );
    assert!(!style_xml(&styles, "Normal").contains("<w:jc "));
    assert!(!style_xml(&styles, "Heading1").contains("<w:jc "));
    assert_has(style_xml(&styles, "Title"), &[r#"<w:sz w:val="48"/>"#]);
    assert_has(
        style_xml(&styles, "Heading1"),
        &[r#"<w:sz w:val="32"/>"#, r#"w:before="320""#, "1F3A5F"],
    );
    assert_has(
        style_xml(&styles, "Heading2"),
        &[r#"<w:sz w:val="25"/>"#, r#"w:before="220""#],
    );
    assert_has(style_xml(&styles, "TOC1"), &[r#"w:pos="9072""#]);
    assert_has(
        &document,
        &[
            r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
            r#"<w:pgMar w:top="1417" w:right="1417" w:bottom="1247" w:left="1417" w:header="709" w:footer="624" w:gutter="0"/>"#,
            r#"<w:tblW w:w="9072" w:type="dxa"/>"#,
        ],
    );
    for marker in ["<w:drawing>", "da brott<"] {
        assert!(!paragraph_up_to(&document, marker).contains("<w:jc "));
    }
}
