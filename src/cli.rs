//! The command line, as clap parses it.

use crate::pdf::PdfStandard;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turns a quarter's follow-up report, written as YAML, into a tagged PDF/A and a DOCX.
#[derive(Debug, Parser)]
#[command(name = "kvartal", version, about)]
pub struct Cli {
    /// The subcommand to run, with its arguments.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of `kvartal`, each with its arguments.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the PDF and DOCX (or a web page) of each report.
    Build(BuildArgs),
    /// Load and check each report, reporting errors and warnings; write nothing.
    Check(CheckArgs),
    /// List the built-in layouts, or export one to a folder to make your own.
    Layouts(LayoutsArgs),
    /// Write next quarter's file beside last quarter's, ready to fill in.
    New(NewArgs),
    /// Print the JSON Schema of the report format, for editors.
    Schema,
    /// Check that an archived PDF rebuilds, byte for byte, from the files it carries.
    Verify(VerifyArgs),
    /// Sign a built PDF into one of its signature fields (PAdES baseline B-B).
    Sign(SignArgs),
}

/// The arguments of `kvartal sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The PDF to sign: a kvartal PDF with a signature block.
    pub file: PathBuf,
    /// The signer's key and certificates, as a PKCS #12 file (.p12 or .pfx).
    #[arg(long)]
    pub p12: PathBuf,
    /// A file whose first line is the .p12 file's password; none when left out.
    #[arg(long)]
    pub password_file: Option<PathBuf>,
    /// The signature field to sign (Signature1, Signature2, …); the first empty one if left out.
    #[arg(long)]
    pub field: Option<String>,
    /// Why it is signed, e.g. "Godkänd".
    #[arg(long)]
    pub reason: Option<String>,
    /// Where it is signed, e.g. "Jönköping".
    #[arg(long)]
    pub location: Option<String>,
    /// A time-stamp authority's http:// address, for a time-stamped (PAdES B-T) signature.
    #[arg(long)]
    pub tsa: Option<String>,
    /// Where to write the signed PDF; an existing file is never replaced.
    /// [default: FILE with ".signed.pdf"]
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The arguments of `kvartal verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A PDF built with --embed-source.
    pub file: PathBuf,
    /// The folder of the layout it was built with, when that is not a built-in one.
    #[arg(long)]
    pub layout: Option<String>,
    /// Certificates (PEM) the signers' certificates must chain to.
    #[arg(long)]
    pub trust: Option<PathBuf>,
    /// How the result is printed: text for people, json (one object) for archive systems.
    #[arg(long, value_enum, default_value = "text")]
    pub format: MessageFormat,
}

/// The arguments of `kvartal layouts`.
#[derive(Debug, Args)]
pub struct LayoutsArgs {
    /// `export`; when left out, the built-in layouts are listed.
    #[command(subcommand)]
    pub action: Option<LayoutsAction>,
}

/// What `kvartal layouts` does instead of listing the built-in layouts.
#[derive(Debug, Subcommand)]
pub enum LayoutsAction {
    /// Copy a built-in layout's files into a new folder, to change and use with --layout.
    Export {
        /// The built-in layout to copy.
        name: String,
        /// The folder to write into; existing files are never replaced.
        dir: PathBuf,
    },
}

/// The arguments of `kvartal check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report files or folders (their *.yaml files, recursively). Default: report-data/.
    pub paths: Vec<PathBuf>,
    /// Treat warnings as errors: exit with 1 when there is any.
    #[arg(long)]
    pub strict: bool,
    /// How problems are printed: text for people, json (one object a line) for programs.
    #[arg(long, value_enum, default_value = "text")]
    pub format: MessageFormat,
    /// The layout `build` will use: a built-in layout's name, or a folder holding a layout.
    /// It is loaded and every report rendered with it, so a report that passes builds.
    #[arg(long, default_value = "standard")]
    pub layout: String,
}

/// How diagnostics and `verify`'s result are printed: `Text` for people, `Json` for programs
/// (diagnostics one object a line on standard output, `verify`'s result one object).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[allow(missing_docs, reason = "clap shows a value's doc in --help")]
pub enum MessageFormat {
    Text,
    Json,
}

/// The arguments of `kvartal new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Last quarter's report file; the new one is written beside it, named in the same
    /// pattern (jonkoping-2023-Q4.yaml → jonkoping-2024-Q1.yaml).
    pub path: PathBuf,
    /// Write the new file here instead; an existing file is never replaced.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// The arguments of `kvartal build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Report files or folders (their *.yaml files, recursively). Default: report-data/.
    pub paths: Vec<PathBuf>,
    /// Folder to write into; the sub-folders of the input are kept.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Formats to write, separated by commas: pdf, docx, html.
    #[arg(long, value_delimiter = ',', default_value = "pdf,docx")]
    pub format: Vec<Format>,
    /// A built-in layout's name, or a folder holding a layout.
    #[arg(long, default_value = "standard")]
    pub layout: String,
    /// Mark the documents as a draft: "UTKAST" / "DRAFT" across every page of the PDF, in
    /// every header and the status of the DOCX, in the title and a banner of the web page.
    #[arg(long)]
    pub draft: bool,
    /// The standards the PDF is written and validated to [default: a-2a+ua-1; a-3a+ua-1
    /// with --embed-source].
    #[arg(long, value_enum)]
    pub pdf_standard: Option<StandardArg>,
    /// Carry the report's files in the PDF (the report, the earlier quarters it draws on, its
    /// logos) with a manifest for rebuilding it: a PDF/A-3a file. Implied by
    /// --pdf-standard a-3a+ua-1.
    #[arg(long)]
    pub embed_source: bool,
    /// Print only warnings and errors: no progress bar, no files written, no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// After the build, keep running: rebuild the reports whose files, logos or layout
    /// change each time one is saved, printing the results. Ctrl-C stops it.
    #[arg(long)]
    pub watch: bool,
    /// Instead of a report per period, one document of the whole year for each programme:
    /// its period reports of that year with the year file beside them ("Uppföljning …
    /// helåret 2023").
    #[arg(long, value_name = "YEAR", conflicts_with_all = ["watch", "embed_source"],
          value_parser = clap::value_parser!(u16).range(1900..=2999))]
    pub year: Option<u16>,
}

/// A file `build` writes of each report: `Pdf`, `Docx` or `Html`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[allow(missing_docs, reason = "clap shows a value's doc in --help")]
pub enum Format {
    Pdf,
    Docx,
    Html,
}

impl Format {
    /// The output file's extension, without the dot.
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }
}

/// `--pdf-standard`: each value is the [`PdfStandard`] of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[allow(missing_docs, reason = "clap shows a value's doc in --help")]
pub enum StandardArg {
    #[value(name = "a-2a+ua-1")]
    A2aUa1,
    #[value(name = "a-2b")]
    A2b,
    #[value(name = "a-3a+ua-1")]
    A3aUa1,
    #[value(name = "none")]
    None,
}

impl From<StandardArg> for PdfStandard {
    fn from(arg: StandardArg) -> PdfStandard {
        match arg {
            StandardArg::A2aUa1 => PdfStandard::A2aUa1,
            StandardArg::A2b => PdfStandard::A2b,
            StandardArg::A3aUa1 => PdfStandard::A3aUa1,
            StandardArg::None => PdfStandard::None,
        }
    }
}
