//! Paragraph and run properties (`w:pPr`, `w:rPr`), each written in the one order the
//! schema allows: Word ignores, or "repairs", a property that comes too late.
//!
//! Entry points: [`Paragraph`] and [`Character`]. Styles and direct formatting share them,
//! so a property is spelled once, in its place in the sequence.

use super::xml::Xml;
use crate::doc::Rgb;

/// How the height of a line is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineRule {
    /// At least this many twips: the font's own height when that is taller.
    AtLeast,
    /// Exactly this many twips.
    Exact,
}

/// Space around a paragraph and its line height, in twips.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Spacing {
    pub(super) before: Option<u32>,
    pub(super) after: Option<u32>,
    pub(super) line: Option<(u32, LineRule)>,
}

/// Paragraph alignment (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Justification {
    Left,
    Center,
    Right,
    Both,
}

impl Justification {
    fn value(self) -> &'static str {
        match self {
            Justification::Left => "left",
            Justification::Center => "center",
            Justification::Right => "right",
            Justification::Both => "both",
        }
    }
}

/// What fills the space before a tab stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Leader {
    Dot,
    /// A line to write on.
    Underscore,
}

/// A tab stop (`w:tab`), at `position` twips from the left indent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tab {
    pub(super) position: u32,
    pub(super) right: bool,
    pub(super) leader: Option<Leader>,
}

/// A rule under the paragraph (the line a signature is written on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BottomRule {
    /// In eighths of a point.
    pub(super) size: u32,
    pub(super) colour: Rgb,
}

/// Paragraph properties, all optional; `None` and `false` write nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Paragraph<'a> {
    pub(super) style: Option<&'a str>,
    /// `Some(false)` turns off a keep its style has.
    pub(super) keep_next: Option<bool>,
    pub(super) keep_lines: bool,
    pub(super) page_break_before: bool,
    pub(super) widow_control: bool,
    /// List instance and level.
    pub(super) numbering: Option<(usize, usize)>,
    pub(super) bottom_rule: Option<BottomRule>,
    pub(super) tabs: Vec<Tab>,
    pub(super) no_hyphenation: bool,
    pub(super) spacing: Spacing,
    /// Left and right indent, and how far the first line hangs out to the left, in twips.
    pub(super) indent: Option<(u32, u32, u32)>,
    pub(super) justification: Option<Justification>,
    /// 0 for "heading 1"; 9 is body text.
    pub(super) outline_level: Option<u8>,
    /// The size of the paragraph mark, in half-points (only in the document, not a style).
    pub(super) mark_size: Option<u32>,
}

impl Paragraph<'_> {
    /// Writes `w:pPr`, or nothing when no property is set.
    pub(super) fn write(&self, xml: &mut Xml) {
        if *self != Paragraph::default() {
            xml.open("w:pPr", &[]);
            self.write_children(xml);
            xml.close("w:pPr");
        }
    }

    /// The properties in schema order (CT_PPrBase), without the enclosing element.
    fn write_children(&self, xml: &mut Xml) {
        if let Some(style) = self.style {
            xml.val("w:pStyle", style);
        }
        match self.keep_next {
            Some(true) => flag(xml, "w:keepNext", true),
            Some(false) => {
                xml.val("w:keepNext", 0);
            }
            None => {}
        }
        flag(xml, "w:keepLines", self.keep_lines);
        flag(xml, "w:pageBreakBefore", self.page_break_before);
        flag(xml, "w:widowControl", self.widow_control);
        if let Some((instance, level)) = self.numbering {
            xml.open("w:numPr", &[])
                .val("w:ilvl", level)
                .val("w:numId", instance)
                .close("w:numPr");
        }
        if let Some(rule) = self.bottom_rule {
            xml.open("w:pBdr", &[])
                .empty(
                    "w:bottom",
                    &[
                        ("w:val", &"single"),
                        ("w:sz", &rule.size),
                        ("w:space", &1),
                        ("w:color", &rule.colour.hex()),
                    ],
                )
                .close("w:pBdr");
        }
        if !self.tabs.is_empty() {
            xml.open("w:tabs", &[]);
            for tab in &self.tabs {
                let kind = if tab.right { "right" } else { "left" };
                let leader = match tab.leader {
                    Some(Leader::Dot) => "dot",
                    Some(Leader::Underscore) => "underscore",
                    None => "none",
                };
                xml.empty(
                    "w:tab",
                    &[
                        ("w:val", &kind),
                        ("w:leader", &leader),
                        ("w:pos", &tab.position),
                    ],
                );
            }
            xml.close("w:tabs");
        }
        flag(xml, "w:suppressAutoHyphens", self.no_hyphenation);
        self.write_spacing(xml);
        if let Some((left, right, hanging)) = self.indent {
            let mut attributes: Vec<(&str, &dyn std::fmt::Display)> =
                vec![("w:left", &left), ("w:right", &right)];
            if hanging > 0 {
                attributes.push(("w:hanging", &hanging));
            }
            xml.empty("w:ind", &attributes);
        }
        if let Some(justification) = self.justification {
            xml.val("w:jc", justification.value());
        }
        if let Some(level) = self.outline_level {
            xml.val("w:outlineLvl", level);
        }
        if let Some(size) = self.mark_size {
            Character {
                size: Some(size),
                ..Character::default()
            }
            .write(xml);
        }
    }

    fn write_spacing(&self, xml: &mut Xml) {
        let Spacing {
            before,
            after,
            line,
        } = self.spacing;
        if self.spacing == Spacing::default() {
            return;
        }
        let mut attributes: Vec<(&str, &dyn std::fmt::Display)> = Vec::new();
        if let Some(before) = &before {
            attributes.push(("w:before", before));
        }
        if let Some(after) = &after {
            attributes.push(("w:after", after));
        }
        if let Some((twips, rule)) = &line {
            attributes.push(("w:line", twips));
            attributes.push((
                "w:lineRule",
                match rule {
                    LineRule::AtLeast => &"atLeast",
                    LineRule::Exact => &"exact",
                },
            ));
        }
        xml.empty("w:spacing", &attributes);
    }
}

/// Run properties, all optional; `None` and `false` write nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Character<'a> {
    pub(super) style: Option<&'a str>,
    /// The font family for every script.
    pub(super) font: Option<&'a str>,
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) colour: Option<Rgb>,
    /// Space added after each character, in twips.
    pub(super) letter_spacing: Option<u32>,
    /// Pairs of letters kerned by the font's table, as the PDF sets them.
    pub(super) kerning: bool,
    /// In half-points.
    pub(super) size: Option<u32>,
    pub(super) underline: bool,
    pub(super) shading: Option<Rgb>,
    /// A BCP 47 tag: spelling and hyphenation follow it.
    pub(super) language: Option<&'a str>,
}

impl Character<'_> {
    /// Writes `w:rPr`, or nothing when no property is set.
    pub(super) fn write(&self, xml: &mut Xml) {
        if *self == Character::default() {
            return;
        }
        // The order of CT_RPr.
        xml.open("w:rPr", &[]);
        if let Some(style) = self.style {
            xml.val("w:rStyle", style);
        }
        if let Some(font) = self.font {
            xml.empty(
                "w:rFonts",
                &[
                    ("w:ascii", &font),
                    ("w:hAnsi", &font),
                    ("w:eastAsia", &font),
                    ("w:cs", &font),
                ],
            );
        }
        flag(xml, "w:b", self.bold);
        flag(xml, "w:i", self.italic);
        if let Some(colour) = self.colour {
            xml.val("w:color", colour.hex());
        }
        if let Some(spacing) = self.letter_spacing {
            xml.val("w:spacing", spacing);
        }
        if self.kerning {
            // From the smallest size up, in half-points.
            xml.val("w:kern", 1);
        }
        if let Some(size) = self.size {
            xml.val("w:sz", size).val("w:szCs", size);
        }
        if self.underline {
            xml.val("w:u", "single");
        }
        if let Some(fill) = self.shading {
            xml.empty(
                "w:shd",
                &[
                    ("w:val", &"clear"),
                    ("w:color", &"auto"),
                    ("w:fill", &fill.hex()),
                ],
            );
        }
        if let Some(language) = self.language {
            xml.val("w:lang", language);
        }
        xml.close("w:rPr");
    }
}

/// An on/off property that is on: `<w:b/>`.
fn flag(xml: &mut Xml, name: &str, on: bool) {
    if on {
        xml.empty(name, &[]);
    }
}

/// `points` in half-points, Word's unit of font size. Style sizes are bounded, so the
/// cast cannot overflow.
pub(super) fn half_points(points: f32) -> u32 {
    (points * 2.0).round().max(0.0) as u32
}

/// `points` in twentieths of a point (twips), Word's unit of spacing.
pub(super) fn twips(points: f32) -> u32 {
    (points * 20.0).round().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_come_out_in_schema_order() {
        let mut xml = Xml::fragment();
        Paragraph {
            style: Some("ListParagraph"),
            keep_next: Some(true),
            numbering: Some((4, 1)),
            spacing: Spacing {
                before: Some(120),
                line: Some((283, LineRule::AtLeast)),
                ..Spacing::default()
            },
            justification: Some(Justification::Right),
            ..Paragraph::default()
        }
        .write(&mut xml);
        assert_eq!(
            xml.finish(),
            concat!(
                r#"<w:pPr><w:pStyle w:val="ListParagraph"/><w:keepNext/>"#,
                r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>"#,
                r#"<w:spacing w:before="120" w:line="283" w:lineRule="atLeast"/><w:jc w:val="right"/></w:pPr>"#
            )
        );
        let mut xml = Xml::fragment();
        Character {
            style: Some("Hyperlink"),
            bold: true,
            size: Some(21),
            language: Some("sv-SE"),
            ..Character::default()
        }
        .write(&mut xml);
        assert_eq!(
            xml.finish(),
            r#"<w:rPr><w:rStyle w:val="Hyperlink"/><w:b/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="sv-SE"/></w:rPr>"#
        );
    }

    #[test]
    fn nothing_set_writes_nothing() {
        let mut xml = Xml::fragment();
        Paragraph::default().write(&mut xml);
        Character::default().write(&mut xml);
        assert_eq!(xml.finish(), "");
    }

    #[test]
    fn points_become_word_units() {
        assert_eq!(half_points(10.5), 21);
        assert_eq!(half_points(12.5), 25);
        assert_eq!(twips(6.0), 120);
        assert_eq!(twips(0.0), 0);
    }
}
