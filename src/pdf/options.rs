//! What the caller chooses about the PDF: which standards it must meet.

use chrono::NaiveDate;
use krilla::configure::{Accessibility, Archival, Configuration, ConfigurationBuilder};

/// The PDF standards a file is written and validated to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfStandard {
    /// PDF/A-2a (archivable, tagged) and PDF/UA-1 (accessible): the default for publishing.
    #[default]
    A2aUa1,
    /// PDF/A-2b: archivable, visual appearance only.
    A2b,
    /// PDF/A-3a and PDF/UA-1: as the default, and allows attached files.
    A3aUa1,
    /// No standard: a plain tagged PDF.
    None,
}

impl PdfStandard {
    /// Each standard with its name, as `--pdf-standard` and an embedded source's manifest
    /// write it.
    pub const NAMES: [(&'static str, PdfStandard); 4] = [
        ("a-2a+ua-1", PdfStandard::A2aUa1),
        ("a-2b", PdfStandard::A2b),
        ("a-3a+ua-1", PdfStandard::A3aUa1),
        ("none", PdfStandard::None),
    ];

    /// The standard's name, as [`PdfStandard::NAMES`] gives it.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("none", |(name, _)| name)
    }

    pub(super) fn configuration(self) -> Configuration {
        let builder = ConfigurationBuilder::new();
        let builder = match self {
            PdfStandard::A2aUa1 => builder
                .with_archival_validator(Archival::A2_A)
                .with_accessibility_validator(Accessibility::UA1),
            PdfStandard::A2b => builder.with_archival_validator(Archival::A2_B),
            PdfStandard::A3aUa1 => builder
                .with_archival_validator(Archival::A3_A)
                .with_accessibility_validator(Accessibility::UA1),
            PdfStandard::None => builder,
        };
        builder
            .finish()
            .expect("these standards share a PDF version")
    }
}

/// A file the PDF carries beside its pages, such as the report it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// The file's name, as a reader saves it.
    pub name: String,
    /// The file's bytes.
    pub data: Vec<u8>,
    /// Its media type, e.g. `application/yaml`.
    pub media_type: &'static str,
    /// What it is, in words, shown by viewers beside its name.
    pub description: String,
    /// The document was made from it (the source), rather than with its help.
    pub source: bool,
    /// When it was last changed: the report's date, so that rebuilding gives the same file.
    pub modified: NaiveDate,
}

/// What the caller chooses about a PDF.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// The standards the file is written and validated to.
    pub standard: PdfStandard,
    /// Files the PDF carries; of the standards, only PDF/A-3 allows them.
    pub attachments: Vec<Attachment>,
    /// Print "UTKAST" / "DRAFT" across every page.
    pub draft: bool,
    /// A document that would have more pages is refused, not written.
    pub max_pages: usize,
}

/// The most pages a PDF is written with. The stress report (`scripts/stress_report.py`:
/// 1,000 activities with three metrics each) has some 560; a report many times longer is
/// a wrong input, and refusing it keeps it from taking the machine's memory and time.
pub const MAX_PAGES: usize = 10_000;

impl Default for PdfOptions {
    fn default() -> PdfOptions {
        PdfOptions {
            standard: PdfStandard::default(),
            attachments: Vec::new(),
            draft: false,
            max_pages: MAX_PAGES,
        }
    }
}
