//! `kvartal check`: load and validate each report, write nothing.

use super::inputs::inputs;
use super::{Outcome, UsageError};
use crate::cli::CheckArgs;
use crate::report;

pub fn check(args: &CheckArgs) -> Result<Outcome, UsageError> {
    let mut outcome = Outcome::default();
    for input in inputs(&args.paths)? {
        if let Err(diagnostics) = report::load(&input.path) {
            outcome.diagnostics.extend(diagnostics);
        }
    }
    Ok(outcome)
}
