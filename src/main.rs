//! The `kvartal` command: parse the arguments, run the subcommand, print what it found
//! once, and pick the exit code (0 success, 1 a report had errors — or warnings with
//! `check --strict` —, 2 wrong usage).

use clap::Parser;
use kvartal::cli::{Cli, Command, MessageFormat};
use kvartal::cmd::{self, Outcome};
use std::process::ExitCode;

mod allocator;

fn main() -> ExitCode {
    let cli = Cli::parse();
    allocator::configure(match cli.command {
        Command::Check(_) => allocator::Workload::Check,
        _ => allocator::Workload::Build,
    });
    let (result, format) = match &cli.command {
        // Prints every build itself, and returns only when it can watch no longer.
        Command::Build(args) if args.watch => (cmd::watch(args), MessageFormat::Text),
        Command::Build(args) => (cmd::build(args), MessageFormat::Text),
        Command::Check(args) => (cmd::check(args), args.format),
        Command::Layouts(args) => (cmd::layouts(args), MessageFormat::Text),
        Command::New(args) => (Ok(cmd::new(args)), MessageFormat::Text),
        Command::Schema => (Ok(cmd::schema()), MessageFormat::Text),
        Command::Verify(args) => (cmd::verify(args), args.format),
        Command::Sign(args) => (cmd::sign(args), MessageFormat::Text),
    };
    match result {
        Ok(outcome) => {
            cmd::print(&outcome, format);
            exit_code(&outcome)
        }
        Err(usage) => {
            cmd::print_usage(&usage);
            ExitCode::from(2)
        }
    }
}

fn exit_code(outcome: &Outcome) -> ExitCode {
    if outcome.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
