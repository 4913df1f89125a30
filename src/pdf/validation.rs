//! krilla's validation errors as sentences that say what to change in the report or the
//! layout. Entry point: [`explain_all`].
//!
//! Every page is drawn with its number as krilla's location, so an error krilla places is
//! said to be on that page.

use krilla::configure::validate::VersionedFeature;
use krilla::configure::{ValidationError, Validators};
use krilla::surface::Location;
use krilla::text::Font;

/// Each font the PDF uses, with the name a message gives it ("Carlito Bold").
pub type FontNames = [(Font, String)];

/// Each distinct problem once. The characters no font can show are named together in one
/// sentence, however often and in however many fonts they occur.
pub fn explain_all(errors: &[(ValidationError, Validators)], fonts: &FontNames) -> Vec<String> {
    let mut lacking: Vec<String> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for (error, _) in errors {
        if let Some(font) = unshown_in(error) {
            lacking.push(font_name(font, fonts));
            continue;
        }
        let problem = explain(error, fonts);
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    let missing = unshown(errors);
    if !missing.is_empty() {
        problems.insert(0, unshown_sentence(&missing, lacking));
    }
    problems
}

/// The characters no font of the PDF can show, each once, in code point order.
pub fn unshown(errors: &[(ValidationError, Validators)]) -> Vec<char> {
    let mut missing: Vec<char> = errors
        .iter()
        .filter(|(error, _)| unshown_in(error).is_some())
        .filter_map(|(error, _)| match error {
            ValidationError::ContainsNotDefGlyph(_, _, text) => Some(text),
            _ => None,
        })
        .flat_map(|text| text.chars().filter(|c| !c.is_whitespace()))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

/// The font that lacks a visible character of the text, when `error` says so.
fn unshown_in(error: &ValidationError) -> Option<&Font> {
    match error {
        ValidationError::ContainsNotDefGlyph(font, _, text)
            if text.chars().any(|c| !c.is_whitespace()) =>
        {
            Some(font)
        }
        _ => None,
    }
}

/// The sentence naming the characters no font has, and the fonts that lack them.
fn unshown_sentence(missing: &[char], mut fonts: Vec<String>) -> String {
    fonts.sort();
    fonts.dedup();
    let written: Vec<String> = missing.iter().map(|c| format!("\"{c}\"")).collect();
    let (font, have) = match fonts.len() {
        1 => ("font", "has"),
        _ => ("fonts", "have"),
    };
    format!(
        "the characters {} cannot be shown: the {font} {} {have} no glyph for them; replace \
         them in the report, or use a layout whose font has them",
        written.join(", "),
        fonts.join(", ")
    )
}

/// One validation error as a sentence saying what to change.
fn explain(error: &ValidationError, fonts: &FontNames) -> String {
    use ValidationError as E;
    match error {
        // With characters to name, these are gathered by `explain_all`.
        E::ContainsNotDefGlyph(font, at, _) => format!(
            "an invisible character{} cannot be shown in the font {}; remove unusual spaces \
             or control characters from the report",
            page(*at),
            font_name(font, fonts)
        ),
        E::NoCodepointMapping(font, _, at) | E::InvalidCodepointMapping(font, _, _, at) => format!(
            "some text{} in the font {} cannot be mapped back to characters, so it could not be \
             searched or read aloud; remove unusual control characters (such as U+0000 or \
             U+FEFF) from the report",
            page(*at),
            font_name(font, fonts)
        ),
        E::UnicodePrivateArea(_, _, c, at) => format!(
            "the character U+{:04X}{} is a private-use character that readers cannot \
             interpret; remove it from the report",
            u32::from(*c),
            page(*at)
        ),
        E::RestrictedLicense(font) => format!(
            "the font {}'s licence does not allow embedding it in a PDF; use a layout with \
             another font, or choose --pdf-standard none",
            font_name(font, fonts)
        ),
        E::NoDocumentTitle => "the document has no title; give the report a `programme`".into(),
        E::NoDocumentLanguage => {
            "the document has no language; set `language` in the report".into()
        }
        E::MissingAltText(at) => format!(
            "an image or chart{} has no alternative text; give every organisation with a \
             logo a `name`, and every metric a `name`",
            page(*at)
        ),
        E::MissingAnnotationAltText(at) => format!(
            "a link{} has no description; give every link in the report's text a link text",
            page(*at)
        ),
        E::MissingHeadingTitle => {
            "a heading has no text; give every focus area and activity a `title`".into()
        }
        E::MissingDocumentOutline => {
            "the document has no bookmarks; the layout must give the report headings".into()
        }
        E::MissingDocumentDate => "the document has no date; set `date` in the report".into(),
        E::MissingTagging => {
            "the document is not tagged; choose --pdf-standard a-2b or none, or report this \
             as a fault in kvartal"
                .into()
        }
        E::TooLongString => {
            "a text is longer than PDF allows (32,767 characters); shorten it".into()
        }
        E::TooLongName => {
            "a font's name is longer than PDF allows (127 characters); rename the font file's \
             family in the layout"
                .into()
        }
        E::TooLongArray | E::TooLongDictionary | E::TooManyIndirectObjects => {
            "the report is too large for one PDF; split it into smaller reports".into()
        }
        E::TooLargeFloat => {
            "a size or position is larger than PDF allows; check the sizes in the layout's \
             style"
                .into()
        }
        E::TooHighQNestingLevel => {
            "a picture is clipped inside more than 28 levels; simplify the SVG logo".into()
        }
        E::ContainsPostScript(at) | E::Transparency(at) => format!(
            "a picture{} uses a repeating or sweep gradient or transparency, which the \
             chosen standard forbids; simplify the SVG logo, or choose another --pdf-standard",
            page(*at)
        ),
        E::MissingCMYKProfile | E::InconsistentSeparationFallback(_) => {
            "a picture uses print colours (CMYK) the chosen standard cannot describe; save \
             the logo in RGB colours"
                .into()
        }
        E::ImageInterpolation(at) => format!(
            "a picture{} asks to be smoothed when enlarged, which the chosen standard \
             forbids; save the logo again without that setting",
            page(*at)
        ),
        E::EmbeddedFile(_, at) | E::EmbeddedPDF(at) => format!(
            "a picture{} holds an embedded file or PDF, which the chosen standard forbids; \
             use a PNG, JPEG or plain SVG logo",
            page(*at)
        ),
        E::RequiresNewerPdfVersion(feature, _) => format!(
            "{} needs a newer PDF version than the chosen standard allows; choose \
             --pdf-standard a-2a+ua-1",
            match feature {
                VersionedFeature::StructureOrderTabbing => "moving between links in reading order",
                VersionedFeature::HeaderFooterArtifactSubtypes =>
                    "marking page headers and footers",
                VersionedFeature::TableHeaderScope => "marking the header cells of tables",
            }
        ),
    }
}

/// " on page N" when krilla knows the page, else nothing.
fn page(at: Option<Location>) -> String {
    at.map(|n| format!(" on page {n}")).unwrap_or_default()
}

fn font_name(font: &Font, fonts: &FontNames) -> String {
    fonts
        .iter()
        .find(|(f, _)| f == font)
        .map_or_else(|| "of the layout".to_owned(), |(_, name)| name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Face;
    use krilla::text::GlyphId;
    use std::num::NonZeroU64;

    fn carlito() -> Vec<(Font, String)> {
        let font = Font::new(Face::Bold.bundled_data().into(), 0).expect("a font");
        vec![(font, "Carlito Bold".to_owned())]
    }

    #[test]
    fn each_error_says_what_to_change_and_where() {
        let fonts = carlito();
        let font = fonts[0].0.clone();
        let page = NonZeroU64::new(3);
        let errors = [
            ValidationError::ContainsNotDefGlyph(font.clone(), page, "漢 字".to_owned()),
            ValidationError::ContainsNotDefGlyph(font.clone(), None, "漢".to_owned()),
            ValidationError::MissingAltText(page),
            ValidationError::MissingAltText(page),
            ValidationError::UnicodePrivateArea(font.clone(), GlyphId::new(4), '\u{e000}', None),
            ValidationError::RestrictedLicense(font),
            ValidationError::RequiresNewerPdfVersion(VersionedFeature::TableHeaderScope, None),
        ]
        .map(|e| (e, Validators::default()));
        let problems = explain_all(&errors, &fonts);
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(
            problems[0].starts_with(
                "the characters \"字\", \"漢\" cannot be shown: the font Carlito Bold"
            ),
            "{}",
            problems[0]
        );
        assert!(problems[1].starts_with("an image or chart on page 3 has no alternative text"));
        assert!(problems[2].contains("U+E000"), "{}", problems[2]);
        assert!(
            problems[3].contains("Carlito Bold's licence"),
            "{}",
            problems[3]
        );
        assert!(problems[4].starts_with("marking the header cells of tables needs"));
        // No message is krilla's own Debug text.
        for debug in ["Some(", "Font(", "GlyphId", "TableHeaderScope"] {
            assert!(problems.iter().all(|p| !p.contains(debug)), "{problems:#?}");
        }
    }
}
