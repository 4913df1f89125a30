//! krilla's file read only where an incremental update needs it.
//!
//! Entry point: [`Partial`]. Parsing every object of a file costs milliseconds for an
//! example report and seconds for a long one, while the signature fields touch a handful.
//! krilla (through pdf-writer) ends its file with one classic cross-reference table, a
//! single subsection of fixed-width entries, so an object's offset is a look-up and lopdf's
//! own parser reads the object there. Anything else (a cross-reference stream, earlier
//! updates, encryption) is not krilla's output and is refused rather than guessed at.

use lopdf::xref::{Xref, XrefEntry, XrefType};
use lopdf::{Dictionary, Document, Object, ObjectId, Reader};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// Why the file could not be read as krilla writes it.
#[derive(Debug)]
pub enum Unreadable {
    /// lopdf could not parse or find something.
    Lopdf(lopdf::Error),
    /// The file is not laid out the way krilla writes it.
    Unexpected(String),
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unreadable::Lopdf(error) => error.fmt(f),
            Unreadable::Unexpected(what) => f.write_str(what),
        }
    }
}

impl From<lopdf::Error> for Unreadable {
    fn from(error: lopdf::Error) -> Self {
        Unreadable::Lopdf(error)
    }
}

/// An [`Unreadable::Unexpected`] saying `what` the file has instead.
fn unexpected(what: impl Into<String>) -> Unreadable {
    Unreadable::Unexpected(what.into())
}

/// A PDF whose objects are parsed one at a time, when first asked for.
pub struct Partial<'a> {
    pdf: &'a [u8],
    table: Table,
    /// The trailer, the highest object number and the objects parsed so far.
    document: Document,
}

impl<'a> Partial<'a> {
    /// `pdf` with its cross-reference table and trailer read, and no object parsed yet.
    pub fn open(pdf: &'a [u8]) -> Result<Partial<'a>, Unreadable> {
        if !pdf.starts_with(b"%PDF-") {
            return Err(unexpected("the file does not start with %PDF-"));
        }
        let xref_start = xref_start(pdf)?;
        let table = Table::read(pdf, xref_start)?;
        let trailer = trailer(pdf, table.end)?;
        for key in [&b"Prev"[..], b"XRefStm", b"Encrypt"] {
            if trailer.has(key) {
                let key = String::from_utf8_lossy(key);
                return Err(unexpected(format!("the trailer has /{key}")));
            }
        }
        let mut document = Document::new();
        // What `IncrementalDocument` carries over from the file it updates: the trailer
        // (with `Prev` pointing here), the highest object number and the kind of table.
        document.max_id = table.max_id(pdf)?;
        document.trailer = trailer;
        document.xref_start = xref_start;
        document.reference_table = Xref::new(table.count, XrefType::CrossReferenceTable);
        Ok(Partial {
            pdf,
            table,
            document,
        })
    }

    /// The trailer dictionary.
    pub fn trailer(&self) -> &Dictionary {
        &self.document.trailer
    }

    /// The dictionary that is object `id`, parsed on the first call.
    pub fn dictionary(&mut self, id: ObjectId) -> Result<&Dictionary, Unreadable> {
        if !self.document.objects.contains_key(&id) {
            let object = object(self.table.bytes_from(self.pdf, id)?, id)?;
            self.document.objects.insert(id, object);
        }
        Ok(self.document.get_dictionary(id)?)
    }

    /// The file as a lopdf document holding only the objects asked for, for
    /// `IncrementalDocument::create_from`.
    pub fn into_document(self) -> Document {
        self.document
    }
}

/// The indirect object `id` at the start of `bytes`, parsed by lopdf.
///
/// lopdf's reader is handed only the bytes from the object on: its parser counts the
/// lines before where it starts, which over a whole file costs more than the parsing.
/// Its reader also finds the object through its own table, so it gets this one entry.
fn object(bytes: &[u8], id: ObjectId) -> Result<Object, Unreadable> {
    let mut document = Document::new();
    let entry = XrefEntry::Normal {
        offset: 0,
        generation: id.1,
    };
    document.reference_table.insert(id.0, entry);
    let reader = Reader {
        buffer: bytes,
        document,
        encryption_state: None,
        raw_objects: BTreeMap::new(),
    };
    Ok(reader.get_object(id, &mut HashSet::new())?)
}

/// The offset `startxref` names, near the end of the file.
fn xref_start(pdf: &[u8]) -> Result<usize, Unreadable> {
    const KEYWORD: &[u8] = b"startxref";
    // pdf-writer ends with `startxref`, the offset and `%%EOF`: well inside the last bytes.
    let tail = pdf.len().saturating_sub(64);
    let at = find_last(&pdf[tail..], KEYWORD)
        .ok_or_else(|| unexpected("no startxref at the end of the file"))?;
    let after = &pdf[tail + at + KEYWORD.len()..];
    let digits = after.trim_ascii_start();
    let end = digits
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    number(&digits[..end])
        .filter(|&offset| offset < pdf.len())
        .ok_or_else(|| unexpected("startxref names no offset in the file"))
}

/// Where `needle` last occurs in `haystack`.
fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// A run of ASCII digits as a number; `None` if empty, not digits, or too large.
fn number(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// The classic cross-reference table as pdf-writer writes it: `xref`, one subsection
/// `0 count`, then `count` entries of exactly 20 bytes (`oooooooooo ggggg n` and a
/// two-byte line end), so entry `n` is found without reading the others.
struct Table {
    /// Offset of entry 0.
    entries: usize,
    /// Entries in the subsection: the highest object number plus one.
    count: u32,
    /// Offset just past the last entry, where `trailer` follows.
    end: usize,
}

/// The length of one entry, which the format fixes.
const ENTRY: usize = 20;

/// One entry of the table.
struct Entry {
    offset: usize,
    generation: u16,
    in_use: bool,
}

impl Table {
    /// The table at `start`.
    fn read(pdf: &[u8], start: usize) -> Result<Table, Unreadable> {
        let not_a_table = || unexpected("no cross-reference table where startxref points");
        let rest = pdf.get(start..).ok_or_else(not_a_table)?;
        let rest = rest.strip_prefix(b"xref").ok_or_else(not_a_table)?;
        let rest = skip_line_end(rest).ok_or_else(not_a_table)?;
        let header_end = rest
            .iter()
            .position(|&b| b == b'\r' || b == b'\n')
            .ok_or_else(not_a_table)?;
        let (first, count) = subsection(&rest[..header_end]).ok_or_else(not_a_table)?;
        if first != 0 {
            return Err(unexpected(
                "a cross-reference subsection that does not start at 0",
            ));
        }
        let entries_rest = skip_line_end(&rest[header_end..]).ok_or_else(not_a_table)?;
        let entries = pdf.len() - entries_rest.len();
        let end = (count as usize)
            .checked_mul(ENTRY)
            .and_then(|length| entries.checked_add(length))
            .filter(|&end| end <= pdf.len())
            .ok_or_else(|| unexpected("a cross-reference table longer than the file"))?;
        if !pdf[end..].trim_ascii_start().starts_with(b"trailer") {
            return Err(unexpected(
                "more than one cross-reference subsection, or no trailer after it",
            ));
        }
        Ok(Table {
            entries,
            count,
            end,
        })
    }

    /// Entry `number`, checked against the format.
    fn entry(&self, pdf: &[u8], number: u32) -> Result<Entry, Unreadable> {
        let bad = || {
            unexpected(format!(
                "a malformed cross-reference entry for object {number}"
            ))
        };
        if number >= self.count {
            return Err(unexpected(format!("no object {number} in the file")));
        }
        let at = self.entries + number as usize * ENTRY;
        let bytes = pdf.get(at..at + ENTRY).ok_or_else(bad)?;
        let line_end = matches!(&bytes[18..], b"\r\n" | b" \n" | b" \r");
        if bytes[10] != b' ' || bytes[16] != b' ' || !line_end {
            return Err(bad());
        }
        let offset = number_of(&bytes[..10]).ok_or_else(bad)?;
        let generation = number_of(&bytes[11..16]).ok_or_else(bad)?;
        let in_use = match bytes[17] {
            b'n' => true,
            b'f' => false,
            _ => return Err(bad()),
        };
        Ok(Entry {
            offset,
            generation,
            in_use,
        })
    }

    /// `pdf` from object `id` on; the object must be in use with that generation.
    fn bytes_from<'p>(&self, pdf: &'p [u8], id: ObjectId) -> Result<&'p [u8], Unreadable> {
        let entry = self.entry(pdf, id.0)?;
        let missing = || unexpected(format!("object {} {} is not in the file", id.0, id.1));
        if !entry.in_use || entry.generation != id.1 {
            return Err(missing());
        }
        pdf.get(entry.offset..).ok_or_else(missing)
    }

    /// The highest object number in use, as lopdf counts it when it loads a whole file.
    fn max_id(&self, pdf: &[u8]) -> Result<u32, Unreadable> {
        // pdf-writer's last entry is always in use; the loop only looks further if not.
        for number in (1..self.count).rev() {
            if self.entry(pdf, number)?.in_use {
                return Ok(number);
            }
        }
        Err(unexpected("a cross-reference table with no object in use"))
    }
}

/// A number of a cross-reference entry, of the type it must fit.
fn number_of<T: TryFrom<usize>>(digits: &[u8]) -> Option<T> {
    T::try_from(number(digits)?).ok()
}

/// `bytes` after one line end (`\r\n`, `\n` or `\r`), or `None` if none starts it.
fn skip_line_end(bytes: &[u8]) -> Option<&[u8]> {
    bytes
        .strip_prefix(b"\r\n")
        .or_else(|| bytes.strip_prefix(b"\n"))
        .or_else(|| bytes.strip_prefix(b"\r"))
}

/// A subsection header, `first count`.
fn subsection(line: &[u8]) -> Option<(u32, u32)> {
    let mut words = line.trim_ascii().split(|&b| b == b' ');
    let first = number_of(words.next()?)?;
    let count = number_of(words.next()?)?;
    words.next().is_none().then_some((first, count))
}

/// The trailer dictionary after the table ending at `end`, parsed by lopdf.
fn trailer(pdf: &[u8], end: usize) -> Result<Dictionary, Unreadable> {
    let rest = pdf[end..].trim_ascii_start();
    let dictionary = rest
        .strip_prefix(b"trailer")
        .ok_or_else(|| unexpected("no trailer after the cross-reference table"))?;
    // lopdf parses a bare dictionary only inside its whole-file loader, so the trailer is
    // given to it as an indirect object of its own.
    let mut wrapped = b"0 0 obj".to_vec();
    wrapped.extend_from_slice(dictionary);
    match object(&wrapped, (0, 0))? {
        Object::Dictionary(dictionary) => Ok(dictionary),
        _ => Err(unexpected("a trailer that is not a dictionary")),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A file laid out as pdf-writer lays it out, with `objects` numbered from 1 (an
    /// empty one is a free number), a trailer with `/Root 1 0 R`, and no free list.
    pub(crate) fn laid_out(objects: &[&str]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec();
        let mut entries = String::from("0000000000 65535 f\r\n");
        for (index, object) in objects.iter().enumerate() {
            if object.is_empty() {
                entries.push_str("0000000000 00000 f\r\n");
            } else {
                entries.push_str(&format!("{:010} 00000 n\r\n", pdf.len()));
                let number = index + 1;
                pdf.extend_from_slice(format!("{number} 0 obj\n{object}\nendobj\n").as_bytes());
            }
        }
        let xref = pdf.len();
        let size = objects.len() + 1;
        pdf.extend_from_slice(format!("xref\n0 {size}\n{entries}").as_bytes());
        let trailer = format!("trailer\n<</Size {size}/Root 1 0 R/ID[(a)<62>]>>\n");
        pdf.extend_from_slice(trailer.as_bytes());
        pdf.extend_from_slice(format!("startxref\n{xref}\n%%EOF").as_bytes());
        pdf
    }

    /// Two objects with a free number between them.
    fn file() -> Vec<u8> {
        laid_out(&[
            "<</Type/Catalog/Pages 3 0 R>>",
            "",
            "<</Type/Pages/Count 0/Kids[]>>",
        ])
    }

    /// Where the table starts (`startxref` also ends in `xref`).
    fn table_start(pdf: &[u8]) -> usize {
        find_last(pdf, b"\nxref\n").unwrap() + 1
    }

    #[test]
    fn reads_the_trailer_and_only_the_objects_asked_for() {
        let pdf = file();
        let mut partial = Partial::open(&pdf).unwrap();
        assert_eq!(
            partial
                .trailer()
                .get(b"Root")
                .unwrap()
                .as_reference()
                .unwrap(),
            (1, 0)
        );
        let pages = partial.dictionary((1, 0)).unwrap().get(b"Pages").unwrap();
        assert_eq!(pages.as_reference().unwrap(), (3, 0));
        let document = partial.into_document();
        assert_eq!(document.objects.keys().collect::<Vec<_>>(), [&(1, 0)]);
        assert_eq!(document.max_id, 3);
        assert_eq!(document.xref_start, table_start(&pdf));
    }

    #[test]
    fn the_same_as_loading_the_whole_file() {
        let pdf = file();
        let whole = Document::load_mem(&pdf).unwrap();
        let mut partial = Partial::open(&pdf).unwrap();
        for id in [(1, 0), (3, 0)] {
            partial.dictionary(id).unwrap();
        }
        let partial = partial.into_document();
        assert_eq!(
            format!("{:?}", partial.trailer),
            format!("{:?}", whole.trailer)
        );
        assert_eq!(partial.max_id, whole.max_id);
        assert_eq!(partial.xref_start, whole.xref_start);
        assert_eq!(partial.objects, whole.objects);
    }

    #[test]
    fn a_free_or_missing_object_is_an_error() {
        let pdf = file();
        let mut partial = Partial::open(&pdf).unwrap();
        for id in [(2, 0), (4, 0), (1, 1)] {
            assert!(partial.dictionary(id).is_err(), "{id:?}");
        }
    }

    #[test]
    fn anything_but_krillas_layout_is_refused_without_a_panic() {
        let pdf = file();
        let xref = table_start(&pdf);
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"%PDF-1.7".to_vec(),
            pdf[..pdf.len() - 20].to_vec(),
            pdf[1..].to_vec(),
        ];
        // An xref stream where the table was, an earlier update, two subsections.
        let replace = |from: &[u8], to: &[u8]| {
            let at = find_last(&pdf, from).unwrap();
            [&pdf[..at], to, &pdf[at + from.len()..]].concat()
        };
        cases.push(replace(b"xref\n0 4", b"5 0 obj\n<<"));
        cases.push(replace(b"/Size 4", b"/Size 4/Prev 10"));
        cases.push(replace(b"0 4\n", b"0 2\n"));
        cases.push(replace(b"0 4\n", b"0 9\n"));
        cases.push(replace(b"00000 n\r\ntrailer", b"00000 x\r\ntrailer"));
        cases.push(replace(
            &format!("startxref\n{xref}").into_bytes(),
            b"startxref\n99999",
        ));
        for case in cases {
            assert!(
                Partial::open(&case).is_err(),
                "{}",
                String::from_utf8_lossy(&case)
            );
        }
    }
}
