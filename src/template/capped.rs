//! Rendering a report within a size and a time: a layout that repeats itself (an
//! `{{#each}}` inside an `{{#each}}` inside an `{{#each}}` …) could otherwise fill the
//! memory, or keep the machine busy for hours without writing a byte.
//!
//! Entry point: [`render`]. The template runs on a thread of its own; after
//! [`MAX_RENDER_TIME`] the run goes on without it, and every further write of the
//! abandoned render fails, so it stops at its next word. A render that writes nothing at
//! all can only be left running: it holds no more memory than it had, and ends with the
//! process.

use handlebars::{Context, Handlebars, RenderError};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// The most Markdown one report may become: the largest report (2 MB of YAML) becomes a
/// few times its size, so more is a layout repeating itself.
pub const MAX_MARKDOWN_BYTES: usize = 64 * 1024 * 1024;

/// The longest a layout may take for one report: the largest reports render in a fraction
/// of a second.
pub const MAX_RENDER_TIME: Duration = Duration::from_secs(3);

/// As deep as the main thread's stack: templates nest helpers and partials recursively.
const STACK_BYTES: usize = 8 * 1024 * 1024;

/// Why a render gave no Markdown.
pub enum Stopped {
    /// More than [`MAX_MARKDOWN_BYTES`].
    TooMuch,
    /// Longer than [`MAX_RENDER_TIME`].
    TooLong,
    Failed(RenderError),
}

/// The template `name` of `registry` rendered with `view`, within the size and the time.
pub fn render(
    registry: &Arc<Handlebars<'static>>,
    name: &str,
    view: serde_json::Value,
) -> Result<String, Stopped> {
    let abandoned = Arc::new(AtomicBool::new(false));
    let (sender, receiver) = mpsc::channel();
    let (registry, name, stop) = (
        Arc::clone(registry),
        name.to_owned(),
        Arc::clone(&abandoned),
    );
    let spawned = std::thread::Builder::new()
        .name("layout".to_owned())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let mut out = Capped::new(MAX_MARKDOWN_BYTES, stop);
            let context = Context::from(view);
            let rendered = registry.render_with_context_to_write(&name, &context, &mut out);
            // The receiver is gone only when the render was abandoned.
            let _ = sender.send((rendered, out));
        });
    if let Err(e) = spawned {
        return Err(Stopped::Failed(RenderError::from(e)));
    }
    match receiver.recv_timeout(MAX_RENDER_TIME) {
        Ok((Ok(()), out)) => Ok(out.into_text()),
        Ok((Err(_), out)) if out.full => Err(Stopped::TooMuch),
        Ok((Err(e), _)) => Err(Stopped::Failed(e)),
        Err(_) => {
            abandoned.store(true, Ordering::Relaxed);
            Err(Stopped::TooLong)
        }
    }
}

/// A text that refuses to grow beyond its limit, or at all once its render is abandoned.
struct Capped {
    text: Vec<u8>,
    limit: usize,
    /// Whether a write was refused for the limit.
    full: bool,
    abandoned: Arc<AtomicBool>,
}

impl Capped {
    fn new(limit: usize, abandoned: Arc<AtomicBool>) -> Capped {
        Capped {
            text: Vec::new(),
            limit,
            full: false,
            abandoned,
        }
    }

    /// What was written; the engine writes only UTF-8, but a cut never panics.
    fn into_text(self) -> String {
        crate::text::lossy(self.text)
    }
}

impl Write for Capped {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.abandoned.load(Ordering::Relaxed) {
            return Err(io::Error::other("the layout took too long"));
        }
        if self.text.len() + bytes.len() > self.limit {
            self.full = true;
            return Err(io::Error::other("the layout writes too much"));
        }
        self.text.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_beyond_the_limit_or_after_abandoning_are_refused() {
        let abandoned = Arc::new(AtomicBool::new(false));
        let mut out = Capped::new(5, Arc::clone(&abandoned));
        assert!(out.write_all(b"abc").is_ok());
        assert!(out.write_all(b"def").is_err());
        assert!(out.full);
        abandoned.store(true, Ordering::Relaxed);
        assert!(out.write_all(b"g").is_err());
        assert_eq!(out.into_text(), "abc");
    }

    #[test]
    fn a_render_that_never_ends_is_abandoned_in_time() {
        let mut registry = Handlebars::new();
        // Nine loops deep over a hundred items write nothing for 10^18 turns.
        let template = "{{#each @root.a}}".repeat(9) + &"{{/each}}".repeat(9);
        registry
            .register_template_string("t", template)
            .expect("compiles");
        let items: Vec<u32> = (0..100).collect();
        let view = serde_json::json!({ "a": items });
        let started = std::time::Instant::now();
        let stopped = render(&Arc::new(registry), "t", view);
        assert!(matches!(stopped, Err(Stopped::TooLong)));
        assert!(started.elapsed() < MAX_RENDER_TIME + Duration::from_secs(1));
    }
}
