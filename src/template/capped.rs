//! The Markdown a template writes, within a size: a layout that repeats itself (an
//! `{{#each}}` inside an `{{#each}}` inside an `{{#each}}` …) could otherwise fill the
//! memory with one report.
//!
//! Entry point: [`Capped`], the writer a template is rendered into.

use std::io::{self, Write};

/// The most Markdown one report may become: the largest report (10 MB of YAML) becomes a
/// few times its size, so more is a layout repeating itself.
pub const MAX_MARKDOWN_BYTES: usize = 64 * 1024 * 1024;

/// A text that refuses to grow beyond its limit.
pub struct Capped {
    text: Vec<u8>,
    limit: usize,
    /// Whether a write was refused for the limit.
    pub full: bool,
}

impl Capped {
    pub fn new(limit: usize) -> Capped {
        Capped {
            text: Vec::new(),
            limit,
            full: false,
        }
    }

    /// What was written; the engine writes only UTF-8, but a cut never panics.
    pub fn into_text(self) -> String {
        String::from_utf8_lossy(&self.text).into_owned()
    }
}

impl Write for Capped {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
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
    fn writes_beyond_the_limit_are_refused() {
        let mut out = Capped::new(5);
        assert!(out.write_all(b"abc").is_ok());
        assert!(out.write_all(b"def").is_err());
        assert!(out.full);
        assert_eq!(out.into_text(), "abc");
    }
}
