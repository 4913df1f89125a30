//! What can go wrong loading or rendering a layout, each naming the file it concerns.
//!
//! Entry point: [`LayoutError`]; its `Display` is the sentence the user sees.

use std::fmt;
use std::io;
use std::path::PathBuf;

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
    Labels { file: PathBuf, message: String },
    /// A label the layout asked for is not in the label file.
    MissingLabel { file: PathBuf, key: String },
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
                position: Some((line, column)),
                message,
            } => write!(f, "{}:{line}:{column}: {message}", file.display()),
            LayoutError::Template { file, message, .. } => {
                write!(f, "{}: {message}", file.display())
            }
            LayoutError::Labels { file, message } => {
                write!(f, "{}: not a label file: {message}", file.display())
            }
            LayoutError::MissingLabel { file, key } => {
                write!(f, "{}: no label `{key}`", file.display())
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
