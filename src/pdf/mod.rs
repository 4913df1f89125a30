//! The PDF backend: our own line breaking and pagination, drawn with krilla, tagged,
//! and validated as PDF/A and PDF/UA.
//!
//! Entry point: [`pdf`].

mod attached;
mod blocks;
mod dump;
mod export;
mod fields;
mod flow;
mod fonts;
mod frame;
mod images;
mod inline;
mod once;
mod options;
mod outline;
mod page;
mod partial;
mod refs;
mod stamp;
mod style;
mod tags;
mod validation;

pub use attached::{attached_files, file as attached_file};
pub use fields::{text as text_string, text_of};
pub use options::{Attachment, PdfOptions, PdfStandard};
pub use stamp::stamp;

use crate::doc::Document;
use crate::text::{FontSet, Shaper};
use crate::typeset::Typeset;
use krilla::error::KrillaError;
use std::fmt;

/// A written PDF and what its layout decided.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// The pages of the headings and the widths of the tables, for the DOCX.
    pub typeset: Typeset,
}

/// Writes `doc` as a PDF.
pub fn pdf(doc: &Document, options: &PdfOptions) -> Result<Pdf, PdfError> {
    let laid = layout(doc, options)?;
    let typeset = laid.typeset().clone();
    let bytes = laid.draw(doc, options)?;
    Ok(Pdf { bytes, typeset })
}

/// `doc` laid out on pages and not yet drawn: what the DOCX follows, and what
/// [`Laid::draw`] writes, so that the two can be made at the same time.
pub struct Laid {
    paginated: Paginated,
    fonts: FontSet,
}

/// Lays `doc` out on pages.
pub fn layout(doc: &Document, options: &PdfOptions) -> Result<Laid, PdfError> {
    let fonts = fonts::font_set(&doc.meta.style)?;
    let paginated = lay_out(doc, options, &fonts)?;
    Ok(Laid { paginated, fonts })
}

impl Laid {
    /// What the layout decided that the DOCX follows.
    pub fn typeset(&self) -> &Typeset {
        &self.paginated.typeset
    }

    /// The PDF of the pages: drawn, tagged and validated by krilla, with the signature
    /// fields added. `doc` and `options` are those the pages were laid out from.
    pub fn draw(self, doc: &Document, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
        let Laid { paginated, fonts } = self;
        let fields = paginated.signature_fields();
        let page_height = paginated.drawing.look.page_height;
        let bytes = export::export(paginated.drawing, &doc.meta, &fonts, options)?;
        if fields.is_empty() {
            return Ok(bytes);
        }
        let words = fields::Words {
            signature: &doc.meta.labels.signature,
        };
        fields::add(bytes, &fields, page_height, &words)
    }
}

/// Whether `doc` can be written as a PDF to `options`' standard: laid out and validated
/// as [`pdf`] does, but with each distinct text drawn once, nothing compressed and no
/// signature fields, since no file is kept. For `check`, so that what passes it builds.
pub fn validate(doc: &Document, options: &PdfOptions) -> Result<(), PdfError> {
    let fonts = fonts::font_set(&doc.meta.style)?;
    let paginated = lay_out(doc, options, &fonts)?;
    export::validate(paginated.drawing, &doc.meta, &fonts, options)
}

/// The laid-out pages as text, one line per drawn line: for snapshot tests and review.
pub fn dump(doc: &Document, options: &PdfOptions) -> Result<String, PdfError> {
    let fonts = fonts::font_set(&doc.meta.style)?;
    let drawing = lay_out(doc, options, &fonts)?.drawing;
    let shaper = Shaper::new(&fonts);
    let color = drawing.look.style.colours.text;
    let numbers = refs::PageNumbers::new(&drawing.anchors, color, &shaper);
    Ok(dump::pages(&drawing.pages, &numbers))
}

/// The document laid out on pages: what is drawn, and what the DOCX follows.
struct Paginated {
    drawing: export::Drawing,
    typeset: Typeset,
}

impl Paginated {
    /// Each signature field with the index of its page.
    fn signature_fields(&self) -> Vec<(usize, frame::SignatureField)> {
        let pages = self.drawing.pages.iter().enumerate();
        pages
            .flat_map(|(index, page)| page.fields.iter().map(move |field| (index, field.clone())))
            .collect()
    }
}

fn lay_out(doc: &Document, options: &PdfOptions, fonts: &FontSet) -> Result<Paginated, PdfError> {
    let look = style::Look::new(&doc.meta.style);
    let mut tags = tags::Tags::default();
    // Blocks become rows of positioned items, and the structure is recorded alongside.
    let blocks::Rows {
        rows,
        columns,
        one_line_after,
    } = blocks::layout(&doc.blocks, &doc.meta, &look, fonts, &mut tags)?;
    // Rows are placed on pages.
    let mut pages = flow::paginate(rows, &look);
    if pages.len() > options.max_pages {
        return Err(PdfError::TooManyPages {
            pages: pages.len(),
            limit: options.max_pages,
        });
    }
    // Where each heading landed: its page in the contents and the DOCX.
    let anchors = refs::anchors(&pages);
    let typeset = Typeset {
        page_count: pages.len(),
        pages: refs::page_map(&anchors),
        columns,
        one_line_after,
        broken_after: refs::broken_after(&pages, &anchors),
    };
    // Each page gets its header and footer.
    let shaper = Shaper::new(fonts);
    page::decorate(&mut pages, &doc.meta, &look, options.draft, &shaper)?;
    let drawing = export::Drawing {
        pages,
        anchors,
        tags,
        look,
    };
    Ok(Paginated { drawing, typeset })
}

/// Why a document could not be laid out or written as a PDF.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// A picture could not be decoded.
    Image {
        /// The picture's alternative text, which names it.
        alt: String,
        /// The decoder's words.
        why: String,
    },
    /// The file would not meet the chosen standard; each entry is a sentence for a person.
    Standard {
        /// The standards' name as `--pdf-standard` writes it, e.g. `a-2a+ua-1`.
        standard: &'static str,
        /// What breaks them, one sentence each.
        problems: Vec<String>,
        /// The characters no font can show, which the report or layout should not use.
        unshown: Vec<char>,
    },
    /// krilla failed for another reason.
    Export(String),
    /// More pages than allowed.
    TooManyPages {
        /// The pages it would have.
        pages: usize,
        /// The most allowed ([`PdfOptions::max_pages`]).
        limit: usize,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Image { alt, why } => write!(f, "the image \"{alt}\" cannot be drawn: {why}"),
            PdfError::Standard {
                standard, problems, ..
            } => {
                write!(f, "the PDF would not meet {standard}:")?;
                problems.iter().try_for_each(|p| write!(f, "\n  - {p}"))
            }
            PdfError::Export(why) => write!(f, "the PDF could not be written: {why}"),
            PdfError::TooManyPages { pages, limit } => write!(
                f,
                "the report would have {pages} pages, more than the {limit} a PDF may have; \
                 is it the right file? Split a report this long into several"
            ),
        }
    }
}

impl std::error::Error for PdfError {}

impl PdfError {
    fn from_krilla(
        error: KrillaError,
        options: &PdfOptions,
        fonts: &validation::FontNames,
    ) -> PdfError {
        match error {
            KrillaError::Validation(errors) => PdfError::Standard {
                standard: options.standard.name(),
                problems: validation::explain_all(&errors, fonts),
                unshown: validation::unshown(&errors),
            },
            other => PdfError::Export(other.to_string()),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
