//! Placeholder until the DOCX writer lands.
use crate::doc::Document;

/// Writes `doc` as a DOCX file's bytes.
pub fn docx(_doc: &Document) -> Result<Vec<u8>, String> {
    todo!()
}
