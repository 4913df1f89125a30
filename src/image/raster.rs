//! PNG and JPEG pictures checked against the budget: the size from the header first, then a
//! full decode under the `image` crate's limits, so a picture that passes is one both
//! backends can draw.

use super::ImageFormat;
use super::budget::{MAX_PIXELS, MAX_SIDE, Refusal};
use ::image::{DynamicImage, ImageReader, Limits};
use std::io::Cursor;

/// `data` (PNG or JPEG as `format` says) decoded, or why not. Nothing larger than the
/// budget is ever allocated: the header is read and judged before the pixels.
pub fn decode(format: ImageFormat, data: &[u8]) -> Result<DynamicImage, Refusal> {
    let (name, format) = match format {
        ImageFormat::Png => ("PNG", ::image::ImageFormat::Png),
        ImageFormat::Jpeg => ("JPEG", ::image::ImageFormat::Jpeg),
        ImageFormat::Svg => {
            return Err(Refusal::Broken {
                format: "SVG",
                detail: "not a raster picture".to_owned(),
            });
        }
    };
    let broken = |e: ::image::ImageError| Refusal::Broken {
        format: name,
        detail: e.to_string(),
    };
    let header = ImageReader::with_format(Cursor::new(data), format);
    let (width, height) = header.into_dimensions().map_err(broken)?;
    within(width, height)?;
    limited(format, data).decode().map_err(broken)
}

/// The number of pixels of `data`, after decoding it whole.
pub fn check(format: ImageFormat, data: &[u8]) -> Result<u64, Refusal> {
    let image = decode(format, data)?;
    Ok(u64::from(image.width()) * u64::from(image.height()))
}

/// A side longer than [`MAX_SIDE`] or more than [`MAX_PIXELS`] is refused.
fn within(width: u32, height: u32) -> Result<(), Refusal> {
    if width > MAX_SIDE || height > MAX_SIDE {
        Err(Refusal::Side { width, height })
    } else if u64::from(width) * u64::from(height) > MAX_PIXELS {
        Err(Refusal::Pixels { width, height })
    } else {
        Ok(())
    }
}

/// A reader that refuses to allocate beyond the budget, should the header have lied.
fn limited(format: ::image::ImageFormat, data: &[u8]) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(data), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // The decoded picture at 16 bits a channel with alpha, and room for the decoder's own.
    limits.max_alloc = Some(MAX_PIXELS * 8 + 64 * 1024 * 1024);
    reader.limits(limits);
    reader
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let pixels = ::image::GrayImage::new(width, height);
        let mut png = Cursor::new(Vec::new());
        pixels
            .write_to(&mut png, ::image::ImageFormat::Png)
            .expect("encoding a PNG in memory");
        png.into_inner()
    }

    #[test]
    fn a_whole_picture_within_the_budget_decodes() {
        assert_eq!(check(ImageFormat::Png, &png(30, 20)), Ok(600));
    }

    #[test]
    fn a_side_or_the_area_beyond_the_budget_is_refused() {
        assert_eq!(
            within(50_000, 50_000),
            Err(Refusal::Side {
                width: 50_000,
                height: 50_000
            })
        );
        assert_eq!(
            within(9_000, 9_000),
            Err(Refusal::Pixels {
                width: 9_000,
                height: 9_000
            })
        );
        assert_eq!(within(MAX_SIDE, 2_500), Ok(()));
    }

    #[test]
    fn truncated_and_header_only_pictures_are_broken() {
        let whole = png(30, 20);
        let truncated = &whole[..whole.len() - 20];
        assert!(matches!(
            check(ImageFormat::Png, truncated),
            Err(Refusal::Broken { format: "PNG", .. })
        ));
        assert!(matches!(
            check(ImageFormat::Png, &whole[..33]),
            Err(Refusal::Broken { .. })
        ));
        assert!(matches!(
            check(ImageFormat::Jpeg, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
            Err(Refusal::Broken { format: "JPEG", .. })
        ));
    }
}
