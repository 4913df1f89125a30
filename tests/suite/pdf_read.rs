//! Reading a built PDF back in Rust, as a reader's software does: the text of its pages and
//! their lines, its page count, its fonts, the files it carries and its structure tree with
//! each element's text, so that `cargo test` needs no program besides Rust.
//!
//! Built on lopdf, which kvartal already uses to read PDFs. The text is decoded here, with
//! each font's ToUnicode CMap, by walking the content streams: lopdf 0.38's own
//! `extract_text` refuses krilla's CMaps (its CMap parser stops at their `/CMapVersion` and
//! `/WMode` entries) and places no spaces between pieces of text drawn apart.

use crate::support::normalise;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::rc::Rc;

/// The PDF's text, page by page in the order it is drawn, with all white space made single
/// spaces and words hyphenated at a line's end joined again (see [`normalise`]).
pub fn pdf_text(path: &Path) -> String {
    let document = open(path);
    normalise(&joined(&pieces(&document)))
}

/// The lines of `page` (1-based), top to bottom: the pieces of text drawn on one baseline,
/// left to right, a space between two that stand apart.
pub fn pdf_page_lines(path: &Path, page: usize) -> Vec<String> {
    let document = open(path);
    let mut on_page: Vec<Piece> = pieces(&document)
        .into_iter()
        .filter(|piece| piece.page == page)
        .collect();
    on_page.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Vec<Piece>> = Vec::new();
    for piece in on_page {
        match lines.last_mut() {
            Some(line) if same_line(&line[0], &piece) => line.push(piece),
            _ => lines.push(vec![piece]),
        }
    }
    lines
        .iter_mut()
        .map(|line| {
            line.sort_by(|a, b| a.x.total_cmp(&b.x));
            joined(line.iter())
        })
        .collect()
}

/// How many pages the PDF has.
pub fn pdf_page_count(path: &Path) -> usize {
    open(path).get_pages().len()
}

/// A font the PDF's pages use, with what a viewer needs of it.
#[derive(Debug)]
pub struct Font {
    /// The `/BaseFont`, with its subset tag (`ABCDEF+Carlito`) when it is a subset.
    pub name: String,
    /// The font program is in the file, so every viewer shows the same glyphs.
    pub embedded: bool,
    /// The name carries a subset tag: only the glyphs used are embedded.
    pub subset: bool,
    /// It has a ToUnicode CMap, so its text can be copied, searched and read aloud.
    pub unicode: bool,
}

impl Font {
    /// The font's name without its subset tag: `Carlito`, `NotoSerif-Bold`.
    pub fn face(&self) -> &str {
        match self.name.split_once('+') {
            Some((tag, face)) if self.subset && tag.len() == 6 => face,
            _ => &self.name,
        }
    }
}

/// Every font on the PDF's pages and in the forms they draw, each once, in the order met.
pub fn pdf_fonts(path: &Path) -> Vec<Font> {
    let document = open(path);
    // Fonts and forms already read, by object number (a form may draw itself).
    let mut seen = HashSet::new();
    let mut fonts = Vec::new();
    for page in document.get_pages().into_values() {
        let mut resources = vec![page_resources(&document, page)];
        while let Some(dictionary) = resources.pop() {
            for value in entries(&document, dictionary, b"Font") {
                if let Ok((id, Object::Dictionary(font))) = document.dereference(value)
                    && id.is_none_or(|id| seen.insert(id))
                {
                    fonts.push(font_facts(&document, font));
                }
            }
            for value in entries(&document, dictionary, b"XObject") {
                if let Ok((id, Object::Stream(form))) = document.dereference(value)
                    && id.is_none_or(|id| seen.insert(id))
                    && let Ok(inner) = dict(&document, form.dict.get(b"Resources"))
                {
                    resources.push(inner);
                }
            }
        }
    }
    fonts
}

/// The files the PDF carries as a viewer lists them (the `EmbeddedFiles` name tree), each
/// as its name and bytes, decoded by the same code `kvartal verify` reads them with.
pub fn pdf_attachments(path: &Path) -> Vec<(String, Vec<u8>)> {
    let document = open(path);
    let catalog = document.catalog().expect("a document catalog");
    let Ok(tree) = dict(&document, catalog.get(b"Names"))
        .and_then(|names| dict(&document, names.get(b"EmbeddedFiles")))
    else {
        return Vec::new();
    };
    let mut files = Vec::new();
    let mut nodes = vec![tree];
    while let Some(node) = nodes.pop() {
        if let Ok(names) = array(&document, node.get(b"Names")) {
            // Keys and values alternate: the key is the tree's, the file's name its own.
            for spec in names.iter().skip(1).step_by(2) {
                files.push(kvartal::pdf::attached_file(&document, spec).expect("a readable file"));
            }
        }
        if let Ok(kids) = array(&document, node.get(b"Kids")) {
            nodes.extend(
                kids.iter()
                    .rev()
                    .filter_map(|kid| dict(&document, Ok(kid)).ok()),
            );
        }
    }
    files
}

/// An element of the PDF's structure tree, as a screen reader meets it.
#[derive(Debug)]
pub struct Element {
    /// The structure type: `H1`, `P`, `Table`, `TR`, `TH`, `Figure`, …
    pub kind: String,
    /// Its attributes (`/A`), such as `("Scope", "Column")`, names without their slash.
    pub attributes: Vec<(String, String)>,
    /// Its alternative text (`/Alt`), if it has one.
    pub alt: Option<String>,
    /// The text of its marked content and that of its descendants, in order, with white
    /// space made single spaces.
    pub text: String,
    /// Its child elements, in order.
    pub children: Vec<Element>,
}

impl Element {
    /// The value of the attribute `key`, if the element has it.
    pub fn attribute(&self, key: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value.as_str())
    }

    /// This element and all below it, depth first in document order.
    pub fn elements(&self) -> Vec<&Element> {
        let mut all = vec![self];
        for child in &self.children {
            all.extend(child.elements());
        }
        all
    }
}

/// The PDF's structure tree: an element of kind `StructTreeRoot` holding the document's.
pub fn pdf_structure(path: &Path) -> Element {
    let document = open(path);
    let pieces = pieces(&document);
    let mut marked: HashMap<(ObjectId, i64), Vec<&Piece>> = HashMap::new();
    for piece in &pieces {
        if let Some(mcid) = piece.mcid {
            marked.entry(mcid).or_default().push(piece);
        }
    }
    let catalog = document.catalog().expect("a document catalog");
    let root = dict(&document, catalog.get(b"StructTreeRoot")).expect("a structure tree");
    let tree = Tree {
        document: &document,
        marked,
    };
    tree.element(root, None, 0).0
}

/// Each table row (`TR`) of the PDF's structure tree as the texts of its cells, joined by
/// spaces: what a screen reader reads row by row.
pub fn pdf_table_rows(path: &Path) -> Vec<String> {
    pdf_structure(path)
        .elements()
        .into_iter()
        .filter(|element| element.kind == "TR")
        .map(|row| {
            let cells: Vec<&str> = row.children.iter().map(|c| c.text.as_str()).collect();
            normalise(&cells.join(" "))
        })
        .collect()
}

/// The alternative texts of the PDF's structure elements (its figures), in document order.
pub fn pdf_alt_texts(path: &Path) -> Vec<String> {
    pdf_structure(path)
        .elements()
        .into_iter()
        .filter_map(|element| element.alt.clone())
        .collect()
}

/// The PDF at `path`, parsed.
fn open(path: &Path) -> Document {
    Document::load(path).unwrap_or_else(|e| panic!("{} is not a readable PDF: {e}", path.display()))
}

/// The dictionary `object` is or refers to.
fn dict<'a>(
    document: &'a Document,
    object: lopdf::Result<&'a Object>,
) -> lopdf::Result<&'a Dictionary> {
    document.dereference(object?)?.1.as_dict()
}

/// The array `object` is or refers to.
fn array<'a>(
    document: &'a Document,
    object: lopdf::Result<&'a Object>,
) -> lopdf::Result<&'a Vec<Object>> {
    document.dereference(object?)?.1.as_array()
}

/// The values of the sub-dictionary `key` of `resources` (its fonts, its forms).
fn entries<'a>(document: &'a Document, resources: &'a Dictionary, key: &[u8]) -> Vec<&'a Object> {
    dict(document, resources.get(key))
        .map(|d| d.iter().map(|(_, value)| value).collect())
        .unwrap_or_default()
}

/// A page's resources, its own or the nearest inherited from the page tree.
fn page_resources(document: &Document, page: ObjectId) -> &Dictionary {
    let mut node = document.get_dictionary(page).expect("a page dictionary");
    loop {
        if let Ok(resources) = dict(document, node.get(b"Resources")) {
            return resources;
        }
        node = dict(document, node.get(b"Parent")).expect("a page has resources");
    }
}

/// What `font` tells a viewer: its name, whether it is embedded, a subset, mapped to Unicode.
fn font_facts(document: &Document, font: &Dictionary) -> Font {
    let name = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    // A composite font's program is described by its descendant; a Type 3 font's glyphs
    // are content streams in the file itself.
    let described = match array(document, font.get(b"DescendantFonts")) {
        Ok(descendants) => dict(document, Ok(&descendants[0])).expect("a descendant font"),
        Err(_) => font,
    };
    let descriptor = dict(document, described.get(b"FontDescriptor"));
    let embedded = font
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Type3")
        || descriptor.is_ok_and(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|key| d.has(key))
        });
    let subset = name
        .split_once('+')
        .is_some_and(|(tag, _)| tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()));
    Font {
        unicode: font.has(b"ToUnicode"),
        name,
        embedded,
        subset,
    }
}

/// One text-showing operation (`Tj`, `TJ`, …) as drawn: its text and its baseline, in
/// points from the page's lower left corner.
#[derive(Clone, Debug)]
struct Piece {
    /// The page it is drawn on, 1-based.
    page: usize,
    /// The marked content it is in: the stream (page or form) and its MCID.
    mcid: Option<(ObjectId, i64)>,
    text: String,
    /// Where the text starts and where the next glyph would start.
    x: f32,
    y: f32,
    end_x: f32,
    /// The font size on the page, to judge gaps by.
    size: f32,
}

/// Whether `b` sits on `a`'s line: baselines less than half a font size apart.
fn same_line(a: &Piece, b: &Piece) -> bool {
    (a.y - b.y).abs() < 0.5 * a.size.min(b.size)
}

/// The pieces' texts in order: a piece that starts where the one before ends joins it (one
/// word in two styles), one further along its line follows after a space, and one on
/// another line after a line break.
fn joined<'a>(pieces: impl IntoIterator<Item = &'a Piece>) -> String {
    let mut text = String::new();
    let mut previous: Option<&Piece> = None;
    for piece in pieces {
        if let Some(before) = previous {
            let gap = piece.x - before.end_x;
            if !same_line(before, piece) {
                text.push('\n');
            } else if gap.abs() > 0.15 * before.size.min(piece.size) {
                text.push(' ');
            }
        }
        text.push_str(&piece.text);
        previous = Some(piece);
    }
    text
}

/// Every piece of text in the PDF, page by page in the order drawn.
fn pieces(document: &Document) -> Vec<Piece> {
    let mut reader = Reader {
        document,
        fonts: HashMap::new(),
        pieces: Vec::new(),
        marks: Vec::new(),
        page: 0,
    };
    for (number, page) in document.get_pages() {
        reader.page = number as usize;
        let content = document.get_page_content(page).expect("the page's content");
        let resources = page_resources(document, page);
        reader.run(&content, resources, page, IDENTITY, 0);
    }
    reader.pieces
}

/// A transformation matrix `[a b c d e f]`, as in a PDF.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` followed by `n`: a point is transformed by `m`, then by `n`.
fn then(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

/// A move by `x` and `y`.
fn translation(x: f32, y: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

/// The matrix the operands give.
fn matrix(operands: &[Object]) -> Matrix {
    let mut m = IDENTITY;
    for (value, operand) in m.iter_mut().zip(operands) {
        *value = number(operand);
    }
    m
}

/// A number operand or array entry; anything else counts as 0.
fn number(object: &Object) -> f32 {
    object.as_float().unwrap_or(0.0)
}

/// A font's codes as text and widths.
struct Codes {
    /// Bytes per code: 2 for a composite font (Identity-H), 1 for a simple one.
    width: usize,
    /// The text each code stands for, from the ToUnicode CMap.
    unicode: HashMap<u32, String>,
    /// Glyph widths by code, in thousandths of the font size; `default` for the others.
    advances: HashMap<u32, f32>,
    default: f32,
}

impl Codes {
    /// What a viewer needs to turn `font`'s codes into text and advances.
    fn of(document: &Document, font: &Dictionary) -> Codes {
        let unicode = font
            .get(b"ToUnicode")
            .and_then(|cmap| document.dereference(cmap))
            .and_then(|(_, cmap)| cmap.as_stream())
            .and_then(|cmap| cmap.get_plain_content())
            .map(|cmap| to_unicode(&cmap))
            .unwrap_or_default();
        let mut advances = HashMap::new();
        if let Ok(descendants) = array(document, font.get(b"DescendantFonts")) {
            let cid_font = dict(document, Ok(&descendants[0])).expect("a descendant font");
            let widths = array(document, cid_font.get(b"W"))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let mut at = 0;
            // `first [w1 w2 …]` or `first last w`.
            while at + 1 < widths.len() {
                let first = widths[at].as_i64().unwrap_or(0) as u32;
                if let Ok(list) = array(document, Ok(&widths[at + 1])) {
                    for (i, w) in list.iter().enumerate() {
                        advances.insert(first + i as u32, number(w));
                    }
                    at += 2;
                } else {
                    let last = widths[at + 1].as_i64().unwrap_or(0) as u32;
                    let w = widths.get(at + 2).map(number).unwrap_or(0.0);
                    advances.extend((first..=last).map(|code| (code, w)));
                    at += 3;
                }
            }
            let default = cid_font.get(b"DW").map(number).unwrap_or(1000.0);
            return Codes {
                width: 2,
                unicode,
                advances,
                default,
            };
        }
        // A simple font; a Type 3 font's widths are in its own glyph space.
        let scale = array(document, font.get(b"FontMatrix"))
            .map(|m| number(&m[0]) * 1000.0)
            .unwrap_or(1.0);
        let first = font.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0) as u32;
        if let Ok(widths) = array(document, font.get(b"Widths")) {
            for (i, w) in widths.iter().enumerate() {
                advances.insert(first + i as u32, number(w) * scale);
            }
        }
        Codes {
            width: 1,
            unicode,
            advances,
            default: 0.0,
        }
    }

    /// Each code in `bytes`: its text (U+FFFD where the font maps none) and its advance.
    fn decode(&self, bytes: &[u8]) -> Vec<(u32, String, f32)> {
        bytes
            .chunks(self.width)
            .map(|bytes| {
                let code = code(bytes);
                let text = self
                    .unicode
                    .get(&code)
                    .cloned()
                    .unwrap_or_else(|| "\u{fffd}".into());
                let advance = self.advances.get(&code).copied().unwrap_or(self.default);
                (code, text, advance)
            })
            .collect()
    }
}

/// The mappings of a ToUnicode CMap, code to text. Only `bfchar` sections are read: they are
/// all krilla (pdf-writer) writes, and a code a CMap maps otherwise shows as U+FFFD, which
/// no test expects.
fn to_unicode(cmap: &[u8]) -> HashMap<u32, String> {
    let cmap = String::from_utf8_lossy(cmap);
    let mut map = HashMap::new();
    for section in cmap.split("beginbfchar").skip(1) {
        let section = section.split("endbfchar").next().unwrap_or("");
        // `<code> <UTF-16BE text>` pairs.
        let hex: Vec<Vec<u8>> = section
            .split('<')
            .skip(1)
            .filter_map(|s| s.split_once('>'))
            .map(|(digits, _)| {
                (0..digits.len() / 2)
                    .filter_map(|i| u8::from_str_radix(&digits[2 * i..2 * i + 2], 16).ok())
                    .collect()
            })
            .collect();
        for pair in hex.chunks_exact(2) {
            let units: Vec<u16> = pair[1]
                .chunks_exact(2)
                .map(|unit| u16::from_be_bytes([unit[0], unit[1]]))
                .collect();
            map.insert(code(&pair[0]), String::from_utf16_lossy(&units));
        }
    }
    map
}

/// A character code's bytes as a number, the first byte highest.
fn code(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |n, &b| n << 8 | u32::from(b))
}

/// The marked content the drawing is inside, from a `BDC` or `BMC` to its `EMC`.
struct Mark {
    mcid: Option<(ObjectId, i64)>,
    /// The `/ActualText` that stands for what is drawn inside, and the first piece drawn.
    actual: Option<(String, usize)>,
}

/// The text state of a content stream: font, size, spacing and matrices.
#[derive(Clone)]
struct TextState {
    font: Option<Rc<Codes>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// Horizontal scaling as a fraction.
    scale: f32,
    /// The text matrix, and the text line matrix (where the line started).
    matrix: Matrix,
    line: Matrix,
}

/// Walks content streams, collecting the pieces of text they draw.
struct Reader<'a> {
    document: &'a Document,
    fonts: HashMap<ObjectId, Rc<Codes>>,
    pieces: Vec<Piece>,
    marks: Vec<Mark>,
    page: usize,
}

impl<'a> Reader<'a> {
    /// Runs one content stream: `owner` is the page or form it belongs to (whose MCIDs it
    /// numbers), `ctm` the transformation it starts with.
    fn run(
        &mut self,
        content: &[u8],
        resources: &'a Dictionary,
        owner: ObjectId,
        ctm: Matrix,
        depth: usize,
    ) {
        let operations = Content::decode(content)
            .expect("a content stream")
            .operations;
        let mut ctm = ctm;
        let mut saved = Vec::new();
        let mut state = TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            matrix: IDENTITY,
            line: IDENTITY,
        };
        for operation in &operations {
            let operands = &operation.operands;
            let operand = |i: usize| operands.get(i).map(number).unwrap_or(0.0);
            match operation.operator.as_str() {
                "q" => saved.push((ctm, state.clone())),
                "Q" => (ctm, state) = saved.pop().unwrap_or((ctm, state)),
                "cm" => ctm = then(matrix(operands), ctm),
                "BT" => (state.matrix, state.line) = (IDENTITY, IDENTITY),
                "Tf" => {
                    let name = operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .unwrap_or(b"");
                    state.font = self.font(resources, name);
                    state.size = operand(1);
                }
                "Tc" => state.char_spacing = operand(0),
                "Tw" => state.word_spacing = operand(0),
                "Tz" => state.scale = operand(0) / 100.0,
                "Td" => {
                    state.line = then(translation(operand(0), operand(1)), state.line);
                    state.matrix = state.line;
                }
                "Tm" => (state.matrix, state.line) = (matrix(operands), matrix(operands)),
                "Tj" => self.show(&mut state, ctm, operands),
                "TJ" => {
                    let parts = operands.first().and_then(|a| a.as_array().ok());
                    self.show(&mut state, ctm, parts.map(Vec::as_slice).unwrap_or(&[]));
                }
                "BMC" => self.marks.push(Mark {
                    mcid: None,
                    actual: None,
                }),
                "BDC" => self.marks.push(self.mark(operands, resources, owner)),
                "EMC" => self.end_mark(),
                "Do" if depth < 16 => self.form(operands, resources, ctm, depth),
                // Line-by-line positioning krilla never writes: read it here before relying on it.
                op @ ("TD" | "T*" | "TL" | "'" | "\"") => panic!("{op} is not read"),
                _ => {}
            }
        }
    }

    /// Runs the form XObject `Do` draws, if it is one (an image holds no text), inside the
    /// transformation `ctm` and its own matrix.
    fn form(&mut self, operands: &[Object], resources: &'a Dictionary, ctm: Matrix, depth: usize) {
        let name = operands.first().and_then(|n| n.as_name().ok());
        let form = dict(self.document, resources.get(b"XObject"))
            .and_then(|x| x.get(name.unwrap_or(b"")))
            .and_then(|f| self.document.dereference(f));
        let Ok((Some(id), Object::Stream(form))) = form else {
            return;
        };
        if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let inner = dict(self.document, form.dict.get(b"Resources")).unwrap_or(resources);
        let own = form.dict.get(b"Matrix").and_then(Object::as_array);
        let to_page = then(own.map(|m| matrix(m)).unwrap_or(IDENTITY), ctm);
        let content = form.get_plain_content().expect("a form's content");
        self.run(&content, inner, id, to_page, depth + 1);
    }

    /// The marked content a `BDC` starts: its MCID in `owner`'s numbering and its
    /// `/ActualText`, from properties inline or named in `resources`.
    fn mark(&self, operands: &[Object], resources: &Dictionary, owner: ObjectId) -> Mark {
        let properties = match operands.get(1) {
            Some(Object::Name(name)) => dict(self.document, resources.get(b"Properties"))
                .and_then(|p| dict(self.document, p.get(name)))
                .ok(),
            Some(other) => dict(self.document, Ok(other)).ok(),
            None => None,
        };
        let get = |key: &[u8]| properties.and_then(|p| p.get(key).ok());
        Mark {
            mcid: get(b"MCID")
                .and_then(|m| m.as_i64().ok())
                .map(|m| (owner, m)),
            actual: get(b"ActualText")
                .and_then(|t| t.as_str().ok())
                .map(|text| (kvartal::pdf::text_of(text), self.pieces.len())),
        }
    }

    /// The codes of the font `name` in `resources`, read once per font.
    fn font(&mut self, resources: &Dictionary, name: &[u8]) -> Option<Rc<Codes>> {
        let (id, font) = dict(self.document, resources.get(b"Font"))
            .and_then(|fonts| fonts.get(name))
            .and_then(|font| self.document.dereference(font))
            .ok()?;
        let font = font.as_dict().ok()?;
        match id {
            Some(id) => Some(
                self.fonts
                    .entry(id)
                    .or_insert_with(|| Rc::new(Codes::of(self.document, font)))
                    .clone(),
            ),
            None => Some(Rc::new(Codes::of(self.document, font))),
        }
    }

    /// Draws the strings among `parts` (a `TJ` array's numbers move the next glyph back by
    /// thousandths of the font size) as one piece, moving the text matrix past them.
    fn show(&mut self, state: &mut TextState, ctm: Matrix, parts: &[Object]) {
        let Some(font) = state.font.clone() else {
            return;
        };
        let start = then(state.matrix, ctm);
        let mut text = String::new();
        for part in parts {
            let advance = match part {
                Object::String(bytes, _) => font
                    .decode(bytes)
                    .into_iter()
                    .map(|(code, glyph, width)| {
                        text.push_str(&glyph);
                        let word = if font.width == 1 && code == 32 {
                            state.word_spacing
                        } else {
                            0.0
                        };
                        (width / 1000.0 * state.size + state.char_spacing + word) * state.scale
                    })
                    .sum(),
                other => -number(other) / 1000.0 * state.size * state.scale,
            };
            state.matrix = then(translation(advance, 0.0), state.matrix);
        }
        let end = then(state.matrix, ctm);
        let mcid = self.marks.iter().rev().find_map(|mark| mark.mcid);
        self.pieces.push(Piece {
            page: self.page,
            mcid,
            text,
            x: start[4],
            y: start[5],
            end_x: end[4],
            size: state.size * start[2].hypot(start[3]),
        });
    }

    /// Closes the innermost marked content: what was drawn inside an `/ActualText` becomes
    /// one piece of that text, as a viewer copies it.
    fn end_mark(&mut self) {
        let Some(Mark {
            actual: Some((text, first)),
            ..
        }) = self.marks.pop()
        else {
            return;
        };
        let drawn = self.pieces.split_off(first.min(self.pieces.len()));
        if let (Some(start), Some(end)) = (drawn.first(), drawn.last()) {
            let piece = Piece {
                text,
                end_x: end.end_x,
                ..start.clone()
            };
            self.pieces.push(piece);
        }
    }
}

/// Builds the structure tree's elements with the text their marked content shows.
struct Tree<'a> {
    document: &'a Document,
    marked: HashMap<(ObjectId, i64), Vec<&'a Piece>>,
}

impl<'a> Tree<'a> {
    /// The element `node` on page `page` (its own `/Pg` or its parent's), with the pieces of
    /// text it holds, in order.
    fn element(
        &self,
        node: &'a Dictionary,
        page: Option<ObjectId>,
        depth: usize,
    ) -> (Element, Vec<&'a Piece>) {
        assert!(
            depth < 100,
            "the structure tree is deeper than any kvartal writes"
        );
        let page = node.get(b"Pg").and_then(Object::as_reference).ok().or(page);
        let kind = node
            .get(b"S")
            .and_then(Object::as_name)
            .map_or("StructTreeRoot".to_owned(), |s| {
                String::from_utf8_lossy(s).into_owned()
            });
        let mut children = Vec::new();
        let mut pieces = Vec::new();
        let kids = match node.get(b"K").and_then(|k| self.document.dereference(k)) {
            Ok((_, Object::Array(kids))) => kids.iter().collect(),
            Ok((_, kid)) => vec![kid],
            Err(_) => Vec::new(),
        };
        for kid in kids {
            let kid = self
                .document
                .dereference(kid)
                .map(|(_, k)| k)
                .unwrap_or(kid);
            match kid {
                Object::Integer(mcid) => {
                    let owner = page.expect("marked content on a page");
                    pieces.extend(self.marked.get(&(owner, *mcid)).into_iter().flatten());
                }
                Object::Dictionary(kid) if kid.has(b"S") => {
                    let (child, text) = self.element(kid, page, depth + 1);
                    children.push(child);
                    pieces.extend(text);
                }
                Object::Dictionary(reference) => {
                    // A marked-content reference (`/MCR`), in a form (`/Stm`) or on a page;
                    // an object reference (`/OBJR`, a link or a field) holds no text.
                    if let Ok(mcid) = reference.get(b"MCID").and_then(Object::as_i64) {
                        let owner = reference
                            .get(b"Stm")
                            .or_else(|_| reference.get(b"Pg"))
                            .and_then(Object::as_reference)
                            .ok()
                            .or(page)
                            .expect("marked content on a page");
                        pieces.extend(self.marked.get(&(owner, mcid)).into_iter().flatten());
                    }
                }
                _ => {}
            }
        }
        let attributes = self.attributes(node);
        let alt = node
            .get(b"Alt")
            .and_then(Object::as_str)
            .ok()
            .map(kvartal::pdf::text_of);
        let text = normalise(&joined(pieces.iter().copied()));
        (
            Element {
                kind,
                attributes,
                alt,
                text,
                children,
            },
            pieces,
        )
    }

    /// An element's attributes: every entry but the owner of each attribute dictionary.
    fn attributes(&self, node: &Dictionary) -> Vec<(String, String)> {
        let sets = match node.get(b"A").and_then(|a| self.document.dereference(a)) {
            Ok((_, Object::Array(sets))) => sets.iter().collect(),
            Ok((_, set)) => vec![set],
            Err(_) => Vec::new(),
        };
        let mut attributes = Vec::new();
        for set in sets {
            let Ok(set) = dict(self.document, Ok(set)) else {
                continue; // a revision number
            };
            for (key, value) in set.iter().filter(|(key, _)| key.as_slice() != b"O") {
                let value = match value {
                    Object::Name(name) => String::from_utf8_lossy(name).into_owned(),
                    Object::String(text, _) => kvartal::pdf::text_of(text),
                    Object::Integer(n) => n.to_string(),
                    Object::Real(n) => n.to_string(),
                    other => format!("{other:?}"),
                };
                attributes.push((String::from_utf8_lossy(key).into_owned(), value));
            }
        }
        attributes
    }
}
