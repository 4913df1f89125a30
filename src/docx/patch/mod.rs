//! The one pass over the XML docx-rs writes, adding what its API cannot say.
//!
//! Entry point: [`apply`], which unzips the package, edits a few parts with anchored
//! replacements, and zips it again deterministically. Every edit checks that its anchor is
//! where docx-rs puts it and fails with [`DocxError::Patch`] otherwise, so a change in
//! docx-rs shows up as an error, not as a silently incomplete file. It adds:
//!
//! - the full core properties (docx-rs cannot set title, subject, author, keywords, language);
//! - the custom properties, in the metadata's order (docx-rs keeps them in a hash map);
//! - Calibri in the font table, with Carlito as its alternative, when the bundled font is used;
//! - a layout's own TrueType fonts, embedded ([`fonts`]);
//! - the Normal style's text colour and alignment (docx-rs writes Normal itself, empty);
//! - `w:lang` on the document defaults, so Word checks spelling in the report's language;
//! - `w:tblHeader` on header rows, so they repeat on every page, and the table style's
//!   header-row look (`w:tblStylePr`, switched on per table by `w:tblLook`);
//! - alternative text (`descr`) and unique ids on pictures, the header's logo included;
//! - children of property elements in schema order ([`order`]), which Word insists on;
//! - stable output: paragraph ids renumbered, relationships sorted (docx-rs lists links in
//!   hash-map order), and fixed ZIP timestamps.

mod fonts;
mod order;

use super::{DocxError, styles};
use crate::doc::{Meta, Rgb, Style};
use crate::xml::escape;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// What the converter knows that the XML must be told.
pub(super) struct Plan<'a> {
    pub(super) meta: &'a Meta,
    /// Alternative text of each picture in document order.
    pub(super) image_alts: &'a [String],
    /// Alternative text of the running header's logo, numbered after the body's pictures.
    pub(super) header_alt: Option<&'a str>,
    /// For each table in document order, whether its first row is a header.
    pub(super) table_headers: &'a [bool],
    /// The draft label ("UTKAST"), when the document is a draft.
    pub(super) draft: Option<&'a str>,
}

/// Rewrites the package docx-rs produced, following `plan`.
pub(super) fn apply(package: &[u8], plan: &Plan) -> Result<Vec<u8>, DocxError> {
    let mut paragraph_ids = 0;
    let embedded = fonts::embedded(&plan.meta.style);
    let mut parts = unzip(package)?
        .into_iter()
        .map(|(name, data)| {
            let data = fix_part(&name, data, plan, &mut paragraph_ids)?;
            let data = match &embedded {
                Some(embedded) => embed_fonts(&name, data, embedded)?,
                None => data,
            };
            Ok((name, data))
        })
        .collect::<Result<Vec<_>, DocxError>>()?;
    if let Some(embedded) = embedded {
        let relationships = embedded.relationships.into_bytes();
        parts.push(("word/_rels/fontTable.xml.rels".to_owned(), relationships));
        parts.extend(embedded.parts);
    }
    zip(&parts)
}

/// The parts that name embedded fonts: the font table, the content types, the settings.
fn embed_fonts(
    name: &str,
    data: Vec<u8>,
    embedded: &fonts::Embedded,
) -> Result<Vec<u8>, DocxError> {
    match name {
        "word/fontTable.xml" => edit(name, data, |xml| {
            insert_before_once(xml, "</w:fonts>", &embedded.entries, "font table")
        }),
        "[Content_Types].xml" => edit(name, data, |xml| {
            insert_before_once(xml, "</Types>", fonts::CONTENT_TYPE, "content types")
        }),
        // After the zoom, where the schema wants it.
        "word/settings.xml" => edit(name, data, |xml| {
            insert_before_once(xml, "<w:compat>", fonts::SETTING, "settings")
        }),
        _ => Ok(data),
    }
}

fn fix_part(
    name: &str,
    data: Vec<u8>,
    plan: &Plan,
    paragraph_ids: &mut u32,
) -> Result<Vec<u8>, DocxError> {
    match name {
        "docProps/core.xml" => Ok(core_properties(plan.meta, plan.draft).into_bytes()),
        "docProps/custom.xml" => {
            let status = plan.draft.map(|label| ("Status".to_owned(), status(label)));
            let properties: Vec<_> = plan.meta.properties.iter().cloned().chain(status).collect();
            Ok(custom_properties(&properties).into_bytes())
        }
        "word/styles.xml" => edit(name, data, |xml| {
            let xml = header_row_look(xml, plan.meta.style.table_header_fill)?;
            let xml = order::schema_order(&default_language(&xml, &plan.meta.language)?)?;
            normal_style(&xml, &plan.meta.style)
        }),
        "word/document.xml" => edit(name, data, |xml| {
            let xml = renumber_paragraphs(xml, paragraph_ids);
            let xml = repeat_header_rows(&xml, plan.table_headers)?;
            order::schema_order(&describe_pictures(&xml, plan.image_alts, 1)?)
        }),
        "word/numbering.xml" => edit(name, data, order::schema_order),
        "word/_rels/document.xml.rels" => edit(name, data, sort_relationships),
        "word/fontTable.xml" => edit(name, data, |xml| declare_fonts(xml, &plan.meta.style)),
        _ if is_header_or_footer(name) => edit(name, data, |xml| {
            let xml = renumber_paragraphs(xml, paragraph_ids);
            // Only the running header has a picture: the logo.
            let alts: Vec<String> = match plan.header_alt {
                Some(alt) if xml.contains(DOC_PR) => vec![alt.to_owned()],
                _ => Vec::new(),
            };
            let first = plan.image_alts.len() + 1;
            order::schema_order(&describe_pictures(&xml, &alts, first)?)
        }),
        _ => Ok(data),
    }
}

fn is_header_or_footer(name: &str) -> bool {
    let Some(file) = name.strip_prefix("word/") else {
        return false;
    };
    (file.starts_with("header") || file.starts_with("footer")) && file.ends_with(".xml")
}

fn edit(
    name: &str,
    data: Vec<u8>,
    change: impl FnOnce(&str) -> Result<String, DocxError>,
) -> Result<Vec<u8>, DocxError> {
    let xml =
        String::from_utf8(data).map_err(|_| DocxError::Patch(format!("{name} is not UTF-8")))?;
    Ok(change(&xml)?.into_bytes())
}

/// A draft's status as a property shows it: the label written as a word ("Utkast").
fn status(label: &str) -> String {
    let lower = label.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The core properties part, written whole from the document's metadata; a draft's status
/// is its `contentStatus`, which Word shows as "Status". The dates are the report's date,
/// never the clock, so that rebuilding gives the same file.
fn core_properties(meta: &Meta, draft: Option<&str>) -> String {
    let date = meta.date.format("%Y-%m-%dT00:00:00Z");
    let element = |tag: &str, text: &str| format!("<{tag}>{}</{tag}>", escape(text));
    let dated = |tag: &str| format!("<{tag} xsi:type=\"dcterms:W3CDTF\">{date}</{tag}>");
    let creator = meta.authors.join("; ");
    [
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.to_owned(),
        concat!(
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        )
        .to_owned(),
        element("dc:title", &meta.title),
        element("dc:subject", &meta.subject),
        element("dc:creator", &creator),
        element("cp:keywords", &meta.keywords.join(", ")),
        element("dc:language", &meta.language),
        element("cp:lastModifiedBy", &creator),
        element("cp:revision", "1"),
        dated("dcterms:created"),
        dated("dcterms:modified"),
        draft.map_or_else(String::new, |label| element("cp:contentStatus", &status(label))),
        "</cp:coreProperties>".to_owned(),
    ]
    .concat()
}

/// The custom properties part, each property a string (`vt:lpwstr`) in the given order.
/// Word numbers them from 2 under the one format id it uses for user-defined properties.
fn custom_properties(properties: &[(String, String)]) -> String {
    const USER_DEFINED: &str = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
    let items = properties.iter().enumerate().map(|(index, (name, value))| {
        format!(
            r#"<property fmtid="{USER_DEFINED}" pid="{}" name="{}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
            index + 2,
            escape(name),
            escape(value)
        )
    });
    [
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.to_owned(),
        concat!(
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" "#,
            r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
        )
        .to_owned(),
    ]
    .into_iter()
    .chain(items)
    .chain(["</Properties>".to_owned()])
    .collect()
}

/// Adds `w:lang` as the last run property of the document defaults, where the schema puts it.
fn default_language(xml: &str, language: &str) -> Result<String, DocxError> {
    let anchor = "</w:rPr></w:rPrDefault>";
    let lang = format!("<w:lang w:val=\"{}\" />", escape(language));
    insert_before_once(xml, anchor, &lang, "default run properties in styles.xml")
}

fn insert_before_once(
    xml: &str,
    anchor: &str,
    insert: &str,
    what: &str,
) -> Result<String, DocxError> {
    match xml.match_indices(anchor).count() {
        1 => Ok(xml.replacen(anchor, &format!("{insert}{anchor}"), 1)),
        count => Err(DocxError::Patch(format!(
            "expected one {what} ({anchor}), found {count}"
        ))),
    }
}

/// How docx-rs writes the Normal style, whatever it was asked for, once in schema order.
const EMPTY_NORMAL: &str = concat!(
    r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:qFormat />"#,
    r#"<w:pPr><w:rPr /></w:pPr><w:rPr /></w:style>"#
);

/// Gives Normal, which every body paragraph uses, the text colour and, for a justified
/// style, justified alignment; a Word user changes them for the whole report there. It
/// writes in schema order, so it runs after [`order::schema_order`].
fn normal_style(xml: &str, style: &Style) -> Result<String, DocxError> {
    let alignment = if style.justify {
        r#"<w:jc w:val="both" />"#
    } else {
        ""
    };
    let normal = format!(
        concat!(
            r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:qFormat />"#,
            r#"<w:pPr>{}<w:rPr /></w:pPr><w:rPr><w:color w:val="{}" /></w:rPr></w:style>"#
        ),
        alignment,
        style.text_colour.hex()
    );
    match xml.match_indices(EMPTY_NORMAL).count() {
        1 => Ok(xml.replacen(EMPTY_NORMAL, &normal, 1)),
        count => Err(DocxError::Patch(format!(
            "expected one empty Normal style, found {count}"
        ))),
    }
}

/// Gives the table style a distinct header row: bold on `fill`. docx-rs has no conditional
/// table formatting; a Word user restyles every table's header row here.
fn header_row_look(xml: &str, fill: Rgb) -> Result<String, DocxError> {
    let style = format!(r#"w:styleId="{}""#, styles::TABLE);
    let end = xml
        .find(&style)
        .and_then(|start| xml[start..].find("</w:style>").map(|end| start + end))
        .ok_or_else(|| DocxError::Patch(format!("no table style {}", styles::TABLE)))?;
    let look = format!(
        concat!(
            r#"<w:tblStylePr w:type="firstRow"><w:rPr><w:b /><w:bCs /></w:rPr>"#,
            r#"<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{}" /></w:tcPr></w:tblStylePr>"#
        ),
        fill.hex()
    );
    Ok([&xml[..end], &look, &xml[end..]].concat())
}

/// Declares Calibri, which stands for the bundled font, with Carlito, its metric twin, as the
/// alternative for systems without Calibri; docx-rs's font table lists only Times New Roman,
/// Symbol and Arial. A layout's own fonts need no entry: Word finds them by name.
fn declare_fonts(xml: &str, style: &Style) -> Result<String, DocxError> {
    let fonts = [&style.body_font, &style.heading_font];
    if fonts.iter().all(|font| font.files.is_some()) {
        return Ok(xml.to_owned());
    }
    let font = format!(
        concat!(
            r#"<w:font w:name="{}"><w:altName w:val="Carlito" /><w:panose1 w:val="020F0502020204030204" />"#,
            r#"<w:charset w:val="00" /><w:family w:val="swiss" /><w:pitch w:val="variable" /></w:font>"#
        ),
        styles::BUNDLED_WORD_FAMILY
    );
    insert_before_once(xml, "</w:fonts>", &font, "font table")
}

/// Gives every paragraph a fresh sequential id; docx-rs takes them from a per-thread counter
/// that depends on what the thread built before.
fn renumber_paragraphs(xml: &str, next: &mut u32) -> String {
    const MARKER: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(MARKER) {
        let value = at + MARKER.len();
        let end = rest[value..]
            .find('"')
            .map_or(rest.len(), |length| value + length);
        *next += 1;
        out.push_str(&rest[..value]);
        out.push_str(&format!("{:08X}", *next));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Marks the first row of each table flagged in `headers` as a header row, and switches the
/// table style's header-row look on for it. Tables are not nested, so the text after each
/// `<w:tbl>` up to the next one is that table.
fn repeat_header_rows(xml: &str, headers: &[bool]) -> Result<String, DocxError> {
    const TABLE: &str = "<w:tbl>";
    const ROW_PROPERTIES: &str = "<w:trPr>";
    const LOOK: &str = r#"<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1" />"#;
    let mut pieces = xml.split(TABLE);
    let mut out = pieces.next().unwrap_or_default().to_owned();
    let tables: Vec<&str> = pieces.collect();
    if tables.len() != headers.len() {
        return Err(DocxError::Patch(format!(
            "expected {} tables, found {}",
            headers.len(),
            tables.len()
        )));
    }
    for (table, &header) in tables.into_iter().zip(headers) {
        out.push_str(TABLE);
        let first_row = table
            .find(ROW_PROPERTIES)
            .filter(|at| table.find("</w:tbl>").is_some_and(|end| at < &end));
        match (header, first_row) {
            (false, _) => out.push_str(table),
            (true, Some(at)) => {
                let (before, after) = table.split_at(at + ROW_PROPERTIES.len());
                let before = before.replacen("</w:tblPr>", &format!("{LOOK}</w:tblPr>"), 1);
                out.extend([before.as_str(), "<w:tblHeader />", after]);
            }
            (true, None) => {
                return Err(DocxError::Patch(
                    "a header row has no row properties".to_owned(),
                ));
            }
        }
    }
    Ok(out)
}

/// How docx-rs writes every picture's properties.
const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;

/// Gives the pictures, which docx-rs writes all with id 1 and no description, unique ids
/// counting from `first`, names and their alternative text.
fn describe_pictures(xml: &str, alts: &[String], first: usize) -> Result<String, DocxError> {
    let pieces: Vec<&str> = xml.split(DOC_PR).collect();
    if pieces.len() != alts.len() + 1 {
        return Err(DocxError::Patch(format!(
            "expected {} pictures, found {}",
            alts.len(),
            pieces.len() - 1
        )));
    }
    let mut out = pieces[0].to_owned();
    for (index, (alt, piece)) in alts.iter().zip(&pieces[1..]).enumerate() {
        let number = first + index;
        out.push_str(&format!(
            r#"<wp:docPr id="{number}" name="Picture {number}" descr="{}" />"#,
            escape(alt)
        ));
        out.push_str(piece);
    }
    Ok(out)
}

/// Sorts the relationships, whose order means nothing to readers, by their text.
fn sort_relationships(xml: &str) -> Result<String, DocxError> {
    const CLOSE: &str = "</Relationships>";
    let (Some(start), Some(end)) = (xml.find("<Relationship "), xml.rfind(CLOSE)) else {
        return Err(DocxError::Patch(
            "document relationships are empty".to_owned(),
        ));
    };
    let mut relationships: Vec<&str> = xml[start..end].split_inclusive("/>").collect();
    if !relationships
        .iter()
        .all(|element| element.starts_with("<Relationship "))
    {
        return Err(DocxError::Patch(
            "document relationships are not all empty elements".to_owned(),
        ));
    }
    relationships.sort_unstable();
    Ok([&xml[..start], &relationships.concat(), &xml[end..]].concat())
}

/// The package's files in their stored order, directories left out.
fn unzip(package: &[u8]) -> Result<Vec<(String, Vec<u8>)>, DocxError> {
    let mut archive = ZipArchive::new(Cursor::new(package))?;
    let mut parts = Vec::with_capacity(archive.len());
    for index in 0..archive.len() {
        let mut file = archive.by_index(index)?;
        if file.is_dir() {
            continue;
        }
        let mut data = Vec::with_capacity(file.size() as usize);
        file.read_to_end(&mut data)
            .map_err(|e| DocxError::Package(e.to_string()))?;
        parts.push((file.name().to_owned(), data));
    }
    Ok(parts)
}

/// Zips `parts` compressed, with the ZIP format's earliest timestamp on every entry.
fn zip(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>, DocxError> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        writer.start_file(name.as_str(), options)?;
        writer
            .write_all(data)
            .map_err(|e| DocxError::Package(e.to_string()))?;
    }
    Ok(writer.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Font, FontFiles, PageLabels};
    use chrono::NaiveDate;
    use std::sync::Arc;

    fn meta() -> Meta {
        Meta {
            title: "Uppföljning Q1 & mål".to_owned(),
            subject: "Medborgarlöfte".to_owned(),
            authors: vec!["Kommunen".to_owned(), "Polisen".to_owned()],
            keywords: vec!["medborgarlöfte".to_owned(), "2023-Q1".to_owned()],
            language: "sv-SE".to_owned(),
            date: NaiveDate::from_ymd_opt(2023, 4, 14).expect("valid date"),
            case_number: None,
            labels: PageLabels {
                page: "Sida".to_owned(),
                of: "av".to_owned(),
                case_number: "Dnr".to_owned(),
                draft: "UTKAST".to_owned(),
            },
            ..Meta::example()
        }
    }

    #[test]
    fn core_properties_come_from_the_metadata() {
        let xml = core_properties(&meta(), None);
        assert!(xml.contains("<dc:title>Uppföljning Q1 &amp; mål</dc:title>"));
        assert!(xml.contains("<dc:creator>Kommunen; Polisen</dc:creator>"));
        assert!(xml.contains("<cp:keywords>medborgarlöfte, 2023-Q1</cp:keywords>"));
        assert!(xml.contains("<dc:language>sv-SE</dc:language>"));
        assert!(xml.contains(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">2023-04-14T00:00:00Z</dcterms:created>"#
        ));
        assert!(
            xml.contains(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2023-04-14T00:00:00Z"#)
        );
    }

    #[test]
    fn custom_properties_keep_their_order_and_escape_text() {
        let xml = custom_properties(&[
            ("Programme".to_owned(), "Trygg & säker".to_owned()),
            ("Period".to_owned(), "2023-Q1".to_owned()),
        ]);
        let programme =
            xml.find(r#"pid="2" name="Programme"><vt:lpwstr>Trygg &amp; säker</vt:lpwstr>"#);
        let period = xml.find(r#"pid="3" name="Period"><vt:lpwstr>2023-Q1</vt:lpwstr>"#);
        assert!(
            programme.is_some_and(|p| period.is_some_and(|q| p < q)),
            "{xml}"
        );
        assert!(xml.ends_with("</Properties>"));
    }

    #[test]
    fn language_goes_last_into_the_default_run_properties() {
        let xml = "<w:rPrDefault><w:rPr><w:sz w:val=\"22\" /></w:rPr></w:rPrDefault>";
        let patched = default_language(xml, "en-GB").expect("anchor present");
        assert!(patched.contains(r#"<w:sz w:val="22" /><w:lang w:val="en-GB" /></w:rPr>"#));
        assert!(default_language("<w:rPrDefault><w:rPr /></w:rPrDefault>", "sv-SE").is_err());
    }

    #[test]
    fn only_flagged_tables_get_a_repeating_header_row() {
        let table = "<w:tbl><w:tblPr></w:tblPr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>";
        let xml = format!("<w:body>{table}<w:p />{table}</w:body>");
        let patched = repeat_header_rows(&xml, &[true, false]).expect("two tables");
        assert_eq!(patched.matches("<w:tblHeader />").count(), 1);
        assert!(
            patched
                .starts_with(r#"<w:body><w:tbl><w:tblPr><w:tblLook w:val="0420" w:firstRow="1" "#),
            "{patched}"
        );
        assert!(patched.contains("</w:tblPr><w:tr><w:trPr><w:tblHeader /><w:cantSplit />"));
        assert_eq!(
            patched.matches("<w:tblLook ").count(),
            1,
            "only the header table"
        );
        assert!(repeat_header_rows(&xml, &[true]).is_err());
        assert!(repeat_header_rows("<w:tbl><w:tr /></w:tbl>", &[true]).is_err());
    }

    #[test]
    fn the_table_style_gets_a_header_row_look() {
        let xml = r#"<w:style w:styleId="Hyperlink"></w:style><w:style w:styleId="TableGrid"><w:tblPr /></w:style>"#;
        let patched = header_row_look(xml, Rgb(0xd9, 0xe2, 0xf3)).expect("table style present");
        assert!(patched.ends_with(r#"<w:tblPr /><w:tblStylePr w:type="firstRow"><w:rPr><w:b /><w:bCs /></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3" /></w:tcPr></w:tblStylePr></w:style>"#), "{patched}");
        let normal = "<w:style w:styleId=\"Normal\"></w:style>";
        assert!(header_row_look(normal, Rgb(0, 0, 0)).is_err());
    }

    #[test]
    fn pictures_get_ids_and_alternative_text() {
        let picture = r#"<wp:docPr id="1" name="Figure" />"#;
        let xml = format!("<w:p>{picture}</w:p><w:p>{picture}</w:p>");
        let alts = [
            "Kommunens logotyp".to_owned(),
            "Polisen \"logo\"".to_owned(),
        ];
        let patched = describe_pictures(&xml, &alts, 1).expect("two pictures");
        assert!(
            patched.contains(r#"<wp:docPr id="1" name="Picture 1" descr="Kommunens logotyp" />"#)
        );
        assert!(
            patched.contains(
                r#"<wp:docPr id="2" name="Picture 2" descr="Polisen &quot;logo&quot;" />"#
            )
        );
        assert!(describe_pictures(&xml, &alts[..1], 1).is_err());
        let header = describe_pictures(&format!("<w:hdr>{picture}</w:hdr>"), &alts[..1], 3)
            .expect("one picture");
        assert!(
            header.contains(r#"<wp:docPr id="3" name="Picture 3" descr="Kommunens logotyp" />"#)
        );
    }

    #[test]
    fn the_bundled_font_is_declared_with_its_metric_twin() {
        let table = r#"<w:fonts><w:font w:name="Arial" /></w:fonts>"#;
        let patched = declare_fonts(table, &Style::default()).expect("font table");
        assert!(patched.ends_with(r#"<w:altName w:val="Carlito" /><w:panose1 w:val="020F0502020204030204" /><w:charset w:val="00" /><w:family w:val="swiss" /><w:pitch w:val="variable" /></w:font></w:fonts>"#));
        assert!(patched.contains(r#"<w:font w:name="Calibri">"#));
        let face = Arc::new(Vec::new());
        let own = Font {
            family: "Lato".to_owned(),
            files: Some(FontFiles {
                regular: face.clone(),
                bold: face.clone(),
                italic: face.clone(),
                bold_italic: face,
            }),
        };
        let headings_only = Style {
            body_font: own.clone(),
            ..Style::default()
        };
        let patched = declare_fonts(table, &headings_only).expect("font table");
        assert!(patched.contains("Calibri"), "headings still use it");
        let neither = Style {
            heading_font: own,
            ..headings_only
        };
        assert_eq!(declare_fonts(table, &neither).expect("font table"), table);
    }

    #[test]
    fn normal_gets_the_text_colour_and_justification() {
        let xml = format!("<w:styles>{EMPTY_NORMAL}</w:styles>");
        let ragged = normal_style(&xml, &Style::default()).expect("Normal present");
        assert!(ragged.contains(r#"<w:pPr><w:rPr /></w:pPr><w:rPr><w:color w:val="1A1A1A" /></w:rPr></w:style></w:styles>"#), "{ragged}");
        let justified = Style {
            justify: true,
            text_colour: Rgb(0, 0x20, 0x40),
            ..Style::default()
        };
        let patched = normal_style(&xml, &justified).expect("Normal present");
        assert!(patched.contains(r#"<w:pPr><w:jc w:val="both" /><w:rPr /></w:pPr><w:rPr><w:color w:val="002040" /></w:rPr>"#), "{patched}");
        assert!(normal_style("<w:styles />", &justified).is_err());
    }

    #[test]
    fn paragraph_ids_are_renumbered_in_order() {
        let mut next = 0;
        let first = renumber_paragraphs(
            r#"<w:p w14:paraId="0000002A"></w:p><w:p w14:paraId="00000007">"#,
            &mut next,
        );
        let second = renumber_paragraphs(r#"<w:p w14:paraId="00000001">"#, &mut next);
        assert_eq!(
            first,
            r#"<w:p w14:paraId="00000001"></w:p><w:p w14:paraId="00000002">"#
        );
        assert_eq!(second, r#"<w:p w14:paraId="00000003">"#);
    }

    #[test]
    fn relationships_are_sorted() {
        let xml = r#"<?xml?><Relationships xmlns="x"><Relationship Id="rIdHyperlink2" Target="b" /><Relationship Id="rId1" Target="a" /></Relationships>"#;
        let sorted = sort_relationships(xml).expect("relationships present");
        assert_eq!(
            sorted,
            r#"<?xml?><Relationships xmlns="x"><Relationship Id="rId1" Target="a" /><Relationship Id="rIdHyperlink2" Target="b" /></Relationships>"#
        );
    }

    #[test]
    fn rezipping_keeps_the_parts_and_fixes_the_timestamps() {
        let parts = vec![
            ("a.xml".to_owned(), b"<a/>".to_vec()),
            ("word/b.xml".to_owned(), b"<b/>".to_vec()),
        ];
        let zipped = zip(&parts).expect("zips");
        assert_eq!(zip(&parts).expect("zips"), zipped);
        assert_eq!(unzip(&zipped).expect("unzips"), parts);
        let mut archive = ZipArchive::new(Cursor::new(&zipped)).expect("valid zip");
        let first = archive.by_index(0).expect("one entry");
        assert_eq!(first.last_modified(), Some(DateTime::default()));
    }
}
