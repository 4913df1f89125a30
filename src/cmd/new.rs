//! `kvartal new PATH [--output FILE]`: the next quarter's file, drafted from last quarter's
//! and written beside it (or where `--output` says). An existing file is never overwritten.

use super::Outcome;
use crate::cli::NewArgs;
use crate::diag::Diagnostic;
use crate::report;
use std::io::Write;

/// `kvartal new`: next quarter's file written, or why it was not.
pub fn new(args: &NewArgs) -> Outcome {
    let mut outcome = Outcome::default();
    match report::next_quarter(&args.path) {
        Ok(draft) => {
            let path = args.output.clone().unwrap_or(draft.path);
            match write_new(&path, draft.text.as_bytes()) {
                Ok(()) => outcome.written.push(path),
                Err(diagnostic) => outcome.diagnostics.push(diagnostic),
            }
        }
        Err(diagnostics) => outcome.diagnostics = diagnostics,
    }
    outcome
}

/// Creates `path` with `bytes`; refuses when it exists, without touching it.
fn write_new(path: &std::path::Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let fail = |message: String| Diagnostic::error(path, None, message);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                fail("the file already exists; `kvartal new` never overwrites a file".to_owned())
            }
            _ => fail(format!("cannot create the file: {e}")),
        })?;
    file.write_all(bytes)
        .map_err(|e| fail(format!("cannot write the file: {e}")))
}
