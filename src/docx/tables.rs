//! Data tables and the signature block, both as Word tables across the text width.
//!
//! Entry points: [`table`] and [`signatures`], which write into the XML they are given. A
//! data table takes its column widths ([`column_widths`]) and a closure that writes a
//! cell's runs, so that links and hyphenation stay with the caller. Its first row is its
//! header: bold on the table style's header fill, and repeated on every page; no row breaks
//! across pages, and a short table is kept on one page ([`Table::kept_whole`]).

use super::formatting::{BottomRule, Justification, Leader, Paragraph, Spacing, Tab, twips};
use super::inline;
use super::styles;
use super::xml::Xml;
use crate::doc::{Align, Cell, PT_PER_MM, Rgb, Run, Signatures, Signer, Style, Table, signing};

/// The signature line: black, ¾ pt.
const SIGNING_RULE: BottomRule = BottomRule {
    size: 6,
    colour: Rgb(0, 0, 0),
};

/// Writes a data table whose columns have `widths` (twips), each cell's runs by `text`; a
/// table without columns is left out. Left-aligned columns stay ragged right in a
/// `justify`ing style.
pub(super) fn table(
    xml: &mut Xml,
    table: &Table,
    widths: &[u32],
    justify: bool,
    mut text: impl FnMut(&mut Xml, &[Run]),
) {
    if widths.is_empty() {
        return;
    }
    let header = !table.header.is_empty();
    open_table(xml, widths, Some(styles::TABLE), header);
    // Word keeps a table together when every row but the last keeps with the next.
    let rows = std::iter::once(&table.header)
        .filter(|_| header)
        .chain(&table.rows);
    let count = table.rows.len() + usize::from(header);
    for (index, row) in rows.enumerate() {
        let keep = table.kept_whole() && index + 1 < count;
        xml.open("w:tr", &[])
            .open("w:trPr", &[])
            .empty("w:cantSplit", &[]);
        if header && index == 0 {
            xml.empty("w:tblHeader", &[]);
        }
        xml.close("w:trPr");
        for (column, width) in widths.iter().enumerate() {
            let align = table.align.get(column).copied().unwrap_or(Align::Left);
            let justification = justification(align, justify);
            let runs = cell_runs(row, column);
            cell(xml, runs, justification, *width, keep, &mut text);
        }
        xml.close("w:tr");
    }
    xml.close("w:tbl");
}

/// Opens a table with columns of `widths` in `style` (or plain), with the style's
/// header-row look switched on when it has a `header` row.
fn open_table(xml: &mut Xml, widths: &[u32], style: Option<&str>, header: bool) {
    xml.open("w:tbl", &[]).open("w:tblPr", &[]);
    if let Some(style) = style {
        xml.val("w:tblStyle", style);
    }
    let width: u32 = widths.iter().sum();
    xml.empty("w:tblW", &[("w:w", &width), ("w:type", &"dxa")])
        .empty("w:tblLayout", &[("w:type", &"fixed")]);
    if style.is_some() {
        // Given again, not left to the table style, which LibreOffice does not read.
        styles::cell_margins(xml, styles::CELL_PADDING);
        xml.empty(
            "w:tblLook",
            &[
                ("w:val", &"0420"),
                ("w:firstRow", &u8::from(header)),
                ("w:lastRow", &0),
                ("w:firstColumn", &0),
                ("w:lastColumn", &0),
                ("w:noHBand", &1),
                ("w:noVBand", &1),
            ],
        );
    }
    xml.close("w:tblPr");
    xml.open("w:tblGrid", &[]);
    for width in widths {
        xml.empty("w:gridCol", &[("w:w", width)]);
    }
    xml.close("w:tblGrid");
}

/// How a column's cells are aligned in a `justify`ing style or not.
fn justification(align: Align, justify: bool) -> Option<Justification> {
    match align {
        // Justified text in a narrow column would leave gaps between its words.
        Align::Left if justify => Some(Justification::Left),
        Align::Left => None,
        Align::Center => Some(Justification::Center),
        Align::Right => Some(Justification::Right),
    }
}

/// A cell `width` twips wide of one paragraph, kept with the next row's if `keep_next`,
/// whose `runs` `text` writes.
fn cell(
    xml: &mut Xml,
    runs: &[Run],
    justification: Option<Justification>,
    width: u32,
    keep_next: bool,
    text: &mut impl FnMut(&mut Xml, &[Run]),
) {
    xml.open("w:tc", &[])
        .open("w:tcPr", &[])
        .empty("w:tcW", &[("w:w", &width), ("w:type", &"dxa")])
        .close("w:tcPr")
        .open("w:p", &[]);
    // The spacing again, not left to the table style: LibreOffice ignores a table
    // style's paragraph properties and would set the cell's text the body's space apart.
    Paragraph {
        keep_next: keep_next.then_some(true),
        spacing: Spacing {
            before: Some(0),
            after: Some(0),
            ..Spacing::default()
        },
        justification,
        ..Paragraph::default()
    }
    .write(xml);
    text(xml, runs);
    xml.close("w:p").close("w:tc");
}

/// "Place and date" with a line to write on, then the signers side by side, as many to
/// a row as in the PDF, across `text_width` twips: room to sign, the signature line, the
/// name and the signer's role lines. The heights are the PDF's, and the block is kept on
/// one page.
pub(super) fn signatures(xml: &mut Xml, signatures: &Signatures, style: &Style, text_width: u32) {
    let pitch = style.line_pitch(style.sizes.body_pt, &style.fonts.body);
    place_and_date(xml, &signatures.place_and_date, style, pitch, text_width);
    let gap = twips(signing::GAP_MM * PT_PER_MM);
    let per_row = signing::SIGNERS_PER_ROW as u32;
    let column = text_width.saturating_sub(gap * (per_row - 1)) / per_row;
    // Each cell but the last holds the gap as its right margin.
    let widths: Vec<u32> = (0..per_row)
        .map(|i| {
            if i + 1 < per_row {
                column + gap
            } else {
                column
            }
        })
        .collect();
    open_table(xml, &widths, None, false);
    let rows = signatures.signers.chunks(signing::SIGNERS_PER_ROW);
    let count = rows.len();
    for (index, signers) in rows.enumerate() {
        signer_row(xml, signers, &widths, gap, pitch, index + 1 < count);
    }
    xml.close("w:tbl");
}

/// `label` ("Place and date") and a line to write on out to three fifths of `text_width`,
/// below the room the PDF leaves to write in: its share of the signing space, less a line
/// `pitch` points high.
fn place_and_date(xml: &mut Xml, label: &str, style: &Style, pitch: f32, text_width: u32) {
    let room = signing::SPACE_PT * signing::PLACE_AND_DATE_SHARE - pitch;
    xml.open("w:p", &[]);
    Paragraph {
        keep_next: Some(true),
        tabs: vec![Tab {
            position: text_width * 3 / 5,
            right: false,
            leader: Some(Leader::Underscore),
        }],
        spacing: Spacing {
            before: Some(twips(style.spacing.paragraph_pt + room.max(0.0))),
            after: Some(twips(style.spacing.paragraph_pt)),
            ..Spacing::default()
        },
        ..Paragraph::default()
    }
    .write(xml);
    inline::plain(xml, label);
    xml.open("w:r", &[])
        .empty("w:tab", &[])
        .close("w:r")
        .close("w:p");
}

/// One row of signers in cells of `widths`, each but the last with `gap` at its right, in
/// lines `pitch` points apart, kept with the next row if `keep_next`.
fn signer_row(
    xml: &mut Xml,
    signers: &[Signer],
    widths: &[u32],
    gap: u32,
    pitch: f32,
    keep_next: bool,
) {
    xml.open("w:tr", &[])
        .open("w:trPr", &[])
        .empty("w:cantSplit", &[])
        .close("w:trPr");
    for (index, width) in widths.iter().enumerate() {
        xml.open("w:tc", &[])
            .open("w:tcPr", &[])
            .empty("w:tcW", &[("w:w", width), ("w:type", &"dxa")]);
        let right = if index + 1 < widths.len() { gap } else { 0 };
        xml.open("w:tcMar", &[])
            .empty("w:left", &[("w:w", &0), ("w:type", &"dxa")])
            .empty("w:right", &[("w:w", &right), ("w:type", &"dxa")])
            .close("w:tcMar")
            .close("w:tcPr");
        match signers.get(index) {
            Some(signer) => signer_cell(xml, signer, pitch, keep_next),
            None => {
                xml.empty("w:p", &[]);
            }
        }
        xml.close("w:tc");
    }
    xml.close("w:tr");
}

/// A signer's column: room to sign above the line, then the name in bold and the role
/// lines, each paragraph kept with the next so the row never parts from its line.
fn signer_cell(xml: &mut Xml, signer: &Signer, pitch: f32, keep_next: bool) {
    xml.open("w:p", &[]);
    Paragraph {
        keep_next: Some(true),
        bottom_rule: Some(SIGNING_RULE),
        spacing: Spacing {
            before: Some(twips((signing::SPACE_PT - pitch).max(0.0))),
            after: Some(0),
            ..Spacing::default()
        },
        ..Paragraph::default()
    }
    .write(xml);
    xml.close("w:p");
    let name = Run {
        bold: true,
        ..Run::plain(&signer.name)
    };
    let lines = signer.lines.iter().map(|line| Run::plain(line));
    for (index, run) in std::iter::once(name).chain(lines).enumerate() {
        let gap = if index == 0 {
            signing::NAME_GAP_PT
        } else {
            0.0
        };
        xml.open("w:p", &[]);
        Paragraph {
            keep_next: keep_next.then_some(true),
            spacing: Spacing {
                before: Some(twips(gap)),
                after: Some(0),
                ..Spacing::default()
            },
            ..Paragraph::default()
        }
        .write(xml);
        inline::text(xml, &run, None);
        xml.close("w:p");
    }
}

/// The runs of column `column`, or none where a row is shorter than the table.
fn cell_runs(row: &[Cell], column: usize) -> &[Run] {
    row.get(column).map(Vec::as_slice).unwrap_or_default()
}

/// The width of each of `columns` columns in a table `total` twips wide: the fractions the
/// PDF measured, or equal shares for a table the PDF did not lay out.
pub(super) fn column_widths(total: u32, fractions: Option<&[f32]>, columns: usize) -> Vec<u32> {
    let weights: Vec<u32> = match fractions {
        Some(fractions) if fractions.len() == columns => fractions
            .iter()
            .map(|fraction| (fraction * 100_000.0).round() as u32)
            .collect(),
        _ => vec![1; columns],
    };
    share(total, &weights)
}

/// Divides `total` by `weights`; the last part takes the rounding so the parts add up.
fn share(total: u32, weights: &[u32]) -> Vec<u32> {
    let sum: u32 = weights.iter().sum::<u32>().max(1);
    let mut parts: Vec<u32> = weights.iter().map(|weight| total * weight / sum).collect();
    let given: u32 = parts.iter().sum();
    if let Some(last) = parts.last_mut() {
        *last += total - given;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up_to_the_whole() {
        assert_eq!(share(100, &[1, 1, 1]), vec![33, 33, 34]);
        assert_eq!(share(9072, &[4, 40]).iter().sum::<u32>(), 9072);
        assert_eq!(share(10, &[0, 0]), vec![0, 10]);
    }

    #[test]
    fn columns_take_the_widths_the_pdf_gave_them() {
        let widths = column_widths(9072, Some(&[0.75, 0.25]), 2);
        assert_eq!(widths, [6804, 2268]);
        // Without the PDF's widths, or with another column count: equal shares.
        assert_eq!(
            column_widths(9072, Some(&[0.75, 0.25]), 3),
            [3024, 3024, 3024]
        );
        assert_eq!(column_widths(9072, None, 2), [4536, 4536]);
    }
}
