//! Components: what Markdown cannot say, written as a fenced block named `kvartal-<name>`
//! whose body is YAML parameters.
//!
//! Entry point: [`parse`]. Unknown names and unknown parameters are errors naming the
//! component, so a layout author learns of a typo at once.

use super::limits::LOGO_HEIGHT_MM;
use super::printable::printable;
use super::{
    Block, Chart, ChartPoint, ChartTarget, FigureId, Image, ImageStore, ParseError, Signatures,
    Signer,
};
use serde::Deserialize;

/// The info-string prefix of a component fence.
pub const PREFIX: &str = "kvartal-";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LogoParams {
    image: String,
    alt: String,
    height_mm: Option<f32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContentsParams {
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureParams {
    place_and_date: String,
    signers: Vec<SignerParams>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignerParams {
    name: String,
    #[serde(default)]
    lines: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChartParams {
    #[serde(default)]
    name: Option<String>,
    alt: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    target: Option<TargetParams>,
    points: Vec<PointParams>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetParams {
    value: f64,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointParams {
    label: String,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    current: bool,
}

/// More points than this would not be legible side by side on a page.
const MAX_CHART_POINTS: usize = 40;

/// The block for component `name` with YAML parameters `body`.
pub fn parse(name: &str, body: &str, images: &ImageStore) -> Result<Block, ParseError> {
    match name {
        "logos" => logos(read(name, body)?, images),
        "signatures" => Ok(signatures(read(name, body)?)),
        "pagebreak" if body.trim().is_empty() => Ok(Block::PageBreak),
        "pagebreak" => Err(ParseError::new(format!(
            "component `{PREFIX}pagebreak` takes no parameters"
        ))),
        "chart" => chart(read(name, body)?),
        "contents" => {
            let params: ContentsParams = read(name, body)?;
            Ok(Block::Contents {
                title: printable(&params.title),
            })
        }
        _ => Err(ParseError::new(format!(
            "unknown component `{PREFIX}{name}`; known components are `{PREFIX}logos`, `{PREFIX}contents`, `{PREFIX}chart`, `{PREFIX}pagebreak` and `{PREFIX}signatures`"
        ))),
    }
}

fn read<'de, T: Deserialize<'de>>(name: &str, body: &'de str) -> Result<T, ParseError> {
    serde_saphyr::from_str(body)
        .map_err(|e| ParseError::new(format!("in component `{PREFIX}{name}`: {e}")))
}

fn logos(params: Vec<LogoParams>, images: &ImageStore) -> Result<Block, ParseError> {
    let logos = params
        .into_iter()
        .map(|p| {
            let image = images.get(&p.image).ok_or_else(|| {
                ParseError::new(format!("in component `{PREFIX}logos`: no image named `{}`", p.image))
            })?;
            let height_mm = p.height_mm.unwrap_or(image.height_mm);
            if !LOGO_HEIGHT_MM.contains(&height_mm) {
                return Err(ParseError::new(format!(
                    "in component `{PREFIX}logos`: height_mm must lie between {} and {}, not {height_mm}",
                    LOGO_HEIGHT_MM.start(),
                    LOGO_HEIGHT_MM.end()
                )));
            }
            Ok(Image { alt: printable(&p.alt), height_mm, ..image.clone() })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Block::Logos(logos))
}

fn chart(params: ChartParams) -> Result<Block, ParseError> {
    let fail = |why: &str| {
        Err(ParseError::new(format!(
            "in component `{PREFIX}chart`: {why}"
        )))
    };
    if params.alt.trim().is_empty() {
        return fail("`alt` must say what the chart shows");
    }
    if params.points.is_empty() || params.points.len() > MAX_CHART_POINTS {
        return fail(&format!(
            "`points` must hold 1 to {MAX_CHART_POINTS} points"
        ));
    }
    let values = params.points.iter().filter_map(|p| p.value);
    let target = params.target.as_ref().map(|t| t.value);
    if !values.chain(target).all(f64::is_finite) {
        return fail("every value must be a finite number");
    }
    Ok(Block::Chart(Chart {
        // Numbered by the parser, which knows the chart's place.
        id: FigureId::default(),
        name: params.name.as_deref().map(printable),
        alt: printable(&params.alt),
        unit: params.unit.as_deref().map(printable),
        target: params.target.map(|t| ChartTarget {
            value: t.value,
            label: printable(&t.label),
        }),
        points: params
            .points
            .into_iter()
            .map(|p| ChartPoint {
                label: printable(&p.label),
                value: p.value,
                current: p.current,
            })
            .collect(),
    }))
}

fn signatures(params: SignatureParams) -> Block {
    let signers = params
        .signers
        .into_iter()
        .map(|s| Signer {
            name: s.name,
            lines: s.lines,
        })
        .collect();
    Block::Signatures(Signatures {
        signers,
        place_and_date: params.place_and_date,
    })
}
