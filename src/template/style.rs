//! A layout's `style.toml`: page, fonts, sizes, spacing, colours and logos.
//!
//! Entry point: [`StyleFile::parse`] reads one file; [`StyleFile::apply`] lays the values
//! it gives over a [`Style`], so a layout sets only what it changes and the rest comes
//! from its base layout (and finally from `Style::default`). Values are checked while
//! they are read — a colour must be `#RRGGBB`, a size must be in a sensible range — so
//! every message names the file, line and column of the value; a misspelt field gets a
//! "did you mean".

use super::error::{LayoutError, line_column, toml_position};
use crate::diag::{Position, suggestion};
use crate::doc::{
    BUNDLED_FAMILY, BadgeColours, Badges, Colours, Font, FontFiles, LogoAlign, LogoStyle,
    PageStyle, Rgb, Sizes, Spacing, Style, limits,
};
use crate::files::{self, ReadError};
use serde::Deserialize;
use serde::de::{Deserializer, Error as _};
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// One `style.toml`, every field optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleFile {
    /// The built-in layout this one starts from (only read from layout folders).
    pub base: Option<Spanned<String>>,
    heading_numbers: Option<bool>,
    cover_page: Option<bool>,
    page: Option<PageSection>,
    fonts: Option<FontsSection>,
    sizes: Option<SizesSection>,
    spacing: Option<SpacingSection>,
    colours: Option<ColoursSection>,
    status_colours: Option<StatusColoursSection>,
    logo: Option<LogoSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageSection {
    size: Option<PageSize>,
    width_mm: Option<PageMm>,
    height_mm: Option<PageMm>,
    margin_top_mm: Option<MarginTopBottomMm>,
    margin_bottom_mm: Option<MarginTopBottomMm>,
    margin_left_mm: Option<MarginSideMm>,
    margin_right_mm: Option<MarginSideMm>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FontsSection {
    body: Option<FontSpec>,
    heading: Option<FontSpec>,
}

/// `family = "Carlito"` for the bundled font, or a family with its files in the layout folder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FontSpec {
    family: Spanned<String>,
    regular: Option<Spanned<String>>,
    bold: Option<Spanned<String>>,
    /// The regular face when absent.
    italic: Option<Spanned<String>>,
    /// The bold face when absent.
    bold_italic: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SizesSection {
    body_pt: Option<FontPt>,
    small_pt: Option<SmallPt>,
    title_pt: Option<FontPt>,
    heading_pt: Option<FontPt>,
    subheading_pt: Option<FontPt>,
    line_height: Option<LineHeight>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpacingSection {
    paragraph_pt: Option<SpacePt>,
    title_before_pt: Option<SpacePt>,
    heading_before_pt: Option<SpacePt>,
    subheading_before_pt: Option<SpacePt>,
    justify: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColoursSection {
    text: Option<Colour>,
    muted: Option<Colour>,
    heading: Option<Colour>,
    link: Option<Colour>,
    rule: Option<Colour>,
    table_header: Option<Colour>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusColoursSection {
    good: Option<BadgeSpec>,
    warning: Option<BadgeSpec>,
    bad: Option<BadgeSpec>,
    done: Option<BadgeSpec>,
    neutral: Option<BadgeSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BadgeSpec {
    fill: Option<Colour>,
    text: Option<Colour>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LogoSection {
    height_mm: Option<LogoMm>,
    in_header: Option<bool>,
    header_height_mm: Option<HeaderLogoMm>,
    align: Option<Align>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Align {
    Left,
    Center,
    Right,
}

impl From<Align> for LogoAlign {
    fn from(align: Align) -> LogoAlign {
        match align {
            Align::Left => LogoAlign::Left,
            Align::Center => LogoAlign::Center,
            Align::Right => LogoAlign::Right,
        }
    }
}

/// The paper sizes councils print on; any other is given as `width_mm` and `height_mm`.
#[derive(Debug, Clone, Copy, Deserialize)]
enum PageSize {
    A4,
    A5,
    A3,
    Letter,
}

impl PageSize {
    fn mm(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::A5 => (148.0, 210.0),
            PageSize::A3 => (297.0, 420.0),
            PageSize::Letter => (215.9, 279.4),
        }
    }
}

/// Sets each of `fields` of `target` that `section` gives.
macro_rules! overlay {
    ($target:expr, $section:expr; $($field:ident),+ $(,)?) => {
        $(if let Some(value) = $section.$field {
            $target.$field = value.into();
        })+
    };
}

/// A number checked to lie in one of `doc::limits` while it is read, so the error points at it.
macro_rules! bounded {
    ($name:ident, $range:expr, $what:literal) => {
        #[derive(Debug, Clone, Copy)]
        struct $name(f32);

        impl From<$name> for f32 {
            fn from(value: $name) -> f32 {
                value.0
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = f64::deserialize(deserializer)?;
                let (min, max) = ($range.start(), $range.end());
                if (f64::from(*min)..=f64::from(*max)).contains(&value) {
                    Ok($name(value as f32))
                } else {
                    Err(D::Error::custom(format!(
                        "expected {} from {min} to {max}, got {value}",
                        $what
                    )))
                }
            }
        }
    };
}

bounded!(PageMm, limits::PAGE_SIDE_MM, "a page side in millimetres");
bounded!(
    MarginTopBottomMm,
    limits::MARGIN_TOP_BOTTOM_MM,
    "a top or bottom margin in millimetres (room for the running header and footer)"
);
bounded!(
    MarginSideMm,
    limits::MARGIN_SIDE_MM,
    "a left or right margin in millimetres"
);
bounded!(FontPt, limits::FONT_PT, "a font size in points");
bounded!(SmallPt, limits::SMALL_PT, "a font size in points");
bounded!(SpacePt, limits::SPACE_PT, "a space in points");
bounded!(
    LineHeight,
    limits::LINE_HEIGHT,
    "a line height (a multiple of the font size)"
);
bounded!(
    LogoMm,
    limits::LOGO_HEIGHT_MM,
    "a logo height in millimetres"
);
bounded!(
    HeaderLogoMm,
    limits::HEADER_LOGO_HEIGHT_MM,
    "a header logo height in millimetres"
);

/// A colour written `#RRGGBB`.
#[derive(Debug, Clone, Copy)]
struct Colour(Rgb);

impl From<Colour> for Rgb {
    fn from(colour: Colour) -> Rgb {
        colour.0
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgb::from_hex(&text).map(Colour).ok_or_else(|| {
            D::Error::custom(format!(
                "expected a colour written \"#RRGGBB\" (e.g. \"#1f3a5f\"), got \"{text}\""
            ))
        })
    }
}

/// Where a style file came from: the path messages show, and the folder its font files are
/// read from (none for a built-in layout, which uses the bundled font).
pub struct StyleSource<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub folder: Option<&'a Path>,
}

impl StyleFile {
    pub fn parse(source: &StyleSource<'_>) -> Result<StyleFile, LayoutError> {
        toml::from_str(source.text).map_err(|e| LayoutError::Style {
            file: source.file.to_path_buf(),
            position: toml_position(source.text, &e),
            message: message(e.message()),
        })
    }

    /// `style` with every value this file gives; font files are read now.
    pub fn apply(self, style: &mut Style, source: &StyleSource<'_>) -> Result<(), LayoutError> {
        overlay!(style, self; heading_numbers, cover_page);
        if let Some(page) = self.page {
            page.apply(&mut style.page);
        }
        if let Some(fonts) = self.fonts {
            if let Some(body) = fonts.body {
                style.fonts.body = body.font(source)?;
            }
            if let Some(heading) = fonts.heading {
                style.fonts.heading = heading.font(source)?;
            }
        }
        if let Some(sizes) = self.sizes {
            sizes.apply(&mut style.sizes);
        }
        if let Some(spacing) = self.spacing {
            spacing.apply(&mut style.spacing);
        }
        if let Some(colours) = self.colours {
            colours.apply(&mut style.colours);
        }
        if let Some(badges) = self.status_colours {
            badges.apply(&mut style.status_colours);
        }
        if let Some(logo) = self.logo {
            logo.apply(&mut style.logo);
        }
        legible(style, source)
    }
}

/// An error when `style`, as `source` leaves it, cannot be printed legibly: no room for
/// text, or too little contrast. It points at the first value of the rule this file gives.
fn legible(style: &Style, source: &StyleSource<'_>) -> Result<(), LayoutError> {
    match super::legible::problem(style) {
        None => Ok(()),
        Some(problem) => Err(LayoutError::Style {
            file: source.file.to_path_buf(),
            position: place(source.text, &problem.fields),
            message: problem.message,
        }),
    }
}

/// Where the value of the first of `fields` (`colours.heading`) that `text` gives stands.
fn place(text: &str, fields: &[String]) -> Option<Position> {
    let root = toml::de::DeTable::parse(text).ok()?.into_inner();
    fields.iter().find_map(|field| {
        let mut keys = field.split('.');
        let first = root.get(keys.next()?)?;
        let value = keys.try_fold(first, |value, key| value.get_ref().get(key))?;
        Some(line_column(text, value.span().start))
    })
}

impl PageSection {
    fn apply(self, page: &mut PageStyle) {
        if let Some(size) = self.size {
            (page.width_mm, page.height_mm) = size.mm();
        }
        overlay!(page, self; width_mm, height_mm, margin_top_mm, margin_bottom_mm);
        overlay!(page, self; margin_left_mm, margin_right_mm);
    }
}

impl SizesSection {
    fn apply(self, sizes: &mut Sizes) {
        overlay!(sizes, self; body_pt, small_pt, title_pt, heading_pt, subheading_pt, line_height);
    }
}

impl SpacingSection {
    fn apply(self, spacing: &mut Spacing) {
        overlay!(spacing, self; paragraph_pt, title_before_pt, heading_before_pt);
        overlay!(spacing, self; subheading_before_pt, justify);
    }
}

impl ColoursSection {
    fn apply(self, colours: &mut Colours) {
        overlay!(colours, self; text, muted, heading, link, rule, table_header);
    }
}

impl StatusColoursSection {
    fn apply(self, badges: &mut Badges) {
        let pairs = [
            (&mut badges.good, self.good),
            (&mut badges.warning, self.warning),
            (&mut badges.bad, self.bad),
            (&mut badges.done, self.done),
            (&mut badges.neutral, self.neutral),
        ];
        for (badge, spec) in pairs {
            if let Some(spec) = spec {
                spec.apply(badge);
            }
        }
    }
}

impl BadgeSpec {
    fn apply(self, badge: &mut BadgeColours) {
        overlay!(badge, self; fill, text);
    }
}

impl LogoSection {
    fn apply(self, logo: &mut LogoStyle) {
        overlay!(logo, self; height_mm, in_header, header_height_mm, align);
    }
}

impl FontSpec {
    /// The bundled family when no files are given, else the four faces read from the folder.
    fn font(self, source: &StyleSource<'_>) -> Result<Font, LayoutError> {
        let error = |at: &std::ops::Range<usize>, message: String| LayoutError::Style {
            file: source.file.to_path_buf(),
            position: Some(line_column(source.text, at.start)),
            message,
        };
        let Some(regular) = self.regular else {
            if self.family.get_ref() == BUNDLED_FAMILY {
                return Ok(Font::bundled());
            }
            let message = format!(
                "the bundled font is `{BUNDLED_FAMILY}`; for `{}`, give its files: \
                 `regular = \"fonts/….ttf\"` and `bold = \"fonts/….ttf\"`",
                self.family.get_ref()
            );
            return Err(error(&self.family.span(), message));
        };
        let Some(folder) = source.folder else {
            let message = "a built-in layout uses the bundled font only".to_owned();
            return Err(error(&regular.span(), message));
        };
        let bold = self.bold.ok_or_else(|| {
            let message = "a font with its own files needs `bold` as well as `regular`";
            error(&self.family.span(), message.to_owned())
        })?;
        let read = |file: &Spanned<String>| {
            read_font(folder, file.get_ref()).map_err(|m| error(&file.span(), m))
        };
        let (regular, bold) = (read(&regular)?, read(&bold)?);
        let italic = self.italic.as_ref().map(read).transpose()?;
        let bold_italic = self.bold_italic.as_ref().map(read).transpose()?;
        let files = FontFiles {
            italic: italic.unwrap_or_else(|| Arc::clone(&regular)),
            bold_italic: bold_italic.unwrap_or_else(|| Arc::clone(&bold)),
            regular,
            bold,
        };
        Ok(Font::own(self.family.into_inner(), files))
    }
}

/// The most a font file may hold: a full CJK family's face is about 20 MB.
const MAX_FONT_BYTES: u64 = 30 * 1024 * 1024;

/// The bytes of the TrueType or OpenType font file `name` inside `folder`; a message
/// naming the file when it is outside the folder, not a plain file, too large or no font.
fn read_font(folder: &Path, name: &str) -> Result<Arc<Vec<u8>>, String> {
    let not_read = |reason: ReadError| format!("{name}: not read: {reason}");
    let path = files::inside(folder, name).map_err(not_read)?;
    let data = files::read_plain(&path, MAX_FONT_BYTES).map_err(not_read)?;
    const SIGNATURES: [&[u8]; 3] = [b"\x00\x01\x00\x00", b"OTTO", b"true"];
    if !SIGNATURES.iter().any(|s| data.starts_with(s)) || !crate::text::is_font(&data) {
        return Err(format!(
            "{name} is not a TrueType or OpenType font (.ttf or .otf)"
        ));
    }
    Ok(Arc::new(data))
}

/// The parser's message, with "did you mean" for a misspelt field.
fn message(raw: &str) -> String {
    let raw = raw.trim();
    let Some((field, known)) = unknown_field(raw) else {
        return raw.to_owned();
    };
    let hint = suggestion(field, &known, "the fields allowed here are");
    format!("unknown field `{field}` in style.toml; {hint}")
}

/// The field and the known fields of serde's "unknown field `x`, expected one of `a`, `b`".
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let known = rest.split('`').skip(1).step_by(2).collect();
    Some((field, known))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_of(text: &str) -> StyleSource<'_> {
        StyleSource {
            file: Path::new("mine/style.toml"),
            text,
            folder: None,
        }
    }

    fn styled(text: &str) -> Result<Style, LayoutError> {
        let mut style = Style::default();
        let source = source_of(text);
        StyleFile::parse(&source)?.apply(&mut style, &source)?;
        Ok(style)
    }

    fn error(text: &str) -> String {
        styled(text).expect_err("refused").to_string()
    }

    #[test]
    fn a_file_changes_only_what_it_gives() {
        let text = "[sizes]\nbody_pt = 12\n[colours]\nheading = \"#aa0000\"\n";
        let style = styled(text).expect("valid");
        assert_eq!(style.sizes.body_pt, 12.0);
        assert_eq!(style.colours.heading, Rgb(0xaa, 0, 0));
        let expected = {
            let mut style = Style::default();
            style.sizes.body_pt = 12.0;
            style.colours.heading = Rgb(0xaa, 0, 0);
            style
        };
        assert_eq!(style, expected);
    }

    #[test]
    fn every_section_is_read() {
        let text = r##"
heading_numbers = true
cover_page = true
[page]
size = "A5"
margin_left_mm = 30
[fonts.heading]
family = "Carlito"
[spacing]
paragraph_pt = 4
justify = true
[status_colours.bad]
fill = "#ffffff"
[logo]
align = "right"
in_header = false
height_mm = 20
"##;
        let style = styled(text).expect("valid");
        assert!(style.heading_numbers && style.cover_page && style.spacing.justify);
        assert_eq!((style.page.width_mm, style.page.height_mm), (148.0, 210.0));
        assert_eq!(style.page.margin_left_mm, 30.0);
        assert_eq!(style.spacing.paragraph_pt, 4.0);
        assert_eq!(style.status_colours.bad.fill, Rgb(0xff, 0xff, 0xff));
        assert_eq!(
            style.status_colours.bad.text,
            Style::default().status_colours.bad.text
        );
        assert_eq!(style.logo.align, LogoAlign::Right);
        assert!(!style.logo.in_header);
        assert_eq!(style.logo.height_mm, 20.0);
    }

    #[test]
    fn a_misspelt_field_is_named_with_a_suggestion_and_position() {
        let message = error("[colours]\nheadng = \"#000000\"\n");
        assert!(message.starts_with("mine/style.toml:2:1: "), "{message}");
        assert!(message.contains("`headng`"), "{message}");
        assert!(message.contains("did you mean `heading`?"), "{message}");
    }

    #[test]
    fn bad_values_say_what_was_expected_where() {
        let message = error("[colours]\ntext = \"blue\"\n");
        assert!(message.starts_with("mine/style.toml:2:"), "{message}");
        assert!(message.contains("#RRGGBB"), "{message}");
        let message = error("[sizes]\nbody_pt = 200\n");
        assert!(
            message.contains("font size in points from 6 to 72"),
            "{message}"
        );
        let message = error("[page]\nsize = \"B5\"\n");
        assert!(message.starts_with("mine/style.toml:2:"), "{message}");
    }

    #[test]
    fn an_illegible_style_is_refused_at_the_value_it_gives() {
        let message = error("[colours]\nheading = \"#777777\"\n");
        let expected = "mine/style.toml:2:11: heading colour #777777 on white has contrast \
                        4.48:1; WCAG 2.1 AA needs 4.5:1";
        assert_eq!(message, expected);
        let message = error("[status_colours.good]\nfill = \"#14532d\"\n");
        assert!(message.starts_with("mine/style.toml:2:8: "), "{message}");
        // Margins that left one letter a line gave a PDF of thousands of pages.
        let message = error("[page]\nsize = \"A5\"\nmargin_left_mm = 70\n");
        assert!(message.starts_with("mine/style.toml:3:18: "), "{message}");
        let message = error("[page]\nsize = \"A5\"\n[sizes]\nbody_pt = 30\n");
        assert!(message.starts_with("mine/style.toml:4:11: "), "{message}");
    }

    #[test]
    fn fonts_other_than_the_bundled_one_need_files() {
        let message = error("[fonts.body]\nfamily = \"Garamond\"\n");
        assert!(message.contains("give its files"), "{message}");
        let message =
            error("[fonts.body]\nfamily = \"X\"\nregular = \"x.ttf\"\nbold = \"y.ttf\"\n");
        assert!(message.contains("built-in layout"), "{message}");
    }

    #[test]
    fn font_files_are_read_from_the_layout_folder() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = "[fonts.heading]\nfamily = \"Own\"\nregular = \"fonts/Carlito-Regular.ttf\"\n\
                    bold = \"fonts/Carlito-Bold.ttf\"\n";
        let source = StyleSource {
            folder: Some(folder),
            ..source_of(text)
        };
        let mut style = Style::default();
        let parsed = StyleFile::parse(&source).expect("valid");
        parsed.apply(&mut style, &source).expect("fonts exist");
        let files = style.fonts.heading.files.expect("files read");
        assert_eq!(style.fonts.heading.family, "Own");
        assert_eq!(files.italic, files.regular);
        let text = "[fonts.body]\nfamily = \"Own\"\nregular = \"Cargo.toml\"\nbold = \"x.ttf\"\n";
        let source = StyleSource {
            folder: Some(folder),
            ..source_of(text)
        };
        let parsed = StyleFile::parse(&source).expect("valid");
        let message = parsed
            .apply(&mut Style::default(), &source)
            .expect_err("not a font")
            .to_string();
        assert!(message.starts_with("mine/style.toml:3:"), "{message}");
        assert!(
            message.contains("not a TrueType or OpenType font"),
            "{message}"
        );
    }
}
