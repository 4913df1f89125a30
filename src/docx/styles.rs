//! The styles the document uses, defined once in styles.xml under Word's built-in names.
//!
//! Entry point: [`add_styles`]. Paragraphs refer to these by id and carry no font, size or
//! colour of their own, so that a Word user restyles the whole report by editing a style.
//! Word recognises built-in styles by their (lower-case) names, e.g. "heading 1".

use crate::doc::Tone;
use docx_rs::{
    BorderType, Docx, LineSpacing, LineSpacingType, RunFonts, Shading, ShdType, Style, StyleType,
    Tab, TabLeaderType, TabValueType, TableBorder, TableBorderPosition, TableBorders,
    TableCellMargins,
};

/// The body font. The PDF uses Carlito, which has Calibri's metrics, so Word shows the same
/// line breaks and LibreOffice substitutes Carlito for it.
pub(super) const FONT: &str = "Calibri";

pub(super) const TITLE: &str = "Title";
pub(super) const SUBTITLE: &str = "Subtitle";
pub(super) const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
pub(super) const LIST_PARAGRAPH: &str = "ListParagraph";
pub(super) const CAPTION: &str = "Caption";
pub(super) const TABLE: &str = "TableGrid";
pub(super) const HYPERLINK: &str = "Hyperlink";
pub(super) const TOC_HEADING: &str = "TOCHeading";
pub(super) const TOC: [&str; 3] = ["TOC1", "TOC2", "TOC3"];
pub(super) const HEADER: &str = "Header";
pub(super) const FOOTER: &str = "Footer";

/// Sizes are in half-points, as Word stores them: 10.5 pt, as in the PDF.
const BODY_SIZE: usize = 21;
/// Spacing is in twentieths of a point. "Auto" lines are multiples of Calibri's own line
/// height (1.22 em) in 240ths: 266 gives the PDF's 1.35 em.
const BODY_LINE: i32 = 266;
/// 6 pt after each paragraph, as in the PDF.
const BODY_AFTER: u32 = 120;
/// Dark blue for titles and headings: 10.9:1 against white.
const HEADING_COLOR: &str = "1F3864";
/// Grey for secondary text (subtitle, header, footer, captions): 7:1 against white.
const MUTED_COLOR: &str = "595959";
/// Word's default link blue: 5.8:1 against white.
const LINK_COLOR: &str = "0563C1";
const TABLE_BORDER_COLOR: &str = "A6A6A6";
/// The table style's header row: light blue-grey behind black bold text (15:1).
pub(super) const TABLE_HEADER_FILL: &str = "D9E2F3";
/// Each further contents level is indented by this much, in twips (12 pt, as in the PDF).
const TOC_INDENT: i32 = 240;
/// Every tone of a status badge, in the order their styles are listed.
const TONES: [Tone; 5] = [
    Tone::Good,
    Tone::Warning,
    Tone::Bad,
    Tone::Done,
    Tone::Neutral,
];

/// Adds the document defaults (font, size, spacing) and every style the converter refers to.
pub(super) fn add_styles(docx: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT);
    let spacing = LineSpacing::new()
        .after(BODY_AFTER)
        .line(BODY_LINE)
        .line_rule(LineSpacingType::Auto);
    [
        title(),
        subtitle(),
        // Sizes and space above as in the PDF: 16 pt after 16 pt, 12.5 pt after 11 pt.
        heading(0, 32, 320),
        heading(1, 25, 220),
        heading(2, 23, 200),
        list_paragraph(),
        caption(),
        toc_heading(),
        toc(0),
        toc(1),
        toc(2),
        header_or_footer(HEADER, "header"),
        header_or_footer(FOOTER, "footer"),
        table(),
        hyperlink(),
    ]
    .into_iter()
    .chain(TONES.map(status))
    .fold(
        docx.default_fonts(fonts)
            .default_size(BODY_SIZE)
            .default_line_spacing(spacing),
        Docx::add_style,
    )
}

/// A paragraph style built on Normal, as Word's built-ins are.
fn paragraph_style(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
}

fn title() -> Style {
    let style = paragraph_style(TITLE, "Title")
        .size(48)
        .color(HEADING_COLOR)
        .line_spacing(
            LineSpacing::new()
                .after(240)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        );
    keep_with_next(style)
}

fn subtitle() -> Style {
    paragraph_style(SUBTITLE, "Subtitle")
        .size(28)
        .color(MUTED_COLOR)
}

/// Heading `level` (0 for "heading 1"): outline level for the navigation pane and a table of
/// contents, kept with the paragraph that follows so it never ends a page.
fn heading(level: usize, size: usize, before: u32) -> Style {
    let name = format!("heading {}", level + 1);
    let style = paragraph_style(HEADINGS[level], &name)
        .size(size)
        .bold()
        .color(HEADING_COLOR)
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(before).after(80));
    keep_with_next(style)
}

fn keep_with_next(mut style: Style) -> Style {
    style.paragraph_property = style.paragraph_property.keep_next(true).keep_lines(true);
    style
}

/// List text sits at the numbering's indent; items are close together like in Word.
fn list_paragraph() -> Style {
    paragraph_style(LIST_PARAGRAPH, "List Paragraph")
        .indent(Some(720), None, None, None)
        .line_spacing(LineSpacing::new().after(60))
}

fn caption() -> Style {
    paragraph_style(CAPTION, "caption")
        .italic()
        .size(18)
        .color(MUTED_COLOR)
}

/// The contents' title: like a section heading, but outline level 9 ("body text") so that
/// it does not list itself in the contents or the navigation pane.
fn toc_heading() -> Style {
    Style::new(TOC_HEADING, StyleType::Paragraph)
        .name("TOC Heading")
        .based_on(HEADINGS[0])
        .next("Normal")
        .outline_lvl(9)
}

/// Contents level `level` (0 for "toc 1"): sections bold like the PDF's, subsections
/// indented; the page number sits at the right edge after a dot leader.
fn toc(level: usize) -> Style {
    let name = format!("toc {}", level + 1);
    let leader = Tab::new()
        .val(TabValueType::Right)
        .leader(TabLeaderType::Dot)
        .pos(super::page::TEXT_WIDTH as usize);
    let mut style = paragraph_style(TOC[level], &name)
        .indent(Some(TOC_INDENT * level as i32), None, None, None)
        .line_spacing(LineSpacing::new().after(0));
    if level == 0 {
        style = style.bold();
    }
    style.paragraph_property = style.paragraph_property.add_tab(leader);
    style
}

/// Header and footer: small grey text with a right tab stop at the text edge, where the
/// header puts the case number and the footer the page number.
fn header_or_footer(id: &str, name: &str) -> Style {
    let mut style = paragraph_style(id, name)
        .size(18)
        .color(MUTED_COLOR)
        .line_spacing(LineSpacing::new().after(0));
    let right = Tab::new()
        .val(TabValueType::Right)
        .pos(super::page::TEXT_WIDTH as usize);
    style.paragraph_property = style.paragraph_property.add_tab(right);
    style
}

/// Thin grey grid with roomy cells; the header row's shading is set on its cells.
fn table() -> Style {
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(TABLE_BORDER_COLOR)
    };
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::with_empty(), |borders, position| {
        borders.set(border(position))
    });
    // 3.5 pt above and below, 5 pt at the sides, as in the PDF.
    let margins = TableCellMargins::new().margin(70, 100, 70, 100);
    Style::new(TABLE, StyleType::Table)
        .name("Table Grid")
        .based_on("TableNormal")
        .set_borders(borders)
        .margins(margins)
        // Cells need no space after their last paragraph; the cell margins give the air.
        .line_spacing(LineSpacing::new().after(0))
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
fn status(tone: Tone) -> Style {
    let (fill, text) = badge_colors(tone);
    let id = status_style(tone);
    let shading = Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(fill);
    let mut style = Style::new(id, StyleType::Character)
        .name(format!("Status {}", &id["Status".len()..]))
        .bold()
        .color(text);
    style.run_property = style.run_property.shading(shading);
    style
}

/// (background, text) for each tone; every pair has a contrast of at least 4.5:1.
fn badge_colors(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Good => ("C6EFCE", "006100"),
        Tone::Warning => ("FFEB9C", "6B4000"),
        Tone::Bad => ("FFC7CE", "9C0006"),
        Tone::Done => ("DDEBF7", "1F4E79"),
        Tone::Neutral => ("EDEDED", "404040"),
    }
}

fn hyperlink() -> Style {
    Style::new(HYPERLINK, StyleType::Character)
        .name("Hyperlink")
        .color(LINK_COLOR)
        .underline("single")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance of an RRGGBB colour.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let value =
                f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex colour")) / 255.0;
            if value <= 0.03928 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    #[test]
    fn badge_text_contrasts_with_its_background() {
        for tone in TONES {
            let (fill, text) = badge_colors(tone);
            let ratio = (luminance(fill) + 0.05) / (luminance(text) + 0.05);
            assert!(ratio >= 4.5, "{tone:?}: {ratio:.2}");
        }
    }
}
