//! A metric's chart as a drawing: lines, points and labels placed in points. The PDF draws
//! the [`Drawing`] with its own vector paths and text, a web page as inline SVG ([`inline`]);
//! the DOCX writes a native chart of the same data in the same colours and marks.
//!
//! Entry points: [`drawing`] and [`inline`]. The chart reads in black and white: the series
//! is a solid line with every value written above its point, the target a dashed line
//! labelled with its value, and the report's quarter a larger filled point with its labels
//! in bold. A quarter without a value breaks the line; a single value is a single point.

mod scale;
mod svg;

use crate::doc::{Chart, ChartTarget, NumberFormat, PT_PER_MM, Rgb, Style};
use scale::Scale;
pub use svg::Described;

/// The drawn height: room for a readable slope without crowding the page.
pub const HEIGHT_MM: f32 = 55.0;
/// Narrower than this, the quarters' labels would run into each other.
const MIN_WIDTH_MM: f32 = 40.0;
/// Average advance of a digit or letter, in ems, to leave room for labels: generous, so a
/// label never runs into its neighbour in any reasonable font.
const CHAR_EM: f32 = 0.55;

/// A chart's marks in a frame of `width` × `height` points, y growing downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// The frame's width, in points.
    pub width: f32,
    /// The frame's height, in points.
    pub height: f32,
    /// The font size of every label.
    pub font_size: f32,
    /// In painting order.
    pub marks: Vec<Mark>,
}

/// One thing drawn in a chart's frame; coordinates are in points from its top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// A line through two or more points: a grid line, the target, the series.
    Path {
        /// The points the line joins, in order.
        points: Vec<(f32, f32)>,
        /// The line's colour.
        colour: Rgb,
        /// The stroke's width, in points.
        width: f32,
        /// Drawn with [`DASH`], as the target line is.
        dashed: bool,
    },
    /// A value's point.
    Dot {
        /// The value's place in the frame.
        centre: (f32, f32),
        /// In points: larger for the report's own quarter.
        radius: f32,
        /// The inside: the line's colour for the report's quarter, else [`PAPER`].
        fill: Rgb,
        /// The outline, [`DOT_STROKE`] wide.
        stroke: Rgb,
    },
    /// A value, a quarter, a tick's value, the unit or the target's label.
    Text(Label),
}

/// A label with its `anchor` point at (`x`, baseline `y`).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The `anchor` point's distance from the frame's left edge, in points.
    pub x: f32,
    /// The baseline's distance from the frame's top edge, in points.
    pub y: f32,
    /// The words written.
    pub text: String,
    /// The text's colour.
    pub colour: Rgb,
    /// Set in bold: the report's own quarter, its value, and the target's label.
    pub bold: bool,
    /// Which point of the text lies at `x`.
    pub anchor: Anchor,
    /// The page colour painted behind it, so a value stays legible where a line crosses it.
    pub backdrop: bool,
}

/// Which point of a label lies at its x coordinate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The text begins at `x`.
    Start,
    /// The text is centred on `x`.
    Middle,
    /// The text ends at `x`.
    End,
}

/// Width of the series' line, in points.
pub const SERIES_WIDTH: f32 = 1.8;
/// Width of a value point's outline, in points.
pub const DOT_STROKE: f32 = 1.3;
/// The dash and gap of the target line.
pub const DASH: [f32; 2] = [5.0, 3.0];
/// The page colour, behind value labels.
pub const PAPER: Rgb = Rgb(255, 255, 255);

/// The chart `width` points wide, in the style's colours and label size.
pub fn drawing(chart: &Chart, width: f32, style: &Style, numbers: &NumberFormat) -> Drawing {
    let mut drawing = Drawing {
        width: width.max(MIN_WIDTH_MM * PT_PER_MM),
        height: HEIGHT_MM * PT_PER_MM,
        font_size: style.sizes.small_pt,
        marks: Vec::new(),
    };
    let plot = Plot::new(chart, &drawing, numbers);
    let fs = drawing.font_size;
    let marks = &mut drawing.marks;
    if let Some(unit) = &chart.unit {
        marks.push(Mark::Text(label(
            0.0,
            fs,
            unit,
            style.colours.muted,
            Anchor::Start,
        )));
    }
    plot.axis(marks, style);
    if let Some(target) = &chart.target {
        let y = plot.y(target.value);
        marks.push(Mark::Path {
            points: vec![(plot.left, y), (plot.right, y)],
            colour: style.colours.text,
            width: 1.1,
            dashed: true,
        });
        let text = target_text(target, numbers);
        let (x, y) = (plot.right + fs * 0.5, y + fs * 0.35);
        let target = label(x, y, &text, style.colours.text, Anchor::Start);
        marks.push(Mark::Text(Label {
            bold: true,
            ..target
        }));
    }
    plot.series(marks, chart, style, numbers);
    drawing
}

/// The chart as an `<svg>` element for a web page, the width of the text column: an image
/// whose name is the chart's name and whose description is its alternative text, with ids
/// starting with `id`.
pub fn inline(chart: &Chart, style: &Style, numbers: &NumberFormat, id: &str) -> String {
    let drawing = drawing(chart, text_width(style), style, numbers);
    let described = Described {
        id,
        title: chart.name.as_deref(),
        desc: &chart.alt,
    };
    svg::inline(&drawing, &style.fonts.body.family, &described)
}

/// The width between the page's margins, in points: what a chart fills.
fn text_width(style: &Style) -> f32 {
    let page = &style.page;
    (page.width_mm - page.margin_left_mm - page.margin_right_mm) * PT_PER_MM
}

/// Where the plot lies inside the frame and how values map onto it.
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    scale: Scale,
    /// Each tick's value as the language writes it.
    tick_labels: Vec<String>,
    /// The horizontal room of one quarter.
    step: f32,
    font_size: f32,
}

impl Plot {
    /// Room at the left for the longest value on the axis, at the right for the target's
    /// label, above for values over the highest point, below for the quarters.
    fn new(chart: &Chart, drawing: &Drawing, numbers: &NumberFormat) -> Plot {
        let fs = drawing.font_size;
        let values = chart.points.iter().filter_map(|p| p.value);
        let targets = chart.target.as_ref().map(|t| t.value);
        let scale = Scale::fit(&values.chain(targets).collect::<Vec<f64>>());
        let tick_labels: Vec<String> = scale.ticks.iter().map(|&t| numbers.number(t)).collect();
        let left = tick_labels
            .iter()
            .map(|label| estimate(label, fs))
            .fold(0.0, f32::max)
            + fs;
        let right = chart
            .target
            .as_ref()
            .map_or(fs, |t| estimate(&target_text(t, numbers), fs) + fs);
        let width = (drawing.width - left - right).max(drawing.width / 2.0);
        Plot {
            left,
            right: left + width,
            top: fs * 2.8,
            bottom: drawing.height - fs * 2.0,
            step: width / chart.points.len().max(1) as f32,
            scale,
            tick_labels,
            font_size: fs,
        }
    }

    fn x(&self, index: usize) -> f32 {
        self.left + self.step * (index as f32 + 0.5)
    }

    fn y(&self, value: f64) -> f32 {
        let position = self.scale.position(value);
        let position = if position.is_finite() {
            position.clamp(0.0, 1.0) as f32
        } else {
            0.5
        };
        self.bottom - position * (self.bottom - self.top)
    }

    /// Grid lines with their values, darker at zero when the values cross it.
    fn axis(&self, marks: &mut Vec<Mark>, style: &Style) {
        let fs = self.font_size;
        for (&tick, text) in self.scale.ticks.iter().zip(&self.tick_labels) {
            let y = self.y(tick);
            let (colour, width) = if tick == 0.0 && self.scale.min < 0.0 {
                (style.colours.muted, 0.9)
            } else {
                (style.colours.rule, 0.4)
            };
            marks.push(Mark::Path {
                points: vec![(self.left, y), (self.right, y)],
                colour,
                width,
                dashed: false,
            });
            let (x, y) = (self.left - fs * 0.5, y + fs * 0.35);
            marks.push(Mark::Text(label(
                x,
                y,
                text,
                style.colours.muted,
                Anchor::End,
            )));
        }
    }

    /// The line through the known values, a point and a value label for each, and the
    /// quarters under them.
    fn series(&self, marks: &mut Vec<Mark>, chart: &Chart, style: &Style, numbers: &NumberFormat) {
        let fs = self.font_size;
        // Consecutive known values are joined; a quarter without a value breaks the line.
        let known: Vec<Option<(f32, f32)>> = chart
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| p.value.map(|v| (self.x(i), self.y(v))))
            .collect();
        for run in known.split(Option::is_none) {
            let points: Vec<(f32, f32)> = run.iter().flatten().copied().collect();
            if points.len() > 1 {
                marks.push(Mark::Path {
                    points,
                    colour: style.colours.heading,
                    width: SERIES_WIDTH,
                    dashed: false,
                });
            }
        }
        for (i, point) in chart.points.iter().enumerate() {
            let x = self.x(i);
            let quarter = Label {
                bold: point.current,
                ..label(
                    x,
                    self.bottom + fs * 1.5,
                    &point.label,
                    style.colours.text,
                    Anchor::Middle,
                )
            };
            if let Some(value) = point.value {
                let y = self.y(value);
                marks.push(Mark::Dot {
                    centre: (x, y),
                    radius: if point.current { 4.2 } else { 2.6 },
                    fill: if point.current {
                        style.colours.heading
                    } else {
                        PAPER
                    },
                    stroke: style.colours.heading,
                });
                let text = numbers.number(value);
                let value = label(x, y - fs * 0.9, &text, style.colours.text, Anchor::Middle);
                marks.push(Mark::Text(Label {
                    bold: point.current,
                    backdrop: true,
                    ..value
                }));
            }
            marks.push(Mark::Text(quarter));
        }
    }
}

/// "Mål 12": the target line's label.
fn target_text(target: &ChartTarget, numbers: &NumberFormat) -> String {
    format!("{} {}", target.label, numbers.number(target.value))
}

fn label(x: f32, y: f32, text: &str, colour: Rgb, anchor: Anchor) -> Label {
    Label {
        x,
        y,
        text: text.to_owned(),
        colour,
        bold: false,
        anchor,
        backdrop: false,
    }
}

/// The estimated width of `text` at size `fs`.
pub fn estimate(text: &str, fs: f32) -> f32 {
    text.chars().count() as f32 * CHAR_EM * fs
}

#[cfg(test)]
mod tests;
