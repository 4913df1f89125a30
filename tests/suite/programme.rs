//! `kvartal build FOLDER --format html`: beside the reports, each programme's page
//! (`index.html`) lists the quarters built, newest first, with links to their files, their
//! statuses and the key figures over time; read back with a browser's parser.

use crate::case::Case;
use crate::support::{file_names, small_report};
use scraper::{ElementRef, Html, Selector};
use std::fs;
use std::path::Path;

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a selector");
    html.select(&selector).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect::<String>().trim().to_owned()
}

/// The page at `path`, parsed; it must parse without an error.
fn page(path: &Path) -> Html {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let html = Html::parse_document(&text);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    html
}

/// The targets of the page's links to files (not to its own headings).
fn file_links(html: &Html) -> Vec<String> {
    select(html, "main a[href]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|href| !href.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_programme_s_page_lists_its_quarters_newest_first_with_their_files() {
    let built = Case::new("programme-page")
        .source("report-data/medborgarlofte-jonkoping")
        .build(&["--format", "html,pdf,docx"])
        .succeeds();
    let index = built.output("index.html");
    assert!(built.stdout.contains("index.html"), "{}", built.stdout);
    let html = page(&index);
    let root = select(&html, "html");
    assert_eq!(root[0].value().attr("lang"), Some("sv-SE"));
    let h1 = select(&html, "h1");
    assert_eq!(h1.len(), 1);
    assert_eq!(text(&h1[0]), "Uppföljning av Medborgarlöfte 2023");
    let quarters: Vec<String> = select(&html, "main h3").iter().map(text).collect();
    assert_eq!(
        quarters,
        [
            "Kvartal 4 2023",
            "Kvartal 3 2023",
            "Kvartal 2 2023",
            "Kvartal 1 2023"
        ]
    );
    let links = file_links(&html);
    let mut expected = Vec::new();
    for quarter in ["2023-Q4", "2023-Q3", "2023-Q2", "2023-Q1"] {
        for extension in ["html", "pdf", "docx"] {
            expected.push(format!("{quarter}.{extension}"));
        }
    }
    assert_eq!(links, expected);
    for link in &links {
        assert!(
            built.output(link).is_file(),
            "{link} is not beside the page"
        );
    }
    // Statuses as words in a badge, and the key figures as charts a screen reader names.
    let badges: Vec<String> = select(&html, "main .status").iter().map(text).collect();
    assert!(badges.iter().any(|b| b == "På rätt väg"), "{badges:?}");
    let charts = select(&html, "main svg[role='img']");
    assert!(!charts.is_empty(), "no chart");
    assert!(charts.iter().all(|svg| {
        svg.value().attr("aria-labelledby").is_some() || svg.value().attr("aria-label").is_some()
    }));
    // The newest quarter's charts run through the quarters before it.
    let page_text = fs::read_to_string(&index).expect("read");
    assert!(page_text.contains("K1 2023") && page_text.contains("K4 2023"));
    assert_eq!(select(&html, "body > header").len(), 1);
    assert_eq!(select(&html, "nav").len(), 1, "the contents");
}

#[test]
fn every_builtin_layout_writes_the_page_in_its_look() {
    for layout in ["standard", "brief", "tjansteskrivelse"] {
        let built = Case::new(&format!("programme-{layout}"))
            .source("report-data")
            .build(&["--format", "html", "--layout", layout])
            .succeeds();
        for (folder, lang, quarters) in [
            ("medborgarlofte-jonkoping", "sv-SE", 4),
            ("safer-harbour-town", "en-GB", 1),
        ] {
            let html = page(&built.output(&format!("{folder}/index.html")));
            assert_eq!(select(&html, "html")[0].value().attr("lang"), Some(lang));
            assert_eq!(select(&html, "h1").len(), 1, "{layout} {folder}");
            assert_eq!(file_links(&html).len(), quarters, "{layout} {folder}");
        }
    }
}

#[test]
fn a_web_page_only_build_links_no_pdf_or_docx() {
    let built = Case::new("programme-html-only")
        .source("report-data/medborgarlofte-jonkoping")
        .build(&["--format", "html"])
        .succeeds();
    let html = page(&built.output("index.html"));
    let links = file_links(&html);
    assert_eq!(
        links,
        [
            "2023-Q4.html",
            "2023-Q3.html",
            "2023-Q2.html",
            "2023-Q1.html"
        ]
    );
    // And a build without the web page writes no programme's page either.
    let built = Case::new("programme-no-html")
        .source("report-data/safer-harbour-town")
        .build(&["--format", "pdf"])
        .succeeds();
    assert_eq!(file_names(built.out()), ["2023-Q4.pdf"]);
}

#[test]
fn a_report_named_on_its_own_gets_no_programme_page() {
    // A page of the one quarter would replace the page of the whole folder.
    let built = Case::new("programme-one-file")
        .source("report-data/medborgarlofte-jonkoping/2023-Q4.yaml")
        .build(&["--format", "html"])
        .succeeds();
    assert_eq!(file_names(built.out()), ["2023-Q4.html"]);
}

#[test]
fn each_folder_has_its_page_and_a_report_with_errors_is_left_out() {
    let case = Case::new("programme-folders")
        .file("a/2024-Q1.yaml", small_report(2024, 1))
        .file(
            "a/2024-Q2.yaml",
            small_report(2024, 2).replace("period:", "perod:"),
        )
        .file("a/2024-Q3.yaml", small_report(2024, 3))
        .file("b/2025-Q1.yaml", small_report(2025, 1));
    let built = case.build(&["--format", "html"]).fails();
    let html = page(&built.output("a/index.html"));
    assert_eq!(file_links(&html), ["2024-Q3.html", "2024-Q1.html"]);
    assert_eq!(text(&select(&html, "h1")[0]), "Follow-up of Safer harbour");
    assert_eq!(select(&html, "html")[0].value().attr("lang"), Some("en-GB"));
    let html = page(&built.output("b/index.html"));
    assert_eq!(file_links(&html), ["2025-Q1.html"]);
}

#[test]
fn two_programmes_in_one_folder_each_have_a_page() {
    let renamed = small_report(2025, 1).replace("Safer harbour", "Safer harbour 2025");
    let built = Case::new("programme-two-series")
        .file("2024-Q3.yaml", small_report(2024, 3))
        .file("2025-Q1.yaml", renamed)
        .build(&["--format", "html"])
        .succeeds();
    // The current programme keeps index.html, the link on the website.
    let index = page(&built.output("index.html"));
    assert_eq!(file_links(&index), ["2025-Q1.html"]);
    let older = page(&built.output("safer-harbour.html"));
    assert_eq!(file_links(&older), ["2024-Q3.html"]);
}

#[test]
fn a_report_named_index_is_refused_before_anything_is_written() {
    let case = Case::new("programme-index-report")
        .file("index.yaml", small_report(2024, 1))
        .file("2024-Q2.yaml", small_report(2024, 2));
    case.build(&["--format", "pdf,html"])
        .wrong_usage("index.yaml would be written to")
        .says("the programme's page")
        .wrote_nothing();
    // Without the web page there is no page to clash with.
    let built = case.build(&["--format", "pdf"]).succeeds();
    assert!(built.output("index.pdf").is_file());
}

#[test]
fn a_page_never_replaces_a_file_kvartal_did_not_write() {
    let case = Case::new("programme-foreign-index").file("2024-Q1.yaml", small_report(2024, 1));
    let out = case.out();
    fs::create_dir_all(&out).expect("a folder");
    let own = "<!DOCTYPE html>\n<title>Trygghet i hamnen</title>\n";
    fs::write(out.join("index.html"), own).expect("written");
    let built = case
        .build(&["--format", "html"])
        .fails_with("a file that kvartal did not write is there");
    assert_eq!(
        fs::read_to_string(built.output("index.html")).expect("read"),
        own
    );
    assert!(built.output("2024-Q1.html").is_file());
    // Its own page, from an earlier build, is replaced.
    fs::remove_file(out.join("index.html")).expect("removed");
    case.build(&["--format", "html"]).succeeds();
    let case = case.file("2024-Q2.yaml", small_report(2024, 2));
    let built = case.build(&["--format", "html"]).succeeds();
    let html = page(&built.output("index.html"));
    assert_eq!(file_links(&html), ["2024-Q2.html", "2024-Q1.html"]);
}
