//! Pagination: rows → pages.
//!
//! Entry point: [`paginate`]. Rows are placed top to bottom; a row that does not fit
//! starts a new page. The rules are data on the rows: `keep` says how many following
//! rows must share a row's page (headings, widows and orphans), `repeat` is a table
//! header to draw again at the top of a page the table continues on. Pages exist only
//! once something is placed on them, so there is never an empty last page.

use super::frame::{Page, Row};
use super::style::Look;

/// Where rows may go on a page: from `top` down to `bottom`.
#[derive(Debug, Clone, Copy)]
struct Frame {
    top: f32,
    bottom: f32,
}

impl Frame {
    fn height(self) -> f32 {
        self.bottom - self.top
    }
}

pub fn paginate(rows: Vec<Row>, look: &Look) -> Vec<Page> {
    let frame = Frame {
        top: look.margin_top,
        bottom: look.bottom(),
    };
    // Rows are cut only when one is taller than a page: copying a long report's rows costs
    // memory at its peak.
    let rows: Vec<Row> = match rows.iter().any(|row| row.height > frame.height()) {
        true => rows
            .into_iter()
            .flat_map(|row| split_tall(row, frame))
            .collect(),
        false => rows,
    };
    let needs: Vec<f32> = (0..rows.len())
        .map(|i| needed_height(&rows[i..], frame))
        .collect();
    let mut pages = vec![Page::default()];
    let mut y = frame.top;
    for (row, need) in rows.into_iter().zip(needs) {
        if y > frame.top && (row.page_break || y + row.space_before + need > frame.bottom) {
            pages.push(Page::default());
            y = frame.top;
            if let Some(header) = &row.repeat {
                place(
                    pages.last_mut().expect("just pushed"),
                    (**header).clone(),
                    y,
                );
                y += header.height;
            }
        }
        // Space above a row is dropped at the top of a page.
        let top = if y > frame.top {
            y + row.space_before
        } else {
            y
        };
        y = top + row.height;
        place(pages.last_mut().expect("one page at least"), row, top);
    }
    pages
}

/// A row taller than a page (a table row with pages of text) cut into page-high bands,
/// each item going with the band its top lies in; any other row as it is.
fn split_tall(row: Row, frame: Frame) -> Vec<Row> {
    let page = frame.height();
    if row.height <= page {
        return vec![row];
    }
    let bands = (row.height / page).ceil() as usize;
    let mut parts: Vec<Row> = (0..bands)
        .map(|i| Row {
            height: page.min(row.height - i as f32 * page),
            ..Row::default()
        })
        .collect();
    parts[0].space_before = row.space_before;
    parts[0].outline = row.outline;
    parts[0].fields = row.fields;
    parts[bands - 1].kept_end = row.kept_end;
    for item in row.items {
        let band = ((item.top() / page).floor().max(0.0) as usize).min(bands - 1);
        parts[band].items.push(item.shifted(-(band as f32) * page));
    }
    parts
}

fn place(page: &mut Page, row: Row, top: f32) {
    if let Some(entry) = row.outline {
        page.outline.push((entry, top));
    }
    page.kept_ends.extend(row.kept_end);
    page.fields.extend(row.fields.into_iter().map(|mut field| {
        field.rect.y += top;
        field
    }));
    page.body
        .extend(row.items.into_iter().map(|item| item.shifted(top)));
}

/// Height the row needs on this page: itself and the rows it keeps with it (which may
/// keep further rows) — at most a page, so a long chain still breaks somewhere.
fn needed_height(rows: &[Row], frame: Frame) -> f32 {
    let Some(first) = rows.first() else {
        return 0.0;
    };
    let mut need = first.height;
    let mut owed = first.keep;
    for row in &rows[1..] {
        if owed == 0 {
            break;
        }
        need += row.space_before + row.height;
        owed = (owed - 1).max(row.keep);
    }
    need.min(frame.height())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        let look = Look::default();
        Frame {
            top: look.margin_top,
            bottom: look.bottom(),
        }
    }
    use crate::pdf::frame::{Item, OutlineEntry};

    fn line(keep: usize) -> Row {
        Row {
            height: 12.0,
            keep,
            ..Row::default()
        }
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_two_lines_of_its_text() {
        // Fill the page so that the heading and one line would fit, but not two.
        let room = frame().height();
        let filler = Row {
            height: room - 30.0,
            ..Row::default()
        };
        let outline = Some(OutlineEntry {
            level: 2,
            title: "Barn och unga".into(),
            anchor: "b".into(),
        });
        let heading = Row {
            height: 16.0,
            keep: 2,
            outline,
            ..Row::default()
        };
        let pages = paginate(vec![filler, heading, line(0), line(0)], &Look::default());
        assert_eq!(pages.len(), 2);
        assert!(pages[0].outline.is_empty());
        assert_eq!(
            pages[1].outline.len(),
            1,
            "the heading starts the second page"
        );
    }

    #[test]
    fn a_row_taller_than_a_page_is_cut_into_pages() {
        let glyphs = crate::pdf::frame::Glyphs {
            face: crate::text::Face::Regular,
            size: 10.0,
            color: Look::default().style.colours.text,
            glyphs: Vec::new(),
            text: "rad".into(),
        };
        let items = (0..200)
            .map(|i| Item::Text {
                x: 0.0,
                y: 12.0 * i as f32 + 10.0,
                glyphs: glyphs.clone(),
                leaf: None,
            })
            .collect();
        let pages = paginate(
            vec![Row {
                height: 2400.0,
                items,
                ..Row::default()
            }],
            &Look::default(),
        );
        assert!(pages.len() >= 4);
        for page in &pages {
            assert!(
                page.body
                    .iter()
                    .all(|item| item.top() >= frame().top - 0.01 && item.top() <= frame().bottom)
            );
        }
        assert_eq!(
            pages.iter().map(|p| p.body.len()).sum::<usize>(),
            200,
            "no line lost"
        );
    }

    #[test]
    fn a_page_break_starts_a_new_page() {
        let outline = Some(OutlineEntry {
            level: 2,
            title: "Sammanfattning".into(),
            anchor: "s".into(),
        });
        let breaker = Row {
            page_break: true,
            ..Row::default()
        };
        let pages = paginate(
            vec![line(0), breaker, Row { outline, ..line(0) }],
            &Look::default(),
        );
        assert_eq!(pages.len(), 2);
        assert_eq!(
            pages[1].outline.first().map(|(_, y)| *y),
            Some(frame().top),
            "at the top of page 2"
        );
    }

    #[test]
    fn the_need_of_a_chain_follows_each_rows_keep() {
        let rows = [line(1), line(0), line(0)];
        assert_eq!(needed_height(&rows, frame()), 24.0);
        let rows = [
            Row {
                height: 16.0,
                keep: 2,
                ..Row::default()
            },
            line(1),
            line(0),
            line(0),
        ];
        assert_eq!(
            needed_height(&rows, frame()),
            16.0 + 24.0,
            "a heading and two lines"
        );
        let rows = [line(1), line(2), line(0), line(0), line(0)];
        assert_eq!(
            needed_height(&rows, frame()),
            48.0,
            "the second row's keep extends the chain"
        );
    }
}
