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
use super::partial::{Partial, Unreadable};
use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, Stream, StringFormat};
use std::fmt;

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
    // Only the objects the update changes are parsed: the whole file would cost more
    // than the rest of the PDF stage.
    let mut file = Partial::open(&pdf).map_err(failed)?;
    let found = Found::read(&mut file, fields).map_err(failed)?;
    let prev = file.into_document();
    let mut update = IncrementalDocument::create_from(pdf, prev);
    let mut widgets = Vec::new();
    let mut forms = Vec::new();
    for (index, ((_, field), &page_id)) in fields.iter().zip(&found.pages).enumerate() {
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
    link(&mut update, &found, &widgets, &forms).map_err(failed)?;
    update.new_document.version = "1.7".to_owned();
    let mut out = Vec::new();
    update.save_to(&mut out).map_err(failed)?;
    Ok(out)
}

/// The error for a file the fields could not be added to, saying why.
fn failed(why: impl fmt::Display) -> PdfError {
    PdfError::Export(format!("cannot add the signature fields: {why}"))
}

/// The objects of krilla's file the update changes.
struct Found {
    catalog: ObjectId,
    /// The page of each field, in the order of the fields.
    pages: Vec<ObjectId>,
    struct_root: ObjectId,
    /// The structure element everything else hangs from (the document).
    document_element: ObjectId,
    next_key: i64,
}

impl Found {
    /// Reads these objects from `file` for `fields`, leaving them parsed in it for the
    /// update to copy.
    fn read(file: &mut Partial, fields: &[(usize, SignatureField)]) -> Result<Found, Unreadable> {
        let catalog = file.trailer().get(b"Root")?.as_reference()?;
        let catalog_dictionary = file.dictionary(catalog)?;
        let struct_root = catalog_dictionary.get(b"StructTreeRoot")?.as_reference()?;
        let tree = catalog_dictionary.get(b"Pages")?.as_reference()?;
        let root = file.dictionary(struct_root)?;
        let next_key = root.get(b"ParentTreeNextKey")?.as_i64()?;
        let document_element = match root.get(b"K")? {
            Object::Array(kids) => kids
                .first()
                .ok_or(lopdf::Error::ObjectNotFound((0, 0)))?
                .as_reference()?,
            kid => kid.as_reference()?,
        };
        file.dictionary(document_element)?;
        let pages = fields
            .iter()
            .map(|(index, _)| page(file, tree, *index))
            .collect::<Result<_, _>>()?;
        Ok(Found {
            catalog,
            pages,
            struct_root,
            document_element,
            next_key,
        })
    }
}

/// How deep a page tree may be: krilla's is one level, and a loop must end.
const PAGE_TREE_DEPTH: usize = 32;

/// The page at `index` (from 0) in the page tree whose root is `tree`.
///
/// A node's `Count` is the number of pages under it, so the walk goes down to the one
/// kid that holds the page and parses no other page: a long report has hundreds.
fn page(file: &mut Partial, tree: ObjectId, index: usize) -> Result<ObjectId, Unreadable> {
    let total = file.dictionary(tree)?.get(b"Count")?.as_i64()?;
    if !usize::try_from(total).is_ok_and(|total| index < total) {
        return Err(Unreadable::Unexpected(format!(
            "a signature field on page {} of a file with {total}",
            index + 1
        )));
    }
    let (mut node, mut index) = (tree, index);
    for _ in 0..PAGE_TREE_DEPTH {
        let dictionary = file.dictionary(node)?;
        match dictionary.get_type()? {
            b"Page" if index == 0 => return Ok(node),
            b"Pages" => {
                let kids = dictionary
                    .get(b"Kids")?
                    .as_array()?
                    .iter()
                    .map(Object::as_reference)
                    .collect::<Result<Vec<_>, _>>()?;
                let count = dictionary.get(b"Count")?.as_i64()?;
                (node, index) = if usize::try_from(count) == Ok(kids.len()) {
                    // As many pages as kids, as in krilla's flat tree: kid `index` is page
                    // `index` (a kid with no page under it would be pointless, and krilla
                    // writes none), so the pages before it need not be parsed.
                    let kid = kids.get(index).ok_or_else(|| miscounted(node))?;
                    (*kid, 0)
                } else {
                    kid_holding(file, node, &kids, index)?
                };
            }
            _ => return Err(miscounted(node)),
        }
    }
    Err(Unreadable::Unexpected(format!(
        "a page tree deeper than {PAGE_TREE_DEPTH}"
    )))
}

/// Of `kids` of `parent`, the one that holds page `index` of the parent, and that page's
/// index within it.
fn kid_holding(
    file: &mut Partial,
    parent: ObjectId,
    kids: &[ObjectId],
    mut index: usize,
) -> Result<(ObjectId, usize), Unreadable> {
    for &kid in kids {
        let pages = pages_under(file, kid)?;
        if index < pages {
            return Ok((kid, index));
        }
        index -= pages;
    }
    Err(miscounted(parent))
}

/// How many pages the page tree node `node` holds: one for a page, its `Count` for a node.
fn pages_under(file: &mut Partial, node: ObjectId) -> Result<usize, Unreadable> {
    let dictionary = file.dictionary(node)?;
    match dictionary.get_type()? {
        b"Page" => Ok(1),
        b"Pages" => {
            let count = dictionary.get(b"Count")?.as_i64()?;
            usize::try_from(count).map_err(|_| miscounted(node))
        }
        _ => Err(miscounted(node)),
    }
}

/// The error for a page tree whose counts do not add up at `node`.
fn miscounted(node: ObjectId) -> Unreadable {
    Unreadable::Unexpected(format!(
        "the page tree's counts do not add up at object {} {}",
        node.0, node.1
    ))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::partial::tests::laid_out;

    /// The pages found for indexes 0, 1, … until the first error.
    fn pages_of(pdf: &[u8]) -> (Vec<u32>, Unreadable) {
        let mut file = Partial::open(pdf).unwrap();
        let mut pages = Vec::new();
        for index in 0.. {
            match page(&mut file, (2, 0), index) {
                Ok(id) => pages.push(id.0),
                Err(error) => return (pages, error),
            }
        }
        unreachable!()
    }

    #[test]
    fn finds_a_page_in_a_nested_tree() {
        let pdf = laid_out(&[
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Count 4/Kids[3 0 R 4 0 R 7 0 R]>>",
            "<</Type/Pages/Count 2/Kids[5 0 R 6 0 R]>>",
            "<</Type/Page>>",
            "<</Type/Page>>",
            "<</Type/Page>>",
            "<</Type/Pages/Count 1/Kids[8 0 R]>>",
            "<</Type/Page>>",
        ]);
        let (pages, beyond) = pages_of(&pdf);
        assert_eq!(pages, [5, 6, 4, 8]);
        assert!(
            beyond.to_string().contains("page 5 of a file with 4"),
            "{beyond}"
        );
    }

    #[test]
    fn finds_a_page_in_a_flat_tree_parsing_only_that_page() {
        let pdf = laid_out(&[
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Count 3/Kids[3 0 R 4 0 R 5 0 R]>>",
            "<</Type/Page>>",
            "no page",
            "<</Type/Page>>",
        ]);
        let mut file = Partial::open(&pdf).unwrap();
        assert_eq!(page(&mut file, (2, 0), 2).unwrap(), (5, 0));
    }

    #[test]
    fn a_tree_whose_counts_do_not_add_up_is_an_error() {
        let trees = [
            // A node that holds itself: the walk must end.
            "<</Type/Pages/Count 2/Kids[2 0 R]>>",
            "<</Type/Pages/Count 3/Kids[3 0 R]>>",
            "<</Type/Pages/Count 1/Kids[]>>",
            "<</Type/Pages/Count 1/Kids[1 0 R]>>",
            "<</Type/Pages/Count -1/Kids[3 0 R]>>",
            "<</Type/Pages/Kids[3 0 R]>>",
        ];
        for tree in trees {
            let pdf = laid_out(&["<</Type/Catalog/Pages 2 0 R>>", tree, "<</Type/Page>>"]);
            let (pages, _) = pages_of(&pdf);
            assert!(pages.len() <= 1, "{tree}: {pages:?}");
        }
    }
}
