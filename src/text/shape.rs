//! Shaping with harfrust: text in one face → glyphs with advances in em units.
//!
//! Entry point: [`Shaper::shape`]. Kerning and ligatures come from the font's own tables.

use super::{Face, FontSet};
use foldhash::HashMap;
use harfrust::{Buffer, Direction, Script, ShapeOptions, ShapePlan, ShaperFont};
use std::cell::RefCell;
use std::rc::Rc;

/// A glyph as placed by the shaper, in units of the font size (1.0 = one em).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    /// The glyph's index in its face's font; 0 when the font has none for the character.
    pub id: u32,
    /// How far the pen moves after it.
    pub advance: f32,
    /// How far it is moved right of the pen's position.
    pub x_offset: f32,
    /// How far it is moved up from the pen's position.
    pub y_offset: f32,
    /// Byte offset of the glyph's cluster in the shaped text: 32 bits, as the shaper's, since
    /// a report holds millions of glyphs and a shaped text is at most a paragraph.
    pub cluster: u32,
    /// The face whose font has this glyph: the one asked for, or its fallback.
    pub face: Face,
}

impl ShapedGlyph {
    /// Byte offset of the glyph's cluster in the shaped text.
    pub fn offset(&self) -> usize {
        self.cluster as usize
    }
}

/// A shaped word, shared by every place it is used.
type Word = Rc<[ShapedGlyph]>;

/// What a shaping plan depends on.
type PlanKey = (Face, Option<Script>, Direction);

/// Shapers for the faces of a [`FontSet`] with their units per em, and the shaping plans
/// made so far. A plan is costly to make and the same for all text of one script and
/// direction, so each is made once.
pub struct Shaper<'f> {
    set: &'f FontSet,
    fonts: Vec<(ShaperFont<'f, 'f>, f32)>,
    plans: RefCell<Vec<(PlanKey, Rc<ShapePlan>)>>,
    /// Words shaped so far, one table per face: a report repeats its words, and shaping
    /// a word again gives the same glyphs. Kept per face so a lookup needs no new string.
    words: RefCell<[HashMap<String, Word>; Face::ALL.len()]>,
    /// One buffer, cleared between uses, instead of one allocation a word.
    buffer: RefCell<Buffer>,
}

/// `primary`'s glyphs, except in each cluster that has a missing glyph, where the glyphs of
/// `fallback` (the same text in another font) for that cluster's bytes are used.
fn merge(primary: Vec<ShapedGlyph>, fallback: &[ShapedGlyph], len: u32) -> Vec<ShapedGlyph> {
    let mut out = Vec::with_capacity(primary.len());
    let mut rest = primary.as_slice();
    while let Some(first) = rest.first() {
        let size = rest
            .iter()
            .take_while(|g| g.cluster == first.cluster)
            .count();
        let (cluster, after) = rest.split_at(size);
        let end = after.first().map_or(len, |g| g.cluster);
        if cluster.iter().any(|g| g.id == 0) {
            let bytes = first.cluster..end;
            out.extend(fallback.iter().filter(|g| bytes.contains(&g.cluster)));
        } else {
            out.extend_from_slice(cluster);
        }
        rest = after;
    }
    out
}

/// Words remembered at most per face; beyond it the memory is cleared, so a huge report cannot
/// grow it without bound.
const WORD_CACHE_LIMIT: usize = 50_000;

impl<'f> Shaper<'f> {
    /// A shaper for the fonts of `set`.
    pub fn new(set: &'f FontSet) -> Shaper<'f> {
        let fonts = Face::ALL
            .iter()
            .map(|&face| {
                let font = set.parsed(face);
                (ShaperFont::new(font), f32::from(font.units_per_em()))
            })
            .collect();
        Shaper {
            set,
            fonts,
            plans: RefCell::new(Vec::new()),
            words: RefCell::new(Default::default()),
            buffer: RefCell::new(Buffer::new()),
        }
    }

    /// Glyphs for `text` in `face`, left to right.
    pub fn shape(&self, face: Face, text: &str) -> Vec<ShapedGlyph> {
        self.with_shaped(face, text, |glyphs| glyphs.to_vec())
    }

    /// Glyphs for `text` in `face`, shared with every other caller asking for the same.
    pub fn shared(&self, face: Face, text: &str) -> Rc<[ShapedGlyph]> {
        self.with_shaped(face, text, Rc::clone)
    }

    /// What `read` makes of the glyphs of `text` in `face`, shaped once and remembered:
    /// a width needs no copy of them.
    fn with_shaped<R>(&self, face: Face, text: &str, read: impl FnOnce(&Word) -> R) -> R {
        if let Some(glyphs) = self.words.borrow()[face.index()].get(text) {
            return read(glyphs);
        }
        let glyphs: Word = self.shape_uncached(face, text).into();
        let mut words = self.words.borrow_mut();
        let known = &mut words[face.index()];
        if known.len() >= WORD_CACHE_LIMIT {
            known.clear();
        }
        known.insert(text.to_string(), Rc::clone(&glyphs));
        read(&glyphs)
    }

    /// The glyphs of `face`, with the clusters its font has no glyph for (glyph 0) taken
    /// from the bundled fallback, so a layout's font that lacks "↑" or "ŋ" still prints them.
    fn shape_uncached(&self, face: Face, text: &str) -> Vec<ShapedGlyph> {
        let glyphs = self.shape_in(face, text);
        let fallback = face.fallback();
        if glyphs.iter().all(|g| g.id != 0) || self.set.slot(face) == self.set.slot(fallback) {
            return glyphs;
        }
        merge(glyphs, &self.shape_in(fallback, text), text.len() as u32)
    }

    fn shape_in(&self, face: Face, text: &str) -> Vec<ShapedGlyph> {
        let (shaper, upem) = &self.fonts[face.index()];
        let mut buffer = self.buffer.borrow_mut();
        buffer.reset();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let plan = self.plan(face, buffer.script(), buffer.direction());
        if harfrust::shape(shaper, &mut buffer, ShapeOptions::new().plan(Some(&plan))).is_err() {
            return Vec::new();
        }
        let infos = buffer.glyph_infos();
        let positions = buffer.glyph_positions();
        infos
            .iter()
            .zip(positions)
            .map(|(info, pos)| ShapedGlyph {
                id: info.glyph_id,
                advance: pos.x_advance as f32 / upem,
                x_offset: pos.x_offset as f32 / upem,
                y_offset: pos.y_offset as f32 / upem,
                cluster: info.cluster,
                face,
            })
            .collect()
    }

    fn plan(&self, face: Face, script: Option<Script>, direction: Direction) -> Rc<ShapePlan> {
        let mut plans = self.plans.borrow_mut();
        let key = (face, script, direction);
        if let Some((_, plan)) = plans.iter().find(|(k, _)| *k == key) {
            return plan.clone();
        }
        let plan = Rc::new(ShapePlan::new(
            self.set.parsed(face),
            direction,
            script,
            None,
            &[],
        ));
        plans.push((key, plan.clone()));
        plan
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        self.with_shaped(face, text, |glyphs| {
            glyphs.iter().map(|g| g.advance).sum::<f32>()
        }) * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_swedish_and_sami_letters_to_real_glyphs() {
        let shaper = Shaper::new(FontSet::bundled());
        let glyphs = shaper.shape(Face::Regular, "åäö ŋŧđ");
        assert_eq!(glyphs.len(), 7);
        assert!(glyphs.iter().all(|g| g.id != 0), "no .notdef glyphs");
        assert!(
            shaper.width(Face::Bold, "Trygghet", 10.0) > shaper.width(Face::Regular, "Trygg", 10.0)
        );
    }

    #[test]
    fn a_missing_glyph_is_shaped_in_the_fallback() {
        let glyph = |cluster: u32, id: u32, face: Face| ShapedGlyph {
            id,
            advance: 0.5,
            x_offset: 0.0,
            y_offset: 0.0,
            cluster,
            face,
        };
        // "a↑b": the arrow (bytes 1..4) is glyph 0 in the primary font.
        let primary = vec![
            glyph(0, 7, Face::Regular),
            glyph(1, 0, Face::Regular),
            glyph(4, 8, Face::Regular),
        ];
        let fallback = [
            glyph(0, 3, Face::FallbackRegular),
            glyph(1, 9, Face::FallbackRegular),
            glyph(4, 4, Face::FallbackRegular),
        ];
        let merged = merge(primary, &fallback, 5);
        let ids: Vec<(u32, Face)> = merged.iter().map(|g| (g.id, g.face)).collect();
        assert_eq!(
            ids,
            [
                (7, Face::Regular),
                (9, Face::FallbackRegular),
                (8, Face::Regular)
            ]
        );
    }
}
