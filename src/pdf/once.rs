//! What is drawn of text, areas and lines when a PDF is made only to be validated: each
//! glyph once with each text it stands for, and each colour once.
//!
//! Entry points: [`thin`] for the pages, then [`Once::unseen`] and [`Once::unseen_colour`]
//! as they are drawn. What krilla's validation checks of text is a property of each glyph
//! and the text it stands for (a glyph the font lacks, a private-use character, text that
//! cannot be mapped back to characters), not of where it stands or what stands beside it;
//! of a filled area or a line, its colour. A report's glyphs and rules repeat without end;
//! drawing each once checks the same and costs a fraction.

use super::frame::{Glyphs, Item, Page};
use crate::doc::Rgb;
use crate::text::{Face, ShapedGlyph};
use foldhash::{HashMap, HashSet};
use rayon::prelude::*;
use std::cell::RefCell;

/// A glyph: its face and its index in the face's font.
type Glyph = (Face, u32);

/// `pages` without what [`Once`] would not draw, thinned on every core: each run of pages
/// with a `Once` of its own, so that what is left is new within its run; drawing them with
/// one `Once` then leaves out what repeats between runs. What is first drawn is where it
/// first stands, as when every page is drawn with one `Once`.
pub fn thin(mut pages: Vec<Page>) -> Vec<Page> {
    let run = pages
        .len()
        .div_ceil(2 * rayon::current_num_threads())
        .max(1);
    pages.par_chunks_mut(run).for_each(|run| {
        let once = Once::default();
        for page in run {
            let Page {
                body,
                header,
                footer,
                watermark,
                ..
            } = page;
            for items in [watermark, body, header, footer] {
                items.retain_mut(|item| once.keeps(item));
            }
        }
    });
    pages
}

/// What has been drawn so far.
#[derive(Default)]
pub struct Once {
    seen: RefCell<Seen>,
}

#[derive(Default)]
struct Seen {
    /// Each face's glyphs by index: the one character each was first drawn with, when its
    /// text was one character, as almost every glyph's is; looked up without hashing.
    first: [Vec<Option<char>>; Face::ALL.len()],
    /// Every other text a glyph has been drawn with.
    more: HashMap<Glyph, Vec<Box<str>>>,
    /// The colours areas and lines have been painted in: what krilla checks of a fill or a
    /// stroke is its colour, not its shape.
    colours: HashSet<Rgb>,
}

impl Seen {
    /// Records that `glyph` was drawn with `text`; whether that is new.
    fn add(&mut self, (face, id): Glyph, text: &str) -> bool {
        let mut chars = text.chars();
        // A font has at most 65,536 glyphs: a larger index, were there one, is kept below.
        if let (Some(c), None, Ok(slot)) = (chars.next(), chars.next(), u16::try_from(id)) {
            let first = &mut self.first[face.index()];
            let slot = usize::from(slot);
            if first.len() <= slot {
                first.resize(slot + 1, None);
            }
            match first[slot] {
                Some(known) if known == c => return false,
                None => {
                    first[slot] = Some(c);
                    return true;
                }
                Some(_) => {}
            }
        }
        let texts = self.more.entry((face, id)).or_default();
        if texts.iter().any(|t| **t == *text) {
            return false;
        }
        texts.push(text.into());
        true
    }
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
                new |= seen.add((glyph.face, glyph.id), cluster_text);
            }
            if new {
                let offset = text.len();
                text.push_str(cluster_text);
                list.extend(cluster.iter().map(|g| ShapedGlyph {
                    cluster: offset as u32,
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

    /// Whether `item` draws something new, its text cut to what is new.
    fn keeps(&self, item: &mut Item) -> bool {
        match item {
            Item::Text { glyphs, .. } | Item::Rotated { glyphs, .. } => match self.unseen(glyphs) {
                Some(new) => {
                    *glyphs = new;
                    true
                }
                None => false,
            },
            Item::Fill { color, .. } | Item::Rule { color, .. } => self.unseen_colour(*color),
            Item::Vector { .. }
            | Item::Image { .. }
            | Item::Link { .. }
            | Item::PageNumber { .. } => true,
        }
    }

    /// Whether nothing has been painted in `colour` yet; from now on it has.
    pub fn unseen_colour(&self, colour: Rgb) -> bool {
        self.seen.borrow_mut().colours.insert(colour)
    }
}

/// Each cluster's glyphs with the text they stand for ([`Glyphs::text_end`]).
fn clusters(glyphs: &Glyphs) -> impl Iterator<Item = (&[ShapedGlyph], &str)> {
    let mut start = 0;
    glyphs
        .glyphs
        .chunk_by(|a, b| a.cluster == b.cluster)
        .map(move |cluster| {
            let (first, end) = (cluster[0].offset(), glyphs.text_end(start));
            start += cluster.len();
            (cluster, glyphs.text.get(first..end).unwrap_or_default())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, ids: &[u32]) -> Glyphs {
        let glyphs = text
            .char_indices()
            .zip(ids)
            .map(|((cluster, _), &id)| ShapedGlyph {
                id,
                advance: 0.5,
                x_offset: 0.0,
                y_offset: 0.0,
                cluster: cluster as u32,
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
    fn each_colour_is_painted_once() {
        let once = Once::default();
        assert!(once.unseen_colour(Rgb(1, 2, 3)));
        assert!(!once.unseen_colour(Rgb(1, 2, 3)));
        assert!(once.unseen_colour(Rgb(3, 2, 1)));
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
