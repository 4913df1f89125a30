//! Line breaking on real Swedish text with the bundled fonts.

use super::*;
use crate::doc::Tone;

fn style() -> TextStyle {
    let look = crate::pdf::style::Look::default();
    TextStyle {
        size: 10.0,
        color: look.style.colours.text,
        bold: false,
        heading: false,
        link: look.style.colours.link,
        badges: look.style.status_colours,
    }
}

fn swedish(optimal: bool) -> Breaking {
    Breaking {
        optimal,
        balanced: false,
        hyphenator: Hyphenator::for_language("sv-SE"),
        justify: false,
    }
}

fn texts(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.glyphs.text.as_str()).collect())
        .collect()
}

const TEXT: &str = "Polis och kommun arbetar i tät dialog för att skapa trygghet på platser som \
    upplevs som otrygga, med brottsförebyggande och trygghetsskapande åtgärder i centrum.";

#[test]
fn every_line_fits_and_every_character_is_kept() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    for optimal in [false, true] {
        let lines = linebreak(
            &[Run::plain(TEXT)],
            &style(),
            150.0,
            &swedish(optimal),
            &shaper,
        );
        assert!(lines.len() > 2);
        assert!(
            lines.iter().all(|l| l.width <= 150.0 + 0.01),
            "{:?}",
            lines.iter().map(|l| l.width).collect::<Vec<_>>()
        );
        let joined: String = texts(&lines).concat().replace('\u{ad}', "");
        assert_eq!(joined, TEXT, "spaces and letters kept; hyphens are soft");
    }
}

#[test]
fn compounds_are_hyphenated_with_a_visible_hyphen_and_a_soft_one_in_the_text() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    let lines = linebreak(
        &[Run::plain("brottsförebyggande trygghetsskapande")],
        &style(),
        60.0,
        &swedish(false),
        &shaper,
    );
    let first = &texts(&lines)[0];
    assert!(first.ends_with('\u{ad}'), "{lines:?}");
    let hyphen = lines[0]
        .pieces
        .last()
        .and_then(|p| p.glyphs.glyphs.last())
        .expect("a glyph");
    assert_eq!(
        hyphen.id,
        shaper.shape(crate::text::Face::Regular, "-")[0].id,
        "drawn as a hyphen"
    );
}

#[test]
fn optimal_breaking_evens_out_the_lines() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    let spread = |optimal| {
        let lines = linebreak(
            &[Run::plain(TEXT)],
            &style(),
            170.0,
            &swedish(optimal),
            &shaper,
        );
        let widths: Vec<f32> = lines[..lines.len() - 1].iter().map(|l| l.width).collect();
        widths.iter().map(|w| (170.0 - w).powi(2)).sum::<f32>()
    };
    assert!(
        spread(true) <= spread(false),
        "total fit never leaves more raggedness"
    );
}

#[test]
fn optimal_breaking_takes_as_many_lines_as_first_fit() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    for width in (120..=400).step_by(7) {
        let count = |optimal| {
            linebreak(
                &[Run::plain(TEXT)],
                &style(),
                width as f32,
                &swedish(optimal),
                &shaper,
            )
            .len()
        };
        assert_eq!(count(true), count(false), "at {width} pt");
    }
}

#[test]
fn justified_lines_fill_the_width_except_the_last() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    let breaking = Breaking {
        justify: true,
        ..swedish(true)
    };
    let lines = linebreak(&[Run::plain(TEXT)], &style(), 170.0, &breaking, &shaper);
    for line in &lines[..lines.len() - 1] {
        let drawn: f32 = line
            .pieces
            .iter()
            .map(|p| p.x + p.width())
            .fold(0.0, f32::max);
        assert!(
            (line.width - 170.0).abs() < 0.01 && drawn >= 169.0,
            "{}",
            line.width
        );
    }
}

#[test]
fn cuts_a_word_longer_than_the_line() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    let word = "https://www.jonkoping.se/trygghet/medborgarloftet/uppfoljning/2023";
    let lines = linebreak(&[Run::plain(word)], &style(), 60.0, &swedish(true), &shaper);
    assert!(lines.len() > 1);
    assert!(lines.iter().all(|l| l.width <= 60.0 + 0.01));
    assert_eq!(texts(&lines).concat(), word);
}

#[test]
fn hard_breaks_start_a_new_line_and_are_not_drawn() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    let lines = linebreak(
        &[Run::plain("Rad ett\nRad två")],
        &style(),
        400.0,
        &swedish(true),
        &shaper,
    );
    assert_eq!(texts(&lines), ["Rad ett", "Rad två"]);
}

#[test]
fn keeps_a_badge_whole() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    let runs = vec![
        Run::plain("Status: "),
        Run {
            badge: Some(Tone::Warning),
            ..Run::plain("Risk för avvikelse")
        },
    ];
    let lines = linebreak(&runs, &style(), 90.0, &swedish(true), &shaper);
    assert_eq!(texts(&lines), ["Status: ", "Risk för avvikelse"]);
}

#[test]
fn balanced_lines_leave_no_word_alone_on_the_last() {
    let shaper = Shaper::new(crate::text::FontSet::bundled());
    let title = [Run::plain("Uppföljning av medborgarlöftet 2023, kvartal 4")];
    let all_but_the_last = [Run::plain("Uppföljning av medborgarlöftet 2023, kvartal")];
    let unbroken =
        |runs: &[Run]| linebreak(runs, &style(), 1000.0, &swedish(true), &shaper)[0].width;
    // Room for every word but the last.
    let width = unbroken(&all_but_the_last) + 1.0;
    let ragged = linebreak(&title, &style(), width, &swedish(true), &shaper);
    assert_eq!(texts(&ragged)[1], "4");
    let balanced = Breaking {
        balanced: true,
        ..swedish(true)
    };
    let lines = linebreak(&title, &style(), width, &balanced, &shaper);
    assert_eq!(lines.len(), ragged.len());
    assert!(
        texts(&lines)[1].split_whitespace().count() > 1,
        "{:?}",
        texts(&lines)
    );
    assert!((lines[0].width - lines[1].width).abs() < width / 2.0);
}
