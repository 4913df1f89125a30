//! The subcommands: the only place that touches every stage of the pipeline.
//!
//! Each subcommand returns an [`Outcome`]; `main` prints it and picks the exit code.

mod batch;
mod build;
mod check;
mod inputs;
mod layout;
mod layouts;
mod meta;
mod new;
mod outputs;
mod print;
mod programme;
mod schema;
mod sign;
mod source;
mod verify;
mod watch;
mod write;
mod year;

pub use build::document;
pub use check::check;
pub use layouts::layouts;
pub use new::new;
pub use print::{print, print_usage};
pub use schema::schema;
pub use sign::sign;
pub use verify::verify;
pub use watch::watch;

use crate::cli::BuildArgs;
use crate::diag::{Diagnostic, Severity};
use std::path::PathBuf;

/// `kvartal build`: a document per report, or with `--year` one of each programme's year.
pub fn build(args: &BuildArgs) -> Result<Outcome, UsageError> {
    match args.year {
        Some(year) => year::build_year(args, year),
        None => build::build(args),
    }
}

/// What a subcommand did: problems found, files written, text for standard output.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Errors and warnings, in the order found; `main` prints them on standard error, or as
    /// JSON on standard output.
    pub diagnostics: Vec<Diagnostic>,
    /// The files written, each printed as `wrote <path>`.
    pub written: Vec<PathBuf>,
    /// Text for standard output, printed as it is after the files written: a listing, a
    /// summary, a schema.
    pub printed: String,
    /// Print only the problems: not the files written nor the summary (`--quiet`).
    pub quiet: bool,
}

impl Outcome {
    /// Whether any diagnostic is an error: the run exits with 1.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// The command line asked for something that cannot be done (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
