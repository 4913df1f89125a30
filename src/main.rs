//! The `kvartal` command: parse the arguments, run the subcommand, print what it found
//! once, and pick the exit code (0 success, 1 a report had errors — or warnings with
//! `check --strict` —, 2 wrong usage).

use clap::Parser;
use kvartal::cli::{Cli, Command, MessageFormat};
use kvartal::cmd::{self, Outcome};
use kvartal::diag::{Diagnostic, Lines};
use kvartal::{files, report};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Building a report allocates many small strings and vectors (glyph runs, structure
/// nodes); mimalloc serves them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (result, format) = match &cli.command {
        Command::Build(args) => (cmd::build(args), MessageFormat::Text),
        Command::Check(args) => (cmd::check(args), args.format),
        Command::Layouts(args) => (cmd::layouts(args), MessageFormat::Text),
        Command::New(args) => (Ok(cmd::new(args)), MessageFormat::Text),
        Command::Schema => (Ok(cmd::schema()), MessageFormat::Text),
        Command::Verify(args) => (cmd::verify(args), args.format),
        Command::Sign(args) => (cmd::sign(args), MessageFormat::Text),
    };
    match result {
        Ok(outcome) => report(&outcome, format),
        Err(usage) => {
            eprintln!("error: {usage}");
            ExitCode::from(2)
        }
    }
}

fn report(outcome: &Outcome, format: MessageFormat) -> ExitCode {
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
    if outcome.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
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
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        });
    }
    let lines: BTreeMap<&Path, Lines> = texts
        .iter()
        .filter_map(|(path, text)| Some((*path, Lines::new(text.as_deref()?))))
        .collect();
    for diagnostic in diagnostics {
        let source = lines
            .get(&*diagnostic.path)
            .filter(|_| diagnostic.position.is_some());
        eprint!("{}", diagnostic.render_with(source, colour));
    }
}
