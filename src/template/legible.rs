//! Whether a style can be printed for people to read: room on the page for lines of text
//! and headings, and colours with the contrast WCAG 2.1 AA asks of text.
//!
//! Entry point: [`problem`], the first thing wrong with a style, with the `style.toml`
//! fields it rests on, so that a refusal points at the value the layout gave. Each field
//! is checked against its bounds while it is read (`doc::limits`); these rules are about
//! fields together: margins and page size, font sizes and the width between the margins.

use super::contrast::{AA_TEXT, ratio, written};
use crate::doc::{Rgb, Style, limits};

/// What is wrong, and the fields (`colours.heading`) to point at, the likeliest first.
pub struct Problem {
    pub fields: Vec<String>,
    pub message: String,
}

/// The page is white wherever text stands outside a table header or a badge.
const PAGE: Rgb = Rgb(0xff, 0xff, 0xff);
const MM_PER_PT: f32 = 25.4 / 72.0;

const WIDTH_FIELDS: [&str; 4] = [
    "page.margin_left_mm",
    "page.margin_right_mm",
    "page.width_mm",
    "page.size",
];
const HEIGHT_FIELDS: [&str; 4] = [
    "page.margin_top_mm",
    "page.margin_bottom_mm",
    "page.height_mm",
    "page.size",
];

/// The first reason `style` cannot be printed legibly, if any.
pub fn problem(style: &Style) -> Option<Problem> {
    let rules = [text_width, body_line, heading_line, text_height, contrast];
    rules.into_iter().find_map(|rule| rule(style))
}

fn problem_at(fields: &[&str], message: String) -> Option<Problem> {
    let fields = fields.iter().map(|f| (*f).to_owned()).collect();
    Some(Problem { fields, message })
}

fn width_mm(style: &Style) -> f32 {
    style.page.width_mm - style.page.margin_left_mm - style.page.margin_right_mm
}

/// "a 210 mm page less margins of 25 and 25 mm"
fn page_less_margins(side: f32, first: f32, second: f32) -> String {
    format!("a {side} mm page less margins of {first} and {second} mm")
}

fn text_width(style: &Style) -> Option<Problem> {
    let width = width_mm(style);
    let minimum = limits::MIN_TEXT_WIDTH_MM;
    if width >= minimum {
        return None;
    }
    let page = page_less_margins(
        style.page.width_mm,
        style.page.margin_left_mm,
        style.page.margin_right_mm,
    );
    let message = format!(
        "the text between the margins is {width:.0} mm wide ({page}); it must be at least \
         {minimum} mm wide"
    );
    problem_at(&WIDTH_FIELDS, message)
}

/// A line of `size_pt` text must hold `ems` em in the width between the margins.
fn line_fits(style: &Style, what: &str, size_pt: f32, ems: f32, field: &str) -> Option<Problem> {
    let needed = size_pt * ems * MM_PER_PT;
    let width = width_mm(style);
    if width >= needed {
        return None;
    }
    let message = format!(
        "{what} of {size_pt} pt need a text {needed:.0} mm wide ({ems} em to a line), but the \
         text between the margins is {width:.0} mm wide: make the font smaller or the \
         margins narrower"
    );
    let mut fields = vec![field];
    fields.extend(WIDTH_FIELDS);
    problem_at(&fields, message)
}

fn body_line(style: &Style) -> Option<Problem> {
    let ems = limits::BODY_EMS_PER_LINE;
    line_fits(
        style,
        "body text",
        style.sizes.body_pt,
        ems,
        "sizes.body_pt",
    )
}

fn heading_line(style: &Style) -> Option<Problem> {
    let sizes = [
        (style.sizes.title_pt, "sizes.title_pt"),
        (style.sizes.heading_pt, "sizes.heading_pt"),
        (style.sizes.subheading_pt, "sizes.subheading_pt"),
    ];
    let ems = limits::HEADING_EMS_PER_LINE;
    sizes
        .into_iter()
        .find_map(|(size, field)| line_fits(style, "headings", size, ems, field))
}

/// The height the title, a heading and a few lines of body text need on one page, or a
/// chart, whichever is more.
fn needed_height_mm(style: &Style) -> f32 {
    let line = |size: f32| size * style.sizes.line_height;
    let points = style.spacing.title_before_pt
        + line(style.sizes.title_pt)
        + style.spacing.heading_before_pt
        + line(style.sizes.heading_pt)
        + limits::MIN_BODY_LINES * line(style.sizes.body_pt);
    (points * MM_PER_PT).max(limits::MIN_TEXT_HEIGHT_MM)
}

fn text_height(style: &Style) -> Option<Problem> {
    let height = style.page.height_mm - style.page.margin_top_mm - style.page.margin_bottom_mm;
    let needed = needed_height_mm(style);
    if height >= needed {
        return None;
    }
    let page = page_less_margins(
        style.page.height_mm,
        style.page.margin_top_mm,
        style.page.margin_bottom_mm,
    );
    let message = format!(
        "the text between the margins is {height:.0} mm high ({page}); a page must hold \
         {needed:.0} mm: a chart, or the title, a heading and {} lines of body text",
        limits::MIN_BODY_LINES
    );
    let mut fields = HEIGHT_FIELDS.to_vec();
    fields.extend([
        "sizes.body_pt",
        "sizes.title_pt",
        "sizes.heading_pt",
        "sizes.line_height",
        "spacing.title_before_pt",
        "spacing.heading_before_pt",
    ]);
    problem_at(&fields, message)
}

/// A text colour and the ground it stands on, each as a message names it ("its fill
/// #d6f0dc"), with the fields that set them.
struct Pair {
    text: (String, Rgb),
    ground: (String, Rgb),
    fields: Vec<String>,
}

/// Every colour of text with its ground. Headings need 4.5:1 like body text: one colour
/// serves every heading level, and subheadings (12.5 pt bold by default) are not the
/// "large text" (18 pt, or 14 pt bold) WCAG allows 3:1 for.
fn pairs(style: &Style) -> Vec<Pair> {
    let on_page = |what: &str, colour: Rgb, field: &str| Pair {
        text: (format!("{what} colour"), colour),
        ground: ("white".to_owned(), PAGE),
        fields: vec![format!("colours.{field}")],
    };
    let mut pairs = vec![
        on_page("text", style.colours.text, "text"),
        on_page("muted", style.colours.muted, "muted"),
        on_page("heading", style.colours.heading, "heading"),
        on_page("link", style.colours.link, "link"),
        Pair {
            text: ("text colour".to_owned(), style.colours.text),
            ground: (
                format!("table header {}", hex(style.colours.table_header)),
                style.colours.table_header,
            ),
            fields: vec!["colours.table_header".into(), "colours.text".into()],
        },
    ];
    let b = &style.status_colours;
    let badges = [
        ("good", b.good),
        ("warning", b.warning),
        ("bad", b.bad),
        ("done", b.done),
        ("neutral", b.neutral),
    ];
    pairs.extend(badges.into_iter().map(|(tone, badge)| Pair {
        text: (format!("status `{tone}` text"), badge.text),
        ground: (format!("its fill {}", hex(badge.fill)), badge.fill),
        fields: vec![
            format!("status_colours.{tone}.text"),
            format!("status_colours.{tone}.fill"),
        ],
    }));
    pairs
}

fn contrast(style: &Style) -> Option<Problem> {
    pairs(style).into_iter().find_map(|pair| {
        let found = ratio(pair.text.1, pair.ground.1);
        (found < AA_TEXT).then(|| Problem {
            fields: pair.fields,
            message: format!(
                "{} {} on {} has contrast {}:1; WCAG 2.1 AA needs {AA_TEXT}:1",
                pair.text.0,
                hex(pair.text.1),
                pair.ground.0,
                written(found, AA_TEXT)
            ),
        })
    })
}

fn hex(colour: Rgb) -> String {
    format!("#{}", colour.hex().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(style: &Style) -> String {
        problem(style).map(|p| p.message).unwrap_or_default()
    }

    #[test]
    fn the_default_style_is_legible() {
        assert!(problem(&Style::default()).is_none());
    }

    #[test]
    fn margins_that_leave_no_room_are_refused() {
        let style = {
            let mut style = Style::default();
            style.page.margin_left_mm = 80.0;
            style.page.margin_right_mm = 80.0;
            style
        };
        let found = problem(&style).expect("too narrow");
        assert_eq!(found.fields[0], "page.margin_left_mm");
        assert!(found.message.contains("50 mm wide"), "{}", found.message);
        let style = {
            let mut style = Style::default();
            style.page.height_mm = 150.0;
            style.page.margin_top_mm = 30.0;
            style
        };
        assert!(
            message(&style).contains("98 mm high"),
            "{}",
            message(&style)
        );
    }

    #[test]
    fn large_type_needs_a_wide_page() {
        let style = {
            let mut style = Style::default();
            style.sizes.title_pt = 72.0;
            style
        };
        let found = problem(&style).expect("too large");
        assert_eq!(found.fields[0], "sizes.title_pt");
        assert!(found.message.contains("72 pt"), "{}", found.message);
        let style = {
            let mut style = Style::default();
            style.sizes.body_pt = 40.0;
            style
        };
        assert_eq!(
            problem(&style).expect("too large").fields[0],
            "sizes.body_pt"
        );
    }

    #[test]
    fn low_contrast_names_the_pair() {
        let mut style = {
            let mut style = Style::default();
            style.colours.heading = Rgb(0x77, 0x77, 0x77);
            style
        };
        assert_eq!(
            message(&style),
            "heading colour #777777 on white has contrast 4.48:1; WCAG 2.1 AA needs 4.5:1"
        );
        style.colours.heading = Rgb(0x76, 0x76, 0x76);
        assert!(problem(&style).is_none());
        style.status_colours.bad.fill = Rgb(0x7f, 0x1d, 0x1d);
        let found = problem(&style).expect("no contrast");
        assert_eq!(
            found.fields,
            ["status_colours.bad.text", "status_colours.bad.fill"]
        );
        assert!(
            found.message.contains("on its fill #7f1d1d"),
            "{}",
            found.message
        );
    }
}
