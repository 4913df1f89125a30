//! Line breaking: styled runs → lines that fit a width, measured with the real glyph
//! advances of the shaped text.
//!
//! Entry point: [`linebreak`]. Break opportunities come from the Unicode line-breaking
//! algorithm (UAX #14) and from hyphenation in the document's language. The breaks are
//! chosen first-fit or optimally (total fit, as Knuth and Plass) behind the same entry
//! point; a word longer than the line is cut between glyph clusters as a last resort,
//! so no glyph ever crosses the margin.

mod fit;
mod segment;

use super::frame::Glyphs;
use super::style;
use crate::doc::{Badges, Rgb};
use crate::doc::{Run, Tone};
use crate::text::{Face, Hyphenator, ShapedGlyph, Shaper};
use segment::{Part, Segment};

/// How a paragraph's text looks when no run says otherwise.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size: f32,
    pub color: Rgb,
    pub bold: bool,
    /// Set in the headings' family rather than the body text's.
    pub heading: bool,
    pub link: Rgb,
    pub badges: Badges,
}

impl TextStyle {
    /// The face `run` is set in: a badge's word is bold, a heading in the headings' family.
    fn face_of(&self, run: &Run) -> Face {
        let face = Face::of(self.bold || run.bold || run.badge.is_some(), run.italic);
        if self.heading {
            face.for_headings()
        } else {
            face
        }
    }

    /// The size `run` is set at: a badge's word a little smaller than the text around it.
    fn size_of(&self, run: &Run) -> f32 {
        if run.badge.is_some() {
            self.size * 0.9
        } else {
            self.size
        }
    }

    fn color_of(&self, run: &Run) -> Rgb {
        match (run.badge, &run.link) {
            (Some(tone), _) => self.badges.get(tone).text,
            (None, Some(_)) => self.link,
            (None, None) => self.color,
        }
    }
}

/// How lines are chosen.
#[derive(Debug, Clone, Copy, Default)]
pub struct Breaking {
    /// Total fit over the paragraph rather than first fit line by line.
    pub optimal: bool,
    /// With total fit, the last line is measured as the others are: a heading's lines come
    /// out about as long as each other, and none ends in a word alone.
    pub balanced: bool,
    /// Words may be hyphenated in this language.
    pub hyphenator: Option<Hyphenator>,
    /// Lines other than the last are stretched to the full width.
    pub justify: bool,
}

/// A piece of one run on one line, at `x` from the line's start.
#[derive(Debug, Clone)]
pub struct Piece {
    pub x: f32,
    /// Index of the run in the paragraph.
    pub run: usize,
    pub glyphs: Glyphs,
    pub badge: Option<Tone>,
}

impl Piece {
    /// Width including a badge's padding.
    pub fn width(&self) -> f32 {
        self.glyphs.width() + padding(self.badge)
    }
}

/// The room a piece of text takes besides its glyphs: a badge's padding on both sides.
fn padding(badge: Option<Tone>) -> f32 {
    if badge.is_some() {
        2.0 * style::BADGE_PAD
    } else {
        0.0
    }
}

#[derive(Debug, Clone, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    /// Width of the visible content (trailing spaces excluded).
    pub width: f32,
}

/// Breaks `runs` into lines no wider than `width`.
pub fn linebreak(
    runs: &[Run],
    style: &TextStyle,
    width: f32,
    breaking: &Breaking,
    shaper: &Shaper,
) -> Vec<Line> {
    // The text is cut at every break opportunity; pieces wider than a line are cut further.
    let (text, segments) = segment::segments(runs, style, breaking.hyphenator, width, shaper);
    // Where each line ends.
    let ends = if breaking.optimal {
        fit::optimal(&segments, width, breaking.balanced)
    } else {
        fit::first_fit(&segments, width)
    };
    // The lines, each with a hyphen where it ends inside a word.
    let total = segments.len();
    let mut segments = segments.into_iter();
    let mut start = 0;
    let mut lines = Vec::with_capacity(ends.len());
    let paragraph = Paragraph {
        runs,
        text: &text,
        style,
    };
    for &end in &ends {
        let line_segments: Vec<Segment> = segments.by_ref().take(end - start).collect();
        let last = end == total || line_segments.last().is_some_and(|s| s.mandatory);
        let mut line = paragraph.line(line_segments, shaper);
        if breaking.justify && !last {
            justify(&mut line, width);
        }
        lines.push(line);
        start = end;
    }
    lines.retain(|line| !line.pieces.is_empty());
    lines
}

/// What a line's glyphs are drawn with: the paragraph's runs, text and style.
struct Paragraph<'a> {
    runs: &'a [Run],
    /// The runs' text joined, which each part's range indexes.
    text: &'a str,
    style: &'a TextStyle,
}

impl Paragraph<'_> {
    fn line(&self, segments: Vec<Segment>, shaper: &Shaper) -> Line {
        let mut line = Line::default();
        let mut x = 0.0;
        let (trailing, hyphen) = segments
            .last()
            .map_or((0.0, false), |s| (s.trailing, s.hyphen));
        let parts: Vec<&Part> = segments.iter().flat_map(|s| &s.parts).collect();
        // A run's text on a line is drawn in one piece; a badge's parts each in their own.
        let same_piece = |a: &&Part, b: &&Part| a.run == b.run && self.runs[a.run].badge.is_none();
        for parts in parts.chunk_by(same_piece) {
            line.pieces.push(self.piece(parts, x));
            for part in parts {
                x += part.width;
            }
        }
        line.width = x - trailing;
        if hyphen && let Some(piece) = line.pieces.last() {
            let hyphen = hyphen_piece(piece, x - trailing, shaper);
            line.width += hyphen.width();
            join(&mut line, hyphen);
        }
        line
    }

    /// `parts` of one run, one after the other from `x`, as one piece. It has room for the
    /// hyphen a line may end with.
    fn piece(&self, parts: &[&Part], x: f32) -> Piece {
        let first = parts[0];
        let run = &self.runs[first.run];
        let glyph_count: usize = parts.iter().map(|p| p.glyphs.len()).sum();
        let text_len: usize = parts.iter().map(|p| p.range.len()).sum();
        let mut glyphs = Vec::with_capacity(glyph_count + 1);
        let mut text = String::with_capacity(text_len + SOFT_HYPHEN.len_utf8());
        for part in parts {
            glyphs.extend(moved(&part.glyphs, text.len()));
            text.push_str(&self.text[part.range.clone()]);
        }
        Piece {
            x,
            run: first.run,
            badge: run.badge,
            glyphs: Glyphs {
                face: first.face,
                size: self.style.size_of(run),
                color: self.style.color_of(run),
                glyphs,
                text,
            },
        }
    }
}

/// `glyphs` with their clusters counted from `offset` bytes earlier.
fn moved(glyphs: &[ShapedGlyph], offset: usize) -> impl Iterator<Item = ShapedGlyph> {
    glyphs.iter().map(move |g| ShapedGlyph {
        cluster: g.cluster + offset as u32,
        ..*g
    })
}

/// What a hyphen drawn at a line's end stands for in the text.
const SOFT_HYPHEN: char = '\u{ad}';

/// A visible hyphen after `piece`. Its text is a soft hyphen (U+00AD), as tagged PDF
/// asks: copied text gives back the whole word.
fn hyphen_piece(piece: &Piece, x: f32, shaper: &Shaper) -> Piece {
    let face = piece.glyphs.face;
    let mut glyphs = shaper.shape(face, "-");
    glyphs.iter_mut().for_each(|g| g.cluster = 0);
    Piece {
        x,
        run: piece.run,
        badge: piece.badge,
        glyphs: Glyphs {
            face,
            size: piece.glyphs.size,
            color: piece.glyphs.color,
            glyphs,
            text: SOFT_HYPHEN.to_string(),
        },
    }
}

/// Adds the hyphen `piece` to the end of `line`, in the last piece unless it is a badge.
fn join(line: &mut Line, piece: Piece) {
    if let Some(last) = line.pieces.last_mut()
        && last.badge.is_none()
    {
        let offset = last.glyphs.text.len();
        last.glyphs.text.push_str(&piece.glyphs.text);
        last.glyphs
            .glyphs
            .extend(moved(&piece.glyphs.glyphs, offset));
        return;
    }
    line.pieces.push(piece);
}

/// Stretches the spaces between words so the line fills `width`. Spaces at the end of
/// the line hang in the margin and are not stretched.
fn justify(line: &mut Line, width: f32) {
    let last = line.pieces.len().saturating_sub(1);
    let stretchable = |index: usize, piece: &Piece, glyph: &ShapedGlyph| {
        let text = &piece.glyphs.text;
        let end = if index == last {
            text.trim_end().len()
        } else {
            text.len()
        };
        glyph.offset() < end && text[glyph.offset()..].starts_with(' ')
    };
    let count = line
        .pieces
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.glyphs
                .glyphs
                .iter()
                .filter(|g| stretchable(i, p, g))
                .count()
        })
        .sum::<usize>();
    let extra = width - line.width;
    if count == 0 || extra <= 0.0 {
        return;
    }
    let per_space = extra / count as f32;
    let mut shift = 0.0;
    for (index, piece) in line.pieces.iter_mut().enumerate() {
        piece.x += shift;
        let size = piece.glyphs.size;
        let snapshot = piece.clone();
        for glyph in &mut piece.glyphs.glyphs {
            if stretchable(index, &snapshot, glyph) {
                glyph.advance += per_space / size;
                shift += per_space;
            }
        }
    }
    line.width = width;
}

#[cfg(test)]
mod tests;
