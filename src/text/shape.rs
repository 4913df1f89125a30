//! Shaping with harfrust: text in one face → glyphs with advances in em units.
//!
//! Entry point: [`Shaper::shape`]. Kerning and ligatures come from the font's own tables.

use super::{Face, FontSet};
use harfrust::{Buffer, Direction, Script, ShapeOptions, ShapePlan, ShaperFont};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A glyph as placed by the shaper, in units of the font size (1.0 = one em).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    pub id: u32,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset of the glyph's cluster in the shaped text.
    pub cluster: usize,
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

/// Words remembered at most per face; beyond it the memory is cleared, so a huge report cannot
/// grow it without bound.
const WORD_CACHE_LIMIT: usize = 50_000;

impl<'f> Shaper<'f> {
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
        if let Some(glyphs) = self.words.borrow()[face.index()].get(text) {
            return glyphs.to_vec();
        }
        let glyphs = self.shape_uncached(face, text);
        let mut words = self.words.borrow_mut();
        let known = &mut words[face.index()];
        if known.len() >= WORD_CACHE_LIMIT {
            known.clear();
        }
        known.insert(text.to_string(), glyphs.clone().into());
        glyphs
    }

    fn shape_uncached(&self, face: Face, text: &str) -> Vec<ShapedGlyph> {
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
                cluster: info.cluster as usize,
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
        self.shape(face, text)
            .iter()
            .map(|g| g.advance)
            .sum::<f32>()
            * size
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
}
