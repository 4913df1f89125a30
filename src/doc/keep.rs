//! How blocks hold together across a page break, decided once: the PDF's pagination and
//! the DOCX's paragraph properties both read these rules, so that a word processor breaks
//! the DOCX's pages where the PDF breaks its own.
//!
//! Entry points: [`kept_after`] and the constants. The rules are those of "keep with next"
//! and "widow and orphan control" as word processors apply them, so that a DOCX can say
//! them: a block kept with the next stays on the page where the next block's first lines
//! are.

use super::{Block, Table};

/// What of the next block stays on the page where a block ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Nothing: a page may break after the block.
    Nothing,
    /// The first [`LINES_KEPT`] lines of the next block, or the first [`ROWS_OF_A_TABLE`]
    /// rows of a table.
    Next,
}

/// Of the paragraph a block keeps, this many lines stay on the block's page, so a heading
/// never ends a page: the first line, and the second that no orphan is left.
pub const LINES_KEPT: usize = 2;
/// Of a table, this many rows stay with what keeps it: the header and the first row.
pub const ROWS_OF_A_TABLE: usize = 2;
/// A paragraph that runs over a page break leaves at least this many lines on each page: no
/// widow, no orphan. A paragraph shorter than twice this is never split.
pub const LINES_EACH_SIDE: usize = 2;
/// Rows of a table short enough to be kept on one page: a metric's eight quarters. A table
/// split after a row or two reads badly, and a short one costs little room to move.
pub const KEPT_WHOLE_ROWS: usize = 8;

/// What of the block after `blocks[index]` stays on its page: a heading keeps what follows
/// (so it never ends a page), a chart its trend table, a caption (a paragraph right before a
/// chart) its chart. `one_line` says whether a paragraph was set in one line: a one-line
/// paragraph right after a heading (a label such as "Mål", a status line) keeps what
/// follows too, so the heading is never left with it alone.
pub fn kept_after(blocks: &[Block], index: usize, one_line: bool) -> Keep {
    let lead = one_line
        && index
            .checked_sub(1)
            .is_some_and(|previous| matches!(blocks[previous], Block::Heading { .. }));
    match (blocks.get(index), blocks.get(index + 1)) {
        (_, None) => Keep::Nothing,
        (Some(Block::Heading { .. }), _) => Keep::Next,
        // Only its table: a chart kept with the caption of the next chart would chain a
        // series of charts into one block no page holds.
        (Some(Block::Chart(_)), Some(Block::Table(_))) => Keep::Next,
        (Some(Block::Paragraph(_)), Some(Block::Chart(_))) => Keep::Next,
        (Some(Block::Paragraph(_)), _) if lead => Keep::Next,
        _ => Keep::Nothing,
    }
}

impl Table {
    /// Whether the table is short enough that it is kept on one page.
    pub fn kept_whole(&self) -> bool {
        self.rows.len() <= KEPT_WHOLE_ROWS
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Chart, FigureId, Run};

    fn paragraph() -> Block {
        Block::Paragraph(vec![Run::default()])
    }

    fn table() -> Block {
        Block::Table(Table {
            id: FigureId::default(),
            align: Vec::new(),
            header: Vec::new(),
            rows: Vec::new(),
        })
    }

    fn chart() -> Block {
        Block::Chart(Chart {
            id: FigureId::default(),
            name: None,
            alt: String::new(),
            unit: None,
            points: Vec::new(),
            target: None,
        })
    }

    #[test]
    fn headings_charts_captions_and_one_line_leads_keep_what_follows() {
        let heading = Block::Heading {
            level: 2,
            runs: Vec::new(),
            anchor: "a".to_owned(),
        };
        let blocks = [
            heading,
            paragraph(),
            paragraph(),
            chart(),
            paragraph(),
            paragraph(),
            chart(),
            table(),
        ];
        let kept = |one_line| -> Vec<Keep> {
            (0..blocks.len())
                .map(|index| kept_after(&blocks, index, one_line))
                .collect()
        };
        use Keep::{Next, Nothing};
        let charts = [Next, Nothing, Next, Nothing, Nothing, Next, Next, Nothing];
        assert_eq!(
            kept(false),
            charts,
            "a chart keeps its table, not the next caption"
        );
        assert_eq!(
            kept(true),
            [Next, Next, Next, Nothing, Nothing, Next, Next, Nothing]
        );
    }
}
