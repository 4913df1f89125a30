//! Markdown escaping for plain text, so that a title or a name is printed as written.
//!
//! Entry point: [`escape_markdown`], registered as the template engine's escape function:
//! `{{title}}` goes through it, `{{{summary}}}` (Markdown already) does not.

/// Characters with an inline meaning anywhere in a line (emphasis, code, links, HTML,
/// entities, strikethrough, table cells, images, heading closers) or that start a block
/// (`>` quotes, `#` headings). Escaping them everywhere is always safe.
const ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '|', '!', '#',
];
/// Characters that mean something only at the start of a line (bullets, thematic breaks,
/// setext underlines), and only when no letter or digit follows: "-5" and "+46" are text.
/// Plain text reaches a line start only through its own first character, because line
/// breaks inside it are turned into spaces.
const AT_START: &[char] = &['-', '+', '='];
/// "1. " or "1) " at a line start opens a numbered list; CommonMark allows up to nine digits.
const ORDERED_MARKERS: &[char] = &['.', ')'];
const MAX_ORDERED_DIGITS: usize = 9;

/// `text` with every character Markdown could interpret backslash-escaped and line breaks
/// turned into spaces (a line break inside a title or name would end the heading, paragraph
/// or table row it sits in).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let block_start = block_marker_index(text);
    for (i, c) in text.char_indices() {
        let escape = ALWAYS.contains(&c) || block_start == Some(i);
        if escape {
            out.push('\\');
        }
        out.push(match c {
            '\n' | '\r' => ' ',
            other => other,
        });
    }
    out
}

/// The byte index of the character that would make `text`, at a line start, open a list,
/// a thematic break or a setext heading underline.
fn block_marker_index(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if AT_START.contains(&first) {
        let ends = chars.next().is_none_or(|next| !next.is_alphanumeric());
        return ends.then_some(0);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = text[digits..].chars();
    rest.next().filter(|c| ORDERED_MARKERS.contains(c))?;
    let opens_list = rest.next().is_none_or(char::is_whitespace);
    ((1..=MAX_ORDERED_DIGITS).contains(&digits) && opens_list).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn escapes_inline_markup() {
        assert_eq!(escape_markdown("a *b* <b>c</b>"), r"a \*b\* \<b\>c\</b\>");
        assert_eq!(escape_markdown("A | B # C & D"), r"A \| B \# C \& D");
        assert_eq!(
            escape_markdown("[x](y) `z` ~s~ !"),
            r"\[x\](y) \`z\` \~s\~ \!"
        );
        assert_eq!(escape_markdown(r"back\slash"), r"back\\slash");
    }

    #[test]
    fn escapes_block_starts_only_at_the_start() {
        assert_eq!(escape_markdown("- a - b"), r"\- a - b");
        assert_eq!(escape_markdown("2023. Plan 1.2"), r"2023\. Plan 1.2");
        assert_eq!(escape_markdown("1) a"), r"1\) a");
        assert_eq!(escape_markdown("==="), r"\===");
        assert_eq!(escape_markdown("-"), r"\-");
        assert_eq!(escape_markdown("-5 och 1.5"), "-5 och 1.5");
        assert_eq!(escape_markdown("71.5"), "71.5");
        assert_eq!(escape_markdown("1."), r"1\.");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let text = "Polisen, lokalpolisområde Jönköping – KS 2023/0123 (7)";
        assert_eq!(escape_markdown(text), text);
        assert_eq!(escape_markdown("{{x}}"), "{{x}}");
    }

    #[test]
    fn line_breaks_become_spaces() {
        assert_eq!(escape_markdown("a\nb\r\nc"), "a b  c");
    }
}
