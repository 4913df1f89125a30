//! The page's markup as it is written: elements, attributes and text, escaped here and
//! nowhere else.
//!
//! Entry point: [`Markup`]. Element and attribute names are the program's own literals;
//! every value and every piece of text comes from the document and is escaped on the way
//! in, so that text reads back as written and can never become markup. The one exception
//! is [`Markup::trusted`], for a chart's SVG, which the chart module escapes as it writes.

use crate::xml::escape;

/// An attribute: its name and its value, unescaped.
pub(super) type Attribute<'a> = (&'static str, &'a str);

/// An HTML page being written, element by element.
#[derive(Debug, Default)]
pub(super) struct Markup {
    out: String,
}

impl Markup {
    /// `<tag attributes…>`.
    pub(super) fn open(&mut self, tag: &str, attributes: &[Attribute<'_>]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    /// `</tag>`.
    pub(super) fn close(&mut self, tag: &str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// `</tag>` and a line break: the end of a block, so the source reads line by line.
    pub(super) fn end(&mut self, tag: &str) -> &mut Self {
        self.close(tag).line()
    }

    /// An element of text alone: `<tag …>text</tag>`.
    pub(super) fn element(
        &mut self,
        tag: &str,
        attributes: &[Attribute<'_>],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// Text, escaped; a line break in it (a hard break in the Markdown) as `<br>`.
    pub(super) fn text(&mut self, text: &str) -> &mut Self {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.out.push_str("<br>");
            }
            self.out.push_str(&escape(line));
        }
        self
    }

    /// A line break in the source, between blocks, where it changes nothing on the page.
    pub(super) fn line(&mut self) -> &mut Self {
        self.out.push('\n');
        self
    }

    /// Markup made by another module that escapes what it writes: a chart's SVG.
    pub(super) fn trusted(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    /// The page written so far.
    pub(super) fn finish(self) -> String {
        self.out
    }
}
