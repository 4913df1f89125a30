//! Finding words in free text that a reader of the report should not see: another
//! quarter named (copied text), and placeholders left in.
//!
//! Entry points: [`quarter_mentions`] and [`placeholders`]; both return byte ranges into
//! the text, so that a message can point at the exact words.

use std::ops::Range;

/// A place in a text that names quarter `quarter` (1–4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub range: Range<usize>,
    pub quarter: u8,
}

/// Every quarter named in `text`, in the forms officials write in Swedish and English:
/// "fjärde kvartalet", "4:e kvartalet", "kvartal 4", "Q4", "2023-Q4", "fourth quarter",
/// "4th quarter", "quarter 4".
pub fn quarter_mentions(text: &str) -> Vec<Mention> {
    let words = words(text);
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        if let Some(quarter) = q_number(&word.lower) {
            found.push(Mention {
                range: word.range.clone(),
                quarter,
            });
        }
        let Some(next) = words.get(index + 1).filter(|next| joined(text, word, next)) else {
            continue;
        };
        if let Some(quarter) = pair(&word.lower, &next.lower) {
            found.push(Mention {
                range: word.range.start..next.range.end,
                quarter,
            });
        }
    }
    found
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

/// `q4` (also inside `2023-Q4`, which splits into `2023` and `q4`).
fn q_number(word: &str) -> Option<u8> {
    let digit = word.strip_prefix('q')?;
    digit_quarter(digit)
}

/// "fjärde kvartalet", "4th quarter", "kvartal 4", "quarter 4".
fn pair(first: &str, second: &str) -> Option<u8> {
    if matches!(first, "kvartal" | "quarter" | "kv") {
        return digit_quarter(second);
    }
    let definite = matches!(second, "kvartalet" | "kvartalets");
    if !(definite || matches!(second, "kvartal" | "quarter")) {
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

fn digit_quarter(word: &str) -> Option<u8> {
    match word {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        "4" => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<(&str, u8)> {
        quarter_mentions(text)
            .into_iter()
            .map(|m| (&text[m.range], m.quarter))
            .collect()
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
