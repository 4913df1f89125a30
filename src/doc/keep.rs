//! How blocks hold together across a page break, decided once: the PDF's pagination and
//! the DOCX's paragraph properties both read these rules, so Word and LibreOffice break
//! the DOCX's pages where the PDF breaks its own.
//!
//! Entry points: [`lines_kept_after`] and the constants. A "line" is a line of text or a
//! table row, whichever the next block is made of.

use super::{Block, Table};

/// Lines of what follows a heading that stay on the heading's page, so that a heading never
/// ends a page. The heading's own lines never part either.
pub const HEADING_KEEPS_LINES: usize = 2;
/// A chart keeps this many lines of what follows, its trend table's header and first row,
/// so the chart is never parted from the numbers it draws.
pub const CHART_KEEPS_LINES: usize = 2;
/// A paragraph that runs over a page break leaves at least this many lines on each page: no
/// widow, no orphan. A paragraph shorter than twice this is never split.
pub const LINES_EACH_SIDE: usize = 2;
/// Rows of a table short enough to be kept on one page: a metric's eight quarters. A table
/// split after a row or two reads badly, and a short one costs little room to move.
pub const KEPT_WHOLE_ROWS: usize = 8;

/// How many lines of the block after `blocks[index]` must share a page with the end of it:
/// a heading's, a chart's, and a caption's (a paragraph right before a chart, which stays
/// on the chart's page).
pub fn lines_kept_after(blocks: &[Block], index: usize) -> usize {
    match (blocks.get(index), blocks.get(index + 1)) {
        (_, None) => 0,
        (Some(Block::Heading { .. }), _) => HEADING_KEEPS_LINES,
        (Some(Block::Chart(_)), _) => CHART_KEEPS_LINES,
        (Some(Block::Paragraph(_)), Some(Block::Chart(_))) => 1,
        _ => 0,
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
    use crate::doc::{Chart, Run};

    fn paragraph() -> Block {
        Block::Paragraph(vec![Run::default()])
    }

    fn chart() -> Block {
        Block::Chart(Chart {
            name: None,
            alt: String::new(),
            unit: None,
            points: Vec::new(),
            target: None,
        })
    }

    #[test]
    fn headings_charts_and_captions_keep_what_follows() {
        let heading = Block::Heading {
            level: 2,
            runs: Vec::new(),
            anchor: "a".to_owned(),
        };
        let blocks = [heading, paragraph(), chart(), paragraph(), paragraph()];
        let kept: Vec<usize> = (0..blocks.len())
            .map(|index| lines_kept_after(&blocks, index))
            .collect();
        assert_eq!(kept, [HEADING_KEEPS_LINES, 1, CHART_KEEPS_LINES, 0, 0]);
    }
}
