//! Pictures and charts as inline drawings: logos decoded, sized by height, and stored as
//! PNG; charts as chart parts.
//!
//! Entry point: [`Drawings`], which hands out the drawings' ids and collects the picture
//! files. JPEG is re-encoded and SVG is rasterised (Word shows SVG only with a PNG
//! fallback). Bytes that do not decode give an error naming the logo rather than a broken
//! picture in Word.

use super::DocxError;
use super::package::{Relation, Relationships};
use super::xml::Xml;
use crate::doc::{Image, ImageFormat};
use crate::image::{raster, svg};
use resvg::{tiny_skia, usvg};

/// DrawingML's unit: 36 000 EMU to the millimetre.
pub(super) const EMU_PER_MM: f64 = 36_000.0;
/// SVG logos are rasterised at print resolution for their drawn height.
const SVG_DPI: f64 = 300.0;
const MM_PER_INCH: f64 = 25.4;
/// No logo is drawn larger than the page; this bounds a rasterised SVG's size too.
const MAX_MM: f64 = 297.0;

/// A paragraph of pictures ends in a mark of 1 pt type (in half-points), so that its line is
/// as tall as the pictures, as in the PDF: a mark of body text would add its descent below.
pub(super) const PICTURE_TYPE_SIZE: u32 = 2;

const PICTURE_URI: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
const CHART_URI: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/// A PNG with its size in pixels.
struct Raster {
    png: Vec<u8>,
    width: u32,
    height: u32,
}

/// The drawings of one document: ids unique across its parts, and the picture files.
#[derive(Debug, Default)]
pub(super) struct Drawings {
    next_id: usize,
    /// `word/media/…` parts, in the order drawn.
    pub(super) files: Vec<(String, Vec<u8>)>,
}

impl Drawings {
    /// Writes `image` as an inline picture, its file related from `relationships`. An
    /// SVG's text is set in the fonts of `options`.
    pub(super) fn picture(
        &mut self,
        xml: &mut Xml,
        image: &Image,
        relationships: &mut Relationships,
        options: &usvg::Options,
    ) -> Result<(), DocxError> {
        let (raster, size) = rasterise(image, options)?;
        let name = format!("media/image{}.png", self.files.len() + 1);
        let id = relationships.add(Relation::Image, &name);
        self.files.push((format!("word/{name}"), raster.png));
        let number = self.next();
        inline(xml, number, size, &image.alt, PICTURE_URI, |xml| {
            let name = format!("Picture {number}");
            xml.open("pic:pic", &[("xmlns:pic", &PICTURE_URI)])
                .open("pic:nvPicPr", &[])
                .empty("pic:cNvPr", &[("id", &number), ("name", &name)])
                .empty("pic:cNvPicPr", &[])
                .close("pic:nvPicPr")
                .open("pic:blipFill", &[])
                .empty("a:blip", &[("r:embed", &id)])
                .open("a:stretch", &[])
                .empty("a:fillRect", &[])
                .close("a:stretch")
                .close("pic:blipFill")
                .open("pic:spPr", &[])
                .open("a:xfrm", &[])
                .empty("a:off", &[("x", &0), ("y", &0)])
                .empty("a:ext", &[("cx", &size.0), ("cy", &size.1)])
                .close("a:xfrm")
                .open("a:prstGeom", &[("prst", &"rect")])
                .empty("a:avLst", &[])
                .close("a:prstGeom")
                .close("pic:spPr")
                .close("pic:pic");
        });
        Ok(())
    }

    /// Writes the chart part related by `id` as an inline chart `size` EMU large.
    pub(super) fn chart(&mut self, xml: &mut Xml, id: &str, size: (u64, u64), alt: &str) {
        let number = self.next();
        inline(xml, number, size, alt, CHART_URI, |xml| {
            xml.empty("c:chart", &[("xmlns:c", &CHART_URI), ("r:id", &id)]);
        });
    }

    fn next(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }
}

/// A run holding an inline drawing `size` EMU large, described by `alt`, whose graphic
/// of kind `uri` `graphic` writes.
fn inline(
    xml: &mut Xml,
    id: usize,
    (cx, cy): (u64, u64),
    alt: &str,
    uri: &str,
    graphic: impl FnOnce(&mut Xml),
) {
    let name = format!("Drawing {id}");
    xml.open("w:r", &[])
        .open("w:drawing", &[])
        .open(
            "wp:inline",
            &[("distT", &0), ("distB", &0), ("distL", &0), ("distR", &0)],
        )
        .empty("wp:extent", &[("cx", &cx), ("cy", &cy)])
        .empty("wp:docPr", &[("id", &id), ("name", &name), ("descr", &alt)])
        .open("a:graphic", &[])
        .open("a:graphicData", &[("uri", &uri)]);
    graphic(xml);
    xml.close("a:graphicData")
        .close("a:graphic")
        .close("wp:inline")
        .close("w:drawing")
        .close("w:r");
}

/// The image as a PNG, with its drawn size in EMU: its height, and the width its
/// proportions give.
fn rasterise(image: &Image, options: &usvg::Options) -> Result<(Raster, (u64, u64)), DocxError> {
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
    Ok((raster, (width.round() as u64, height.round() as u64)))
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

    fn logo(data: Vec<u8>, format: ImageFormat) -> Image {
        Image {
            id: crate::doc::FigureId::default(),
            data: Arc::new(data),
            format,
            alt: "Kommunens logotyp".to_owned(),
            height_mm: 20.0,
        }
    }

    fn size(image: &Image) -> Result<(u64, u64), DocxError> {
        rasterise(image, &crate::image::svg_options()).map(|(_, size)| size)
    }

    #[test]
    fn width_follows_the_pixel_proportions() {
        let png = logo(tiny_png(40, 20), ImageFormat::Png);
        assert_eq!(size(&png).expect("valid PNG"), (1_440_000, 720_000));
    }

    #[test]
    fn svg_is_rasterised_at_print_resolution() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="navy"/></svg>"#;
        let image = logo(svg.to_vec(), ImageFormat::Svg);
        let (raster, size) = rasterise(&image, &crate::image::svg_options()).expect("valid SVG");
        assert!(raster.png.starts_with(b"\x89PNG"));
        assert_eq!(size, (1_440_000, 720_000));
    }

    #[test]
    fn undecodable_bytes_name_the_logo() {
        let error = size(&logo(b"\x89PNG\r\n\x1a\nbroken".to_vec(), ImageFormat::Png)).unwrap_err();
        assert!(error.to_string().contains("Kommunens logotyp"), "{error}");
        assert!(size(&logo(vec![0xff, 0xd8, 0xff], ImageFormat::Jpeg)).is_err());
        assert!(size(&logo(b"<svg".to_vec(), ImageFormat::Svg)).is_err());
    }

    #[test]
    fn pictures_are_numbered_and_described() {
        let mut drawings = Drawings::default();
        let mut relationships = Relationships::default();
        let mut xml = Xml::fragment();
        let png = logo(tiny_png(40, 20), ImageFormat::Png);
        let options = crate::image::svg_options();
        drawings
            .picture(&mut xml, &png, &mut relationships, &options)
            .expect("valid PNG");
        drawings.chart(&mut xml, "rId2", (100, 50), "Antal anmälda brott");
        let xml = xml.finish();
        assert!(
            xml.contains(r#"<wp:docPr id="1" name="Drawing 1" descr="Kommunens logotyp"/>"#),
            "{xml}"
        );
        assert!(xml.contains(r#"<a:blip r:embed="rId1"/>"#));
        assert!(xml.contains(r#"<wp:docPr id="2" name="Drawing 2" descr="Antal anmälda brott"/>"#));
        assert_eq!(drawings.files[0].0, "word/media/image1.png");
    }
}
