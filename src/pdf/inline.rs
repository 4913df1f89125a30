//! Line breaking: styled runs → lines that fit a width, measured with the real glyph
//! advances of the shaped text.
//!
//! Entry point: [`linebreak`]. Break opportunities come from the Unicode line-breaking
//! algorithm (UAX #14); lines are filled first-fit. A word longer than the line is cut
//! between glyph clusters as a last resort, so no glyph ever crosses the margin.

use super::frame::Glyphs;
use super::style::{self, Rgb};
use crate::doc::{Run, Tone};
use crate::text::{Face, ShapedGlyph, Shaper};
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// How a paragraph's text looks when no run says otherwise.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size: f32,
    pub color: Rgb,
    pub bold: bool,
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
        self.glyphs.width()
            + if self.badge.is_some() {
                2.0 * style::BADGE_PAD
            } else {
                0.0
            }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    /// Width of the visible content (trailing spaces excluded).
    pub width: f32,
}

/// Breaks `runs` into lines no wider than `width`.
pub fn linebreak(runs: &[Run], style: &TextStyle, width: f32, shaper: &Shaper) -> Vec<Line> {
    let mut filler = Filler {
        width,
        lines: vec![Line::default()],
        x: 0.0,
    };
    for segment in segments(runs, style, shaper) {
        filler.add(segment);
    }
    filler.lines.retain(|line| !line.pieces.is_empty());
    filler.lines
}

/// Text between two break opportunities, split where the run changes.
struct Segment {
    pieces: Vec<Piece>,
    /// Width of the trailing spaces, which may hang past the line's end.
    trailing: f32,
    /// A mandatory break follows (a hard line break in the text).
    mandatory: bool,
}

impl Segment {
    fn width(&self) -> f32 {
        self.pieces.iter().map(Piece::width).sum()
    }
}

struct Filler {
    width: f32,
    lines: Vec<Line>,
    x: f32,
}

impl Filler {
    fn add(&mut self, segment: Segment) {
        let visible = segment.width() - segment.trailing;
        if self.x > 0.0 && self.x + visible > self.width {
            self.new_line();
        }
        if self.x == 0.0 && visible > self.width {
            self.add_cut(segment);
            return;
        }
        self.place(segment.pieces, segment.trailing);
        if segment.mandatory {
            self.new_line();
        }
    }

    fn place(&mut self, pieces: Vec<Piece>, trailing: f32) {
        let line = self
            .lines
            .last_mut()
            .expect("there is always a current line");
        for mut piece in pieces {
            piece.x = self.x;
            self.x += piece.width();
            append(line, piece);
        }
        line.width = self.x - trailing;
    }

    fn new_line(&mut self) {
        self.lines.push(Line::default());
        self.x = 0.0;
    }

    /// Places a segment wider than a whole line, cut between glyph clusters.
    fn add_cut(&mut self, segment: Segment) {
        for piece in segment.pieces {
            let mut rest = Some(piece);
            while let Some(piece) = rest.take() {
                let room = (self.width - self.x).max(0.0);
                let (head, tail) = cut(piece, room, self.x == 0.0);
                if let Some(head) = head {
                    self.place(vec![head], 0.0);
                }
                if tail.is_some() {
                    self.new_line();
                }
                rest = tail;
            }
        }
        if segment.mandatory {
            self.new_line();
        }
    }
}

/// Adds `piece` to `line`, joining it to the previous piece of the same run.
fn append(line: &mut Line, piece: Piece) {
    if let Some(last) = line.pieces.last_mut()
        && last.run == piece.run
        && last.badge.is_none()
    {
        let offset = last.glyphs.text.len();
        last.glyphs.text.push_str(&piece.glyphs.text);
        let moved = piece.glyphs.glyphs.into_iter().map(|g| ShapedGlyph {
            cluster: g.cluster + offset,
            ..g
        });
        last.glyphs.glyphs.extend(moved);
        return;
    }
    line.pieces.push(piece);
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

/// The paragraph's text cut at every break opportunity, shaped run by run.
fn segments(runs: &[Run], style: &TextStyle, shaper: &Shaper) -> Vec<Segment> {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let bounds = run_bounds(runs);
    let mut segments = Vec::new();
    let mut start = 0;
    for (end, opportunity) in linebreaks(&text) {
        // Inside a badge the status word is kept whole.
        if opportunity == BreakOpportunity::Allowed && inside_badge(runs, &bounds, end) {
            continue;
        }
        let mandatory = opportunity == BreakOpportunity::Mandatory && end < text.len();
        segments.push(segment(
            runs,
            &bounds,
            &text,
            start..end,
            mandatory,
            style,
            shaper,
        ));
        start = end;
    }
    segments
}

/// Byte range of each run in the joined text.
fn run_bounds(runs: &[Run]) -> Vec<std::ops::Range<usize>> {
    let mut start = 0;
    runs.iter()
        .map(|run| {
            let range = start..start + run.text.len();
            start = range.end;
            range
        })
        .collect()
}

fn inside_badge(runs: &[Run], bounds: &[std::ops::Range<usize>], at: usize) -> bool {
    bounds
        .iter()
        .zip(runs)
        .any(|(range, run)| run.badge.is_some() && range.start < at && at < range.end)
}

fn segment(
    runs: &[Run],
    bounds: &[std::ops::Range<usize>],
    text: &str,
    range: std::ops::Range<usize>,
    mandatory: bool,
    style: &TextStyle,
    shaper: &Shaper,
) -> Segment {
    let mut pieces = Vec::new();
    for (index, (run, bound)) in runs.iter().zip(bounds).enumerate() {
        let (from, to) = (range.start.max(bound.start), range.end.min(bound.end));
        if from >= to {
            continue;
        }
        // Line feeds end a line; they are not drawn.
        let piece_text = text[from..to].trim_end_matches(['\n', '\r']);
        if piece_text.is_empty() {
            continue;
        }
        pieces.push(shape_piece(run, index, piece_text, style, shaper));
    }
    let trailing_text = &text[range.clone()];
    let spaces = trailing_text.trim_end_matches(['\n', '\r']);
    let trailing_spaces = &spaces[spaces.trim_end().len()..];
    let trailing = match pieces.last() {
        Some(last) => shaper.width(last.glyphs.face, trailing_spaces, last.glyphs.size),
        None => 0.0,
    };
    Segment {
        pieces,
        trailing,
        mandatory,
    }
}

fn shape_piece(run: &Run, index: usize, text: &str, style: &TextStyle, shaper: &Shaper) -> Piece {
    let face = Face::of(style.bold || run.bold || run.badge.is_some(), run.italic);
    let color = match (run.badge, &run.link) {
        (Some(tone), _) => style::badge(tone).1,
        (None, Some(_)) => style::LINK,
        (None, None) => style.color,
    };
    let size = if run.badge.is_some() {
        style.size * 0.9
    } else {
        style.size
    };
    Piece {
        x: 0.0,
        run: index,
        badge: run.badge,
        glyphs: Glyphs {
            face,
            size,
            color,
            glyphs: shaper.shape(face, text),
            text: text.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<Run> {
        vec![Run {
            text: text.to_string(),
            ..Run::default()
        }]
    }

    const STYLE: TextStyle = TextStyle {
        size: 10.0,
        color: style::TEXT,
        bold: false,
    };

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.glyphs.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn fills_lines_first_fit_within_the_width() {
        let shaper = Shaper::new();
        let text = "Polis och kommun arbetar i tät dialog för att skapa trygghet på platser som upplevs som otrygga.";
        let lines = linebreak(&plain(text), &STYLE, 150.0, &shaper);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 150.0));
        assert_eq!(
            texts(&lines).concat(),
            text,
            "every character is kept, spaces included"
        );
    }

    #[test]
    fn cuts_a_word_longer_than_the_line() {
        let shaper = Shaper::new();
        let word = "https://www.jonkoping.se/trygghet/medborgarloftet/uppfoljning/2023";
        let lines = linebreak(&plain(word), &STYLE, 60.0, &shaper);
        assert!(lines.len() > 1);
        assert!(
            lines.iter().all(|l| l.width <= 60.0 + 0.01),
            "{:?}",
            lines.iter().map(|l| l.width).collect::<Vec<_>>()
        );
        assert_eq!(texts(&lines).concat(), word);
    }

    #[test]
    fn hard_breaks_start_a_new_line_and_are_not_drawn() {
        let shaper = Shaper::new();
        let lines = linebreak(&plain("Rad ett\nRad två"), &STYLE, 400.0, &shaper);
        assert_eq!(texts(&lines), ["Rad ett", "Rad två"]);
    }

    #[test]
    fn keeps_a_badge_whole() {
        let shaper = Shaper::new();
        let runs = vec![
            Run {
                text: "Status: ".into(),
                ..Run::default()
            },
            Run {
                text: "På rätt väg".into(),
                badge: Some(Tone::Good),
                ..Run::default()
            },
        ];
        let lines = linebreak(&runs, &STYLE, 60.0, &shaper);
        assert_eq!(texts(&lines), ["Status: ", "På rätt väg"]);
    }
}
