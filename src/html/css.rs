//! The page's one stylesheet, from the layout's style: custom properties for its colours,
//! fonts and sizes, and the rules that use them.
//!
//! Entry point: [`stylesheet`]. On screen the body text is the reader's own size and the
//! layout's sizes keep their proportions to it; the text column is at most 45 em wide and
//! reflows down to 320 px, with wide tables scrolling in their own frame. A dark colour
//! scheme gets colours made from the layout's ([`palette`](super::palette)). Printed, the
//! page is the layout's paper with its margins and point sizes, without the contents (a
//! web page has no page numbers) and with links as plain text.

use super::palette::{self, Palette};
use crate::doc::{BUNDLED_FAMILY, Font, LOGO_GAP_MM, LogoAlign, Rgb, Style, Tone, signing};
use std::fmt::Write as _;

/// After the layout's font: the fonts systems have, and a generic family.
const SYSTEM_FONTS: &str =
    r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif"#;

/// The font the bundled Carlito has the metrics of, which Office installs.
const CARLITO_TWIN: &str = "Calibri";

/// Screen text is set at least this far apart, as WCAG's text spacing asks to allow.
const SCREEN_LINE_HEIGHT: f32 = 1.5;

/// Captions, the header and the footer are never smaller than this on screen, in the
/// body text's ems.
const SCREEN_SMALL_EM: f32 = 0.875;

/// The rules that read the custom properties, the same for every layout.
const RULES: &str = r#"*, *::before, *::after { box-sizing: border-box; }
html { background: var(--page); color: var(--text); -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 45em; padding: 1em 1em 2em; font-family: var(--font-body); line-height: var(--line-height); overflow-wrap: break-word; hyphens: auto; }
h1, h2, h3 { font-family: var(--font-heading); color: var(--heading); line-height: 1.2; margin: 0 0 0.4em; break-after: avoid; }
h1 { font-size: var(--size-title); margin-top: var(--space-title); }
h2 { font-size: var(--size-heading); margin-top: var(--space-heading); }
h3 { font-size: var(--size-subheading); margin-top: var(--space-subheading); }
p, ul, ol, dl, table { margin: 0 0 var(--space-paragraph); }
li > p, li > ul, li > ol { margin-bottom: 0.25em; }
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.skip { position: absolute; left: 1em; top: -20em; padding: 0.5em 1em; background: var(--page); color: var(--link); border: 2px solid var(--link); z-index: 1; }
.skip:focus { top: 0.5em; }
body > header { font-size: var(--size-small); color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: 0.5em; margin-bottom: 1em; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.1em 1em; margin: 0; }
.facts dt { grid-column: 1; font-weight: bold; }
.facts dd { grid-column: 2; margin: 0; }
.draft { margin: 0 0 0.5em; padding: 0.25em 0.5em; border: 2px solid var(--text); color: var(--text); font-weight: bold; letter-spacing: 0.1em; text-align: center; }
main:focus { outline: none; }
.logos { display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--logo-gap); justify-content: var(--logo-align); margin: 0 0 1em; }
.logos img { display: block; max-width: 100%; width: auto; object-fit: contain; }
.status { display: inline-block; padding: 0 0.45em; border-radius: 0.6em; font-size: 0.9em; font-weight: bold; line-height: 1.4; }
.table { max-width: 100%; overflow-x: auto; margin: 0 0 var(--space-paragraph); }
.table table { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
caption { caption-side: top; text-align: left; font-size: var(--size-small); font-weight: bold; color: var(--muted); padding: 0 0 0.3em; }
.table caption { position: sticky; left: 0; max-width: calc(100vw - 2em); }
th, td { border-bottom: 1px solid var(--rule); padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
thead th { background: var(--table-header); border-bottom: 2px solid var(--rule); }
.right { text-align: right; font-variant-numeric: tabular-nums; }
.center { text-align: center; }
.chart { margin: var(--space-paragraph) 0; }
.chart svg { display: block; max-width: 100%; height: auto; font-family: var(--font-body); }
nav ol { padding-left: 1.5em; margin: 0 0 var(--space-paragraph); }
nav ol ol { margin: 0; }
.signatures { margin: 1.5em 0 var(--space-paragraph); }
.place-and-date::after { content: ""; display: inline-block; width: min(18em, 60%); margin-left: 0.5em; border-bottom: 1px solid var(--text); }
.signers { display: grid; grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: 1em var(--signer-gap); list-style: none; padding: 0; }
.signers li { padding-top: var(--signing-space); }
.signers li::before { content: ""; display: block; border-bottom: 1px solid var(--text); margin-bottom: 0.3em; }
.signers p { margin: 0; }
.signers .role { color: var(--muted); }
body > footer { margin-top: 2em; padding-top: 0.5em; border-top: 1px solid var(--rule); font-size: var(--size-small); color: var(--muted); }
body > footer p { margin: 0; }
@media (max-width: 30em) {
  h1 { font-size: min(var(--size-title), 1.75rem); }
  h2 { font-size: min(var(--size-heading), 1.4rem); }
}
"#;

/// What changes on paper, after the page's own rules.
const PRINT_RULES: &str = r#"  html { background: none; }
  body { max-width: none; padding: 0; }
  .skip, nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .table { overflow: visible; }
  tr, .chart, .logos, .whole, .signers li { break-inside: avoid; }
  .keep { break-after: avoid; }
  .page-break { break-after: page; }
  .status, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
"#;

/// The stylesheet of a page in `style`'s look.
pub(super) fn stylesheet(style: &Style) -> String {
    let mut css = String::new();
    let _ = writeln!(css, ":root {{\n  color-scheme: light dark;");
    colours(&mut css, &palette::light(&style.colours));
    badges(&mut css, style);
    fonts(&mut css, style);
    sizes(&mut css, style, Medium::Screen);
    css.push_str("}\n");
    css.push_str(RULES);
    for tone in Tone::ALL {
        let name = tone.name();
        let _ = writeln!(
            css,
            ".status-{name} {{ background: var(--{name}-fill); color: var(--{name}-text); }}"
        );
    }
    if style.spacing.justify {
        css.push_str("@media (min-width: 40em), print {\n  main p { text-align: justify; }\n}\n");
    }
    dark(&mut css, style);
    print(&mut css, style);
    css
}

/// Where the page is shown: the sizes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Medium {
    Screen,
    Print,
}

fn colours(css: &mut String, palette: &Palette) {
    let Palette {
        page,
        text,
        muted,
        heading,
        link,
        rule,
        table_header,
    } = *palette;
    for (name, colour) in [
        ("page", page),
        ("text", text),
        ("muted", muted),
        ("heading", heading),
        ("link", link),
        ("rule", rule),
        ("table-header", table_header),
    ] {
        let _ = writeln!(css, "  --{name}: {};", hex(colour));
    }
}

/// Each tone's fill and text: the same on a light and a dark page.
fn badges(css: &mut String, style: &Style) {
    for tone in Tone::ALL {
        let colours = style.status_colours.get(tone);
        let name = tone.name();
        let _ = writeln!(css, "  --{name}-fill: {};", hex(colours.fill));
        let _ = writeln!(css, "  --{name}-text: {};", hex(colours.text));
    }
}

fn fonts(css: &mut String, style: &Style) {
    let _ = writeln!(css, "  --font-body: {};", family(&style.fonts.body));
    let _ = writeln!(css, "  --font-heading: {};", family(&style.fonts.heading));
    let gap = LOGO_GAP_MM;
    let align = match style.logo.align {
        LogoAlign::Left => "flex-start",
        LogoAlign::Center => "center",
        LogoAlign::Right => "flex-end",
    };
    let _ = writeln!(
        css,
        "  --logo-gap: {}mm;\n  --logo-align: {align};",
        num(gap)
    );
    let _ = writeln!(
        css,
        "  --signer-gap: {}mm;\n  --signing-space: {}pt;",
        num(signing::GAP_MM),
        num(signing::SPACE_PT)
    );
}

/// The layout's family, then the system's fonts: a page never depends on a font file.
fn family(font: &Font) -> String {
    let twin = if font.family == BUNDLED_FAMILY && font.files.is_none() {
        format!("{}, ", string(CARLITO_TWIN))
    } else {
        String::new()
    };
    format!("{}, {twin}{SYSTEM_FONTS}", string(&font.family))
}

/// Every size in ems of the body text (`rem`: the root's size is the body's), so that the layout's proportions hold at any text
/// size; the body text itself is the reader's size on screen and the layout's on paper.
fn sizes(css: &mut String, style: &Style, medium: Medium) {
    let (sizes, spacing) = (&style.sizes, &style.spacing);
    let body = sizes.body_pt;
    let em = |pt: f32| format!("{}rem", num(pt / body));
    let (line_height, small) = match medium {
        Medium::Screen => (
            sizes.line_height.max(SCREEN_LINE_HEIGHT),
            format!("{}rem", num((sizes.small_pt / body).max(SCREEN_SMALL_EM))),
        ),
        Medium::Print => {
            let _ = writeln!(css, "  font-size: {}pt;", num(body));
            (sizes.line_height, em(sizes.small_pt))
        }
    };
    let properties = [
        ("line-height", num(line_height)),
        ("size-small", small),
        ("size-title", em(sizes.title_pt)),
        ("size-heading", em(sizes.heading_pt)),
        ("size-subheading", em(sizes.subheading_pt)),
        ("space-paragraph", em(spacing.paragraph_pt)),
        ("space-title", em(spacing.title_before_pt)),
        ("space-heading", em(spacing.heading_before_pt)),
        ("space-subheading", em(spacing.subheading_before_pt)),
    ];
    for (name, value) in properties {
        let _ = writeln!(css, "  --{name}: {value};");
    }
}

/// A dark page for those who ask for one. Charts and logos, drawn for paper, keep a
/// light ground of their own.
fn dark(css: &mut String, style: &Style) {
    css.push_str("@media screen and (prefers-color-scheme: dark) {\n  :root {\n");
    let mut properties = String::new();
    colours(&mut properties, &palette::dark(&style.colours));
    for line in properties.lines() {
        let _ = writeln!(css, "  {line}");
    }
    let white = hex(Rgb(0xff, 0xff, 0xff));
    let _ = writeln!(
        css,
        "  }}\n  .chart, .logos {{ background: {white}; padding: 0.5em; border-radius: 0.3em; }}\n}}"
    );
}

/// The layout's paper, margins and point sizes.
fn print(css: &mut String, style: &Style) {
    let page = &style.page;
    css.push_str("@media print {\n");
    let _ = writeln!(
        css,
        "  @page {{ size: {}mm {}mm; margin: {}mm {}mm {}mm {}mm; }}",
        num(page.width_mm),
        num(page.height_mm),
        num(page.margin_top_mm),
        num(page.margin_right_mm),
        num(page.margin_bottom_mm),
        num(page.margin_left_mm)
    );
    css.push_str("  :root {\n");
    let mut properties = String::new();
    sizes(&mut properties, style, Medium::Print);
    for line in properties.lines() {
        let _ = writeln!(css, "  {line}");
    }
    css.push_str("  }\n");
    css.push_str(PRINT_RULES);
    css.push_str("}\n");
}

/// `#1f3a5f`.
fn hex(colour: Rgb) -> String {
    format!("#{}", colour.hex().to_lowercase())
}

/// A number with at most four decimals and no trailing zeros.
fn num(value: f32) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// `text` as a CSS string: every character but letters, digits, spaces and `-_.` written
/// as an escape, so that a family name can neither end the string nor the `<style>`.
pub(super) fn string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.') {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}
