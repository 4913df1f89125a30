//! What an SVG costs to draw, judged before anything is drawn: its filter effects and its
//! lines and curves.
//!
//! Both backends rasterise filters (krilla-svg for the PDF, resvg for the DOCX), and some
//! primitives cost far more than their size: morphology takes every pixel of its region
//! times its kernel, `(2rx+1)(2ry+1)` pixels. [`check`] sums, over every primitive of every
//! filter, the pixels of its region at the largest size a backend draws the SVG, times the
//! primitive's work per pixel, and refuses the SVG above [`MAX_FILTER_COST`]. resvg strokes
//! every segment and every dash of a path (a million segments took 15 s and 1.4 GB), so
//! segments and dashes are counted against [`MAX_SVG_SEGMENTS`] as well.

use super::budget::{MAX_FILTER_COST, MAX_SVG_SEGMENTS, Refusal};
use usvg::filter::{Filter, Kind};
use usvg::{Group, ImageKind, Node, Path, Tree};

/// Pixels at which an SVG's height is drawn at most: a layout draws a logo at most 100 mm
/// high (`LogoMm` in template::style; the `kvartal-logos` component allows 80), which the
/// DOCX rasterises at 300 dpi and krilla-svg filters at 4 pixels a point (about as many).
const DRAWN_PX: f32 = 1181.0;

/// Refuses `tree` when its filters or its segments are beyond the budget.
pub fn check(tree: &Tree) -> Result<(), Refusal> {
    let scale = DRAWN_PX / tree.size().height();
    let cost = group_cost(tree.root(), scale);
    if cost.filters > MAX_FILTER_COST {
        Err(Refusal::Filters)
    } else if cost.segments > MAX_SVG_SEGMENTS {
        Err(Refusal::Segments)
    } else {
        Ok(())
    }
}

/// Filter work in pixel operations, and lines, curves and dashes to stroke or fill.
#[derive(Default)]
struct Cost {
    filters: f64,
    segments: f64,
}

impl std::ops::Add for Cost {
    type Output = Cost;
    fn add(self, other: Cost) -> Cost {
        Cost {
            filters: self.filters + other.filters,
            segments: self.segments + other.segments,
        }
    }
}

/// The cost of `group` and of everything below it, `scale` pixels to the unit of the tree
/// it belongs to.
fn group_cost(group: &Group, scale: f32) -> Cost {
    let (sx, sy) = group.abs_transform().get_scale();
    let own = Cost {
        filters: group
            .filters()
            .iter()
            .map(|filter| filter_cost(filter, sx * scale, sy * scale))
            .sum(),
        segments: 0.0,
    };
    group.children().iter().fold(own, |cost, child| {
        cost + match child {
            Node::Group(inner) => group_cost(inner, scale) + subroots_cost(child, scale),
            Node::Image(image) => match image.kind() {
                ImageKind::SVG(tree) => {
                    let (ix, iy) = image.abs_transform().get_scale();
                    let fit = (image.size().width() / tree.size().width())
                        .max(image.size().height() / tree.size().height());
                    group_cost(tree.root(), scale * ix.max(iy) * fit)
                }
                _ => Cost::default(),
            },
            Node::Path(path) => {
                let segments = Cost {
                    filters: 0.0,
                    segments: segments(path),
                };
                segments + subroots_cost(child, scale)
            }
            Node::Text(_) => subroots_cost(child, scale),
        }
    })
}

/// Clip paths, masks, patterns, filter images and the outlines of text: drawn as groups of
/// their own.
fn subroots_cost(node: &Node, scale: f32) -> Cost {
    let mut cost = Cost::default();
    node.subroots(|root| cost = std::mem::take(&mut cost) + group_cost(root, scale));
    cost
}

/// The segments of `path`, and its dashes when it is stroked with a dash pattern: as many
/// patterns as fit the length of its control polygon (never shorter than the path).
fn segments(path: &Path) -> f64 {
    let drawn = path.data().verbs().len() as f64;
    let Some(dashes) = path.stroke().and_then(|stroke| stroke.dasharray()) else {
        return drawn;
    };
    let pattern: f32 = dashes.iter().sum();
    // usvg gives the pattern as dash and gap pairs.
    let per_pattern = (dashes.len() / 2).max(1) as f32;
    let length: f32 = path
        .data()
        .points()
        .windows(2)
        .map(|pair| pair[0].distance(pair[1]))
        .sum();
    drawn + f64::from(length / pattern.max(f32::MIN_POSITIVE) * per_pattern)
}

/// The cost of one filter drawn at `sx` × `sy` pixels to its unit.
fn filter_cost(filter: &Filter, sx: f32, sy: f32) -> f64 {
    filter
        .primitives()
        .iter()
        .map(|primitive| {
            let rect = primitive.rect();
            let width = pixels(rect.width() * sx);
            let height = pixels(rect.height() * sy);
            width * height * per_pixel(primitive.kind(), sx, sy, width, height)
        })
        .sum()
}

/// A length in pixels as a region side: at least one. resvg allocates a region whole,
/// beyond its canvas too, so a filter region far larger than the drawing costs its size.
fn pixels(length: f32) -> f64 {
    f64::from(length.max(1.0))
}

/// The work per pixel of a primitive whose region is `width` × `height` pixels.
fn per_pixel(kind: &Kind, sx: f32, sy: f32, width: f64, height: f64) -> f64 {
    match kind {
        // resvg's kernel is the radius in pixels, twice over, at most the region.
        Kind::Morphology(m) => {
            let kernel = |radius: f32, scale: f32, side: f64| {
                (2.0 * f64::from((radius * scale).ceil()) + 1.0).min(side)
            };
            kernel(m.radius_x().get(), sx, width) * kernel(m.radius_y().get(), sy, height)
        }
        Kind::ConvolveMatrix(c) => f64::from(c.matrix().columns()) * f64::from(c.matrix().rows()),
        Kind::Turbulence(t) => f64::from(t.num_octaves().max(1)),
        // Three box blurs, or an IIR filter, whatever the deviation.
        Kind::GaussianBlur(_) | Kind::DropShadow(_) => 3.0,
        // A normal from the 3 × 3 neighbourhood of each pixel.
        Kind::DiffuseLighting(_) | Kind::SpecularLighting(_) => 9.0,
        _ => 1.0,
    }
}
