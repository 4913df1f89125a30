//! Markdown (CommonMark + GFM tables) → [`Document`].
//!
//! Entry point: [`parse`]. The layout's Markdown is read as a stream of pulldown-cmark
//! events; block containers recurse, inline events become flat [`Run`]s. Fenced blocks
//! named `kvartal-<component>` become their own blocks (see `component`); a link with
//! the `status:` scheme becomes a status badge.

use super::component;
use super::events::{self, Source};
use super::printable::printable;
use super::{
    Align, Block, Document, FigureId, ImageStore, List, ListItem, Meta, Run, Table, Tone, Unique,
};
use crate::markdown::MAX_LIST_DEPTH;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};
use std::cell::{Cell, RefCell};
use std::fmt;
use std::iter::Peekable;
use std::rc::Rc;

/// Markdown the parser cannot turn into a document, e.g. an unknown component, and the
/// line of the Markdown where it stands, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong, for the layout's author.
    pub message: String,
    /// The line of the Markdown where it stands; `None` when it is not known.
    pub line: Option<MarkdownLine>,
}

/// A line of the Markdown a layout rendered: what its author looks for in the templates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownLine {
    /// From 1.
    pub number: usize,
    pub text: String,
}

impl ParseError {
    pub(super) fn new(message: String) -> ParseError {
        ParseError {
            message,
            line: None,
        }
    }

    /// The error placed at the line of `markdown` holding byte `offset`, unless placed.
    fn at(self, markdown: &str, offset: usize) -> ParseError {
        if self.line.is_some() {
            return self;
        }
        let before = markdown.get(..offset).unwrap_or(markdown);
        let start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let text = markdown[start..].lines().next().unwrap_or_default();
        ParseError {
            line: Some(MarkdownLine {
                number: before.matches('\n').count() + 1,
                text: text.chars().take(80).collect(),
            }),
            ..self
        }
    }
}

impl fmt::Display for ParseError {
    /// The message, after the line it concerns: `line 12, "title: x": …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = &self.line {
            write!(f, "line {}, \"{}\": ", line.number, line.text.trim())?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// The links a document may hold besides status badges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    /// `http:`, `https:` and `mailto:` addresses only ([`crate::markdown::is_allowed`]):
    /// every report's document, whichever backend draws it.
    #[default]
    Web,
    /// Those, and a file beside the page ([`crate::markdown::is_sibling_file`]): only a
    /// programme's web page, which links to its reports' files in its own folder.
    WebAndSiblings,
}

/// Parses the rendered Markdown of one report. `images` holds what components may refer to.
pub fn parse(markdown: &str, meta: Meta, images: &ImageStore) -> Result<Document, ParseError> {
    parse_with(markdown, meta, images, Links::Web)
}

/// As [`parse`], allowing the `links` given.
pub fn parse_with(
    markdown: &str,
    meta: Meta,
    images: &ImageStore,
    links: Links,
) -> Result<Document, ParseError> {
    // The report's text was checked when it was loaded; this catches a layout's own.
    if crate::text::overlong_marks(markdown).is_some() {
        return Err(ParseError::new(format!(
            "more than {} combining marks on one character",
            crate::text::MAX_MARKS
        )));
    }
    events::with_events(markdown, |source| {
        read(markdown, source, meta, images, links)
    })
}

/// The document of `markdown`, whose events `source` gives.
fn read<'a>(
    markdown: &'a str,
    source: Source<'a>,
    meta: Meta,
    images: &ImageStore,
    links: Links,
) -> Result<Document, ParseError> {
    let refused = Rc::new(RefCell::new(None));
    let offset = Rc::new(Cell::new(0));
    let mut events = LinkCheck {
        source,
        links,
        refused: Rc::clone(&refused),
        offset: Rc::clone(&offset),
    }
    .peekable();
    let mut context = Context {
        images,
        anchors: Unique::default(),
        charts: 0,
        figures: 0,
        cells: 0,
        lists: 0,
    };
    // Parsing stops at the first error, in the element read last.
    let blocks = context
        .blocks(&mut events, None)
        .map_err(|e| e.at(markdown, offset.get()))?;
    if let Some((problem, at)) = refused.take() {
        return Err(ParseError::new(problem).at(markdown, at));
    }
    Ok(Document {
        meta: printable_meta(meta),
        blocks,
    })
}

/// The parser's events, noting what is wrong with the first link that is neither a status
/// badge of a known tone (`status:good`, which the layout writes) nor an address
/// [`crate::markdown::is_allowed`] lets through (nor, with [`Links::WebAndSiblings`], a file
/// beside the page). The report's own Markdown was checked when
/// it was loaded; this catches what a layout writes itself, in the one pass the document is
/// read in.
/// It also notes where the element read last starts, which places an error.
struct LinkCheck<'a> {
    source: Source<'a>,
    links: Links,
    /// The first problem, with its byte offset.
    refused: Rc<RefCell<Option<(String, usize)>>>,
    offset: Rc<Cell<usize>>,
}

impl<'a> Iterator for LinkCheck<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let (event, range) = self.source.next()?;
        self.offset.set(range.start);
        if let Event::Start(Tag::Link { dest_url, .. }) = &event
            && let Some(problem) = link_problem(dest_url, self.links)
        {
            self.refused
                .borrow_mut()
                .get_or_insert((problem, range.start));
        }
        Some(event)
    }
}

/// What is wrong with a link to `target`, if anything.
fn link_problem(target: &str, links: Links) -> Option<String> {
    match target.strip_prefix(STATUS_SCHEME) {
        Some(tone) => Tone::named(tone).is_none().then(|| {
            let tones: Vec<&str> = Tone::ALL.iter().map(|t| t.name()).collect();
            format!(
                "a status badge of tone `{tone}`; the tones are {}",
                tones.join(", ")
            )
        }),
        None if crate::markdown::is_allowed(target) => None,
        None if links == Links::WebAndSiblings && crate::markdown::is_sibling_file(target) => None,
        None => Some(match links {
            Links::Web => format!(
                "a link to `{target}`; a document links only to http, https and mailto addresses"
            ),
            Links::WebAndSiblings => format!(
                "a link to `{target}`; a programme's page links only to http, https and mailto \
                 addresses and to a .html, .pdf or .docx file in its own folder"
            ),
        }),
    }
}

/// The link scheme of a status badge: `[Försenad](status:warning)`.
const STATUS_SCHEME: &str = "status:";

/// The one-line texts of `meta`, which backends print in headers, made printable too.
fn printable_meta(meta: Meta) -> Meta {
    let line = |text: &str| printable(text).replace('\n', " ");
    Meta {
        title: line(&meta.title),
        case_number: meta.case_number.as_deref().map(line),
        ..meta
    }
}

type Events<'a> = Peekable<LinkCheck<'a>>;

/// The most charts one document may have: one for each metric a report may have (a real
/// report has tens). Each is drawn for the PDF and again for the DOCX, so the bound keeps a
/// build within seconds.
pub const MAX_CHARTS: usize = 3_000;

/// The most columns a table may have: more cannot be read side by side on a page.
pub const MAX_TABLE_COLUMNS: usize = 20;

/// The most table cells one document may have: the stress report of the benchmark, 3,000
/// metrics in the key figures' table and each with its trend over eight quarters, has some
/// 150,000; each cell is laid out in both formats.
pub const MAX_TABLE_CELLS: usize = 200_000;

struct Context<'i> {
    images: &'i ImageStore,
    /// Anchors handed out so far, to keep each heading's anchor unique.
    anchors: Unique,
    charts: usize,
    /// Tables, charts and placed images numbered so far.
    figures: u32,
    /// Table cells so far, header cells included.
    cells: usize,
    /// Lists open around the current block.
    lists: usize,
}

impl Context<'_> {
    /// Adds `table`'s cells to the document's, refusing more than [`MAX_TABLE_CELLS`].
    fn count_cells(&mut self, table: &Table) -> Result<(), ParseError> {
        let rows = table.rows.iter().chain(std::iter::once(&table.header));
        self.cells += rows.map(Vec::len).sum::<usize>();
        if self.cells > MAX_TABLE_CELLS {
            return Err(ParseError::new(format!(
                "the tables would have more than {MAX_TABLE_CELLS} cells; far more than a \
                 report can show"
            )));
        }
        Ok(())
    }

    /// The next figure's id.
    fn figure(&mut self) -> FigureId {
        self.figures += 1;
        FigureId(self.figures)
    }

    /// Numbers the figures of a component's `block`, refusing a chart beyond [`MAX_CHARTS`].
    fn number_figures(&mut self, block: &mut Block) -> Result<(), ParseError> {
        match block {
            Block::Chart(chart) => {
                self.charts += 1;
                chart.id = self.figure();
            }
            Block::Logos(logos) => logos.iter_mut().for_each(|logo| logo.id = self.figure()),
            _ => {}
        }
        if self.charts > MAX_CHARTS {
            return Err(ParseError::new(format!(
                "the report would have more than {MAX_CHARTS} charts; a document draws at \
                 most {MAX_CHARTS}: keep the metrics the board follows, or chart fewer"
            )));
        }
        Ok(())
    }

    /// Blocks until the end tag `until` (consumed), or until the input ends.
    fn blocks(
        &mut self,
        events: &mut Events,
        until: Option<TagEnd>,
    ) -> Result<Vec<Block>, ParseError> {
        let mut blocks = Vec::new();
        while let Some(event) = events.peek() {
            // Tight list items hold their text without a paragraph around it.
            if is_inline(event) {
                blocks.push(Block::Paragraph(merge(inlines(events, None))));
                continue;
            }
            match events.next() {
                Some(Event::End(end)) if Some(end) == until => break,
                Some(Event::Start(tag)) => self.block(tag, events, &mut blocks)?,
                _ => {}
            }
        }
        Ok(blocks)
    }

    fn block(
        &mut self,
        tag: Tag,
        events: &mut Events,
        out: &mut Vec<Block>,
    ) -> Result<(), ParseError> {
        match tag {
            Tag::Paragraph => out.push(Block::Paragraph(merge(inlines(
                events,
                Some(TagEnd::Paragraph),
            )))),
            Tag::Heading { level, .. } => {
                let runs = merge(inlines(events, Some(TagEnd::Heading(level))));
                let anchor = self.anchor(&runs);
                out.push(Block::Heading {
                    level: heading_level(level),
                    runs,
                    anchor,
                });
            }
            Tag::List(start) => out.push(Block::List(self.list(start, events)?)),
            Tag::Table(align) => {
                if align.len() > MAX_TABLE_COLUMNS {
                    return Err(ParseError::new(format!(
                        "a table of {} columns; a page shows at most {MAX_TABLE_COLUMNS}",
                        align.len()
                    )));
                }
                let mut table = table(&align, events);
                table.id = self.figure();
                self.count_cells(&table)?;
                out.push(Block::Table(table));
            }
            Tag::CodeBlock(kind) => out.extend(self.code_block(kind, events)?),
            // Quotes and other containers keep their content, without their frame.
            Tag::BlockQuote(_) | Tag::HtmlBlock => {}
            _ => {}
        }
        Ok(())
    }

    fn list(&mut self, start: Option<u64>, events: &mut Events) -> Result<List, ParseError> {
        // Each level is a call deeper: a bound keeps the stack, and Word numbers 9 levels.
        if self.lists == MAX_LIST_DEPTH {
            return Err(ParseError::new(format!(
                "lists nested more than {MAX_LIST_DEPTH} levels deep"
            )));
        }
        self.lists += 1;
        let list = self.items(start, events);
        self.lists -= 1;
        list
    }

    fn items(&mut self, start: Option<u64>, events: &mut Events) -> Result<List, ParseError> {
        let mut items = Vec::new();
        while let Some(event) = events.next() {
            match event {
                Event::Start(Tag::Item) => {
                    items.push(ListItem {
                        blocks: self.blocks(events, Some(TagEnd::Item))?,
                    });
                }
                Event::End(TagEnd::List(_)) => break,
                _ => {}
            }
        }
        Ok(List { start, items })
    }

    fn code_block(
        &mut self,
        kind: CodeBlockKind,
        events: &mut Events,
    ) -> Result<Vec<Block>, ParseError> {
        let mut body = String::new();
        for event in events.by_ref() {
            match event {
                Event::Text(text) => body.push_str(&text),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        let info = match &kind {
            CodeBlockKind::Fenced(info) => info.trim(),
            CodeBlockKind::Indented => "",
        };
        match info.strip_prefix(component::PREFIX) {
            Some(name) => {
                let mut block = component::parse(name, &body, self.images)?;
                self.number_figures(&mut block)?;
                Ok(vec![block])
            }
            // Code is printed as written, one paragraph per line.
            None => Ok(body
                .lines()
                .map(|line| Block::Paragraph(vec![Run::plain(line)]))
                .collect()),
        }
    }

    /// A slug of the heading's text, made unique with a number when it repeats.
    fn anchor(&mut self, runs: &[Run]) -> String {
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        self.anchors
            .claim(slug(&text), |base, n| format!("{base}-{n}"))
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        _ => 3,
    }
}

fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug.to_string()
    }
}

fn table(align: &[Alignment], events: &mut Events) -> Table {
    let mut header = Vec::new();
    let mut rows: Vec<Vec<Vec<Run>>> = Vec::new();
    let mut in_head = false;
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let cell = merge(inlines(events, Some(TagEnd::TableCell)));
                match (in_head, rows.last_mut()) {
                    (true, _) | (false, None) => header.push(cell),
                    (false, Some(row)) => row.push(cell),
                }
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    let align = align
        .iter()
        .map(|a| match a {
            Alignment::Right => Align::Right,
            Alignment::Center => Align::Center,
            Alignment::Left | Alignment::None => Align::Left,
        })
        .collect();
    Table {
        id: FigureId::default(),
        align,
        header,
        rows,
    }
}

/// The style in force while reading inline events.
#[derive(Default, Clone)]
struct Inline {
    bold: bool,
    italic: bool,
    link: Option<String>,
    badge: Option<Tone>,
}

impl Inline {
    fn event(&self, event: Event, runs: &mut Vec<Run>) {
        let text = match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                t.to_string()
            }
            Event::SoftBreak => " ".to_string(),
            Event::HardBreak => "\n".to_string(),
            _ => return,
        };
        runs.push(Run {
            text: printable(&text),
            bold: self.bold,
            italic: self.italic,
            link: self.link.clone(),
            badge: self.badge,
        });
    }
}

/// Inline events up to the end tag `until` (consumed), as runs.
fn inlines(events: &mut Events, until: Option<TagEnd>) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut stack = vec![Inline::default()];
    while let Some(event) = events.peek() {
        if until.is_none() && !is_inline(event) {
            break;
        }
        let Some(event) = events.next() else { break };
        let current = stack.last().cloned().unwrap_or_default();
        match event {
            Event::End(end) if Some(end) == until => break,
            Event::Start(tag) => stack.push(current.enter(tag)),
            Event::End(_) => {
                stack.pop();
            }
            other => current.event(other, &mut runs),
        }
    }
    runs
}

/// Whether `event` belongs inside a paragraph rather than starting or ending a block.
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::Html(_)
        | Event::SoftBreak
        | Event::HardBreak => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ),
        Event::End(end) => matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
        ),
        _ => false,
    }
}

impl Inline {
    fn enter(mut self, tag: Tag) -> Inline {
        match tag {
            Tag::Strong => self.bold = true,
            Tag::Emphasis => self.italic = true,
            Tag::Link { dest_url, .. } => match dest_url.strip_prefix(STATUS_SCHEME) {
                // A tone not named was refused when the link was read.
                Some(tone) => self.badge = Tone::named(tone),
                None => self.link = Some(dest_url.to_string()),
            },
            _ => {}
        }
        self
    }
}

/// Joins neighbouring runs of the same style, so backends see one run per style change.
fn merge(runs: Vec<Run>) -> Vec<Run> {
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match merged.last_mut() {
            Some(last)
                if last.bold == run.bold
                    && last.italic == run.italic
                    && last.link == run.link
                    && last.badge == run.badge =>
            {
                last.text.push_str(&run.text)
            }
            _ => merged.push(run),
        }
    }
    merged
}
