//! Text written into XML (a DOCX part, a chart's SVG) so that it reads back as written.
//!
//! Entry points: [`escape`], and [`escape_into`] and [`Escaping`] for a writer that appends
//! to its own text.

use std::fmt;

/// `text` with the five characters XML gives a meaning written as entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// [`escape`], appended to `out`: the text between the five characters is copied whole.
pub fn escape_into(out: &mut String, text: &str) {
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        // The five are ASCII, so `at` lies between two characters.
        out.push_str(&text[start..at]);
        out.push_str(entity);
        start = at + 1;
    }
    out.push_str(&text[start..]);
}

/// A writer that appends what is written to it escaped: a value formatted straight into
/// XML, without a string of its own first.
pub struct Escaping<'a>(pub &'a mut String);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escape_into(self.0, text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    #[test]
    fn the_five_characters_become_entities_and_the_rest_stays() {
        assert_eq!(
            escape("Mål & <mått> \"så\" 'då' — klart"),
            "Mål &amp; &lt;mått&gt; &quot;så&quot; &apos;då&apos; — klart"
        );
        let mut out = String::from("<a v=\"");
        let (number, text) = (1.5, "ö<");
        write!(Escaping(&mut out), "{number}&{text}").expect("a string takes any text");
        assert_eq!(out, "<a v=\"1.5&amp;ö&lt;");
    }
}
