//! Where a paragraph's words may be broken with a hyphen, decided once: the PDF breaks lines
//! only there, and the DOCX carries the same points as optional hyphens, so that Word and
//! LibreOffice break words where the PDF may, whatever dictionaries they have.
//!
//! Entry point: [`points`]. Headings are never hyphenated: they are short and prominent.

use super::Run;
use crate::text::Hyphenator;
use std::ops::Range;
use unicode_linebreak::linebreaks;

/// Byte offsets in the joined text of `runs` where a line may end inside a word, by the
/// patterns of `hyphenator`'s language. Only a plain word (letters, perhaps with
/// punctuation around it) is hyphenated: never a web address, a number, a code or a status
/// badge.
pub fn points(runs: &[Run], hyphenator: Hyphenator) -> Vec<usize> {
    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
    let badges = Badges::of(runs);
    let words = Words::new(&text, &badges, hyphenator);
    let mut points = Vec::new();
    let mut start = 0;
    for (end, _) in linebreaks(&text) {
        points.extend(words.points(start..end));
        start = end;
    }
    points
}

/// The hyphenation of a paragraph's words, for a caller that walks its break
/// opportunities (UAX #14) itself: the PDF's line breaking, which would otherwise find
/// them twice.
pub struct Words<'a> {
    /// The runs' text joined.
    text: &'a str,
    /// The status badges in it, which stay whole.
    badges: &'a Badges,
    hyphenator: Hyphenator,
}

impl<'a> Words<'a> {
    /// For `text`, the joined text of runs with `badges`.
    pub fn new(text: &'a str, badges: &'a Badges, hyphenator: Hyphenator) -> Words<'a> {
        Words {
            text,
            badges,
            hyphenator,
        }
    }

    /// The points of the word between two break opportunities, `range`, in order: as
    /// [`points`] gives them for it.
    pub fn points(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        word_points(self.text, range, self.hyphenator)
            .into_iter()
            .filter(|&point| !self.badges.hold(point))
    }
}

/// The byte ranges of a paragraph's status badges in its runs' joined text: a badge stays
/// whole, neither hyphenated nor broken at a space.
pub struct Badges(Vec<Range<usize>>);

impl Badges {
    /// The badges among `runs`.
    pub fn of(runs: &[Run]) -> Badges {
        let mut start = 0;
        let mut badges = Vec::new();
        for run in runs {
            let range = start..start + run.text.len();
            start = range.end;
            if run.badge.is_some() {
                badges.push(range);
            }
        }
        Badges(badges)
    }

    /// Whether byte `at` falls inside a badge, not at its edge: the badges lie in order, so
    /// the one that could hold it is found by a binary search, and a paragraph of many runs
    /// stays linear.
    pub fn hold(&self, at: usize) -> bool {
        let index = self.0.partition_point(|badge| badge.end <= at);
        self.0.get(index).is_some_and(|badge| badge.start < at)
    }
}

/// Hyphenation points of the word in `range`, as byte offsets in the text.
fn word_points(text: &str, range: Range<usize>, hyphenator: Hyphenator) -> Vec<usize> {
    let token = &text[range.clone()];
    let word = token.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || !word.chars().all(char::is_alphabetic) || in_address(text, range.clone())
    {
        return Vec::new();
    }
    let offset = range.start + (word.as_ptr() as usize - token.as_ptr() as usize);
    hyphenator
        .points(word)
        .iter()
        .map(|point| offset + point)
        .collect()
}

/// Longest stretch around a word searched for the spaces that delimit its token; a longer
/// token is no word anyway. Bounds the search, so long unbroken text stays linear.
const TOKEN_REACH: usize = 256;

/// Whether `range` lies in a web or mail address: the text between the spaces around it
/// has a slash, an at sign or "www.".
fn in_address(text: &str, range: Range<usize>) -> bool {
    let low = text.floor_char_boundary(range.start.saturating_sub(TOKEN_REACH));
    let high = text.ceil_char_boundary((range.end + TOKEN_REACH).min(text.len()));
    let start = text[low..range.start]
        .rfind(char::is_whitespace)
        .map_or(low, |i| low + i + 1);
    let end = text[range.end..high]
        .find(char::is_whitespace)
        .map_or(high, |i| range.end + i);
    let token = &text[start..end];
    token.contains(['/', '@', '\\']) || token.contains("www.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Tone;

    #[test]
    fn words_break_at_syllables_but_addresses_and_badges_stay_whole() {
        let swedish = Hyphenator::for_language("sv").expect("bundled");
        let runs = [
            Run::plain("Brottsförebyggande arbete, se www.brottsförebyggande.se och "),
            Run {
                badge: Some(Tone::Warning),
                ..Run::plain("Riskförhöjning")
            },
        ];
        let points = points(&runs, swedish);
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        let first_word = "Brottsförebyggande".len();
        assert!(
            points.iter().any(|&p| p < first_word),
            "{points:?} in {text}"
        );
        let address = text.find("www.").expect("address")..text.find(" och").expect("och");
        let badge = text.find("Risk").expect("badge")..text.len();
        for point in points {
            assert!(
                !address.contains(&point) && !badge.contains(&point),
                "{point} in {text}"
            );
        }
    }
}
