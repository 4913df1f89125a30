//! Block layout: document blocks → rows of positioned items, with their structure.
//!
//! Entry point: [`layout`]. Each block kind has one function; all of them append rows to
//! the [`Layouter`] and open structure groups through [`Tags::group`], so what is drawn
//! and how it is tagged are decided in the same place.

pub(super) mod contents;
mod figures;
mod table;

use super::PdfError;
use super::frame::{Item, OutlineEntry, Rect, Row, Target};
use super::inline::{Breaking, Line, TextStyle, linebreak};
use super::style::{self, Look};
use super::tags::{Kind, Leaf, Tags};
use crate::doc::keep::{self, Keep};
use crate::doc::{Block, FigureId, List, ListItem, Meta, Rgb, Run};
use crate::text::{Face, FontSet, Hyphenator, Shaper};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// What block layout gives: rows in reading order, and what the DOCX follows.
pub struct Rows {
    pub rows: Vec<Row>,
    /// Each table's column widths as fractions of its width.
    pub columns: BTreeMap<FigureId, Vec<f32>>,
    /// The anchors of headings followed by a paragraph set in one line.
    pub one_line_after: BTreeSet<String>,
}

/// Lays out `blocks` in the content width, their structure appended to `tags`. A long
/// document is laid out in parts on all cores ([`in_parts`]).
pub fn layout(
    blocks: &[Block],
    meta: &Meta,
    look: &Look,
    fonts: &FontSet,
    tags: &mut Tags,
) -> Result<Rows, PdfError> {
    let contents = contents::entries(blocks);
    // Twice as many parts as cores: a part slower to lay out than its text says is made
    // up for by the others, as each core takes the next part when it is free.
    let parts = parts(blocks, &contents, 2 * rayon::current_num_threads());
    in_parts(blocks, &contents, parts, meta, look, fonts, tags)
}

/// [`layout`] with `blocks` laid out in the runs `parts` (which cover them in order), each
/// apart and at the same time, and then joined as if laid out in one go: the same rows,
/// leaves and keeps.
pub(super) fn in_parts(
    blocks: &[Block],
    contents: &[contents::Entry],
    parts: Vec<Range<usize>>,
    meta: &Meta,
    look: &Look,
    fonts: &FontSet,
    tags: &mut Tags,
) -> Result<Rows, PdfError> {
    let lay_out = |range: Range<usize>| Part::lay_out(&blocks[range], meta, look, fonts, contents);
    let parts: Result<Vec<Part>, PdfError> = if parts.len() > 1 {
        parts.into_par_iter().map(lay_out).collect()
    } else {
        parts.into_iter().map(lay_out).collect()
    };
    let parts = parts?;
    // Room for all rows at once: a long report's rows grown by doubling would be copied,
    // and held twice, at the build's peak of memory.
    let mut joined = Rows {
        rows: Vec::with_capacity(parts.iter().map(|part| part.rows.len()).sum()),
        columns: BTreeMap::new(),
        one_line_after: BTreeSet::new(),
    };
    let mut laid = Vec::with_capacity(blocks.len());
    for part in parts {
        let (first_row, first_leaf) = (joined.rows.len(), tags.append(part.tags));
        laid.extend(
            part.laid
                .into_iter()
                .map(|r| r.start + first_row..r.end + first_row),
        );
        joined.rows.extend(part.rows.into_iter().map(|mut row| {
            row.renumber_leaves(first_leaf);
            row
        }));
        joined.columns.extend(part.columns);
        joined.one_line_after.extend(part.one_line_after);
    }
    keep_together(blocks, &laid, &mut joined.rows, &mut joined.one_line_after);
    Ok(joined)
}

/// Top-level blocks with less text than this are laid out on one core: for them a second
/// core saves less than it costs to start.
const PARTED_FROM: usize = 64 * 1024;

/// `blocks` cut into at most `count` runs of about the same amount of text, `contents`
/// being what their table of contents lists.
fn parts(blocks: &[Block], contents: &[contents::Entry], count: usize) -> Vec<Range<usize>> {
    let weights: Vec<usize> = blocks.iter().map(|b| weight(b, contents)).collect();
    let total: usize = weights.iter().sum();
    if total < PARTED_FROM || count < 2 {
        return std::iter::once(0..blocks.len()).collect();
    }
    let mut ranges = Vec::with_capacity(count);
    let (mut start, mut sum) = (0, 0);
    for (i, w) in weights.iter().enumerate() {
        sum += w;
        if sum * count >= total * (ranges.len() + 1) && ranges.len() + 1 < count {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    ranges.push(start..blocks.len());
    ranges
}

/// About how much a block costs to lay out, in bytes of text: a chart is counted as much
/// as a paragraph or two, an entry of the contents (a link, dot leaders and a page
/// number) as twice its text.
fn weight(block: &Block, contents: &[contents::Entry]) -> usize {
    let runs = |runs: &[Run]| runs.iter().map(|r| r.text.len()).sum::<usize>();
    match block {
        Block::Heading { runs: text, .. } | Block::Paragraph(text) => runs(text),
        Block::List(list) => {
            let blocks = list.items.iter().flat_map(|i| &i.blocks);
            blocks.map(|b| weight(b, contents)).sum()
        }
        Block::Table(table) => std::iter::once(&table.header)
            .chain(&table.rows)
            .flatten()
            .map(|cell| runs(cell))
            .sum(),
        Block::Contents { .. } => contents.iter().map(|e| 2 * runs(&e.runs)).sum(),
        Block::Chart(_) => 1000,
        _ => 100,
    }
}

/// A run of blocks laid out alone: its rows, leaves and tables, and each block's rows.
struct Part {
    rows: Vec<Row>,
    tags: Tags,
    columns: BTreeMap<FigureId, Vec<f32>>,
    one_line_after: BTreeSet<String>,
    laid: Vec<Range<usize>>,
}

impl Part {
    fn lay_out(
        blocks: &[Block],
        meta: &Meta,
        look: &Look,
        fonts: &FontSet,
        contents: &[contents::Entry],
    ) -> Result<Part, PdfError> {
        let shaper = Shaper::new(fonts);
        let mut tags = Tags::default();
        let mut layouter = Layouter {
            shaper: &shaper,
            meta,
            look,
            tags: &mut tags,
            rows: Vec::new(),
            columns: BTreeMap::new(),
            one_line_after: BTreeSet::new(),
            x: look.margin_left,
            width: look.content_width,
            depth: 0,
            contents,
            breaking: Breaking {
                optimal: true,
                balanced: false,
                hyphenator: Hyphenator::for_language(&meta.language),
                justify: look.style.spacing.justify,
            },
        };
        let laid = layouter.each(blocks)?;
        let Layouter {
            rows,
            columns,
            one_line_after,
            ..
        } = layouter;
        Ok(Part {
            rows,
            tags,
            columns,
            one_line_after,
            laid,
        })
    }
}

pub(super) struct Layouter<'a, 'f> {
    shaper: &'a Shaper<'f>,
    /// The style and number format a chart is drawn with.
    meta: &'a Meta,
    look: &'a Look,
    tags: &'a mut Tags,
    rows: Vec<Row>,
    /// Each table's column widths so far, as fractions of its width.
    columns: BTreeMap<FigureId, Vec<f32>>,
    one_line_after: BTreeSet<String>,
    /// Left edge and width of the current block (list nesting and table cells narrow them).
    x: f32,
    width: f32,
    /// List nesting depth.
    depth: usize,
    /// What a table of contents lists: the document's section headings.
    contents: &'a [contents::Entry],
    /// How text is broken into lines.
    breaking: Breaking,
}

impl AsMut<Tags> for Layouter<'_, '_> {
    fn as_mut(&mut self) -> &mut Tags {
        self.tags
    }
}

impl Layouter<'_, '_> {
    /// Lays out `blocks`, each keeping with the next as [`keep::kept_after`] says.
    fn blocks(&mut self, blocks: &[Block]) -> Result<(), PdfError> {
        let laid = self.each(blocks)?;
        keep_together(blocks, &laid, &mut self.rows, &mut self.one_line_after);
        Ok(())
    }

    /// Lays out each of `blocks`: the range of rows each became.
    fn each(&mut self, blocks: &[Block]) -> Result<Vec<Range<usize>>, PdfError> {
        let mut laid = Vec::with_capacity(blocks.len());
        for block in blocks {
            let first = self.rows.len();
            self.block(block)?;
            laid.push(first..self.rows.len());
        }
        Ok(laid)
    }

    fn block(&mut self, block: &Block) -> Result<(), PdfError> {
        match block {
            Block::Heading {
                level,
                runs,
                anchor,
            } => self.heading(*level, runs, anchor),
            Block::Paragraph(runs) => self.paragraph(runs),
            Block::List(list) => self.list(list)?,
            Block::Table(table) => self.table(table),
            Block::Logos(images) => self.logos(images)?,
            Block::Chart(chart) => self.chart(chart),
            Block::Signatures(signatures) => self.signatures(signatures),
            Block::Contents { title } => self.contents(title),
            Block::PageBreak => self.rows.push(Row {
                page_break: true,
                ..Row::default()
            }),
        }
        Ok(())
    }

    fn heading(&mut self, level: u8, runs: &[Run], anchor: &str) {
        let (size, space) = self.look.style.heading(level);
        let title: String = runs.iter().map(|r| r.text.as_str()).collect();
        let text_style = TextStyle {
            heading: true,
            ..self.text_style(size, self.look.style.colours.heading, true)
        };
        let kind = Kind::Heading {
            level,
            title: title.clone(),
        };
        // Headings are short and prominent: never hyphenated, and their lines balanced.
        let heading = Breaking {
            hyphenator: None,
            balanced: true,
            ..self.breaking
        };
        let body = std::mem::replace(&mut self.breaking, heading);
        let lines = Tags::group(self, kind, |l| l.text_rows(runs, &text_style, Align::Start));
        self.breaking = body;
        // A heading's lines stay together.
        let mut row = stack(lines);
        row.space_before = space;
        row.outline = Some(OutlineEntry {
            level,
            title,
            anchor: anchor.to_string(),
        });
        self.rows.push(row);
    }

    fn paragraph(&mut self, runs: &[Run]) {
        let text_style = self.text_style(
            self.look.style.sizes.body_pt,
            self.look.style.colours.text,
            false,
        );
        let mut rows = Tags::group(self, Kind::Paragraph, |l| {
            l.text_rows(runs, &text_style, Align::Start)
        });
        // No widow or orphan: the first and the last lines keep their neighbours.
        let ends = keep::LINES_EACH_SIDE - 1;
        let count = rows.len();
        for (i, row) in rows.iter_mut().enumerate() {
            if i + 1 < count && (i < ends || i + 1 + ends >= count) {
                row.keep = row.keep.max(1);
            }
        }
        if let Some(first) = rows.first_mut() {
            // Paragraphs inside list items sit closer, as the items of one list.
            first.space_before = if self.depth > 0 {
                self.look.style.spacing.paragraph_pt / 2.0
            } else {
                self.look.style.spacing.paragraph_pt
            };
        }
        self.rows.extend(rows);
    }

    fn list(&mut self, list: &List) -> Result<(), PdfError> {
        let ordered = list.start.is_some();
        Tags::group(self, Kind::List { ordered }, |l| {
            l.depth += 1;
            let result = list.items.iter().enumerate().try_for_each(|(i, item)| {
                let label = match list.start {
                    Some(start) => format!("{}.", start.saturating_add(i as u64)),
                    None => if l.depth % 2 == 1 { "•" } else { "–" }.to_string(),
                };
                Tags::group(l, Kind::ListItem, |l| l.list_item(&label, item))
            });
            l.depth -= 1;
            result
        })
    }

    fn list_item(&mut self, label: &str, item: &ListItem) -> Result<(), PdfError> {
        let leaf = Tags::group(self, Kind::Label, |l| l.tags.leaf());
        let first = self.rows.len();
        let (x, width) = (self.x, self.width);
        Tags::group(self, Kind::ListBody, |l| {
            l.within(x + style::LIST_INDENT, width - style::LIST_INDENT, |l| {
                l.blocks(&item.blocks)
            })
        })?;
        let glyphs = self.glyphs(
            label,
            Face::Regular,
            self.look.style.sizes.body_pt,
            self.look.style.colours.text,
        );
        // The label sits on the baseline of the item's first line.
        if let Some(row) = self.rows.get_mut(first) {
            let baseline = row.items.iter().find_map(|item| match item {
                Item::Text { y, .. } => Some(*y),
                _ => None,
            });
            let y = baseline.unwrap_or(self.look.style.sizes.body_pt);
            row.items.push(Item::Text {
                x,
                y,
                glyphs,
                leaf: Some(leaf),
            });
        }
        Ok(())
    }

    /// Runs `body` with the block's left edge and width set to `x` and `width`.
    fn within<T>(&mut self, x: f32, width: f32, body: impl FnOnce(&mut Self) -> T) -> T {
        let saved = (self.x, self.width);
        (self.x, self.width) = (x, width.max(self.look.style.sizes.body_pt * 2.0));
        let result = body(self);
        (self.x, self.width) = saved;
        result
    }

    /// Text of `size`, `color` and weight, with the layout's link and badge colours.
    fn text_style(&self, size: f32, color: Rgb, bold: bool) -> TextStyle {
        TextStyle {
            size,
            color,
            bold,
            heading: false,
            link: self.look.style.colours.link,
            badges: self.look.style.status_colours,
        }
    }

    fn glyphs(&self, text: &str, face: Face, size: f32, color: Rgb) -> super::frame::Glyphs {
        super::frame::Glyphs {
            face,
            size,
            color,
            glyphs: self.shaper.shape(face, text),
            text: text.to_string(),
        }
    }

    /// The runs broken into lines of the current width, one row a line, each run's text
    /// in a leaf of the innermost open group (links in a group of their own).
    fn text_rows(&mut self, runs: &[Run], text_style: &TextStyle, align: Align) -> Vec<Row> {
        let leaves: Vec<RunLeaves> = runs
            .iter()
            .map(|run| match run.link {
                Some(_) => Tags::group(self, Kind::Link, |l| RunLeaves {
                    text: l.tags.leaf(),
                    link: Some(l.tags.leaf()),
                }),
                None => RunLeaves {
                    text: self.tags.leaf(),
                    link: None,
                },
            })
            .collect();
        let lines = linebreak(runs, text_style, self.width, &self.breaking, self.shaper);
        lines
            .into_iter()
            .map(|line| self.line_row(line, runs, &leaves, text_style, align))
            .collect()
    }

    fn line_row(
        &self,
        line: Line,
        runs: &[Run],
        leaves: &[RunLeaves],
        text_style: &TextStyle,
        align: Align,
    ) -> Row {
        let size = text_style.size;
        let style = &self.meta.style;
        let font = if text_style.heading {
            &style.fonts.heading
        } else {
            &style.fonts.body
        };
        let height = style.line_pitch(size, font);
        let baseline = height / 2.0 + size * 0.32;
        let offset = match align {
            Align::Start => 0.0,
            Align::End => (self.width - line.width).max(0.0),
        };
        let mut items = Vec::new();
        for piece in line.pieces {
            let x = self.x + offset + piece.x;
            let width = piece.width();
            let mut text_x = x;
            if let Some(tone) = piece.badge {
                let h = size * 1.2;
                let rect = Rect {
                    x,
                    y: (height - h) / 2.0,
                    w: width,
                    h,
                };
                items.push(Item::Fill {
                    rect,
                    color: self.look.badge(tone).0,
                });
                text_x += style::BADGE_PAD;
            }
            let leaf = leaves[piece.run];
            items.push(Item::Text {
                x: text_x,
                y: baseline,
                glyphs: piece.glyphs,
                leaf: Some(leaf.text),
            });
            if let (Some(url), Some(link)) = (&runs[piece.run].link, leaf.link) {
                let rect = Rect {
                    x,
                    y: 0.0,
                    w: width,
                    h: height,
                };
                items.push(Item::Link {
                    rect,
                    target: Target::Url(url.clone()),
                    alt: url.clone(),
                    leaf: link,
                });
            }
        }
        Row {
            height,
            items,
            ..Row::default()
        }
    }
}

/// Marks what each of `blocks` keeps of the next as [`keep::kept_after`] says, on `rows`
/// where `laid[i]` are block `i`'s rows, and the headings followed by a one-line paragraph.
fn keep_together(
    blocks: &[Block],
    laid: &[Range<usize>],
    rows: &mut [Row],
    one_line_after: &mut BTreeSet<String>,
) {
    for (i, block) in blocks.iter().enumerate() {
        let own = laid[i].clone();
        let one_line = matches!(block, Block::Paragraph(_)) && own.len() == 1;
        if let (true, Some(Block::Heading { anchor, .. })) =
            (one_line, i.checked_sub(1).map(|p| &blocks[p]))
        {
            one_line_after.insert(anchor.clone());
        }
        let keeps = keep::kept_after(blocks, i, one_line) == Keep::Next;
        if let (true, Some(next), Some(last)) = (keeps, blocks.get(i + 1), own.last()) {
            let kept = rows_kept(next, laid[i + 1].clone());
            let row = &mut rows[last];
            row.keep = row.keep.max(kept);
            // A paragraph kept by a heading, or by the one-line paragraph after it.
            let heading = [Some(i), i.checked_sub(1).filter(|_| one_line)]
                .into_iter()
                .flatten()
                .find_map(|h| match &blocks[h] {
                    Block::Heading { anchor, .. } => Some(anchor),
                    _ => None,
                });
            if let (Some(anchor), Block::Paragraph(_), Some(end)) =
                (heading, next, laid[i + 1].clone().last())
            {
                rows[end].kept_end = Some(anchor.clone());
            }
        }
    }
}

/// How many of the rows `rows` of `next` stay on the page of the block before it: the
/// first rows of a table, the first lines of a paragraph.
fn rows_kept(next: &Block, rows: Range<usize>) -> usize {
    let kept = match next {
        Block::Table(_) => keep::ROWS_OF_A_TABLE,
        _ => keep::LINES_KEPT,
    };
    kept.min(rows.len())
}

/// Where a line sits in its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Start,
    End,
}

/// The structure leaves of one run: its text, and its link annotation if it is a link.
#[derive(Debug, Clone, Copy)]
struct RunLeaves {
    text: Leaf,
    link: Option<Leaf>,
}

/// Rows stacked into one unbreakable row.
fn stack(rows: Vec<Row>) -> Row {
    let mut stacked = Row::default();
    for row in rows {
        let dy = stacked.height;
        stacked
            .items
            .extend(row.items.into_iter().map(|item| item.shifted(dy)));
        stacked.height += row.height;
    }
    stacked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_document_is_cut_into_runs_of_about_as_much_text() {
        let paragraph = |len: usize| Block::Paragraph(vec![Run::plain(&"a".repeat(len))]);
        let blocks: Vec<Block> = (0..100).map(|_| paragraph(PARTED_FROM / 50)).collect();
        assert_eq!(parts(&blocks, &[], 2), [0..50, 50..100]);
        assert_eq!(parts(&blocks, &[], 3), [0..34, 34..67, 67..100]);
        let whole = |count| std::iter::once(0..count).collect::<Vec<_>>();
        assert_eq!(
            parts(&blocks[..40], &[], 2),
            whole(40),
            "too short to share"
        );
        assert_eq!(parts(&blocks, &[], 1), whole(100));
    }

    #[test]
    fn the_contents_weigh_as_the_headings_they_list() {
        let heading = |i: usize| Block::Heading {
            level: 2,
            runs: vec![Run::plain(&"a".repeat(PARTED_FROM / 50))],
            anchor: format!("h{i}"),
        };
        let title = "Innehåll".to_owned();
        let blocks: Vec<Block> = std::iter::once(Block::Contents { title })
            .chain((0..50).map(heading))
            .collect();
        let entries = contents::entries(&blocks);
        assert_eq!(parts(&blocks, &entries, 2), [0..1, 1..51]);
    }
}
