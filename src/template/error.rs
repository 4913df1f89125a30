//! What can go wrong loading or rendering a layout, each naming the file it concerns.
//!
//! Entry point: [`LayoutError`]; its `Display` is the sentence the user sees, and
//! [`LayoutError::diagnostic`] the same as a [`Diagnostic`] that keeps the file and the
//! position apart, so the terminal shows the offending line under the message.

use crate::diag::{Diagnostic, Position};
use crate::files::ReadError;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why a layout could not be loaded, exported or rendered.
#[derive(Debug)]
pub enum LayoutError {
    /// `Layout::builtin` was given a name no built-in layout has.
    UnknownLayout {
        /// The name asked for.
        name: String,
    },
    /// A layout folder could not be listed or a file not written.
    Io {
        /// The folder listed or made, or the file written.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// A layout file was refused before or while reading it: a link, a special file, too
    /// large, outside the layout folder.
    Unread {
        /// The file refused.
        path: PathBuf,
        /// Why it was refused.
        reason: ReadError,
    },
    /// A folder of the layout holds more files than a layout has.
    TooMany {
        /// The folder with too many files.
        folder: PathBuf,
        /// The most files it may hold.
        limit: usize,
    },
    /// A template did not compile or failed to render.
    Template {
        /// The template file.
        file: PathBuf,
        /// Where, when the template engine knows it.
        position: Option<Position>,
        /// What is wrong, for the layout's author.
        message: String,
    },
    /// A label file is not a table of texts.
    Labels {
        /// The label file.
        file: PathBuf,
        /// Where, when the TOML parser knows it.
        position: Option<Position>,
        /// What the TOML parser said.
        message: String,
    },
    /// A label the layout asked for is not in the label file.
    MissingLabel {
        /// The label file.
        file: PathBuf,
        /// The label's key.
        key: String,
    },
    /// A label file lacks words another language of the layout has.
    IncompleteLabels {
        /// The label file.
        file: PathBuf,
        /// The keys it lacks.
        keys: Vec<String>,
        /// Where one of them is found, so the author sees which file to copy from.
        example: String,
    },
    /// The report's language has no label file in the layout.
    NoLabels {
        /// The report's language code.
        language: String,
        /// The codes of the languages the layout has labels for.
        available: Vec<String>,
    },
    /// `kvartal layouts export` would replace a file that exists.
    WouldOverwrite {
        /// The existing file.
        path: PathBuf,
    },
    /// `style.toml` is not valid: a wrong field, value or type, or a look that cannot be
    /// printed (no room for text, too little contrast); or `web.css` holds what a web page's
    /// stylesheet may not.
    Style {
        /// The `style.toml` or `web.css` file.
        file: PathBuf,
        /// Where the offending value stands, when known.
        position: Option<Position>,
        /// What is wrong with it.
        message: String,
    },
}

/// The position of byte `offset` in `text`, as editors count lines and columns.
pub fn line_column(text: &str, offset: usize) -> Position {
    // An offset inside a character (never given by the parsers) counts from the line's end.
    Position::after(text.get(..offset).unwrap_or(text))
}

/// The position of a TOML error in `text`, when the parser knew it.
pub fn toml_position(text: &str, error: &toml::de::Error) -> Option<Position> {
    error.span().map(|span| line_column(text, span.start))
}

impl LayoutError {
    /// The error as a diagnostic on the file it concerns; `layout` (the folder or name given
    /// on the command line) when it concerns no one file.
    pub fn diagnostic(&self, layout: &Path) -> Diagnostic {
        let (file, position) = self.location();
        Diagnostic::error(file.unwrap_or(layout), position, self.message())
    }

    /// The file the error concerns and where in it, when known.
    fn location(&self) -> (Option<&Path>, Option<Position>) {
        match self {
            LayoutError::Template { file, position, .. }
            | LayoutError::Labels { file, position, .. }
            | LayoutError::Style { file, position, .. } => (Some(file), *position),
            LayoutError::Io { path, .. }
            | LayoutError::Unread { path, .. }
            | LayoutError::WouldOverwrite { path } => (Some(path), None),
            LayoutError::TooMany { folder, .. } => (Some(folder), None),
            LayoutError::MissingLabel { file, .. } | LayoutError::IncompleteLabels { file, .. } => {
                (Some(file), None)
            }
            LayoutError::UnknownLayout { .. } | LayoutError::NoLabels { .. } => (None, None),
        }
    }

    /// What went wrong, without the file and position.
    fn message(&self) -> String {
        match self {
            LayoutError::UnknownLayout { name } => format!(
                "no built-in layout is named `{name}`; built-in layouts: {}",
                super::builtin_names().join(", ")
            ),
            LayoutError::Io { source, .. } => format!("cannot read: {source}"),
            LayoutError::Unread { reason, .. } => format!("not read: {reason}"),
            LayoutError::TooMany { limit, .. } => {
                format!("more than {limit} files; a layout has at most {limit} here")
            }
            LayoutError::Template { message, .. } | LayoutError::Style { message, .. } => {
                message.clone()
            }
            LayoutError::Labels { message, .. } => {
                format!("not a label file (`key = \"text\"` lines): {message}")
            }
            LayoutError::MissingLabel { key, .. } => format!("no label `{key}`"),
            LayoutError::IncompleteLabels { keys, example, .. } => format!(
                "every language needs every label; missing here: {} ({example})",
                keys.join(", ")
            ),
            LayoutError::NoLabels {
                language,
                available,
            } => format!(
                "the report's language is `{language}`, but the layout has no labels/{language}.toml; \
                 it has labels for: {} (add the file to the layout folder to print this language)",
                available.join(", ")
            ),
            LayoutError::WouldOverwrite { .. } => {
                "exists already; nothing was written (export into a new or empty folder)".into()
            }
        }
    }
}

impl fmt::Display for LayoutError {
    /// `file:line:column: message`, `file: message` or the message alone.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location() {
            (Some(file), Some(at)) => write!(f, "{}:{}:{}: ", file.display(), at.line, at.column)?,
            (Some(file), None) => write!(f, "{}: ", file.display())?,
            (None, _) => {}
        }
        f.write_str(&self.message())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_keeps_file_and_position() {
        let error = LayoutError::Style {
            file: PathBuf::from("mine/style.toml"),
            position: Some(line_column("a = 1\nbb = 2\n", 9)),
            message: "wrong".into(),
        };
        assert_eq!(error.to_string(), "mine/style.toml:2:4: wrong");
        let diagnostic = error.diagnostic(Path::new("mine"));
        assert_eq!(&*diagnostic.path, Path::new("mine/style.toml"));
        assert_eq!(diagnostic.position, Some(Position { line: 2, column: 4 }));
        assert_eq!(diagnostic.message, "wrong");
    }

    #[test]
    fn an_error_about_no_one_file_is_on_the_layout() {
        let error = LayoutError::UnknownLayout { name: "x".into() };
        let diagnostic = error.diagnostic(Path::new("x"));
        assert_eq!(&*diagnostic.path, Path::new("x"));
        assert!(diagnostic.message.starts_with("no built-in layout"));
    }
}
