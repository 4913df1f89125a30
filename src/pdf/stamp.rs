//! A few lines of text in the bundled font, as a one-page PDF the size of a box: what a
//! signed field shows. Signing copies the page into the field's appearance, so the words are
//! real text in an embedded subset font, with device-independent colour, as PDF/A asks.
//!
//! Entry point: [`stamp`].

use super::PdfError;
use super::export::{Resources, text};
use super::frame::Glyphs;
use crate::doc::Rgb;
use crate::text::{Face, FontSet, Shaper};
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};

/// The largest text size, in points; smaller when the lines would not fit.
const MAX_SIZE: f32 = 9.0;
/// Line pitch, as a multiple of the text size.
const LEADING: f32 = 1.25;
/// Room between the text and the box's edges, in points.
const PADDING: f32 = 2.0;
/// Nearly black, as the report's signature lines.
const INK: Rgb = Rgb(26, 26, 26);

/// A PDF whose one page, `width` × `height` points, shows `lines` top to bottom, as large as
/// fits up to [`MAX_SIZE`].
pub fn stamp(width: f32, height: f32, lines: &[String]) -> Result<Vec<u8>, PdfError> {
    let size = Size::from_wh(width, height)
        .ok_or_else(|| PdfError::Export(format!("a field of {width} × {height} pt")))?;
    let fonts = FontSet::bundled();
    let shaper = Shaper::new(fonts);
    let mut shaped: Vec<Glyphs> = lines
        .iter()
        .map(|line| Glyphs {
            face: Face::Regular,
            size: 1.0,
            color: INK,
            glyphs: shaper.shape(Face::Regular, line),
            text: line.clone(),
        })
        .collect();
    let widest = shaped.iter().map(Glyphs::width).fold(0.01, f32::max);
    let count = shaped.len().max(1) as f32;
    let text_size = MAX_SIZE
        .min((height - 2.0 * PADDING) / (count * LEADING))
        .min((width - 2.0 * PADDING) / widest)
        .max(1.0);
    let settings = SerializeSettings {
        no_device_cs: true,
        xmp_metadata: false,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let res = Resources::new(fonts)?;
    {
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        for (index, line) in shaped.iter_mut().enumerate() {
            line.size = text_size;
            let baseline = PADDING + text_size * (LEADING * index as f32 + 1.0);
            text(&mut surface, &res, PADDING, baseline, line);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Export(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Object;

    #[test]
    fn the_lines_are_text_in_an_embedded_font_inside_the_box() {
        let lines = [
            "Signerat av Karin Berg".to_owned(),
            "2026-12-01 12:47 UTC".to_owned(),
        ];
        let pdf = stamp(136.0, 34.0, &lines).expect("a stamp");
        let document = lopdf::Document::load_mem(&pdf).expect("a PDF");
        let page = document.get_pages()[&1];
        let content = document.get_page_content(page).expect("content");
        let content = String::from_utf8_lossy(&content);
        assert!(
            content.contains(" Tf") && content.contains("TJ"),
            "{content}"
        );
        let dictionaries = || document.objects.values().filter_map(|o| o.as_dict().ok());
        let embedded = dictionaries().filter(|d| d.has(b"FontFile2")).count();
        assert_eq!(embedded, 1, "one embedded font");
        let type0 = dictionaries()
            .find(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0"));
        assert!(
            type0.expect("a composite font").has(b"ToUnicode"),
            "the text can be read back"
        );
    }
}
