//! Runs of text: bold, italic, links and status badges.
//!
//! Entry point: [`runs`]. A run carries only bold, italic and a character style: Hyperlink
//! for links, a "Status …" style for a status badge; everything else comes from the
//! paragraph's style. Words may break where the PDF's may ([`hyphenation`]): there the
//! text holds an optional hyphen, which Word and LibreOffice break at without a dictionary
//! of their own.

use super::formatting::Character;
use super::package::Relationships;
use super::styles;
use super::xml::Xml;
use crate::doc::{Run, hyphenation};
use crate::text::Hyphenator;

/// Writes `runs`, wrapping linked runs in hyperlinks related from `relationships`, with
/// optional hyphens where `hyphenator`'s language may break a word (none without one).
pub(super) fn runs(
    xml: &mut Xml,
    runs: &[Run],
    relationships: &mut Relationships,
    hyphenator: Option<Hyphenator>,
) {
    let points = hyphenator.map_or_else(Vec::new, |h| hyphenation::points(runs, h));
    // The points are in order: each run's come after the runs before it, so a paragraph
    // of many runs stays linear.
    let mut ahead = points.as_slice();
    let mut start = 0;
    for run in runs {
        let end = start + run.text.len();
        let (within, rest) = ahead.split_at(ahead.partition_point(|&point| point < end));
        ahead = rest;
        let inside: Vec<usize> = within
            .iter()
            .filter(|&&point| start < point)
            .map(|point| point - start)
            .collect();
        start = end;
        match &run.link {
            Some(url) => {
                let id = relationships.link(url);
                xml.open("w:hyperlink", &[("r:id", &id), ("w:history", &1)]);
                hyphenated(xml, run, Some(styles::HYPERLINK), &inside);
                xml.close("w:hyperlink");
            }
            None => hyphenated(xml, run, None, &inside),
        }
    }
}

/// One run of `run`'s text, in the character style `style` (a badge's own otherwise).
pub(super) fn text(xml: &mut Xml, run: &Run, style: Option<&str>) {
    hyphenated(xml, run, style, &[]);
}

/// One run of `run`'s text with an optional hyphen at each of `points` (byte offsets in
/// it). A newline (a hard break in the Markdown) is a line break: Word reads one inside a
/// text element as a space.
fn hyphenated(xml: &mut Xml, run: &Run, style: Option<&str>, points: &[usize]) {
    xml.open("w:r", &[]);
    Character {
        style: style.or(run.badge.map(styles::status_style)),
        bold: run.bold,
        italic: run.italic,
        ..Character::default()
    }
    .write(xml);
    let newlines = run.text.match_indices('\n').map(|(at, _)| at);
    let mut cuts: Vec<(usize, &str)> = newlines
        .map(|at| (at, "w:br"))
        .chain(points.iter().map(|&at| (at, "w:softHyphen")))
        .collect();
    cuts.sort_unstable();
    let mut start = 0;
    for (at, element) in cuts {
        write_text(xml, &run.text[start..at]);
        xml.empty(element, &[]);
        start = if element == "w:br" { at + 1 } else { at };
    }
    write_text(xml, &run.text[start..]);
    xml.close("w:r");
}

fn write_text(xml: &mut Xml, text: &str) {
    if !text.is_empty() {
        xml.words("w:t", text);
    }
}

/// A run of plain text.
pub(super) fn plain(xml: &mut Xml, text: &str) {
    xml.open("w:r", &[]).words("w:t", text).close("w:r");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(run: &Run) -> String {
        written_in(run, None)
    }

    fn written_in(run: &Run, language: Option<&str>) -> String {
        let mut xml = Xml::fragment();
        let mut relationships = Relationships::default();
        let hyphenator = language.and_then(Hyphenator::for_language);
        runs(
            &mut xml,
            std::slice::from_ref(run),
            &mut relationships,
            hyphenator,
        );
        xml.finish()
    }

    #[test]
    fn a_hard_break_is_a_line_break() {
        let xml = written(&Run::plain("Anna Andersson\nTrygghetssamordnare"));
        assert!(
            xml.contains("Anna Andersson</w:t><w:br/><w:t>Trygg"),
            "{xml}"
        );
    }

    #[test]
    fn words_carry_optional_hyphens_where_the_pdf_may_break_them() {
        let xml = written_in(&Run::plain("Trygghetsvandringar i centrum"), Some("sv"));
        assert!(xml.contains("<w:softHyphen/>"), "{xml}");
        let text: String = xml
            .split("<w:t")
            .skip(1)
            .map(|piece| &piece[piece.find('>').map_or(0, |at| at + 1)..])
            .map(|piece| &piece[..piece.find("</w:t>").unwrap_or(0)])
            .collect();
        assert_eq!(text, "Trygghetsvandringar i centrum");
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
