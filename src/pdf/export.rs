//! Drawing laid-out pages with krilla, with tags, outline and metadata.
//!
//! Entry point: [`export`]. Every drawn item is either marked content of a structure
//! leaf or an artifact; nothing is painted outside marked content.

use super::PdfError;
use super::frame::{Anchors, Glyphs, Item, Page, Rect, Shape, Target};
use super::images::Picture;
use super::once::{self, Once};
use super::options::{Attachment, PdfOptions};
use super::outline::outline;
use super::refs::PageNumbers;
use super::style::Look;
use super::tags::Tags;
use crate::doc::Meta;
use crate::doc::Rgb;
use crate::text::{Face, FontSet, Shaper};
use krilla::color::rgb;
use krilla::destination::{Destination, XyzDestination};
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::graphic::Graphic;
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Pages with everything placed, the structure that goes with them, and where each
/// heading landed: all that is drawn.
pub struct Drawing {
    pub pages: Vec<Page>,
    pub anchors: Anchors,
    pub tags: Tags,
    pub look: Look,
}

/// Writes `drawing` as PDF bytes, with `meta` as its metadata and the attachments and
/// standard of `options`.
pub fn export(
    drawing: Drawing,
    meta: &Meta,
    fonts: &FontSet,
    options: &PdfOptions,
) -> Result<Vec<u8>, PdfError> {
    write(drawing, meta, fonts, options, Purpose::File)
}

/// As [`export`], for whether the file would meet the standard when the bytes are not
/// kept: nothing compressed, and each glyph drawn once with each text it stands for, where
/// it first stands ([`Once`]).
pub fn validate(
    drawing: Drawing,
    meta: &Meta,
    fonts: &FontSet,
    options: &PdfOptions,
) -> Result<(), PdfError> {
    write(drawing, meta, fonts, options, Purpose::Validation).map(drop)
}

/// What the PDF is drawn for.
#[derive(Clone, Copy, PartialEq)]
enum Purpose {
    /// The file, whole and compressed.
    File,
    /// Only krilla's validation, which checks each glyph with its text wherever it stands:
    /// a glyph drawn before with the same text is not drawn again ([`Once`]), which for a
    /// long report is almost all of them. A leaf then may have no content, which no check
    /// needs.
    Validation,
}

fn write(
    drawing: Drawing,
    meta: &Meta,
    fonts: &FontSet,
    options: &PdfOptions,
    purpose: Purpose,
) -> Result<Vec<u8>, PdfError> {
    let Drawing {
        pages,
        anchors,
        tags,
        look,
    } = drawing;
    let size = Size::from_wh(look.page_width, look.page_height).ok_or_else(|| {
        PdfError::Export(format!(
            "the page size {} × {} pt is not a page",
            look.page_width, look.page_height
        ))
    })?;
    let settings = SerializeSettings {
        configuration: options.standard.configuration(),
        enable_tagging: true,
        compress_content_streams: purpose == Purpose::File,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let res = Resources::new(fonts)?;
    let shaper = Shaper::new(fonts);
    let canvas = Canvas {
        size,
        res: &res,
        anchors: &anchors,
        numbers: PageNumbers::new(&anchors, look.style.colours.text, &shaper),
        once: (purpose == Purpose::Validation).then(Once::default),
    };
    let pages = match purpose {
        Purpose::File => pages,
        Purpose::Validation => once::thin(pages),
    };
    let mut drawn = vec![Vec::new(); tags.leaf_count()];
    let outline = outline(&pages);
    // Each page is let go once drawn: krilla holds what it drew, and a long report's
    // laid-out pages need not stay beside it.
    for (number, page) in (1..).zip(pages) {
        draw_page(&mut document, number, &page, &canvas, &mut drawn);
    }
    document.set_tag_tree(tags.into_tag_tree(&mut drawn, &meta.language));
    document.set_outline(outline);
    document.set_metadata(metadata(meta));
    for attachment in &options.attachments {
        attach(&mut document, attachment)?;
    }
    document
        .finish()
        .map_err(|e| PdfError::from_krilla(e, options, &font_names(&res.fonts, meta)))
}

/// Each font with its family and face, as a validation message names it: the body's,
/// the headings' and the bundled family's.
fn font_names(fonts: &[Font], meta: &Meta) -> Vec<(Font, String)> {
    let style = &meta.style;
    let families = [
        style.fonts.body.family.as_str(),
        style.fonts.heading.family.as_str(),
        crate::doc::BUNDLED_FAMILY,
    ];
    let faces = ["", " Bold", " Italic", " Bold Italic"];
    fonts
        .iter()
        .enumerate()
        .map(|(i, font)| {
            let family = families.get(i / 4).copied().unwrap_or_default();
            (font.clone(), format!("{family}{}", faces[i % 4]))
        })
        .collect()
}

/// What every page is drawn on and with.
struct Canvas<'a> {
    size: Size,
    res: &'a Resources,
    /// Where each heading landed, for links.
    anchors: &'a Anchors,
    /// The contents' page numbers.
    numbers: PageNumbers<'a>,
    /// When validating only, the glyphs drawn so far: each is drawn once.
    once: Option<Once>,
}

/// Draws page `number` (from 1), which krilla is given as the location of every problem
/// it finds there.
fn draw_page(
    document: &mut Document,
    number: u64,
    page: &Page,
    canvas: &Canvas,
    drawn: &mut [Vec<Identifier>],
) {
    let mut pdf_page = document.start_page_with(PageSettings::new(canvas.size));
    let mut links = Vec::new();
    {
        let mut surface = pdf_page.surface();
        if let Some(location) = std::num::NonZeroU64::new(number) {
            surface.set_location(location);
        }
        let mut painter = Painter {
            surface: &mut surface,
            res: canvas.res,
            numbers: &canvas.numbers,
            drawn,
            links: &mut links,
            once: canvas.once.as_ref(),
        };
        // The draft mark goes first, so the text is drawn over it.
        painter.items(&page.watermark, ArtifactType::Watermark);
        painter.items(&page.body, ArtifactType::Layout);
        painter.items(&page.header, ArtifactType::Header);
        painter.items(&page.footer, ArtifactType::Footer);
        surface.finish();
    }
    // Annotations are added after the page's content, then take their place in the tags.
    for (rect, target, alt, leaf) in links {
        let Some(rect) =
            krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.w.max(0.1), rect.h.max(0.1))
        else {
            continue;
        };
        let Some(target) = link_target(&target, canvas.anchors) else {
            continue;
        };
        let link = krilla::annotation::LinkAnnotation::new(rect, target);
        let id = pdf_page
            .add_tagged_annotation(krilla::annotation::Annotation::new_link(link, Some(alt)));
        drawn[leaf].push(id);
    }
    pdf_page.finish();
}

/// A URL opens in the browser; an anchor goes to its heading's page and height.
fn link_target(target: &Target, anchors: &Anchors) -> Option<krilla::annotation::Target> {
    use krilla::annotation::Target as Goal;
    match target {
        Target::Url(url) => {
            let action = krilla::action::LinkAction::new(url.clone());
            Some(Goal::Action(action.into()))
        }
        Target::Anchor(anchor) => {
            let (page, y) = anchors.get(anchor)?;
            let xyz = XyzDestination::new(*page, Point::from_xy(0.0, *y));
            Some(Goal::Destination(Destination::Xyz(xyz)))
        }
    }
}

/// What every page draws with: the fonts, and each SVG picture drawn once as a reusable
/// graphic (the header logo is on every page; its paths are written once).
pub(super) struct Resources {
    fonts: Vec<Font>,
    /// Keyed by the address of the parsed SVG, which every copy of a picture shares.
    svgs: RefCell<BTreeMap<usize, Graphic>>,
}

impl Resources {
    pub(super) fn new(fonts: &FontSet) -> Result<Resources, PdfError> {
        Ok(Resources {
            fonts: krilla_fonts(fonts)?,
            svgs: RefCell::new(BTreeMap::new()),
        })
    }

    fn svg(&self, surface: &mut Surface, tree: &Arc<usvg::Tree>) -> Graphic {
        let key = Arc::as_ptr(tree) as usize;
        let mut svgs = self.svgs.borrow_mut();
        svgs.entry(key)
            .or_insert_with(|| {
                let mut builder = surface.stream_builder();
                let mut inner = builder.surface();
                let settings = SvgSettings {
                    embed_text: false,
                    ..SvgSettings::default()
                };
                let size = Size::from_wh(tree.size().width(), tree.size().height());
                if let Some(size) = size {
                    inner.draw_svg(tree, size, settings);
                }
                inner.finish();
                Graphic::new(builder.finish(), false)
            })
            .clone()
    }
}

/// A link found while painting: area, goal, alternative text, structure leaf.
type Link = (Rect, Target, String, usize);

struct Painter<'s, 'p, 'f, 'n> {
    surface: &'s mut Surface<'p>,
    res: &'f Resources,
    numbers: &'f PageNumbers<'n>,
    drawn: &'s mut [Vec<Identifier>],
    links: &'s mut Vec<Link>,
    once: Option<&'f Once>,
}

impl Painter<'_, '_, '_, '_> {
    /// What is drawn of `glyphs`: all of them for the file; when validating, those not
    /// drawn before.
    fn wanted<'g>(&self, glyphs: &'g Glyphs) -> Option<Cow<'g, Glyphs>> {
        match self.once {
            None => Some(Cow::Borrowed(glyphs)),
            Some(once) => once.unseen(glyphs).map(Cow::Owned),
        }
    }

    /// Whether an area or a line in `colour` is painted: always for the file; when
    /// validating, the first in each colour.
    fn paints(&self, colour: Rgb) -> bool {
        self.once.is_none_or(|once| once.unseen_colour(colour))
    }

    /// Draws `items`; those without a structure leaf become artifacts of `artifact`.
    fn items(&mut self, items: &[Item], artifact: ArtifactType) {
        for item in items {
            match item {
                Item::Text { x, y, glyphs, leaf } => {
                    if let Some(glyphs) = self.wanted(glyphs) {
                        self.tagged(leaf.map(|l| l.index()), artifact, |s, r| {
                            text(s, r, *x, *y, &glyphs)
                        })
                    }
                }
                Item::Fill { rect, color } if self.paints(*color) => {
                    self.tagged(None, artifact, |s, _| fill(s, rect, *color))
                }
                Item::Rule {
                    from,
                    to,
                    width,
                    color,
                } if self.paints(*color) => {
                    self.tagged(None, artifact, |s, _| rule(s, *from, *to, *width, *color))
                }
                Item::Fill { .. } | Item::Rule { .. } => {}
                Item::Vector { x, y, shape, leaf } => {
                    self.tagged(leaf.map(|l| l.index()), artifact, |s, _| {
                        vector(s, *x, *y, shape)
                    })
                }
                Item::Image {
                    rect,
                    picture,
                    leaf,
                } => self.tagged(leaf.map(|l| l.index()), artifact, |s, r| {
                    image(s, r, rect, picture)
                }),
                Item::Rotated {
                    center,
                    angle,
                    glyphs,
                } => {
                    if let Some(glyphs) = self.wanted(glyphs) {
                        self.tagged(None, artifact, |s, f| {
                            rotated(s, f, *center, *angle, &glyphs)
                        })
                    }
                }
                Item::Link {
                    rect,
                    target,
                    alt,
                    leaf,
                } => self
                    .links
                    .push((*rect, target.clone(), alt.clone(), leaf.index())),
                Item::PageNumber { .. } => {
                    if let Some(text) = self.numbers.text(item) {
                        self.items(&[text], artifact);
                    }
                }
            }
        }
    }

    /// Draws inside marked content: the leaf's when given, else an artifact. The section is
    /// always closed before returning.
    fn tagged(
        &mut self,
        leaf: Option<usize>,
        artifact: ArtifactType,
        draw: impl FnOnce(&mut Surface, &Resources),
    ) {
        let tag = match leaf {
            Some(_) => ContentTag::Span(SpanTag::empty()),
            None => ContentTag::Artifact(Artifact::with_kind(artifact)),
        };
        let id = self.surface.start_tagged(tag);
        draw(self.surface, self.res);
        self.surface.end_tagged();
        if let Some(leaf) = leaf {
            self.drawn[leaf].push(id);
        }
    }
}

/// One krilla font per face; faces that are the same font share it, so it is embedded once.
fn krilla_fonts(set: &FontSet) -> Result<Vec<Font>, PdfError> {
    let mut fonts: Vec<Font> = Vec::with_capacity(Face::ALL.len());
    for face in Face::ALL {
        let shared = fonts
            .get(set.slot(face).index())
            .filter(|_| set.slot(face) != face);
        let font = match shared {
            Some(font) => font.clone(),
            None => Font::new(Arc::clone(set.data(face)).into(), 0).ok_or_else(|| {
                PdfError::Export(format!("the font for {face:?} cannot be embedded"))
            })?,
        };
        fonts.push(font);
    }
    Ok(fonts)
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

/// `glyphs` drawn with their baseline starting at (`x`, `y`).
pub(super) fn text(surface: &mut Surface, res: &Resources, x: f32, y: f32, glyphs: &Glyphs) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(glyphs.color).into(),
        ..Fill::default()
    }));
    let (text, shift) = plain_spaces(&glyphs.text);
    let all = krilla_glyphs(glyphs, shift);
    // One call per font: a character the face lacks was shaped in its fallback.
    let mut x = x;
    let mut start = 0;
    for run in glyphs.glyphs.chunk_by(|a, b| a.face == b.face) {
        let font = res.fonts[run[0].face.index()].clone();
        let end = start + run.len();
        surface.draw_glyphs(
            Point::from_xy(x, y),
            &all[start..end],
            font,
            &text,
            glyphs.size,
            false,
        );
        x += run.iter().map(|g| g.advance).sum::<f32>() * glyphs.size;
        start = end;
    }
}

/// The text with each no-break space written as a space, and how to move a byte offset of
/// the original into it. A no-break space is drawn with the font's space glyph; were its
/// text kept, krilla would wrap the glyph in an `ActualText` span inside the element's
/// marked content, which text extractors (poppler, pdfminer) misread as the element's end,
/// losing the rest of "1 234 567" from a table cell.
fn plain_spaces(text: &str) -> (Cow<'_, str>, impl Fn(usize) -> usize) {
    let nbsp: Vec<usize> = text.match_indices('\u{a0}').map(|(i, _)| i).collect();
    let shorter = '\u{a0}'.len_utf8() - 1;
    let plain = if nbsp.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.replace('\u{a0}', " "))
    };
    let shift = move |offset: usize| offset - nbsp.partition_point(|&i| i < offset) * shorter;
    (plain, shift)
}

/// Glyphs with the byte range of the text each stands for, so copy-paste gives the text;
/// `shift` moves an offset of the glyphs' text into the text drawn.
fn krilla_glyphs(glyphs: &Glyphs, shift: impl Fn(usize) -> usize) -> Vec<KrillaGlyph> {
    glyphs
        .glyphs
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let end = glyphs.text_end(i);
            let range = shift(g.offset().min(end))..shift(end);
            KrillaGlyph::new(
                GlyphId::new(g.id),
                g.advance,
                g.x_offset,
                g.y_offset,
                0.0,
                range,
                None,
            )
        })
        .collect()
}

/// Text turned by `angle` degrees about `center`.
fn rotated(
    surface: &mut Surface,
    res: &Resources,
    center: (f32, f32),
    angle: f32,
    glyphs: &Glyphs,
) {
    surface.push_transform(&Transform::from_translate(center.0, center.1));
    surface.push_transform(&Transform::from_rotate(angle));
    text(
        surface,
        res,
        -glyphs.width() / 2.0,
        glyphs.size * 0.35,
        glyphs,
    );
    surface.pop();
    surface.pop();
}

fn fill(surface: &mut Surface, rect: &Rect, c: Rgb) {
    let Some(r) = krilla::geom::Rect::from_xywh(rect.x, rect.y, rect.w, rect.h) else {
        return;
    };
    let mut path = PathBuilder::new();
    path.push_rect(r);
    let Some(path) = path.finish() else { return };
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(c).into(),
        ..Fill::default()
    }));
    surface.draw_path(&path);
}

fn rule(surface: &mut Surface, from: (f32, f32), to: (f32, f32), width: f32, c: Rgb) {
    let mut path = PathBuilder::new();
    path.move_to(from.0, from.1);
    path.line_to(to.0, to.1);
    let Some(path) = path.finish() else { return };
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: color(c).into(),
        width,
        opacity: NormalizedF32::ONE,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
}

/// A chart's path or dot at (`x`, `y`).
fn vector(surface: &mut Surface, x: f32, y: f32, shape: &Shape) {
    let mut path = PathBuilder::new();
    let (fill, stroke) = match shape {
        Shape::Path {
            points,
            colour,
            width,
            dash,
        } => {
            let mut points = points.iter().map(|p| (x + p.0, y + p.1));
            let Some((first_x, first_y)) = points.next() else {
                return;
            };
            path.move_to(first_x, first_y);
            points.for_each(|(px, py)| path.line_to(px, py));
            let dash = dash.map(|[on, off]| StrokeDash {
                array: vec![on, off],
                offset: 0.0,
            });
            (None, stroke(*colour, *width, dash))
        }
        Shape::Dot {
            radius,
            fill,
            stroke: outline,
            width,
        } => {
            circle(&mut path, x, y, *radius);
            let fill = Fill {
                paint: color(*fill).into(),
                ..Fill::default()
            };
            (Some(fill), stroke(*outline, *width, None))
        }
    };
    let Some(path) = path.finish() else { return };
    surface.set_fill(fill);
    surface.set_stroke(Some(stroke));
    surface.draw_path(&path);
}

/// A circle as four Bézier quarter arcs (the usual 0.5523 handle length).
fn circle(path: &mut PathBuilder, x: f32, y: f32, r: f32) {
    let k = 0.552_284_8 * r;
    path.move_to(x + r, y);
    path.cubic_to(x + r, y + k, x + k, y + r, x, y + r);
    path.cubic_to(x - k, y + r, x - r, y + k, x - r, y);
    path.cubic_to(x - r, y - k, x - k, y - r, x, y - r);
    path.cubic_to(x + k, y - r, x + r, y - k, x + r, y);
    path.close();
}

fn stroke(c: Rgb, width: f32, dash: Option<StrokeDash>) -> Stroke {
    Stroke {
        paint: color(c).into(),
        width,
        line_join: LineJoin::Round,
        line_cap: LineCap::Round,
        opacity: NormalizedF32::ONE,
        dash,
        ..Stroke::default()
    }
}

fn image(surface: &mut Surface, res: &Resources, rect: &Rect, picture: &Picture) {
    let Some(size) = Size::from_wh(rect.w, rect.h) else {
        return;
    };
    surface.push_transform(&Transform::from_translate(rect.x, rect.y));
    match picture {
        Picture::Raster(image) => surface.draw_image(image.clone(), size),
        Picture::Svg(tree) => {
            let natural = tree.size();
            let scale = Transform::from_scale(rect.w / natural.width(), rect.h / natural.height());
            surface.push_transform(&scale);
            let graphic = res.svg(surface, tree);
            surface.draw_graphic(graphic);
            surface.pop();
        }
    }
    surface.pop();
}

/// `date` as a PDF date.
fn pdf_date(date: chrono::NaiveDate) -> DateTime {
    use chrono::Datelike;
    DateTime::new(date.year().clamp(0, 9999) as u16)
        .month(date.month() as u8)
        .day(date.day() as u8)
}

/// Embeds `attachment` as an associated file of the document (PDF/A-3's way of carrying
/// files), related as its source or as a supplement.
fn attach(document: &mut Document, attachment: &Attachment) -> Result<(), PdfError> {
    let fail = |why: &str| PdfError::Export(format!("cannot attach {}: {why}", attachment.name));
    let media_type = MimeType::new(attachment.media_type).ok_or_else(|| fail("no media type"))?;
    let file = EmbeddedFile {
        path: attachment.name.clone(),
        mime_type: Some(media_type),
        description: Some(attachment.description.clone()),
        association_kind: if attachment.source {
            AssociationKind::Source
        } else {
            AssociationKind::Supplement
        },
        data: attachment.data.clone().into(),
        modification_date: Some(pdf_date(attachment.modified)),
        compress: None,
        location: None,
    };
    document
        .embed_file(file)
        .ok_or_else(|| fail("two files of that name"))
}

fn metadata(meta: &Meta) -> Metadata {
    let date = pdf_date(meta.date);
    Metadata::new()
        .title(meta.title.clone())
        .description(meta.subject.clone())
        .authors(meta.authors.clone())
        .keywords(meta.keywords.clone())
        .language(meta.language.clone())
        .creator(format!("kvartal {}", env!("CARGO_PKG_VERSION")))
        .creation_date(date)
}
