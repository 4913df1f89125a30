//! What can go wrong loading or rendering a layout, each naming the file it concerns.
//!
//! Entry point: [`LayoutError`]; its `Display` is the sentence the user sees.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum LayoutError {
    /// `Layout::builtin` was given a name no built-in layout has.
    UnknownLayout { name: String },
    /// A layout file or folder could not be read.
    Io { path: PathBuf, source: io::Error },
    /// A template did not compile or failed to render.
    Template {
        file: PathBuf,
        /// 1-based line and column, when the template engine knows them.
        position: Option<(usize, usize)>,
        message: String,
    },
    /// A label file is not a table of texts.
    Labels {
        file: PathBuf,
        position: Option<(usize, usize)>,
        message: String,
    },
    /// A label the layout asked for is not in the label file.
    MissingLabel { file: PathBuf, key: String },
    /// A label file lacks words another language of the layout has.
    IncompleteLabels {
        file: PathBuf,
        keys: Vec<String>,
        /// Where one of them is found, so the author sees which file to copy from.
        example: String,
    },
    /// The report's language has no label file in the layout.
    NoLabels {
        language: String,
        available: Vec<String>,
    },
    /// `kvartal layouts export` would replace a file that exists.
    WouldOverwrite { path: PathBuf },
    /// `style.toml` is not valid: a wrong field, value or type.
    Style {
        file: PathBuf,
        position: Option<(usize, usize)>,
        message: String,
    },
}

/// The 1-based line and column of byte `offset` in `text`, as editors count them.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The position of a TOML error in `text`, when the parser knew it.
pub fn toml_position(text: &str, error: &toml::de::Error) -> Option<(usize, usize)> {
    error.span().map(|span| line_column(text, span.start))
}

/// `file:line:column: ` or `file: ` before a message.
fn at(f: &mut fmt::Formatter<'_>, file: &Path, position: &Option<(usize, usize)>) -> fmt::Result {
    match position {
        Some((line, column)) => write!(f, "{}:{line}:{column}: ", file.display()),
        None => write!(f, "{}: ", file.display()),
    }
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LayoutError::UnknownLayout { name } => write!(
                f,
                "no built-in layout is named `{name}`; built-in layouts: {}",
                super::builtin_names().join(", ")
            ),
            LayoutError::Io { path, source } => {
                write!(f, "{}: cannot read: {source}", path.display())
            }
            LayoutError::Template {
                file,
                position,
                message,
            } => {
                at(f, file, position)?;
                f.write_str(message)
            }
            LayoutError::Labels {
                file,
                position,
                message,
            } => {
                at(f, file, position)?;
                write!(f, "not a label file (`key = \"text\"` lines): {message}")
            }
            LayoutError::MissingLabel { file, key } => {
                write!(f, "{}: no label `{key}`", file.display())
            }
            LayoutError::IncompleteLabels {
                file,
                keys,
                example,
            } => write!(
                f,
                "{}: every language needs every label; missing here: {} ({example})",
                file.display(),
                keys.join(", ")
            ),
            LayoutError::NoLabels {
                language,
                available,
            } => write!(
                f,
                "the report's language is `{language}`, but the layout has no labels/{language}.toml; \
                 it has labels for: {} (add the file to the layout folder to print this language)",
                available.join(", ")
            ),
            LayoutError::WouldOverwrite { path } => write!(
                f,
                "{} exists already; nothing was written (export into a new or empty folder)",
                path.display()
            ),
            LayoutError::Style {
                file,
                position,
                message,
            } => {
                at(f, file, position)?;
                f.write_str(message)
            }
        }
    }
}

impl std::error::Error for LayoutError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LayoutError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
