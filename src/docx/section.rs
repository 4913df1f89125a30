//! The section: the page's size and margins in Word's unit, and the text width between the
//! margins, which tables, charts and tab stops fill.
//!
//! Entry points: [`write`] writes the section properties that close the body,
//! [`text_width`] gives the width between the margins.

use super::package::Relation;
use super::xml::Xml;
use crate::doc::Style;

/// One millimetre in twentieths of a point, Word's page unit.
const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// `millimetres` in twips, rounded. The style's lengths are bounded, so the cast cannot
/// overflow.
fn mm(millimetres: f32) -> u32 {
    (f64::from(millimetres) * TWIPS_PER_MM).round().max(0.0) as u32
}

/// The width between the margins, which tables and the header's tab stop fill; never
/// negative, even when the margins overlap. Each length is rounded on its own, as Word sums
/// the page's own numbers.
pub(super) fn text_width(style: &Style) -> u32 {
    mm(style.page.width_mm)
        .saturating_sub(mm(style.page.margin_left_mm) + mm(style.page.margin_right_mm))
}

/// The section properties closing the body: the headers and footers by `references`
/// (kind, pages, relationship id), the page size and margins, the title page on its own.
/// Header and footer sit halfway into their margins.
pub(super) fn write(xml: &mut Xml, style: &Style, references: &[(Relation, &str, String)]) {
    xml.open("w:sectPr", &[]);
    for (relation, pages, id) in references {
        let element = match relation {
            Relation::Header => "w:headerReference",
            _ => "w:footerReference",
        };
        xml.empty(element, &[("w:type", pages), ("r:id", id)]);
    }
    xml.empty(
        "w:pgSz",
        &[
            ("w:w", &mm(style.page.width_mm)),
            ("w:h", &mm(style.page.height_mm)),
        ],
    )
    .empty(
        "w:pgMar",
        &[
            ("w:top", &mm(style.page.margin_top_mm)),
            ("w:right", &mm(style.page.margin_right_mm)),
            ("w:bottom", &mm(style.page.margin_bottom_mm)),
            ("w:left", &mm(style.page.margin_left_mm)),
            ("w:header", &mm(style.page.margin_top_mm / 2.0)),
            ("w:footer", &mm(style.page.margin_bottom_mm / 2.0)),
            ("w:gutter", &0),
        ],
    )
    .empty("w:titlePg", &[])
    .close("w:sectPr");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_become_twips() {
        assert_eq!((mm(210.0), mm(297.0)), (11906, 16838));
        assert_eq!((mm(25.0), mm(12.5), mm(0.0)), (1417, 709, 0));
        assert_eq!(text_width(&Style::default()), 9072);
        let page = |width_mm, margin_left_mm, margin_right_mm| {
            let mut style = Style::default();
            style.page.width_mm = width_mm;
            style.page.margin_left_mm = margin_left_mm;
            style.page.margin_right_mm = margin_right_mm;
            style
        };
        let a5 = page(148.0, 30.0, 20.0);
        assert_eq!(text_width(&a5), 8391 - 1701 - 1134);
        let overlapping = page(50.0, 40.0, 40.0);
        assert_eq!(text_width(&overlapping), 0);
    }
}
