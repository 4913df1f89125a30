//! The whole program run as a user runs it: one test binary, a module per area.

mod build;
mod check;
mod docx;
mod docx_style;
mod layouts;
mod snapshots;
mod support;
