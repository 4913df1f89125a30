//! The layouts compiled into the binary, so an installed `kvartal` works from any folder.
//!
//! Entry point: [`files`] gives a built-in layout's files as (name inside the layout
//! folder, text) pairs, the same names `Layout::from_dir` reads from disk.

/// Every built-in layout's name.
pub const NAMES: &[&str] = &["standard"];

/// The layout a folder given with `from_dir` falls back to, file by file.
pub const DEFAULT: &str = "standard";

/// Where built-in layouts live in the source tree; error messages name files below it.
pub const SOURCE_DIR: &str = "layouts";

macro_rules! layout_files {
    ($layout:literal: $($file:literal),+ $(,)?) => {
        &[$(($file, include_str!(concat!("../../layouts/", $layout, "/", $file)))),+]
    };
}

const STANDARD: &[(&str, &str)] = layout_files!("standard":
    "report.hbs",
    "partials/title_block.hbs",
    "partials/status_overview.hbs",
    "partials/status_row.hbs",
    "partials/focus_area.hbs",
    "partials/activity.hbs",
    "partials/metrics.hbs",
    "partials/signatures.hbs",
    "labels/sv.toml",
    "labels/en.toml",
);

/// The files of the built-in layout `name`, or `None` when there is no such layout.
pub fn files(name: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match name {
        "standard" => Some(STANDARD),
        _ => None,
    }
}
