//! The workbook embedded beside a native chart, so that Word's "Edit data" opens the chart's
//! table in a spreadsheet.
//!
//! Entry point: [`workbook`]. One sheet holds the quarters in column A, the values in B and
//! the target in C, headed by the series' names in row 1. [`Column`] is the one place that
//! knows this layout: the chart part ([`super::chart`]) names its data by the same cells.
//! Strings are written inline, so the package needs no shared-strings part.

use super::package;
use crate::doc::Chart;
use crate::xml::escape;
use zip::result::ZipError;

/// The sheet's name, as the chart's formulas spell it.
const SHEET: &str = "Sheet1";

/// A column of the chart's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    /// The quarters: the category axis.
    Labels,
    /// The metric's values: the chart's line.
    Values,
    /// The target, repeated on every quarter: the dashed line.
    Target,
}

impl Column {
    fn letter(self) -> char {
        match self {
            Column::Labels => 'A',
            Column::Values => 'B',
            Column::Target => 'C',
        }
    }

    /// The column's header cell as a formula, `Sheet1!$B$1`: where a series' name is.
    pub(super) fn header(self) -> String {
        format!("{SHEET}!${}$1", self.letter())
    }

    /// The column's `rows` data cells below the header as a formula, `Sheet1!$B$2:$B$9`.
    pub(super) fn range(self, rows: usize) -> String {
        let letter = self.letter();
        format!("{SHEET}!${letter}${}:${letter}${}", 2, rows + 1)
    }

    /// The reference of the cell in `row` (1-based, row 1 the header), `B2`.
    fn cell(self, row: usize) -> String {
        format!("{}{row}", self.letter())
    }
}

/// `value` as a cell or a chart's cache writes a number: the shortest text that reads back
/// as the same `f64`. Rust never writes a float's `Display` with an exponent, which neither
/// a spreadsheet cell nor `xsd:double` would mind but a person editing the data would.
pub(super) fn number(value: f64) -> String {
    format!("{value}")
}

/// The embedded workbook (an .xlsx package's bytes) holding `chart`'s table, its values
/// headed by `series_name` and its target by the target's label. A quarter without a value
/// has no cell, which the chart shows as a gap. The same chart always gives the same bytes.
pub(super) fn workbook(chart: &Chart, series_name: &str) -> Result<Vec<u8>, ZipError> {
    let sheet = sheet(chart, series_name);
    package::zip([
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELATIONSHIPS.as_bytes()),
        ("xl/workbook.xml", WORKBOOK.as_bytes()),
        (
            "xl/_rels/workbook.xml.rels",
            WORKBOOK_RELATIONSHIPS.as_bytes(),
        ),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/styles.xml", STYLES.as_bytes()),
    ])
}

/// The worksheet: a header row and one row per quarter, oldest first.
fn sheet(chart: &Chart, series_name: &str) -> String {
    let target = chart.target.as_ref();
    let mut header = vec![text_cell(Column::Values, 1, series_name)];
    header.extend(target.map(|target| text_cell(Column::Target, 1, &target.label)));
    let mut rows = vec![row(1, &header)];
    for (index, point) in chart.points.iter().enumerate() {
        let at = index + 2;
        let mut cells = vec![text_cell(Column::Labels, at, &point.label)];
        cells.extend(point.value.map(|v| number_cell(Column::Values, at, v)));
        cells.extend(target.map(|t| number_cell(Column::Target, at, t.value)));
        rows.push(row(at, &cells));
    }
    let last = if target.is_some() {
        Column::Target
    } else {
        Column::Values
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
            r#"<dimension ref="A1:{}"/>"#,
            // Wide enough for "K1 2023" and a series' name without dragging a column.
            r#"<cols><col min="1" max="3" width="18" customWidth="1"/></cols>"#,
            "<sheetData>{}</sheetData></worksheet>"
        ),
        last.cell(chart.points.len() + 1),
        rows.concat()
    )
}

fn row(number: usize, cells: &[String]) -> String {
    format!(r#"<row r="{number}">{}</row>"#, cells.concat())
}

/// A cell holding `text` itself rather than an index into a shared-strings part.
fn text_cell(column: Column, row: usize, text: &str) -> String {
    format!(
        r#"<c r="{}" t="inlineStr"><is><t>{}</t></is></c>"#,
        column.cell(row),
        escape(text)
    )
}

fn number_cell(column: Column, row: usize, value: f64) -> String {
    format!(
        r#"<c r="{}"><v>{}</v></c>"#,
        column.cell(row),
        number(value)
    )
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    "</Types>"
);

const PACKAGE_RELATIONSHIPS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#,
    "</Relationships>"
);

const WORKBOOK: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>"#,
    "</workbook>"
);

const WORKBOOK_RELATIONSHIPS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    "</Relationships>"
);

/// The least stylesheet Excel opens a workbook with without offering to repair it: one
/// font, the two fills it reserves, one border and the Normal style.
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>"#,
    r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    "</styleSheet>"
);

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::doc::{ChartPoint, ChartTarget};
    use std::io::{Cursor, Read};
    use zip::ZipArchive;

    /// Eight quarters, the fourth without a value, the last the report's own.
    pub(crate) fn chart(target: Option<f64>) -> Chart {
        let values = [12.0, 15.5, 9.0, f64::NAN, 14.0, 1234.25, 0.1, 18.0];
        Chart {
            id: crate::doc::FigureId::default(),
            name: Some("Anmälningar".into()),
            alt: "Anmälningar per kvartal".into(),
            unit: Some("st".into()),
            points: values
                .iter()
                .enumerate()
                .map(|(i, &v)| ChartPoint {
                    label: format!("K{} {}", i % 4 + 1, 2022 + i / 4),
                    value: (!v.is_nan()).then_some(v),
                    current: i == 7,
                })
                .collect(),
            target: target.map(|value| ChartTarget {
                value,
                label: "Mål & <delmål>".into(),
            }),
        }
    }

    fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
        let mut archive = ZipArchive::new(Cursor::new(bytes)).expect("a ZIP archive");
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).expect("an entry");
                let mut text = String::new();
                file.read_to_string(&mut text).expect("UTF-8 text");
                (file.name().to_owned(), text)
            })
            .collect()
    }

    fn sheet_of(bytes: &[u8]) -> String {
        unzip(bytes)
            .into_iter()
            .find(|(name, _)| name == "xl/worksheets/sheet1.xml")
            .map(|(_, text)| text)
            .expect("a worksheet")
    }

    /// The sheet's cells as (reference, text or number).
    fn cells(sheet: &str) -> Vec<(String, String)> {
        let document = roxmltree::Document::parse(sheet).expect("well-formed XML");
        document
            .descendants()
            .filter(|node| node.has_tag_name("c"))
            .map(|cell| {
                let reference = cell.attribute("r").expect("a reference").to_owned();
                let text = cell
                    .descendants()
                    .filter(|n| n.has_tag_name("t") || n.has_tag_name("v"))
                    .filter_map(|n| n.text())
                    .collect();
                (reference, text)
            })
            .collect()
    }

    fn cell<'a>(cells: &'a [(String, String)], reference: &str) -> Option<&'a str> {
        cells
            .iter()
            .find(|(r, _)| r == reference)
            .map(|(_, text)| text.as_str())
    }

    #[test]
    fn the_package_holds_a_workbook_with_one_sheet() {
        let bytes = workbook(&chart(None), "Anmälningar").expect("zipped");
        let names: Vec<String> = unzip(&bytes).into_iter().map(|(name, _)| name).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml",
                "xl/styles.xml"
            ]
        );
        for (name, text) in unzip(&bytes) {
            roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn the_sheet_holds_quarters_values_and_headers() {
        let cells = cells(&sheet_of(
            &workbook(&chart(None), "Anmälningar").expect("zipped"),
        ));
        assert_eq!(cell(&cells, "A1"), None, "the corner stays empty");
        assert_eq!(cell(&cells, "B1"), Some("Anmälningar"));
        assert_eq!(cell(&cells, "A2"), Some("K1 2022"));
        assert_eq!(cell(&cells, "A9"), Some("K4 2023"));
        assert_eq!(cell(&cells, "B2"), Some("12"));
        assert_eq!(cell(&cells, "B3"), Some("15.5"));
        assert_eq!(cell(&cells, "B7"), Some("1234.25"));
        assert_eq!(cell(&cells, "B9"), Some("18"));
        assert!(
            cells.iter().all(|(r, _)| !r.starts_with('C')),
            "no target column"
        );
    }

    #[test]
    fn a_quarter_without_a_value_has_no_value_cell() {
        let cells = cells(&sheet_of(
            &workbook(&chart(None), "Anmälningar").expect("zipped"),
        ));
        assert_eq!(cell(&cells, "A5"), Some("K4 2022"));
        assert_eq!(cell(&cells, "B5"), None, "a gap, not a zero");
    }

    #[test]
    fn the_target_fills_column_c_under_its_label() {
        let cells = cells(&sheet_of(
            &workbook(&chart(Some(16.0)), "Anmälningar").expect("zipped"),
        ));
        assert_eq!(
            cell(&cells, "C1"),
            Some("Mål & <delmål>"),
            "escaped and read back"
        );
        for row in 2..=9 {
            assert_eq!(cell(&cells, &format!("C{row}")), Some("16"));
        }
    }

    #[test]
    fn the_sheet_declares_its_extent() {
        assert!(sheet(&chart(None), "x").contains(r#"<dimension ref="A1:B9"/>"#));
        assert!(sheet(&chart(Some(1.0)), "x").contains(r#"<dimension ref="A1:C9"/>"#));
    }

    #[test]
    fn the_same_chart_gives_the_same_bytes() {
        let first = workbook(&chart(Some(16.0)), "Anmälningar").expect("zipped");
        let second = workbook(&chart(Some(16.0)), "Anmälningar").expect("zipped");
        assert_eq!(first, second);
    }

    #[test]
    fn formulas_name_the_columns_cells() {
        assert_eq!(Column::Labels.range(8), "Sheet1!$A$2:$A$9");
        assert_eq!(Column::Values.header(), "Sheet1!$B$1");
        assert_eq!(Column::Target.range(1), "Sheet1!$C$2:$C$2");
    }

    #[test]
    fn numbers_are_written_in_full_without_an_exponent() {
        assert_eq!(number(1e12), "1000000000000");
        assert_eq!(number(-1e12), "-1000000000000");
        assert_eq!(number(0.1), "0.1");
        assert_eq!(number(1e-7), "0.0000001");
        assert_eq!(number(71.5), "71.5");
        assert_eq!(number(12.0), "12");
        let tricky = 0.1 + 0.2;
        assert_eq!(
            number(tricky).parse::<f64>(),
            Ok(tricky),
            "reads back exactly"
        );
    }
}
