//! The bundled font family, compiled into the binary so an installed `kvartal` needs no
//! fonts on the machine.
//!
//! Carlito (SIL Open Font License, `fonts/OFL.txt`) covers Swedish, Norwegian, Danish,
//! Finnish and Sámi letters, and is metric-compatible with Calibri: a DOCX that names
//! Calibri breaks its lines where the PDF does.

/// The family name of the bundled fonts.
pub const FAMILY: &str = "Carlito";
/// The font every Office installation has with the same metrics as [`FAMILY`].
pub const OFFICE_FAMILY: &str = "Calibri";

const REGULAR: &[u8] = include_bytes!("../../fonts/Carlito-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/Carlito-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../fonts/Carlito-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../fonts/Carlito-BoldItalic.ttf");

/// One of the four faces of the bundled family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub fn of(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }

    /// The font file's bytes.
    pub fn data(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
            Face::BoldItalic => BOLD_ITALIC,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}
