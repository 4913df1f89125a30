//! Placeholder until the loader lands.
use super::Report;
use crate::diag::Diagnostic;
use std::path::Path;

/// Reads and validates one report file.
pub fn load(_path: &Path) -> Result<Report, Vec<Diagnostic>> {
    todo!()
}
