//! A [`Drawing`] written as SVG, in points: the figure a web page holds inline.
//!
//! Entry point: [`inline`]. Coordinates are rounded to hundredths of a
//! point, so the same chart is always the same bytes.

use super::{Anchor, DASH, DOT_STROKE, Drawing, Label, Mark, PAPER, estimate};
use crate::doc::Rgb;
use crate::text::FAMILY;
use crate::xml::escape;
use std::fmt::Write as _;

/// What a web page's reader is told of a chart in place of seeing it.
#[derive(Debug, Clone, Copy)]
pub struct Described<'a> {
    /// Unique in the page: the title's and the description's ids start with it.
    pub id: &'a str,
    /// The chart's name, when it has one.
    pub title: Option<&'a str>,
    /// The series in words: the chart's alternative text.
    pub desc: &'a str,
}

/// The drawing as an element of a web page, its labels set in `family` (or the bundled
/// family where that is missing): an image (`role="img"`) named by its `<title>` and
/// `<desc>`, so that a screen reader reads the series the drawing shows.
pub fn inline(drawing: &Drawing, family: &str, described: &Described<'_>) -> String {
    let Described { id, title, desc } = *described;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let names: Vec<&str> = title
        .map(|_| title_id.as_str())
        .into_iter()
        .chain([desc_id.as_str()])
        .collect();
    let role = format!(
        r#" role="img" aria-labelledby="{}""#,
        escape(&names.join(" "))
    );
    let mut out = open(drawing, family, &role);
    if let Some(title) = title {
        let _ = write!(
            out,
            r#"<title id="{}">{}</title>"#,
            escape(&title_id),
            escape(title)
        );
    }
    let _ = write!(
        out,
        r#"<desc id="{}">{}</desc>"#,
        escape(&desc_id),
        escape(desc)
    );
    marks(&mut out, drawing);
    out
}

/// The `<svg>` start tag, with `extra` attributes (each with a space before it) at its end.
fn open(drawing: &Drawing, family: &str, extra: &str) -> String {
    let mut out = String::new();
    let family = escape(&format!("'{}', {FAMILY}", family.replace('\'', "")));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" font-family="{family}" font-size="{fs}"{extra}>"#,
        w = n(drawing.width),
        h = n(drawing.height),
        fs = n(drawing.font_size),
    );
    out
}

/// Every mark of the drawing in painting order, and the end tag.
fn marks(out: &mut String, drawing: &Drawing) {
    for mark in &drawing.marks {
        match mark {
            Mark::Path {
                points,
                colour,
                width,
                dashed,
            } => {
                let coordinates: Vec<String> = points
                    .iter()
                    .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
                    .collect();
                let dash = if *dashed {
                    format!(r#" stroke-dasharray="{} {}""#, n(DASH[0]), n(DASH[1]))
                } else {
                    String::new()
                };
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"{dash}/>"#,
                    coordinates.join(" "),
                    css(*colour),
                    n(*width)
                );
            }
            Mark::Dot {
                centre,
                radius,
                fill,
                stroke,
            } => {
                let _ = write!(
                    out,
                    r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"/>"#,
                    n(centre.0),
                    n(centre.1),
                    n(*radius),
                    css(*fill),
                    css(*stroke),
                    n(DOT_STROKE)
                );
            }
            Mark::Text(label) => text(out, label, drawing.font_size),
        }
    }
    out.push_str("</svg>");
}

fn text(out: &mut String, label: &Label, font_size: f32) {
    if label.backdrop {
        let width = estimate(&label.text, font_size) * 0.9;
        let left = match label.anchor {
            Anchor::Start => label.x,
            Anchor::Middle => label.x - width / 2.0,
            Anchor::End => label.x - width,
        };
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
            n(left),
            n(label.y - font_size * 0.8),
            n(width),
            n(font_size),
            css(PAPER)
        );
    }
    let weight = if label.bold {
        r#" font-weight="bold""#
    } else {
        ""
    };
    let anchor = match label.anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" fill="{}" text-anchor="{anchor}"{weight}>{}</text>"#,
        n(label.x),
        n(label.y),
        css(label.colour),
        escape(&label.text)
    );
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
