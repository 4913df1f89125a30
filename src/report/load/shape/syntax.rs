//! YAML that does not parse, explained in the words of the person who typed it.
//!
//! Entry point: [`explain`]. The parser's own messages are English and speak of scanners
//! and tokens, and for some mistakes they point at a neighbouring line: a tab in the
//! indentation is found on the line before, a no-break space on the line after. The text
//! around the reported place is read again to name the real mistake and its real line.

use super::position;
use crate::diag::Position;
use crate::report::problems::Mistake;
use serde_saphyr::granit_parser::ScanError;

/// How far from the reported line the real mistake may stand.
const NEIGHBOURHOOD: usize = 2;

/// The mistake and where it stands.
pub fn explain(text: &str, error: &ScanError) -> (Mistake, Position) {
    let reported = position(error.marker());
    if let Some(found) = indentation(text, reported.line) {
        return found;
    }
    let info = error.info();
    if info.contains("mapping values are not allowed")
        && let Some(found) = colon_in_text(text, reported)
    {
        return found;
    }
    let mistake = if info.contains("unclosed quote") || info.contains("quoted scalar") {
        Mistake::UnclosedQuote
    } else if info.contains("unclosed bracket") || info.contains("flow sequence") {
        Mistake::UnclosedBracket
    } else {
        Mistake::Structure
    };
    (mistake, reported)
}

/// The first line near `line` whose indentation holds a tab or an odd space.
fn indentation(text: &str, line: usize) -> Option<(Mistake, Position)> {
    let first = line.saturating_sub(NEIGHBOURHOOD).max(1);
    let lines = text
        .lines()
        .enumerate()
        .skip(first - 1)
        .take(2 * NEIGHBOURHOOD + 1);
    for (index, written) in lines {
        let indent = written.chars().take_while(|c| c.is_whitespace());
        for (column, c) in indent.enumerate() {
            let mistake = match c {
                ' ' => continue,
                '\t' => Mistake::Tab,
                other => Mistake::OddSpace { code: other as u32 },
            };
            let at = Position {
                line: index + 1,
                column: column + 1,
            };
            return Some((mistake, at));
        }
    }
    None
}

/// `key: text: more` on the reported line: a colon followed by a space inside a plain text.
fn colon_in_text(text: &str, at: Position) -> Option<(Mistake, Position)> {
    let written = text.lines().nth(at.line.checked_sub(1)?)?;
    let content = written.trim_start().trim_start_matches("- ");
    let (key, value) = content.split_once(": ")?;
    let value = value.trim();
    let plain = !value.starts_with(['"', '\'', '|', '>', '[', '{']);
    let key_like = !key.is_empty() && !key.contains([' ', '"', '\'']);
    (plain && key_like && value.contains(": ")).then(|| {
        let mistake = Mistake::ColonInText {
            key: key.to_owned(),
            value: value.to_owned(),
        };
        (mistake, at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_saphyr::granit_parser::Parser;

    fn mistake(text: &str) -> (Mistake, Position) {
        let error = Parser::new_from_str(text)
            .find_map(Result::err)
            .expect("the text does not parse");
        explain(text, &error)
    }

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn a_tab_or_a_no_break_space_is_found_on_its_own_line() {
        let tab = "a:\n  - id: x\n\ttitle: y\n";
        assert_eq!(mistake(tab), (Mistake::Tab, at(3, 1)));
        let nbsp = "a:\n  - id: x\n  \u{a0} title: y\n    goal: z\n";
        assert_eq!(mistake(nbsp), (Mistake::OddSpace { code: 0xa0 }, at(3, 3)));
    }

    #[test]
    fn a_colon_in_a_plain_text_is_named() {
        let (found, position) = mistake("title: Trygghet: kvartal 1\n");
        let expected = Mistake::ColonInText {
            key: "title".to_owned(),
            value: "Trygghet: kvartal 1".to_owned(),
        };
        assert_eq!((found, position.line), (expected, 1));
    }

    #[test]
    fn unclosed_quotes_and_brackets_are_named() {
        assert_eq!(mistake("title: \"open\n").0, Mistake::UnclosedQuote);
        assert_eq!(mistake("list: [a, b\n").0, Mistake::UnclosedBracket);
    }
}
