//! Where each line of a file starts, found once: the position of any byte offset by a binary
//! search, and any line's text, without scanning the file again for every diagnostic.

use super::Position;
use std::cell::Cell;

/// A file's text with the byte offset of each line's start.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last offset asked for and its column, by [`Lines::position`] or
    /// [`Lines::line_from`]: diagnostics come in the order of the file, so the next column
    /// on the same line is counted from here, not from the line's start (a file may be one
    /// long line).
    last: Cell<(usize, usize)>,
}

impl<'a> Lines<'a> {
    /// The index of `text`'s lines: one pass over it.
    pub fn new(text: &'a str) -> Self {
        let breaks = text.match_indices('\n').map(|(at, _)| at + 1);
        Lines {
            text,
            starts: std::iter::once(0).chain(breaks).collect(),
            last: Cell::new((0, 1)),
        }
    }

    /// The text indexed.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The line numbered `line` (from 1), without its line break.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        match self.starts.get(line) {
            // A line break is `\n` or `\r\n`, as `str::lines` takes it.
            Some(&next) => {
                let text = self.text.get(start..next - 1)?;
                Some(text.strip_suffix('\r').unwrap_or(text))
            }
            None => self.text.get(start..),
        }
    }

    /// Line `line` from its character `from` (counted from 0) on, with the index of the
    /// character it starts at: `from`, or the line's length when it is shorter. Counted
    /// from the character asked for last when that is on the same line and not after
    /// `from`: diagnostics along one long line cost their distance apart, not the line's
    /// length each.
    pub fn line_from(&self, line: usize, from: usize) -> Option<(&'a str, usize)> {
        let text = self.line(line)?;
        let start = self.starts[line - 1];
        let (last, last_column) = self.last.get();
        let on_line = (start..=start + text.len()).contains(&last);
        let (mut index, mut byte) = match on_line && last_column - 1 <= from {
            true => (last_column - 1, last - start),
            false => (0, 0),
        };
        let mut chars = text[byte..].chars();
        while index < from {
            let Some(c) = chars.next() else { break };
            byte += c.len_utf8();
            index += 1;
        }
        self.last.set((start + byte, index + 1));
        Some((&text[byte..], index))
    }

    /// The position of byte `offset`: where the character starting there stands. An offset
    /// past the end, or inside a character, counts from the last whole character before it.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor(offset);
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let (last, last_column) = self.last.get();
        let (from, column) = if (start..=offset).contains(&last) {
            (last, last_column)
        } else {
            (start, 1)
        };
        let column = column + self.text[from..offset].chars().count();
        self.last.set((offset, column));
        Position { line, column }
    }

    /// `offset` moved back to the nearest character boundary within the text.
    fn floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn every_offset_stands_where_scanning_from_the_start_puts_it() {
        let text = "titel: Ödmjuk\r\n\nsista: å\nslut";
        let lines = Lines::new(text);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(
                lines.position(offset),
                Position::after(&text[..offset]),
                "{offset}"
            );
        }
        // Backwards too, after the memory of the last column.
        assert_eq!(lines.position(3), at(1, 4));
        assert_eq!(lines.position(text.len() + 9), Position::after(text));
    }

    #[test]
    fn a_line_from_a_character_on_is_the_same_forwards_and_backwards() {
        let text = "a: Ödmjuk åtgärd\nb: ände";
        let lines = Lines::new(text);
        let line = text.lines().next().unwrap_or_default();
        let count = line.chars().count();
        // Forwards, backwards, past the end, and onto the next line and back.
        for from in (0..count + 3).chain((0..count).rev()) {
            let skipped = from.min(count);
            let rest: String = line.chars().skip(skipped).collect();
            assert_eq!(
                lines.line_from(1, from),
                Some((rest.as_str(), skipped)),
                "{from}"
            );
        }
        assert_eq!(lines.line_from(2, 3), Some(("ände", 3)));
        assert_eq!(lines.line_from(1, 3), Some(("Ödmjuk åtgärd", 3)));
        assert_eq!(lines.line_from(3, 0), None);
        // One memory serves both lookups, in any order.
        let aring = text.find('å').expect("in the text");
        assert_eq!(lines.position(aring), Position::after(&text[..aring]));
        assert_eq!(lines.line_from(1, 12), Some(("gärd", 12)));
        assert_eq!(lines.position(aring), Position::after(&text[..aring]));
        assert_eq!(lines.position(text.len()), Position::after(text));
        assert_eq!(lines.line_from(2, 1), Some((": ände", 1)));
    }

    #[test]
    fn a_line_is_given_without_its_break() {
        let lines = Lines::new("a: 1\r\nb: 2\n\nc\r");
        let all: Vec<_> = (0..=5).map(|n| lines.line(n)).collect();
        assert_eq!(
            all,
            [
                None,
                Some("a: 1"),
                Some("b: 2"),
                Some(""),
                Some("c\r"),
                None
            ]
        );
    }
}
