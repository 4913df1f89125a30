//! PNG and JPEG pictures checked against the budget: the size from the header first, then a
//! full decode under the `image` crate's limits, so a picture that passes is one both
//! backends can draw.

use super::ImageFormat;
use super::budget::{MAX_DECODER_BYTES, MAX_PIXELS, MAX_SIDE, Refusal};
use crate::files;
use ::image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::Cursor;

/// `data` (PNG or JPEG as `format` says) decoded, or why not. Nothing larger than the
/// budget is ever allocated: the header is read and judged before the pixels, and the
/// decoder may hold no more than the pixels the header declared.
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
    let mut header = reader(format, data, 0).into_decoder().map_err(broken)?;
    let (width, height) = header.dimensions();
    within(width, height)?;
    let profile = header.icc_profile().map_err(broken)?;
    if profile.is_none() && png_chunk(data, b"iCCP") {
        return Err(Refusal::Broken {
            format: name,
            detail: format!(
                "its colour profile is damaged or larger than {}",
                files::size(MAX_DECODER_BYTES)
            ),
        });
    }
    // At most 16 bits a channel with alpha.
    let pixel_bytes = u64::from(width) * u64::from(height) * 8;
    reader(format, data, pixel_bytes).decode().map_err(broken)
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

/// Whether the PNG `data` has a chunk of `kind`. The decoder here skips a colour profile
/// it cannot inflate within [`MAX_DECODER_BYTES`]; krilla would inflate up to 64 MB of it, twice.
fn png_chunk(data: &[u8], kind: &[u8; 4]) -> bool {
    let mut at = 8;
    while let Some(header) = data.get(at..at + 8) {
        if &header[4..] == kind {
            return true;
        }
        let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
        // Length, type, data and checksum.
        at = at.saturating_add(12).saturating_add(length as usize);
    }
    false
}

/// A reader that allocates no more than `pixel_bytes` and [`MAX_DECODER_BYTES`], should the
/// file claim more than its header said.
fn reader(
    format: ::image::ImageFormat,
    data: &[u8],
    pixel_bytes: u64,
) -> ImageReader<Cursor<&[u8]>> {
    let mut reader = ImageReader::with_format(Cursor::new(data), format);
    // The sides are judged by `within`, in words; the allocation bounds what the header hid.
    let mut limits = Limits::default();
    limits.max_alloc = Some(pixel_bytes + MAX_DECODER_BYTES);
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

    /// A 2 × 2 PNG carrying a colour profile of `bytes` zeros, which compress to little.
    fn png_with_profile(bytes: usize) -> Vec<u8> {
        use ::image::ImageEncoder;
        let mut png = Vec::new();
        let mut encoder = ::image::codecs::png::PngEncoder::new(&mut png);
        encoder
            .set_icc_profile(vec![0; bytes])
            .expect("PNG takes a profile");
        encoder
            .write_image(&[0; 4], 2, 2, ::image::ExtendedColorType::L8)
            .expect("encoding a PNG in memory");
        png
    }

    #[test]
    fn a_colour_profile_that_inflates_beyond_the_budget_is_refused() {
        assert_eq!(check(ImageFormat::Png, &png_with_profile(1000)), Ok(4));
        let bomb = png_with_profile(MAX_DECODER_BYTES as usize + 1);
        assert!(bomb.len() < 100_000, "{}", bomb.len());
        assert!(matches!(
            check(ImageFormat::Png, &bomb),
            Err(Refusal::Broken { detail, .. }) if detail.contains("colour profile")
        ));
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
