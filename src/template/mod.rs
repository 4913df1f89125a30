//! The `template` stage: a validated [`Report`] rendered through a layout into the
//! intermediate Markdown that `doc::parse` reads (see the Markdown contract).
//!
//! Entry points: [`Layout::builtin`] or [`Layout::from_dir`] once per run, then
//! [`Layout::render`] per report. [`title`] gives the title the template prints, for PDF
//! metadata and page headers; [`format_date`] and [`format_number`] write dates and
//! numbers in the report's language.

mod context;
mod embedded;
mod error;
mod escape;
mod format;
mod helpers;
mod labels;
mod layout;

#[cfg(test)]
mod tests;

pub use error::LayoutError;
pub use format::{format_date, format_number};
pub use layout::{Layout, builtin_names};

use crate::report::Report;

/// The report's title: its own `title`, or the layout's `report_title` label filled with
/// programme and period ("Uppföljning av Medborgarlöfte 2023 – kvartal 1 2023").
pub fn title(report: &Report, layout: &Layout) -> Result<String, LayoutError> {
    context::report_title(report, layout.labels())
}
