//! The page: size and margins from the style, a running header and a footer with the date
//! and "page X of Y".
//!
//! Entry point: [`setup`]. The first page is the title page and has no header; from page 2
//! the header shows the small logo, the title and the case number.

use super::{DocxError, images, styles};
use crate::doc::{Meta, Style};
use docx_rs::{Docx, Footer, Header, NumPages, PageMargin, PageNum, Paragraph, Run};

/// One millimetre in twentieths of a point, Word's page unit.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// `millimetres` in twips, rounded. The style's lengths are bounded, so the cast cannot
/// overflow.
fn mm(millimetres: f32) -> i32 {
    (f64::from(millimetres) * TWIPS_PER_MM).round() as i32
}

/// The width between the margins, which tables and the header's tab stop fill; never
/// negative, even when the margins overlap. Each length is rounded on its own, as Word sums
/// the page's own numbers.
pub(super) fn text_width(style: &Style) -> i32 {
    let width = mm(style.page_width_mm) - mm(style.margin_left_mm) - mm(style.margin_right_mm);
    width.max(0)
}

/// Sets page size and margins from `meta.style`, and adds the header and footer built from
/// `meta`. `picture_number` numbers the header's logo after the body's pictures. A `draft`
/// label starts every page's header, the title page's included.
pub(super) fn setup(
    docx: Docx,
    meta: &Meta,
    picture_number: usize,
    draft: Option<&str>,
) -> Result<Docx, DocxError> {
    let style = &meta.style;
    // Header and footer sit halfway into their margins.
    let margin = PageMargin::new()
        .top(mm(style.margin_top_mm))
        .bottom(mm(style.margin_bottom_mm))
        .left(mm(style.margin_left_mm))
        .right(mm(style.margin_right_mm))
        .header(mm(style.margin_top_mm / 2.0))
        .footer(mm(style.margin_bottom_mm / 2.0))
        .gutter(0);
    let side = |millimetres: f32| mm(millimetres).max(0) as u32;
    Ok(docx
        .page_size(side(style.page_width_mm), side(style.page_height_mm))
        .page_margin(margin)
        .header(header(meta, picture_number, draft)?)
        .first_header(
            Header::new().add_paragraph(draft_mark(Paragraph::new().style(styles::HEADER), draft)),
        )
        .footer(footer(meta))
        .first_footer(footer(meta)))
}

/// The logo and the title on the left and, when there is one, the case number at the right
/// edge.
fn header(meta: &Meta, picture_number: usize, draft: Option<&str>) -> Result<Header, DocxError> {
    let mut line = draft_mark(Paragraph::new().style(styles::HEADER), draft);
    if let Some(logo) = &meta.header_logo {
        let options = crate::image::svg_options_with(&meta.style.font_files());
        let picture = images::picture(logo, picture_number, &options)?;
        line = line.add_run(Run::new().add_image(picture).add_text("  "));
    }
    line = line.add_run(Run::new().add_text(&meta.title));
    if let Some(number) = &meta.case_number {
        let case = format!("{} {number}", meta.labels.case_number);
        line = line.add_run(Run::new().add_tab().add_text(case));
    }
    Ok(Header::new().add_paragraph(line))
}

/// `line` starting with the draft label in bold, when there is one: on the header's line,
/// so the header is no taller than the PDF's and the pages break alike.
fn draft_mark(line: Paragraph, draft: Option<&str>) -> Paragraph {
    match draft {
        Some(label) => line.add_run(Run::new().bold().add_text(format!("{label}  "))),
        None => line,
    }
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
    fn millimetres_become_twips() {
        assert_eq!((mm(210.0), mm(297.0)), (11906, 16838));
        assert_eq!((mm(25.0), mm(12.5), mm(0.0)), (1417, 709, 0));
        assert_eq!(text_width(&Style::default()), 9072);
        let a5 = Style {
            page_width_mm: 148.0,
            margin_left_mm: 30.0,
            margin_right_mm: 20.0,
            ..Style::default()
        };
        assert_eq!(text_width(&a5), 8391 - 1701 - 1134);
        let overlapping = Style {
            page_width_mm: 50.0,
            margin_left_mm: 40.0,
            margin_right_mm: 40.0,
            ..Style::default()
        };
        assert_eq!(text_width(&overlapping), 0);
    }
}
