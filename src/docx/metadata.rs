//! The document's properties: core (title, authors, language, dates), extended (the
//! application) and custom (programme, period, case number, a draft's status).
//!
//! Entry points: [`core`], [`extended`] and [`custom`]. Dates are the report's date, never
//! the clock, so that rebuilding gives the same file.

use super::xml::Xml;
use crate::doc::Meta;

pub(super) const CORE_TYPE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
pub(super) const EXTENDED_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.extended-properties+xml";
pub(super) const CUSTOM_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.custom-properties+xml";

const VARIANT_TYPES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

/// A draft's status as a property shows it: the label written as a word ("Utkast").
pub(super) fn status(label: &str) -> String {
    crate::text::capitalised(&label.to_lowercase())
}

/// The core properties part; a draft's status is its `contentStatus`, which Word shows as
/// "Status".
pub(super) fn core(meta: &Meta, draft: Option<&str>) -> Vec<u8> {
    let date = meta.date.format("%Y-%m-%dT00:00:00Z").to_string();
    let creator = meta.authors.join("; ");
    let mut xml = Xml::part();
    xml.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                &"http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", &"http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", &"http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", &"http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", &"http://www.w3.org/2001/XMLSchema-instance"),
        ],
    )
    .leaf("dc:title", &[], &meta.title)
    .leaf("dc:subject", &[], &meta.subject)
    .leaf("dc:creator", &[], &creator)
    .leaf("cp:keywords", &[], &meta.keywords.join(", "))
    .leaf("dc:language", &[], &meta.language)
    .leaf("cp:lastModifiedBy", &[], &creator)
    .leaf("cp:revision", &[], "1");
    for element in ["dcterms:created", "dcterms:modified"] {
        xml.leaf(element, &[("xsi:type", &"dcterms:W3CDTF")], &date);
    }
    if let Some(label) = draft {
        xml.leaf("cp:contentStatus", &[], &status(label));
    }
    xml.close("cp:coreProperties");
    xml.finish().into_bytes()
}

/// The extended properties: the application that wrote the file.
pub(super) fn extended() -> Vec<u8> {
    let mut xml = Xml::part();
    xml.open(
        "Properties",
        &[
            (
                "xmlns",
                &"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            ("xmlns:vt", &VARIANT_TYPES),
        ],
    );
    xml.leaf("Application", &[], "kvartal");
    xml.close("Properties");
    xml.finish().into_bytes()
}

/// The custom properties part, each property a string (`vt:lpwstr`) in the given order.
/// Word numbers them from 2 under the one format id it uses for user-defined properties.
pub(super) fn custom(properties: &[(String, String)]) -> Vec<u8> {
    const USER_DEFINED: &str = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
    let mut xml = Xml::part();
    xml.open(
        "Properties",
        &[
            (
                "xmlns",
                &"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
            ),
            ("xmlns:vt", &VARIANT_TYPES),
        ],
    );
    for (index, (name, value)) in properties.iter().enumerate() {
        xml.open(
            "property",
            &[
                ("fmtid", &USER_DEFINED),
                ("pid", &(index + 2)),
                ("name", name),
            ],
        )
        .leaf("vt:lpwstr", &[], value)
        .close("property");
    }
    xml.close("Properties");
    xml.finish().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).expect("UTF-8")
    }

    #[test]
    fn core_properties_come_from_the_metadata() {
        let meta = Meta {
            title: "Uppföljning Q1 & mål".to_owned(),
            ..Meta::example()
        };
        let xml = text(core(&meta, None));
        assert!(xml.contains("<dc:title>Uppföljning Q1 &amp; mål</dc:title>"));
        assert!(xml.contains("<dc:creator>Jönköpings kommun; Polisen</dc:creator>"));
        assert!(xml.contains("<dc:language>sv-SE</dc:language>"));
        assert!(xml.contains(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">2023-04-12T00:00:00Z</dcterms:created>"#
        ));
        assert!(!xml.contains("contentStatus"));
        let draft = text(core(&meta, Some("UTKAST")));
        assert!(draft.contains("<cp:contentStatus>Utkast</cp:contentStatus>"));
    }

    #[test]
    fn custom_properties_keep_their_order_and_escape_text() {
        let xml = text(custom(&[
            ("Programme".to_owned(), "Trygg & säker".to_owned()),
            ("Period".to_owned(), "2023-Q1".to_owned()),
        ]));
        let programme =
            xml.find(r#"pid="2" name="Programme"><vt:lpwstr>Trygg &amp; säker</vt:lpwstr>"#);
        let period = xml.find(r#"pid="3" name="Period"><vt:lpwstr>2023-Q1</vt:lpwstr>"#);
        assert!(
            programme.is_some_and(|p| period.is_some_and(|q| p < q)),
            "{xml}"
        );
    }
}
