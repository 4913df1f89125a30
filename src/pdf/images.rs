//! Pictures ready for krilla: raster images decoded once, SVGs parsed once.
//!
//! Entry point: [`Picture::load`]. Layout needs each picture's proportions and export
//! needs the decoded picture; both use the same value.

use crate::doc::{Image, ImageFormat};
use crate::image::{raster, svg};
use std::sync::Arc;

#[derive(Clone)]
pub enum Picture {
    Raster(krilla::image::Image),
    Svg(Arc<usvg::Tree>),
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Picture::Raster(_) => f.write_str("Picture::Raster"),
            Picture::Svg(_) => f.write_str("Picture::Svg"),
        }
    }
}

impl Picture {
    /// Decodes `image`, or says why it cannot be drawn; an SVG's text is set in the fonts
    /// of `options`. No interpolation: PDF/A forbids it.
    ///
    /// krilla decodes a raster picture only when it writes the file, and then reports a
    /// failure without saying which picture; decoding it here first, within the budget,
    /// makes every failure one of this picture, worded for people.
    pub fn load(image: &Image, options: &usvg::Options) -> Result<Picture, String> {
        let data = image.data.clone();
        let decoder = match image.format {
            ImageFormat::Png => krilla::image::Image::from_png,
            ImageFormat::Jpeg => krilla::image::Image::from_jpeg,
            ImageFormat::Svg => {
                return svg::parse(&image.data, options)
                    .map(|tree| Picture::Svg(Arc::new(tree)))
                    .map_err(|why| why.sentence());
            }
        };
        raster::check(image.format, &data).map_err(|why| why.sentence())?;
        decoder(data.into(), false).map(Picture::Raster)
    }

    /// Width divided by height.
    pub fn aspect(&self) -> f32 {
        let (w, h) = match self {
            Picture::Raster(image) => {
                let (w, h) = image.size();
                (w as f32, h as f32)
            }
            Picture::Svg(tree) => (tree.size().width(), tree.size().height()),
        };
        if h > 0.0 { w / h } else { 1.0 }
    }
}
