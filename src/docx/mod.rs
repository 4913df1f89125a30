//! The DOCX backend: writes a [`Document`] as a Word file a person can go on editing.
//!
//! Entry point: [`docx`]. The document is built with docx-rs using Word's own styles
//! ([`styles`]) rather than direct formatting, so that headings, lists and tables behave in
//! Word as if typed there. What docx-rs cannot express is added afterwards by [`patch`], the
//! one place that edits the XML it wrote.

mod blocks;
mod chart;
mod contents;
mod images;
mod inline;
mod lists;
mod page;
mod patch;
#[cfg(test)]
mod style_tests;
mod styles;
mod tables;
#[cfg(test)]
mod tests;
mod workbook;

use crate::doc::{Document, Typeset};
use blocks::{ConvertContext, Element};
use docx_rs::Docx;
use std::fmt;

/// Why a DOCX could not be written.
#[derive(Debug)]
pub enum DocxError {
    /// A logo's bytes could not be decoded; `alt` names the logo.
    Image { alt: String, reason: String },
    /// docx-rs or the ZIP writer failed to produce the package.
    Package(String),
    /// The XML docx-rs wrote did not have the shape [`patch`] expects.
    Patch(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::Image { alt, reason } => {
                write!(f, "cannot use the logo \"{alt}\": {reason}")
            }
            DocxError::Package(reason) => write!(f, "cannot write the DOCX package: {reason}"),
            DocxError::Patch(reason) => write!(f, "unexpected DOCX structure: {reason}"),
        }
    }
}

impl std::error::Error for DocxError {}

impl From<zip::result::ZipError> for DocxError {
    fn from(error: zip::result::ZipError) -> Self {
        DocxError::Package(error.to_string())
    }
}

/// Writes `doc` as a DOCX file's bytes in the look of `doc.meta.style`, following the PDF's
/// `typeset`: its pages in the table of contents, its tables' column widths. A `draft`
/// says so in every page's header and in its status property. The same document always
/// gives the same bytes.
pub fn docx(doc: &Document, typeset: &Typeset, draft: bool) -> Result<Vec<u8>, DocxError> {
    let draft = draft.then_some(doc.meta.labels.draft.as_str());
    // Turn the blocks into paragraphs and tables, collecting what the patch needs to know.
    let mut context = ConvertContext::new(&doc.meta, &typeset.columns);
    let body = blocks::convert(&doc.blocks, &typeset.pages, &mut context)?;
    // Page geometry, header and footer, styles and list definitions around the body. The
    // header's logo is numbered after the body's pictures.
    let header_number = context.image_alts.len() + 1;
    let package = styles::add_styles(Docx::new(), &doc.meta.style);
    let mut package = page::setup(package, &doc.meta, header_number, draft)?;
    package = context.lists.add_definitions(package);
    package = body.into_iter().fold(package, add_child);
    // Let docx-rs write the package, then add what it has no API for.
    let mut bytes = std::io::Cursor::new(Vec::new());
    package.pack(&mut bytes)?;
    let plan = patch::Plan {
        meta: &doc.meta,
        image_alts: &context.image_alts,
        header_alt: doc.meta.header_logo.as_ref().map(|logo| logo.alt.as_str()),
        table_headers: &context.table_headers,
        draft,
    };
    patch::apply(&bytes.into_inner(), &plan)
}

/// Appends one converted element to the document body.
fn add_child(package: Docx, child: Element) -> Docx {
    match child {
        Element::Paragraph(paragraph) => package.add_paragraph(*paragraph),
        Element::Table(table) => package.add_table(*table),
    }
}
