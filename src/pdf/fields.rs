//! Empty signature fields over the signatories' lines, for a signing service (or a PDF
//! reader) to sign into.
//!
//! Entry point: [`add`]. krilla writes no form fields, so they are added as an incremental
//! update: krilla's file stays an exact prefix of the result, and the update adds, for
//! each field, a widget with an empty appearance (no font), tagged as a `Form` structure
//! element with the signatory's name and role as its tooltip (`TU`), on a page whose tab
//! order follows the structure; the catalog gets the form (`AcroForm`).

use super::PdfError;
use super::frame::SignatureField;
use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream, StringFormat};

/// The word before a signatory in a field's tooltip, in the report's language.
pub struct Words<'a> {
    /// "Underskrift" / "Signature".
    pub signature: &'a str,
}

/// `pdf` with a signature field for each of `fields` (page index, field, page height).
pub fn add(
    pdf: Vec<u8>,
    fields: &[(usize, SignatureField)],
    page_height: f32,
    words: &Words,
) -> Result<Vec<u8>, PdfError> {
    let fail = |e: lopdf::Error| PdfError::Export(format!("cannot add the signature fields: {e}"));
    let prev = Document::load_mem(&pdf).map_err(fail)?;
    let mut update = IncrementalDocument::create_from(pdf, prev);
    let found = Found::read(update.get_prev_documents()).map_err(fail)?;
    let mut widgets = Vec::new();
    let mut forms = Vec::new();
    for (index, (page, field)) in fields.iter().enumerate() {
        let page_id = *found.pages.get(*page).ok_or_else(|| {
            PdfError::Export(format!(
                "a signature field on page {} that is not there",
                page + 1
            ))
        })?;
        let key = found.next_key + index as i64;
        let tooltip = format!("{}: {}", words.signature, field.signer);
        let document = &mut update.new_document;
        let widget = widget(field, index, page_id, key, page_height, &tooltip, document);
        let widget = document.add_object(widget);
        let form = document.add_object(form_element(
            found.document_element,
            widget,
            page_id,
            &tooltip,
        ));
        widgets.push((page_id, widget));
        forms.push((key, form));
    }
    link(&mut update, &found, &widgets, &forms).map_err(fail)?;
    update.new_document.version = "1.7".to_owned();
    let mut out = Vec::new();
    update
        .save_to(&mut out)
        .map_err(|e| PdfError::Export(format!("cannot add the signature fields: {e}")))?;
    Ok(out)
}

/// The objects of krilla's file the update changes.
struct Found {
    catalog: ObjectId,
    /// Page ids by index.
    pages: Vec<ObjectId>,
    struct_root: ObjectId,
    /// The structure element everything else hangs from (the document).
    document_element: ObjectId,
    next_key: i64,
}

impl Found {
    fn read(document: &Document) -> lopdf::Result<Found> {
        let catalog = document.trailer.get(b"Root")?.as_reference()?;
        let struct_root = document
            .get_dictionary(catalog)?
            .get(b"StructTreeRoot")?
            .as_reference()?;
        let root = document.get_dictionary(struct_root)?;
        let document_element = match root.get(b"K")? {
            Object::Array(kids) => kids
                .first()
                .ok_or(lopdf::Error::ObjectNotFound((0, 0)))?
                .as_reference()?,
            kid => kid.as_reference()?,
        };
        Ok(Found {
            catalog,
            pages: document.get_pages().into_values().collect(),
            struct_root,
            document_element,
            next_key: root.get(b"ParentTreeNextKey")?.as_i64()?,
        })
    }
}

/// The text of a PDF text string: UTF-16 after a byte-order mark, else each byte a
/// character (PDFDocEncoding, for the letters a report has).
pub fn text_of(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// A PDF text string: ASCII as it is, anything else as UTF-16 with a byte-order mark.
pub fn text(value: &str) -> Object {
    let bytes = if value.is_ascii() {
        value.as_bytes().to_vec()
    } else {
        let units = value.encode_utf16().flat_map(u16::to_be_bytes);
        [0xFE, 0xFF].into_iter().chain(units).collect()
    };
    Object::String(bytes, StringFormat::Literal)
}

/// The field and its widget in one dictionary, printed, with an empty appearance.
fn widget(
    field: &SignatureField,
    index: usize,
    page: ObjectId,
    key: i64,
    page_height: f32,
    tooltip: &str,
    document: &mut Document,
) -> Dictionary {
    let rect = &field.rect;
    let bbox = vec![
        0.into(),
        0.into(),
        Object::Real(rect.w),
        Object::Real(rect.h),
    ];
    let appearance = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"XObject".to_vec())),
            ("Subtype", Object::Name(b"Form".to_vec())),
            ("BBox", Object::Array(bbox)),
        ]),
        Vec::new(),
    );
    let appearance = document.add_object(appearance);
    let bottom = page_height - rect.y - rect.h;
    let corners = [rect.x, bottom, rect.x + rect.w, bottom + rect.h];
    Dictionary::from_iter([
        ("Type", Object::Name(b"Annot".to_vec())),
        ("Subtype", Object::Name(b"Widget".to_vec())),
        ("FT", Object::Name(b"Sig".to_vec())),
        ("T", text(&format!("Signature{}", index + 1))),
        ("TU", text(tooltip)),
        ("Rect", Object::Array(corners.map(Object::Real).to_vec())),
        // Print, as PDF/A requires of an annotation.
        ("F", Object::Integer(4)),
        ("P", Object::Reference(page)),
        (
            "AP",
            Object::Dictionary(Dictionary::from_iter([(
                "N",
                Object::Reference(appearance),
            )])),
        ),
        ("StructParent", Object::Integer(key)),
    ])
}

/// The `Form` structure element that holds `widget`, read as `tooltip`.
fn form_element(parent: ObjectId, widget: ObjectId, page: ObjectId, tooltip: &str) -> Dictionary {
    let reference = Dictionary::from_iter([
        ("Type", Object::Name(b"OBJR".to_vec())),
        ("Obj", Object::Reference(widget)),
        ("Pg", Object::Reference(page)),
    ]);
    Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(b"Form".to_vec())),
        ("P", Object::Reference(parent)),
        ("Alt", text(tooltip)),
        ("K", Object::Dictionary(reference)),
    ])
}

/// New versions of the objects that name the fields: each page's annotations, the form in
/// the catalog, and the structure tree with its parent tree.
fn link(
    update: &mut IncrementalDocument,
    found: &Found,
    widgets: &[(ObjectId, ObjectId)],
    forms: &[(i64, ObjectId)],
) -> lopdf::Result<()> {
    for id in [found.catalog, found.struct_root, found.document_element] {
        update.opt_clone_object_to_new_document(id)?;
    }
    for (page, widget) in widgets {
        update.opt_clone_object_to_new_document(*page)?;
        let page = update.new_document.get_dictionary_mut(*page)?;
        match page.get_mut(b"Annots") {
            Ok(Object::Array(annotations)) => annotations.push(Object::Reference(*widget)),
            _ => page.set("Annots", Object::Array(vec![Object::Reference(*widget)])),
        }
        page.set("Tabs", Object::Name(b"S".to_vec()));
    }
    let document = &mut update.new_document;
    let fields = widgets
        .iter()
        .map(|(_, widget)| Object::Reference(*widget))
        .collect();
    let form = Dictionary::from_iter([("Fields", Object::Array(fields))]);
    document
        .get_dictionary_mut(found.catalog)?
        .set("AcroForm", Object::Dictionary(form));
    let next = found.next_key + forms.len() as i64;
    let root = document.get_dictionary_mut(found.struct_root)?;
    root.set("ParentTreeNextKey", Object::Integer(next));
    // krilla writes the parent tree into the root, as one flat list of numbers.
    let numbers = root
        .get_mut(b"ParentTree")?
        .as_dict_mut()?
        .get_mut(b"Nums")?
        .as_array_mut()?;
    for (key, form) in forms {
        numbers.push(Object::Integer(*key));
        numbers.push(Object::Reference(*form));
    }
    let element = document.get_dictionary_mut(found.document_element)?;
    let mut kids = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(kid) => vec![kid.clone()],
        Err(_) => Vec::new(),
    };
    kids.extend(forms.iter().map(|(_, form)| Object::Reference(*form)));
    element.set("K", Object::Array(kids));
    Ok(())
}
