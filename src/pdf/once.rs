//! What is drawn of text when a PDF is made only to be validated: each glyph once with each
//! text it stands for.
//!
//! Entry point: [`Once::unseen`]. What krilla's validation checks of text is a property of
//! each glyph and the text it stands for (a glyph the font lacks, a private-use character,
//! text that cannot be mapped back to characters), not of where it stands or what stands
//! beside it. A report's glyphs repeat without end; drawing each pairing once checks the
//! same and costs a fraction.

use super::frame::Glyphs;
use crate::text::{Face, ShapedGlyph};
use foldhash::HashMap;
use std::cell::RefCell;

/// A glyph: its face and its index in the face's font.
type Glyph = (Face, u32);

/// The texts each glyph has been drawn with so far.
#[derive(Default)]
pub struct Once {
    seen: RefCell<HashMap<Glyph, Vec<Box<str>>>>,
}

impl Once {
    /// The clusters of `glyphs` with a glyph not yet drawn with the cluster's text, as
    /// glyphs of their own; `None` when every one was drawn before.
    pub fn unseen(&self, glyphs: &Glyphs) -> Option<Glyphs> {
        let mut seen = self.seen.borrow_mut();
        let mut text = String::new();
        let mut list = Vec::new();
        for (cluster, cluster_text) in clusters(glyphs) {
            let mut new = false;
            for glyph in cluster {
                let texts = seen.entry((glyph.face, glyph.id)).or_default();
                if !texts.iter().any(|t| **t == *cluster_text) {
                    texts.push(cluster_text.into());
                    new = true;
                }
            }
            if new {
                let offset = text.len();
                text.push_str(cluster_text);
                list.extend(cluster.iter().map(|g| ShapedGlyph {
                    cluster: offset,
                    ..*g
                }));
            }
        }
        (!list.is_empty()).then_some(Glyphs {
            glyphs: list,
            text,
            ..*glyphs
        })
    }
}

/// Each cluster's glyphs with the text they stand for: from the cluster's offset to the
/// next greater offset, as the drawn glyphs' text ranges are.
fn clusters(glyphs: &Glyphs) -> impl Iterator<Item = (&[ShapedGlyph], &str)> {
    let all = &glyphs.glyphs;
    let mut start = 0;
    all.chunk_by(|a, b| a.cluster == b.cluster)
        .map(move |cluster| {
            start += cluster.len();
            let first = cluster[0].cluster;
            let end = all[start..]
                .iter()
                .map(|g| g.cluster)
                .find(|&c| c > first)
                .unwrap_or(glyphs.text.len());
            (cluster, glyphs.text.get(first..end).unwrap_or_default())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Rgb;

    fn glyphs(text: &str, ids: &[u32]) -> Glyphs {
        let glyphs = text
            .char_indices()
            .zip(ids)
            .map(|((cluster, _), &id)| ShapedGlyph {
                id,
                advance: 0.5,
                x_offset: 0.0,
                y_offset: 0.0,
                cluster,
                face: Face::Regular,
            })
            .collect();
        Glyphs {
            face: Face::Regular,
            size: 10.0,
            color: Rgb(0, 0, 0),
            glyphs,
            text: text.to_string(),
        }
    }

    #[test]
    fn each_glyph_is_drawn_once_with_each_text() {
        let once = Once::default();
        let first = once.unseen(&glyphs("aba", &[1, 2, 1])).expect("new glyphs");
        assert_eq!(first.text, "ab");
        assert_eq!(
            first.glyphs.iter().map(|g| g.cluster).collect::<Vec<_>>(),
            [0, 1]
        );
        assert!(once.unseen(&glyphs("ba", &[2, 1])).is_none());
        // Glyph 1 standing for another text is drawn again: the pairing is what is checked.
        let other = once.unseen(&glyphs("cä", &[1, 3])).expect("new pairings");
        assert_eq!(other.text, "cä");
        assert_eq!(other.glyphs[1].cluster, 1);
    }

    #[test]
    fn a_cluster_of_several_glyphs_keeps_them_together() {
        let once = Once::default();
        let mut ligature = glyphs("fi", &[7, 8]);
        ligature.glyphs[1].cluster = 0;
        let drawn = once.unseen(&ligature).expect("new cluster");
        assert_eq!(drawn.text, "fi");
        assert_eq!(drawn.glyphs.len(), 2);
        assert!(drawn.glyphs.iter().all(|g| g.cluster == 0));
    }
}
