//! The DOCX backend: writes a [`Document`] as a Word file a person can go on editing.
//!
//! Entry point: [`docx`]. The WordprocessingML is written here, part by part, rather than
//! through a library: every element is written once, in the order the ECMA-376 schema
//! prescribes, so the file is valid to the letter, and nothing has to be found again in
//! someone else's output to be changed. The document uses Word's own styles ([`styles`])
//! rather than direct formatting, so that headings, lists and tables behave in Word as if
//! typed there, and follows the PDF's pagination: the same keep rules, spacing and line
//! heights, and the PDF's pages in its table of contents.

mod body;
mod chart;
mod contents;
mod fonts;
mod formatting;
mod images;
mod inline;
mod lists;
mod metadata;
mod package;
mod page;
mod section;
mod settings;
#[cfg(test)]
mod style_tests;
mod styles;
mod tables;
#[cfg(test)]
mod tests;
mod workbook;
mod xml;

use crate::doc::Document;
use crate::typeset::Typeset;
use body::Body;
use package::{Package, Relation, Relationships};
use std::fmt::{self, Display};
use std::sync::mpsc::{self, Sender};
use std::thread::ScopedJoinHandle;
use xml::Xml;

/// Why a DOCX could not be written.
#[derive(Debug)]
pub enum DocxError {
    /// A logo's bytes could not be decoded.
    Image {
        /// The logo's alternative text, which names it.
        alt: String,
        /// The decoder's words.
        reason: String,
    },
    /// The ZIP writer failed to produce the package.
    Package(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::Image { alt, reason } => {
                write!(f, "cannot use the logo \"{alt}\": {reason}")
            }
            DocxError::Package(reason) => write!(f, "cannot write the DOCX package: {reason}"),
        }
    }
}

impl std::error::Error for DocxError {}

impl From<zip::result::ZipError> for DocxError {
    fn from(error: zip::result::ZipError) -> Self {
        DocxError::Package(error.to_string())
    }
}

/// The namespaces of the parts that hold text and drawings.
const NAMESPACES: &[(&str, &dyn Display)] = &[
    (
        "xmlns:w",
        &"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        "xmlns:r",
        &"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        "xmlns:wp",
        &"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        "xmlns:a",
        &"http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
];

const DOCUMENT_PART: &str = "word/document.xml";

const DOCUMENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/// Writes `doc` as a DOCX file's bytes in the look of `doc.meta.style`, following the PDF's
/// `typeset` when given: its pages in the table of contents, its tables' column widths, its
/// one-line paragraphs. Without it the contents list their headings without pages, a
/// table's columns share its width, and only the model's keep rules apply. A `draft` says
/// so in every page's header and in its status property. The same document always gives
/// the same bytes.
pub fn docx(doc: &Document, typeset: Option<&Typeset>, draft: bool) -> Result<Vec<u8>, DocxError> {
    // The document part, most of the file, is compressed on another core as it is written.
    std::thread::scope(|scope| {
        let (sender, pieces) = mpsc::channel();
        let compressing = std::thread::Builder::new()
            .name("docx".to_owned())
            .spawn_scoped(scope, move || package::zipped(DOCUMENT_PART, pieces))
            .map_err(|e| DocxError::Package(e.to_string()))?;
        let document = Streamed {
            sender,
            compressing,
        };
        write(doc, typeset, draft, document)
    })
}

/// The document part on its way to the thread compressing it.
struct Streamed<'scope> {
    sender: Sender<String>,
    compressing: ScopedJoinHandle<'scope, Result<Vec<u8>, zip::result::ZipError>>,
}

impl Streamed<'_> {
    /// The part's next piece. Should the compressor have stopped, its error is in `finish`.
    fn send(&self, piece: String) {
        let _ = self.sender.send(piece);
    }

    /// The part compressed alone, once every piece is sent ([`package::zipped`]).
    fn finish(self) -> Result<Vec<u8>, DocxError> {
        drop(self.sender);
        let stopped = || DocxError::Package("the compressing thread stopped".to_owned());
        Ok(self.compressing.join().map_err(|_| stopped())??)
    }
}

/// [`docx`] with its document part sent to `document` as it is written.
fn write(
    doc: &Document,
    typeset: Option<&Typeset>,
    draft: bool,
    document: Streamed,
) -> Result<Vec<u8>, DocxError> {
    let untypeset = Typeset::default();
    let typeset = typeset.unwrap_or(&untypeset);
    let meta = &doc.meta;
    let draft = draft.then_some(meta.labels.draft.as_str());
    let mut head = Xml::part();
    head.open("w:document", NAMESPACES).open("w:body", &[]);
    document.send(head.finish());
    let mut hand_on = |piece| document.send(piece);
    let mut body = Body::write(&doc.blocks, meta, typeset, &mut hand_on)?;
    let mut package = Package::default();
    let mut relationships = std::mem::take(&mut body.relationships);
    let mut references = Vec::new();
    for part in page::parts(meta, draft, &mut body.drawings)? {
        let target = part.name.trim_start_matches("word/");
        references.push((
            part.relation,
            part.pages,
            relationships.add(part.relation, target),
        ));
        package.part(part.name, part.content_type, part.xml);
        package.relationships(part.name, &part.relationships);
    }
    let font_table = fonts::table(&meta.style);
    let shared = [
        (
            Relation::Styles,
            "styles.xml",
            styles::CONTENT_TYPE,
            styles::part(&meta.style, &meta.language),
        ),
        (
            Relation::Settings,
            "settings.xml",
            settings::CONTENT_TYPE,
            settings::part(meta, !font_table.parts.is_empty()),
        ),
        (
            Relation::FontTable,
            "fontTable.xml",
            fonts::CONTENT_TYPE,
            font_table.xml,
        ),
    ];
    let numbering = body.lists.part().map(|xml| {
        (
            Relation::Numbering,
            "numbering.xml",
            lists::CONTENT_TYPE,
            xml,
        )
    });
    for (relation, target, content_type, xml) in shared.into_iter().chain(numbering) {
        relationships.add(relation, target);
        package.part(&format!("word/{target}"), content_type, xml);
    }
    package.relationships("word/fontTable.xml", &font_table.relationships);
    for chart in std::mem::take(&mut body.charts) {
        charts(&mut package, chart);
    }
    for (name, data) in font_table.parts.into_iter().chain(body.drawings.files) {
        package.file(&name, data);
    }
    let mut rest = body.xml;
    section::write(&mut rest, &meta.style, &references);
    rest.close("w:body").close("w:document");
    document.send(rest.finish());
    package.zipped_part(DOCUMENT_PART, DOCUMENT_TYPE, document.finish()?);
    package.relationships(DOCUMENT_PART, &relationships);
    properties(&mut package, doc, draft);
    package.zip()
}

/// A chart part, with its workbook related as the chart's first relationship.
fn charts(package: &mut Package, chart: body::ChartPart) {
    let name = format!("word/charts/chart{}.xml", chart.number);
    let workbook = format!("embeddings/chart{}.xlsx", chart.number);
    let mut relationships = Relationships::default();
    let id = relationships.add(Relation::Package, &format!("../{workbook}"));
    debug_assert_eq!(id, chart::WORKBOOK_RELATIONSHIP);
    package.part(&name, chart::CONTENT_TYPE, chart.xml.into_bytes());
    package.relationships(&name, &relationships);
    package.file(&format!("word/{workbook}"), chart.workbook);
}

/// The package's own relationships and the document properties they name.
fn properties(package: &mut Package, doc: &Document, draft: Option<&str>) {
    let meta = &doc.meta;
    let status = draft.map(|label| ("Status".to_owned(), metadata::status(label)));
    let custom: Vec<_> = meta.properties.iter().cloned().chain(status).collect();
    let mut relationships = Relationships::default();
    relationships.add(Relation::OfficeDocument, DOCUMENT_PART);
    relationships.add(Relation::CoreProperties, "docProps/core.xml");
    relationships.add(Relation::ExtendedProperties, "docProps/app.xml");
    package.part(
        "docProps/core.xml",
        metadata::CORE_TYPE,
        metadata::core(meta, draft),
    );
    package.part(
        "docProps/app.xml",
        metadata::EXTENDED_TYPE,
        metadata::extended(),
    );
    if !custom.is_empty() {
        relationships.add(Relation::CustomProperties, "docProps/custom.xml");
        package.part(
            "docProps/custom.xml",
            metadata::CUSTOM_TYPE,
            metadata::custom(&custom),
        );
    }
    package.relationships("", &relationships);
}
