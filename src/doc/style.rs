//! The look of a document as plain data: page, fonts, sizes, colours, spacing and logos.
//!
//! Entry point: [`Style`], carried in `Meta::style`. A layout's `style.toml` fills it in
//! (the `template` stage parses it); both backends read it, so a changed heading colour or
//! font size shows in the PDF and the DOCX alike. [`Style::default`] is kvartal's own look.
//! Every length and size names its unit; colours are sRGB.

use super::Tone;
use std::sync::Arc;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB` (the `#` may be left out; either case), as style files and CSS write it.
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// `1F3A5F`: six upper-case hex digits without `#`, as DOCX writes colours.
    pub fn hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// The contrast of two colours as WCAG 2.1 defines it (success criterion 1.4.3),
    /// `(L1 + 0.05) / (L2 + 0.05)` with the lighter first: from 1 (none) to 21 (black on
    /// white). The layout's check and the HTML's dark colours measure alike.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The relative luminance of an sRGB colour: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let Rgb(r, g, b) = self;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
}

/// An sRGB channel as linear light.
fn linear(channel: u8) -> f64 {
    let c = f64::from(channel) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// The bounds of a layout's values (docs/layouts.md lists them): outside them a page has
/// no room for text, or its text cannot be read.
pub mod limits {
    use std::ops::RangeInclusive;

    /// A page side: A7's short side (74 mm) to A0's long side (1189 mm).
    pub const PAGE_SIDE_MM: RangeInclusive<f32> = 74.0..=1200.0;
    /// Top and bottom margins hold the running header and footer, drawn 14 mm and 11 mm
    /// from the page's edge.
    pub const MARGIN_TOP_BOTTOM_MM: RangeInclusive<f32> = 18.0..=100.0;
    /// Left and right margins: a printer's unprintable edge with room to spare.
    pub const MARGIN_SIDE_MM: RangeInclusive<f32> = 10.0..=100.0;
    /// Body text, title and heading sizes: legible, yet a few words to a line.
    pub const FONT_PT: RangeInclusive<f32> = 6.0..=72.0;
    /// Header, footer and captions: the header and footer must fit in the margins.
    pub const SMALL_PT: RangeInclusive<f32> = 6.0..=14.0;
    /// Line height as a multiple of the font size; below 1 lines overlap.
    pub const LINE_HEIGHT: RangeInclusive<f32> = 1.0..=3.0;
    /// Space above headings and after paragraphs.
    pub const SPACE_PT: RangeInclusive<f32> = 0.0..=72.0;
    /// Logos on the title page: smaller is invisible, larger swallows the page.
    pub const LOGO_HEIGHT_MM: RangeInclusive<f32> = 4.0..=80.0;
    /// The running header's logo stands on the header line, 14 mm below the page's edge.
    pub const HEADER_LOGO_HEIGHT_MM: RangeInclusive<f32> = 4.0..=12.0;
    /// The text between the margins: a table or a chart needs this width.
    pub const MIN_TEXT_WIDTH_MM: f32 = 60.0;
    /// The text between the margins: a chart (55 mm) with its caption and heading.
    pub const MIN_TEXT_HEIGHT_MM: f32 = 100.0;
    /// A line of body text holds at least this many em (about twice as many letters).
    pub const BODY_EMS_PER_LINE: f32 = 15.0;
    /// A line of the title or a heading holds at least this many em, so words are not
    /// broken letter by letter.
    pub const HEADING_EMS_PER_LINE: f32 = 8.0;
    /// A page holds the title, a heading and at least this many lines of body text.
    pub const MIN_BODY_LINES: f32 = 5.0;
}

/// Points (1/72 inch) in a millimetre: the layout speaks millimetres, type and PDF points.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// The space between logos side by side on the title page, in millimetres.
pub const LOGO_GAP_MM: f32 = 10.0;

/// The signature block's geometry, which every backend draws alike.
pub mod signing {
    /// Signers side by side; more go on a further row.
    pub const SIGNERS_PER_ROW: usize = 3;
    /// The space between two signers' columns, in millimetres.
    pub const GAP_MM: f32 = 8.0;
    /// Room above a signature line for the hand-written signature, in points.
    pub const SPACE_PT: f32 = 34.0;
    /// The place-and-date line is this much of the room above a signature.
    pub const PLACE_AND_DATE_SHARE: f32 = 0.8;
    /// Between a signature line and the signer's name, in points.
    pub const NAME_GAP_PT: f32 = 3.0;
}

/// The width of the lines between table rows, in points. A row is this much taller than
/// its text and padding, as word processors draw it.
pub const TABLE_RULE_PT: f32 = 0.5;

/// Everything about the document's look that a layout may set, in the sections of
/// `style.toml`, each field named as the file names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// `[page]`: the paper and its margins.
    pub page: PageStyle,
    /// `[fonts]`: the families of body text and headings.
    pub fonts: Fonts,
    /// `[sizes]`: font sizes and the line height.
    pub sizes: Sizes,
    /// `[spacing]`: space around paragraphs and headings, and justification.
    pub spacing: Spacing,
    /// `[colours]`: of text, headings, links and table lines.
    pub colours: Colours,
    /// The colours of each status badge tone.
    pub status_colours: Badges,
    /// `[logo]`: the logos' size and place.
    pub logo: LogoStyle,
    /// Headings of sections and subsections numbered "1", "1.1" (applied by the template stage).
    pub heading_numbers: bool,
    /// The title block alone on the first page (the template stage puts a page break after it).
    pub cover_page: bool,
}

/// `[page]`: the paper and its margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageStyle {
    /// The paper's width, in millimetres.
    pub width_mm: f32,
    /// The paper's height, in millimetres.
    pub height_mm: f32,
    /// The top margin, in millimetres; the running header stands in it.
    pub margin_top_mm: f32,
    /// The bottom margin, in millimetres; the footer stands in it.
    pub margin_bottom_mm: f32,
    /// The left margin, in millimetres.
    pub margin_left_mm: f32,
    /// The right margin, in millimetres.
    pub margin_right_mm: f32,
}

/// `[fonts]`: the two families.
#[derive(Debug, Clone, PartialEq)]
pub struct Fonts {
    /// Body text, tables, lists, header and footer.
    pub body: Font,
    /// The title and headings.
    pub heading: Font,
}

/// `[sizes]`: font sizes in points, and the line height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Body text, lists and tables.
    pub body_pt: f32,
    /// Header, footer and captions.
    pub small_pt: f32,
    /// The document title (heading level 1).
    pub title_pt: f32,
    /// Sections (heading level 2).
    pub heading_pt: f32,
    /// Subsections (heading level 3).
    pub subheading_pt: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
}

/// `[spacing]`: space around paragraphs and headings, in points, and justification.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Space after a paragraph.
    pub paragraph_pt: f32,
    /// Above the document's title (heading level 1).
    pub title_before_pt: f32,
    /// Above a section's heading (level 2).
    pub heading_before_pt: f32,
    /// Above a subsection's heading (level 3).
    pub subheading_before_pt: f32,
    /// Justified body text instead of ragged right.
    pub justify: bool,
}

/// `[colours]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colours {
    /// Body text.
    pub text: Rgb,
    /// Secondary text: header, footer, captions.
    pub muted: Rgb,
    /// The title and headings.
    pub heading: Rgb,
    /// Links.
    pub link: Rgb,
    /// Table borders and other lines.
    pub rule: Rgb,
    /// The fill of a table's header row.
    pub table_header: Rgb,
}

/// A font family: the bundled Carlito, or four font files shipped with a layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Font {
    /// The family name; a DOCX names it in its styles.
    pub family: String,
    /// `None` for the bundled Carlito faces.
    pub files: Option<FontFiles>,
    /// The font's own line height, in ems, from its vertical metrics.
    pub line_em: f32,
}

/// The bytes of a family's four faces (TrueType or OpenType).
#[derive(Debug, Clone, PartialEq)]
pub struct FontFiles {
    /// The regular face's font file.
    pub regular: Arc<Vec<u8>>,
    /// The bold face's font file.
    pub bold: Arc<Vec<u8>>,
    /// The italic face's font file; the regular one's when the layout gives none.
    pub italic: Arc<Vec<u8>>,
    /// The bold italic face's font file; the bold one's when the layout gives none.
    pub bold_italic: Arc<Vec<u8>>,
}

/// Background and text colour of a badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadgeColours {
    /// The badge's background colour.
    pub fill: Rgb,
    /// The colour of the status word on it.
    pub text: Rgb,
}

/// Badge colours by tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Badges {
    /// For [`Tone::Good`] badges.
    pub good: BadgeColours,
    /// For [`Tone::Warning`] badges.
    pub warning: BadgeColours,
    /// For [`Tone::Bad`] badges.
    pub bad: BadgeColours,
    /// For [`Tone::Done`] badges.
    pub done: BadgeColours,
    /// For [`Tone::Neutral`] badges.
    pub neutral: BadgeColours,
}

impl Badges {
    /// The colours of `tone`'s badges.
    pub fn get(&self, tone: Tone) -> BadgeColours {
        match tone {
            Tone::Good => self.good,
            Tone::Warning => self.warning,
            Tone::Bad => self.bad,
            Tone::Done => self.done,
            Tone::Neutral => self.neutral,
        }
    }
}

/// Where and how large the organisations' logos are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogoStyle {
    /// Height of the logos on the title page (the template writes it into `kvartal-logos`).
    pub height_mm: f32,
    /// The first organisation's logo in the running header from page 2 on.
    pub in_header: bool,
    /// Height of the logo in the running header, in millimetres.
    pub header_height_mm: f32,
    /// The row of logos on the title page: left, centre or right.
    pub align: LogoAlign,
}

/// Where the row of logos stands on the title page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoAlign {
    /// At the left margin.
    Left,
    /// Centred between the margins.
    Center,
    /// At the right margin.
    Right,
}

/// The family name of the bundled fonts, as a layout's `style.toml` names it.
pub const BUNDLED_FAMILY: &str = crate::text::FAMILY;

impl Font {
    /// The bundled Carlito family.
    pub fn bundled() -> Font {
        Font {
            family: BUNDLED_FAMILY.to_owned(),
            files: None,
            line_em: line_em(crate::text::Face::Regular.bundled_data()),
        }
    }

    /// A layout's family of `files`.
    pub fn own(family: String, files: FontFiles) -> Font {
        let line_em = [&files.regular, &files.bold]
            .map(|face| line_em(face))
            .into_iter()
            .fold(0.0, f32::max);
        Font {
            family,
            files: Some(files),
            line_em,
        }
    }
}

/// The line height a word processor gives a font of one em: the largest of what its
/// vertical metrics say (hhea, OS/2 typographic and Windows), as applications read
/// different ones; 0 for bytes that are no font.
fn line_em(data: &[u8]) -> f32 {
    let Ok(face) = ttf_parser::Face::parse(data, 0) else {
        return 0.0;
    };
    let hhea =
        f32::from(face.ascender()) - f32::from(face.descender()) + f32::from(face.line_gap());
    let typo = face
        .typographic_ascender()
        .zip(face.typographic_descender())
        .map_or(0.0, |(ascender, descender)| {
            f32::from(ascender) - f32::from(descender)
                + f32::from(face.typographic_line_gap().unwrap_or(0))
        });
    let windows = face.tables().os2.map_or(0.0, |os2| {
        f32::from(os2.windows_ascender()) - f32::from(os2.windows_descender())
    });
    hhea.max(typo).max(windows) / f32::from(face.units_per_em())
}

impl Style {
    /// The height of a line of text of `size` points in `font`, in points: the layout's line
    /// height, or the font's own if that is taller (a word processor never sets a line
    /// tighter than its font), rounded to the twentieth of a point a word processor can
    /// store, so that every backend sets lines the same distance apart and pages fill alike.
    pub fn line_pitch(&self, size: f32, font: &Font) -> f32 {
        (size * self.sizes.line_height.max(font.line_em) * 20.0).round() / 20.0
    }

    /// The size and the space above, in points, of a heading of `level`: 1 is the document's
    /// title, 2 a section, 3 and deeper a subsection.
    pub fn heading(&self, level: u8) -> (f32, f32) {
        let (sizes, spacing) = (&self.sizes, &self.spacing);
        match level {
            0 | 1 => (sizes.title_pt, spacing.title_before_pt),
            2 => (sizes.heading_pt, spacing.heading_before_pt),
            _ => (sizes.subheading_pt, spacing.subheading_before_pt),
        }
    }

    /// The files of the layout's own fonts, each once: what an SVG (a chart) may be set in.
    pub fn font_files(&self) -> Vec<Arc<Vec<u8>>> {
        let mut files: Vec<Arc<Vec<u8>>> = Vec::new();
        for font in [&self.fonts.body, &self.fonts.heading] {
            let Some(own) = &font.files else { continue };
            for face in [&own.regular, &own.bold, &own.italic, &own.bold_italic] {
                if !files.iter().any(|known| Arc::ptr_eq(known, face)) {
                    files.push(Arc::clone(face));
                }
            }
        }
        files
    }
}

impl Default for Style {
    /// kvartal's own look: A4, Carlito, dark-blue headings, badge colours of at least 7:1.
    fn default() -> Style {
        let badge = |fill, text| BadgeColours { fill, text };
        Style {
            page: PageStyle {
                width_mm: 210.0,
                height_mm: 297.0,
                margin_top_mm: 25.0,
                margin_bottom_mm: 22.0,
                margin_left_mm: 25.0,
                margin_right_mm: 25.0,
            },
            fonts: Fonts {
                body: Font::bundled(),
                heading: Font::bundled(),
            },
            sizes: Sizes {
                body_pt: 10.5,
                small_pt: 8.5,
                title_pt: 24.0,
                heading_pt: 16.0,
                subheading_pt: 12.5,
                line_height: 1.35,
            },
            spacing: Spacing {
                paragraph_pt: 6.0,
                title_before_pt: 6.0,
                heading_before_pt: 16.0,
                subheading_before_pt: 11.0,
                justify: false,
            },
            colours: Colours {
                text: Rgb(0x1a, 0x1a, 0x1a),
                muted: Rgb(0x4a, 0x4f, 0x57),
                heading: Rgb(0x1f, 0x3a, 0x5f),
                link: Rgb(0x0b, 0x4f, 0x9c),
                rule: Rgb(0xa8, 0xb3, 0xc2),
                table_header: Rgb(0xe6, 0xec, 0xf3),
            },
            status_colours: Badges {
                good: badge(Rgb(0xd6, 0xf0, 0xdc), Rgb(0x14, 0x53, 0x2d)),
                warning: badge(Rgb(0xfd, 0xec, 0xc8), Rgb(0x6b, 0x3a, 0x00)),
                bad: badge(Rgb(0xf9, 0xd6, 0xd5), Rgb(0x7f, 0x1d, 0x1d)),
                done: badge(Rgb(0xdb, 0xe7, 0xf7), Rgb(0x1e, 0x3a, 0x8a)),
                neutral: badge(Rgb(0xe9, 0xe9, 0xe9), Rgb(0x33, 0x33, 0x33)),
            },
            logo: LogoStyle {
                height_mm: 16.0,
                in_header: true,
                header_height_mm: 7.0,
                align: LogoAlign::Left,
            },
            heading_numbers: false,
            cover_page: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_read_and_write() {
        assert_eq!(Rgb::from_hex("#1f3a5F"), Some(Rgb(0x1f, 0x3a, 0x5f)));
        assert_eq!(Rgb::from_hex("0b4f9c"), Some(Rgb(0x0b, 0x4f, 0x9c)));
        assert_eq!(Rgb(0x1f, 0x3a, 0x5f).hex(), "1F3A5F");
        for bad in ["#1f3a5", "#1f3a5g", "blue", "#ååå", ""] {
            assert_eq!(Rgb::from_hex(bad), None, "{bad}");
        }
    }
}
