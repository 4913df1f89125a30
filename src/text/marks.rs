//! Combining marks piled on one character ("Zalgo text"): shaping and line breaking treat a
//! character and its marks as one unit, so a few hundred thousand of them cost gigabytes.
//!
//! Entry point: [`overlong_marks`]. The bound is Unicode's own for stream-safe text (UAX #15):
//! no more than 30 combining characters in a row, which no language needs.

use unicode_linebreak::{BreakClass, break_property};

/// The most combining characters (marks, joiners, variation selectors) after one character.
pub const MAX_MARKS: usize = 30;

/// The byte offset of the first combining character beyond [`MAX_MARKS`] in a row, if any.
pub fn overlong_marks(text: &str) -> Option<usize> {
    let mut run = 0;
    for (offset, c) in text.char_indices() {
        // Most of a report is printable ASCII and line breaks, none of them a mark (a
        // control character is, for UAX #14): no need to look them up.
        let plain = matches!(c, ' '..='~' | '\n' | '\r' | '\t');
        let combining = !plain
            && matches!(
                break_property(c as u32),
                BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner
            );
        run = if combining { run + 1 } else { 0 };
        if run > MAX_MARKS {
            return Some(offset);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_printable_ascii_character_nor_line_break_is_a_mark() {
        for c in (' '..='~').chain(['\n', '\r', '\t']) {
            let class = break_property(c as u32);
            assert!(
                !matches!(
                    class,
                    BreakClass::CombiningMark | BreakClass::ZeroWidthJoiner
                ),
                "{c:?}"
            );
        }
        // A control character still counts as one: the 31st in a row is found.
        assert_eq!(
            overlong_marks(&"\u{1}".repeat(MAX_MARKS + 2)),
            Some(MAX_MARKS)
        );
    }

    #[test]
    fn thirty_marks_pass_and_the_thirty_first_is_found() {
        let thirty = format!("a{}", "\u{301}".repeat(MAX_MARKS));
        assert_eq!(overlong_marks(&thirty), None);
        assert_eq!(overlong_marks("Åsa, Ørjan, नमस्ते, 👩‍👩‍👧"), None);
        let more = format!("ab{}", "\u{301}".repeat(MAX_MARKS + 1));
        assert_eq!(overlong_marks(&more), Some(2 + 2 * MAX_MARKS));
    }
}
