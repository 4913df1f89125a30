//! Bulleted and numbered lists through numbering.xml, nested as deep as Word allows.
//!
//! Entry points: [`ListNumbering::instance`] while writing the body, [`ListNumbering::part`]
//! for the definitions. Every list, nested ones too, gets its own numbering instance, so
//! each list counts from its own start instead of continuing the previous one.

use super::xml::Xml;
use crate::doc::List;

pub(super) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";

/// The abstract definitions: bullets and numbers.
const BULLETS: usize = 1;
const NUMBERS: usize = 2;
/// Word has nine list levels (0–8); deeper lists stay at the last.
pub(super) const DEEPEST: usize = 8;
/// Each level indents by this much (in twips); the marker hangs in the space before the text.
const STEP: u32 = 360;

/// The numbering instances handed out while writing, one per list: (definition, level,
/// first number).
#[derive(Debug, Default)]
pub(super) struct ListNumbering {
    instances: Vec<(usize, usize, u64)>,
}

impl ListNumbering {
    /// A new instance for `list` drawn at `level`, starting at the list's first number.
    pub(super) fn instance(&mut self, list: &List, level: usize) -> usize {
        let (definition, start) = match list.start {
            Some(start) => (NUMBERS, start),
            None => (BULLETS, 1),
        };
        self.instances.push((definition, level, start));
        self.instances.len()
    }

    /// The numbering part, or `None` when the document has no list.
    pub(super) fn part(&self) -> Option<Vec<u8>> {
        if self.instances.is_empty() {
            return None;
        }
        let mut xml = Xml::part();
        xml.open(
            "w:numbering",
            &[(
                "xmlns:w",
                &"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            )],
        );
        definition(&mut xml, BULLETS, bullet_level);
        definition(&mut xml, NUMBERS, number_level);
        for (index, (definition, level, start)) in self.instances.iter().enumerate() {
            // Word stores the start as a 32-bit number.
            let start = (*start).min(i32::MAX as u64);
            xml.open("w:num", &[("w:numId", &(index + 1))])
                .val("w:abstractNumId", definition)
                .open("w:lvlOverride", &[("w:ilvl", level)])
                .val("w:startOverride", start)
                .close("w:lvlOverride")
                .close("w:num");
        }
        xml.close("w:numbering");
        Some(xml.finish().into_bytes())
    }
}

fn definition(xml: &mut Xml, id: usize, level: fn(usize) -> (&'static str, String)) {
    xml.open("w:abstractNum", &[("w:abstractNumId", &id)])
        .val("w:multiLevelType", "hybridMultilevel");
    for depth in 0..=DEEPEST {
        let (format, text) = level(depth);
        xml.open("w:lvl", &[("w:ilvl", &depth)])
            .val("w:start", 1)
            .val("w:numFmt", format)
            .val("w:lvlText", text)
            .val("w:lvlJc", "left")
            .open("w:pPr", &[])
            .empty("w:ind", &[("w:left", &indent(depth)), ("w:hanging", &STEP)])
            .close("w:pPr")
            .close("w:lvl");
    }
    xml.close("w:abstractNum");
}

/// Bullets alternate between a disc, a circle and a square, as in Word.
fn bullet_level(depth: usize) -> (&'static str, String) {
    let marks = ["\u{2022}", "\u{25E6}", "\u{25AA}"];
    ("bullet", marks[depth % marks.len()].to_owned())
}

/// Numbers go 1. → a) → i. and round again.
fn number_level(depth: usize) -> (&'static str, String) {
    let level = depth + 1;
    match depth % 3 {
        0 => ("decimal", format!("%{level}.")),
        1 => ("lowerLetter", format!("%{level})")),
        _ => ("lowerRoman", format!("%{level}.")),
    }
}

/// Left edge of the text at `depth`, where an item's later paragraphs line up too.
pub(super) fn indent(depth: usize) -> u32 {
    STEP * (depth.min(DEEPEST) as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(start: Option<u64>) -> List {
        List {
            start,
            items: vec![],
        }
    }

    #[test]
    fn every_list_gets_its_own_instance_starting_where_it_says() {
        let mut numbering = ListNumbering::default();
        assert_eq!(numbering.instance(&list(Some(3)), 0), 1);
        assert_eq!(numbering.instance(&list(None), 1), 2);
        let xml = String::from_utf8(numbering.part().expect("lists")).expect("UTF-8");
        assert!(xml.contains(r#"<w:num w:numId="1"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>"#), "{xml}");
        assert!(xml.contains(
            r#"<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="1">"#
        ));
        assert!(ListNumbering::default().part().is_none());
    }

    #[test]
    fn a_huge_start_number_is_clamped_to_what_word_stores() {
        let mut numbering = ListNumbering::default();
        numbering.instance(&list(Some(u64::MAX)), 0);
        let xml = String::from_utf8(numbering.part().expect("a list")).expect("UTF-8");
        assert!(xml.contains(&format!(r#"<w:startOverride w:val="{}"/>"#, i32::MAX)));
    }
}
