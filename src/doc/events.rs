//! The Markdown parser's events with their places in the text: read where they are used,
//! or, for a long document, on a thread of their own while they are used.
//!
//! Entry point: [`with_events`]. pulldown-cmark finds the blocks of the whole text before
//! its first event, then each block's inlines as it goes: for a long report, a third of
//! reading its Markdown, done while the other core would wait.

use pulldown_cmark::{Event, OffsetIter, Options, Parser};
use std::ops::Range;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Markdown this long has its events read on a thread of their own; a shorter text is read
/// sooner than a thread starts.
const BESIDE_BYTES: usize = 256 * 1024;

/// Events sent at a time: few enough sends that the channel costs nothing.
const BATCH: usize = 4096;

/// Batches read ahead at most, so that a slow reader holds little.
const AHEAD: usize = 8;

/// An event with the byte range of the text it comes from.
pub type Placed<'a> = (Event<'a>, Range<usize>);

/// The events of a text, in order.
pub enum Source<'a> {
    /// Parsed as they are asked for (the parser is large; the enum stays small).
    Here(Box<OffsetIter<'a>>),
    /// Parsed on a thread of their own, in batches.
    Beside {
        batches: Receiver<Vec<Placed<'a>>>,
        batch: std::vec::IntoIter<Placed<'a>>,
    },
}

impl<'a> Iterator for Source<'a> {
    type Item = Placed<'a>;

    fn next(&mut self) -> Option<Placed<'a>> {
        match self {
            Source::Here(parser) => parser.next(),
            Source::Beside { batches, batch } => loop {
                if let Some(placed) = batch.next() {
                    return Some(placed);
                }
                *batch = batches.recv().ok()?.into_iter();
            },
        }
    }
}

/// What `read` makes of the events of `markdown` (CommonMark with GFM tables).
pub fn with_events<'a, T>(markdown: &'a str, read: impl FnOnce(Source<'a>) -> T) -> T {
    if markdown.len() < BESIDE_BYTES {
        return read(Source::Here(Box::new(parser(markdown))));
    }
    std::thread::scope(|scope| {
        let (sender, batches) = sync_channel(AHEAD);
        let spawned = std::thread::Builder::new()
            .name("markdown".to_owned())
            .spawn_scoped(scope, move || send(markdown, &sender));
        match spawned {
            Ok(_) => read(Source::Beside {
                batches,
                batch: Vec::new().into_iter(),
            }),
            // Without a thread the text is read here.
            Err(_) => read(Source::Here(Box::new(parser(markdown)))),
        }
    })
}

fn parser(markdown: &str) -> OffsetIter<'_> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES).into_offset_iter()
}

/// Sends the events of `markdown` in batches, until they end or the reader stops (an
/// error ends reading at the element read last).
fn send<'a>(markdown: &'a str, sender: &SyncSender<Vec<Placed<'a>>>) {
    let mut batch = Vec::with_capacity(BATCH);
    for placed in parser(markdown) {
        batch.push(placed);
        if batch.len() == BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
            if sender.send(full).is_err() {
                return;
            }
        }
    }
    let _ = sender.send(batch);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_read_beside_gives_the_events_read_here() {
        let markdown = "# Rubrik\n\nText med *betoning* och en [länk](https://a.se).\n\n"
            .repeat(BESIDE_BYTES / 40);
        let here: Vec<Placed> = parser(&markdown).collect();
        let beside = with_events(&markdown, |events| {
            assert!(matches!(events, Source::Beside { .. }));
            events.collect::<Vec<_>>()
        });
        assert!(here.len() > BATCH);
        assert_eq!(here, beside);
    }

    #[test]
    fn a_reader_that_stops_early_ends_the_sending() {
        let markdown = "Stycke.\n\n".repeat(BESIDE_BYTES / 8);
        let first = with_events(&markdown, |mut events| events.next());
        assert!(matches!(first, Some((Event::Start(_), _))));
    }
}
