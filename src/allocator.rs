//! The allocator of the `kvartal` binary, and the one setting it is given: the only
//! unsafe code of the project, one call across mimalloc's C interface with no pointer.

/// Building a report allocates many small strings and vectors (glyph runs, structure
/// nodes); mimalloc serves them faster than the system allocator, and with less memory
/// held (the stress report with every metric charted: 1.3 s and 210 MB, against 1.6 s
/// and 290 MB with glibc's).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// What a run mostly does, as far as memory goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Workload {
    /// `check`: each report laid out in memory and let go, nothing written, so its peak is
    /// no target; memory freed waits mimalloc's own 10 ms and is used again sooner (the
    /// stress report with warnings checks in 0.305 s rather than 0.312 s, at 136 MB
    /// rather than 108 MB).
    Check,
    /// Everything else, a build above all: memory freed goes back after
    /// [`PURGE_DELAY_MS`].
    Build,
}

/// `mi_option_purge_delay` of mimalloc 2's `mimalloc.h` (its place in `mi_option_e`),
/// which libmimalloc-sys does not name.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// The milliseconds freed memory waits before it goes back to the system in a build: 1
/// rather than mimalloc's 10. Each free of a long report's laid-out pages, while the PDF
/// is drawn, moves the wait on again, so with 10 ms nothing went back before the file was
/// written and the peak varied from 210 to 260 MB between runs; with 1 ms it stays at
/// 195 MB, in the same time (0 purges every page at once and is 10% slower).
const PURGE_DELAY_MS: std::ffi::c_long = 1;

/// Sets the purge delay for `workload`, unless `MIMALLOC_PURGE_DELAY` in the environment
/// chose one.
pub fn configure(workload: Workload) {
    if workload == Workload::Check || std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    set_purge_delay(PURGE_DELAY_MS);
}

#[allow(unsafe_code)]
fn set_purge_delay(ms: std::ffi::c_long) {
    // SAFETY: mi_option_set takes two integers and stores the value in mimalloc's option
    // table, which every thread reads atomically; an option's index is checked on entry.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, ms) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(unsafe_code)]
    fn get(option: libmimalloc_sys::mi_option_t) -> std::ffi::c_long {
        // SAFETY: as `set_purge_delay`: an integer in, an integer out.
        unsafe { libmimalloc_sys::mi_option_get(option) }
    }

    #[test]
    fn the_option_set_is_the_purge_delay() {
        // Next after eager_commit_delay, which the sys crate names, in the header's order;
        // and with the purge delay's documented default, 10 ms, until it is set.
        assert_eq!(
            PURGE_DELAY,
            libmimalloc_sys::mi_option_eager_commit_delay + 1
        );
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(PURGE_DELAY), 10);
        }
        set_purge_delay(PURGE_DELAY_MS);
        assert_eq!(get(PURGE_DELAY), PURGE_DELAY_MS);
    }
}
