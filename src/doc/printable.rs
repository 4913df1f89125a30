//! Text a document may hold: what a font can show and XML can carry.
//!
//! Entry point: [`printable`]. The parser and the components clean every text they put in
//! the model with it, so that no backend meets a control character.

/// Text without control characters, which no font can show and XML cannot hold; a tab
/// is a space, a hard line break stays.
pub(super) fn printable(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_go_tabs_become_spaces_and_line_breaks_stay() {
        assert_eq!(printable("a\tb\u{7}c\nd\u{1b}"), "a bc\nd");
    }
}
