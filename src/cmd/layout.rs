//! The layout a run renders with: found by its name on the command line, then compiled,
//! while the reports are read when the run allows.
//!
//! Entry points: [`load`], or [`find`] and [`LayoutSource::compile`], or
//! [`LayoutSource::compile_beside`] for a run whose reports are read while the layout's
//! templates are compiled on a thread of their own: a report is read and parsed before it
//! needs the layout, and compiling the templates takes as long as reading a large report.

use super::UsageError;
use crate::diag::Diagnostic;
use crate::template::{self, Layout};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where a layout's files come from.
pub(super) enum LayoutSource {
    /// A folder of the user's.
    Dir(PathBuf),
    /// One compiled into kvartal.
    Builtin(String),
}

/// The layout named `name` on the command line: a folder when one exists by that name,
/// else a built-in layout.
pub(super) fn find(name: &str) -> Result<LayoutSource, UsageError> {
    let dir = Path::new(name);
    if dir.is_dir() {
        return Ok(LayoutSource::Dir(dir.to_path_buf()));
    }
    if template::builtin_names().contains(&name) {
        return Ok(LayoutSource::Builtin(name.to_owned()));
    }
    Err(UsageError(format!(
        "--layout {name}: no such folder and no built-in layout of that name (built-in: {})",
        template::builtin_names().join(", ")
    )))
}

/// The layout named `name` on the command line ([`find`]), compiled, for a run that needs
/// it before anything else.
pub(super) fn load(name: &str) -> Result<Result<Layout, Diagnostic>, UsageError> {
    Ok(find(name)?.compile())
}

impl LayoutSource {
    /// The layout's files read and its templates compiled; a problem names its file.
    pub(super) fn compile(&self) -> Result<Layout, Diagnostic> {
        match self {
            LayoutSource::Dir(dir) => Layout::from_dir(dir).map_err(|e| e.diagnostic(dir)),
            LayoutSource::Builtin(name) => {
                Layout::builtin(name).map_err(|e| e.diagnostic(Path::new(name)))
            }
        }
    }

    /// What `work` makes while the layout is compiled on a thread of its own, and the
    /// layout; `work` waits for it where it needs it ([`Compiling::wait`]).
    pub(super) fn compile_beside<T>(
        &self,
        work: impl FnOnce(&Compiling) -> T,
    ) -> (T, Result<Layout, Diagnostic>) {
        let compiling = Compiling::default();
        let made = std::thread::scope(|scope| {
            scope.spawn(|| compiling.compile(self));
            work(&compiling)
        });
        let layout = compiling
            .done
            .into_inner()
            .unwrap_or_else(|| Err(not_compiled()));
        (made, layout)
    }
}

/// Why there is no layout when compiling it failed without saying why.
fn not_compiled() -> Diagnostic {
    Diagnostic::error(Path::new(""), None, "the layout could not be compiled")
}

/// A layout being compiled on a thread of its own.
#[derive(Default)]
pub(super) struct Compiling {
    /// Set once, when compiling ends.
    done: OnceLock<Result<Layout, Diagnostic>>,
}

impl Compiling {
    /// Compiles `source`, for [`Compiling::wait`]. Compiling never panics; were it to, the
    /// result is set all the same, so that no report waits for ever.
    fn compile(&self, source: &LayoutSource) {
        let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| source.compile()))
            .unwrap_or_else(|_| Err(not_compiled()));
        let _ = self.done.set(compiled);
    }

    /// The compiled layout, or why it could not be: waits until it is done.
    pub(super) fn wait(&self) -> &Result<Layout, Diagnostic> {
        self.done.wait()
    }
}
