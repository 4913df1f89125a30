//! The report files one run has read: each glanced at and read at most once, whichever of
//! the run's reports needs it, even when they are checked at the same time on several
//! threads.
//!
//! Entry point: [`Shelf`]. A folder of forty quarters is read forty times, not forty times
//! forty; what a shelf keeps is bounded by [`KEPT_BYTES`], beyond which a file is read
//! again when another report needs it.

use crate::report::Report;
use crate::report::load::{Head, glance, read};
use std::collections::HashMap;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Source bytes of the reports a shelf keeps read: eight hundred files of a real report's
/// size, or eight of the largest.
const KEPT_BYTES: usize = 16 * 1024 * 1024;

/// One value, computed by the first thread that asks; the others wait for it.
type Slot<T> = Arc<OnceLock<T>>;

/// What one run has read of its report files (see the module).
#[derive(Default)]
pub struct Shelf {
    glances: Mutex<HashMap<PathBuf, Slot<Option<Arc<Head>>>>>,
    /// `None`: the file has errors.
    reports: Mutex<HashMap<PathBuf, Slot<Option<Arc<Report>>>>>,
    /// Source bytes of the reports kept.
    kept: AtomicUsize,
    /// Whether the run has other reports, for which a report checked is kept (see
    /// [`Shelf::keep`]); a shelf made by `default` serves one report.
    shared: bool,
}

impl Shelf {
    /// A shelf for a run of `reports` reports.
    pub fn for_run(reports: usize) -> Shelf {
        Shelf {
            shared: reports > 1,
            ..Shelf::default()
        }
    }

    /// A glance at the file at `path`: `None` when it is not a report to a glance.
    pub fn glance(&self, path: &Path) -> Option<Arc<Head>> {
        let slot = slot(&self.glances, path);
        slot.get_or_init(|| glance(path).map(Arc::new)).clone()
    }

    /// The report at `path` read in full, alone; `None` when it has errors.
    pub fn report(&self, path: &Path) -> Option<Arc<Report>> {
        let slot = slot(&self.reports, path);
        let mut bytes = 0;
        let report = slot.get_or_init(|| {
            let read = read(path).ok()?;
            bytes = read.text.len();
            Some(Arc::new(read.report))
        });
        let report = report.clone();
        if bytes > 0 && !self.room_for(bytes) {
            lock(&self.reports).remove(path);
        }
        report
    }

    /// Keeps `report`, read alone from `bytes` of text, for the others of the run that may
    /// need it, when there are others and there is room.
    pub fn keep(&self, report: &Report, bytes: usize) {
        // Alone in its run, no other report asks for it: not worth a copy.
        if !self.shared {
            return;
        }
        let slot = slot(&self.reports, &report.source);
        if slot.get().is_none() && self.room_for(bytes) {
            let _ = slot.set(Some(Arc::new(report.clone())));
        }
    }

    /// Whether `bytes` more fit in [`KEPT_BYTES`]; if so they are counted as kept.
    fn room_for(&self, bytes: usize) -> bool {
        let grown = self.kept.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if grown > KEPT_BYTES {
            self.kept.fetch_sub(bytes, Ordering::Relaxed);
            return false;
        }
        true
    }
}

/// The slot for `key`, made empty when there is none yet.
fn slot<K, T>(map: &Mutex<HashMap<K, Slot<T>>>, key: &Path) -> Slot<T>
where
    K: Hash + Eq + std::borrow::Borrow<Path> + From<PathBuf>,
{
    let mut map = lock(map);
    if let Some(slot) = map.get(key) {
        return slot.clone();
    }
    let slot = Slot::default();
    map.insert(K::from(key.to_path_buf()), slot.clone());
    slot
}

/// The map behind `mutex`; a thread that panicked while holding it left it whole, since
/// every change is one insert or remove.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_once_and_a_report_with_errors_is_remembered_too() {
        let folder =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("report-data/medborgarlofte-jonkoping");
        let shelf = Shelf::default();
        let first = shelf.report(&folder.join("2023-Q1.yaml")).expect("reads");
        let again = shelf.report(&folder.join("2023-Q1.yaml")).expect("kept");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(shelf.report(&folder.join("logos/kommun.svg")).is_none());
        let head = shelf
            .glance(&folder.join("2023-Q2.yaml"))
            .expect("a report");
        assert!(Arc::ptr_eq(
            &head,
            &shelf.glance(&folder.join("2023-Q2.yaml")).expect("kept")
        ));
    }

    #[test]
    fn a_report_checked_is_kept_only_when_the_run_has_others() {
        let dir = std::env::temp_dir().join(format!("kvartal-shelf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("report-data/safer-harbour-town");
        std::fs::create_dir_all(dir.join("logos")).expect("a folder");
        for file in ["2023-Q4.yaml", "logos/town.png"] {
            std::fs::copy(example.join(file), dir.join(file)).expect("copied");
        }
        let path = dir.join("2023-Q4.yaml");
        let report = read(&path).expect("reads").report;
        // Once kept, the file is not read again: a broken copy on disk is not seen.
        std::fs::write(&path, "not: [a report").expect("written");
        for (reports, kept) in [(1, false), (2, true)] {
            let shelf = Shelf::for_run(reports);
            shelf.keep(&report, 1);
            assert_eq!(shelf.report(&path).is_some(), kept, "{reports} reports");
        }
        std::fs::remove_dir_all(&dir).expect("removed");
    }
}
