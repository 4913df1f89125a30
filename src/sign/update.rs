//! The signature written into a signature field of a kvartal PDF, as an incremental update:
//! the file signed so far stays an exact prefix, and the new signature covers all of it.
//!
//! Entry point: [`sign`]. The signature dictionary is written with room for the signature
//! and a byte range to be filled in; the bytes around the room are hashed, signed, and the
//! signature put in its place, the file's length unchanged.

use super::cms::Identity;
use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

/// Room for the signature, in bytes: a CMS with an RSA-4096 key, a chain of four
/// certificates and, later, a time stamp fits.
const SIGNATURE_ROOM: usize = 16 * 1024;
/// Written in the byte range until the real offsets are known: ten digits each, as many as
/// any offset of a file kvartal reads needs.
const PLACEHOLDER: i64 = 9_999_999_999;

/// What the person signing asks for.
pub struct Request<'a> {
    /// The field to sign; the first empty one when none is named.
    pub field: Option<&'a str>,
    /// Why it is signed, e.g. "Godkänd"; recorded in the signature.
    pub reason: Option<&'a str>,
    /// Where it is signed, e.g. "Jönköping"; recorded in the signature.
    pub location: Option<&'a str>,
    /// The claimed signing time.
    pub time: DateTime<Utc>,
    /// The `http://` address of a time-stamp authority, for a PAdES B-T signature.
    pub tsa: Option<&'a str>,
}

/// `pdf` signed by `identity` into a field, as `request` says; the name of the field.
pub fn sign(
    pdf: Vec<u8>,
    identity: &Identity,
    request: &Request,
) -> Result<(Vec<u8>, String), String> {
    let document = Document::load_mem(&pdf).map_err(|e| format!("not a readable PDF: {e}"))?;
    made_by_kvartal(&document)?;
    archivable_from_the_start(&pdf, &document)?;
    let (field, name) = field(&document, request.field)?;
    let catalog = document
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let mut update = IncrementalDocument::create_from(pdf, document);
    let signature = update
        .new_document
        .add_object(dictionary(identity, request));
    let fail = |e: lopdf::Error| format!("cannot write the signature: {e}");
    for id in [field, catalog] {
        update.opt_clone_object_to_new_document(id).map_err(fail)?;
    }
    let language = language(update.get_prev_documents());
    let document = &mut update.new_document;
    let shown = appearance(document, field, identity, request, &language)
        .map_err(|e| format!("cannot draw the signature: {e}"))?;
    let widget = document.get_dictionary_mut(field).map_err(fail)?;
    widget.set("V", Object::Reference(signature));
    let shown = Dictionary::from_iter([("N", Object::Reference(shown))]);
    widget.set("AP", Object::Dictionary(shown));
    // The document has signatures, and changes to it must be appended.
    let form = document
        .get_dictionary_mut(catalog)
        .and_then(|c| c.get_mut(b"AcroForm"))
        .and_then(Object::as_dict_mut)
        .map_err(fail)?;
    form.set("SigFlags", Object::Integer(3));
    document.version = "1.7".to_owned();
    let mut out = Vec::new();
    update
        .save_to(&mut out)
        .map_err(|e| format!("cannot write the signature: {e}"))?;
    fill(&mut out, identity, request.tsa)?;
    Ok((out, name))
}

/// The document's language (`/Lang`), for the words the appearance shows.
fn language(document: &Document) -> String {
    document
        .catalog()
        .and_then(|c| c.get(b"Lang"))
        .and_then(Object::as_str)
        .map(|lang| String::from_utf8_lossy(lang).into_owned())
        .unwrap_or_default()
}

/// The signed field's new appearance: who signed and when, in the document's language
/// (Swedish or English), the size of the field.
fn appearance(
    document: &mut Document,
    field: ObjectId,
    identity: &Identity,
    request: &Request,
    language: &str,
) -> Result<ObjectId, String> {
    let rect: Vec<f32> = document
        .get_dictionary(field)
        .and_then(|f| f.get(b"Rect"))
        .and_then(Object::as_array)
        .map_err(|e| e.to_string())?
        .iter()
        .filter_map(|n| n.as_float().ok())
        .collect();
    let [x1, y1, x2, y2] = rect[..] else {
        return Err("the field has no rectangle".to_owned());
    };
    let (width, height) = ((x2 - x1).abs(), (y2 - y1).abs());
    let signed_by = if language.starts_with("sv") {
        "Signerat av"
    } else {
        "Signed by"
    };
    let lines = [
        format!("{signed_by} {}", identity.common_name()),
        request.time.format("%Y-%m-%d %H:%M UTC").to_string(),
    ];
    super::appearance::appearance(document, width, height, &lines)
}

/// Whether `document`'s metadata claims PDF/A.
fn claims_pdf_a(document: &Document) -> bool {
    document
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
        .and_then(|id| document.get_object(id))
        .and_then(Object::as_stream)
        .map(|stream| {
            let xmp = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            xmp.windows(12)
                .any(|w| w == b"pdfaid:part=" || w == b"<pdfaid:part")
        })
        .unwrap_or(false)
}

/// Refuses a file that claims PDF/A while its first revision does not: it was converted
/// after it was built, or signed before, and a signature made now could not be archived.
fn archivable_from_the_start(pdf: &[u8], document: &Document) -> Result<(), String> {
    let first_end = pdf.windows(5).position(|w| w == b"%%EOF").map(|at| at + 5);
    let first = first_end.and_then(|end| Document::load_mem(&pdf[..end]).ok());
    match first {
        Some(first) if claims_pdf_a(document) && !claims_pdf_a(&first) => Err(
            "this PDF claims PDF/A but its first revision is not PDF/A: build the PDF/A \
             first, then sign it"
                .to_owned(),
        ),
        _ => Ok(()),
    }
}

/// Refuses a file kvartal did not make: its fields and structure are what this signs into.
fn made_by_kvartal(document: &Document) -> Result<(), String> {
    let creator = document
        .trailer
        .get(b"Info")
        .and_then(|info| document.dereference(info))
        .and_then(|(_, info)| info.as_dict())
        .and_then(|info| info.get(b"Creator"))
        .and_then(Object::as_str)
        .unwrap_or_default();
    if creator.starts_with(b"kvartal") {
        Ok(())
    } else {
        Err("this PDF was not made by kvartal: sign it with the tool that made it".to_owned())
    }
}

/// The signature field to sign, with its name: the one asked for, or the first empty one.
fn field(document: &Document, wanted: Option<&str>) -> Result<(ObjectId, String), String> {
    let fields = super::fields(document)
        .ok_or("this PDF has no signature fields (it has no signature block)")?;
    let mut names = Vec::new();
    for field in fields {
        let signed = field.dictionary.get(b"V").is_ok();
        let name = field.name;
        match wanted {
            Some(wanted) if wanted == name && signed => {
                return Err(format!("the field {name} is signed already"));
            }
            Some(wanted) if wanted == name => return Ok((field.id, name)),
            None if !signed => return Ok((field.id, name)),
            _ => names.push(name),
        }
    }
    Err(match wanted {
        Some(wanted) => format!(
            "no signature field {wanted}; the fields are {}",
            names.join(", ")
        ),
        None => "every signature field is signed already".to_owned(),
    })
}

/// The signature dictionary, with room for the signature and its byte range.
fn dictionary(identity: &Identity, request: &Request) -> Dictionary {
    let text = crate::pdf::text_string;
    let mut signature = Dictionary::from_iter([
        ("Type", Object::Name(b"Sig".to_vec())),
        ("Filter", Object::Name(b"Adobe.PPKLite".to_vec())),
        ("SubFilter", Object::Name(b"ETSI.CAdES.detached".to_vec())),
        (
            "ByteRange",
            Object::Array(vec![
                0.into(),
                PLACEHOLDER.into(),
                PLACEHOLDER.into(),
                PLACEHOLDER.into(),
            ]),
        ),
        (
            "Contents",
            Object::String(vec![0; SIGNATURE_ROOM], StringFormat::Hexadecimal),
        ),
        (
            "M",
            text(&request.time.format("D:%Y%m%d%H%M%S+00'00'").to_string()),
        ),
        ("Name", text(&identity.name())),
    ]);
    if let Some(reason) = request.reason {
        signature.set("Reason", text(reason));
    }
    if let Some(location) = request.location {
        signature.set("Location", text(location));
    }
    signature
}

/// Fills in the byte range around the signature's room, then the signature over it.
fn fill(out: &mut [u8], identity: &Identity, tsa: Option<&str>) -> Result<(), String> {
    let room = format!("<{}>", "00".repeat(SIGNATURE_ROOM));
    let start = find(out, room.as_bytes()).ok_or("the room for the signature is missing")?;
    let end = start + room.len();
    let placeholder = format!("0 {PLACEHOLDER} {PLACEHOLDER} {PLACEHOLDER}");
    let range_at = find(out, placeholder.as_bytes()).ok_or("the byte range is missing")?;
    let range = format!("0 {start:<10} {end:<10} {:<10}", out.len() - end);
    out[range_at..range_at + range.len()].copy_from_slice(range.as_bytes());
    let mut hasher = Sha256::new();
    hasher.update(&out[..start]);
    hasher.update(&out[end..]);
    let cms = identity.sign(&hasher.finalize(), tsa)?;
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    if hex.len() > room.len() - 2 {
        return Err(format!(
            "the signature needs {} bytes, more than the {SIGNATURE_ROOM} made room for",
            cms.len()
        ));
    }
    out[start + 1..start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::{PdfOptions, PdfStandard, pdf};

    fn sample(standard: PdfStandard) -> Vec<u8> {
        let options = PdfOptions {
            standard,
            ..PdfOptions::default()
        };
        pdf(&crate::pdf::tests::sample(), &options)
            .expect("a PDF")
            .bytes
    }

    #[test]
    fn a_pdf_a_is_known_by_its_metadata_from_its_first_revision() {
        let archival = sample(PdfStandard::default());
        let document = Document::load_mem(&archival).expect("readable");
        assert!(claims_pdf_a(&document));
        assert!(archivable_from_the_start(&archival, &document).is_ok());
        let plain = sample(PdfStandard::None);
        assert!(!claims_pdf_a(
            &Document::load_mem(&plain).expect("readable")
        ));
    }

    #[test]
    fn the_first_empty_field_is_signed_unless_one_is_named() {
        let bytes = sample(PdfStandard::default());
        let document = Document::load_mem(&bytes).expect("readable");
        assert_eq!(field(&document, None).expect("a field").1, "Signature1");
        let missing = field(&document, Some("Signature9")).unwrap_err();
        assert!(missing.contains("the fields are Signature1"), "{missing}");
    }
}
