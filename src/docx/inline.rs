//! Runs of text: bold, italic, links and status badges.
//!
//! Entry point: [`add_runs`]. A run carries only bold, italic, the Hyperlink character style,
//! or, for a status badge, a light shading with dark text; everything else comes from the
//! paragraph's style.

use super::styles;
use crate::doc::{Run as DocRun, Tone};
use docx_rs::{Hyperlink, HyperlinkData, HyperlinkType, Paragraph, Run, Shading, ShdType};

/// Hands out relationship ids for links. docx-rs numbers them with a process-wide counter,
/// which would make two builds of the same document differ.
#[derive(Debug, Default)]
pub(super) struct LinkIds {
    next: usize,
}

impl LinkIds {
    fn next(&mut self) -> String {
        self.next += 1;
        format!("rIdHyperlink{}", self.next)
    }
}

/// Appends `runs` to `paragraph`, wrapping linked runs in hyperlinks.
pub(super) fn add_runs(paragraph: Paragraph, runs: &[DocRun], links: &mut LinkIds) -> Paragraph {
    runs.iter()
        .fold(paragraph, |paragraph, run| match &run.link {
            Some(target) => paragraph.add_hyperlink(hyperlink(target, text_run(run), links)),
            None => paragraph.add_run(text_run(run)),
        })
}

fn hyperlink(target: &str, run: Run, links: &mut LinkIds) -> Hyperlink {
    let mut link = Hyperlink::new(target, HyperlinkType::External);
    if let HyperlinkData::External { rid, .. } = &mut link.link {
        *rid = links.next();
    }
    link.add_run(run.style(styles::HYPERLINK))
}

fn text_run(run: &DocRun) -> Run {
    let mut out = Run::new().add_text(&run.text);
    if run.bold {
        out = out.bold();
    }
    if run.italic {
        out = out.italic();
    }
    match run.badge {
        Some(tone) => badge(out, tone),
        None => out,
    }
}

/// A status word on a light tone, in bold dark text of the same hue: the word carries the
/// meaning, the colour only repeats it.
fn badge(run: Run, tone: Tone) -> Run {
    let (fill, text) = badge_colors(tone);
    let shading = Shading::new()
        .shd_type(ShdType::Clear)
        .color("auto")
        .fill(fill);
    run.bold().color(text).shading(shading)
}

/// (background, text) for each tone; every pair has a contrast of at least 4.5:1.
fn badge_colors(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Good => ("C6EFCE", "006100"),
        Tone::Warning => ("FFEB9C", "6B4000"),
        Tone::Bad => ("FFC7CE", "9C0006"),
        Tone::Done => ("DDEBF7", "1F4E79"),
        Tone::Neutral => ("EDEDED", "404040"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance of an RRGGBB colour.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let value =
                f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex colour")) / 255.0;
            if value <= 0.03928 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    #[test]
    fn badge_text_contrasts_with_its_background() {
        for tone in [
            Tone::Good,
            Tone::Warning,
            Tone::Bad,
            Tone::Done,
            Tone::Neutral,
        ] {
            let (fill, text) = badge_colors(tone);
            let ratio = (luminance(fill) + 0.05) / (luminance(text) + 0.05);
            assert!(ratio >= 4.5, "{tone:?}: {ratio:.2}");
        }
    }

    #[test]
    fn link_ids_count_from_one_per_document() {
        let mut links = LinkIds::default();
        assert_eq!(links.next(), "rIdHyperlink1");
        assert_eq!(links.next(), "rIdHyperlink2");
    }
}
