//! Signing a kvartal PDF: a PAdES baseline B-B signature made into one of its empty
//! signature fields, as an incremental update, so every earlier signature stays valid.
//!
//! Entry point: [`sign`]. [`cms`] makes the signature; [`update`] writes it into the file.

mod cms;
mod update;

pub use cms::Identity;
pub use update::{Request, sign};
