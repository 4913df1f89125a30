//! The few SVG elements a chart is made of, written as text in points.
//!
//! Entry point: [`Canvas`]. Coordinates are rounded to hundredths of a point, so the same
//! chart is always the same bytes.

use crate::doc::Rgb;
use crate::text::FAMILY;
use crate::xml::escape;
use std::fmt::Write as _;

#[derive(Clone, Copy)]
pub enum Weight {
    Regular,
    Bold,
}

/// How a text is drawn.
#[derive(Clone, Copy)]
pub struct Ink {
    pub colour: Rgb,
    pub weight: Weight,
    pub anchor: Anchor,
    /// Outlined in white, for a label drawn over lines.
    pub halo: bool,
}

/// Which point of the text lies at its x coordinate.
#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

pub struct Canvas {
    out: String,
    font_size: f32,
}

impl Canvas {
    /// A canvas whose text is set in `family`, or the bundled family where that is missing.
    pub fn new(width: f32, height: f32, font_size: f32, family: &str) -> Canvas {
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" font-family="{family}, {FAMILY}" font-size="{fs}">"#,
            w = n(width),
            h = n(height),
            fs = n(font_size),
            family = escape(&format!("'{}'", family.replace('\'', ""))),
        );
        Canvas { out, font_size }
    }

    pub fn font_size(&self) -> f32 {
        self.font_size
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, colour: Rgb, width: f32) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            css(colour),
            n(width)
        );
    }

    pub fn dashed_line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, colour: Rgb) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.1" stroke-dasharray="5 3"/>"#,
            n(x1),
            n(y1),
            n(x2),
            n(y2),
            css(colour)
        );
    }

    /// A line through `points`; nothing for fewer than two.
    pub fn polyline(&mut self, points: &[(f32, f32)], colour: Rgb) {
        if points.len() < 2 {
            return;
        }
        let coordinates: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
            .collect();
        let _ = write!(
            self.out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"/>"#,
            coordinates.join(" "),
            css(colour)
        );
    }

    /// A value's point: hollow, or larger and filled for the report's own quarter.
    pub fn point(&mut self, x: f32, y: f32, current: bool, colour: Rgb) {
        let (radius, fill) = if current {
            (4.2, css(colour))
        } else {
            (2.6, "#ffffff".to_owned())
        };
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{radius}" fill="{fill}" stroke="{}" stroke-width="1.3"/>"#,
            n(x),
            n(y),
            css(colour)
        );
    }

    /// `text` with its `anchor` point at (`x`, `y`), the baseline.
    pub fn text(&mut self, x: f32, y: f32, text: &str, ink: Ink) {
        let weight = match ink.weight {
            Weight::Regular => "",
            Weight::Bold => r#" font-weight="bold""#,
        };
        let anchor = match ink.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        // A white outline keeps a value legible where it crosses a line.
        let halo = if ink.halo {
            r##" stroke="#ffffff" stroke-width="2.4" stroke-linejoin="round" paint-order="stroke""##
        } else {
            ""
        };
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" fill="{}" text-anchor="{anchor}"{weight}{halo}>{}</text>"#,
            n(x),
            n(y),
            css(ink.colour),
            escape(text)
        );
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// A coordinate with two decimals and no trailing zeros.
fn n(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn css(colour: Rgb) -> String {
    format!("#{}", colour.hex())
}
