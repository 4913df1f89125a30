//! Table layout: column widths from the content, one unbreakable row per table row,
//! header cells tagged as column headers.

use super::{Align, Layouter, stack};
use crate::doc::{self, Cell, Table};
use crate::pdf::frame::{Item, Rect, Row};
use crate::pdf::style::{self, Look};
use crate::pdf::tags::{Kind, Tags};
use crate::text::Face;
use std::sync::Arc;

impl Layouter<'_, '_> {
    pub(super) fn table(&mut self, table: &Table) {
        let columns = table
            .header
            .len()
            .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let widths = self.column_widths(table, columns);
        let first = self.rows.len();
        Tags::group(self, Kind::Table, |l| {
            if !table.header.is_empty() {
                Tags::group(l, Kind::Row, |l| {
                    l.table_row(&table.header, &widths, &table.align, true)
                });
            }
            for row in &table.rows {
                Tags::group(l, Kind::Row, |l| {
                    l.table_row(row, &widths, &table.align, false)
                });
            }
        });
        if let Some(row) = self.rows.get_mut(first) {
            row.space_before = self.look.paragraph_space * 1.5;
        }
        if !table.header.is_empty() && first < self.rows.len() {
            let header = Arc::new(self.rows[first].as_artifact());
            for row in &mut self.rows[first + 1..] {
                row.repeat = Some(header.clone());
            }
        }
    }

    fn table_row(&mut self, cells: &[Cell], widths: &[f32], align: &[doc::Align], header: bool) {
        let mut x = self.x;
        let mut contents = Vec::new();
        for (i, width) in widths.iter().enumerate() {
            let runs = cells.get(i).map(Vec::as_slice).unwrap_or(&[]);
            let text_style = self.text_style(self.look.body_size, self.look.text, header);
            let cell_align = match align.get(i) {
                Some(doc::Align::Right) => Align::End,
                _ => Align::Start,
            };
            let kind = if header { Kind::HeaderCell } else { Kind::Cell };
            let inner = (x + style::CELL_PAD_X, width - 2.0 * style::CELL_PAD_X);
            let rows = Tags::group(self, kind, |l| {
                l.within(inner.0, inner.1, |l| {
                    l.text_rows(runs, &text_style, cell_align)
                })
            });
            contents.push(stack(rows));
            x += width;
        }
        self.rows
            .push(table_row(contents, self.x, x - self.x, header, self.look));
    }

    /// Widths shared out in proportion to each column's natural (one-line) width.
    fn column_widths(&self, table: &Table, columns: usize) -> Vec<f32> {
        let natural: Vec<f32> = (0..columns)
            .map(|i| {
                let cells = std::iter::once(&table.header)
                    .chain(&table.rows)
                    .filter_map(|row| row.get(i));
                let widest = cells.map(|cell| self.cell_width(cell)).fold(0.0, f32::max);
                widest + 2.0 * style::CELL_PAD_X + style::BADGE_PAD * 2.0
            })
            .collect();
        let total: f32 = natural.iter().sum();
        // A column never gets less than this share, so short headings stay readable.
        let floor = self.width / columns as f32 * 0.4;
        let raw: Vec<f32> = natural
            .iter()
            .map(|w| (self.width * w / total.max(1.0)).max(floor))
            .collect();
        let scale = self.width / raw.iter().sum::<f32>();
        raw.iter().map(|w| w * scale).collect()
    }

    fn cell_width(&self, cell: &Cell) -> f32 {
        cell.iter()
            .map(|run| {
                self.shaper.width(
                    Face::of(run.bold || run.badge.is_some(), run.italic),
                    &run.text,
                    self.look.body_size,
                )
            })
            .sum()
    }
}

/// The drawn row: cell contents padded, a shaded header, a rule below.
fn table_row(cells: Vec<Row>, x: f32, width: f32, header: bool, look: &Look) -> Row {
    let content = cells.iter().map(|c| c.height).fold(0.0, f32::max);
    let height = content + 2.0 * style::CELL_PAD_Y;
    let mut items = Vec::new();
    if header {
        items.push(Item::Fill {
            rect: Rect {
                x,
                y: 0.0,
                w: width,
                h: height,
            },
            color: look.table_header_fill,
        });
    }
    for cell in cells {
        items.extend(
            cell.items
                .into_iter()
                .map(|item| item.shifted(style::CELL_PAD_Y)),
        );
    }
    let rule_width = if header { 1.0 } else { 0.5 };
    items.push(Item::Rule {
        from: (x, height),
        to: (x + width, height),
        width: rule_width,
        color: look.rule,
    });
    Row {
        height,
        items,
        keep: usize::from(header),
        ..Row::default()
    }
}
