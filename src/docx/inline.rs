//! Runs of text: bold, italic, links and status badges.
//!
//! Entry point: [`runs`]. A run carries only bold, italic and a character style: Hyperlink
//! for links, a "Status …" style for a status badge; everything else comes from the
//! paragraph's style.

use super::formatting::Character;
use super::package::Relationships;
use super::styles;
use super::xml::Xml;
use crate::doc::Run;

/// Writes `runs`, wrapping linked runs in hyperlinks related from `relationships`.
pub(super) fn runs(xml: &mut Xml, runs: &[Run], relationships: &mut Relationships) {
    for run in runs {
        match &run.link {
            Some(url) => {
                let id = relationships.link(url);
                xml.open("w:hyperlink", &[("r:id", &id), ("w:history", &1)]);
                text(xml, run, Some(styles::HYPERLINK));
                xml.close("w:hyperlink");
            }
            None => text(xml, run, None),
        }
    }
}

/// One run of `run`'s text, in the character style `style` (a badge's own otherwise). A
/// newline (a hard break in the Markdown) is a line break: Word reads one inside a text
/// element as a space.
pub(super) fn text(xml: &mut Xml, run: &Run, style: Option<&str>) {
    xml.open("w:r", &[]);
    Character {
        style: style.or(run.badge.map(styles::status_style)),
        bold: run.bold,
        italic: run.italic,
        ..Character::default()
    }
    .write(xml);
    for (index, line) in run.text.split('\n').enumerate() {
        if index > 0 {
            xml.empty("w:br", &[]);
        }
        if !line.is_empty() {
            xml.leaf("w:t", &[("xml:space", &"preserve")], line);
        }
    }
    xml.close("w:r");
}

/// A run of plain text.
pub(super) fn plain(xml: &mut Xml, text: &str) {
    xml.open("w:r", &[])
        .leaf("w:t", &[("xml:space", &"preserve")], text)
        .close("w:r");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(run: &Run) -> String {
        let mut xml = Xml::fragment();
        let mut relationships = Relationships::default();
        runs(&mut xml, std::slice::from_ref(run), &mut relationships);
        xml.finish()
    }

    #[test]
    fn a_hard_break_is_a_line_break() {
        let xml = written(&Run {
            text: "Anna Andersson\nTrygghetssamordnare".into(),
            ..Run::default()
        });
        assert!(
            xml.contains("Anna Andersson</w:t><w:br/><w:t xml:space=\"preserve\">Trygg"),
            "{xml}"
        );
    }

    #[test]
    fn links_badges_and_emphasis_are_styles_not_colours() {
        let link = written(&Run {
            text: "polisen.se".into(),
            link: Some("https://polisen.se".into()),
            ..Run::default()
        });
        assert!(link.starts_with(r#"<w:hyperlink r:id="rId1" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>"#), "{link}");
        let badge = written(&Run {
            text: "Pågår".into(),
            bold: true,
            badge: Some(crate::doc::Tone::Warning),
            ..Run::default()
        });
        assert!(badge.contains(r#"<w:rPr><w:rStyle w:val="StatusWarning"/><w:b/></w:rPr>"#));
        assert!(!badge.contains("w:color"));
    }
}
