//! Waiting until an editor has finished saving. An editor saves in several steps (a
//! temporary file written, the old one renamed or removed, the new one renamed into
//! place), each a change of its own: the changes are gathered until none has come for a
//! moment, and built once.

use super::changes::{Changes, Scope};
use notify::Event;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// What the system tells of the watched folders: a change, or a problem watching them.
pub type Events = Receiver<notify::Result<Event>>;

/// The next changes: waits for one that is not ignored, then gathers the others until
/// `quiet` has passed without one. `None` when the system tells no more.
pub fn next(events: &Events, quiet: Duration, scope: &Scope) -> Option<Changes> {
    let mut changes = Changes::default();
    // Set by the first change: ignored events (the build's own outputs) do not delay it.
    let mut deadline: Option<Instant> = None;
    loop {
        let received = match deadline {
            None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(at) => events.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        match received {
            Ok(Ok(event)) => {
                if changes.add(event, scope) {
                    deadline = Some(Instant::now() + quiet);
                }
            }
            // The watch goes on: a folder removed, say, is no reason to stop.
            Ok(Err(error)) => eprintln!("warning: while watching for changes: {error}"),
            Err(RecvTimeoutError::Timeout) => return Some(changes),
            // The changes gathered are still built; the next call returns `None`.
            Err(RecvTimeoutError::Disconnected) => return deadline.map(|_| changes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use crate::cmd::inputs::Input;
    use clap::Parser;
    use notify::event::{EventKind, ModifyKind, RenameMode};
    use std::path::{Path, PathBuf};
    use std::sync::mpsc;

    fn scope() -> Scope {
        let cli = Cli::parse_from(["kvartal", "build", "--out", "/r/out"]);
        let Command::Build(args) = cli.command else {
            panic!("parsed as a build")
        };
        Scope::new(&args)
    }

    fn event(kind: EventKind, paths: &[&str]) -> notify::Result<Event> {
        let event = paths
            .iter()
            .fold(Event::new(kind), |e, p| e.add_path(PathBuf::from(p)));
        Ok(event)
    }

    #[test]
    fn the_steps_of_one_save_are_built_once() {
        let (sender, events) = mpsc::channel();
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let create = EventKind::Create(notify::event::CreateKind::File);
        sender
            .send(event(create, &["/r/a/2024-Q1.yaml.tmp"]))
            .unwrap();
        sender
            .send(event(
                rename,
                &["/r/a/2024-Q1.yaml.tmp", "/r/a/2024-Q1.yaml"],
            ))
            .unwrap();
        let changes = next(&events, Duration::from_millis(50), &scope()).unwrap();
        let report = Input {
            path: PathBuf::from("/r/a/2024-Q1.yaml"),
            out_dir: PathBuf::new(),
            searched: true,
        };
        let paths = changes.touching(&[report], &scope());
        assert_eq!(
            paths,
            [
                Path::new("/r/a/2024-Q1.yaml"),
                Path::new("/r/a/2024-Q1.yaml.tmp")
            ]
        );
        drop(sender);
        assert!(next(&events, Duration::from_millis(50), &scope()).is_none());
    }

    #[test]
    fn the_builds_own_outputs_start_no_build() {
        let (sender, events) = mpsc::channel();
        let write = EventKind::Modify(ModifyKind::Any);
        sender.send(event(write, &["/r/out/2024-Q1.pdf"])).unwrap();
        drop(sender);
        assert!(next(&events, Duration::from_millis(50), &scope()).is_none());
    }
}
