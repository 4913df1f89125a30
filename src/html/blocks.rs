//! The document's blocks as the page's elements, in reading order.
//!
//! Entry point: [`Blocks`] ([`Blocks::write`]). The document's title (level 1) is the one
//! `h1`; sections and subsections are `h2` and `h3`, each with the model's anchor as its
//! id. The table of contents is a `nav` with a linked, nested list. A table is a real table
//! in a frame that scrolls sideways on a narrow screen; right after a chart it is that
//! chart's trend table, captioned with the chart's name.

use super::markup::{Attribute, Markup};
use super::words::Words;
use super::{figures, inline};
use crate::doc::keep::{self, Keep};
use crate::doc::{self, Align, Block, ContentsEntry, List, Meta, Run, Signatures, Table};

/// The id of the contents' title, which names the `nav`. Kvartal's own ids hold `--`,
/// which no heading's anchor does, so they never clash.
const CONTENTS_ID: &str = "kvartal--contents";

/// Writes blocks into a page, remembering what the next block needs of the ones before.
#[derive(Debug)]
pub(super) struct Blocks<'a> {
    out: &'a mut Markup,
    meta: &'a Meta,
    words: &'static Words,
    /// The headings the contents list.
    contents: Vec<ContentsEntry<'a>>,
    /// The one `h1` is written: a further level-1 heading becomes an `h2`.
    titled: bool,
    /// The latest heading's anchor, which names a table without a caption.
    heading: Option<&'a str>,
    /// Tables of contents written so far, to give each title its own id.
    contents_written: usize,
}

impl<'a> Blocks<'a> {
    /// A writer of `all`'s blocks into `out`; `titled` when the page's `h1` is already
    /// written.
    pub(super) fn new(
        out: &'a mut Markup,
        meta: &'a Meta,
        words: &'static Words,
        all: &'a [Block],
        titled: bool,
    ) -> Blocks<'a> {
        Blocks {
            out,
            meta,
            words,
            contents: doc::contents(all),
            titled,
            heading: None,
            contents_written: 0,
        }
    }

    /// Writes `blocks` in order.
    pub(super) fn write(&mut self, blocks: &'a [Block]) {
        for (index, block) in blocks.iter().enumerate() {
            let previous = index.checked_sub(1).map(|i| &blocks[i]);
            // Printed, a block stays on the page of what it keeps, as in the PDF; a
            // heading always does (the stylesheet says so).
            let keep = keep::kept_after(blocks, index, false) == Keep::Next;
            self.block(block, previous, keep);
        }
    }

    fn block(&mut self, block: &'a Block, previous: Option<&'a Block>, keep: bool) {
        let kept: &[Attribute<'_>] = if keep { &[("class", "keep")] } else { &[] };
        match block {
            Block::Heading {
                level,
                runs,
                anchor,
            } => self.heading(*level, runs, anchor),
            Block::Paragraph(runs) => {
                self.out.open("p", kept);
                inline::runs(self.out, runs);
                self.out.end("p");
            }
            Block::List(list) => self.list(list),
            Block::Table(table) => {
                let caption = match previous {
                    Some(Block::Chart(chart)) => chart.name.as_deref(),
                    _ => None,
                };
                self.table(table, caption);
            }
            Block::Logos(images) => figures::logos(self.out, images),
            Block::Signatures(signatures) => self.signatures(signatures),
            Block::Contents { title } => self.contents(title),
            Block::PageBreak => {
                self.out.open("div", &[("class", "page-break")]).end("div");
            }
            Block::Chart(chart) => {
                let id = format!("kvartal--chart-{}", chart.id.0);
                figures::chart(self.out, chart, self.meta, &id, keep);
            }
        }
    }

    /// The first level-1 heading as the page's `h1`, later ones as `h2`; 2 and 3 as `h2`
    /// and `h3`.
    fn heading(&mut self, level: u8, runs: &[Run], anchor: &'a str) {
        let tag = match level {
            1 if !self.titled => {
                self.titled = true;
                "h1"
            }
            0..=2 => "h2",
            _ => "h3",
        };
        self.heading = Some(anchor);
        self.out.open(tag, &[("id", anchor)]);
        inline::runs(self.out, runs);
        self.out.end(tag);
    }

    fn list(&mut self, list: &'a List) {
        let start = list.start.filter(|&n| n != 1).map(|n| n.to_string());
        let (tag, attributes): (&str, Vec<Attribute<'_>>) = match (list.start, &start) {
            (None, _) => ("ul", Vec::new()),
            (Some(_), None) => ("ol", Vec::new()),
            (Some(_), Some(start)) => ("ol", vec![("start", start.as_str())]),
        };
        self.out.open(tag, &attributes).line();
        for item in &list.items {
            self.out.open("li", &[]);
            match item.blocks.as_slice() {
                // A tight item: its text directly in the item.
                [Block::Paragraph(runs)] => inline::runs(self.out, runs),
                blocks => {
                    self.out.line();
                    self.write(blocks);
                }
            }
            self.out.end("li");
        }
        self.out.end(tag);
    }

    /// The table in a frame that scrolls on a narrow screen; the frame can be focused to
    /// scroll it with the keyboard, and is named as the table is: by its caption, else by
    /// the heading above it.
    fn table(&mut self, table: &Table, caption: Option<&str>) {
        let caption_id = format!("kvartal--table-{}", table.id.0);
        let name: Vec<Attribute<'_>> = match (caption, self.heading) {
            (Some(_), _) => vec![("aria-labelledby", &caption_id)],
            (None, Some(anchor)) => vec![("aria-labelledby", anchor)],
            (None, None) => vec![("aria-label", self.words.table)],
        };
        // A short table is printed on one page, as the PDF keeps it.
        let class = if table.kept_whole() {
            "table whole"
        } else {
            "table"
        };
        let frame = [
            &[("class", class), ("role", "group"), ("tabindex", "0")][..],
            &name,
        ]
        .concat();
        self.out.open("div", &frame).open("table", &[]).line();
        if let Some(caption) = caption {
            self.out
                .element("caption", &[("id", &caption_id)], caption)
                .line();
        }
        if !table.header.is_empty() {
            self.out.open("thead", &[]).open("tr", &[]);
            for (column, cell) in table.header.iter().enumerate() {
                let class = align_class(table, column);
                let attributes = [&[("scope", "col")][..], &class].concat();
                self.cell("th", &attributes, cell);
            }
            self.out.close("tr").end("thead");
        }
        self.out.open("tbody", &[]).line();
        for row in &table.rows {
            self.out.open("tr", &[]);
            for (column, cell) in row.iter().enumerate() {
                self.cell("td", &align_class(table, column), cell);
            }
            self.out.end("tr");
        }
        self.out.end("tbody").close("table").end("div");
    }

    fn cell(&mut self, tag: &str, attributes: &[Attribute<'_>], runs: &[Run]) {
        self.out.open(tag, attributes);
        inline::runs(self.out, runs);
        self.out.close(tag);
    }

    /// The contents as a `nav` named by its title, listing the sections with their
    /// subsections nested under them, each a link to its heading.
    fn contents(&mut self, title: &str) {
        self.contents_written += 1;
        let id = match self.contents_written {
            1 => CONTENTS_ID.to_owned(),
            n => format!("{CONTENTS_ID}-{n}"),
        };
        let out = &mut *self.out;
        out.open("nav", &[("aria-labelledby", &id)]).line();
        out.element("h2", &[("id", &id)], title).line();
        if !self.contents.is_empty() {
            contents_list(out, &self.contents);
        }
        out.end("nav");
    }

    /// The place-and-date line, then each signer's name and lines under a line to sign on.
    fn signatures(&mut self, signatures: &Signatures) {
        let out = &mut *self.out;
        out.open("div", &[("class", "signatures")]).line();
        out.element(
            "p",
            &[("class", "place-and-date")],
            &signatures.place_and_date,
        )
        .line();
        out.open("ul", &[("class", "signers")]).line();
        for signer in &signatures.signers {
            out.open("li", &[]).open("p", &[]);
            out.element("strong", &[], &signer.name).close("p");
            for line in &signer.lines {
                out.element("p", &[("class", "role")], line);
            }
            out.end("li");
        }
        out.end("ul").end("div");
    }
}

/// `class="right"` or `"center"` for a column aligned so, nothing for one aligned left.
fn align_class(table: &Table, column: usize) -> Vec<Attribute<'static>> {
    match table.align.get(column) {
        Some(Align::Right) => vec![("class", "right")],
        Some(Align::Center) => vec![("class", "center")],
        Some(Align::Left) | None => Vec::new(),
    }
}

/// The sections in an `ol`, each section's subsections in an `ol` inside its item. A
/// subsection before any section is listed as a section.
fn contents_list(out: &mut Markup, entries: &[ContentsEntry<'_>]) {
    out.open("ol", &[]).line();
    let (mut item, mut nested) = (false, false);
    for entry in entries {
        if entry.level <= 2 || !item {
            if std::mem::take(&mut nested) {
                out.end("ol");
            }
            if item {
                out.end("li");
            }
            out.open("li", &[]);
            link(out, entry);
            item = true;
        } else {
            if !std::mem::replace(&mut nested, true) {
                out.line().open("ol", &[]).line();
            }
            out.open("li", &[]);
            link(out, entry);
            out.end("li");
        }
    }
    if nested {
        out.end("ol");
    }
    if item {
        out.end("li");
    }
    out.end("ol");
}

fn link(out: &mut Markup, entry: &ContentsEntry<'_>) {
    let href = format!("#{}", entry.anchor);
    out.element("a", &[("href", &href)], &entry.text);
}
