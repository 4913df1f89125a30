//! `kvartal check`: load and validate each report, report its errors and warnings,
//! write nothing. With `--strict` warnings count as errors.

use super::inputs::inputs;
use super::{Outcome, UsageError};
use crate::cli::CheckArgs;
use crate::diag::Severity;
use crate::report;

pub fn check(args: &CheckArgs) -> Result<Outcome, UsageError> {
    let mut outcome = Outcome::default();
    for input in inputs(&args.paths)? {
        match report::check(&input.path) {
            Ok(checked) => outcome.diagnostics.extend(checked.warnings),
            Err(errors) => outcome.diagnostics.extend(errors),
        }
    }
    if args.strict {
        for diagnostic in &mut outcome.diagnostics {
            diagnostic.severity = Severity::Error;
        }
    }
    Ok(outcome)
}
