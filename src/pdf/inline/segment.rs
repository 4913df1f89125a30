//! The text between two break opportunities, shaped run by run.
//!
//! Entry point: [`segments`]. Opportunities are those of UAX #14 plus hyphenation points
//! inside words; a segment wider than a whole line is cut between glyph clusters.

use super::{TextStyle, padding};
use crate::doc::Run;
use crate::doc::hyphenation::{self, Badges};
use crate::text::{Face, Hyphenator, ShapedGlyph, Shaper};
use std::ops::Range;
use std::rc::Rc;
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Text that is never broken inside.
#[derive(Debug, Clone)]
pub struct Segment {
    pub parts: Vec<Part>,
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
        self.parts.iter().map(|p| p.width).sum()
    }
}

/// The text of one run in a segment, shaped: the glyphs are shared with every other place
/// the same text is set in the same face, and copied only into the line that draws them.
#[derive(Debug, Clone)]
pub struct Part {
    /// Index of the run in the paragraph.
    pub run: usize,
    pub face: Face,
    /// Clusters count from the start of `range`.
    pub glyphs: Rc<[ShapedGlyph]>,
    /// Where the text is in the paragraph's joined text.
    pub range: Range<usize>,
    /// Width including a badge's padding.
    pub width: f32,
}

/// The paragraph's text joined, and as segments no wider than `width`.
pub fn segments(
    runs: &[Run],
    style: &TextStyle,
    hyphenator: Option<Hyphenator>,
    width: f32,
    shaper: &Shaper,
) -> (String, Vec<Segment>) {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let bounds = run_bounds(runs);
    let badges = Badges::of(runs);
    let words = hyphenator.map(|h| hyphenation::Words::new(&text, &badges, h));
    // The hyphenation points since the segment's start, word by word.
    let mut points = Vec::new();
    let mut word_start = 0;
    let mut segments = Vec::new();
    let mut start = 0;
    let context = Context {
        runs,
        bounds: &bounds,
        text: &text,
        style,
        shaper,
    };
    for (end, opportunity) in linebreaks(&text) {
        if let Some(words) = &words {
            points.extend(words.points(word_start..end));
        }
        word_start = end;
        // Inside a badge the status word is kept whole.
        if opportunity == BreakOpportunity::Allowed && badges.hold(end) {
            continue;
        }
        let mandatory = opportunity == BreakOpportunity::Mandatory && end < text.len();
        // The word's pieces, from each cut to the next: a hyphenation point inside it, or
        // its end.
        let from = start;
        let inside = points.drain(..).filter(|&point| from < point);
        for cut in inside.chain([end]) {
            let last = cut == end;
            let segment = context.segment(start..cut, last && mandatory, !last);
            split_overlong(segment, width, &context, &mut segments);
            start = cut;
        }
    }
    (text, segments)
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

/// What shaping a segment needs to know about the paragraph.
struct Context<'a, 'f> {
    runs: &'a [Run],
    bounds: &'a [Range<usize>],
    text: &'a str,
    style: &'a TextStyle,
    shaper: &'a Shaper<'f>,
}

impl Context<'_, '_> {
    /// The runs that overlap `range`, with their indices and byte ranges.
    fn runs_over(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &Run, &Range<usize>)> {
        let first = self
            .bounds
            .partition_point(|bound| bound.end <= range.start);
        (first..)
            .zip(self.runs[first..].iter().zip(&self.bounds[first..]))
            .map(|(index, (run, bound))| (index, run, bound))
            .take_while(move |(_, _, bound)| bound.start < range.end)
    }

    fn segment(&self, range: Range<usize>, mandatory: bool, hyphen: bool) -> Segment {
        let mut parts = Vec::new();
        for (index, run, bound) in self.runs_over(range.clone()) {
            let (from, to) = (range.start.max(bound.start), range.end.min(bound.end));
            if from >= to {
                continue;
            }
            // Line feeds end a line; they are not drawn.
            let text = self.text[from..to].trim_end_matches(['\n', '\r']);
            if !text.is_empty() {
                parts.push(self.part(run, index, from..from + text.len()));
            }
        }
        let spaces = self.text[range].trim_end_matches(['\n', '\r']);
        let trailing_spaces = &spaces[spaces.trim_end().len()..];
        // Most segments end inside a word, with no spaces to measure.
        let width_of = |text: &str| match parts.last() {
            _ if text.is_empty() => 0.0,
            Some(last) => {
                let size = self.style.size_of(&self.runs[last.run]);
                self.shaper.width(last.face, text, size)
            }
            None => 0.0,
        };
        let trailing = width_of(trailing_spaces);
        let hyphen_width = if hyphen { width_of("-") } else { 0.0 };
        Segment {
            parts,
            trailing,
            mandatory,
            hyphen,
            hyphen_width,
        }
    }

    fn part(&self, run: &Run, index: usize, range: Range<usize>) -> Part {
        let face = self.style.face_of(run);
        let glyphs = self.shaper.shared(face, &self.text[range.clone()]);
        let width = part_width(&glyphs, self.style.size_of(run), run);
        Part {
            run: index,
            face,
            glyphs,
            range,
            width,
        }
    }
}

/// The width `glyphs` of `run` take at `size`, with a badge's padding.
fn part_width(glyphs: &[ShapedGlyph], size: f32, run: &Run) -> f32 {
    glyphs.iter().map(|g| g.advance).sum::<f32>() * size + padding(run.badge)
}

/// Pushes `segment` onto `segments`; one wider than a line cut between glyph clusters
/// into segments that fit.
fn split_overlong(segment: Segment, width: f32, context: &Context, segments: &mut Vec<Segment>) {
    if segment.width() - segment.trailing <= width {
        segments.push(segment);
        return;
    }
    let mut current = Vec::new();
    let mut used = 0.0;
    for part in segment.parts {
        let mut rest = Some(part);
        while let Some(part) = rest.take() {
            let (head, tail) = context.cut(part, width - used, current.is_empty());
            if let Some(head) = head {
                used += head.width;
                current.push(head);
            }
            if let Some(tail) = tail {
                segments.push(Segment {
                    parts: std::mem::take(&mut current),
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
    segments.push(Segment {
        parts: current,
        ..segment
    });
}

impl Context<'_, '_> {
    /// Splits `part` so the head fits `room`; a line start always takes at least one cluster.
    fn cut(&self, part: Part, room: f32, at_line_start: bool) -> (Option<Part>, Option<Part>) {
        let run = &self.runs[part.run];
        let size = self.style.size_of(run);
        let mut used = 0.0;
        let mut split = part.glyphs.len();
        for (i, glyph) in part.glyphs.iter().enumerate() {
            let starts_cluster = i == 0 || glyph.cluster != part.glyphs[i - 1].cluster;
            if starts_cluster && used + glyph.advance * size > room && (i > 0 || !at_line_start) {
                split = i;
                break;
            }
            used += glyph.advance * size;
        }
        if split == part.glyphs.len() {
            return (Some(part), None);
        }
        let byte = part.glyphs[split].offset();
        let (head, tail) = part.glyphs.split_at(split);
        let make = |glyphs: &[ShapedGlyph], range: Range<usize>, shift: usize| {
            let glyphs: Rc<[ShapedGlyph]> = glyphs
                .iter()
                .map(|g| ShapedGlyph {
                    cluster: g.cluster - shift as u32,
                    ..*g
                })
                .collect();
            Part {
                run: part.run,
                face: part.face,
                width: part_width(&glyphs, size, run),
                glyphs,
                range,
            }
        };
        let middle = part.range.start + byte;
        let head = (!head.is_empty()).then(|| make(head, part.range.start..middle, 0));
        (head, Some(make(tail, middle..part.range.end, byte)))
    }
}
