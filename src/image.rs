//! Image formats kvartal accepts (PNG, JPEG, SVG), recognised by their content, and read
//! within a budget.
//!
//! Entry points: [`ImageFormat::sniff`], which the loader uses to reject other files;
//! [`check`], which refuses a picture that is broken or too costly (see [`budget`]); and,
//! for the backends, [`raster::decode`] and [`svg::parse`] with [`svg_options`], so that
//! every picture is read alike and never leads to another file.

pub mod budget;
mod drawing;
mod nodes;
pub mod raster;
pub mod svg;

pub use budget::Refusal;

use crate::text::{FAMILY, Face};
use sha2::{Digest, Sha256};
use std::sync::{Arc, LazyLock, Mutex};

/// A picture format kvartal accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// SVG.
    Svg,
}

impl ImageFormat {
    /// The format of `data` judged by its first bytes, not by the file name, so that a
    /// renamed file is still caught.
    pub fn sniff(data: &[u8]) -> Option<ImageFormat> {
        const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
        const JPEG: &[u8] = b"\xff\xd8\xff";
        if data.starts_with(PNG) {
            return Some(ImageFormat::Png);
        }
        if data.starts_with(JPEG) {
            return Some(ImageFormat::Jpeg);
        }
        let head = String::from_utf8_lossy(&data[..data.len().min(1024)]);
        let head = head.trim_start_matches('\u{feff}').trim_start();
        let xml_like =
            head.starts_with("<?xml") || head.starts_with("<svg") || head.starts_with("<!--");
        (xml_like && head.contains("<svg")).then_some(ImageFormat::Svg)
    }
}

/// Refuses `data` (in `format`) when it is broken or beyond the [`budget`]: a raster
/// picture is decoded whole, an SVG parsed with everything it embeds. The answer for the
/// same bytes is remembered: every quarter of a programme shows the same logos, and a run
/// reads many quarters.
pub fn check(format: ImageFormat, data: &[u8]) -> Result<(), Refusal> {
    /// Answers kept: a run's logos, many times over.
    const KEPT: usize = 64;
    type Answers = Vec<([u8; 32], Result<(), Refusal>)>;
    static ANSWERS: Mutex<Answers> = Mutex::new(Vec::new());
    let digest: [u8; 32] = Sha256::digest(data).into();
    // A poisoned lock only means another thread panicked while adding; the list is whole.
    let answers = || {
        ANSWERS
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    if let Some((_, answer)) = answers().iter().find(|(known, _)| *known == digest) {
        return answer.clone();
    }
    let answer = match format {
        ImageFormat::Png | ImageFormat::Jpeg => raster::check(format, data).map(drop),
        ImageFormat::Svg => svg::parse(data, &svg_options()).map(drop),
    };
    let mut kept = answers();
    if kept.len() == KEPT {
        drop(kept.remove(0));
    }
    kept.push((digest, answer.clone()));
    answer
}

/// Options for reading SVG files: their text is drawn with the bundled fonts, so a logo
/// looks the same in the PDF, in the DOCX and on every machine.
pub fn svg_options() -> Arc<usvg::Options<'static>> {
    static OPTIONS: LazyLock<Arc<usvg::Options<'static>>> =
        LazyLock::new(|| Arc::new(options_with(&[])));
    Arc::clone(&OPTIONS)
}

/// As [`svg_options`], with a layout's own `fonts` too, so a chart is labelled in the
/// layout's typeface. Made once per set of fonts: a run reads one layout, and every SVG
/// of its documents is read with the same options.
pub fn svg_options_with(fonts: &[Arc<Vec<u8>>]) -> Arc<usvg::Options<'static>> {
    /// Sets kept: `build --watch` reads the layout again for every rebuild, and each
    /// reading is a new set, whose fonts must not be held for the rest of the session.
    const KEPT: usize = 4;
    type Made = Vec<(Vec<Arc<Vec<u8>>>, Arc<usvg::Options<'static>>)>;
    static MADE: Mutex<Made> = Mutex::new(Vec::new());
    if fonts.is_empty() {
        return svg_options();
    }
    let same = |known: &[Arc<Vec<u8>>]| {
        known.len() == fonts.len() && known.iter().zip(fonts).all(|(a, b)| Arc::ptr_eq(a, b))
    };
    // A poisoned lock only means another thread panicked while adding; the list is whole.
    let mut made = MADE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, options)) = made.iter().find(|(known, _)| same(known)) {
        return Arc::clone(options);
    }
    let options = Arc::new(options_with(fonts));
    if made.len() == KEPT {
        drop(made.remove(0));
    }
    made.push((fonts.to_vec(), Arc::clone(&options)));
    options
}

/// The fonts for SVG text, and nothing else: no folder to resolve names in, and an
/// `<image>` resolver that reads nothing, for a tree parsed without [`svg::parse`].
fn options_with(fonts: &[Arc<Vec<u8>>]) -> usvg::Options<'static> {
    let mut options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let database = Arc::make_mut(&mut options.fontdb);
    for face in &Face::ALL[..4] {
        database.load_font_data(face.bundled_data().to_vec());
    }
    for font in fonts {
        database.load_font_source(usvg::fontdb::Source::Binary(Arc::clone(font) as _));
    }
    database.set_sans_serif_family(FAMILY);
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_options_know_no_folder_and_only_the_bundled_fonts() {
        let options = svg_options();
        assert_eq!(options.resources_dir, None);
        assert_eq!(options.fontdb.len(), 4);
        let png = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/images/blue.png"
        );
        let resolve = &options.image_href_resolver.resolve_string;
        assert!(resolve(png, &usvg::Options::default()).is_none());
    }

    #[test]
    fn recognises_formats_by_content() {
        assert_eq!(
            ImageFormat::sniff(b"\x89PNG\r\n\x1a\nrest"),
            Some(ImageFormat::Png)
        );
        assert_eq!(
            ImageFormat::sniff(b"\xff\xd8\xff\xe0"),
            Some(ImageFormat::Jpeg)
        );
        assert_eq!(
            ImageFormat::sniff(
                b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
            ),
            Some(ImageFormat::Svg)
        );
        assert_eq!(ImageFormat::sniff(b"GIF89a"), None);
        assert_eq!(ImageFormat::sniff(b"plain text"), None);
    }
}
