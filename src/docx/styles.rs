//! The styles the document uses, defined once in styles.xml under Word's built-in names.
//!
//! Entry point: [`add_styles`]. Paragraphs refer to these by id and carry no font, size or
//! colour of their own, so that a Word user restyles the whole report by editing a style.
//! Word recognises built-in styles by their (lower-case) names, e.g. "heading 1". Fonts,
//! sizes, spacing and colours come from the layout's [`doc::Style`].

use super::page;
use crate::doc::{self, Font, Rgb, Tone};
use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, LineSpacingType, RunFonts, Shading, ShdType,
    Style, StyleType, Tab, TabLeaderType, TabValueType, TableBorder, TableBorderPosition,
    TableBorders, TableCellMargins,
};

/// The name a DOCX gives the bundled font. The PDF uses Carlito, which has Calibri's
/// metrics, so Word shows the same line breaks and LibreOffice substitutes Carlito for it.
pub(super) const BUNDLED_WORD_FAMILY: &str = "Calibri";

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

/// "Auto" line spacing is a multiple of the font's own line height, which for Calibri is
/// 1.22 em; Word counts it in 240ths.
const CALIBRI_LINE_EM: f32 = 1.22;
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

/// `points` in half-points, Word's unit of font size. The style's sizes are bounded, so the
/// cast cannot overflow.
fn half_points(points: f32) -> usize {
    (points * 2.0).round() as usize
}

/// `points` in twentieths of a point, Word's unit of spacing.
fn twentieths(points: f32) -> u32 {
    (points * 20.0).round() as u32
}

/// `line_height` (a multiple of the font size) as Word's "auto" line spacing.
fn auto_line(line_height: f32) -> i32 {
    (line_height / CALIBRI_LINE_EM * 240.0).round() as i32
}

/// The family name Word is given for `font`: the bundled Carlito goes by Calibri, whose
/// metrics it shares (the font table names Carlito as the alternative); a layout's own font
/// by its family name.
fn word_family(font: &Font) -> &str {
    match font.files {
        None => BUNDLED_WORD_FAMILY,
        Some(_) => &font.family,
    }
}

fn run_fonts(font: &Font) -> RunFonts {
    let family = word_family(font);
    RunFonts::new()
        .ascii(family)
        .hi_ansi(family)
        .east_asia(family)
        .cs(family)
}

/// Adds the document defaults (font, size, spacing) and every style the converter refers to,
/// all taken from `style`. Normal's colour and alignment are added by the patch, as docx-rs
/// writes Normal itself.
pub(super) fn add_styles(docx: Docx, style: &doc::Style) -> Docx {
    let spacing = LineSpacing::new()
        .after(twentieths(style.paragraph_space_pt))
        .line(auto_line(style.line_height))
        .line_rule(LineSpacingType::Auto);
    let text_width = page::text_width(style) as usize;
    let headings = [
        (style.heading_size_pt, style.heading_space_before_pt),
        (style.subheading_size_pt, style.subheading_space_before_pt),
        // Deeper headings look like subsections, as in the PDF.
        (style.subheading_size_pt, style.subheading_space_before_pt),
    ];
    [title(style), subtitle(style)]
        .into_iter()
        .chain(
            headings
                .into_iter()
                .enumerate()
                .map(|(level, (size, before))| heading(style, level, size, before)),
        )
        .chain([
            list_paragraph(),
            caption(style),
            toc_heading(),
            toc(0, style, text_width),
            toc(1, style, text_width),
            toc(2, style, text_width),
            header_or_footer(HEADER, "header", style, text_width),
            header_or_footer(FOOTER, "footer", style, text_width),
            table(style.rule_colour),
            hyperlink(style.link_colour),
        ])
        .chain(TONES.map(|tone| status(tone, style)))
        .fold(
            docx.default_fonts(run_fonts(&style.body_font))
                .default_size(half_points(style.body_size_pt))
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

fn title(style: &doc::Style) -> Style {
    let title = paragraph_style(TITLE, "Title")
        .fonts(run_fonts(&style.heading_font))
        .size(half_points(style.title_size_pt))
        .bold()
        .color(style.heading_colour.hex())
        .line_spacing(
            LineSpacing::new()
                .before(twentieths(style.title_space_before_pt))
                .after(240)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        );
    ragged(keep_with_next(title), style.justify)
}

fn subtitle(style: &doc::Style) -> Style {
    paragraph_style(SUBTITLE, "Subtitle")
        .size(28)
        .color(style.muted_colour.hex())
}

/// Heading `level` (0 for "heading 1") of `size` points after `before` points: outline level
/// for the navigation pane and a table of contents, kept with the paragraph that follows so
/// it never ends a page.
fn heading(style: &doc::Style, level: usize, size: f32, before: f32) -> Style {
    let name = format!("heading {}", level + 1);
    let heading = paragraph_style(HEADINGS[level], &name)
        .fonts(run_fonts(&style.heading_font))
        .size(half_points(size))
        .bold()
        .color(style.heading_colour.hex())
        .outline_lvl(level)
        .line_spacing(LineSpacing::new().before(twentieths(before)).after(80));
    ragged(keep_with_next(heading), style.justify)
}

/// Headings stay ragged right when Normal is justified: a heading that wraps would otherwise
/// be spread across the line.
fn ragged(style: Style, justify: bool) -> Style {
    if justify {
        style.align(AlignmentType::Left)
    } else {
        style
    }
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

fn caption(style: &doc::Style) -> Style {
    paragraph_style(CAPTION, "caption")
        .italic()
        .size(half_points(style.small_size_pt))
        .color(style.muted_colour.hex())
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

/// Contents level `level` (0 for "toc 1"): sections bold and a little apart like the PDF's,
/// subsections indented; the page number sits at the right edge after a dot leader. The
/// line spacing is given again, not inherited: LibreOffice turns the field into its own
/// contents styles and would otherwise set them single-spaced.
fn toc(level: usize, style: &doc::Style, text_width: usize) -> Style {
    let name = format!("toc {}", level + 1);
    let leader = Tab::new()
        .val(TabValueType::Right)
        .leader(TabLeaderType::Dot)
        .pos(text_width);
    let before = if level == 0 {
        twentieths(style.paragraph_space_pt / 2.0)
    } else {
        0
    };
    let spacing = LineSpacing::new()
        .before(before)
        .after(0)
        .line(auto_line(style.line_height))
        .line_rule(LineSpacingType::Auto);
    let mut toc = paragraph_style(TOC[level], &name)
        .indent(Some(TOC_INDENT * level as i32), None, None, None)
        .line_spacing(spacing);
    if level == 0 {
        toc = toc.bold();
    }
    toc.paragraph_property = toc.paragraph_property.add_tab(leader);
    toc
}

/// Header and footer: small grey text with a right tab stop at the text edge, where the
/// header puts the case number and the footer the page number.
fn header_or_footer(id: &str, name: &str, style: &doc::Style, text_width: usize) -> Style {
    let mut word_style = paragraph_style(id, name)
        .size(half_points(style.small_size_pt))
        .color(style.muted_colour.hex())
        .line_spacing(LineSpacing::new().after(0));
    let right = Tab::new().val(TabValueType::Right).pos(text_width);
    word_style.paragraph_property = word_style.paragraph_property.add_tab(right);
    word_style
}

/// A thin grid in the rule colour with roomy cells; the header row's look is added by the
/// patch, as docx-rs cannot write it.
fn table(rule: Rgb) -> Style {
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(rule.hex())
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
fn status(tone: Tone, style: &doc::Style) -> Style {
    let colours = style.badges.get(tone);
    let id = status_style(tone);
    let shading = Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(colours.fill.hex());
    let mut word_style = Style::new(id, StyleType::Character)
        .name(format!("Status {}", &id["Status".len()..]))
        .bold()
        .color(colours.text.hex());
    word_style.run_property = word_style.run_property.shading(shading);
    word_style
}

fn hyperlink(colour: Rgb) -> Style {
    Style::new(HYPERLINK, StyleType::Character)
        .name("Hyperlink")
        .color(colour.hex())
        .underline("single")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::FontFiles;
    use std::sync::Arc;

    #[test]
    fn points_become_word_units() {
        assert_eq!(half_points(10.5), 21);
        assert_eq!(half_points(12.5), 25);
        assert_eq!(twentieths(6.0), 120);
        assert_eq!(twentieths(0.0), 0);
        assert_eq!(auto_line(1.35), 266);
        assert_eq!(auto_line(CALIBRI_LINE_EM), 240);
    }

    #[test]
    fn the_bundled_font_goes_by_calibri_and_a_layouts_own_by_its_name() {
        assert_eq!(word_family(&Font::bundled()), "Calibri");
        let face = Arc::new(Vec::new());
        let own = Font {
            family: "Source Sans 3".to_owned(),
            files: Some(FontFiles {
                regular: face.clone(),
                bold: face.clone(),
                italic: face.clone(),
                bold_italic: face,
            }),
        };
        assert_eq!(word_family(&own), "Source Sans 3");
    }
}
