//! Blocks of the document model as Word paragraphs and tables, in reading order.
//!
//! Entry point: [`convert`]. Headings map to Word's Title and Heading styles, body text to
//! Normal; every heading is a bookmark the table of contents links to. Lists, tables,
//! pictures and the contents are handed to their own modules. Along the way the
//! [`ConvertContext`] records what [`super::patch`] must add afterwards.

use super::contents::{self, Bookmarks, Entry};
use super::inline::{self, LinkIds};
use super::lists::{self, ListNumbering};
use super::{DocxError, images, page, styles, tables};
use crate::doc::{
    Block, Chart, Image, LogoAlign, Meta, NumberFormat, PageMap, Run as DocRun, Style,
    Table as DocTable,
};
use docx_rs::{AlignmentType, BreakType, Paragraph, Run, Table};

/// State carried through one conversion.
#[derive(Debug)]
pub(super) struct ConvertContext {
    /// The width between the margins, in twips, which tables fill.
    pub(super) text_width: usize,
    /// Whether body text is justified, which left-aligned table cells must not be.
    pub(super) justify: bool,
    /// The style and number format charts are drawn with; the logos' alignment.
    style: Style,
    numbers: NumberFormat,
    pub(super) lists: ListNumbering,
    pub(super) links: LinkIds,
    pub(super) bookmarks: Bookmarks,
    /// The lines of the table of contents, known before the first block is converted.
    contents: Vec<Entry>,
    /// Alternative text of each picture, in document order.
    pub(super) image_alts: Vec<String>,
    /// For each table in document order, whether its first row is a header.
    pub(super) table_headers: Vec<bool>,
    /// Each table's column widths in the PDF, as fractions of the table's width.
    pub(super) table_columns: Vec<Vec<f32>>,
}

impl ConvertContext {
    /// A fresh context for a document described by `meta`, whose tables the PDF laid out
    /// with `table_columns`.
    pub(super) fn new(meta: &Meta, table_columns: &[Vec<f32>]) -> ConvertContext {
        let style = &meta.style;
        ConvertContext {
            text_width: page::text_width(style) as usize,
            justify: style.justify,
            style: style.clone(),
            numbers: meta.numbers.clone(),
            lists: ListNumbering::default(),
            links: LinkIds::default(),
            bookmarks: Bookmarks::default(),
            contents: Vec::new(),
            image_alts: Vec::new(),
            table_headers: Vec::new(),
            table_columns: table_columns.to_vec(),
        }
    }
}

/// One top-level piece of the document body (boxed: docx-rs elements are large).
pub(super) enum Element {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

impl From<Paragraph> for Element {
    fn from(paragraph: Paragraph) -> Self {
        Element::Paragraph(Box::new(paragraph))
    }
}

impl From<Table> for Element {
    fn from(table: Table) -> Self {
        Element::Table(Box::new(table))
    }
}

/// Converts `blocks` into body elements; `pages` gives the contents their page numbers.
pub(super) fn convert(
    blocks: &[Block],
    pages: &PageMap,
    context: &mut ConvertContext,
) -> Result<Vec<Element>, DocxError> {
    context.contents = contents::entries(blocks, pages, &mut context.bookmarks);
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        match block {
            // A heading's space above already sets a table off from it.
            Block::Table(table) => {
                let heading_next = matches!(blocks.get(index + 1), Some(Block::Heading { .. }));
                convert_table(table, !heading_next, context, &mut out);
            }
            Block::Paragraph(runs) if keeps_with_next(blocks, index, runs) => {
                let paragraph = Paragraph::new().keep_next(true);
                let paragraph = inline::add_runs(paragraph, runs, &mut context.links);
                out.push(Element::from(paragraph));
            }
            _ => convert_block(block, context, &mut out)?,
        }
    }
    Ok(out)
}

/// A paragraph of fewer characters than this fits on one line of any page.
const ONE_LINE: usize = 40;

/// Whether the paragraph at `index` stays on the page of what follows, as in the PDF: a
/// chart's caption, and a one-line paragraph right after a heading (a label such as "Mål"),
/// which the PDF keeps with the heading and the line after it.
fn keeps_with_next(blocks: &[Block], index: usize, runs: &[DocRun]) -> bool {
    let caption = matches!(blocks.get(index + 1), Some(Block::Chart(_)));
    let after_heading = index
        .checked_sub(1)
        .is_some_and(|i| matches!(blocks[i], Block::Heading { .. }));
    let short = runs.iter().map(|r| r.text.chars().count()).sum::<usize>() < ONE_LINE;
    caption || (after_heading && short)
}

/// Converts one block, appending what it becomes to `out`.
pub(super) fn convert_block(
    block: &Block,
    context: &mut ConvertContext,
    out: &mut Vec<Element>,
) -> Result<(), DocxError> {
    match block {
        Block::Heading {
            level,
            runs,
            anchor,
        } => out.push(Element::from(heading(*level, runs, anchor, context))),
        Block::Paragraph(runs) => {
            out.push(Element::from(inline::add_runs(
                Paragraph::new(),
                runs,
                &mut context.links,
            )));
        }
        Block::List(list) => lists::convert_list(list, 0, context, out)?,
        Block::Table(table) => convert_table(table, true, context, out),
        Block::Logos(logos) if logos.is_empty() => {}
        Block::Logos(logos) => {
            let align = context.style.logo.align;
            out.push(Element::from(picture_row(logos, align, context)?));
        }
        Block::Chart(chart) => out.push(Element::from(chart_picture(chart, context)?)),
        Block::Signatures(signatures) => tables::convert_signatures(signatures, context, out),
        Block::Contents { title } => out.extend(contents::render(title, &context.contents)),
        Block::PageBreak => {
            let page_break = Run::new().add_break(BreakType::Page);
            out.push(Element::from(Paragraph::new().add_run(page_break)));
        }
    }
    Ok(())
}

/// Converts a data table, followed by an empty paragraph if `spacer`: Word and LibreOffice
/// merge tables that touch, and the paragraph gives the text after a table some air.
fn convert_table(
    table: &DocTable,
    spacer: bool,
    context: &mut ConvertContext,
    out: &mut Vec<Element>,
) {
    if let Some(table) = tables::convert_table(table, context) {
        out.push(Element::from(table));
        if spacer {
            out.push(Element::from(Paragraph::new()));
        }
    }
}

/// Level 1 is the document's title; sections and subsections are Word's headings 1 and 2.
fn heading_style(level: u8) -> &'static str {
    match level {
        0 | 1 => styles::TITLE,
        2 => styles::HEADINGS[0],
        3 => styles::HEADINGS[1],
        _ => styles::HEADINGS[2],
    }
}

/// A heading paragraph whose text is a bookmark named after its anchor.
fn heading(level: u8, runs: &[DocRun], anchor: &str, context: &mut ConvertContext) -> Paragraph {
    let id = context.bookmarks.next_id();
    let paragraph = Paragraph::new()
        .style(heading_style(level))
        .add_bookmark_start(id, context.bookmarks.name(anchor));
    inline::add_runs(paragraph, runs, &mut context.links).add_bookmark_end(id)
}

/// The chart as a picture rendered from the same drawing as the PDF's, with the series in
/// words as its alternative text, kept on one page with what follows (its trend table).
fn chart_picture(chart: &Chart, context: &mut ConvertContext) -> Result<Paragraph, DocxError> {
    let image = crate::chart::figure(chart, &context.style, &context.numbers);
    Ok(picture_row(&[image], LogoAlign::Left, context)?.keep_next(true))
}

/// Pictures side by side in one paragraph, a space apart, aligned by `align`.
fn picture_row(
    logos: &[Image],
    align: LogoAlign,
    context: &mut ConvertContext,
) -> Result<Paragraph, DocxError> {
    let mut paragraph = match align {
        LogoAlign::Left => Paragraph::new(),
        LogoAlign::Center => Paragraph::new().align(AlignmentType::Center),
        LogoAlign::Right => Paragraph::new().align(AlignmentType::Right),
    };
    for (index, logo) in logos.iter().enumerate() {
        let number = context.image_alts.len() + 1;
        let options = crate::image::svg_options_with(&context.style.font_files());
        let picture = images::picture(logo, number, &options)?;
        if index > 0 {
            paragraph = paragraph.add_run(Run::new().add_text("   "));
        }
        paragraph = paragraph.add_run(Run::new().add_image(picture));
        context.image_alts.push(logo.alt.clone());
    }
    Ok(paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_levels_map_to_word_styles() {
        let styles: Vec<&str> = (1..=5).map(heading_style).collect();
        assert_eq!(
            styles,
            ["Title", "Heading1", "Heading2", "Heading3", "Heading3"]
        );
    }
}
