//! The styles the document uses, defined once in styles.xml under Word's built-in names.
//!
//! Entry point: [`add_styles`]. Paragraphs refer to these by id and carry no font, size or
//! colour of their own, so that a Word user restyles the whole report by editing a style.
//! Word recognises built-in styles by their (lower-case) names, e.g. "heading 1".

use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, LineSpacingType, RunFonts, Style, StyleType, Tab,
    TabValueType, TableBorder, TableBorderPosition, TableBorders, TableCellMargins,
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
pub(super) const HEADER: &str = "Header";
pub(super) const FOOTER: &str = "Footer";

/// Sizes are in half-points, as Word stores them.
const BODY_SIZE: usize = 22;
/// Spacing is in twentieths of a point; 276 "auto" is Word's 1.15 lines.
const BODY_LINE: i32 = 276;
const BODY_AFTER: u32 = 120;
/// Dark blue for titles and headings: 10.9:1 against white.
const HEADING_COLOR: &str = "1F3864";
/// Grey for secondary text (subtitle, header, footer, captions): 7:1 against white.
const MUTED_COLOR: &str = "595959";
/// Word's default link blue: 5.8:1 against white.
const LINK_COLOR: &str = "0563C1";
const TABLE_BORDER_COLOR: &str = "A6A6A6";

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
        heading(0, 32, 360),
        heading(1, 26, 240),
        heading(2, 24, 200),
        list_paragraph(),
        caption(),
        header_or_footer(HEADER, "header"),
        header_or_footer(FOOTER, "footer"),
        table(),
        hyperlink(),
    ]
    .into_iter()
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
        .size(52)
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

/// Header and footer: small grey text with a right tab stop at the text edge, where the
/// header puts the case number.
fn header_or_footer(id: &str, name: &str) -> Style {
    let mut style = paragraph_style(id, name)
        .size(18)
        .color(MUTED_COLOR)
        .line_spacing(LineSpacing::new().after(0));
    let right = Tab::new()
        .val(TabValueType::Right)
        .pos(super::page::TEXT_WIDTH as usize);
    style.paragraph_property = style.paragraph_property.add_tab(right);
    if id == FOOTER {
        style = style.align(AlignmentType::Right);
    }
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
    let margins = TableCellMargins::new().margin(60, 100, 60, 100);
    Style::new(TABLE, StyleType::Table)
        .name("Table Grid")
        .based_on("TableNormal")
        .set_borders(borders)
        .margins(margins)
        // Cells need no space after their last paragraph; the cell margins give the air.
        .line_spacing(LineSpacing::new().after(0))
}

fn hyperlink() -> Style {
    Style::new(HYPERLINK, StyleType::Character)
        .name("Hyperlink")
        .color(LINK_COLOR)
        .underline("single")
}
