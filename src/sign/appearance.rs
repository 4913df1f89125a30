//! What a signed field shows: who signed and when, as text in the bundled font, embedded.
//!
//! Entry point: [`appearance`], a form XObject the size of the field. The PDF backend draws
//! the words as a one-page PDF ([`crate::pdf::stamp`]); its page's content becomes the
//! XObject's, and the objects its resources name (the subset font, the colour space) are
//! copied in with new numbers.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::BTreeMap;

/// A form XObject in `document`, `width` × `height` points, showing `lines` top to bottom.
pub fn appearance(
    document: &mut Document,
    width: f32,
    height: f32,
    lines: &[String],
) -> Result<ObjectId, String> {
    let stamp = crate::pdf::stamp(width, height, lines).map_err(|e| e.to_string())?;
    let drawn = Document::load_mem(&stamp).map_err(|e| e.to_string())?;
    let (content, resources) = page(&drawn).map_err(|e| e.to_string())?;
    let mut copier = Copier {
        from: &drawn,
        into: document,
        moved: BTreeMap::new(),
    };
    let resources = copier.copy(resources);
    let mut dictionary = content.dict.clone();
    dictionary.set("Type", Object::Name(b"XObject".to_vec()));
    dictionary.set("Subtype", Object::Name(b"Form".to_vec()));
    let bbox = [0.0, 0.0, width, height].map(Object::Real).to_vec();
    dictionary.set("BBox", Object::Array(bbox));
    dictionary.set("Resources", resources);
    let stream = Stream::new(dictionary, content.content.clone());
    Ok(document.add_object(stream))
}

/// The stamp's one page: its content stream, as written, and its resources.
fn page(drawn: &Document) -> lopdf::Result<(&Stream, &Object)> {
    let id = *drawn
        .get_pages()
        .get(&1)
        .ok_or(lopdf::Error::PageNumberNotFound(1))?;
    let page = drawn.get_dictionary(id)?;
    let content = drawn
        .get_object(page.get(b"Contents")?.as_reference()?)?
        .as_stream()?;
    Ok((content, page.get(b"Resources")?))
}

/// Copies objects of one document into another, each once, references renumbered.
struct Copier<'a> {
    from: &'a Document,
    into: &'a mut Document,
    /// Each object copied so far, by its number in `from`: its number in `into`.
    moved: BTreeMap<ObjectId, ObjectId>,
}

impl Copier<'_> {
    fn copy(&mut self, object: &Object) -> Object {
        match object {
            Object::Reference(id) => Object::Reference(self.copy_indirect(*id)),
            Object::Array(items) => Object::Array(items.iter().map(|o| self.copy(o)).collect()),
            Object::Dictionary(d) => Object::Dictionary(self.copy_dictionary(d)),
            Object::Stream(s) => {
                let mut stream = s.clone();
                stream.dict = self.copy_dictionary(&s.dict);
                Object::Stream(stream)
            }
            other => other.clone(),
        }
    }

    fn copy_dictionary(&mut self, dictionary: &Dictionary) -> Dictionary {
        dictionary
            .iter()
            .map(|(key, value)| (key.clone(), self.copy(value)))
            .collect()
    }

    /// The number of `id`'s copy; numbered before its content is copied, so an object that
    /// refers back to it is copied once.
    fn copy_indirect(&mut self, id: ObjectId) -> ObjectId {
        if let Some(&copied) = self.moved.get(&id) {
            return copied;
        }
        let new = self.into.new_object_id();
        self.moved.insert(id, new);
        let object = self
            .from
            .get_object(id)
            .map_or(Object::Null, |o| self.copy(o));
        self.into.objects.insert(new, object);
        new
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_shows_the_words_in_a_font_copied_from_the_stamp() {
        let mut document = Document::with_version("1.7");
        let lines = ["Signerat av Karin Berg".to_owned()];
        let id = appearance(&mut document, 136.0, 34.0, &lines).expect("an appearance");
        let form = document
            .get_object(id)
            .and_then(Object::as_stream)
            .expect("a stream");
        assert_eq!(
            form.dict.get(b"Subtype").and_then(Object::as_name).ok(),
            Some(&b"Form"[..])
        );
        let resolve = |object: &Object| -> Dictionary {
            let (_, object) = document.dereference(object).expect("resolvable");
            object.as_dict().expect("a dictionary").clone()
        };
        let resources = resolve(form.dict.get(b"Resources").expect("resources"));
        let fonts = resolve(
            resources
                .get(b"Font")
                .expect("the appearance names its font"),
        );
        let (_, font) = fonts.iter().next().expect("one font");
        let font = document
            .get_dictionary(font.as_reference().expect("a reference"))
            .expect("the font was copied");
        assert!(
            font.has(b"ToUnicode") && font.has(b"DescendantFonts"),
            "{font:?}"
        );
        let embedded = document
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.has(b"FontFile2"))
            .count();
        assert_eq!(embedded, 1, "the font program came along");
    }
}
