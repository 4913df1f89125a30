//! The `kvartal` command: parse the arguments, run the subcommand, print what it found
//! once, and pick the exit code (0 success, 1 a report had errors, 2 wrong usage).

use clap::Parser;
use kvartal::cli::{Cli, Command};
use kvartal::cmd::{self, Outcome};
use kvartal::diag::Diagnostic;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(args) => cmd::build(args),
        Command::Check(args) => cmd::check(args),
        Command::Layouts(args) => cmd::layouts(args),
    };
    match result {
        Ok(outcome) => report(&outcome),
        Err(usage) => {
            eprintln!("error: {usage}");
            ExitCode::from(2)
        }
    }
}

fn report(outcome: &Outcome) -> ExitCode {
    print_diagnostics(&outcome.diagnostics);
    for path in &outcome.written {
        println!("wrote {}", path.display());
    }
    if outcome.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints each diagnostic with its source line; each file is read once.
fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut sources: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    for diagnostic in diagnostics {
        let source = sources.entry(diagnostic.path.clone()).or_insert_with(|| {
            std::fs::read(&diagnostic.path)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        });
        eprint!("{}", diagnostic.render(source.as_deref()));
    }
}
