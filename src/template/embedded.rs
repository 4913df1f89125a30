//! The layouts compiled into the binary, so an installed `kvartal` works from any folder.
//!
//! Entry points: [`files`] gives a built-in layout's own files as (name inside the layout
//! folder, text) pairs, the same names `Layout::from_dir` reads from disk; a layout's
//! `style.toml` names the base the rest comes from. [`builtin_layouts`] describes each.

/// Every built-in layout's name.
pub const NAMES: &[&str] = &["standard", "brief", "tjansteskrivelse"];

/// The base of a layout folder whose style.toml names none.
pub const DEFAULT: &str = "standard";

/// Where built-in layouts live in the source tree; error messages name files below it.
pub const SOURCE_DIR: &str = "layouts";

/// Each built-in layout with the one line `kvartal layouts` prints for it.
pub fn builtin_layouts() -> [(&'static str, &'static str); 3] {
    [
        (
            "standard",
            "the full council report: summary, status overview, key figures, every focus area and activity with its metrics' charts and trends, signatures",
        ),
        (
            "brief",
            "at most two pages for the agenda: the summary and one status table of every focus area and activity with its key figure",
        ),
        (
            "tjansteskrivelse",
            "the official memo (tjänsteskrivelse) by which a board receives the follow-up: proposed decision, summary, the matter, decision basis",
        ),
    ]
}

macro_rules! layout_files {
    ($layout:literal: $($file:literal),+ $(,)?) => {
        &[$(($file, include_str!(concat!("../../layouts/", $layout, "/", $file)))),+]
    };
}

const STANDARD: &[(&str, &str)] = layout_files!("standard":
    "report.hbs",
    "programme.hbs",
    "year.hbs",
    "style.toml",
    "partials/title_block.hbs",
    "partials/cover_break.hbs",
    "partials/status_overview.hbs",
    "partials/status_row.hbs",
    "partials/focus_area.hbs",
    "partials/activity.hbs",
    "partials/key_figures.hbs",
    "partials/metrics.hbs",
    "partials/trend_table.hbs",
    "partials/signatures.hbs",
    "partials/year_timeline.hbs",
    "partials/year_key_figures.hbs",
    "partials/year_story.hbs",
    "labels/sv.toml",
    "labels/en.toml",
);

const BRIEF: &[(&str, &str)] = layout_files!("brief":
    "report.hbs",
    "year.hbs",
    "style.toml",
    "partials/brief_header.hbs",
    "partials/key_figure.hbs",
    "labels/sv.toml",
    "labels/en.toml",
);

const TJANSTESKRIVELSE: &[(&str, &str)] = layout_files!("tjansteskrivelse":
    "report.hbs",
    "year.hbs",
    "style.toml",
    "partials/memo_header.hbs",
    "partials/default_decision.hbs",
    "partials/memo_signoff.hbs",
    "labels/sv.toml",
    "labels/en.toml",
);

/// The files of the built-in layout `name`, or `None` when there is no such layout.
pub fn files(name: &str) -> Option<&'static [(&'static str, &'static str)]> {
    match name {
        "standard" => Some(STANDARD),
        "brief" => Some(BRIEF),
        "tjansteskrivelse" => Some(TJANSTESKRIVELSE),
        _ => None,
    }
}
