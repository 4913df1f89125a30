//! `kvartal build --watch`: for the official who edits a report with its PDF open beside
//! it. After the build, the folders it read are watched; each time a file is saved, the
//! reports it touches are built again and the results printed as `build` prints them,
//! until Ctrl-C. Outputs are written through temporary files renamed into place, so
//! stopping it at any moment leaves no file half-written.
//!
//! Entry point: [`watch`]. `folders` says what is watched, `quiet` waits until a save is
//! done, and `changes` says which reports it touches.

mod changes;
mod folders;
mod quiet;

use super::build::{build, build_some};
use super::inputs::inputs;
use super::print::{print, print_usage};
use super::{Outcome, UsageError};
use crate::cli::{BuildArgs, MessageFormat};
use crate::diag::Diagnostic;
use crate::report::is_report_file;
use changes::{Changes, Scope};
use folders::{Folder, absolute};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// How long no file may change before a rebuild starts: an editor's steps of one save come
/// closer together than this, and a person notices no delay this short.
const QUIET: Duration = Duration::from_millis(200);

/// The changed files named before a rebuild, at most; a folder copied in names the rest
/// by their number.
const NAMED: usize = 5;

/// Builds as [`build`] does and prints the outcome, then rebuilds and prints each time a
/// file it read is saved. Returns only when it cannot watch, with the error why; `Err` when
/// the first build cannot follow the command line.
pub fn watch(args: &BuildArgs) -> Result<Outcome, UsageError> {
    let folders = folders::watched(args);
    let (sender, events) = mpsc::channel();
    // Watching starts before the first build, so a file saved while it runs is not missed.
    let _watcher = match start(sender, &folders) {
        Ok(watcher) => watcher,
        Err(failed) => return Ok(failed),
    };
    let scope = Scope::new(args);
    print(&build(args)?, MessageFormat::Text);
    if !args.quiet {
        let noun = if folders.len() == 1 {
            "folder"
        } else {
            "folders"
        };
        println!("watching {} {noun}; Ctrl-C to stop", folders.len());
    }
    while let Some(changes) = quiet::next(&events, QUIET, &scope) {
        rebuild(args, &changes, &scope);
    }
    let stopped = "the system stopped telling of changes; the watch has ended";
    Ok(failed(Path::new("."), stopped))
}

/// A watcher sending what changes in `folders` to `sender`.
fn start(
    sender: mpsc::Sender<notify::Result<notify::Event>>,
    folders: &[Folder],
) -> Result<RecommendedWatcher, Outcome> {
    // A search for reports never follows a link, so neither does the watch.
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher =
        RecommendedWatcher::new(sender, config).map_err(|e| failed(Path::new("."), e))?;
    for folder in folders {
        let mode = match folder.recursive {
            true => RecursiveMode::Recursive,
            false => RecursiveMode::NonRecursive,
        };
        watcher
            .watch(&folder.path, mode)
            .map_err(|e| failed(&folder.path, e))?;
    }
    Ok(watcher)
}

/// The outcome of a watch that ended: an error on `path` saying why.
fn failed(path: &Path, why: impl std::fmt::Display) -> Outcome {
    let message = format!("cannot watch for changes: {why}");
    Outcome {
        diagnostics: vec![Diagnostic::error(path, None, message)],
        ..Outcome::default()
    }
}

/// Builds the reports `changes` touch, naming the files changed first, and prints the
/// outcome. A change that touches no report (a file beside none) builds nothing.
fn rebuild(args: &BuildArgs, changes: &Changes, scope: &Scope) {
    // When the search fails (a folder removed), the build says why.
    if let Ok(found) = inputs(&args.paths) {
        let touching = changes.touching(&found.inputs, scope);
        if touching.is_empty() && !changes.lost() {
            return;
        }
        if !args.quiet {
            announce(&touching, changes.lost());
        }
    }
    match build_some(args, |all| changes.select(all, scope)) {
        Ok(outcome) => print(&outcome, MessageFormat::Text),
        Err(usage) => print_usage(&usage),
    }
}

/// Prints the files changed, relative to the working folder as the user named them: those
/// there now, and the reports removed. A temporary file an editor wrote and renamed while
/// it saved is gone, and was never the official's file.
fn announce(paths: &[&Path], lost: bool) {
    if lost {
        println!("changed: files the system could not name; building every report");
    }
    let here = absolute(Path::new("."));
    let shown: Vec<String> = paths
        .iter()
        .filter_map(|path| {
            let verb = match (path.exists(), is_report_file(path)) {
                (true, _) => "changed",
                (false, true) => "removed",
                (false, false) => return None,
            };
            let relative = path.strip_prefix(&here).unwrap_or(path);
            Some(format!("{verb} {}", relative.display()))
        })
        .collect();
    for line in shown.iter().take(NAMED) {
        println!("{line}");
    }
    if shown.len() > NAMED {
        println!("and {} more files changed", shown.len() - NAMED);
    }
}
