//! The text between two break opportunities, shaped run by run.
//!
//! Entry point: [`segments`]. Opportunities are those of UAX #14 plus hyphenation points
//! inside words; a segment wider than a whole line is cut between glyph clusters.

use super::{Piece, TextStyle};
use crate::doc::{Run, hyphenation};
use crate::pdf::frame::Glyphs;
use crate::text::{Face, Hyphenator, ShapedGlyph, Shaper};
use std::ops::Range;
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Text that is never broken inside.
#[derive(Debug, Clone)]
pub struct Segment {
    pub pieces: Vec<Piece>,
    /// Width of the trailing spaces, which may hang past the line's end.
    pub trailing: f32,
    /// A line must end after this segment (a hard line break in the text).
    pub mandatory: bool,
    /// Ending a line here splits a word: a hyphen is drawn.
    pub hyphen: bool,
    /// The width of that hyphen.
    pub hyphen_width: f32,
}

impl Segment {
    pub fn width(&self) -> f32 {
        self.pieces.iter().map(Piece::width).sum()
    }
}

/// The paragraph's text as segments no wider than `width`.
pub fn segments(
    runs: &[Run],
    style: &TextStyle,
    hyphenator: Option<Hyphenator>,
    width: f32,
    shaper: &Shaper,
) -> Vec<Segment> {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let bounds = run_bounds(runs);
    let hyphenation = hyphenator.map_or_else(Vec::new, |h| hyphenation::points(runs, h));
    // Points come in order, as the words do.
    let mut hyphenation = hyphenation.into_iter().peekable();
    let mut segments = Vec::new();
    let mut start = 0;
    for (end, opportunity) in linebreaks(&text) {
        // Inside a badge the status word is kept whole.
        if opportunity == BreakOpportunity::Allowed && inside_badge(runs, &bounds, end) {
            continue;
        }
        let mandatory = opportunity == BreakOpportunity::Mandatory && end < text.len();
        let mut points = Vec::new();
        while let Some(point) = hyphenation.next_if(|&point| point < end) {
            if start < point {
                points.push(point);
            }
        }
        let cuts: Vec<usize> = std::iter::once(start).chain(points).chain([end]).collect();
        for pair in cuts.windows(2) {
            let last = pair[1] == end;
            let context = Context {
                runs,
                bounds: &bounds,
                text: &text,
                style,
                shaper,
            };
            let segment = context.segment(pair[0]..pair[1], last && mandatory, !last);
            segments.extend(split_overlong(segment, width));
        }
        start = end;
    }
    segments
}

/// Byte range of each run in the joined text.
fn run_bounds(runs: &[Run]) -> Vec<Range<usize>> {
    let mut start = 0;
    runs.iter()
        .map(|run| {
            let range = start..start + run.text.len();
            start = range.end;
            range
        })
        .collect()
}

fn inside_badge(runs: &[Run], bounds: &[Range<usize>], at: usize) -> bool {
    bounds
        .iter()
        .zip(runs)
        .any(|(range, run)| run.badge.is_some() && range.start < at && at < range.end)
}

/// What shaping a segment needs to know about the paragraph.
struct Context<'a, 'f> {
    runs: &'a [Run],
    bounds: &'a [Range<usize>],
    text: &'a str,
    style: &'a TextStyle,
    shaper: &'a Shaper<'f>,
}

impl Context<'_, '_> {
    fn segment(&self, range: Range<usize>, mandatory: bool, hyphen: bool) -> Segment {
        let mut pieces = Vec::new();
        for (index, (run, bound)) in self.runs.iter().zip(self.bounds).enumerate() {
            let (from, to) = (range.start.max(bound.start), range.end.min(bound.end));
            if from >= to {
                continue;
            }
            // Line feeds end a line; they are not drawn.
            let text = self.text[from..to].trim_end_matches(['\n', '\r']);
            if !text.is_empty() {
                pieces.push(self.piece(run, index, text));
            }
        }
        let spaces = self.text[range].trim_end_matches(['\n', '\r']);
        let trailing_spaces = &spaces[spaces.trim_end().len()..];
        let width_of = |text: &str| match pieces.last() {
            Some(last) => self.shaper.width(last.glyphs.face, text, last.glyphs.size),
            None => 0.0,
        };
        let trailing = width_of(trailing_spaces);
        let hyphen_width = if hyphen { width_of("-") } else { 0.0 };
        Segment {
            pieces,
            trailing,
            mandatory,
            hyphen,
            hyphen_width,
        }
    }

    fn piece(&self, run: &Run, index: usize, text: &str) -> Piece {
        let face = Face::of(
            self.style.bold || run.bold || run.badge.is_some(),
            run.italic,
        );
        let face = if self.style.heading {
            face.for_headings()
        } else {
            face
        };
        let color = match (run.badge, &run.link) {
            (Some(tone), _) => self.style.badges.get(tone).text,
            (None, Some(_)) => self.style.link,
            (None, None) => self.style.color,
        };
        let size = if run.badge.is_some() {
            self.style.size * 0.9
        } else {
            self.style.size
        };
        let glyphs = Glyphs {
            face,
            size,
            color,
            glyphs: self.shaper.shape(face, text),
            text: text.to_string(),
        };
        Piece {
            x: 0.0,
            run: index,
            badge: run.badge,
            glyphs,
        }
    }
}

/// A segment wider than a line, cut between glyph clusters into segments that fit.
fn split_overlong(segment: Segment, width: f32) -> Vec<Segment> {
    if segment.width() - segment.trailing <= width {
        return vec![segment];
    }
    let mut parts: Vec<Segment> = Vec::new();
    let mut current = Vec::new();
    let mut used = 0.0;
    for piece in segment.pieces {
        let mut rest = Some(piece);
        while let Some(piece) = rest.take() {
            let (head, tail) = cut(piece, width - used, current.is_empty());
            if let Some(head) = head {
                used += head.width();
                current.push(head);
            }
            if let Some(tail) = tail {
                parts.push(Segment {
                    pieces: std::mem::take(&mut current),
                    trailing: 0.0,
                    mandatory: false,
                    hyphen: false,
                    hyphen_width: 0.0,
                });
                used = 0.0;
                rest = Some(tail);
            }
        }
    }
    parts.push(Segment {
        pieces: current,
        ..segment
    });
    parts
}

/// Splits `piece` so the head fits `room`; a line start always takes at least one cluster.
fn cut(piece: Piece, room: f32, at_line_start: bool) -> (Option<Piece>, Option<Piece>) {
    let size = piece.glyphs.size;
    let mut used = 0.0;
    let mut split = piece.glyphs.glyphs.len();
    for (i, glyph) in piece.glyphs.glyphs.iter().enumerate() {
        let starts_cluster = i == 0 || glyph.cluster != piece.glyphs.glyphs[i - 1].cluster;
        if starts_cluster && used + glyph.advance * size > room && (i > 0 || !at_line_start) {
            split = i;
            break;
        }
        used += glyph.advance * size;
    }
    if split == piece.glyphs.glyphs.len() {
        return (Some(piece), None);
    }
    let byte = piece.glyphs.glyphs[split].cluster;
    let (head, tail) = split_piece(piece, split, byte);
    (head, Some(tail))
}

fn split_piece(piece: Piece, glyph: usize, byte: usize) -> (Option<Piece>, Piece) {
    let Piece {
        run, glyphs, badge, ..
    } = piece;
    let (head_glyphs, tail_glyphs) = glyphs.glyphs.split_at(glyph);
    let make = |text: &str, list: &[ShapedGlyph], shift: usize| Piece {
        x: 0.0,
        run,
        badge,
        glyphs: Glyphs {
            text: text.to_string(),
            glyphs: list
                .iter()
                .map(|g| ShapedGlyph {
                    cluster: g.cluster - shift,
                    ..*g
                })
                .collect(),
            ..glyphs.clone()
        },
    };
    let head = (!head_glyphs.is_empty()).then(|| make(&glyphs.text[..byte], head_glyphs, 0));
    (head, make(&glyphs.text[byte..], tail_glyphs, byte))
}
