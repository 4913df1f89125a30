//! The page: A4 with 25 mm margins, a running header and a footer with the date and
//! "page X of Y".
//!
//! Entry point: [`setup`]. The first page is the title page and has no header; from page 2
//! the header shows the small logo, the title and the case number.

use super::{DocxError, images, styles};
use crate::doc::Meta;
use docx_rs::{Docx, Footer, Header, NumPages, PageMargin, PageNum, Paragraph, Run};

/// One millimetre in twentieths of a point, Word's page unit.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;
const PAGE_WIDTH: i32 = mm(210.0);
const PAGE_HEIGHT: i32 = mm(297.0);
const MARGIN: i32 = mm(25.0);
/// Header and footer sit halfway into the margin.
const HEADER_DISTANCE: i32 = mm(12.5);
/// The width between the margins, which tables and the header's tab stop fill.
pub(super) const TEXT_WIDTH: i32 = PAGE_WIDTH - 2 * MARGIN;

const fn mm(millimetres: f64) -> i32 {
    (millimetres * TWIPS_PER_MM + 0.5) as i32
}

/// Sets page size and margins, and adds the header and footer built from `meta`.
/// `picture_number` numbers the header's logo after the body's pictures.
pub(super) fn setup(docx: Docx, meta: &Meta, picture_number: usize) -> Result<Docx, DocxError> {
    let margin = PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN)
        .header(HEADER_DISTANCE)
        .footer(HEADER_DISTANCE)
        .gutter(0);
    Ok(docx
        .page_size(PAGE_WIDTH as u32, PAGE_HEIGHT as u32)
        .page_margin(margin)
        .header(header(meta, picture_number)?)
        .first_header(Header::new().add_paragraph(Paragraph::new().style(styles::HEADER)))
        .footer(footer(meta))
        .first_footer(footer(meta)))
}

/// The logo and the title on the left and, when there is one, the case number at the right
/// edge.
fn header(meta: &Meta, picture_number: usize) -> Result<Header, DocxError> {
    let mut line = Paragraph::new().style(styles::HEADER);
    if let Some(logo) = &meta.header_logo {
        let picture = images::picture(logo, picture_number)?;
        line = line.add_run(Run::new().add_image(picture).add_text("  "));
    }
    line = line.add_run(Run::new().add_text(&meta.title));
    if let Some(number) = &meta.case_number {
        let case = format!("{} {number}", meta.labels.case_number);
        line = line.add_run(Run::new().add_tab().add_text(case));
    }
    Ok(Header::new().add_paragraph(line))
}

/// The report's date on the left; "Sida 3 av 7" at the right edge, with real PAGE and
/// NUMPAGES fields so the numbers stay right after editing.
fn footer(meta: &Meta) -> Footer {
    let line = Paragraph::new()
        .style(styles::FOOTER)
        .add_run(Run::new().add_text(&meta.date_text).add_tab())
        .add_run(Run::new().add_text(format!("{} ", meta.labels.page)))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(format!(" {} ", meta.labels.of)))
        .add_num_pages(NumPages::new());
    Footer::new().add_paragraph(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_with_25_mm_margins_in_twips() {
        assert_eq!((PAGE_WIDTH, PAGE_HEIGHT), (11906, 16838));
        assert_eq!(MARGIN, 1417);
        assert_eq!(TEXT_WIDTH, 9072);
    }
}
