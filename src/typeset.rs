//! What the PDF's typesetting decided that a word processor is told to follow, so that Word
//! and LibreOffice paginate the DOCX as the PDF is paginated.
//!
//! Entry point: [`Typeset`]. The PDF backend makes it ([`crate::pdf::layout`], which lays the
//! pages out without drawing them); the DOCX backend takes it as an optional input. It is not
//! part of the document model: a web page reads the model and has no pages.

use crate::doc::FigureId;
use std::collections::{BTreeMap, BTreeSet};

/// The page (1-based) each heading is on, keyed by the heading's anchor.
pub type PageMap = BTreeMap<String, usize>;

/// What the PDF's layout decided that the DOCX follows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Typeset {
    /// How many pages the PDF has.
    pub page_count: usize,
    /// Each heading's page, for the DOCX's table of contents.
    pub pages: PageMap,
    /// Each table's column widths as fractions of the table's width: measured with the
    /// fonts, so no number or word is cut.
    pub columns: BTreeMap<FigureId, Vec<f32>>,
    /// The anchors of headings whose next block is a paragraph the PDF set in one line:
    /// it keeps what follows too ([`crate::doc::keep::kept_after`]), which a word processor
    /// must be told.
    pub one_line_after: BTreeSet<String>,
    /// The anchors of headings whose kept paragraph (the one after the heading, or after
    /// its one-line paragraph) the PDF breaks across pages: there the heading already has
    /// what it keeps on its page, and the DOCX does not ask a word processor to keep it
    /// again (LibreOffice would move heading and paragraph to the next page).
    pub broken_after: BTreeSet<String>,
}
