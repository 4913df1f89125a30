//! The DOCX of an example report read as XML: its table of contents against the PDF's pages.

use crate::case::Case;
use crate::pdf_read::pdf_page_lines;
use crate::support::{attribute_values, docx_part, normalise, small_report};
use std::collections::BTreeSet;
use std::path::Path;

/// One line of a table of contents: the heading's text and its page.
type Line = (String, usize);

/// The PDF's contents: the lines of its first page with a dot leader before the page.
fn pdf_contents(path: &Path) -> Vec<Line> {
    pdf_page_lines(path, 1)
        .iter()
        .filter(|line| line.contains(". ."))
        .filter_map(|line| {
            let (title, page) = line.trim_end().rsplit_once(' ')?;
            let title = title.trim_end_matches([' ', '.']);
            Some((normalise(title), page.parse().ok()?))
        })
        .collect()
}

/// The text in the `w:t` elements of a piece of WordprocessingML, one string per element.
fn texts(xml: &str) -> Vec<String> {
    xml.split("<w:t")
        .skip(1)
        .filter_map(|piece| {
            let start = piece.find('>')? + 1;
            let end = piece.find("</w:t>")?;
            (start <= end).then(|| piece[start..end].replace("&amp;", "&"))
        })
        .collect()
}

/// The DOCX's contents entries (paragraphs in the TOC 1 and TOC 2 styles): the text, and
/// the page as the last text of the entry, the PAGEREF field's filled-in result.
fn docx_contents(document: &str) -> Vec<(Line, String)> {
    document
        .split("</w:p>")
        .filter(|p| {
            p.contains(r#"<w:pStyle w:val="TOC1"/>"#) || p.contains(r#"<w:pStyle w:val="TOC2"/>"#)
        })
        .map(|paragraph| {
            let mut words = texts(paragraph);
            let page = words.pop().expect("an entry has a page number");
            let page = page.parse().unwrap_or_else(|_| panic!("page {page:?}"));
            let anchors = attribute_values(paragraph, "w:hyperlink", "w:anchor");
            assert_eq!(anchors.len(), 1, "one link per entry: {paragraph}");
            ((normalise(&words.concat()), page), anchors[0].clone())
        })
        .collect()
}

#[test]
fn the_docx_contents_show_the_pdf_pages_and_link_to_the_headings() {
    let built = Case::new("docx-contents")
        .source("report-data/medborgarlofte-jonkoping/2023-Q4.yaml")
        .build(&[])
        .succeeds();
    let pdf = built.pdf();
    let document = docx_part(&built.docx(), "word/document.xml");

    let entries = docx_contents(&document);
    let lines: Vec<Line> = entries.iter().map(|(line, _)| line.clone()).collect();
    assert!(lines.len() >= 10, "every section and activity: {lines:?}");
    assert_eq!(lines, pdf_contents(&pdf), "the DOCX lists the PDF's pages");
    for (title, page) in &lines {
        assert!(
            normalise(&pdf_page_lines(&pdf, *page).join("\n")).contains(title.as_str()),
            "{title} is on page {page} of the PDF"
        );
    }

    // A real TOC field, filled in, and no request to update fields on open.
    assert!(document.contains(r#"TOC \o &quot;1-2&quot; \h"#));
    assert!(!document.contains("updateFields"));
    // Every entry links to a bookmark that starts a heading.
    let bookmarks: BTreeSet<String> = attribute_values(&document, "w:bookmarkStart", "w:name")
        .into_iter()
        .collect();
    for (_, anchor) in &entries {
        assert!(bookmarks.contains(anchor), "no bookmark {anchor}");
        assert!(anchor.len() <= 40 && anchor.starts_with("_Toc"));
    }
}

#[test]
fn a_draft_docx_says_so_and_a_final_one_does_not() {
    for (draft, name) in [(true, "docx-draft"), (false, "docx-final")] {
        let options: &[&str] = if draft { &["--draft"] } else { &[] };
        let built = Case::new(name)
            .report(small_report(2024, 1))
            .build(&[&["--format", "docx"], options].concat())
            .succeeds();
        let docx = built.docx();
        let header = docx_part(&docx, "word/header1.xml") + &docx_part(&docx, "word/header2.xml");
        let core = docx_part(&docx, "docProps/core.xml");
        let custom = docx_part(&docx, "docProps/custom.xml");
        assert_eq!(header.contains(">DRAFT  </w:t>"), draft, "{header}");
        assert_eq!(
            core.contains("<cp:contentStatus>Draft</cp:contentStatus>"),
            draft,
            "{core}"
        );
        assert_eq!(
            custom.contains(r#"name="Status"><vt:lpwstr>Draft<"#),
            draft,
            "{custom}"
        );
    }
}
