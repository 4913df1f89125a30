//! What the revisions appended after a signature change: a later revision may fill
//! signature fields (their value and appearance), set the form's signature flags and
//! update the document's metadata (the information dictionary and the XMP, whose
//! modification date and producer signing tools set anew), as a second signatory's tool
//! does; any other change to an object the signed revision had is a
//! change to what was signed.
//!
//! Entry point: [`changes`].

use crate::pdf::text_of;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// The changes `pdf`, read as `now`, has after its first `end` bytes beyond filling
/// signature fields, one phrase each ("object 12 0 (Page)"); empty when there are none.
pub fn changes(pdf: &[u8], now: &Document, end: usize) -> Result<Vec<String>, String> {
    if end >= pdf.len() {
        return Ok(Vec::new());
    }
    let signed = Document::load_mem(&pdf[..end]).map_err(|e| format!("not a readable PDF: {e}"))?;
    // The document's metadata, which signing tools date anew.
    let information = now.trailer.get(b"Info").and_then(Object::as_reference).ok();
    let xmp = now
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
        .ok();
    let metadata = [information, xmp];
    let mut changed = Vec::new();
    for (id, before) in signed
        .objects
        .iter()
        .filter(|(id, _)| !metadata.contains(&Some(**id)))
    {
        match now.objects.get(id) {
            None => changed.push(describe(*id, before, "removed")),
            Some(after) if !same(before, after) && !allowed(before, after) => {
                changed.push(describe(*id, before, "changed"));
            }
            _ => {}
        }
    }
    Ok(changed)
}

/// "object 12 0 (Page) changed".
fn describe(id: ObjectId, object: &Object, how: &str) -> String {
    let kind = object
        .as_dict()
        .ok()
        .or_else(|| object.as_stream().ok().map(|s| &s.dict))
        .and_then(|d| d.get(b"Type").and_then(Object::as_name).ok())
        .map(|name| format!(" ({})", String::from_utf8_lossy(name)))
        .unwrap_or_default();
    format!("object {} {}{kind} {how}", id.0, id.1)
}

/// Whether `after` differs from `before` only as signing changes it: an empty signature
/// field given its value and appearance, or the catalog's form given its signature flags.
fn allowed(before: &Object, after: &Object) -> bool {
    let (Ok(before), Ok(after)) = (before.as_dict(), after.as_dict()) else {
        return false;
    };
    let is_field = before
        .get(b"FT")
        .and_then(Object::as_name)
        .is_ok_and(|ft| ft == b"Sig");
    if is_field && before.get(b"V").is_err() {
        let signing = [b"V".as_slice(), b"AP"];
        return same_dictionaries(&without(before, &signing), &without(after, &signing));
    }
    let form = |d: &Dictionary| {
        d.get(b"AcroForm")
            .and_then(Object::as_dict)
            .map(|f| without(f, &[b"SigFlags"]))
    };
    let rest = |d: &Dictionary| without(d, &[b"AcroForm"]);
    match (form(before), form(after)) {
        (Ok(a), Ok(b)) => {
            same_dictionaries(&a, &b) && same_dictionaries(&rest(before), &rest(after))
        }
        _ => false,
    }
}

/// Whether two objects say the same, however they are written: a text string in UTF-16 or
/// in PDFDocEncoding, literal or in hex, a number with or without a fraction, a stream
/// compressed or not.
fn same(a: &Object, b: &Object) -> bool {
    match (a, b) {
        (Object::String(a, _), Object::String(b, _)) => text_of(a) == text_of(b),
        (Object::Integer(_) | Object::Real(_), Object::Integer(_) | Object::Real(_)) => {
            let number = |o: &Object| o.as_float().unwrap_or(f32::NAN);
            (number(a) - number(b)).abs() < 1e-3
        }
        (Object::Array(a), Object::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Object::Dictionary(a), Object::Dictionary(b)) => same_dictionaries(a, b),
        (Object::Stream(a), Object::Stream(b)) => {
            let coding = [b"Length".as_slice(), b"Filter", b"DecodeParms"];
            let content = |s: &lopdf::Stream| {
                s.decompressed_content()
                    .unwrap_or_else(|_| s.content.clone())
            };
            same_dictionaries(&without(&a.dict, &coding), &without(&b.dict, &coding))
                && content(a) == content(b)
        }
        _ => a == b,
    }
}

fn same_dictionaries(a: &Dictionary, b: &Dictionary) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(key, value)| b.get(key).is_ok_and(|other| same(value, other)))
}

/// `dictionary` without `keys`.
fn without(dictionary: &Dictionary, keys: &[&[u8]]) -> Dictionary {
    let mut copy = dictionary.clone();
    for key in keys {
        copy.remove(key);
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{PdfOptions, pdf};
    use lopdf::IncrementalDocument;

    /// The sample PDF and an update of it made by `change`.
    fn updated(change: impl FnOnce(&mut IncrementalDocument)) -> (Vec<u8>, usize) {
        let bytes = pdf(&crate::pdf::tests::sample(), &PdfOptions::default())
            .expect("a PDF")
            .bytes;
        let end = bytes.len();
        let document = Document::load_mem(&bytes).expect("readable");
        let mut update = IncrementalDocument::create_from(bytes, document);
        change(&mut update);
        let mut out = Vec::new();
        update.save_to(&mut out).expect("saved");
        (out, end)
    }

    fn read(bytes: &[u8]) -> Document {
        Document::load_mem(bytes).expect("readable")
    }

    fn first_field(update: &IncrementalDocument) -> ObjectId {
        let document = update.get_prev_documents();
        let form = document
            .catalog()
            .and_then(|c| c.get(b"AcroForm"))
            .and_then(Object::as_dict);
        let fields = form
            .and_then(|f| f.get(b"Fields"))
            .and_then(Object::as_array)
            .expect("fields");
        fields[0].as_reference().expect("a reference")
    }

    #[test]
    fn filling_a_signature_field_is_no_change_but_a_changed_page_is() {
        let (filled, end) = updated(|update| {
            let field = first_field(update);
            update
                .opt_clone_object_to_new_document(field)
                .expect("cloned");
            let value = update.new_document.add_object(Dictionary::new());
            let field = update
                .new_document
                .get_dictionary_mut(field)
                .expect("field");
            field.set("V", Object::Reference(value));
        });
        assert_eq!(
            changes(&filled, &read(&filled), end).expect("readable"),
            Vec::<String>::new()
        );
        let (edited, end) = updated(|update| {
            let page = *update
                .get_prev_documents()
                .get_pages()
                .values()
                .next()
                .expect("a page");
            update
                .opt_clone_object_to_new_document(page)
                .expect("cloned");
            let page = update.new_document.get_dictionary_mut(page).expect("page");
            page.set("Rotate", Object::Integer(90));
        });
        let found = changes(&edited, &read(&edited), end).expect("readable");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].ends_with("(Page) changed"), "{found:?}");
    }
}
