//! `kvartal build --format html`: every example report in every built-in layout as one web
//! page, read back with a browser's parser (html5ever). The page parses without an error, is
//! in the report's language, has one `h1`, its landmarks and unique ids, and holds every
//! word of the document the PDF is drawn from (headings, paragraphs, list items, table
//! cells, the contents, alternative texts, signatures) in the same order.

use crate::case::Case;
use crate::support::{example_reports, file_names, repo};
use kvartal::doc::{Block, Document, Run};
use kvartal::report;
use kvartal::template::Layout;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LAYOUTS: [&str; 3] = ["standard", "brief", "tjansteskrivelse"];

#[test]
fn every_example_in_every_layout_is_a_page_with_the_pdf_s_words_in_order() {
    for layout in LAYOUTS {
        let case = Case::new(&format!("html-{layout}")).source("report-data");
        let built = case
            .build(&["--format", "html", "--layout", layout])
            .succeeds();
        for report in example_reports() {
            let page = built.output(&relative_output(&report));
            let what = format!("{layout}: {}", page.display());
            let text = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{what}: {e}"));
            let document = document(&report, layout);
            check_page(&text, &document, &what);
        }
        // Only the format asked for is written.
        for folder in file_names(built.out()) {
            for file in file_names(&built.out().join(&folder)) {
                assert!(file.ends_with(".html"), "{layout}: {folder}/{file}");
            }
        }
    }
}

#[test]
fn a_draft_page_says_so_and_html_is_made_beside_the_pdf_and_docx() {
    let built = Case::new("html-draft")
        .source("report-data/safer-harbour-town/2023-Q4.yaml")
        .build(&["--format", "pdf,docx,html", "--draft"])
        .succeeds();
    let page = std::fs::read_to_string(built.output("2023-Q4.html")).expect("written");
    let html = Html::parse_document(&page);
    let title: String = select(&html, "title")[0].text().collect();
    assert!(title.starts_with("DRAFT – "), "{title}");
    assert_eq!(select(&html, "header .draft").len(), 1, "{page}");
    assert!(built.pdf().is_file() && built.docx().is_file());
}

/// A layout's `web.css` comes last in the page's stylesheet, so its rules win; rules that
/// would fetch another file are refused with their place, and nothing is written.
#[test]
fn a_layout_s_web_css_is_added_to_the_page_and_checked() {
    let rule = "main { max-width: 52em; }";
    let built = Case::new("html-web-css")
        .source("report-data/safer-harbour-town/2023-Q4.yaml")
        .layout_file("style.toml", "base = \"brief\"\n")
        .layout_file("web.css", format!("/* Our own */\n{rule}\n"))
        .build(&["--format", "html"])
        .succeeds();
    let page = std::fs::read_to_string(built.output("2023-Q4.html")).expect("written");
    let html = Html::parse_document(&page);
    let style: String = select(&html, "style")[0].text().collect();
    assert!(style.trim_end().ends_with(rule), "{style}");
    Case::new("html-web-css-import")
        .source("report-data/safer-harbour-town/2023-Q4.yaml")
        .layout_file(
            "web.css",
            "p { color: #222 }\n@import \"https://x.se/a.css\";\n",
        )
        .build(&["--format", "html"])
        .fails_with("web.css:2:1: error: not allowed in a web page's stylesheet: `@import`")
        .wrote_nothing();
}

/// `medborgarlofte-jonkoping/2023-Q1.html` for that report.
fn relative_output(report: &Path) -> String {
    let relative: PathBuf = report
        .strip_prefix(repo().join("report-data"))
        .expect("an example report")
        .with_extension("html");
    relative.display().to_string()
}

/// The document the build made, made again in-process as `build` makes it.
fn document(report: &Path, layout: &str) -> Document {
    let checked = report::check(report, &report::Shelf::default())
        .unwrap_or_else(|d| panic!("{report:?}: {d:?}"));
    let layout = Layout::builtin(layout).expect("a built-in layout");
    kvartal::cmd::document(&checked.report, &layout).expect("renders")
}

fn check_page(text: &str, document: &Document, what: &str) {
    let html = Html::parse_document(text);
    assert!(html.errors.is_empty(), "{what}: {:?}", html.errors);
    let root = select(&html, "html");
    assert_eq!(
        root[0].value().attr("lang"),
        Some(document.meta.language.as_str()),
        "{what}"
    );
    assert_eq!(select(&html, "h1").len(), 1, "{what}: one h1");
    for landmark in ["body > header", "body > main", "body > footer"] {
        assert_eq!(select(&html, landmark).len(), 1, "{what}: {landmark}");
    }
    let has_contents = document
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Contents { .. }));
    assert_eq!(
        select(&html, "nav").len(),
        usize::from(has_contents),
        "{what}"
    );
    let skip = select(&html, "a.skip");
    let main_id = select(&html, "main")[0].value().attr("id").unwrap_or("");
    assert_eq!(
        skip[0].value().attr("href"),
        Some(format!("#{main_id}").as_str())
    );
    let ids: Vec<&str> = select(&html, "[id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "{what}: ids repeat");
    for link in select(&html, "a[href^='#']") {
        let target = &link.value().attr("href").unwrap_or("#")[1..];
        assert!(unique.contains(target), "{what}: a link to #{target}");
    }
    in_order(
        &reading(&select(&html, "main")[0]),
        &words(&document.blocks),
        what,
    );
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a selector");
    html.select(&selector).collect()
}

/// What the page's `main` gives a reader, in order: its text, with each image's
/// alternative text where the image stands.
fn reading(main: &ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in main.descendants() {
        match node.value() {
            Node::Text(piece) => text.push_str(piece),
            Node::Element(element) if element.name() == "img" => {
                text.push(' ');
                text.push_str(element.attr("alt").unwrap_or_default());
                text.push(' ');
            }
            Node::Element(element) if element.name() == "br" => text.push('\n'),
            _ => {}
        }
    }
    normal(&text)
}

/// Every piece of text the document model gives the PDF, in reading order.
fn words(blocks: &[Block]) -> Vec<String> {
    let mut words = Vec::new();
    let runs = |runs: &[Run]| runs.iter().map(|run| run.text.as_str()).collect::<String>();
    for block in blocks {
        match block {
            Block::Heading { runs: text, .. } | Block::Paragraph(text) => words.push(runs(text)),
            Block::List(list) => {
                for item in &list.items {
                    words.extend(self::words(&item.blocks));
                }
            }
            Block::Table(table) => {
                let cells = table.header.iter().chain(table.rows.iter().flatten());
                words.extend(cells.map(|cell| runs(cell)));
            }
            Block::Logos(images) => words.extend(images.iter().map(|image| image.alt.clone())),
            Block::Chart(chart) => words.push(chart.alt.clone()),
            Block::Signatures(signatures) => {
                words.push(signatures.place_and_date.clone());
                for signer in &signatures.signers {
                    words.push(signer.name.clone());
                    words.extend(signer.lines.iter().cloned());
                }
            }
            Block::Contents { title } => {
                words.push(title.clone());
                let entries = kvartal::doc::contents(blocks);
                words.extend(entries.into_iter().map(|entry| entry.text));
            }
            Block::PageBreak => {}
        }
    }
    words
}

/// Each of `words` is found in `text` after the one before it.
fn in_order(text: &str, words: &[String], what: &str) {
    let mut at = 0;
    for word in words.iter().map(|w| normal(w)).filter(|w| !w.is_empty()) {
        match text[at..].find(&word) {
            Some(found) => at += found + word.len(),
            None => {
                let near: String = text[at..].chars().take(300).collect();
                panic!("{what}: {word:?} is not in the page after {at}; there follows:\n{near}");
            }
        }
    }
}

/// Runs of white space (a no-break space too) as one space.
fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
