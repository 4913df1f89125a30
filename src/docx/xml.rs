//! A small writer of XML text. Elements are written in the order the code runs, so the
//! order the schema prescribes is the order of the lines in the function writing a part.
//!
//! Entry point: [`Xml`]. Text and attribute values are escaped here, so no caller writes
//! markup by hand.

use crate::xml::{Escaping, escape_into};
use std::fmt::{Display, Write};

/// The declaration every part starts with.
const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// One part's XML text being written.
#[derive(Debug)]
pub(super) struct Xml {
    out: String,
}

impl Xml {
    /// A part starting with the XML declaration.
    pub(super) fn part() -> Xml {
        Xml {
            out: DECLARATION.to_owned(),
        }
    }

    /// A fragment: a piece of a part, which its caller puts in place.
    pub(super) fn fragment() -> Xml {
        Xml { out: String::new() }
    }

    /// `<name a="v" …>`.
    pub(super) fn open(&mut self, name: &str, attributes: &[(&str, &dyn Display)]) -> &mut Xml {
        self.start(name, attributes);
        self.out.push('>');
        self
    }

    /// `</name>`.
    pub(super) fn close(&mut self, name: &str) -> &mut Xml {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        self
    }

    /// `<name a="v" …/>`.
    pub(super) fn empty(&mut self, name: &str, attributes: &[(&str, &dyn Display)]) -> &mut Xml {
        self.start(name, attributes);
        self.out.push_str("/>");
        self
    }

    /// `<name w:val="value"/>`, the shape of most WordprocessingML properties.
    pub(super) fn val(&mut self, name: &str, value: impl Display) -> &mut Xml {
        self.empty(name, &[("w:val", &value)])
    }

    /// `<name a="v" …>text</name>`.
    pub(super) fn leaf(
        &mut self,
        name: &str,
        attributes: &[(&str, &dyn Display)],
        text: &str,
    ) -> &mut Xml {
        self.open(name, attributes).text(text).close(name)
    }

    /// `<name>text</name>` for one of Word's text elements (`w:t`, `w:instrText`), marked
    /// `xml:space="preserve"` when white space in it would otherwise be dropped or joined:
    /// at either end, two together, or other than a space. Word marks its text the same way.
    pub(super) fn words(&mut self, name: &str, text: &str) -> &mut Xml {
        let preserve = text.starts_with(' ')
            || text.ends_with(' ')
            || text.contains("  ")
            || text.contains(['\t', '\n', '\r']);
        match preserve {
            true => self.leaf(name, &[("xml:space", &"preserve")], text),
            false => self.leaf(name, &[], text),
        }
    }

    /// Escaped character data.
    pub(super) fn text(&mut self, text: &str) -> &mut Xml {
        escape_into(&mut self.out, text);
        self
    }

    pub(super) fn finish(self) -> String {
        self.out
    }

    /// How many bytes are written.
    pub(super) fn len(&self) -> usize {
        self.out.len()
    }

    /// What is written, leaving this empty to go on.
    pub(super) fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    fn start(&mut self, name: &str, attributes: &[(&str, &dyn Display)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            // Writing to a string cannot fail.
            let _ = write!(Escaping(&mut self.out), "{value}");
            self.out.push('"');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_nest_in_the_order_written_and_text_is_escaped() {
        let mut xml = Xml::fragment();
        xml.open("w:p", &[])
            .val("w:pStyle", "Heading1")
            .leaf("w:t", &[("xml:space", &"preserve")], "Mål & \"syfte\"")
            .empty("w:br", &[("w:type", &"page"), ("w:id", &3)])
            .close("w:p");
        assert_eq!(
            xml.finish(),
            r#"<w:p><w:pStyle w:val="Heading1"/><w:t xml:space="preserve">Mål &amp; &quot;syfte&quot;</w:t><w:br w:type="page" w:id="3"/></w:p>"#
        );
        assert!(Xml::part().finish().starts_with("<?xml version=\"1.0\""));
    }

    #[test]
    fn text_is_marked_to_keep_its_spaces_only_where_they_would_be_lost() {
        let words = |text: &str| {
            let mut xml = Xml::fragment();
            xml.words("w:t", text);
            xml.finish()
        };
        assert_eq!(words("Trygghets"), "<w:t>Trygghets</w:t>");
        assert_eq!(words("i centrum"), "<w:t>i centrum</w:t>");
        for kept in [" i", "i ", "i  centrum", "i\tcentrum", " "] {
            assert!(
                words(kept).starts_with(r#"<w:t xml:space="preserve">"#),
                "{kept:?}"
            );
        }
    }
}
