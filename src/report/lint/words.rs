//! Finding words in free text that a reader of the report should not see: another
//! period named (copied text), and placeholders left in.
//!
//! Entry points: [`mentions`] and [`placeholders`]; both return byte ranges into the text,
//! so that a message can point at the exact words.

use crate::report::Kind;
use std::ops::Range;

/// A place in a text that names period `number` of the kind looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub number: u8,
}

/// How officials write one kind of period, in Swedish and English.
struct Vocabulary {
    /// The letter of the short form ("q" of "Q4", also inside "2023-Q4").
    letter: char,
    /// Words followed by the number: "kvartal 4", "quarter 4".
    before_number: &'static [&'static str],
    /// Words after an ordinal: "fjärde kvartalet", "4th quarter".
    after_ordinal: &'static [&'static str],
    /// Of those, the forms after which "andra" is "second" and not "other".
    definite: &'static [&'static str],
}

const QUARTERS: Vocabulary = Vocabulary {
    letter: 'q',
    before_number: &["kvartal", "quarter", "kv"],
    after_ordinal: &["kvartalet", "kvartalets", "kvartal", "quarter"],
    definite: &["kvartalet", "kvartalets"],
};

const TERTIALS: Vocabulary = Vocabulary {
    letter: 't',
    before_number: &["tertial"],
    after_ordinal: &["tertialet", "tertialets", "tertial"],
    definite: &["tertialet", "tertialets"],
};

const HALVES: Vocabulary = Vocabulary {
    letter: 'h',
    before_number: &["halvår", "halvåret"],
    after_ordinal: &["halvåret", "halvårets", "halvår", "half"],
    definite: &["halvåret", "halvårets"],
};

/// Every period of `kind` named in `text`, in the forms officials write in Swedish and
/// English: for quarters "fjärde kvartalet", "4:e kvartalet", "kvartal 4", "Q4", "2023-Q4",
/// "fourth quarter", "4th quarter", "quarter 4"; for tertials "andra tertialet", "tertial 2",
/// "T2"; for half years "första halvåret", "H1", "first half". A year names no part of
/// itself: for it there is none.
pub fn mentions(text: &str, kind: Kind) -> Vec<Mention> {
    let vocabulary = match kind {
        Kind::Quarter => &QUARTERS,
        Kind::Tertial => &TERTIALS,
        Kind::Half => &HALVES,
        Kind::Year => return Vec::new(),
    };
    let number = |word: &str| number(word, kind.per_year());
    let words = words(text);
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        if let Some(n) = word.lower.strip_prefix(vocabulary.letter).and_then(number) {
            found.push(Mention {
                range: word.range.clone(),
                number: n,
            });
        }
        let Some(next) = words.get(index + 1).filter(|next| joined(text, word, next)) else {
            continue;
        };
        if let Some(n) = pair(vocabulary, &word.lower, &next.lower).filter(|n| number_ok(*n, kind))
        {
            found.push(Mention {
                range: word.range.start..next.range.end,
                number: n,
            });
        }
    }
    found
}

fn number_ok(n: u8, kind: Kind) -> bool {
    (1..=kind.per_year()).contains(&n)
}

/// Every placeholder in `text`: TODO, TBD, XXX (and longer runs of x), "Lorem ipsum".
pub fn placeholders(text: &str) -> Vec<Range<usize>> {
    let words = words(text);
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let lower = word.lower.as_str();
        let x_run = lower.len() >= 3 && lower.chars().all(|c| c == 'x');
        if matches!(lower, "todo" | "tbd" | "fixme") || x_run {
            found.push(word.range.clone());
        }
        if lower == "lorem"
            && words
                .get(index + 1)
                .is_some_and(|next| next.lower == "ipsum")
        {
            found.push(word.range.start..words[index + 1].range.end);
        }
    }
    found
}

struct Word {
    range: Range<usize>,
    lower: String,
}

/// The years (1900–2999) written in `text` as four digits standing alone, in order.
pub fn years(text: &str) -> Vec<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|digits| digits.len() == 4)
        .filter_map(|digits| digits.parse().ok())
        .filter(|year| (1900..=2999).contains(year))
        .collect()
}

/// Runs of letters and digits; a colon inside a run is kept, for "4:e" and "1:a".
fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || c == ':';
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word(c)) {
            (None, true) => start = Some(at),
            (Some(from), false) => {
                let word = text[from..at].trim_end_matches(':');
                if !word.is_empty() {
                    words.push(Word {
                        range: from..from + word.len(),
                        lower: word.to_lowercase(),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Two words form one expression when only spaces, line breaks or a hyphen lie between.
fn joined(text: &str, first: &Word, second: &Word) -> bool {
    text[first.range.end..second.range.start]
        .chars()
        .all(|c| c.is_whitespace() || c == '-')
}

/// "fjärde kvartalet", "4th quarter", "kvartal 4", "quarter 4", and the same for the
/// other kinds.
fn pair(vocabulary: &Vocabulary, first: &str, second: &str) -> Option<u8> {
    if vocabulary.before_number.contains(&first) {
        return number(second, 4);
    }
    let definite = vocabulary.definite.contains(&second);
    if !vocabulary.after_ordinal.contains(&second) {
        return None;
    }
    // "andra kvartal" also means "other quarters"; only the definite form is the second.
    if first == "andra" {
        return definite.then_some(2);
    }
    ordinal(first)
}

fn ordinal(word: &str) -> Option<u8> {
    match word {
        "första" | "1:a" | "first" | "1st" => Some(1),
        "2:a" | "second" | "2nd" => Some(2),
        "tredje" | "3:e" | "third" | "3rd" => Some(3),
        "fjärde" | "4:e" | "fourth" | "4th" => Some(4),
        _ => None,
    }
}

/// A single digit from 1 to `most`.
fn number(word: &str, most: u8) -> Option<u8> {
    let n = match word {
        "1" => 1,
        "2" => 2,
        "3" => 3,
        "4" => 4,
        _ => return None,
    };
    (n <= most).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<(&str, u8)> {
        named_as(text, Kind::Quarter)
    }

    fn named_as(text: &str, kind: Kind) -> Vec<(&str, u8)> {
        mentions(text, kind)
            .into_iter()
            .map(|m| (&text[m.range], m.number))
            .collect()
    }

    #[test]
    fn finds_tertials_and_halves_in_both_languages() {
        assert_eq!(
            named_as(
                "Under andra tertialet (T1, 2024-T3) och tertial 4.",
                Kind::Tertial
            ),
            [("andra tertialet", 2), ("T1", 1), ("T3", 3)]
        );
        assert_eq!(
            named_as("Första halvåret, H2 och the second half.", Kind::Half),
            [("Första halvåret", 1), ("H2", 2), ("second half", 2)]
        );
        assert!(named_as("fjärde kvartalet, Q4, T2", Kind::Year).is_empty());
        assert!(named_as("fjärde kvartalet, Q4", Kind::Tertial).is_empty());
    }

    #[test]
    fn finds_swedish_forms() {
        assert_eq!(
            named("Under fjärde kvartalet och 3:e kvartalet, se kvartal 2."),
            [
                ("fjärde kvartalet", 4),
                ("3:e kvartalet", 3),
                ("kvartal 2", 2)
            ]
        );
        assert_eq!(
            named("Andra kvartalet; andra kvartal"),
            [("Andra kvartalet", 2)]
        );
        assert_eq!(named("första\n  kvartalets"), [("första\n  kvartalets", 1)]);
    }

    #[test]
    fn finds_english_forms() {
        assert_eq!(
            named("In the fourth quarter (Q3, 2023-Q2) and 1st quarter, quarter 4."),
            [
                ("fourth quarter", 4),
                ("Q3", 3),
                ("Q2", 2),
                ("1st quarter", 1),
                ("quarter 4", 4)
            ]
        );
    }

    #[test]
    fn ignores_words_that_only_look_alike() {
        assert!(named("Q5, Q, kvartalet, 4 kvartal, quarterly 4, fjärde gången").is_empty());
    }

    #[test]
    fn finds_placeholders() {
        let text = "TODO: skriv. Antal XXXX, tbd. Lorem  ipsum dolor. Todos xx";
        let found: Vec<&str> = placeholders(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["TODO", "XXXX", "tbd", "Lorem  ipsum"]);
    }
}
