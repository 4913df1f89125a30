//! The table of contents as Word makes it: a TOC field whose result is already filled in.
//!
//! Entry points: [`entries`] collects the headings the contents list, [`render`] writes the
//! title and the field. Each entry is a link to its heading's bookmark, with a dot leader and
//! a PAGEREF field showing the page the PDF put the heading on, so the contents read right
//! in Word, in LibreOffice and in converters that never update fields; a Word user can still
//! update the field by hand. Bookmark names come from [`Bookmarks`].

use super::blocks::Element;
use super::styles;
use crate::doc::{self, Block, PageMap};
use docx_rs::{
    FieldCharType, Hyperlink, HyperlinkType, InstrPAGEREF, InstrText, InstrToC, Paragraph, Run,
};
use std::collections::{BTreeMap, BTreeSet};

/// Word's limit on the length of a bookmark name.
const MAX_BOOKMARK: usize = 40;
/// Word hides bookmarks whose name starts with an underscore; its own TOC uses `_Toc`.
const BOOKMARK_PREFIX: &str = "_Toc_";

/// Word-valid, unique bookmark names for heading anchors, and the bookmarks' ids.
#[derive(Debug, Default)]
pub(super) struct Bookmarks {
    names: BTreeMap<String, String>,
    taken: BTreeSet<String>,
    next_id: usize,
}

impl Bookmarks {
    /// The bookmark name of the heading with `anchor`; the same anchor always gets the same
    /// name, so the contents may ask before the heading is written.
    pub(super) fn name(&mut self, anchor: &str) -> String {
        if let Some(name) = self.names.get(anchor) {
            return name.clone();
        }
        let base = bookmark_base(anchor);
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name) {
            let suffix = format!("_{n}");
            let keep = base.len().min(MAX_BOOKMARK - suffix.len());
            name = format!("{}{suffix}", &base[..keep]);
            n += 1;
        }
        self.taken.insert(name.clone());
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

/// The contents' title and the filled TOC field: the field begins in the first entry's
/// paragraph and ends in the last one's, as Word writes it.
pub(super) fn render(title: &str, entries: &[Entry]) -> Vec<Element> {
    let heading = Paragraph::new()
        .style(styles::TOC_HEADING)
        .add_run(Run::new().add_text(title));
    // Without entries the field still begins and ends, in one empty paragraph.
    let count = entries.len().max(1);
    let lines = (0..count).map(|index| {
        let mut line = entries
            .get(index)
            .map_or_else(|| Paragraph::new().style(styles::TOC[0]), entry);
        if index == 0 {
            line = prepend_run(line, field_start());
        }
        if index == count - 1 {
            line = line.add_run(Run::new().add_field_char(FieldCharType::End, false));
        }
        line
    });
    std::iter::once(heading)
        .chain(lines)
        .map(Element::from)
        .collect()
}

/// Word's own switches: headings 1–2 (the model's levels 2–3), entries as links, no tab or
/// page number in web view, and paragraphs' outline levels too.
fn field_start() -> Run {
    let instruction = InstrToC::new()
        .heading_styles_range(1, 2)
        .hyperlink()
        .hide_tab_and_page_numbers_in_webview()
        .use_applied_paragraph_line_level();
    Run::new()
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::TOC(instruction))
        .add_field_char(FieldCharType::Separate, false)
}

fn prepend_run(mut paragraph: Paragraph, run: Run) -> Paragraph {
    paragraph
        .children
        .insert(0, docx_rs::ParagraphChild::Run(Box::new(run)));
    paragraph
}

/// The heading's text, a tab to the dot leader and the page number as a PAGEREF field, all
/// one link to the heading. Without a known page the number is left out.
fn entry(entry: &Entry) -> Paragraph {
    let style = styles::TOC[usize::from(entry.level.saturating_sub(2)).min(styles::TOC.len() - 1)];
    let mut link = Hyperlink::new(&entry.bookmark, HyperlinkType::Anchor)
        .add_run(Run::new().add_text(&entry.text))
        .add_run(Run::new().add_tab());
    if let Some(page) = entry.page {
        let reference = InstrPAGEREF::new(&entry.bookmark).hyperlink();
        link = link
            .add_run(
                Run::new()
                    .add_field_char(FieldCharType::Begin, false)
                    .add_instr_text(InstrText::PAGEREF(reference))
                    .add_field_char(FieldCharType::Separate, false),
            )
            .add_run(Run::new().add_text(page.to_string()))
            .add_run(Run::new().add_field_char(FieldCharType::End, false));
    }
    Paragraph::new().style(style).add_hyperlink(link)
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
            runs: vec![DocRun {
                text: anchor.to_uppercase(),
                ..DocRun::default()
            }],
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
