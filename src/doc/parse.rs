//! placeholder
use super::{Document, ImageStore, Meta};
#[derive(Debug)]
pub struct ParseError(pub String);
pub fn parse(_md: &str, _meta: Meta, _images: &ImageStore) -> Result<Document, ParseError> { todo!() }
