//! Where a word may be hyphenated, by the patterns of its language (hypher).
//!
//! Entry point: [`Hyphenator::points`]. Only plain words are hyphenated: a token with
//! digits, punctuation inside or fewer letters than [`MIN_WORD`] is left whole.

use foldhash::HashMap;
use hypher::Lang;
use std::cell::RefCell;
use std::rc::Rc;

/// Words shorter than this are never hyphenated: a broken short word reads badly.
const MIN_WORD: usize = 6;

/// Words whose points a thread keeps: the vocabulary of the longest report, a few MB.
const KEPT_WORDS: usize = 100_000;

/// The points of each word of one language.
type Words = HashMap<String, Rc<[usize]>>;

thread_local! {
    /// The points found, by language and word.
    static FOUND: RefCell<HashMap<Lang, Words>> = RefCell::new(HashMap::default());
}

/// Hyphenation in one language.
#[derive(Debug, Clone, Copy)]
pub struct Hyphenator {
    lang: Lang,
}

impl Hyphenator {
    /// The hyphenator for a BCP 47 language tag ("sv-SE", "en-GB"), if its patterns are
    /// bundled.
    pub fn for_language(tag: &str) -> Option<Hyphenator> {
        let bytes = tag.as_bytes();
        let code = [*bytes.first()?, *bytes.get(1)?];
        let code = match &code {
            b"nb" | b"nn" => *b"no",
            _ => code.map(|b| b.to_ascii_lowercase()),
        };
        Lang::from_iso(code).map(|lang| Hyphenator { lang })
    }

    /// Byte offsets inside `word` where it may be broken with a hyphen. Each word is looked
    /// up once a thread: a report repeats its words, and the PDF's lines and the DOCX's
    /// optional hyphens ask for the same ones.
    pub fn points(&self, word: &str) -> Rc<[usize]> {
        if word.chars().count() < MIN_WORD || !word.chars().all(char::is_alphabetic) {
            return Rc::new([]);
        }
        FOUND.with_borrow_mut(|found| {
            let found = found.entry(self.lang).or_default();
            if let Some(points) = found.get(word) {
                return Rc::clone(points);
            }
            if found.len() >= KEPT_WORDS {
                found.clear();
            }
            let points: Rc<[usize]> = self.look_up(word).into();
            found.insert(word.to_owned(), Rc::clone(&points));
            points
        })
    }

    fn look_up(&self, word: &str) -> Vec<usize> {
        let mut offset = 0;
        let mut points = Vec::new();
        let syllables: Vec<&str> = hypher::hyphenate(word, self.lang).collect();
        for syllable in &syllables[..syllables.len().saturating_sub(1)] {
            offset += syllable.len();
            points.push(offset);
        }
        points
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str, tag: &str) -> Vec<String> {
        let points = Hyphenator::for_language(tag).expect("bundled").points(word);
        let mut parts = Vec::new();
        let mut start = 0;
        for point in points.iter().copied().chain([word.len()]) {
            parts.push(word[start..point].to_string());
            start = point;
        }
        parts
    }

    #[test]
    fn swedish_compounds_break_at_syllables() {
        let parts = split("brottsförebyggande", "sv-SE");
        assert!(parts.len() > 2, "{parts:?}");
        assert_eq!(parts.concat(), "brottsförebyggande");
        assert!(split("trygghetsskapande", "sv").len() > 2);
    }

    #[test]
    fn short_words_numbers_and_urls_stay_whole() {
        assert_eq!(split("polis", "sv"), ["polis"]);
        assert_eq!(split("2023-Q1", "sv"), ["2023-Q1"]);
        assert_eq!(
            split("https://jonkoping.se", "sv"),
            ["https://jonkoping.se"]
        );
    }

    #[test]
    fn languages_come_from_the_tag() {
        assert!(Hyphenator::for_language("en-GB").is_some());
        assert!(Hyphenator::for_language("nb-NO").is_some());
        assert!(Hyphenator::for_language("x").is_none());
    }
}
