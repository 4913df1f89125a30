//! Pagination: rows → pages.
//!
//! Entry point: [`paginate`]. Rows are placed top to bottom; a row that does not fit
//! starts a new page, and a row marked keep-with-next only stays where it is if the
//! rows it must stay with fit too. Pages exist only once something is placed on them,
//! so there is never an empty last page.

use super::frame::{Page, Row};
use super::style;

const TOP: f32 = style::MARGIN_TOP;
const BOTTOM: f32 = style::PAGE_HEIGHT - style::MARGIN_BOTTOM;

pub fn paginate(rows: Vec<Row>) -> Vec<Page> {
    let needs: Vec<f32> = (0..rows.len()).map(|i| needed_height(&rows[i..])).collect();
    let mut pages = vec![Page::default()];
    let mut y = TOP;
    for (row, need) in rows.into_iter().zip(needs) {
        if y > TOP && y + row.space_before + need > BOTTOM {
            pages.push(Page::default());
            y = TOP;
        }
        // Space above a row is dropped at the top of a page.
        let top = if y > TOP { y + row.space_before } else { y };
        y = top + row.height;
        place(pages.last_mut().expect("one page at least"), row, top);
    }
    pages
}

fn place(page: &mut Page, row: Row, top: f32) {
    if let Some(entry) = row.outline {
        page.outline.push((entry, top));
    }
    page.body
        .extend(row.items.into_iter().map(|item| item.shifted(top)));
}

/// Height the row needs on this page: itself and, while rows keep with the next, those
/// too — at most a page, so a long chain still breaks somewhere.
fn needed_height(rows: &[Row]) -> f32 {
    let mut need = 0.0;
    for (i, row) in rows.iter().enumerate() {
        need += row.height + if i > 0 { row.space_before } else { 0.0 };
        if !row.keep_with_next {
            break;
        }
    }
    need.min(BOTTOM - TOP)
}
