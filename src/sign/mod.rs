//! Signing a kvartal PDF: a PAdES baseline B-B signature made into one of its empty
//! signature fields, as an incremental update, so every earlier signature stays valid.
//!
//! Entry point: [`sign`]. [`cms`] makes the signature; [`update`] writes it into the file;
//! [`check`] checks the signatures of a file.

mod appearance;
mod changes;
pub mod check;
mod cms;
mod timestamp;
mod update;

pub use cms::Identity;
pub use update::{Request, sign};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// A form field of a PDF, as signing and checking read it.
pub(crate) struct Field<'a> {
    pub(crate) id: ObjectId,
    /// Its name (`T`): Signature1, Signature2, …
    pub(crate) name: String,
    pub(crate) dictionary: &'a Dictionary,
}

/// The fields of `document`'s form, in its order; `None` when it has no form.
pub(crate) fn fields(document: &Document) -> Option<Vec<Field<'_>>> {
    let listed = document
        .catalog()
        .and_then(|c| c.get(b"AcroForm"))
        .and_then(Object::as_dict)
        .and_then(|form| form.get(b"Fields"))
        .and_then(Object::as_array)
        .ok()?;
    let fields = listed
        .iter()
        .filter_map(|reference| reference.as_reference().ok())
        .filter_map(|id| {
            let dictionary = document.get_dictionary(id).ok()?;
            let name = dictionary
                .get(b"T")
                .and_then(Object::as_str)
                .map(|t| String::from_utf8_lossy(t).into_owned())
                .unwrap_or_default();
            Some(Field {
                id,
                name,
                dictionary,
            })
        })
        .collect();
    Some(fields)
}
