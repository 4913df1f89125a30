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
    let widths = column_widths(context, columns);
    let align = |column: usize| table.align.get(column).copied().unwrap_or(Align::Left);
    // Word keeps a table together when every row but the last keeps with the next.
    let last = table.rows.len();
    let keep = |row: usize| table.kept_whole() && row < last;
    let has_header = !table.header.is_empty();
    let header = has_header.then(|| {
        let cells = (0..columns).map(|column| {
            let runs: Vec<Run> = cell_runs(&table.header, column)
                .iter()
                .map(emphasised)
                .collect();
            cell(&runs, align(column), widths[column], keep(0), context)
        });
        TableRow::new(cells.collect()).cant_split()
    });
    let body = table.rows.iter().enumerate().map(|(index, row)| {
        let cells = (0..columns).map(|column| {
            let runs = cell_runs(row, column);
            cell(
                runs,
                align(column),
                widths[column],
                keep(index + 1),
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

fn cell(
    runs: &[Run],
    align: Align,
    width: usize,
    keep_next: bool,
    context: &mut ConvertContext,
) -> TableCell {
    let paragraph = match align {
        // Justified text in a narrow column would leave gaps between its words.
        Align::Left if context.justify => Paragraph::new().align(AlignmentType::Left),
        Align::Left => Paragraph::new(),
        Align::Center => Paragraph::new().align(AlignmentType::Center),
        Align::Right => Paragraph::new().align(AlignmentType::Right),
    };
    let paragraph = if keep_next {
        paragraph.keep_next(true)
    } else {
        paragraph
    };
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(inline::add_runs(paragraph, runs, &mut context.links))
}

/// The widths the PDF gave this table's columns, so Word wraps each cell where the PDF
/// does; equal shares for a table the PDF did not lay out (a document written on its own).
fn column_widths(context: &ConvertContext, columns: usize) -> Vec<usize> {
    let index = context.table_headers.len();
    let weights: Vec<usize> = match context.table_columns.get(index) {
        Some(fractions) if fractions.len() == columns => fractions
            .iter()
            .map(|fraction| (fraction * 100_000.0).round() as usize)
            .collect(),
        _ => vec![1; columns],
    };
    share(context.text_width, &weights)
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
    fn columns_take_the_widths_the_pdf_gave_them() {
        let meta = crate::doc::Meta::example();
        let context = ConvertContext::new(&meta, &[vec![0.75, 0.25]]);
        let widths = column_widths(&context, 2);
        assert_eq!(widths.iter().sum::<usize>(), context.text_width);
        assert_eq!(widths[0], context.text_width * 3 / 4);
        // Without the PDF's widths, or with another column count: equal shares.
        assert_eq!(column_widths(&context, 3).len(), 3);
        let alone = ConvertContext::new(&meta, &[]);
        let widths = column_widths(&alone, 2);
        assert!(widths[0].abs_diff(widths[1]) <= 1, "{widths:?}");
    }

    #[test]
    fn a_table_without_cells_is_dropped() {
        let table = Table {
            align: vec![],
            header: vec![],
            rows: vec![vec![]],
        };
        let mut context = ConvertContext::new(&crate::doc::Meta::example(), &[]);
        assert!(convert_table(&table, &mut context).is_none());
        assert!(
            context.table_headers.is_empty(),
            "a dropped table must not be announced to the patch"
        );
    }
}
