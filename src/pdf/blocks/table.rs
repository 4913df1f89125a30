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
        let fractions = widths.iter().map(|w| w / self.width.max(1.0)).collect();
        self.columns.insert(table.id, fractions);
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
            row.space_before = self.look.style.spacing.paragraph_pt * 1.5;
        }
        // A short table is never split: each row keeps the next on its page.
        if table.kept_whole() {
            let last = self.rows.len().saturating_sub(1);
            for row in &mut self.rows[first..last] {
                row.keep = row.keep.max(1);
            }
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
            let text_style = self.text_style(
                self.look.style.sizes.body_pt,
                self.look.style.colours.text,
                header,
            );
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

    /// Widths from each column's longest word and its widest cell on one line (see [`share`]).
    fn column_widths(&self, table: &Table, columns: usize) -> Vec<f32> {
        let pad = 2.0 * style::CELL_PAD_X + 2.0 * style::BADGE_PAD;
        let mut longest_word = vec![0.0f32; columns];
        let mut one_line = vec![0.0f32; columns];
        let header = std::iter::once((&table.header, true));
        for (row, bold) in header.chain(table.rows.iter().map(|row| (row, false))) {
            for (i, cell) in row.iter().take(columns).enumerate() {
                let (word, line) = self.cell_extent(cell, bold);
                longest_word[i] = longest_word[i].max(word + pad);
                one_line[i] = one_line[i].max(line + pad);
            }
        }
        share(&longest_word, &one_line, self.width)
    }

    /// The widths of the cell's longest unbreakable word and of its whole text on one line.
    /// Only ordinary spaces break: "1 234 567" with no-break spaces is one word.
    fn cell_extent(&self, cell: &Cell, bold: bool) -> (f32, f32) {
        let (mut word, mut line) = (0.0f32, 0.0f32);
        for run in cell {
            let face = Face::of(bold || run.bold || run.badge.is_some(), run.italic);
            let measure = |text: &str| self.shaper.width(face, text, self.look.style.sizes.body_pt);
            line += measure(&run.text);
            let words = run.text.split([' ', '\t', '\n']);
            let widest = if run.badge.is_some() {
                measure(&run.text)
            } else {
                words.map(measure).fold(0.0, f32::max)
            };
            word = word.max(widest);
        }
        (word, line)
    }
}

/// Column widths that fill `width`. When every cell fits on one line, each column gets room
/// in proportion to its widest cell. Otherwise each column first gets its longest word, so
/// no word or number is cut, and the room left goes to the columns whose text wraps, in
/// proportion to how much more they would need; only when the words alone are too wide
/// are they shrunk, all alike.
fn share(longest_word: &[f32], one_line: &[f32], width: f32) -> Vec<f32> {
    let words: f32 = longest_word.iter().sum();
    let lines: f32 = one_line.iter().sum();
    if lines <= width {
        return one_line
            .iter()
            .map(|w| w * width / lines.max(1.0))
            .collect();
    }
    if words >= width {
        return longest_word
            .iter()
            .map(|w| w * width / words.max(1.0))
            .collect();
    }
    let spare = width - words;
    let wanted = (lines - words).max(1.0);
    longest_word
        .iter()
        .zip(one_line)
        .map(|(word, line)| word + spare * (line - word).max(0.0) / wanted)
        .collect()
}

/// The drawn row: cell contents padded, a shaded header, a rule below.
fn table_row(cells: Vec<Row>, x: f32, width: f32, header: bool, look: &Look) -> Row {
    let content = cells.iter().map(|c| c.height).fold(0.0, f32::max);
    let height = content + 2.0 * style::CELL_PAD_Y + crate::doc::TABLE_RULE_PT;
    let mut items = Vec::new();
    if header {
        items.push(Item::Fill {
            rect: Rect {
                x,
                y: 0.0,
                w: width,
                h: height,
            },
            color: look.style.colours.table_header,
        });
    }
    for cell in cells {
        items.extend(
            cell.items
                .into_iter()
                .map(|item| item.shifted(style::CELL_PAD_Y)),
        );
    }
    let rule_width = if header {
        1.0
    } else {
        crate::doc::TABLE_RULE_PT
    };
    items.push(Item::Rule {
        from: (x, height),
        to: (x + width, height),
        width: rule_width,
        color: look.style.colours.rule,
    });
    Row {
        height,
        items,
        keep: usize::from(header),
        ..Row::default()
    }
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn columns_that_fit_on_one_line_share_the_room_by_their_width() {
        assert_eq!(share(&[10.0, 10.0], &[20.0, 60.0], 160.0), [40.0, 120.0]);
    }

    #[test]
    fn a_wrapping_column_never_takes_a_longer_word_from_another() {
        // The text column wraps; the number column keeps its whole "1 234 567".
        let widths = share(&[50.0, 60.0], &[400.0, 60.0], 300.0);
        assert_eq!(widths, [240.0, 60.0]);
        // Words wider than the table are shrunk alike.
        assert_eq!(
            share(&[200.0, 200.0], &[300.0, 300.0], 200.0),
            [100.0, 100.0]
        );
    }
}
