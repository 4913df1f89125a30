//! What a signed field shows: who signed and when, drawn with the bundled font's glyph
//! outlines, so the appearance needs no font resource at all and the file stays PDF/A.
//!
//! Entry point: [`appearance`], the content stream of a form XObject the size of the field.

use crate::text::Face;
use std::fmt::Write;

/// The largest text size, in points; smaller when the lines would not fit.
const MAX_SIZE: f32 = 9.0;
/// Line pitch, as a multiple of the text size.
const LEADING: f32 = 1.25;
/// Room between the text and the field's edges, in points.
const PADDING: f32 = 2.0;

/// The content stream drawing `lines`, top to bottom, in a field `width` × `height` points.
pub fn appearance(width: f32, height: f32, lines: &[String]) -> Vec<u8> {
    let Ok(face) = ttf_parser::Face::parse(Face::Regular.bundled_data(), 0) else {
        return Vec::new();
    };
    let em = f32::from(face.units_per_em());
    let advance = |line: &str| -> f32 {
        line.chars()
            .filter_map(|c| face.glyph_index(c))
            .map(|g| f32::from(face.glyph_hor_advance(g).unwrap_or(0)))
            .sum::<f32>()
            / em
    };
    let widest = lines
        .iter()
        .map(|l| advance(l))
        .fold(0.0, f32::max)
        .max(0.01);
    let count = lines.len().max(1) as f32;
    let size = MAX_SIZE
        .min((height - 2.0 * PADDING) / (count * LEADING))
        .min((width - 2.0 * PADDING) / widest)
        .max(1.0);
    let scale = size / em;
    let mut out = String::from("q 0.1 0.1 0.1 rg\n");
    for (index, line) in lines.iter().enumerate() {
        let baseline = height - PADDING - size * (LEADING * index as f32 + 1.0);
        let mut x = PADDING;
        for c in line.chars() {
            let Some(glyph) = face.glyph_index(c) else {
                continue;
            };
            let mut pen = Pen {
                out: &mut out,
                x,
                y: baseline,
                scale,
                last: (0.0, 0.0),
            };
            face.outline_glyph(glyph, &mut pen);
            x += f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) * scale;
        }
    }
    out.push_str("f\nQ\n");
    out.into_bytes()
}

/// Glyph outlines as PDF path operators, placed at (`x`, `y`) and scaled to the text size.
struct Pen<'a> {
    out: &'a mut String,
    x: f32,
    y: f32,
    scale: f32,
    /// The current point, in font units, which a quadratic curve starts from.
    last: (f32, f32),
}

impl Pen<'_> {
    fn point(&self, x: f32, y: f32) -> (f32, f32) {
        (self.x + x * self.scale, self.y + y * self.scale)
    }
}

impl ttf_parser::OutlineBuilder for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let (px, py) = self.point(x, y);
        let _ = writeln!(self.out, "{px:.2} {py:.2} m");
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let (px, py) = self.point(x, y);
        let _ = writeln!(self.out, "{px:.2} {py:.2} l");
        self.last = (x, y);
    }

    /// A quadratic curve as the cubic PDF draws: the control points two thirds of the
    /// way from each end to the quadratic's.
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (x0, y0) = self.last;
        let c1 = (x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0));
        let c2 = (x + 2.0 / 3.0 * (x1 - x), y + 2.0 / 3.0 * (y1 - y));
        self.curve_to(c1.0, c1.1, c2.0, c2.1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (a, b) = self.point(x1, y1);
        let (c, d) = self.point(x2, y2);
        let (e, f) = self.point(x, y);
        let _ = writeln!(self.out, "{a:.2} {b:.2} {c:.2} {d:.2} {e:.2} {f:.2} c");
        self.last = (x, y);
    }

    fn close(&mut self) {
        self.out.push_str("h\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lines_are_drawn_as_filled_outlines_inside_the_field() {
        let lines = [
            "Signerat av Karin Berg".to_owned(),
            "2026-12-01 12:47 UTC".to_owned(),
        ];
        let stream = String::from_utf8(appearance(136.0, 34.0, &lines)).expect("ASCII");
        assert!(
            stream.contains(" c\n") && stream.ends_with("f\nQ\n"),
            "{stream}"
        );
        assert!(!stream.contains("Tf"), "no font is used");
        let coordinates: Vec<f32> = stream
            .split_whitespace()
            .filter_map(|word| word.parse().ok())
            .collect();
        assert!(
            coordinates.iter().all(|&v| (-1.0..=137.0).contains(&v)),
            "inside the field"
        );
    }
}
