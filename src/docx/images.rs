//! Logos as inline pictures: decoded, sized by height, and always PNG.
//!
//! Entry point: [`picture`]. docx-rs stores every picture as PNG, so JPEG is re-encoded and
//! SVG is rasterised (Word shows SVG only with a PNG fallback). Bytes that do not decode give
//! an error naming the logo rather than a broken picture in Word.

use super::DocxError;
use crate::doc::{Image, ImageFormat};
use crate::image::{raster, svg};
use docx_rs::Pic;
use resvg::{tiny_skia, usvg};

/// DrawingML's unit: 36 000 EMU to the millimetre.
const EMU_PER_MM: f64 = 36_000.0;
/// SVG logos are rasterised at print resolution for their drawn height.
const SVG_DPI: f64 = 300.0;
const MM_PER_INCH: f64 = 25.4;
/// No logo is drawn larger than the page; this bounds a rasterised SVG's size too.
const MAX_MM: f64 = 297.0;

/// A PNG with its size in pixels.
struct Raster {
    png: Vec<u8>,
    width: u32,
    height: u32,
}

/// The picture for `image`, `index` numbering it in the document (for a stable relationship id).
/// An SVG's text is set in the fonts of `options`.
pub(super) fn picture(
    image: &Image,
    index: usize,
    options: &usvg::Options,
) -> Result<Pic, DocxError> {
    let fail = |reason: String| DocxError::Image {
        alt: image.alt.clone(),
        reason,
    };
    let height_mm = f64::from(image.height_mm);
    if !(height_mm > 0.0 && height_mm <= MAX_MM) {
        return Err(fail(format!(
            "height {height_mm} mm is not between 0 and {MAX_MM} mm"
        )));
    }
    let raster = match image.format {
        ImageFormat::Png => png(&image.data),
        ImageFormat::Jpeg => jpeg(&image.data),
        ImageFormat::Svg => svg(&image.data, height_mm, options),
    }
    .map_err(fail)?;
    if raster.width == 0 || raster.height == 0 {
        return Err(fail("the image is empty".to_owned()));
    }
    let height = height_mm * EMU_PER_MM;
    let width =
        (height * f64::from(raster.width) / f64::from(raster.height)).min(MAX_MM * EMU_PER_MM);
    Ok(
        Pic::new_with_dimensions(raster.png, raster.width, raster.height)
            .id(format!("rIdImage{index}"))
            .size(width.round() as u32, height.round() as u32),
    )
}

/// Decodes the whole PNG to be sure Word can show it, and keeps the original bytes.
fn png(data: &[u8]) -> Result<Raster, String> {
    let decoded = raster::decode(ImageFormat::Png, data).map_err(|why| why.sentence())?;
    Ok(Raster {
        png: data.to_vec(),
        width: decoded.width(),
        height: decoded.height(),
    })
}

fn jpeg(data: &[u8]) -> Result<Raster, String> {
    let decoded = raster::decode(ImageFormat::Jpeg, data).map_err(|why| why.sentence())?;
    let mut png = std::io::Cursor::new(Vec::new());
    decoded
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(Raster {
        png: png.into_inner(),
        width: decoded.width(),
        height: decoded.height(),
    })
}

/// Renders the SVG at [`SVG_DPI`] for a drawn height of `height_mm`.
fn svg(data: &[u8], height_mm: f64, options: &usvg::Options) -> Result<Raster, String> {
    let tree = svg::parse(data, options).map_err(|why| why.sentence())?;
    let size = tree.size();
    let pixels_high = (height_mm / MM_PER_INCH * SVG_DPI).ceil();
    let scale = pixels_high / f64::from(size.height());
    let pixels_wide = (f64::from(size.width()) * scale)
        .ceil()
        .min(MAX_MM / MM_PER_INCH * SVG_DPI);
    let mut pixmap = tiny_skia::Pixmap::new(pixels_wide as u32, pixels_high as u32)
        .ok_or_else(|| format!("cannot draw it at {pixels_wide}×{pixels_high} pixels"))?;
    let transform = tiny_skia::Transform::from_scale(scale as f32, scale as f32);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let png = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok(Raster {
        png,
        width: pixmap.width(),
        height: pixmap.height(),
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::sync::Arc;

    /// A `width`×`height` opaque PNG, made here so tests need no files.
    pub(crate) fn tiny_png(width: u32, height: u32) -> Vec<u8> {
        let pixels = image::RgbImage::from_pixel(width, height, image::Rgb([30, 60, 120]));
        let mut png = std::io::Cursor::new(Vec::new());
        pixels
            .write_to(&mut png, image::ImageFormat::Png)
            .expect("encoding a PNG in memory");
        png.into_inner()
    }

    fn options() -> Arc<usvg::Options<'static>> {
        crate::image::svg_options()
    }

    fn logo(data: Vec<u8>, format: ImageFormat) -> Image {
        Image {
            data: Arc::new(data),
            format,
            alt: "Kommunens logotyp".to_owned(),
            height_mm: 20.0,
        }
    }

    #[test]
    fn width_follows_the_pixel_proportions() {
        let pic =
            picture(&logo(tiny_png(40, 20), ImageFormat::Png), 1, &options()).expect("valid PNG");
        assert_eq!(pic.size, (1_440_000, 720_000));
        assert_eq!(pic.id, "rIdImage1");
    }

    #[test]
    fn svg_is_rasterised_at_print_resolution() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="navy"/></svg>"#;
        let pic = picture(&logo(svg.to_vec(), ImageFormat::Svg), 2, &options()).expect("valid SVG");
        assert!(pic.image.starts_with(b"\x89PNG"));
        assert_eq!(pic.size, (1_440_000, 720_000));
    }

    #[test]
    fn undecodable_bytes_name_the_logo() {
        let error = picture(
            &logo(b"\x89PNG\r\n\x1a\nbroken".to_vec(), ImageFormat::Png),
            1,
            &options(),
        )
        .unwrap_err();
        assert!(error.to_string().contains("Kommunens logotyp"), "{error}");
        assert!(
            picture(
                &logo(vec![0xff, 0xd8, 0xff], ImageFormat::Jpeg),
                1,
                &options()
            )
            .is_err()
        );
        assert!(picture(&logo(b"<svg".to_vec(), ImageFormat::Svg), 1, &options()).is_err());
    }
}
