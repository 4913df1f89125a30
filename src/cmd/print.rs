//! How an [`Outcome`] is printed: diagnostics on standard error (or as JSON on standard
//! output), then the files written and the summary on standard output.
//!
//! `main` prints each subcommand's outcome once; `build --watch` prints one after each
//! rebuild, so the official sees the same messages as from a build of their own.

use super::{Outcome, UsageError};
use crate::cli::MessageFormat;
use crate::diag::{Diagnostic, Lines};
use crate::{files, report};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;

/// Prints `outcome`: its diagnostics as `format` says, then, unless it is quiet, each file
/// written as `wrote <path>` and its text for standard output.
pub fn print(outcome: &Outcome, format: MessageFormat) {
    match format {
        MessageFormat::Text => print_diagnostics(&outcome.diagnostics),
        // On standard output, for a program to read; nothing else is printed there.
        MessageFormat::Json => outcome
            .diagnostics
            .iter()
            .for_each(|d| println!("{}", d.to_json())),
    }
    if !outcome.quiet {
        for path in &outcome.written {
            println!("wrote {}", path.display());
        }
        print!("{}", outcome.printed);
    }
}

/// Prints why the command line cannot be followed, on standard error.
pub fn print_usage(usage: &UsageError) {
    eprintln!("error: {usage}");
}

/// Prints each diagnostic with its source line; each file is read and indexed once.
/// Colour only on a terminal and only when `NO_COLOR` is unset (https://no-color.org).
fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut texts: BTreeMap<&Path, Option<String>> = BTreeMap::new();
    // A problem of the file as a whole shows no line: the file is not read.
    for diagnostic in diagnostics.iter().filter(|d| d.position.is_some()) {
        texts.entry(&diagnostic.path).or_insert_with(|| {
            // Read as the report was: never through a link, never a FIFO or device.
            files::read_plain(&diagnostic.path, report::MAX_FILE_BYTES)
                .ok()
                .map(crate::text::lossy)
        });
    }
    let lines: BTreeMap<&Path, Lines> = texts
        .iter()
        .filter_map(|(path, text)| Some((*path, Lines::new(text.as_deref()?))))
        .collect();
    // Written in one go: standard error is not buffered, and a run may find thousands.
    let mut out = String::new();
    for diagnostic in diagnostics {
        let source = lines
            .get(&*diagnostic.path)
            .filter(|_| diagnostic.position.is_some());
        diagnostic.render_into(&mut out, source, colour);
    }
    eprint!("{out}");
}
