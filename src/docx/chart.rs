//! A metric's chart as a native Word chart (a DrawingML chart part), so that a person can
//! restyle it and change its numbers in Word rather than redraw a picture.
//!
//! Entry point: [`part`]. It draws what the PDF's chart ([`crate::chart`]) draws, as far as
//! DrawingML can say it: the values as a solid line in the heading colour with each value
//! written above its point, the report's quarter as a larger filled point with its value in
//! bold, the target as a dashed line in the text colour labelled with its value at the
//! line's end, light grid lines, and a gap for a quarter without a value. Word and
//! LibreOffice draw from the values cached in the part; the formulas beside them name the
//! cells of the embedded workbook ([`super::workbook`]) that Word's "Edit data" opens.

use super::fonts::word_family;
use super::workbook::{Column, number};
use crate::chart::{DASH, DOT_STROKE, PAPER, SERIES_WIDTH};
use crate::doc::{Chart, ChartTarget, Rgb, Style};
use crate::xml::escape;

pub(super) const CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/// The id by which the chart part's own relationships name its embedded workbook.
pub(super) const WORKBOOK_RELATIONSHIP: &str = "rId1";

/// The axes' ids, by which the line chart and each axis name one another.
const CATEGORY_AXIS: u32 = 1;
const VALUE_AXIS: u32 = 2;
/// Marker sizes in points: the diameters of the PDF's dots.
const MARKER_PT: u32 = 5;
const CURRENT_MARKER_PT: u32 = 8;
/// Line widths in points, as the PDF draws them.
const TARGET_WIDTH_PT: f32 = 1.1;
const GRID_WIDTH_PT: f32 = 0.4;
/// The zero line, when values lie on both sides of it.
const ZERO_WIDTH_PT: f32 = 0.9;
const EMU_PER_PT: f32 = 12_700.0;

/// The chart part (word/charts/chartN.xml): a line chart of `chart`'s points named
/// `series_name`, with its target when it has one, in `style`'s colours and small text
/// size, its text in `language` (a BCP 47 tag). It has no title: the caption paragraph
/// before it names it. Its embedded workbook is named by [`WORKBOOK_RELATIONSHIP`] in the
/// chart part's own relationships.
pub(super) fn part(chart: &Chart, series_name: &str, style: &Style, language: &str) -> String {
    let look = Look::new(style, language);
    let mut series = values_series(chart, series_name, &look);
    if let Some(target) = &chart.target {
        series.push_str(&target_series(chart, target, &look));
    }
    // Only a second series needs telling apart from the first; the caption names the chart.
    let legend = chart
        .target
        .as_ref()
        .map_or(String::new(), |_| legend(&look));
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" "#,
            r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<c:date1904 val="0"/><c:lang val="{language}"/><c:roundedCorners val="0"/>"#,
            r#"<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>"#,
            r#"<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{series}"#,
            r#"<c:marker val="1"/><c:axId val="{category}"/><c:axId val="{value}"/></c:lineChart>"#,
            "{category_axis}{value_axis}<c:spPr>{nothing}</c:spPr></c:plotArea>{legend}",
            r#"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#,
            "<c:spPr>{nothing}</c:spPr>{text}",
            r#"<c:externalData r:id="{workbook}"><c:autoUpdate val="0"/></c:externalData>"#,
            "</c:chartSpace>"
        ),
        language = look.language,
        series = series,
        category = CATEGORY_AXIS,
        value = VALUE_AXIS,
        category_axis = category_axis(chart, &look),
        value_axis = value_axis(chart, &look),
        nothing = NO_FILL_NO_LINE,
        legend = legend,
        text = look.text(style.colours.text, false),
        workbook = WORKBOOK_RELATIONSHIP,
    )
}

/// Neither background nor border: the chart lies on the page like the PDF's.
const NO_FILL_NO_LINE: &str = "<a:noFill/><a:ln><a:noFill/></a:ln>";

/// What every text in the chart shares: the body font at the small size, in the report's
/// language.
struct Look<'a> {
    style: &'a Style,
    /// Escaped for an attribute.
    family: String,
    /// Escaped for an attribute.
    language: String,
    /// Hundredths of a point.
    size: u32,
}

impl<'a> Look<'a> {
    fn new(style: &'a Style, language: &str) -> Look<'a> {
        Look {
            style,
            family: escape(word_family(&style.fonts.body)),
            language: escape(language),
            // The schema's bounds; a style's small size lies well inside them.
            size: (style.sizes.small_pt * 100.0)
                .round()
                .clamp(100.0, 400_000.0) as u32,
        }
    }

    /// Text properties (`c:txPr`) for labels in `colour`.
    fn text(&self, colour: Rgb, bold: bool) -> String {
        format!(
            "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{}</a:pPr>{}</a:p></c:txPr>",
            self.run("a:defRPr", colour, bold),
            self.run("a:endParaRPr", colour, bold)
        )
    }

    /// Character properties as the element `name` (`a:defRPr`, `a:rPr`, ...).
    fn run(&self, name: &str, colour: Rgb, bold: bool) -> String {
        format!(
            r#"<{name} lang="{}" sz="{}" b="{}">{}<a:latin typeface="{}"/></{name}>"#,
            self.language,
            self.size,
            u8::from(bold),
            fill(colour),
            self.family
        )
    }
}

/// The series of values: a solid line with a marker and a label on each value.
fn values_series(chart: &Chart, name: &str, look: &Look) -> String {
    let colour = look.style.colours.heading;
    let line = line(SERIES_WIDTH, colour, false);
    let current: String = current_points(chart)
        .map(|index| current_point(index, &line, look))
        .collect();
    let values: Vec<Option<f64>> = chart.points.iter().map(|p| p.value).collect();
    format!(
        concat!(
            r#"<c:ser><c:idx val="0"/><c:order val="0"/>{name}<c:spPr>{line}</c:spPr>"#,
            "{marker}{current}{labels}{categories}{values}",
            r#"<c:smooth val="0"/></c:ser>"#
        ),
        name = series_name(Column::Values, name),
        line = line,
        marker = marker(MARKER_PT, PAPER, colour),
        current = current,
        labels = value_labels(chart, look),
        categories = categories(chart),
        values = cached_values(Column::Values, &values),
    )
}

/// The indices of the report's own quarter (normally one) when it has a value to mark.
fn current_points(chart: &Chart) -> impl Iterator<Item = usize> + '_ {
    chart
        .points
        .iter()
        .enumerate()
        .filter(|(_, point)| point.current && point.value.is_some())
        .map(|(index, _)| index)
}

/// The report's quarter: a larger marker filled in the series' colour. The line into it is
/// given again, as Word draws a formatted point's segment in its own style otherwise.
fn current_point(index: usize, line: &str, look: &Look) -> String {
    let colour = look.style.colours.heading;
    format!(
        r#"<c:dPt><c:idx val="{index}"/>{}<c:bubble3D val="0"/><c:spPr>{line}</c:spPr></c:dPt>"#,
        marker(CURRENT_MARKER_PT, colour, colour)
    )
}

/// A round marker `size` points wide, filled with `fill` and ringed in `stroke`.
fn marker(size: u32, inside: Rgb, stroke: Rgb) -> String {
    format!(
        r#"<c:marker><c:symbol val="circle"/><c:size val="{size}"/><c:spPr>{}{}</c:spPr></c:marker>"#,
        fill(inside),
        line(DOT_STROKE, stroke, false)
    )
}

/// Each value written above its point on the page's colour, so a grid line does not run
/// through it; the report's quarter's in bold.
fn value_labels(chart: &Chart, look: &Look) -> String {
    let values = chart.points.iter().filter_map(|p| p.value);
    let format = number_format(values.map(decimals).max().unwrap_or(0));
    let bold: String = current_points(chart)
        .map(|index| {
            let label = label(format, look, true, "t", Show::Value);
            format!(r#"<c:dLbl><c:idx val="{index}"/>{label}</c:dLbl>"#)
        })
        .collect();
    let all = label(format, look, false, "t", Show::Value);
    format!("<c:dLbls>{bold}{all}</c:dLbls>")
}

/// The target series: a dashed line without markers at the target on every quarter.
fn target_series(chart: &Chart, target: &ChartTarget, look: &Look) -> String {
    let values = vec![Some(target.value); chart.points.len()];
    format!(
        concat!(
            r#"<c:ser><c:idx val="1"/><c:order val="1"/>{name}<c:spPr>{line}</c:spPr>"#,
            r#"<c:marker><c:symbol val="none"/></c:marker>{labels}{categories}{values}"#,
            r#"<c:smooth val="0"/></c:ser>"#
        ),
        name = series_name(Column::Target, &target.label),
        line = line(TARGET_WIDTH_PT, look.style.colours.text, true),
        labels = target_label(chart, target, look),
        categories = categories(chart),
        values = cached_values(Column::Target, &values),
    )
}

/// "Mål 12" in bold right of the target line's last point, as the PDF writes it at the
/// line's end; no other point of the target is labelled.
fn target_label(chart: &Chart, target: &ChartTarget, look: &Look) -> String {
    let last = chart.points.len().saturating_sub(1);
    let format = number_format(decimals(target.value));
    format!(
        r#"<c:dLbls><c:dLbl><c:idx val="{last}"/>{}</c:dLbl>{}</c:dLbls>"#,
        label(format, look, true, "r", Show::NameAndValue),
        show(Show::Nothing)
    )
}

/// What a data label shows.
#[derive(Clone, Copy)]
enum Show {
    Nothing,
    Value,
    /// The series' name and the value, a space apart.
    NameAndValue,
}

/// A data label's content: the value in `format`, on the page's colour, in the text colour,
/// at `position` (`t` above the point, `r` right of it).
fn label(format: &str, look: &Look, bold: bool, position: &str, what: Show) -> String {
    format!(
        r#"<c:numFmt formatCode="{format}" sourceLinked="0"/><c:spPr>{}<a:ln><a:noFill/></a:ln></c:spPr>{}<c:dLblPos val="{position}"/>{}"#,
        fill(PAPER),
        look.text(look.style.colours.text, bold),
        show(what)
    )
}

/// The flags saying what a data label shows, all of them written: Word reads a missing
/// flag differently from LibreOffice.
fn show(what: Show) -> String {
    let (value, name) = match what {
        Show::Nothing => (false, false),
        Show::Value => (true, false),
        Show::NameAndValue => (true, true),
    };
    let separator = if name {
        "<c:separator> </c:separator>"
    } else {
        ""
    };
    format!(
        concat!(
            r#"<c:showLegendKey val="0"/><c:showVal val="{}"/><c:showCatName val="0"/>"#,
            r#"<c:showSerName val="{}"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>{}"#
        ),
        u8::from(value),
        u8::from(name),
        separator
    )
}

/// A number format with grouped thousands and `decimals` decimals. One format serves all of
/// a series' labels: "#,##0.##" would drop trailing zeros as the PDF does but leave a bare
/// separator after a whole number ("12,"). Word writes the separators of its own locale.
fn number_format(decimals: usize) -> &'static str {
    match decimals {
        0 => "#,##0",
        1 => "#,##0.0",
        _ => "#,##0.00",
    }
}

/// How many decimals the PDF writes `value` with: at most two, trailing zeros dropped.
fn decimals(value: f64) -> usize {
    let fixed = format!("{:.2}", value.abs());
    let fraction = fixed.split_once('.').map_or("", |(_, fraction)| fraction);
    fraction.trim_end_matches('0').len()
}

/// A series' name: the header cell of its column, with its text cached.
fn series_name(column: Column, name: &str) -> String {
    format!(
        r#"<c:tx><c:strRef><c:f>{}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{}</c:v></c:pt></c:strCache></c:strRef></c:tx>"#,
        column.header(),
        escape(name)
    )
}

/// The quarters, column A of the workbook, cached.
fn categories(chart: &Chart) -> String {
    let count = chart.points.len();
    let labels: String = chart
        .points
        .iter()
        .enumerate()
        .map(|(index, point)| {
            let label = escape(&point.label);
            format!(r#"<c:pt idx="{index}"><c:v>{label}</c:v></c:pt>"#)
        })
        .collect();
    format!(
        r#"<c:cat><c:strRef><c:f>{}</c:f><c:strCache><c:ptCount val="{count}"/>{labels}</c:strCache></c:strRef></c:cat>"#,
        Column::Labels.range(count)
    )
}

/// `values` as `column`'s cells, cached. A missing value has no cached point, which with
/// `dispBlanksAs` "gap" breaks the line; the count still covers every quarter.
fn cached_values(column: Column, values: &[Option<f64>]) -> String {
    let points: String = values
        .iter()
        .enumerate()
        .filter_map(|(index, value)| {
            value.map(|v| format!(r#"<c:pt idx="{index}"><c:v>{}</c:v></c:pt>"#, number(v)))
        })
        .collect();
    format!(
        r#"<c:val><c:numRef><c:f>{}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{}"/>{points}</c:numCache></c:numRef></c:val>"#,
        column.range(values.len()),
        values.len()
    )
}

/// The quarters below the plot, whatever the values' sign, on a line at zero (or at the
/// scale's bottom), without tick marks.
fn category_axis(chart: &Chart, look: &Look) -> String {
    format!(
        concat!(
            r#"<c:catAx><c:axId val="{id}"/><c:scaling><c:orientation val="minMax"/></c:scaling>"#,
            r#"<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>"#,
            r#"<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>"#,
            r#"<c:spPr>{line}</c:spPr>{text}<c:crossAx val="{other}"/><c:crosses val="autoZero"/>"#,
            r#"<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#
        ),
        id = CATEGORY_AXIS,
        line = zero_line(chart, look.style),
        text = look.text(look.style.colours.text, false),
        other = VALUE_AXIS,
    )
}

/// The line the quarters stand on: darker when values lie below zero, so zero stands out
/// from the grid, as in the PDF; otherwise a grid line like the others.
fn zero_line(chart: &Chart, style: &Style) -> String {
    let values = chart.points.iter().filter_map(|p| p.value);
    let mut all = values.chain(chart.target.as_ref().map(|t| t.value));
    if all.any(|v| v < 0.0) {
        line(ZERO_WIDTH_PT, style.colours.muted, false)
    } else {
        line(GRID_WIDTH_PT, style.colours.rule, false)
    }
}

/// The value axis: light grid lines and muted numbers, no axis line, with the unit above
/// it. The range is left to Word, so that edited data stays inside it. Its numbers use
/// "General", which writes as many decimals as a tick needs; a fixed number of decimals
/// could write two ticks alike.
fn value_axis(chart: &Chart, look: &Look) -> String {
    let style = look.style;
    format!(
        concat!(
            r#"<c:valAx><c:axId val="{id}"/><c:scaling><c:orientation val="minMax"/></c:scaling>"#,
            r#"<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr>{grid}</c:spPr></c:majorGridlines>"#,
            r#"{unit}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>"#,
            r#"<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>"#,
            r#"{text}<c:crossAx val="{other}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>"#
        ),
        id = VALUE_AXIS,
        grid = line(GRID_WIDTH_PT, style.colours.rule, false),
        unit = chart
            .unit
            .as_deref()
            .map_or(String::new(), |u| unit(u, look)),
        text = look.text(style.colours.muted, false),
        other = CATEGORY_AXIS,
    )
}

/// The unit ("st", "%") as the value axis's title, upright in the chart's top left corner
/// where the PDF writes it.
fn unit(unit: &str, look: &Look) -> String {
    let colour = look.style.colours.muted;
    format!(
        concat!(
            r#"<c:title><c:tx><c:rich><a:bodyPr rot="0" vert="horz"/><a:lstStyle/>"#,
            "<a:p><a:pPr>{}</a:pPr><a:r>{}<a:t>{}</a:t></a:r></a:p></c:rich></c:tx>",
            r#"<c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/>"#,
            r#"<c:x val="0"/><c:y val="0"/></c:manualLayout></c:layout><c:overlay val="0"/></c:title>"#
        ),
        look.run("a:defRPr", colour, false),
        look.run("a:rPr", colour, false),
        escape(unit)
    )
}

/// The series' names under the plot.
fn legend(look: &Look) -> String {
    format!(
        r#"<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{}</c:legend>"#,
        look.text(look.style.colours.text, false)
    )
}

/// A line `width` points wide in `colour`, dashed as the PDF dashes the target.
fn line(width: f32, colour: Rgb, dashed: bool) -> String {
    let dash = if dashed { dash(width) } else { String::new() };
    format!(
        r#"<a:ln w="{}" cap="rnd">{}{dash}<a:round/></a:ln>"#,
        emu(width),
        fill(colour)
    )
}

/// The PDF's dash pattern for a line `width` points wide: DrawingML measures dashes in
/// thousandths of a percent of the line's width.
fn dash(width: f32) -> String {
    let relative = |length: f32| (length / width * 100_000.0).round() as u32;
    format!(
        r#"<a:custDash><a:ds d="{}" sp="{}"/></a:custDash>"#,
        relative(DASH[0]),
        relative(DASH[1])
    )
}

fn fill(colour: Rgb) -> String {
    format!(
        r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
        colour.hex()
    )
}

/// Points in English Metric Units, DrawingML's lengths.
fn emu(points: f32) -> u32 {
    (points * EMU_PER_PT).round() as u32
}

#[cfg(test)]
mod tests {
    use super::super::workbook::tests::chart;
    use super::*;
    use crate::doc::{Font, FontFiles};
    use roxmltree::{Document, Node};
    use std::sync::Arc;

    fn xml(chart: &Chart) -> String {
        part(chart, "Anmälningar", &Style::default(), "sv-SE")
    }

    /// The elements named `local` (any namespace) under `node`, in document order.
    fn all<'a, 'input>(node: Node<'a, 'input>, local: &str) -> Vec<Node<'a, 'input>> {
        node.descendants()
            .filter(|n| n.tag_name().name() == local)
            .collect()
    }

    fn first<'a, 'input>(node: Node<'a, 'input>, local: &str) -> Node<'a, 'input> {
        all(node, local)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no {local}"))
    }

    fn val<'a>(node: Node<'a, '_>, local: &str) -> &'a str {
        first(node, local).attribute("val").expect("a val")
    }

    /// A cache's points as (index, text).
    fn cached(cache: Node) -> Vec<(usize, String)> {
        all(cache, "pt")
            .into_iter()
            .map(|pt| {
                let index = pt
                    .attribute("idx")
                    .expect("an index")
                    .parse()
                    .expect("a number");
                (index, first(pt, "v").text().unwrap_or_default().to_owned())
            })
            .collect()
    }

    fn series<'a, 'input>(document: &'a Document<'input>) -> Vec<Node<'a, 'input>> {
        all(document.root(), "ser")
    }

    #[test]
    fn the_line_caches_every_value_and_leaves_the_gap_out() {
        let text = xml(&chart(None));
        let document = Document::parse(&text).expect("well-formed XML");
        let values = first(series(&document)[0], "numCache");
        assert_eq!(val(values, "ptCount"), "8", "every quarter is counted");
        let expected = [
            (0, "12"),
            (1, "15.5"),
            (2, "9"),
            (4, "14"),
            (5, "1234.25"),
            (6, "0.1"),
            (7, "18"),
        ];
        let expected: Vec<(usize, String)> =
            expected.iter().map(|&(i, v)| (i, v.to_owned())).collect();
        assert_eq!(cached(values), expected);
        assert_eq!(val(document.root(), "dispBlanksAs"), "gap");
    }

    #[test]
    fn the_quarters_are_the_categories() {
        let text = xml(&chart(None));
        let document = Document::parse(&text).expect("well-formed XML");
        let categories = first(series(&document)[0], "cat");
        let labels: Vec<String> = cached(categories).into_iter().map(|(_, v)| v).collect();
        assert_eq!(
            labels,
            [
                "K1 2022", "K2 2022", "K3 2022", "K4 2022", "K1 2023", "K2 2023", "K3 2023",
                "K4 2023"
            ]
        );
        assert_eq!(
            first(categories, "f").text(),
            Some("Sheet1!$A$2:$A$9"),
            "column A of the workbook"
        );
    }

    #[test]
    fn the_target_repeats_on_every_quarter_as_a_dashed_line() {
        let text = xml(&chart(Some(16.0)));
        let document = Document::parse(&text).expect("well-formed XML");
        let all_series = series(&document);
        assert_eq!(all_series.len(), 2);
        let target = all_series[1];
        let expected: Vec<(usize, String)> = (0..8).map(|i| (i, "16".to_owned())).collect();
        assert_eq!(cached(first(target, "numCache")), expected);
        assert_eq!(
            first(first(target, "val"), "f").text(),
            Some("Sheet1!$C$2:$C$9")
        );
        assert_eq!(val(first(target, "marker"), "symbol"), "none");
        assert_eq!(all(target, "custDash").len(), 1, "dashed");
    }

    #[test]
    fn the_series_are_named_by_their_header_cells() {
        let text = xml(&chart(Some(16.0)));
        let document = Document::parse(&text).expect("well-formed XML");
        let names: Vec<(Option<&str>, String)> = series(&document)
            .into_iter()
            .map(|s| {
                let name = first(s, "tx");
                (first(name, "f").text(), cached(name)[0].1.clone())
            })
            .collect();
        assert_eq!(
            names,
            [
                (Some("Sheet1!$B$1"), "Anmälningar".to_owned()),
                (Some("Sheet1!$C$1"), "Mål & <delmål>".to_owned())
            ]
        );
    }

    #[test]
    fn a_legend_only_with_a_target() {
        let without = xml(&chart(None));
        let with = xml(&chart(Some(16.0)));
        assert!(!without.contains("<c:legend>"));
        assert!(with.contains("<c:legend>"));
        assert_eq!(
            series(&Document::parse(&without).expect("well-formed XML")).len(),
            1
        );
    }

    #[test]
    fn the_reports_quarter_has_the_larger_marker_and_a_bold_value() {
        let text = xml(&chart(None));
        let document = Document::parse(&text).expect("well-formed XML");
        let line = series(&document)[0];
        let points = all(line, "dPt");
        assert_eq!(points.len(), 1);
        assert_eq!(val(points[0], "idx"), "7");
        assert_eq!(val(points[0], "size"), CURRENT_MARKER_PT.to_string());
        assert_eq!(val(first(line, "marker"), "size"), MARKER_PT.to_string());
        let bold = all(line, "dLbl");
        assert_eq!(bold.len(), 1);
        assert_eq!(val(bold[0], "idx"), "7");
        assert_eq!(first(bold[0], "defRPr").attribute("b"), Some("1"));
    }

    #[test]
    fn a_current_quarter_without_a_value_is_not_marked() {
        let mut chart = chart(None);
        chart.points[7].value = None;
        assert!(!xml(&chart).contains("<c:dPt>"));
    }

    #[test]
    fn values_are_labelled_above_with_as_many_decimals_as_the_pdf_writes() {
        let text = xml(&chart(Some(16.0)));
        let document = Document::parse(&text).expect("well-formed XML");
        let labels = first(series(&document)[0], "dLbls");
        assert_eq!(val(labels, "showVal"), "1");
        assert_eq!(val(labels, "dLblPos"), "t");
        assert_eq!(
            first(labels, "numFmt").attribute("formatCode"),
            Some("#,##0.00"),
            "1234.25 needs two"
        );
        let target = first(series(&document)[1], "dLbls");
        assert_eq!(
            first(target, "numFmt").attribute("formatCode"),
            Some("#,##0")
        );
        assert_eq!(val(target, "idx"), "7", "only at the line's end");
        assert_eq!(val(target, "showSerName"), "1");
    }

    #[test]
    fn decimals_follow_the_pdfs_rounding() {
        assert_eq!(decimals(12.0), 0);
        assert_eq!(decimals(71.5), 1);
        assert_eq!(decimals(-0.25), 2);
        assert_eq!(decimals(3.004), 0, "rounded to two, then trimmed");
        assert_eq!(number_format(0), "#,##0");
        assert_eq!(number_format(1), "#,##0.0");
    }

    #[test]
    fn text_is_small_in_the_reports_language_and_font() {
        let text = xml(&chart(None));
        let document = Document::parse(&text).expect("well-formed XML");
        assert_eq!(val(document.root(), "lang"), "sv-SE");
        let default = first(document.root_element(), "defRPr");
        assert_eq!(default.attribute("sz"), Some("850"), "8.5 pt");
        assert_eq!(
            first(default, "latin").attribute("typeface"),
            Some("Calibri")
        );
    }

    #[test]
    fn a_layouts_own_font_is_named_by_its_family() {
        let face = Arc::new(Vec::new());
        let files = FontFiles {
            regular: face.clone(),
            bold: face.clone(),
            italic: face.clone(),
            bold_italic: face,
        };
        let style = {
            let mut style = Style::default();
            style.fonts.body = Font::own("Source Sans 3".to_owned(), files);
            style
        };
        assert!(part(&chart(None), "x", &style, "en-GB").contains(r#"typeface="Source Sans 3""#));
    }

    #[test]
    fn the_unit_heads_the_value_axis() {
        let text = xml(&chart(None));
        let document = Document::parse(&text).expect("well-formed XML");
        let axis = first(document.root(), "valAx");
        assert_eq!(first(first(axis, "title"), "t").text(), Some("st"));
        let mut unitless = chart(None);
        unitless.unit = None;
        assert!(!xml(&unitless).contains("<c:title>"));
    }

    #[test]
    fn the_chart_has_no_title_and_names_its_workbook() {
        let text = xml(&chart(None));
        let document = Document::parse(&text).expect("well-formed XML");
        let chart_element = first(document.root(), "chart");
        assert_eq!(val(chart_element, "autoTitleDeleted"), "1");
        assert!(
            !all(chart_element, "title")
                .iter()
                .any(|t| t.parent() == Some(chart_element))
        );
        assert!(text.ends_with(
            r#"<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>"#
        ));
    }

    #[test]
    fn the_zero_line_is_darker_only_when_values_go_below_zero() {
        let style = Style::default();
        let mut negative = chart(None);
        negative.points[0].value = Some(-3.0);
        assert!(zero_line(&negative, &style).contains(&style.colours.muted.hex()));
        assert!(zero_line(&chart(None), &style).contains(&style.colours.rule.hex()));
    }

    #[test]
    fn the_dash_is_the_pdfs_in_line_widths() {
        assert_eq!(
            dash(1.0),
            r#"<a:custDash><a:ds d="500000" sp="300000"/></a:custDash>"#
        );
    }

    #[test]
    fn text_is_escaped() {
        let mut chart = chart(Some(1.0));
        chart.points[0].label = "<K1> & \"2022\"".to_owned();
        let text = part(&chart, "A & B", &Style::default(), "sv-SE");
        let document = Document::parse(&text).expect("well-formed XML");
        let labels = cached(first(series(&document)[0], "cat"));
        assert_eq!(labels[0].1, "<K1> & \"2022\"");
    }

    #[test]
    fn the_same_chart_gives_the_same_part() {
        assert_eq!(xml(&chart(Some(16.0))), xml(&chart(Some(16.0))));
    }
}
