//! The page read back with a browser's parser: its structure, its words and its escaping.

use super::html;
use crate::doc::{
    Align, Block, Chart, ChartPoint, Document, FigureId, Image, ImageFormat, List, ListItem, Meta,
    Run, Signatures, Signer, Table, Tone,
};
use scraper::{ElementRef, Html, Selector};
use std::collections::BTreeSet;
use std::sync::Arc;

fn page(blocks: Vec<Block>) -> String {
    page_of(&Document {
        meta: Meta::example(),
        blocks,
    })
}

fn page_of(doc: &Document) -> String {
    String::from_utf8(html(doc, false)).expect("UTF-8")
}

/// The page parsed as a browser parses it, with no parse error.
fn parsed(page: &str) -> Html {
    let html = Html::parse_document(page);
    assert!(html.errors.is_empty(), "{:?}\n{page}", html.errors);
    html
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a selector");
    html.select(&selector).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect()
}

fn heading(level: u8, text: &str, anchor: &str) -> Block {
    Block::Heading {
        level,
        runs: vec![Run::plain(text)],
        anchor: anchor.into(),
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Run::plain(text)])
}

fn chart(id: u32, name: Option<&str>) -> Block {
    Block::Chart(Chart {
        id: FigureId(id),
        name: name.map(str::to_owned),
        alt: "Antal brott: 10 i kvartal 1 2023, 12 i kvartal 2 2023".into(),
        unit: Some("st".into()),
        points: vec![
            ChartPoint {
                label: "K1 2023".into(),
                value: Some(10.0),
                current: false,
            },
            ChartPoint {
                label: "K2 2023".into(),
                value: Some(12.0),
                current: true,
            },
        ],
        target: None,
    })
}

fn table(id: u32) -> Block {
    Block::Table(Table {
        id: FigureId(id),
        align: vec![Align::Left, Align::Right, Align::Left],
        header: vec![
            vec![Run::plain("Kvartal")],
            vec![Run::plain("Värde")],
            vec![Run::plain("Måluppfyllelse")],
        ],
        rows: vec![vec![
            vec![Run::plain("K2 2023")],
            vec![Run::plain("12")],
            vec![Run {
                text: "Målet nått".into(),
                badge: Some(Tone::Good),
                ..Run::default()
            }],
        ]],
    })
}

/// A report's shape: title, contents, sections, a chart with its trend table.
fn report() -> Vec<Block> {
    vec![
        heading(1, "Uppföljning", "uppföljning"),
        Block::Contents {
            title: "Innehåll".into(),
        },
        heading(2, "Sammanfattning", "sammanfattning"),
        paragraph("Det går bra."),
        heading(2, "Fokusområde", "fokusområde"),
        heading(3, "Aktivitet", "aktivitet"),
        chart(1, Some("Antal brott")),
        table(2),
    ]
}

#[test]
fn the_page_parses_without_errors_in_the_report_s_language() {
    let page = page(report());
    let html = parsed(&page);
    let root = select(&html, "html");
    assert_eq!(root[0].value().attr("lang"), Some("sv-SE"));
    assert!(page.starts_with("<!DOCTYPE html>\n"), "{page}");
    assert!(!page.contains("<script"), "no script: {page}");
}

#[test]
fn text_and_attributes_are_escaped() {
    let mut doc = Document {
        meta: Meta::example(),
        blocks: vec![
            heading(1, "A <b> & \"c\"", "a-b-c"),
            Block::Paragraph(vec![Run {
                text: "x < y & \"z\" 'w' </p>".into(),
                link: Some("https://example.se/?a=1&b=\"2\"><script>".into()),
                ..Run::default()
            }]),
        ],
    };
    doc.meta.title = "Titel </title><script>".into();
    doc.meta.style.fonts.body.family = "Evil</style><script>\"".into();
    let page = page_of(&doc);
    let html = parsed(&page);
    assert!(!page.contains("<script"), "{page}");
    assert!(page.contains("A &lt;b&gt; &amp; &quot;c&quot;"), "{page}");
    assert!(
        page.contains("x &lt; y &amp; &quot;z&quot; &apos;w&apos; &lt;/p&gt;"),
        "{page}"
    );
    let link = select(&html, "main a");
    assert_eq!(
        link[0].value().attr("href"),
        Some("https://example.se/?a=1&b=\"2\"><script>")
    );
    assert_eq!(text(&link[0]), "x < y & \"z\" 'w' </p>");
    assert_eq!(text(&select(&html, "title")[0]), "Titel </title><script>");
    assert_eq!(
        select(&html, "style").len(),
        1,
        "the family stays in the stylesheet"
    );
}

#[test]
fn a_hard_line_break_is_a_br() {
    let page = page(vec![paragraph("Rad ett\nrad två")]);
    assert!(page.contains("<p>Rad ett<br>rad två</p>"), "{page}");
}

#[test]
fn a_badge_is_its_word_in_its_tone_s_colour() {
    let page = page(report());
    let html = parsed(&page);
    let badges = select(&html, "span.status.status-good");
    assert_eq!(badges.len(), 1, "{page}");
    assert_eq!(text(&badges[0]), "Målet nått");
    assert!(
        page.contains(".status-good { background: var(--good-fill); color: var(--good-text); }")
    );
    assert!(page.contains("--good-fill: #d6f0dc;"), "{page}");
}

#[test]
fn a_table_after_a_chart_is_captioned_with_the_chart_s_name() {
    let page = page(report());
    let html = parsed(&page);
    let captions = select(&html, "table > caption");
    assert_eq!(captions.len(), 1, "{page}");
    assert_eq!(text(&captions[0]), "Antal brott");
    let headers = select(&html, "thead th");
    assert_eq!(headers.len(), 3);
    assert!(
        headers
            .iter()
            .all(|th| th.value().attr("scope") == Some("col"))
    );
    assert_eq!(headers[1].value().attr("class"), Some("right"));
    let cells = select(&html, "tbody td");
    assert_eq!(cells[1].value().attr("class"), Some("right"));
    assert_eq!(cells[0].value().attr("class"), None);
    // The frame that scrolls on a narrow screen is named by the caption and focusable.
    let frame = select(&html, "div.table");
    let caption_id = captions[0].value().attr("id");
    assert_eq!(frame[0].value().attr("aria-labelledby"), caption_id);
    assert_eq!(frame[0].value().attr("tabindex"), Some("0"));
}

#[test]
fn a_table_elsewhere_has_no_caption_and_is_named_by_its_heading() {
    let page = page(vec![heading(2, "Nyckeltal", "nyckeltal"), table(1)]);
    let html = parsed(&page);
    assert!(select(&html, "caption").is_empty(), "{page}");
    let frame = select(&html, "div.table");
    assert_eq!(frame[0].value().attr("aria-labelledby"), Some("nyckeltal"));
    let page = self::page(vec![table(1)]);
    assert!(page.contains(r#"aria-label="Tabell""#), "{page}");
}

#[test]
fn a_chart_is_inline_svg_named_and_described() {
    let page = page(report());
    let html = parsed(&page);
    let svg = select(&html, "div.chart > svg");
    assert_eq!(svg.len(), 1, "{page}");
    assert_eq!(svg[0].value().attr("role"), Some("img"));
    let title = select(&html, "svg > title");
    let desc = select(&html, "svg > desc");
    assert_eq!(text(&title[0]), "Antal brott");
    assert_eq!(
        text(&desc[0]),
        "Antal brott: 10 i kvartal 1 2023, 12 i kvartal 2 2023"
    );
    let names = svg[0].value().attr("aria-labelledby").expect("named");
    let ids: Vec<&str> = [&title[0], &desc[0]]
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(names, ids.join(" "));
}

#[test]
fn there_is_exactly_one_h1() {
    let mut blocks = report();
    blocks.push(heading(1, "Bilaga", "bilaga"));
    let page = page(blocks);
    let html = parsed(&page);
    let h1 = select(&html, "h1");
    assert_eq!(h1.len(), 1, "{page}");
    assert_eq!(text(&h1[0]), "Uppföljning");
    assert_eq!(select(&html, "h2#bilaga").len(), 1, "{page}");
    // A layout without a title still gives the page one: the document's.
    let page = self::page(vec![heading(2, "Avsnitt", "avsnitt")]);
    let html = parsed(&page);
    let h1 = select(&html, "h1");
    assert_eq!(h1.len(), 1, "{page}");
    assert_eq!(text(&h1[0]), Meta::example().title);
}

#[test]
fn landmarks_and_the_skip_link_are_there() {
    let page = page(report());
    let html = parsed(&page);
    for landmark in ["body > header", "body > main", "body > footer", "main nav"] {
        assert_eq!(select(&html, landmark).len(), 1, "{landmark}: {page}");
    }
    let skip = select(&html, "body > a.skip");
    assert_eq!(text(&skip[0]), "Hoppa till innehållet");
    let main = select(&html, "main");
    let target = format!("#{}", main[0].value().attr("id").expect("an id"));
    assert_eq!(skip[0].value().attr("href"), Some(target.as_str()));
    // The skip link comes first, before anything else that can be focused.
    let first = select(&html, "a, [tabindex]");
    assert_eq!(first[0].value().attr("class"), Some("skip"));
}

#[test]
fn an_english_page_has_english_words() {
    let mut doc = Document {
        meta: Meta::example(),
        blocks: report(),
    };
    doc.meta.language = "en-GB".into();
    let page = page_of(&doc);
    assert!(page.contains(">Skip to content</a>"), "{page}");
    assert!(page.contains("<dt>Organisations</dt>"), "{page}");
}

#[test]
fn the_contents_link_every_section_with_subsections_nested() {
    let page = page(report());
    let html = parsed(&page);
    let nav = select(&html, "nav");
    let label = nav[0].value().attr("aria-labelledby").expect("named");
    let title = select(&html, &format!("nav h2#{label}"));
    assert_eq!(text(&title[0]), "Innehåll");
    let links: Vec<(String, String)> = select(&html, "nav a")
        .iter()
        .map(|a| {
            (
                text(a),
                a.value().attr("href").unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("Sammanfattning", "#sammanfattning"),
        ("Fokusområde", "#fokusområde"),
        ("Aktivitet", "#aktivitet"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(t, h)| ((*t).to_owned(), (*h).to_owned()))
        .collect();
    assert_eq!(links, expected);
    assert_eq!(select(&html, "nav > ol > li > ol > li > a").len(), 1);
}

#[test]
fn every_id_is_unique_and_every_heading_has_its_anchor() {
    let mut blocks = report();
    // Headings whose anchors look like kvartal's own ids do not clash with them.
    blocks.push(heading(2, "Kvartal contents", "kvartal-contents"));
    blocks.push(heading(2, "Kvartal main", "kvartal-main"));
    // A second table of contents is a second nav with its own title.
    blocks.push(Block::Contents {
        title: "Innehåll igen".into(),
    });
    let page = page(blocks);
    let html = parsed(&page);
    let ids: Vec<&str> = select(&html, "[id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    for (selector, anchor) in [("h1", "uppföljning"), ("h3", "aktivitet")] {
        assert_eq!(select(&html, selector)[0].value().attr("id"), Some(anchor));
    }
}

#[test]
fn the_report_s_facts_are_in_the_header_and_the_head() {
    let page = page(report());
    let html = parsed(&page);
    let terms: Vec<String> = select(&html, "header dl dt").iter().map(text).collect();
    assert_eq!(
        terms,
        ["Program", "Organisationer", "Datum", "Diarienummer"],
        "{page}"
    );
    let values: Vec<String> = select(&html, "header dl dd").iter().map(text).collect();
    assert_eq!(
        values,
        [
            "Medborgarlöfte 2023",
            "Jönköpings kommun",
            "Polisen",
            "12 april 2023",
            "KS 2023/0123"
        ]
    );
    let time = select(&html, "header time");
    assert_eq!(time[0].value().attr("datetime"), Some("2023-04-12"));
    let meta = |name: &str| -> Vec<String> {
        select(&html, &format!(r#"meta[name="{name}"]"#))
            .iter()
            .filter_map(|m| m.value().attr("content").map(str::to_owned))
            .collect()
    };
    assert_eq!(meta("DC.title"), [Meta::example().title]);
    assert_eq!(meta("DC.creator"), ["Jönköpings kommun", "Polisen"]);
    assert_eq!(meta("DC.date"), ["2023-04-12"]);
    assert_eq!(meta("DC.language"), ["sv-SE"]);
    assert_eq!(meta("DC.subject"), ["Medborgarlöfte 2023"]);
    assert_eq!(meta("DC.identifier"), ["KS 2023/0123"]);
    assert_eq!(meta("description").len(), 1);
}

#[test]
fn a_draft_says_so_in_its_title_and_a_banner() {
    let doc = Document {
        meta: Meta::example(),
        blocks: report(),
    };
    let page = String::from_utf8(html(&doc, true)).expect("UTF-8");
    let html = parsed(&page);
    let title = text(&select(&html, "title")[0]);
    assert!(title.starts_with("UTKAST – "), "{title}");
    assert_eq!(text(&select(&html, "header .draft")[0]), "UTKAST");
    assert!(!page_of(&doc).contains("UTKAST"));
}

#[test]
fn logos_are_images_with_alt_text_inside_the_page() {
    let logo = Image {
        id: FigureId(1),
        data: Arc::new(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec()),
        format: ImageFormat::Svg,
        alt: "Kommunen – logotyp".into(),
        height_mm: 16.0,
    };
    let page = page(vec![Block::Logos(vec![logo])]);
    let html = parsed(&page);
    let img = select(&html, ".logos img");
    assert_eq!(img[0].value().attr("alt"), Some("Kommunen – logotyp"));
    assert_eq!(img[0].value().attr("height"), Some("60"));
    let src = img[0].value().attr("src").unwrap_or_default();
    assert_eq!(
        src,
        "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="
    );
}

#[test]
fn lists_signatures_and_page_breaks_are_written() {
    let list = Block::List(List {
        start: Some(3),
        items: vec![
            ListItem {
                blocks: vec![paragraph("tre")],
            },
            ListItem {
                blocks: vec![paragraph("fyra"), paragraph("mer")],
            },
        ],
    });
    let signatures = Block::Signatures(Signatures {
        signers: vec![Signer {
            name: "Karin Berg".into(),
            lines: vec!["Kommundirektör".into()],
        }],
        place_and_date: "Ort och datum".into(),
    });
    let page = page(vec![list, Block::PageBreak, signatures]);
    let html = parsed(&page);
    assert!(page.contains("<ol start=\"3\">\n<li>tre</li>"), "{page}");
    assert_eq!(select(&html, "ol > li > p").len(), 2);
    assert_eq!(select(&html, "div.page-break").len(), 1);
    assert_eq!(text(&select(&html, ".place-and-date")[0]), "Ort och datum");
    let signer: Vec<String> = select(&html, ".signers li p").iter().map(text).collect();
    assert_eq!(signer, ["Karin Berg", "Kommundirektör"]);
}

#[test]
fn the_same_document_is_the_same_bytes() {
    let doc = Document {
        meta: Meta::example(),
        blocks: report(),
    };
    assert_eq!(html(&doc, false), html(&doc, false));
}

#[test]
fn the_stylesheet_carries_the_layout_s_look_for_screen_dark_and_print() {
    let mut meta = Meta::example();
    meta.style.colours.heading = crate::doc::Rgb(0x12, 0x34, 0x56);
    let page = page_of(&Document {
        meta,
        blocks: report(),
    });
    for rule in [
        "--heading: #123456;",
        r#"--font-body: "Carlito", "Calibri", system-ui"#,
        "@media screen and (prefers-color-scheme: dark)",
        "@media print {",
        "@page { size: 210mm 297mm; margin: 25mm 25mm 22mm 25mm; }",
        "font-size: 10.5pt;",
        "--size-title: 2.2857rem;",
    ] {
        assert!(page.contains(rule), "{rule} in:\n{page}");
    }
}

#[test]
fn the_parser_these_tests_read_with_reports_errors() {
    // Otherwise "parses without errors" would prove nothing.
    assert!(!Html::parse_document("<p><table></p>").errors.is_empty());
}
