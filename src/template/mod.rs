//! The `template` stage: a validated [`Report`] rendered through a layout into the
//! intermediate Markdown that `doc::parse` reads (see the Markdown contract).
//!
//! Entry points: [`Layout::builtin`] or [`Layout::from_dir`] once per run, then
//! [`Layout::render`] per report, [`Layout::render_programme`] per programme's web page;
//! [`Layout::style`] is the look the backends draw with.
//! [`title`] gives the title the template prints, for PDF metadata and page headers.
//! [`builtin_layouts`] lists the built-in layouts and [`export_builtin`] copies one into a
//! folder for a municipality to make its own.

mod capped;
mod context;
mod contrast;
mod embedded;
mod error;
mod escape;
mod files;
mod format;
mod helpers;
mod inline;
mod labels;
mod layout;
mod legible;
mod numbering;
mod partials;
mod period;
mod style;
mod web_css;

#[cfg(test)]
mod tests;

pub use context::{ProgrammeQuarter, QuarterFiles};
pub use embedded::builtin_layouts;
pub use error::LayoutError;
pub use files::export_builtin;
pub use layout::{Layout, builtin_names};

use crate::report::Report;

/// The report's title: its own `title`, or the layout's `report_title` label filled with
/// programme and period ("Uppföljning av Medborgarlöfte 2023 – kvartal 1 2023").
pub fn title(report: &Report, layout: &Layout) -> Result<String, LayoutError> {
    context::report_title(report, layout.labels())
}
