//! The files a PDF carries, read back: what `kvartal verify` rebuilds a report from.
//!
//! Entry point: [`attached_files`]. Only the document's associated files (the catalog's
//! `/AF`, as PDF/A-3 lists them) are read, each with a size limit, since the PDF may come
//! from anyone.

use lopdf::{Document, Object};

/// The most one attached file may hold: a report, a logo or a manifest is far smaller.
const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;
/// The most files a PDF may carry for `verify` to read.
const MAX_FILES: usize = 200;

/// Each associated file of `pdf` as (name, bytes), in the order listed.
pub fn attached_files(pdf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let document = Document::load_mem(pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    let catalog = document
        .catalog()
        .map_err(|e| format!("no document catalog: {e}"))?;
    let Ok(list) = catalog.get(b"AF").and_then(|af| document.dereference(af)) else {
        return Ok(Vec::new());
    };
    let specs = list
        .1
        .as_array()
        .map_err(|_| "its /AF is not a list".to_owned())?;
    if specs.len() > MAX_FILES {
        return Err(format!("it carries more than {MAX_FILES} files"));
    }
    specs.iter().map(|spec| file(&document, spec)).collect()
}

/// One file specification's name and decoded bytes, with the size limit above: an entry of
/// the catalog's `/AF` or of the `EmbeddedFiles` name tree a viewer lists attachments from.
pub fn file(document: &Document, spec: &Object) -> Result<(String, Vec<u8>), String> {
    let (_, spec) = document.dereference(spec).map_err(|e| e.to_string())?;
    let spec = spec
        .as_dict()
        .map_err(|_| "a file specification is not a dictionary")?;
    let name = spec
        .get(b"UF")
        .or_else(|_| spec.get(b"F"))
        .map_err(|_| "an attached file has no name".to_owned())
        .and_then(|name| text(document, name))?;
    let stream = spec
        .get(b"EF")
        .and_then(|ef| document.dereference(ef))
        .and_then(|(_, ef)| ef.as_dict().and_then(|ef| ef.get(b"F")))
        .and_then(|f| document.dereference(f))
        .and_then(|(_, f)| f.as_stream())
        .map_err(|_| format!("the attached file {name} has no contents"))?;
    let declared = stream
        .dict
        .get(b"Length")
        .and_then(Object::as_i64)
        .unwrap_or(0);
    if declared < 0 || declared as usize > MAX_FILE_BYTES {
        return Err(format!("the attached file {name} is too large"));
    }
    let data = match stream.dict.get(b"Filter") {
        Ok(_) => stream
            .decompressed_content()
            .map_err(|e| format!("the attached file {name} cannot be decoded: {e}"))?,
        Err(_) => stream.content.clone(),
    };
    if data.len() > MAX_FILE_BYTES {
        return Err(format!("the attached file {name} is too large"));
    }
    Ok((name, data))
}

/// A PDF text string's text.
fn text(document: &Document, object: &Object) -> Result<String, String> {
    let (_, object) = document.dereference(object).map_err(|e| e.to_string())?;
    let bytes = object
        .as_str()
        .map_err(|_| "a file name is not text".to_owned())?;
    Ok(super::fields::text_of(bytes))
}
