//! The document body: blocks of the document model as Word paragraphs and tables, in
//! reading order.
//!
//! Entry point: [`Body::write`]. Headings map to Word's Title and Heading styles, body text
//! to Normal; every heading is a bookmark the table of contents links to. Whether a block
//! keeps with the next is [`keep`]'s decision, the same the PDF follows. Lists, tables,
//! pictures and the contents have their own modules.

use super::contents::{self, Bookmarks, Entry};
use super::formatting::{Character, Justification, LineRule, Paragraph, Spacing, twips};
use super::images::{Drawings, EMU_PER_MM, PICTURE_TYPE_SIZE};
use super::lists::{self, ListNumbering};
use super::package::{Relation, Relationships};
use super::xml::Xml;
use super::{DocxError, inline, section, styles, tables};
use crate::doc::keep::{self, Keep};
use crate::doc::{Block, Chart, Image, LOGO_GAP_MM, List, LogoAlign, Meta, PT_PER_MM, Run, Table};
use crate::text::Hyphenator;
use crate::typeset::Typeset;
use resvg::usvg;
use std::sync::Arc;

/// The body being written, with everything it refers to.
pub(super) struct Body<'a> {
    pub(super) xml: Xml,
    meta: &'a Meta,
    typeset: &'a Typeset,
    /// The width between the margins, in twips, which tables fill.
    text_width: u32,
    /// The document part's relationships: links, pictures, charts.
    pub(super) relationships: Relationships,
    pub(super) drawings: Drawings,
    pub(super) lists: ListNumbering,
    pub(super) charts: Vec<ChartPart>,
    bookmarks: Bookmarks,
    /// The lines of the table of contents, known before the first block is written.
    contents: Vec<Entry>,
    /// Set by a page break: the next paragraph starts a page.
    page_break: bool,
    /// Nothing has been written yet.
    at_start: bool,
    /// How words of the report's language may be broken, as in the PDF.
    hyphenator: Option<Hyphenator>,
    /// How SVG logos are drawn: with the layout's fonts.
    svg_options: Arc<usvg::Options<'static>>,
    /// Takes the XML written so far whenever it reaches [`PIECE`] bytes, after a block.
    hand_on: &'a mut dyn FnMut(String),
}

/// The size of the pieces of XML the body hands on as it goes: its caller compresses them
/// while the rest is written.
const PIECE: usize = 1 << 20;

impl<'a> Body<'a> {
    /// Writes `blocks`, with the contents' pages and the tables' column widths from the
    /// PDF's `typeset`, handing the XML written on to `hand_on` in pieces of about
    /// [`PIECE`] bytes; the last piece is left in `xml`.
    pub(super) fn write(
        blocks: &[Block],
        meta: &'a Meta,
        typeset: &'a Typeset,
        hand_on: &'a mut dyn FnMut(String),
    ) -> Result<Body<'a>, DocxError> {
        let mut bookmarks = Bookmarks::default();
        let contents = contents::entries(blocks, &typeset.pages, &mut bookmarks);
        let mut body = Body {
            xml: Xml::fragment(),
            meta,
            typeset,
            text_width: section::text_width(&meta.style),
            relationships: Relationships::default(),
            drawings: Drawings::default(),
            lists: ListNumbering::default(),
            charts: Vec::new(),
            bookmarks,
            contents,
            page_break: false,
            at_start: true,
            hyphenator: Hyphenator::for_language(&meta.language),
            svg_options: crate::image::svg_options_with(&meta.style.font_files()),
            hand_on,
        };
        body.blocks(blocks, None)?;
        // Word ends a document with a paragraph, never a table.
        if matches!(blocks.last(), Some(Block::Table(_) | Block::Signatures(_))) {
            body.xml.empty("w:p", &[]);
        }
        Ok(body)
    }

    /// Writes `blocks`, inside a list item at `depth` if given.
    fn blocks(&mut self, blocks: &[Block], depth: Option<usize>) -> Result<(), DocxError> {
        for (index, block) in blocks.iter().enumerate() {
            let next = blocks.get(index + 1);
            // Tables have no space above in Word: the paragraph before gives it.
            let after = matches!(next, Some(Block::Table(_)))
                .then(|| twips(self.meta.style.spacing.paragraph_pt * 1.5));
            let paragraph = Paragraph {
                keep_next: self.keep_next(blocks, index),
                spacing: Spacing {
                    after,
                    ..Spacing::default()
                },
                ..Paragraph::default()
            };
            self.block(block, paragraph, depth)?;
            if matches!(block, Block::Table(_) | Block::Signatures(_)) && next.is_some() {
                self.after_table();
            }
            if depth.is_none() && self.xml.len() >= PIECE {
                (self.hand_on)(self.xml.take());
            }
        }
        Ok(())
    }

    /// Whether `blocks[index]` keeps with the next ([`keep::kept_after`]), as the PDF
    /// decided it: `None` leaves it to the style (a heading's keeps). Where the PDF breaks
    /// the paragraph a heading keeps, the heading already has what it keeps on its page, and
    /// asking again would make LibreOffice move heading and paragraph to the next page.
    fn keep_next(&self, blocks: &[Block], index: usize) -> Option<bool> {
        let typeset = self.typeset;
        let heading_at = |i: usize| match &blocks[i] {
            Block::Heading { anchor, .. } => Some(anchor.as_str()),
            _ => None,
        };
        let after = index.checked_sub(1).and_then(heading_at);
        let one_line = after.is_some_and(|anchor| typeset.one_line_after.contains(anchor));
        // The heading whose kept paragraph this block keeps: its own, or, for a one-line
        // paragraph right after a heading, that heading's.
        let chain = match heading_at(index) {
            Some(anchor) if typeset.one_line_after.contains(anchor) => None,
            Some(anchor) => Some(anchor),
            None => after.filter(|_| one_line),
        };
        let broken = chain.is_some_and(|anchor| typeset.broken_after.contains(anchor));
        let keeps = keep::kept_after(blocks, index, one_line) == Keep::Next;
        match heading_at(index) {
            Some(_) => broken.then_some(false),
            None => (keeps && !broken).then_some(true),
        }
    }

    /// Writes one block with the paragraph properties `paragraph` its place gave it.
    fn block(
        &mut self,
        block: &Block,
        paragraph: Paragraph,
        depth: Option<usize>,
    ) -> Result<(), DocxError> {
        match block {
            Block::Heading {
                level,
                runs,
                anchor,
            } => self.heading(*level, runs, anchor, paragraph),
            Block::Paragraph(runs) => self.paragraph(runs, paragraph, depth),
            Block::List(list) => self.list(list, depth.map_or(0, |d| d + 1))?,
            Block::Table(table) => self.table(table),
            Block::Logos(logos) if logos.is_empty() => {}
            Block::Logos(logos) => self.pictures(logos, self.meta.style.logo.align, paragraph)?,
            Block::Chart(chart) => self.chart(chart, paragraph)?,
            Block::Signatures(signatures) => {
                self.break_before_table();
                tables::signatures(&mut self.xml, signatures, &self.meta.style, self.text_width);
            }
            Block::Contents { title } => {
                let paragraph = self.starting(paragraph);
                contents::write(&mut self.xml, title, &self.contents, paragraph);
            }
            Block::PageBreak => self.page_break = true,
        }
        Ok(())
    }

    /// `paragraph`, starting a page if a page break came before it. Space above the first
    /// paragraph of a page is dropped, as the PDF drops it; Word and LibreOffice drop it only
    /// where text flows onto a new page, not at the start of the document or after a break.
    fn starting<'p>(&mut self, paragraph: Paragraph<'p>) -> Paragraph<'p> {
        let page_break_before = std::mem::take(&mut self.page_break);
        let top = std::mem::take(&mut self.at_start) || page_break_before;
        let before = if top {
            Some(0)
        } else {
            paragraph.spacing.before
        };
        Paragraph {
            page_break_before,
            spacing: Spacing {
                before,
                ..paragraph.spacing
            },
            ..paragraph
        }
    }

    /// A paragraph too low to see after a table. LibreOffice does not keep the paragraph
    /// right after a table with the next one, so a heading there could end a page; behind
    /// this one it keeps with what follows. It also keeps two tables from merging, as Word
    /// and LibreOffice merge tables that touch.
    fn after_table(&mut self) {
        self.xml.open("w:p", &[]);
        Paragraph {
            spacing: Spacing {
                before: Some(0),
                after: Some(0),
                line: Some((1, LineRule::Exact)),
            },
            mark_size: Some(PICTURE_TYPE_SIZE),
            ..Paragraph::default()
        }
        .write(&mut self.xml);
        self.xml.close("w:p");
    }

    /// A table cannot start a page by itself: a paragraph holding the break does.
    fn break_before_table(&mut self) {
        self.at_start = false;
        if std::mem::take(&mut self.page_break) {
            self.xml
                .open("w:p", &[])
                .open("w:r", &[])
                .empty("w:br", &[("w:type", &"page")])
                .close("w:r")
                .close("w:p");
        }
    }

    /// A data table across the text width in the columns the PDF gave it, its cells' runs
    /// written as the body's are.
    fn table(&mut self, table: &Table) {
        self.break_before_table();
        let fractions = self.typeset.columns.get(&table.id).map(Vec::as_slice);
        let columns = table
            .header
            .len()
            .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        let widths = tables::column_widths(self.text_width, fractions, columns);
        let (relationships, hyphenator) = (&mut self.relationships, self.hyphenator);
        let text = |xml: &mut Xml, runs: &[Run]| inline::runs(xml, runs, relationships, hyphenator);
        let justify = self.meta.style.spacing.justify;
        tables::table(&mut self.xml, table, &widths, justify, text);
    }

    /// A heading paragraph whose text is a bookmark named after its anchor. Level 1 is the
    /// document's title; sections and subsections are Word's headings 1 and 2.
    fn heading(&mut self, level: u8, runs: &[Run], anchor: &str, paragraph: Paragraph) {
        let paragraph = Paragraph {
            style: Some(heading_style(level)),
            ..self.starting(paragraph)
        };
        let id = self.bookmarks.next_id();
        let name = self.bookmarks.name(anchor);
        self.xml.open("w:p", &[]);
        paragraph.write(&mut self.xml);
        self.xml
            .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", &name)]);
        // Headings are never hyphenated.
        inline::runs(&mut self.xml, runs, &mut self.relationships, None);
        self.xml
            .empty("w:bookmarkEnd", &[("w:id", &id)])
            .close("w:p");
    }

    /// A paragraph of text; in a list item, one lined up with the item's text.
    fn paragraph(&mut self, runs: &[Run], paragraph: Paragraph, depth: Option<usize>) {
        let paragraph = match depth {
            Some(depth) => Paragraph {
                style: Some(styles::LIST_PARAGRAPH),
                indent: Some((lists::indent(depth), 0, 0)),
                ..paragraph
            },
            None => paragraph,
        };
        self.text_paragraph(runs, paragraph);
    }

    fn text_paragraph(&mut self, runs: &[Run], paragraph: Paragraph) {
        let paragraph = self.starting(paragraph);
        self.xml.open("w:p", &[]);
        paragraph.write(&mut self.xml);
        inline::runs(
            &mut self.xml,
            runs,
            &mut self.relationships,
            self.hyphenator,
        );
        self.xml.close("w:p");
    }

    /// `list` drawn at `depth`: the first paragraph of each item carries the marker, later
    /// ones line up with its text, nested lists go one level deeper.
    fn list(&mut self, list: &List, depth: usize) -> Result<(), DocxError> {
        let level = depth.min(lists::DEEPEST);
        let instance = self.lists.instance(list, level);
        let marked = Paragraph {
            style: Some(styles::LIST_PARAGRAPH),
            numbering: Some((instance, level)),
            ..Paragraph::default()
        };
        for item in &list.items {
            match item.blocks.split_first() {
                Some((Block::Paragraph(runs), rest)) => {
                    self.text_paragraph(runs, marked.clone());
                    self.blocks(rest, Some(depth))?;
                }
                // An item that opens with something other than text still shows its marker.
                _ => {
                    self.text_paragraph(&[], marked.clone());
                    self.blocks(&item.blocks, Some(depth))?;
                }
            }
        }
        Ok(())
    }

    /// Pictures side by side in one paragraph, a space apart, aligned by `align`.
    fn pictures(
        &mut self,
        images: &[Image],
        align: LogoAlign,
        paragraph: Paragraph,
    ) -> Result<(), DocxError> {
        let justification = match align {
            LogoAlign::Left => None,
            LogoAlign::Center => Some(Justification::Center),
            LogoAlign::Right => Some(Justification::Right),
        };
        let paragraph = Paragraph {
            justification,
            mark_size: Some(PICTURE_TYPE_SIZE),
            ..self.starting(paragraph)
        };
        self.xml.open("w:p", &[]);
        paragraph.write(&mut self.xml);
        for (index, image) in images.iter().enumerate() {
            if index > 0 {
                self.gap();
            }
            let options = Arc::clone(&self.svg_options);
            self.drawings
                .picture(&mut self.xml, image, &mut self.relationships, &options)?;
        }
        self.xml.close("w:p");
        Ok(())
    }

    /// The chart as a native Word chart the text width wide, with the series in words as
    /// its alternative text and its numbers in an embedded workbook.
    fn chart(&mut self, chart: &Chart, paragraph: Paragraph) -> Result<(), DocxError> {
        let number = self.charts.len() + 1;
        let name = series_name(chart);
        let meta = self.meta;
        self.charts.push(ChartPart {
            number,
            xml: super::chart::part(chart, name, &meta.style, &meta.language),
            workbook: super::workbook::workbook(chart, name)?,
        });
        let id = self
            .relationships
            .add(Relation::Chart, &format!("charts/chart{number}.xml"));
        let size = (
            u64::from(self.text_width) * EMU_PER_TWIP,
            (f64::from(crate::chart::HEIGHT_MM) * EMU_PER_MM).round() as u64,
        );
        let paragraph = Paragraph {
            mark_size: Some(PICTURE_TYPE_SIZE),
            ..self.starting(paragraph)
        };
        self.xml.open("w:p", &[]);
        paragraph.write(&mut self.xml);
        self.drawings.chart(&mut self.xml, &id, size, &chart.alt);
        self.xml.close("w:p");
        Ok(())
    }
}

impl Body<'_> {
    /// The space between two logos, as wide as the PDF's: one space stretched to the gap.
    fn gap(&mut self) {
        let gap = twips(LOGO_GAP_MM * PT_PER_MM);
        self.xml.open("w:r", &[]);
        Character {
            letter_spacing: Some(gap),
            size: Some(PICTURE_TYPE_SIZE),
            ..Character::default()
        }
        .write(&mut self.xml);
        self.xml.words("w:t", " ").close("w:r");
    }
}

/// A chart part and its workbook, numbered in document order.
pub(super) struct ChartPart {
    pub(super) number: usize,
    pub(super) xml: String,
    pub(super) workbook: Vec<u8>,
}

/// DrawingML's unit per twip.
const EMU_PER_TWIP: u64 = 635;

/// The series' name in the chart and its data: the chart's name, or what its alternative
/// text says before the colon ("Antal anmälda brott: 42 i …").
fn series_name(chart: &Chart) -> &str {
    match &chart.name {
        Some(name) => name,
        None => chart.alt.split(':').next().unwrap_or_default().trim(),
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
