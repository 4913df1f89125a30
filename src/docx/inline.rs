//! Runs of text: bold, italic, links and status badges.
//!
//! Entry point: [`add_runs`]. A run carries only bold, italic and a character style: Hyperlink
//! for links, a "Status …" style for a status badge; everything else comes from the
//! paragraph's style.

use super::styles;
use crate::doc::Run as DocRun;
use docx_rs::{BreakType, Hyperlink, HyperlinkData, HyperlinkType, Paragraph, Run};

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

/// The run's text, a line break where the text has one (a hard break in the Markdown):
/// Word reads a newline inside a text element as a space.
fn text_run(run: &DocRun) -> Run {
    let mut lines = run.text.split('\n');
    let first = Run::new().add_text(lines.next().unwrap_or_default());
    let mut out = lines.fold(first, |out, line| {
        out.add_break(BreakType::TextWrapping).add_text(line)
    });
    if run.bold {
        out = out.bold();
    }
    if run.italic {
        out = out.italic();
    }
    match run.badge {
        Some(tone) => out.style(styles::status_style(tone)),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_break_is_a_line_break() {
        let run = DocRun {
            text: "Anna Andersson\nTrygghetssamordnare".into(),
            ..DocRun::default()
        };
        let xml = String::from_utf8(docx_rs::BuildXML::build(&text_run(&run))).expect("UTF-8");
        assert!(
            xml.contains("Anna Andersson</w:t><w:br w:type=\"textWrapping\" />"),
            "{xml}"
        );
        assert!(xml.contains(">Trygghetssamordnare</w:t>"), "{xml}");
    }

    #[test]
    fn link_ids_count_from_one_per_document() {
        let mut links = LinkIds::default();
        assert_eq!(links.next(), "rIdHyperlink1");
        assert_eq!(links.next(), "rIdHyperlink2");
    }
}
