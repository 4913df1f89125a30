//! A metric's chart, drawn once as SVG for every backend: the PDF embeds it as vector
//! graphics, the DOCX as a picture rendered from the same SVG, so both show the same chart.
//!
//! Entry point: [`figure`]. The chart reads in black and white: the series is a solid line
//! with every value written beside its point, the target a dashed line labelled with its
//! value, and the report's quarter a larger filled point with its labels in bold. A quarter
//! without a value breaks the line; a single value is a single point.

mod scale;
mod svg;

use crate::doc::{Chart, Image, ImageFormat, NumberFormat, Rgb, Style};
use scale::Scale;
use std::sync::Arc;
use svg::{Anchor, Canvas, Ink, Weight};

/// The drawn height: room for a readable slope without crowding the page.
pub const HEIGHT_MM: f32 = 55.0;
const PT_PER_MM: f32 = 72.0 / 25.4;
/// Average advance of a digit or letter of the bundled font, in ems, to leave room for labels.
const CHAR_EM: f32 = 0.55;

/// The chart as an SVG picture the width of the text column, with the chart's alternative
/// text.
pub fn figure(chart: &Chart, style: &Style, numbers: &NumberFormat) -> Image {
    let width_mm = style.page_width_mm - style.margin_left_mm - style.margin_right_mm;
    let frame = Frame {
        width: width_mm.max(40.0) * PT_PER_MM,
        height: HEIGHT_MM * PT_PER_MM,
        font_size: style.small_size_pt,
    };
    let svg = draw(chart, &frame, style, numbers);
    Image {
        data: Arc::new(svg.into_bytes()),
        format: ImageFormat::Svg,
        alt: chart.alt.clone(),
        height_mm: HEIGHT_MM,
    }
}

/// The picture's size and its labels' font size, in points.
struct Frame {
    width: f32,
    height: f32,
    font_size: f32,
}

/// Where the plot lies inside the frame and how values map onto it.
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    scale: Scale,
    /// The horizontal room of one quarter.
    step: f32,
}

impl Plot {
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
}

fn draw(chart: &Chart, frame: &Frame, style: &Style, numbers: &NumberFormat) -> String {
    let fs = frame.font_size;
    let values: Vec<f64> = chart.points.iter().filter_map(|p| p.value).collect();
    let drawn: Vec<f64> = values
        .iter()
        .copied()
        .chain(chart.target.as_ref().map(|t| t.value))
        .collect();
    let scale = Scale::fit(&drawn);
    let tick_labels: Vec<String> = scale.ticks.iter().map(|&t| numbers.number(t)).collect();
    let target_label = chart
        .target
        .as_ref()
        .map(|t| format!("{} {}", t.label, numbers.number(t.value)));
    let left = widest(&tick_labels, fs) + fs;
    let right = target_label.as_deref().map_or(fs, |l| width(l, fs) + fs);
    let plot_width = (frame.width - left - right).max(frame.width / 2.0);
    let plot = Plot {
        left,
        right: left + plot_width,
        top: fs * 2.8,
        bottom: frame.height - fs * 2.0,
        step: plot_width / chart.points.len().max(1) as f32,
        scale,
    };
    let mut canvas = Canvas::new(frame.width, frame.height, fs, &style.body_font.family);
    if let Some(unit) = &chart.unit {
        canvas.text(
            0.0,
            fs,
            unit,
            ink(style.muted_colour, Weight::Regular, Anchor::Start),
        );
    }
    axis(&mut canvas, &plot, &tick_labels, style);
    if let (Some(target), Some(label)) = (&chart.target, &target_label) {
        let y = plot.y(target.value);
        canvas.dashed_line(plot.left, y, plot.right, y, style.text_colour);
        let baseline = y + fs * 0.35;
        let ink = ink(style.text_colour, Weight::Bold, Anchor::Start);
        canvas.text(plot.right + fs * 0.5, baseline, label, ink);
    }
    series(&mut canvas, &plot, chart, style, numbers);
    canvas.finish()
}

/// Grid lines with their values, a zero line when the values cross zero, and the quarters.
fn axis(canvas: &mut Canvas, plot: &Plot, tick_labels: &[String], style: &Style) {
    let fs = canvas.font_size();
    for (tick, label) in plot.scale.ticks.iter().zip(tick_labels) {
        let y = plot.y(*tick);
        let (colour, width) = if *tick == 0.0 && plot.scale.min < 0.0 {
            (style.muted_colour, 0.9)
        } else {
            (style.rule_colour, 0.4)
        };
        canvas.line(plot.left, y, plot.right, y, colour, width);
        let ink = ink(style.muted_colour, Weight::Regular, Anchor::End);
        canvas.text(plot.left - fs * 0.5, y + fs * 0.35, label, ink);
    }
}

/// The line through the known values, a point and a value label for each, and the
/// quarters under them.
fn series(canvas: &mut Canvas, plot: &Plot, chart: &Chart, style: &Style, numbers: &NumberFormat) {
    let fs = canvas.font_size();
    let at = |i: usize, v: f64| (plot.x(i), plot.y(v));
    // Consecutive known values are joined; a quarter without a value breaks the line.
    let mut run: Vec<(f32, f32)> = Vec::new();
    for (i, point) in chart.points.iter().enumerate() {
        match point.value {
            Some(v) => run.push(at(i, v)),
            None => canvas.polyline(&std::mem::take(&mut run), style.heading_colour),
        }
    }
    canvas.polyline(&run, style.heading_colour);
    for (i, point) in chart.points.iter().enumerate() {
        let weight = if point.current {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let x = plot.x(i);
        let quarter = ink(style.text_colour, weight, Anchor::Middle);
        canvas.text(x, plot.bottom + fs * 1.5, &point.label, quarter);
        let Some(value) = point.value else { continue };
        let y = plot.y(value);
        canvas.point(x, y, point.current, style.heading_colour);
        let label = Ink {
            halo: true,
            ..quarter
        };
        canvas.text(x, y - fs * 0.9, &numbers.number(value), label);
    }
}

fn ink(colour: Rgb, weight: Weight, anchor: Anchor) -> Ink {
    Ink {
        colour,
        weight,
        anchor,
        halo: false,
    }
}

/// The estimated width of `text` at size `fs`: generous, so labels are never cut off.
fn width(text: &str, fs: f32) -> f32 {
    text.chars().count() as f32 * CHAR_EM * fs
}

fn widest(labels: &[String], fs: f32) -> f32 {
    labels.iter().map(|l| width(l, fs)).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests;
