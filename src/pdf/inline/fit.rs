//! Choosing where lines end, given segments that each fit a line.
//!
//! Both functions return the index one past each line's last segment. [`first_fit`]
//! fills each line as far as it goes; [`optimal`] takes as few lines as that, and among
//! the ways to do so minimises the squared space left at the end of every line but the
//! last (and of the last too when balanced, for a heading) over the whole paragraph (total
//! fit, as Knuth and Plass), so no line is left much shorter than its neighbours, and
//! hyphenates only when that pays. Keeping to first fit's line count keeps the paragraph
//! as tall as a word processor, which fills lines one by one, sets it: the DOCX breaks its
//! pages where the PDF does.

use super::segment::Segment;

/// Cost of ending a line with a hyphen, in squared points: worth about 7 pt of raggedness.
const HYPHEN_PENALTY: f32 = 50.0;

/// The width a line from `segments` takes, its last segment's trailing spaces excluded and
/// a hyphen included if it ends inside a word.
struct Widths {
    /// `prefix[k]` is the width of segments `0..k`.
    prefix: Vec<f32>,
    /// The hyphen each segment needs when a line ends after it.
    hyphen: Vec<f32>,
}

impl Widths {
    fn new(segments: &[Segment]) -> Widths {
        let mut prefix = Vec::with_capacity(segments.len() + 1);
        prefix.push(0.0);
        for segment in segments {
            prefix.push(prefix.last().copied().unwrap_or(0.0) + segment.width());
        }
        let hyphen = segments
            .iter()
            .map(|s| if s.hyphen { s.hyphen_width } else { 0.0 })
            .collect();
        Widths { prefix, hyphen }
    }

    /// Width of the line made of segments `start..end`.
    fn line(&self, segments: &[Segment], start: usize, end: usize) -> f32 {
        self.prefix[end] - self.prefix[start] - segments[end - 1].trailing + self.hyphen[end - 1]
    }
}

pub fn first_fit(segments: &[Segment], width: f32) -> Vec<usize> {
    let widths = Widths::new(segments);
    let mut ends = Vec::new();
    let mut start = 0;
    while start < segments.len() {
        let mut end = start + 1;
        while end < segments.len()
            && !segments[end - 1].mandatory
            && widths.line(segments, start, end + 1) <= width
        {
            end += 1;
        }
        ends.push(end);
        start = end;
    }
    ends
}

pub fn optimal(segments: &[Segment], width: f32, balanced: bool) -> Vec<usize> {
    let n = segments.len();
    let widths = Widths::new(segments);
    // best[j]: the fewest lines setting segments 0..j takes, the least cost of doing so in
    // that many, and where its last line starts.
    let mut best: Vec<(usize, f32, usize)> = vec![(usize::MAX, f32::INFINITY, 0); n + 1];
    best[0] = (0, 0.0, 0);
    for end in 1..=n {
        for start in (0..end).rev() {
            // A line never runs across a hard line break.
            if start < end - 1 && segments[start].mandatory {
                break;
            }
            let line = widths.line(segments, start, end);
            // A single segment always fits: overlong ones were cut beforehand.
            if line > width && start < end - 1 {
                break;
            }
            let lines = best[start].0.saturating_add(1);
            let last = end == n && !balanced;
            let cost = best[start].1 + line_cost(&segments[end - 1], last, width - line);
            if (lines, cost) < (best[end].0, best[end].1) {
                best[end] = (lines, cost, start);
            }
        }
    }
    let mut ends = Vec::new();
    let mut end = n;
    while end > 0 {
        ends.push(end);
        end = best[end].2;
    }
    ends.reverse();
    ends
}

/// The cost of a line ending with segment `end` with `slack` points left over. The last
/// line of a paragraph (`last`), and one ended by a hard break, may be as short as it
/// likes.
fn line_cost(end: &Segment, last: bool, slack: f32) -> f32 {
    if last || end.mandatory {
        return 0.0;
    }
    let hyphen = if end.hyphen { HYPHEN_PENALTY } else { 0.0 };
    slack.max(0.0).powi(2) + hyphen
}
