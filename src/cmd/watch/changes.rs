//! Which reports a batch of saved files asks `build --watch` to rebuild.
//!
//! - **A report file** (`*.yaml`) changed, new or deleted: every report in its folder. A
//!   report's history reads the earlier quarters beside it, so the later quarters change
//!   with it; a new one is built, a deleted one is gone from the next search.
//! - **Any other file** (a logo): the reports of the folders it lies in, as a logo lies in
//!   its report's folder or below it. A folder made or removed counts for the reports in it.
//! - **A file of the layout folder**, or changes the system lost count of: every report.
//! - **Not a change**: what kvartal writes under `--out` (its outputs, their temporary files
//!   and folders), so that writing them starts no build even when `--out` lies in a watched
//!   folder; the temporary, lock and backup files editors write beside a file they save;
//!   and what version control does in a hidden folder (`.git`).

use super::folders::absolute;
use crate::cli::{BuildArgs, Format};
use crate::cmd::inputs::Input;
use crate::files;
use crate::report::is_report_file;
use clap::ValueEnum;
use notify::event::{Event, EventKind, MetadataKind, ModifyKind};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Where a build of the command line writes and which layout folder it reads, as the
/// system names them.
#[derive(Debug, Clone)]
pub struct Scope {
    out: PathBuf,
    layout: Option<PathBuf>,
}

impl Scope {
    /// The scope of a build of `args`.
    pub fn new(args: &BuildArgs) -> Scope {
        let layout = Path::new(&args.layout);
        Scope {
            out: absolute(&args.out),
            layout: layout.is_dir().then(|| absolute(layout)),
        }
    }

    /// Whether a change of `path` can change no build: a file kvartal writes, or one an
    /// editor writes while it saves.
    fn ignores(&self, path: &Path) -> bool {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let editors = name.starts_with(".#") // Emacs's lock
            || (name.starts_with('#') && name.ends_with('#')) // Emacs's auto-save
            || name.ends_with('~') // a backup
            || name.contains("___jb_") // JetBrains' safe write
            // Vim's swap file, Kate's, kvartal's own `.name.kvartal-tmp`: hidden files
            // other than a report itself.
            || (name.starts_with('.') && !is_report_file(path));
        editors || (path.starts_with(&self.out) && is_output(path))
    }

    fn in_layout(&self, path: &Path) -> bool {
        self.layout
            .as_ref()
            .is_some_and(|layout| path.starts_with(layout))
    }
}

/// Whether `path`, under `--out`, is something a build writes there: a folder, a file of
/// a format, or a temporary file (hidden, caught before). A report file or a logo kept
/// there still counts, for a build whose output folder is its input folder.
fn is_output(path: &Path) -> bool {
    let format = |extension: &str| {
        Format::value_variants()
            .iter()
            .any(|format| extension.eq_ignore_ascii_case(format.extension()))
    };
    path.is_dir()
        || path
            .extension()
            .is_some_and(|e| format(&e.to_string_lossy()))
}

/// The files changed since the last build, as the system names them.
#[derive(Debug, Default)]
pub struct Changes {
    paths: BTreeSet<PathBuf>,
    /// The system lost count of changes (its queue overflowed): anything may have changed.
    lost: bool,
}

impl Changes {
    /// Adds the files `event` changed, unless it only read them or they are ignored;
    /// whether it added any.
    pub fn add(&mut self, event: Event, scope: &Scope) -> bool {
        if event.need_rescan() {
            self.lost = true;
            return true;
        }
        // A build opens and reads the reports and logos: those events are not changes.
        let read = matches!(
            event.kind,
            EventKind::Access(_)
                | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
        );
        if read {
            return false;
        }
        // A file written in several steps counts at each: its save is not done yet.
        let kept: Vec<PathBuf> = event
            .paths
            .into_iter()
            .filter(|path| !scope.ignores(path))
            .collect();
        let added = !kept.is_empty();
        self.paths.extend(kept);
        added
    }

    /// Whether the system lost count of changes, so that every report is rebuilt.
    pub fn lost(&self) -> bool {
        self.lost
    }

    /// The files changed that touch one of `inputs`, sorted: what a rebuild of them is for.
    pub fn touching<'c>(&'c self, inputs: &[Input], scope: &Scope) -> Vec<&'c Path> {
        let folders: Vec<PathBuf> = inputs.iter().map(folder).collect();
        let touches_one = |path: &&PathBuf| {
            scope.in_layout(path) || folders.iter().any(|folder| touches(path, folder))
        };
        self.paths
            .iter()
            .filter(touches_one)
            .map(PathBuf::as_path)
            .collect()
    }

    /// Those of `inputs` (all the reports of the command line) the changes touch, in order.
    pub fn select(&self, inputs: &[Input], scope: &Scope) -> Vec<Input> {
        let all = self.lost || self.paths.iter().any(|path| scope.in_layout(path));
        inputs
            .iter()
            .filter(|input| {
                let folder = folder(input);
                all || self.paths.iter().any(|path| touches(path, &folder))
            })
            .cloned()
            .collect()
    }
}

/// The folder of `input`'s report, as the system names it.
fn folder(input: &Input) -> PathBuf {
    absolute(files::folder_of(&input.path))
}

/// Whether a change of `path` touches the reports in `folder`.
fn touches(path: &Path, folder: &Path) -> bool {
    if is_report_file(path) {
        return path.parent() == Some(folder);
    }
    match path.strip_prefix(folder) {
        // Not in a hidden folder below it, such as `.git`, which version control rewrites
        // as it works: a logo is not kept there.
        Ok(below) => !below.parent().is_some_and(|folders| {
            folders
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        }),
        Err(_) => folder.starts_with(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, DataChange, Flag};

    fn scope() -> Scope {
        Scope {
            out: PathBuf::from("/r/out"),
            layout: Some(PathBuf::from("/layout")),
        }
    }

    fn input(path: &str) -> Input {
        Input {
            path: PathBuf::from(path),
            out_dir: PathBuf::new(),
            searched: true,
        }
    }

    fn saved(paths: &[&str]) -> Changes {
        let mut changes = Changes::default();
        for path in paths {
            let kind = EventKind::Modify(ModifyKind::Data(DataChange::Content));
            changes.add(Event::new(kind).add_path(PathBuf::from(path)), &scope());
        }
        changes
    }

    fn chosen(changes: &Changes) -> Vec<String> {
        let inputs = [
            "/r/a/2024-Q1.yaml",
            "/r/a/2024-Q2.yaml",
            "/r/b/2024-Q1.yaml",
        ];
        let inputs: Vec<Input> = inputs.iter().map(|p| input(p)).collect();
        let chosen = changes.select(&inputs, &scope());
        chosen
            .iter()
            .map(|i| i.path.display().to_string())
            .collect()
    }

    #[test]
    fn a_saved_report_rebuilds_its_folder_and_no_other() {
        let a = ["/r/a/2024-Q1.yaml", "/r/a/2024-Q2.yaml"];
        assert_eq!(chosen(&saved(&["/r/a/2024-Q1.yaml"])), a);
        // A new or deleted quarter changes the history of those beside it.
        assert_eq!(chosen(&saved(&["/r/a/2023-Q4.yml"])), a);
        assert!(chosen(&saved(&["/r/2024-Q1.yaml"])).is_empty());
    }

    #[test]
    fn a_logo_rebuilds_the_folders_it_lies_in_and_the_layout_everything() {
        let a = ["/r/a/2024-Q1.yaml", "/r/a/2024-Q2.yaml"];
        assert_eq!(chosen(&saved(&["/r/a/logos/kommun.svg"])), a);
        assert_eq!(chosen(&saved(&["/r/a"])), a, "a folder removed");
        assert_eq!(chosen(&saved(&["/r/b/logo.png"])), ["/r/b/2024-Q1.yaml"]);
        assert_eq!(chosen(&saved(&["/layout/style.toml"])).len(), 3);
        assert!(chosen(&saved(&["/elsewhere/logo.png"])).is_empty());
    }

    #[test]
    fn outputs_temporary_files_and_reading_are_no_change() {
        let changes = saved(&[
            "/r/out/a/2024-Q1.pdf",
            "/r/out/a/.2024-Q1.docx.kvartal-tmp",
            "/r/out/a/index.HTML",
            "/r/a/.2024-Q1.yaml.swp",
            "/r/a/2024-Q1.yaml~",
            "/r/a/.#2024-Q1.yaml",
        ]);
        assert!(changes.paths.is_empty());
        assert!(chosen(&saved(&["/r/a/.git/index", "/r/a/.git/objects/ab/cd"])).is_empty());
        let mut changes = Changes::default();
        let read = Event::new(EventKind::Access(AccessKind::Any)).add_path("/r/a/x.yaml".into());
        assert!(!changes.add(read, &scope()));
        // A report kept in the output folder is still the official's file.
        assert_eq!(saved(&["/r/out/2024-Q1.yaml"]).paths.len(), 1);
    }

    #[test]
    fn each_write_of_a_file_counts_so_that_its_save_is_waited_for() {
        let mut changes = Changes::default();
        let write = || {
            let kind = EventKind::Modify(ModifyKind::Data(DataChange::Content));
            Event::new(kind).add_path(PathBuf::from("/r/a/logo.png"))
        };
        assert!(changes.add(write(), &scope()));
        assert!(changes.add(write(), &scope()));
    }

    #[test]
    fn changes_the_system_lost_count_of_rebuild_everything() {
        let mut changes = Changes::default();
        let lost = Event::new(EventKind::Create(CreateKind::Any)).set_flag(Flag::Rescan);
        assert!(changes.add(lost, &scope()));
        assert_eq!(chosen(&changes).len(), 3);
    }
}
