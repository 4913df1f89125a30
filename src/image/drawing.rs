//! What an SVG costs to draw, judged before anything is drawn: its effects and its lines
//! and curves.
//!
//! Both backends rasterise filters (krilla-svg for the PDF, resvg for the DOCX), and some
//! primitives cost far more than their size: morphology takes every pixel of its region
//! times its kernel, `(2rx+1)(2ry+1)` pixels. resvg also draws every group with a mask, a
//! clip path or transparency on layers of its own (sixty nested masks took it 5 s). [`check`]
//! sums the pixels of every filter primitive's region and every layer at the largest size a
//! backend draws the SVG, times their work per pixel, and refuses the SVG above
//! [`MAX_EFFECT_COST`]. resvg strokes
//! every segment and every dash of a path (a million segments took 15 s and 1.4 GB), so
//! segments and dashes are counted against [`MAX_SVG_SEGMENTS`] as well.

use super::budget::{MAX_EFFECT_COST, MAX_SVG_SEGMENTS, Refusal};
use usvg::filter::{Filter, Kind};
use usvg::{Group, ImageKind, Node, Path, Tree};

/// Pixels at which an SVG's height is drawn at most: a layout draws a logo at most 100 mm
/// high (`LogoMm` in template::style; the `kvartal-logos` component allows 80), which the
/// DOCX rasterises at 300 dpi and krilla-svg filters at 4 pixels a point (about as many).
const DRAWN_PX: f32 = 1181.0;

/// Refuses `tree` when its filters or its segments are beyond the budget.
pub fn check(tree: &Tree) -> Result<(), Refusal> {
    let cost = group_cost(tree.root(), View::of(tree, DRAWN_PX / tree.size().height()));
    if cost.pixels > MAX_EFFECT_COST {
        Err(Refusal::Effects)
    } else if cost.segments > MAX_SVG_SEGMENTS {
        Err(Refusal::Segments)
    } else {
        Ok(())
    }
}

/// How a tree is drawn: `scale` pixels to its unit, on a canvas `width` × `height` pixels.
/// resvg clips every layer and filter region to five times the canvas each way.
#[derive(Clone, Copy)]
struct View {
    scale: f32,
    width: f32,
    height: f32,
}

impl View {
    fn of(tree: &Tree, scale: f32) -> View {
        View {
            scale,
            width: tree.size().width() * scale,
            height: tree.size().height() * scale,
        }
    }

    /// A region's pixels, `width` × `height` units at this view's scale, as resvg clips it.
    fn region(self, width: f32, height: f32) -> f64 {
        let side = |length: f32, canvas: f32| f64::from(length.clamp(1.0, 5.0 * canvas.max(1.0)));
        side(width * self.scale, self.width) * side(height * self.scale, self.height)
    }
}

/// Work on layers and filter regions in pixel operations, and lines, curves and dashes to
/// stroke or fill.
#[derive(Default)]
struct Cost {
    pixels: f64,
    segments: f64,
}

impl std::ops::Add for Cost {
    type Output = Cost;
    fn add(self, other: Cost) -> Cost {
        Cost {
            pixels: self.pixels + other.pixels,
            segments: self.segments + other.segments,
        }
    }
}

/// The cost of `group` and of everything below it, drawn in `view`.
fn group_cost(group: &Group, view: View) -> Cost {
    let (sx, sy) = group.abs_transform().get_scale();
    let filters: f64 = group
        .filters()
        .iter()
        .map(|filter| filter_cost(filter, view, sx, sy))
        .sum();
    let own = Cost {
        pixels: filters + layer_cost(group, view),
        segments: 0.0,
    };
    group.children().iter().fold(own, |cost, child| {
        cost + match child {
            Node::Group(inner) => group_cost(inner, view) + subroots_cost(child, view),
            Node::Image(image) => match image.kind() {
                ImageKind::SVG(tree) => {
                    let (ix, iy) = image.abs_transform().get_scale();
                    let fit = (image.size().width() / tree.size().width())
                        .max(image.size().height() / tree.size().height());
                    group_cost(tree.root(), View::of(tree, view.scale * ix.max(iy) * fit))
                }
                _ => Cost::default(),
            },
            Node::Path(path) => {
                let segments = Cost {
                    pixels: 0.0,
                    segments: segments(path),
                };
                segments + subroots_cost(child, view)
            }
            Node::Text(_) => subroots_cost(child, view),
        }
    })
}

/// Clip paths, masks, patterns, filter images and the outlines of text: drawn as groups of
/// their own.
fn subroots_cost(node: &Node, view: View) -> Cost {
    let mut cost = Cost::default();
    node.subroots(|root| cost = std::mem::take(&mut cost) + group_cost(root, view));
    cost
}

/// resvg draws a group with transparency, a clip path, a mask, a filter or a blend mode on
/// a layer of its own, the group's size within the canvas, and a clip path or a mask on one
/// more each.
fn layer_cost(group: &Group, view: View) -> f64 {
    if !group.should_isolate() {
        return 0.0;
    }
    let bounds = group.abs_layer_bounding_box();
    // A clip path or mask is drawn on a layer of its own and applied as a third.
    let masks = usize::from(group.clip_path().is_some()) + usize::from(group.mask().is_some());
    view.region(bounds.width(), bounds.height()) * (1 + 2 * masks) as f64
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

/// The cost of one filter of a group scaled `sx` × `sy` in `view`.
fn filter_cost(filter: &Filter, view: View, sx: f32, sy: f32) -> f64 {
    filter
        .primitives()
        .iter()
        .map(|primitive| {
            let rect = primitive.rect();
            let area = view.region(rect.width() * sx, rect.height() * sy);
            area * per_pixel(primitive.kind(), sx * view.scale, sy * view.scale, area)
        })
        .sum()
}

/// The work per pixel of a primitive on a region of `area` pixels, `sx` × `sy` pixels to
/// its unit.
fn per_pixel(kind: &Kind, sx: f32, sy: f32, area: f64) -> f64 {
    match kind {
        // resvg's kernel is the radius in pixels, twice over, at most the region.
        Kind::Morphology(m) => {
            let kernel = |radius: f32, scale: f32| 2.0 * f64::from((radius * scale).ceil()) + 1.0;
            (kernel(m.radius_x().get(), sx) * kernel(m.radius_y().get(), sy)).min(area)
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
