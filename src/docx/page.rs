//! The page's running header and its footer with the date and "page X of Y".
//!
//! Entry point: [`parts`] makes the headers and footers; [`super::section`] says which
//! pages show which. The first page is the title page and has no running header; from
//! page 2 the header shows the small logo, the title and the case number.

use super::contents::simple_field;
use super::formatting::{Character, Paragraph};
use super::images::Drawings;
use super::inline::plain;
use super::package::{Relation, Relationships};
use super::xml::Xml;
use super::{DocxError, NAMESPACES, styles};
use crate::doc::Meta;

pub(super) const HEADER_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
pub(super) const FOOTER_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";

/// A header or footer part with what it refers to.
pub(super) struct Part {
    pub(super) name: &'static str,
    pub(super) content_type: &'static str,
    pub(super) relation: Relation,
    /// `default` or `first`, the pages it is shown on.
    pub(super) pages: &'static str,
    pub(super) xml: Vec<u8>,
    pub(super) relationships: Relationships,
}

/// The running header, the title page's header (empty unless a draft) and the footer of
/// both.
pub(super) fn parts(
    meta: &Meta,
    draft: Option<&str>,
    drawings: &mut Drawings,
) -> Result<Vec<Part>, DocxError> {
    let mut running = Relationships::default();
    let header = running_header(meta, draft, drawings, &mut running)?;
    let title_page = header_or_footer("w:hdr", styles::HEADER, |xml| draft_mark(xml, draft));
    let footer = || header_or_footer("w:ftr", styles::FOOTER, |xml| footer(xml, meta));
    Ok(vec![
        part(
            "word/header1.xml",
            Relation::Header,
            "default",
            header,
            running,
        ),
        part(
            "word/header2.xml",
            Relation::Header,
            "first",
            title_page,
            Relationships::default(),
        ),
        part(
            "word/footer1.xml",
            Relation::Footer,
            "default",
            footer(),
            Relationships::default(),
        ),
        part(
            "word/footer2.xml",
            Relation::Footer,
            "first",
            footer(),
            Relationships::default(),
        ),
    ])
}

fn part(
    name: &'static str,
    relation: Relation,
    pages: &'static str,
    xml: Vec<u8>,
    relationships: Relationships,
) -> Part {
    let content_type = match relation {
        Relation::Header => HEADER_TYPE,
        _ => FOOTER_TYPE,
    };
    Part {
        name,
        content_type,
        relation,
        pages,
        xml,
        relationships,
    }
}

/// A header (`w:hdr`) or footer (`w:ftr`) part of one paragraph in `style`, whose runs
/// `content` writes.
fn header_or_footer(root: &str, style: &str, content: impl FnOnce(&mut Xml)) -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(root, NAMESPACES).open("w:p", &[]);
    Paragraph {
        style: Some(style),
        ..Paragraph::default()
    }
    .write(&mut xml);
    content(&mut xml);
    xml.close("w:p").close(root);
    xml.finish().into_bytes()
}

/// The draft label and the logo, the title on the left and, when there is one, the case
/// number at the right edge.
fn running_header(
    meta: &Meta,
    draft: Option<&str>,
    drawings: &mut Drawings,
    relationships: &mut Relationships,
) -> Result<Vec<u8>, DocxError> {
    let mut logo = Ok(());
    let xml = header_or_footer("w:hdr", styles::HEADER, |xml| {
        draft_mark(xml, draft);
        if let Some(image) = &meta.header_logo {
            let options = crate::image::svg_options_with(&meta.style.font_files());
            logo = drawings.picture(xml, image, relationships, &options);
            plain(xml, "  ");
        }
        plain(xml, &meta.title);
        if let Some(number) = &meta.case_number {
            xml.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
            plain(xml, &format!("{} {number}", meta.labels.case_number));
        }
    });
    logo.map(|()| xml)
}

/// The draft label in bold, when there is one: on the header's line, so the header is no
/// taller than the PDF's and the pages break alike.
fn draft_mark(xml: &mut Xml, draft: Option<&str>) {
    if let Some(label) = draft {
        xml.open("w:r", &[]);
        Character {
            bold: true,
            ..Character::default()
        }
        .write(xml);
        xml.words("w:t", &format!("{label}  ")).close("w:r");
    }
}

/// The report's date on the left; "Sida 3 av 7" at the right edge, with real PAGE and
/// NUMPAGES fields so the numbers stay right after editing.
fn footer(xml: &mut Xml, meta: &Meta) {
    plain(xml, &meta.date_text);
    xml.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
    plain(xml, &format!("{} ", meta.labels.page));
    simple_field(xml, " PAGE ", "1");
    plain(xml, &format!(" {} ", meta.labels.of));
    simple_field(xml, " NUMPAGES ", "1");
}
