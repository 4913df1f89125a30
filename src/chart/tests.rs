use super::*;
use crate::doc::{ChartPoint, ChartTarget};

fn chart(values: &[Option<f64>], target: Option<f64>) -> Chart {
    let last = values.len().saturating_sub(1);
    Chart {
        id: crate::doc::FigureId::default(),
        name: None,
        alt: "Antal".into(),
        unit: Some("st".into()),
        target: target.map(|value| ChartTarget {
            value,
            label: "Mål".into(),
        }),
        points: values
            .iter()
            .enumerate()
            .map(|(i, &value)| ChartPoint {
                label: format!("K{} 2023", i % 4 + 1),
                value,
                current: i == last,
            })
            .collect(),
    }
}

fn swedish() -> NumberFormat {
    NumberFormat {
        decimal: ",".into(),
        thousands: "\u{a0}".into(),
    }
}

/// The lines of the series (drawn at the series' width) and the points of a chart.
fn series_and_dots(chart: &Chart) -> (usize, usize) {
    let style = Style::default();
    let marks = drawing(chart, 450.0, &style, &swedish()).marks;
    let lines = marks
        .iter()
        .filter(|m| matches!(m, Mark::Path { width, .. } if *width == SERIES_WIDTH))
        .count();
    let dots = marks
        .iter()
        .filter(|m| matches!(m, Mark::Dot { .. }))
        .count();
    (lines, dots)
}

/// The chart's SVG, checked to be an SVG that the renderer reads.
fn svg_of(chart: &Chart) -> String {
    let svg = inline(chart, &Style::default(), &swedish(), "c");
    usvg::Tree::from_data(svg.as_bytes(), &crate::image::svg_options()).expect("a valid SVG");
    svg
}

/// The value of the first `attribute="…pt"` of `svg`, in points.
fn points(svg: &str, attribute: &str) -> f32 {
    svg.split(&format!("{attribute}=\""))
        .nth(1)
        .and_then(|rest| rest.split("pt\"").next())
        .and_then(|value| value.parse().ok())
        .expect("a length in points")
}

#[test]
fn the_chart_is_the_width_of_the_text_with_its_alt_text() {
    let svg = svg_of(&chart(&[Some(10.0), Some(11.0)], Some(12.0)));
    assert!(svg.contains(r#"<desc id="c-desc">Antal</desc>"#), "{svg}");
    assert!((points(&svg, "height") - HEIGHT_MM * PT_PER_MM).abs() < 0.01);
    let style = Style::default();
    let width =
        (style.page.width_mm - style.page.margin_left_mm - style.page.margin_right_mm) * PT_PER_MM;
    let written = points(&svg, "width");
    assert!((written - width).abs() < 0.01, "{written} ≠ {width}");
}

#[test]
fn values_target_and_quarters_are_labelled() {
    let svg = svg_of(&chart(&[Some(10.0), Some(11.5)], Some(12.0)));
    assert!(svg.contains(">11,5</text>"), "{svg}");
    assert!(svg.contains(">Mål 12</text>"), "{svg}");
    assert!(
        svg.contains("stroke-dasharray"),
        "the target is dashed: {svg}"
    );
    assert!(
        svg.contains(r#"font-weight="bold">K2 2023</text>"#),
        "{svg}"
    );
    assert_eq!(
        series_and_dots(&chart(&[Some(10.0), Some(11.5)], Some(12.0))),
        (1, 2)
    );
}

#[test]
fn a_missing_quarter_breaks_the_line() {
    let gapped = chart(&[Some(1.0), Some(2.0), None, Some(3.0), Some(4.0)], None);
    assert_eq!(
        series_and_dots(&gapped),
        (2, 4),
        "two lines, no point for the gap"
    );
    let svg = svg_of(&gapped);
    assert!(
        svg.contains(">K3 2023</text>"),
        "the gap's quarter is still on the axis"
    );
}

#[test]
fn one_value_is_one_point() {
    let single = chart(&[Some(7.0)], None);
    assert_eq!(series_and_dots(&single), (0, 1));
    assert!(svg_of(&single).contains(">7</text>"));
}

#[test]
fn negative_and_large_numbers_are_written_in_the_language() {
    let svg = svg_of(&chart(&[Some(-3.0), Some(2.0)], None));
    assert!(
        svg.contains(">-4</text>") && svg.contains(">0</text>"),
        "{svg}"
    );
    let svg = svg_of(&chart(&[Some(1_234_567.0), Some(1_500_000.0)], None));
    assert!(svg.contains(">1\u{a0}234\u{a0}567</text>"), "{svg}");
}

#[test]
fn text_that_means_something_to_svg_is_escaped() {
    let mut c = chart(&[Some(1.0)], Some(2.0));
    c.points[0].label = "<K1> & \"2023\"".into();
    let svg = svg_of(&c);
    assert!(svg.contains("&lt;K1&gt; &amp; &quot;2023&quot;"), "{svg}");
}

#[test]
fn an_inline_chart_is_an_image_named_by_its_title_and_described_by_its_alt_text() {
    let mut c = chart(&[Some(10.0), Some(11.0)], Some(12.0));
    c.name = Some("Antal <brott> & \"larm\"".into());
    c.alt = "10 i K1 & 11 i K2".into();
    let svg = inline(&c, &Style::default(), &swedish(), "kvartal--chart-1");
    usvg::Tree::from_data(svg.as_bytes(), &crate::image::svg_options()).expect("a valid SVG");
    assert!(
        svg.contains(
            r#" role="img" aria-labelledby="kvartal--chart-1-title kvartal--chart-1-desc">"#
        ),
        "{svg}"
    );
    assert!(
        svg.contains(r#"<title id="kvartal--chart-1-title">Antal &lt;brott&gt; &amp; &quot;larm&quot;</title><desc id="kvartal--chart-1-desc">10 i K1 &amp; 11 i K2</desc>"#),
        "{svg}"
    );
}

#[test]
fn an_inline_chart_without_a_name_is_named_by_its_description() {
    let svg = inline(
        &chart(&[Some(1.0)], None),
        &Style::default(),
        &swedish(),
        "c",
    );
    assert!(svg.contains(r#"aria-labelledby="c-desc">"#), "{svg}");
    assert!(!svg.contains("<title"), "{svg}");
}
