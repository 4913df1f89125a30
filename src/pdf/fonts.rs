//! The fonts of a document from its style: the bundled family, or a layout's font files.
//!
//! Entry point: [`font_set`].

use super::PdfError;
use crate::doc::{Font, Style};
use crate::text::{Face, FontData, FontSet};
use std::sync::Arc;

/// The body and heading families of `style`, each face's bytes read once.
pub fn font_set(style: &Style) -> Result<FontSet, PdfError> {
    FontSet::new(faces(&style.fonts.body), faces(&style.fonts.heading)).map_err(|index| {
        let face = Face::ALL.get(index).copied().unwrap_or(Face::Regular);
        let family = if index < 4 {
            &style.fonts.body.family
        } else {
            &style.fonts.heading.family
        };
        PdfError::Export(format!(
            "the font file of `{family}` for {face:?} cannot be read as a font"
        ))
    })
}

fn faces(font: &Font) -> [FontData; 4] {
    match &font.files {
        None => FontSet::bundled_family(),
        Some(files) => [
            &files.regular,
            &files.bold,
            &files.italic,
            &files.bold_italic,
        ]
        .map(|data| Arc::clone(data) as FontData),
    }
}
