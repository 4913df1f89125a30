//! How much an untrusted picture may cost, in one place, and what is said when it costs more.
//!
//! A logo comes from a colleague's folder and may be broken or hostile: a PNG that declares
//! 50 000 × 50 000 pixels in a few hundred bytes, an SVG with a million elements or with a
//! filter chain that takes hours to rasterise. Every budget is checked before the expensive
//! step it guards: the file size before reading, the pixel size from the header before
//! decoding, the elements, text and path data while and after parsing the XML but before
//! usvg builds its tree, the segments and effects before drawing. The numbers leave a real
//! logo or coat of arms a wide margin (they are rarely above 2 MB, 4 000 pixels a side,
//! 10 000 elements or a drop shadow) and let a hostile file be refused in milliseconds.

use crate::files;

/// The largest logo file, and the largest SVG text (the logo or one embedded in it).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// The most pixels a raster picture may have on a side: 10 000 is 85 cm at 300 dpi.
pub const MAX_SIDE: u32 = 10_000;
/// The most pixels a raster picture may have, and all pictures inside one SVG together.
/// 25 million pixels decode to 100 MB; a logo printed A4-size at 300 dpi needs 9 million.
pub const MAX_PIXELS: u64 = 25_000_000;
/// What a PNG or JPEG decoder may hold besides the pixels its header declares: an ICC
/// profile, row buffers. A real profile is under a megabyte; a compressed one can inflate
/// to gigabytes before the first pixel.
pub const MAX_DECODER_BYTES: u64 = 8 * 1024 * 1024;
/// The most XML nodes (elements, texts, comments) in an SVG, counted again for `<use>`
/// copies and for an embedded SVG's every copy: a detailed coat of arms has a few thousand.
pub const MAX_SVG_NODES: u32 = 100_000;
/// How deep SVG elements may nest, with `<use>` copies: drawing programs nest layers and
/// groups a dozen deep, and usvg builds its tree recursively.
pub const MAX_SVG_DEPTH: usize = 64;
/// The largest width or height an SVG may declare, in its own units.
pub const MAX_SVG_SIDE: f32 = 10_000.0;
/// The most characters of text an SVG may lay out, counted again for `<use>` copies: a
/// logo's name and motto are a few dozen, and usvg's layout time grows faster than the text.
pub const MAX_SVG_TEXT: u64 = 10_000;
/// The most lines, curves and dashes an SVG may draw: a detailed coat of arms has some
/// tens of thousands, and each costs resvg about 10 µs and 1 KB to stroke.
pub const MAX_SVG_SEGMENTS: f64 = 200_000.0;
/// The most path data (`d` and `points`) an SVG may have, counted again for `<use>` copies:
/// a bound on what usvg parses before the segments can be counted.
pub const MAX_PATH_DATA: u64 = 4 * 1024 * 1024;
/// How deep SVGs embedded in SVGs (as `data:` URIs) may nest.
pub const MAX_SVG_NESTING: usize = 2;
/// The work all filter primitives and layers (masks, clip paths, transparency) of an SVG
/// may take, in pixel operations at the largest size a backend draws it (see `drawing`): a
/// drop shadow over the whole of a square logo costs about 15 million, a mask over it 4.
/// resvg keeps every primitive's result, at 4 bytes a pixel, so this also holds a filter's
/// memory under 200 MB.
pub const MAX_EFFECT_COST: f64 = 50_000_000.0;

/// Why a picture is refused. Worded (in English here, in each report language in the
/// problem catalogue) as what follows "the logo `x`".
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// More than [`MAX_FILE_BYTES`].
    TooLarge,
    /// A side longer than [`MAX_SIDE`].
    Side {
        /// The picture's width, in pixels.
        width: u32,
        /// The picture's height, in pixels.
        height: u32,
    },
    /// More than [`MAX_PIXELS`].
    Pixels {
        /// The picture's width, in pixels.
        width: u32,
        /// The picture's height, in pixels.
        height: u32,
    },
    /// Pictures embedded in an SVG with more than [`MAX_PIXELS`] together.
    EmbeddedPixels,
    /// A PNG, JPEG or SVG that does not decode: truncated, only a header, or damaged.
    /// `detail` is the decoder's own words.
    Broken {
        /// `PNG`, `JPEG` or `SVG`.
        format: &'static str,
        /// The decoder's own words.
        detail: String,
    },
    /// More than [`MAX_SVG_NODES`] nodes.
    Nodes,
    /// Elements nested deeper than [`MAX_SVG_DEPTH`].
    Depth,
    /// An SVG declaring a side longer than [`MAX_SVG_SIDE`].
    SvgSide {
        /// The width the SVG declares.
        width: f32,
        /// The height the SVG declares.
        height: f32,
    },
    /// SVGs in SVGs deeper than [`MAX_SVG_NESTING`].
    Nesting,
    /// Filters, masks and transparency over [`MAX_EFFECT_COST`].
    Effects,
    /// Path data over [`MAX_PATH_DATA`].
    PathData,
    /// Text over [`MAX_SVG_TEXT`] characters.
    Text,
    /// Lines, curves and dashes over [`MAX_SVG_SEGMENTS`].
    Segments,
    /// An `<image>` or `<feImage>` naming a file or address instead of embedding it.
    Href {
        /// The name or address, as written.
        href: String,
    },
    /// A `data:` URI holding something other than PNG, JPEG or SVG.
    EmbeddedFormat {
        /// The media type the URI declares.
        mime: String,
    },
    /// A picture embedded in the SVG is refused for `why`.
    Embedded(Box<Refusal>),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::TooLarge => write!(f, "is larger than {}", files::size(MAX_FILE_BYTES)),
            Refusal::Side { width, height } => write!(
                f,
                "is {width} × {height} pixels; at most {MAX_SIDE} pixels a side"
            ),
            Refusal::Pixels { width, height } => write!(
                f,
                "is {width} × {height} pixels; at most {} million pixels",
                MAX_PIXELS / 1_000_000
            ),
            Refusal::EmbeddedPixels => write!(
                f,
                "holds pictures of more than {} million pixels together",
                MAX_PIXELS / 1_000_000
            ),
            Refusal::Broken { format, detail } => {
                write!(f, "is a damaged or incomplete {format} file ({detail})")
            }
            Refusal::Nodes => write!(f, "has more than {MAX_SVG_NODES} SVG elements"),
            Refusal::Depth => write!(f, "nests SVG elements more than {MAX_SVG_DEPTH} deep"),
            Refusal::SvgSide { width, height } => write!(
                f,
                "is {width} × {height} units large; at most {MAX_SVG_SIDE} a side"
            ),
            Refusal::Nesting => write!(
                f,
                "nests SVG pictures more than {MAX_SVG_NESTING} levels deep"
            ),
            Refusal::Effects => {
                f.write_str("has effects (filters, masks, transparency) too costly to draw")
            }
            Refusal::PathData => write!(
                f,
                "has more than {} of path data",
                files::size(MAX_PATH_DATA)
            ),
            Refusal::Text => write!(f, "has more than {MAX_SVG_TEXT} characters of text"),
            Refusal::Segments => write!(
                f,
                "draws more than {MAX_SVG_SEGMENTS} lines, curves and dashes"
            ),
            Refusal::Href { href } => write!(
                f,
                "refers to the file `{href}`; kvartal reads only the logo file itself"
            ),
            Refusal::EmbeddedFormat { mime } => {
                write!(
                    f,
                    "embeds a `{mime}` picture; only PNG, JPEG and SVG are read"
                )
            }
            Refusal::Embedded(why) => write!(f, "embeds a picture that {why}"),
        }
    }
}

impl Refusal {
    /// The refusal as a sentence of its own, for errors that name the picture before it.
    pub fn sentence(&self) -> String {
        format!("the picture {self}")
    }
}
