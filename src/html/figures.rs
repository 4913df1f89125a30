//! Logos and charts, inside the page itself so that it needs no other file.
//!
//! Entry points: [`logos`] and [`chart`]. A logo is an `<img>` with its alternative text
//! and its bytes as a `data:` URI: an SVG logo shown that way is a picture and can run no
//! script. A chart is inline SVG drawn by [`crate::chart`], an image named by the chart's
//! name and described by its alternative text, the same words the PDF's figure has.

use super::markup::Markup;
use crate::doc::{Chart, Image, ImageFormat, Meta};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// CSS pixels in a millimetre.
const PX_PER_MM: f32 = 96.0 / 25.4;

/// A row of logos, each as high as the layout draws it.
pub(super) fn logos(out: &mut Markup, images: &[Image]) {
    if images.is_empty() {
        return;
    }
    out.open("div", &[("class", "logos")]).line();
    for image in images {
        let height = format!("{}", (image.height_mm * PX_PER_MM).round());
        out.open(
            "img",
            &[
                ("src", &data_uri(image)),
                ("alt", &image.alt),
                ("height", &height),
            ],
        )
        .line();
    }
    out.end("div");
}

/// `data:image/png;base64,…`: the picture's own bytes, as they are.
fn data_uri(image: &Image) -> String {
    let mime = match image.format {
        ImageFormat::Png => "image/png",
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Svg => "image/svg+xml",
    };
    format!(
        "data:{mime};base64,{}",
        STANDARD.encode(image.data.as_slice())
    )
}

/// The chart as inline SVG in a `div`, its ids made from `id`; `keep` when it stays on the
/// printed page of what follows (its trend table).
pub(super) fn chart(out: &mut Markup, chart: &Chart, meta: &Meta, id: &str, keep: bool) {
    let svg = crate::chart::inline(chart, &meta.style, &meta.numbers, id);
    let class = if keep { "chart keep" } else { "chart" };
    out.open("div", &[("class", class)])
        .trusted(&svg)
        .end("div");
}
