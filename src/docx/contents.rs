//! The table of contents as Word makes it: a TOC field whose result is already filled in.
//!
//! Entry points: [`entries`] collects the headings the contents list, [`write`] writes the
//! title and the field. Each entry is a link to its heading's bookmark, with a dot leader and
//! a PAGEREF field showing the page the PDF put the heading on, so the contents read right
//! in Word, in LibreOffice and in converters that never update fields; a Word user can still
//! update the field by hand. Bookmark names come from [`Bookmarks`].

use super::formatting::Paragraph;
use super::inline::plain;
use super::styles;
use super::xml::Xml;
use crate::doc::{self, Block, Unique};
use crate::typeset::PageMap;
use std::collections::BTreeMap;

/// Word's limit on the length of a bookmark name.
const MAX_BOOKMARK: usize = 40;
/// Word hides bookmarks whose name starts with an underscore; its own TOC uses `_Toc`.
const BOOKMARK_PREFIX: &str = "_Toc_";

/// Word-valid, unique bookmark names for heading anchors, and the bookmarks' ids.
#[derive(Debug, Default)]
pub(super) struct Bookmarks {
    names: BTreeMap<String, String>,
    taken: Unique,
    next_id: usize,
}

impl Bookmarks {
    /// The bookmark name of the heading with `anchor`; the same anchor always gets the same
    /// name, so the contents may ask before the heading is written.
    pub(super) fn name(&mut self, anchor: &str) -> String {
        if let Some(name) = self.names.get(anchor) {
            return name.clone();
        }
        let name = self.taken.claim(bookmark_base(anchor), |base, n| {
            let suffix = format!("_{n}");
            let keep = base.len().min(MAX_BOOKMARK - suffix.len());
            format!("{}{suffix}", &base[..keep])
        });
        self.names.insert(anchor.to_owned(), name.clone());
        name
    }

    /// A fresh id for one bookmark's start and end.
    pub(super) fn next_id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }
}

/// The prefix and the anchor in ASCII letters, digits and underscores, cut to Word's limit.
fn bookmark_base(anchor: &str) -> String {
    let ascii = anchor.chars().map(|c| match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => c,
        'å' | 'ä' | 'à' | 'á' | 'â' | 'Å' | 'Ä' => 'a',
        'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'Ö' | 'Ø' => 'o',
        'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
        'ü' | 'ú' | 'Ü' => 'u',
        _ => '_',
    });
    BOOKMARK_PREFIX
        .chars()
        .chain(ascii)
        .take(MAX_BOOKMARK)
        .collect()
}

/// One line of the contents.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// 2 for a section, 3 for a subsection, as in the document model.
    level: u8,
    text: String,
    bookmark: String,
    page: Option<usize>,
}

/// The sections and subsections among `blocks`, with their bookmarks and the PDF's pages.
pub(super) fn entries(blocks: &[Block], pages: &PageMap, bookmarks: &mut Bookmarks) -> Vec<Entry> {
    doc::contents(blocks)
        .into_iter()
        .map(|entry| Entry {
            level: entry.level,
            bookmark: bookmarks.name(entry.anchor),
            page: pages.get(entry.anchor).copied(),
            text: entry.text,
        })
        .collect()
}

/// Word's own switches: headings 1–2 (the model's levels 2–3), entries as links, no tab or
/// page number in web view, and paragraphs' outline levels too.
const INSTRUCTION: &str = r#" TOC \o "1-2" \h \z \u "#;

/// The contents' title and the filled TOC field: the field begins in the first entry's
/// paragraph and ends in the last one's, as Word writes it.
pub(super) fn write(xml: &mut Xml, title: &str, entries: &[Entry], paragraph: Paragraph) {
    xml.open("w:p", &[]);
    Paragraph {
        style: Some(styles::TOC_HEADING),
        ..paragraph
    }
    .write(xml);
    plain(xml, title);
    xml.close("w:p");
    // Without entries the field still begins and ends, in one empty paragraph.
    let count = entries.len().max(1);
    for index in 0..count {
        let entry = entries.get(index);
        let level = entry.map_or(2, |entry| entry.level);
        let style = styles::TOC[usize::from(level.saturating_sub(2)).min(styles::TOC.len() - 1)];
        xml.open("w:p", &[]);
        Paragraph {
            style: Some(style),
            ..Paragraph::default()
        }
        .write(xml);
        if index == 0 {
            field(xml, INSTRUCTION);
        }
        if let Some(entry) = entry {
            line(xml, entry);
        }
        if index == count - 1 {
            field_char(xml, "end");
        }
        xml.close("w:p");
    }
}

/// The heading's text, a tab to the dot leader and the page number as a PAGEREF field, all
/// one link to the heading. Without a known page the number is left out.
fn line(xml: &mut Xml, entry: &Entry) {
    xml.open(
        "w:hyperlink",
        &[("w:anchor", &entry.bookmark), ("w:history", &1)],
    );
    plain(xml, &entry.text);
    xml.open("w:r", &[]).empty("w:tab", &[]).close("w:r");
    if let Some(page) = entry.page {
        field(xml, &format!(" PAGEREF {} \\h ", entry.bookmark));
        plain(xml, &page.to_string());
        field_char(xml, "end");
    }
    xml.close("w:hyperlink");
}

/// The start of a field with `instruction`, up to where its result begins.
fn field(xml: &mut Xml, instruction: &str) {
    field_char(xml, "begin");
    xml.open("w:r", &[])
        .words("w:instrText", instruction)
        .close("w:r");
    field_char(xml, "separate");
}

/// A run with one field character: `begin`, `separate` or `end`.
pub(super) fn field_char(xml: &mut Xml, kind: &str) {
    xml.open("w:r", &[])
        .empty("w:fldChar", &[("w:fldCharType", &kind)])
        .close("w:r");
}

/// A whole field whose result is `result`: a page number in a header or footer.
pub(super) fn simple_field(xml: &mut Xml, instruction: &str, result: &str) {
    field(xml, instruction);
    plain(xml, result);
    field_char(xml, "end");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Run as DocRun;

    #[test]
    fn bookmark_names_are_word_valid_unique_and_stable() {
        let mut bookmarks = Bookmarks::default();
        assert_eq!(bookmarks.name("ökad-närvaro"), "_Toc_okad_narvaro");
        assert_eq!(bookmarks.name("ökad-närvaro"), "_Toc_okad_narvaro");
        let long = "a".repeat(60);
        let first = bookmarks.name(&long);
        let second = bookmarks.name(&format!("{long}-2"));
        assert_eq!(first.len(), MAX_BOOKMARK);
        assert_eq!(second.len(), MAX_BOOKMARK);
        assert_ne!(first, second);
        assert!(second.ends_with("_2"), "{second}");
        assert_eq!(bookmarks.name("Ökad närvaro"), "_Toc_okad_narvaro_2");
    }

    #[test]
    fn entries_take_sections_and_subsections_with_their_pages() {
        let heading = |level: u8, anchor: &str| Block::Heading {
            level,
            runs: vec![DocRun::plain(&anchor.to_uppercase())],
            anchor: anchor.to_owned(),
        };
        let blocks = [heading(1, "titel"), heading(2, "mål"), heading(3, "steg")];
        let pages = PageMap::from([("mål".to_owned(), 2), ("titel".to_owned(), 1)]);
        let found = entries(&blocks, &pages, &mut Bookmarks::default());
        let summary: Vec<_> = found
            .iter()
            .map(|e| (e.level, e.text.as_str(), e.bookmark.as_str(), e.page))
            .collect();
        assert_eq!(
            summary,
            [
                (2, "MÅL", "_Toc_mal", Some(2)),
                (3, "STEG", "_Toc_steg", None)
            ]
        );
    }
}
