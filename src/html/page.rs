//! The page around the document: its head with the metadata a publishing system indexes,
//! a skip link, and the landmarks (`header`, `main`, `footer`; the contents' `nav` stands
//! where the document has it).
//!
//! Entry point: [`page`]. The head carries the title, a description, the authors and
//! keywords, and the report's facts as Dublin Core; the header shows the same facts as a
//! definition list, after a banner when the page is a draft.

use super::blocks::Blocks;
use super::css;
use super::markup::Markup;
use super::words::{Words, words};
use crate::doc::{Block, Document, Meta};

/// The id of `main`, where the skip link leads.
const MAIN_ID: &str = "kvartal--main";

/// The Dublin Core element set, which the `DC.` names refer to.
const DUBLIN_CORE: &str = "http://purl.org/dc/elements/1.1/";

/// The whole page of `doc`; a `draft` says so in its title and in a banner.
pub(super) fn page(doc: &Document, draft: bool) -> String {
    let meta = &doc.meta;
    let words = words(&meta.language);
    let draft = draft.then_some(meta.labels.draft.as_str());
    let mut out = Markup::default();
    out.trusted("<!DOCTYPE html>\n");
    out.open("html", &[("lang", &meta.language)]).line();
    head(&mut out, meta, draft);
    out.open("body", &[]).line();
    out.element(
        "a",
        &[("class", "skip"), ("href", &format!("#{MAIN_ID}"))],
        words.skip,
    )
    .line();
    header(&mut out, meta, words, draft);
    out.open("main", &[("id", MAIN_ID), ("tabindex", "-1")])
        .line();
    let titled = has_title(&doc.blocks);
    if !titled {
        // A layout without a level-1 heading: the page still has its one `h1`.
        out.element("h1", &[], &meta.title).line();
    }
    Blocks::new(&mut out, meta, words, &doc.blocks, !titled).write(&doc.blocks);
    out.end("main");
    footer(&mut out, meta);
    out.end("body").end("html");
    out.finish()
}

/// Whether any of `blocks`, or of the blocks in their lists, is a level-1 heading.
fn has_title(blocks: &[Block]) -> bool {
    blocks.iter().any(|block| match block {
        Block::Heading { level, .. } => *level <= 1,
        Block::List(list) => list.items.iter().any(|item| has_title(&item.blocks)),
        _ => false,
    })
}

/// The page's title ("UTKAST – …" for a draft), its metadata and its stylesheet.
fn head(out: &mut Markup, meta: &Meta, draft: Option<&str>) {
    out.open("head", &[]).line();
    out.open("meta", &[("charset", "utf-8")]).line();
    let viewport = "width=device-width, initial-scale=1";
    out.open("meta", &[("name", "viewport"), ("content", viewport)])
        .line();
    let title = match draft {
        Some(word) => format!("{word} – {}", meta.title),
        None => meta.title.clone(),
    };
    out.element("title", &[], &title).line();
    let authors = meta.authors.join(", ");
    let description = description(meta);
    let keywords = meta.keywords.join(", ");
    for (name, content) in [
        ("description", description.as_str()),
        ("author", authors.as_str()),
        ("keywords", keywords.as_str()),
        ("generator", "kvartal"),
    ] {
        named(out, name, content);
    }
    dublin_core(out, meta, &description);
    out.open("style", &[])
        .line()
        .trusted(&css::stylesheet(&meta.style));
    // The layout's own rules come last, so they win; the template stage checked that they
    // fetch nothing and do not end the element.
    if let Some(rules) = &meta.web_css {
        out.trusted(rules).line();
    }
    out.end("style");
    out.end("head");
}

/// "Title. Programme, Period. Organisation, Organisation. Date.": what a search result
/// shows of the page.
fn description(meta: &Meta) -> String {
    let facts = [
        meta.title.clone(),
        meta.keywords.join(", "),
        meta.authors.join(", "),
        meta.date_text.clone(),
    ];
    let sentences: Vec<String> = facts
        .into_iter()
        .filter(|fact| !fact.is_empty())
        .map(|fact| {
            if fact.ends_with(['.', '!', '?']) {
                fact
            } else {
                format!("{fact}.")
            }
        })
        .collect();
    sentences.join(" ")
}

/// The report as Dublin Core: title, each organisation as a creator, subject, date,
/// language and the case number as identifier.
fn dublin_core(out: &mut Markup, meta: &Meta, description: &str) {
    out.open("link", &[("rel", "schema.DC"), ("href", DUBLIN_CORE)])
        .line();
    named(out, "DC.title", &meta.title);
    for author in &meta.authors {
        named(out, "DC.creator", author);
    }
    named(out, "DC.subject", &meta.subject);
    named(out, "DC.description", description);
    named(out, "DC.date", &meta.date.format("%Y-%m-%d").to_string());
    named(out, "DC.type", "Text");
    named(out, "DC.format", "text/html");
    if let Some(case_number) = &meta.case_number {
        named(out, "DC.identifier", case_number);
    }
    named(out, "DC.language", &meta.language);
}

fn named(out: &mut Markup, name: &'static str, content: &str) {
    out.open("meta", &[("name", name), ("content", content)])
        .line();
}

/// The draft's banner and the report's facts: programme, period, organisations, date,
/// case number and any further property, each a term and its value.
fn header(out: &mut Markup, meta: &Meta, words: &Words, draft: Option<&str>) {
    out.open("header", &[]).line();
    if let Some(word) = draft {
        out.element("p", &[("class", "draft")], word).line();
    }
    out.open("dl", &[("class", "facts")]).line();
    fact(out, words.programme, &meta.subject);
    if let Some((_, period)) = meta.properties.iter().find(|(name, _)| name == "Period") {
        fact(out, words.period, period);
    }
    if !meta.authors.is_empty() {
        out.element("dt", &[], words.organisations);
        for author in &meta.authors {
            out.element("dd", &[], author);
        }
        out.line();
    }
    let date = meta.date.format("%Y-%m-%d").to_string();
    out.element("dt", &[], words.date)
        .open("dd", &[])
        .element("time", &[("datetime", &date)], &meta.date_text)
        .close("dd")
        .line();
    if let Some(case_number) = &meta.case_number {
        fact(out, words.case_number, case_number);
    }
    let known = ["Programme", "Period", "Case number"];
    for (name, value) in &meta.properties {
        if !known.contains(&name.as_str()) {
            fact(out, words.property(name), value);
        }
    }
    out.end("dl").end("header");
}

fn fact(out: &mut Markup, term: &str, value: &str) {
    out.element("dt", &[], term)
        .element("dd", &[], value)
        .line();
}

/// The title, the case number and the date, as the PDF's running header and footer have
/// them.
fn footer(out: &mut Markup, meta: &Meta) {
    let case = meta
        .case_number
        .as_ref()
        .map(|number| format!("{} {number}", meta.labels.case_number));
    let parts: Vec<&str> = [Some(meta.title.as_str()), case.as_deref()]
        .into_iter()
        .flatten()
        .chain([meta.date_text.as_str()])
        .collect();
    out.open("footer", &[]).line();
    out.element("p", &[], &parts.join(" · ")).line();
    out.end("footer");
}
