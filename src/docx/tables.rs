//! Data tables and the signature block, both as Word tables across the text width.
//!
//! Entry points: [`convert_table`] and [`convert_signatures`]. A data table's first row is
//! its header: bold, on the light shade of the table style's header row, repeated on every
//! page (both marked by [`super::patch`]); no row breaks across pages.

use super::blocks::{ConvertContext, Element};
use super::{inline, styles};
use crate::doc::{Align, Cell, Run, Signatures, Table};
use docx_rs::{
    AlignmentType, BorderType, LineSpacing, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Table as WordTable, TableCell, TableLayoutType, TableRow, WidthType,
};

/// A column's share of the width follows its longest text, within these bounds (in
/// characters), so that a long description does not squeeze a number column to nothing.
const NARROWEST: usize = 4;
const WIDEST: usize = 40;
/// The cell margins take about this many characters of a column's width, more than the
/// text itself in a short column; without them a short bold header wraps mid-word.
const PADDING: usize = 3;
/// Room left to write a signature or a date above its line, in twips.
const WRITING_SPACE: u32 = 600;
/// Sets the signature block off from what precedes it, in twips.
const SIGNATURES_BEFORE: u32 = 480;
/// Keeps neighbouring signature lines apart, in twips.
const LINE_GAP: i32 = 567;

/// Converts a data table, or gives `None` for a table without columns.
pub(super) fn convert_table(table: &Table, context: &mut ConvertContext) -> Option<WordTable> {
    let columns = table
        .rows
        .iter()
        .map(Vec::len)
        .chain([table.header.len()])
        .max()?;
    if columns == 0 {
        return None;
    }
    let widths = column_widths(table, columns, context.text_width);
    let align = |column: usize| table.align.get(column).copied().unwrap_or(Align::Left);
    let has_header = !table.header.is_empty();
    let header = has_header.then(|| {
        let cells = (0..columns).map(|column| {
            let runs: Vec<Run> = cell_runs(&table.header, column)
                .iter()
                .map(emphasised)
                .collect();
            cell(&runs, align(column), widths[column], context)
        });
        TableRow::new(cells.collect()).cant_split()
    });
    let body = table.rows.iter().map(|row| {
        let cells = (0..columns).map(|column| {
            cell(
                cell_runs(row, column),
                align(column),
                widths[column],
                context,
            )
        });
        TableRow::new(cells.collect()).cant_split()
    });
    let rows: Vec<TableRow> = header.into_iter().chain(body.collect::<Vec<_>>()).collect();
    context.table_headers.push(has_header);
    Some(
        WordTable::without_borders(rows)
            .style(styles::TABLE)
            .width(context.text_width, WidthType::Dxa)
            .set_grid(widths)
            .layout(TableLayoutType::Fixed),
    )
}

/// The runs of column `column`, or none where a row is shorter than the table.
fn cell_runs(row: &[Cell], column: usize) -> &[Run] {
    row.get(column).map(Vec::as_slice).unwrap_or_default()
}

fn emphasised(run: &Run) -> Run {
    Run {
        bold: true,
        ..run.clone()
    }
}

fn cell(runs: &[Run], align: Align, width: usize, context: &mut ConvertContext) -> TableCell {
    let paragraph = match align {
        // Justified text in a narrow column would leave gaps between its words.
        Align::Left if context.justify => Paragraph::new().align(AlignmentType::Left),
        Align::Left => Paragraph::new(),
        Align::Center => Paragraph::new().align(AlignmentType::Center),
        Align::Right => Paragraph::new().align(AlignmentType::Right),
    };
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(inline::add_runs(paragraph, runs, &mut context.links))
}

/// Splits `text_width` between columns in proportion to their longest text plus the cell
/// margins. As in the PDF, no column gets less than 40 % of an equal share, so that a larger
/// body size or narrower page does not break a short header word.
fn column_widths(table: &Table, columns: usize, text_width: usize) -> Vec<usize> {
    let length = |row: &Vec<Cell>, column: usize| -> usize {
        cell_runs(row, column)
            .iter()
            .map(|run| run.text.chars().count())
            .sum()
    };
    let weights: Vec<usize> = (0..columns)
        .map(|column| {
            let longest = table
                .rows
                .iter()
                .chain([&table.header])
                .map(|row| length(row, column))
                .max();
            longest.unwrap_or(0).clamp(NARROWEST, WIDEST) + PADDING
        })
        .collect();
    let floor = text_width * 2 / (5 * columns);
    let floored: Vec<usize> = share(text_width, &weights)
        .into_iter()
        .map(|width| width.max(floor))
        .collect();
    share(text_width, &floored)
}

/// Divides `total` by `weights`; the last part takes the rounding so the parts add up.
fn share(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum::<usize>().max(1);
    let mut parts: Vec<usize> = weights.iter().map(|weight| total * weight / sum).collect();
    let given: usize = parts.iter().sum();
    if let Some(last) = parts.last_mut() {
        *last += total - given;
    }
    parts
}

/// "Place and date" with a line to write on, then one column per signer: space to sign, the
/// signature line, the name and the signer's role lines. The block is kept on one page.
pub(super) fn convert_signatures(
    signatures: &Signatures,
    context: &mut ConvertContext,
    out: &mut Vec<Element>,
) {
    let label = Paragraph::new()
        .add_run(docx_rs::Run::new().add_text(&signatures.place_and_date))
        .line_spacing(LineSpacing::new().before(SIGNATURES_BEFORE))
        .keep_next(true);
    out.push(Element::from(label));
    out.push(Element::from(writing_line(context.text_width as i32 / 2)));
    if signatures.signers.is_empty() {
        return;
    }
    let widths = share(context.text_width, &vec![1; signatures.signers.len()]);
    let cells = signatures
        .signers
        .iter()
        .zip(&widths)
        .map(|(signer, width)| {
            let texts = [(signer.name.as_str(), true)]
                .into_iter()
                .chain(signer.lines.iter().map(|line| (line.as_str(), false)));
            texts.fold(
                TableCell::new()
                    .width(*width, WidthType::Dxa)
                    .add_paragraph(writing_line(LINE_GAP)),
                |cell, (text, bold)| {
                    let run = docx_rs::Run::new().add_text(text);
                    cell.add_paragraph(Paragraph::new().add_run(if bold {
                        run.bold()
                    } else {
                        run
                    }))
                },
            )
        });
    let row = TableRow::new(cells.collect()).cant_split();
    context.table_headers.push(false);
    let table = WordTable::without_borders(vec![row])
        .width(context.text_width, WidthType::Dxa)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed);
    out.push(Element::from(table));
}

/// An empty paragraph with room above and a rule below to write on; `right` keeps it short
/// of the right edge.
fn writing_line(right: i32) -> Paragraph {
    let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(6)
        .color("000000");
    let mut paragraph = Paragraph::new()
        .line_spacing(LineSpacing::new().before(WRITING_SPACE).after(60))
        .indent(None, None, Some(right), None)
        .keep_next(true);
    // `set_border` would start from docx-rs's default of a box on all four sides.
    paragraph.property = paragraph
        .property
        .set_borders(ParagraphBorders::with_empty().set(rule));
    paragraph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_the_whole() {
        assert_eq!(share(100, &[1, 1, 1]), vec![33, 33, 34]);
        assert_eq!(share(9072, &[4, 40]).iter().sum::<usize>(), 9072);
        assert_eq!(share(10, &[0, 0]), vec![0, 10]);
    }

    #[test]
    fn a_short_column_keeps_a_share_of_the_width() {
        let row = |texts: &[&str]| -> Vec<Cell> {
            texts
                .iter()
                .map(|text| {
                    vec![Run {
                        text: (*text).to_owned(),
                        ..Run::default()
                    }]
                })
                .collect()
        };
        let long = "a description far longer than forty characters in all";
        let table = Table {
            align: vec![],
            header: row(&["Metric", "Unit", "Comment"]),
            rows: vec![row(&[long, "%", long])],
        };
        // By length alone the unit column would get 8000 × 7 / 93 ≈ 600.
        let widths = column_widths(&table, 3, 8000);
        assert_eq!(widths.iter().sum::<usize>(), 8000);
        assert!(widths[1] >= 1000, "{widths:?}");
        assert!(widths[0].abs_diff(widths[2]) <= 3, "{widths:?}");
    }

    #[test]
    fn a_table_without_cells_is_dropped() {
        let table = Table {
            align: vec![],
            header: vec![],
            rows: vec![vec![]],
        };
        let mut context = ConvertContext::new(&crate::doc::Meta::example());
        assert!(convert_table(&table, &mut context).is_none());
        assert!(
            context.table_headers.is_empty(),
            "a dropped table must not be announced to the patch"
        );
    }
}
