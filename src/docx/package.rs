//! The OPC package: parts with their content types and relationships, zipped the same way
//! every time.
//!
//! Entry points: [`Package`] collects parts, [`Relationships`] hands out the ids one part
//! uses to name others. Ids count from 1 in the order things are added, and the ZIP entries
//! carry a fixed timestamp, so the same document always gives the same bytes.

use super::DocxError;
use super::xml::Xml;
use std::io::{Cursor, Write};
use zip::result::ZipError;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// What a relationship points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relation {
    OfficeDocument,
    CoreProperties,
    ExtendedProperties,
    CustomProperties,
    Styles,
    Numbering,
    Settings,
    FontTable,
    Header,
    Footer,
    Image,
    Hyperlink,
    Chart,
    /// A chart's embedded workbook.
    Package,
    Font,
}

impl Relation {
    /// The relationship type URI.
    fn uri(self) -> &'static str {
        match self {
            Relation::OfficeDocument => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
            }
            Relation::CoreProperties => {
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
            }
            Relation::ExtendedProperties => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
            }
            Relation::CustomProperties => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
            }
            Relation::Styles => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
            }
            Relation::Numbering => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
            }
            Relation::Settings => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
            }
            Relation::FontTable => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
            }
            Relation::Header => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
            }
            Relation::Footer => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
            }
            Relation::Image => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
            }
            Relation::Hyperlink => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
            }
            Relation::Chart => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
            }
            Relation::Package => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
            }
            Relation::Font => {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
            }
        }
    }
}

/// The relationships of one part, in the order they were added.
#[derive(Debug, Default)]
pub(super) struct Relationships {
    entries: Vec<(Relation, String, bool)>,
}

impl Relationships {
    /// Adds a relationship to the part `target` (relative to the source part's folder) and
    /// gives its id.
    pub(super) fn add(&mut self, relation: Relation, target: &str) -> String {
        self.push(relation, target, false)
    }

    /// Adds a link to a web address and gives its id.
    pub(super) fn link(&mut self, url: &str) -> String {
        self.push(Relation::Hyperlink, url, true)
    }

    fn push(&mut self, relation: Relation, target: &str, external: bool) -> String {
        self.entries.push((relation, target.to_owned(), external));
        format!("rId{}", self.entries.len())
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The `.rels` part.
    pub(super) fn xml(&self) -> Vec<u8> {
        let mut xml = Xml::part();
        xml.open(
            "Relationships",
            &[(
                "xmlns",
                &"http://schemas.openxmlformats.org/package/2006/relationships",
            )],
        );
        for (index, (relation, target, external)) in self.entries.iter().enumerate() {
            let id = format!("rId{}", index + 1);
            let uri = relation.uri();
            let mut attributes: Vec<(&str, &dyn std::fmt::Display)> =
                vec![("Id", &id), ("Type", &uri), ("Target", target)];
            if *external {
                attributes.push(("TargetMode", &"External"));
            }
            xml.empty("Relationship", &attributes);
        }
        xml.close("Relationships");
        xml.finish().into_bytes()
    }
}

/// Content types given by file extension rather than part by part.
const DEFAULTS: [(&str, &str); 6] = [
    (
        "rels",
        "application/vnd.openxmlformats-package.relationships+xml",
    ),
    ("xml", "application/xml"),
    ("png", "image/png"),
    ("svg", "image/svg+xml"),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "odttf",
        "application/vnd.openxmlformats-officedocument.obfuscatedFont",
    ),
];

/// A part's bytes as they go into the package.
#[derive(Debug)]
enum Content {
    Plain(Vec<u8>),
    /// A ZIP of the part alone, compressed while it was written ([`zipped`]): its one
    /// entry is copied into the package as it is.
    Zipped(Vec<u8>),
}

/// The parts of a package being written.
#[derive(Debug, Default)]
pub(super) struct Package {
    parts: Vec<(String, Content)>,
    /// Part names with their own content type, in the order added.
    overrides: Vec<(String, &'static str)>,
}

impl Package {
    /// Adds an XML part with its content type.
    pub(super) fn part(&mut self, name: &str, content_type: &'static str, data: Vec<u8>) {
        self.overrides.push((name.to_owned(), content_type));
        self.parts.push((name.to_owned(), Content::Plain(data)));
    }

    /// Adds an XML part with its content type, already compressed by [`zipped`] under
    /// the same name.
    pub(super) fn zipped_part(&mut self, name: &str, content_type: &'static str, zip: Vec<u8>) {
        self.overrides.push((name.to_owned(), content_type));
        self.parts.push((name.to_owned(), Content::Zipped(zip)));
    }

    /// Adds a part whose extension gives its content type (a picture, a workbook, a font).
    pub(super) fn file(&mut self, name: &str, data: Vec<u8>) {
        self.parts.push((name.to_owned(), Content::Plain(data)));
    }

    /// Adds the relationships of the part `source` (`""` for the package's own).
    pub(super) fn relationships(&mut self, source: &str, relationships: &Relationships) {
        if relationships.is_empty() {
            return;
        }
        let name = match source.rsplit_once('/') {
            Some((folder, file)) => format!("{folder}/_rels/{file}.rels"),
            None if source.is_empty() => "_rels/.rels".to_owned(),
            None => format!("_rels/{source}.rels"),
        };
        self.parts.push((name, Content::Plain(relationships.xml())));
    }

    /// The ZIP file: the content types first, then the parts in the order added.
    pub(super) fn zip(self) -> Result<Vec<u8>, DocxError> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let types = (
            "[Content_Types].xml".to_owned(),
            Content::Plain(self.content_types()),
        );
        for (name, content) in std::iter::once(types).chain(self.parts) {
            match content {
                Content::Plain(data) => {
                    writer.start_file(name, options())?;
                    writer.write_all(&data).map_err(ZipError::from)?;
                }
                Content::Zipped(zip) => {
                    let mut alone = ZipArchive::new(Cursor::new(zip))?;
                    let entry = alone.by_index_raw(0)?;
                    writer.raw_copy_file_touch(entry, DateTime::default(), Some(PERMISSIONS))?;
                }
            }
        }
        Ok(writer.finish()?.into_inner())
    }

    fn content_types(&self) -> Vec<u8> {
        let mut xml = Xml::part();
        xml.open(
            "Types",
            &[(
                "xmlns",
                &"http://schemas.openxmlformats.org/package/2006/content-types",
            )],
        );
        for (extension, content_type) in DEFAULTS {
            xml.empty(
                "Default",
                &[("Extension", &extension), ("ContentType", &content_type)],
            );
        }
        for (name, content_type) in &self.overrides {
            let part = format!("/{name}");
            xml.empty(
                "Override",
                &[("PartName", &part), ("ContentType", content_type)],
            );
        }
        xml.close("Types");
        xml.finish().into_bytes()
    }
}

/// `entries` (name, bytes) zipped in the order given, with fixed timestamps and
/// permissions, so that the same entries always give the same bytes.
pub(super) fn zip<'a>(
    entries: impl IntoIterator<Item = (&'a str, &'a [u8])>,
) -> Result<Vec<u8>, ZipError> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        writer.start_file(name, options())?;
        writer.write_all(data)?;
    }
    Ok(writer.finish()?.into_inner())
}

/// A ZIP of one entry, `name`, holding `texts` one after the other, each compressed as
/// it comes: a long part is compressed on another core while the rest of it is written.
/// Copied into a package ([`Package::zipped_part`]), it gives the bytes [`zip`] would.
pub(super) fn zipped(
    name: &str,
    texts: impl IntoIterator<Item = String>,
) -> Result<Vec<u8>, ZipError> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    writer.start_file(name, options())?;
    for text in texts {
        writer.write_all(text.as_bytes())?;
    }
    Ok(writer.finish()?.into_inner())
}

/// Every entry's permissions, the same on every machine.
const PERMISSIONS: u32 = 0o644;

/// How every entry is stored: compressed, with a fixed time and permissions.
fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(PERMISSIONS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn relationships_are_numbered_in_the_order_added() {
        let mut relationships = Relationships::default();
        assert_eq!(relationships.add(Relation::Styles, "styles.xml"), "rId1");
        assert_eq!(relationships.link("https://polisen.se/?a=1&b=2"), "rId2");
        let xml = String::from_utf8(relationships.xml()).expect("UTF-8");
        assert!(xml.contains(r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#), "{xml}");
        assert!(
            xml.contains(r#"Target="https://polisen.se/?a=1&amp;b=2" TargetMode="External"/>"#)
        );
    }

    #[test]
    fn a_part_compressed_in_pieces_as_it_is_written_zips_as_one_written_whole() {
        fn zip(part: impl FnOnce(&mut Package)) -> Vec<u8> {
            let mut package = Package::default();
            package.file("word/media/image1.png", vec![1, 2, 3]);
            part(&mut package);
            package.zip().expect("zips")
        }
        let pieces = ["<w:document>", "<w:body/>", "</w:document>"].map(str::to_owned);
        let (name, kind) = ("word/document.xml", "text/x-test");
        let whole = zip(|p| p.part(name, kind, pieces.concat().into_bytes()));
        let zipped = zip(|p| p.zipped_part(name, kind, zipped(name, pieces).expect("zips")));
        assert_eq!(zipped, whole);
    }

    #[test]
    fn the_package_lists_its_types_first_and_zips_the_same_every_time() {
        let build = || {
            let mut package = Package::default();
            package.part("word/document.xml", "text/x-test", b"<w/>".to_vec());
            package.file("word/media/image1.png", vec![1, 2, 3]);
            let mut relationships = Relationships::default();
            relationships.add(Relation::Image, "media/image1.png");
            package.relationships("word/document.xml", &relationships);
            package.zip().expect("zips")
        };
        let zipped = build();
        assert_eq!(build(), zipped);
        let mut archive = ZipArchive::new(Cursor::new(&zipped)).expect("valid zip");
        let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
        assert_eq!(names[0], "[Content_Types].xml");
        assert!(names.contains(&"word/_rels/document.xml.rels".to_owned()));
        let mut types = String::new();
        archive
            .by_name("[Content_Types].xml")
            .expect("types")
            .read_to_string(&mut types)
            .expect("UTF-8");
        assert!(
            types
                .contains(r#"<Override PartName="/word/document.xml" ContentType="text/x-test"/>"#)
        );
        assert_eq!(
            archive.by_index(1).expect("entry").last_modified(),
            Some(DateTime::default())
        );
    }
}
