//! The page's colours on a light page (the layout's own) and on a dark one (made from them).
//!
//! Entry points: [`light`] and [`dark`]. A dark page keeps each colour's hue and turns its
//! lightness over, then lightens it until text and links keep at least 4.5:1 (WCAG 2.1 AA)
//! on the page and on a table's header row. Badges keep their own light fill and dark
//! text in both, as the layout checked them.

use crate::doc::{Colours, Rgb};

/// WCAG 2.1 AA for text smaller than "large text".
pub(super) const AA_TEXT: f64 = 4.5;

/// The page behind the text in dark mode: near black, so that lightened colours keep
/// their contrast.
const DARK_PAGE: Rgb = Rgb(0x12, 0x14, 0x18);

/// The lightness of a table's header row on a dark page, in the layout's hue.
const DARK_HEADER_LIGHTNESS: f64 = 0.2;

/// The colours the stylesheet names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Palette {
    pub(super) page: Rgb,
    pub(super) text: Rgb,
    pub(super) muted: Rgb,
    pub(super) heading: Rgb,
    pub(super) link: Rgb,
    pub(super) rule: Rgb,
    pub(super) table_header: Rgb,
}

/// The layout's colours on a white page, as the PDF prints them.
pub(super) fn light(colours: &Colours) -> Palette {
    Palette {
        page: Rgb(0xff, 0xff, 0xff),
        text: colours.text,
        muted: colours.muted,
        heading: colours.heading,
        link: colours.link,
        rule: colours.rule,
        table_header: colours.table_header,
    }
}

/// The layout's colours turned for a dark page.
pub(super) fn dark(colours: &Colours) -> Palette {
    let table_header = with_lightness(colours.table_header, DARK_HEADER_LIGHTNESS);
    let grounds = [DARK_PAGE, table_header];
    let legible = |colour: Rgb| legible(inverted(colour), &grounds);
    Palette {
        page: DARK_PAGE,
        text: legible(colours.text),
        muted: legible(colours.muted),
        heading: legible(colours.heading),
        link: legible(colours.link),
        rule: inverted(colours.rule),
        table_header,
    }
}

/// `colour` lightened step by step until it has [`AA_TEXT`] on every one of the dark
/// `grounds`; white, which has, at the latest.
fn legible(colour: Rgb, grounds: &[Rgb]) -> Rgb {
    let (hue, saturation, lightness) = hsl(colour);
    let enough = |c: Rgb| grounds.iter().all(|&ground| c.contrast(ground) >= AA_TEXT);
    (0..=100)
        .map(|step| {
            let lightness = lightness + (1.0 - lightness) * f64::from(step) / 100.0;
            rgb(hue, saturation, lightness)
        })
        .find(|&c| enough(c))
        .unwrap_or(Rgb(0xff, 0xff, 0xff))
}

/// The colour with its lightness turned over: dark blue becomes light blue.
fn inverted(colour: Rgb) -> Rgb {
    let (hue, saturation, lightness) = hsl(colour);
    rgb(hue, saturation, 1.0 - lightness)
}

fn with_lightness(colour: Rgb, lightness: f64) -> Rgb {
    let (hue, saturation, _) = hsl(colour);
    rgb(hue, saturation, lightness)
}

/// Hue (0–6, in sixths of a turn), saturation and lightness (0–1).
fn hsl(Rgb(r, g, b): Rgb) -> (f64, f64, f64) {
    let [r, g, b] = [r, g, b].map(|c| f64::from(c) / 255.0);
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let lightness = (max + min) / 2.0;
    let chroma = max - min;
    if chroma == 0.0 {
        return (0.0, 0.0, lightness);
    }
    let saturation = chroma / (1.0 - (2.0 * lightness - 1.0).abs());
    let hue = if max == r {
        ((g - b) / chroma).rem_euclid(6.0)
    } else if max == g {
        (b - r) / chroma + 2.0
    } else {
        (r - g) / chroma + 4.0
    };
    (hue, saturation, lightness)
}

fn rgb(hue: f64, saturation: f64, lightness: f64) -> Rgb {
    let chroma = (1.0 - (2.0 * lightness - 1.0).abs()) * saturation;
    let x = chroma * (1.0 - (hue.rem_euclid(2.0) - 1.0).abs());
    let (r, g, b) = match hue {
        h if h < 1.0 => (chroma, x, 0.0),
        h if h < 2.0 => (x, chroma, 0.0),
        h if h < 3.0 => (0.0, chroma, x),
        h if h < 4.0 => (0.0, x, chroma),
        h if h < 5.0 => (x, 0.0, chroma),
        _ => (chroma, 0.0, x),
    };
    let m = lightness - chroma / 2.0;
    let channel = |c: f64| ((c + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb(channel(r), channel(g), channel(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Style;

    #[test]
    fn colours_survive_the_round_trip_through_hsl() {
        for colour in [
            Rgb(0x1f, 0x3a, 0x5f),
            Rgb(0x0b, 0x4f, 0x9c),
            Rgb(0xe6, 0xec, 0xf3),
            Rgb(0x80, 0x80, 0x80),
            Rgb(0xff, 0x00, 0x00),
            Rgb(0x14, 0x53, 0x2d),
        ] {
            let (h, s, l) = hsl(colour);
            assert_eq!(rgb(h, s, l), colour);
        }
    }

    #[test]
    fn dark_text_and_links_keep_their_contrast() {
        let mut colours = Style::default().colours;
        // Mid-grey turns over to mid-grey: the worst case, which must be lightened.
        colours.muted = Rgb(0x77, 0x77, 0x77);
        let dark = dark(&colours);
        for colour in [dark.text, dark.muted, dark.heading, dark.link] {
            for ground in [dark.page, dark.table_header] {
                let ratio = colour.contrast(ground);
                assert!(ratio >= AA_TEXT, "{colour:?} on {ground:?}: {ratio}");
            }
        }
        // The heading stays blue: hue kept, lightness turned.
        let Rgb(r, _, b) = dark.heading;
        assert!(b > r, "{:?}", dark.heading);
    }
}
