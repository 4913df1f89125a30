//! The styles the document uses, defined once in styles.xml under Word's built-in names.
//!
//! Entry point: [`part`]. Paragraphs refer to these by id and carry no font, size or colour
//! of their own, so that a Word user restyles the whole report by editing a style. Word
//! recognises built-in styles by their (lower-case) names, e.g. "heading 1". Fonts, sizes,
//! spacing and colours come from the layout's [`doc::Style`]; every space and line height
//! is the PDF's, so that the DOCX fills its pages as the PDF does.

use super::fonts::word_family;
use super::formatting::{
    Character, Justification, Leader, LineRule, Paragraph, Spacing, Tab, half_points, twips,
};
use super::section;
use super::xml::Xml;
use crate::doc::{self, Font, Tone};

pub(super) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

pub(super) const NORMAL: &str = "Normal";
pub(super) const TITLE: &str = "Title";
pub(super) const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
pub(super) const LIST_PARAGRAPH: &str = "ListParagraph";
pub(super) const TABLE: &str = "TableGrid";
/// Word's default table style, which every other table style is based on.
const TABLE_NORMAL: &str = "TableNormal";
pub(super) const HYPERLINK: &str = "Hyperlink";
pub(super) const TOC_HEADING: &str = "TOCHeading";
pub(super) const TOC: [&str; 3] = ["TOC1", "TOC2", "TOC3"];
pub(super) const HEADER: &str = "Header";
pub(super) const FOOTER: &str = "Footer";

/// Each further contents level is indented by this much, in twips (12 pt, as in the PDF).
const TOC_INDENT: u32 = 240;
/// Cell padding, in twips: 3.5 pt above and below, 5 pt at the sides, as in the PDF.
pub(super) const CELL_PADDING: (u32, u32) = (70, 100);

/// The height of a line of text of `size` points, as the PDF sets it; at least, so that
/// larger text a Word user types still fits.
pub(super) fn line(style: &doc::Style, size: f32, font: &Font) -> Option<(u32, LineRule)> {
    Some((twips(style.line_pitch(size, font)), LineRule::AtLeast))
}

/// The styles part for `style`, with spelling and hyphenation in `language`.
pub(super) fn part(style: &doc::Style, language: &str) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "w:styles",
        &[(
            "xmlns:w",
            &"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        )],
    );
    defaults(&mut xml, style, language);
    normal(&mut xml, style);
    title(&mut xml, style);
    // Word's Heading 1–3 are the model's levels 2–4; deeper ones look like subsections.
    for level in 0..3 {
        let (size, before) = style.heading(level + 2);
        heading(&mut xml, style, usize::from(level), size, before);
    }
    list_paragraph(&mut xml, style);
    toc_heading(&mut xml);
    for level in 0..TOC.len() {
        toc(&mut xml, style, level);
    }
    header_or_footer(&mut xml, style, HEADER, "header");
    header_or_footer(&mut xml, style, FOOTER, "footer");
    table_normal(&mut xml);
    table(&mut xml, style);
    hyperlink(&mut xml, style);
    for tone in Tone::ALL {
        status(&mut xml, style, tone);
    }
    xml.close("w:styles");
    xml.finish().into_bytes()
}

fn fonts(font: &Font) -> Option<&str> {
    Some(word_family(font))
}

/// The body font and size, kerning, the language, and the PDF's rules for every paragraph: no line
/// alone at the top or bottom of a page, space above (not below, which the PDF drops at the
/// top of a page as Word does), the layout's line height.
fn defaults(xml: &mut Xml, style: &doc::Style, language: &str) {
    xml.open("w:docDefaults", &[]).open("w:rPrDefault", &[]);
    // Kerned, as the PDF's text is shaped: Word kerns only when told, and unkerned text is
    // wider, so lines would break elsewhere.
    Character {
        font: fonts(&style.fonts.body),
        kerning: true,
        size: Some(half_points(style.sizes.body_pt)),
        language: Some(language),
        ..Character::default()
    }
    .write(xml);
    xml.close("w:rPrDefault").open("w:pPrDefault", &[]);
    Paragraph {
        widow_control: doc::keep::LINES_EACH_SIDE > 1,
        spacing: Spacing {
            before: Some(twips(style.spacing.paragraph_pt)),
            after: Some(0),
            line: line(style, style.sizes.body_pt, &style.fonts.body),
        },
        ..Paragraph::default()
    }
    .write(xml);
    xml.close("w:pPrDefault").close("w:docDefaults");
}

/// Opens a style of `kind` with its name and place among the styles.
fn open(xml: &mut Xml, kind: &str, id: &str, name: &str, based_on: Option<&str>) {
    xml.open("w:style", &[("w:type", &kind), ("w:styleId", &id)])
        .val("w:name", name);
    if let Some(parent) = based_on {
        xml.val("w:basedOn", parent);
    }
    if kind == "paragraph" && id != NORMAL {
        xml.val("w:next", NORMAL);
    }
}

/// A paragraph style built on Normal, as Word's built-ins are.
fn paragraph_style(
    xml: &mut Xml,
    id: &str,
    name: &str,
    paragraph: &Paragraph,
    character: &Character,
) {
    let based_on = (id != NORMAL).then_some(NORMAL);
    open(xml, "paragraph", id, name, based_on);
    if id == NORMAL {
        xml.empty("w:qFormat", &[]);
    }
    paragraph.write(xml);
    character.write(xml);
    xml.close("w:style");
}

/// Normal, which every body paragraph uses: the text colour and, for a justified style,
/// justified alignment; a Word user changes them for the whole report here.
fn normal(xml: &mut Xml, style: &doc::Style) {
    let paragraph = Paragraph {
        justification: style.spacing.justify.then_some(Justification::Both),
        ..Paragraph::default()
    };
    let character = Character {
        colour: Some(style.colours.text),
        ..Character::default()
    };
    // Normal is the default paragraph style.
    xml.open(
        "w:style",
        &[
            ("w:type", &"paragraph"),
            ("w:default", &1),
            ("w:styleId", &NORMAL),
        ],
    )
    .val("w:name", NORMAL)
    .empty("w:qFormat", &[]);
    paragraph.write(xml);
    character.write(xml);
    xml.close("w:style");
}

/// Headings are never hyphenated, as in the PDF, and stay ragged right when Normal is
/// justified: a heading that wraps would otherwise be spread across the line. Their lines
/// stay together and with what follows ([`doc::keep::kept_after`]).
fn heading_paragraph<'a>(style: &doc::Style, size: f32, before: f32) -> Paragraph<'a> {
    Paragraph {
        keep_next: Some(true),
        keep_lines: true,
        no_hyphenation: true,
        spacing: Spacing {
            before: Some(twips(before)),
            after: Some(0),
            line: line(style, size, &style.fonts.heading),
        },
        justification: style.spacing.justify.then_some(Justification::Left),
        ..Paragraph::default()
    }
}

fn heading_character(style: &doc::Style, size: f32) -> Character<'_> {
    Character {
        font: fonts(&style.fonts.heading),
        bold: true,
        colour: Some(style.colours.heading),
        size: Some(half_points(size)),
        ..Character::default()
    }
}

fn title(xml: &mut Xml, style: &doc::Style) {
    let (size, before) = style.heading(1);
    let paragraph = heading_paragraph(style, size, before);
    paragraph_style(
        xml,
        TITLE,
        "Title",
        &paragraph,
        &heading_character(style, size),
    );
}

/// Heading `level` (0 for "heading 1") of `size` points after `before` points, with its
/// outline level for the navigation pane and the table of contents.
fn heading(xml: &mut Xml, style: &doc::Style, level: usize, size: f32, before: f32) {
    let paragraph = Paragraph {
        outline_level: Some(level as u8),
        ..heading_paragraph(style, size, before)
    };
    let name = format!("heading {}", level + 1);
    let character = heading_character(style, size);
    paragraph_style(xml, HEADINGS[level], &name, &paragraph, &character);
}

/// List items sit closer together than paragraphs, as in the PDF.
fn list_paragraph(xml: &mut Xml, style: &doc::Style) {
    let paragraph = Paragraph {
        spacing: Spacing {
            before: Some(twips(style.spacing.paragraph_pt / 2.0)),
            ..Spacing::default()
        },
        ..Paragraph::default()
    };
    paragraph_style(
        xml,
        LIST_PARAGRAPH,
        "List Paragraph",
        &paragraph,
        &Character::default(),
    );
}

/// The contents' title: like a section heading, but outline level 9 ("body text") so that
/// it does not list itself in the contents or the navigation pane.
fn toc_heading(xml: &mut Xml) {
    open(
        xml,
        "paragraph",
        TOC_HEADING,
        "TOC Heading",
        Some(HEADINGS[0]),
    );
    Paragraph {
        outline_level: Some(9),
        ..Paragraph::default()
    }
    .write(xml);
    xml.close("w:style");
}

/// Contents level `level` (0 for "toc 1"): sections bold and a little apart like the PDF's,
/// subsections indented; the page number sits at the right edge after a dot leader. The
/// spacing is given again, not inherited: LibreOffice turns the field into its own
/// contents styles and would otherwise set them single-spaced.
fn toc(xml: &mut Xml, style: &doc::Style, level: usize) {
    let before = if level == 0 {
        style.spacing.paragraph_pt / 2.0
    } else {
        0.0
    };
    let paragraph = Paragraph {
        tabs: vec![Tab {
            position: section::text_width(style),
            right: true,
            leader: Some(Leader::Dot),
        }],
        spacing: Spacing {
            before: Some(twips(before)),
            after: Some(0),
            line: line(style, style.sizes.body_pt, &style.fonts.body),
        },
        indent: Some((TOC_INDENT * level as u32, 0, 0)),
        ..Paragraph::default()
    };
    let character = Character {
        bold: level == 0,
        ..Character::default()
    };
    let name = format!("toc {}", level + 1);
    paragraph_style(xml, TOC[level], &name, &paragraph, &character);
}

/// Header and footer: small grey text with a right tab stop at the text edge, where the
/// header puts the case number and the footer the page number.
fn header_or_footer(xml: &mut Xml, style: &doc::Style, id: &str, name: &str) {
    let paragraph = Paragraph {
        tabs: vec![Tab {
            position: section::text_width(style),
            right: true,
            leader: None,
        }],
        spacing: Spacing {
            before: Some(0),
            after: Some(0),
            line: line(style, style.sizes.small_pt, &style.fonts.body),
        },
        ..Paragraph::default()
    };
    let character = Character {
        colour: Some(style.colours.muted),
        size: Some(half_points(style.sizes.small_pt)),
        ..Character::default()
    };
    paragraph_style(xml, id, name, &paragraph, &character);
}

/// Word's default table style, which the table style is based on: no borders, Word's
/// standard cell margins.
fn table_normal(xml: &mut Xml) {
    xml.open(
        "w:style",
        &[
            ("w:type", &"table"),
            ("w:default", &1),
            ("w:styleId", &TABLE_NORMAL),
        ],
    )
    .val("w:name", "Normal Table")
    .val("w:uiPriority", 99)
    .empty("w:semiHidden", &[])
    .empty("w:unhideWhenUsed", &[])
    .open("w:tblPr", &[])
    .empty("w:tblInd", &[("w:w", &0), ("w:type", &"dxa")]);
    cell_margins(xml, (0, 108));
    xml.close("w:tblPr").close("w:style");
}

/// A thin grid in the rule colour with the PDF's cell padding, and a header row in bold on
/// the layout's header fill (switched on per table by `w:tblLook`); a Word user restyles
/// every table here. Cells need no space above their paragraphs: the padding gives the air.
fn table(xml: &mut Xml, style: &doc::Style) {
    open(xml, "table", TABLE, "Table Grid", Some(TABLE_NORMAL));
    Paragraph {
        spacing: Spacing {
            before: Some(0),
            after: Some(0),
            ..Spacing::default()
        },
        ..Paragraph::default()
    }
    .write(xml);
    xml.open("w:tblPr", &[]).open("w:tblBorders", &[]);
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        xml.empty(
            side,
            &[
                ("w:val", &"single"),
                ("w:sz", &((doc::TABLE_RULE_PT * 8.0).round() as u32)),
                ("w:space", &0),
                ("w:color", &style.colours.rule.hex()),
            ],
        );
    }
    xml.close("w:tblBorders");
    cell_margins(xml, CELL_PADDING);
    xml.close("w:tblPr")
        .open("w:tblStylePr", &[("w:type", &"firstRow")]);
    Character {
        bold: true,
        ..Character::default()
    }
    .write(xml);
    xml.open("w:tcPr", &[])
        .empty(
            "w:shd",
            &[
                ("w:val", &"clear"),
                ("w:color", &"auto"),
                ("w:fill", &style.colours.table_header.hex()),
            ],
        )
        .close("w:tcPr")
        .close("w:tblStylePr")
        .close("w:style");
}

/// `w:tblCellMar` of `(vertical, horizontal)` twips.
pub(super) fn cell_margins(xml: &mut Xml, (vertical, horizontal): (u32, u32)) {
    xml.open("w:tblCellMar", &[]);
    for (side, width) in [
        ("w:top", vertical),
        ("w:left", horizontal),
        ("w:bottom", vertical),
        ("w:right", horizontal),
    ] {
        xml.empty(side, &[("w:w", &width), ("w:type", &"dxa")]);
    }
    xml.close("w:tblCellMar");
}

fn hyperlink(xml: &mut Xml, style: &doc::Style) {
    open(xml, "character", HYPERLINK, "Hyperlink", None);
    Character {
        colour: Some(style.colours.link),
        underline: true,
        ..Character::default()
    }
    .write(xml);
    xml.close("w:style");
}

/// The character style of a status badge in `tone`, e.g. "Status Good".
pub(super) fn status_style(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "StatusGood",
        Tone::Warning => "StatusWarning",
        Tone::Bad => "StatusBad",
        Tone::Done => "StatusDone",
        Tone::Neutral => "StatusNeutral",
    }
}

/// A status word on a light tone, in bold dark text of the same hue: the word carries the
/// meaning, the colour only repeats it.
fn status(xml: &mut Xml, style: &doc::Style, tone: Tone) {
    let colours = style.status_colours.get(tone);
    let id = status_style(tone);
    let name = format!("Status {}", &id["Status".len()..]);
    open(xml, "character", id, &name, None);
    Character {
        bold: true,
        colour: Some(colours.text),
        shading: Some(colours.fill),
        ..Character::default()
    }
    .write(xml);
    xml.close("w:style");
}
