//! The HTML backend: writes a [`Document`] as one web page that needs no other file.
//!
//! Entry point: [`html`]. The page is written from the document model alone, as the PDF
//! and the DOCX are, so it holds the same headings, paragraphs, list items, table cells
//! and alternative texts in the same order. Its stylesheet, logos and charts are inside
//! it; it runs no script. It is built to be read by anyone: the report's language, one
//! `h1`, landmarks and a skip link, the contents as a linked list, statuses as words in a
//! colour, tables with captions and header cells, charts as described images, a layout
//! that reflows down to 320 px, a dark colour scheme and a print stylesheet for the
//! layout's paper.
//!
//! Modules: [`page`] writes the skeleton and the metadata, [`blocks`] the document's
//! blocks, [`inline`] their runs, [`figures`] logos and charts, [`css`] the stylesheet with
//! [`palette`] its colours; [`words`] has the page's own few words and [`markup`] does all
//! of the escaping.

mod blocks;
mod css;
mod figures;
mod inline;
mod markup;
mod page;
mod palette;
#[cfg(test)]
mod tests;
mod words;

use crate::doc::Document;

/// Writes `doc` as an HTML page's bytes (UTF-8) in the look of `doc.meta.style`. A
/// `draft` says so in the page's title and in a banner above its content. The same
/// document always gives the same bytes; nothing in a document can make it fail.
pub fn html(doc: &Document, draft: bool) -> Vec<u8> {
    page::page(doc, draft).into_bytes()
}
