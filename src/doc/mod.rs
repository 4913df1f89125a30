//! The document model: what every backend draws, and nothing about where it came from.
//!
//! [`parse`] turns the Markdown a layout rendered into a [`Document`]. Backends (PDF, DOCX)
//! read only this module's types; whatever they need from the report arrives in [`Meta`].

mod component;
mod events;
pub mod hyphenation;
pub mod keep;
mod parse;
mod printable;
mod style;
mod unique;

pub use parse::{
    Links, MAX_CHARTS, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, ParseError, parse, parse_with,
};
pub use style::{
    BUNDLED_FAMILY, BadgeColours, Badges, Colours, Font, FontFiles, Fonts, LOGO_GAP_MM, LogoAlign,
    LogoStyle, PT_PER_MM, PageStyle, Rgb, Sizes, Spacing, Style, TABLE_RULE_PT, limits, signing,
};

pub use unique::Unique;

pub use crate::image::ImageFormat;
pub use crate::number::NumberFormat;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A whole document: its metadata and its blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// What the backends need to know about the document as a whole.
    pub meta: Meta,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

/// What the backends need to know about the document as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Shown by viewers as the window title; the first line of the title page.
    pub title: String,
    /// The programme, used as the document's subject.
    pub subject: String,
    /// The organisations, used as authors.
    pub authors: Vec<String>,
    /// Keywords for the document properties: programme, period, case number.
    pub keywords: Vec<String>,
    /// BCP 47 tag, e.g. `sv-SE` or `en-GB`.
    pub language: String,
    /// The report's issue date; stands in for creation and modification dates.
    pub date: NaiveDate,
    /// The diarienummer shown in the page header, when the meeting has one.
    pub case_number: Option<String>,
    /// Labels the backends print themselves.
    pub labels: PageLabels,
    /// How the report's language writes numbers, for what backends write themselves
    /// (a chart's axis).
    pub numbers: NumberFormat,
    /// The issue date as printed in the report's language ("12 april 2023"), for footers.
    pub date_text: String,
    /// The logo shown small in the running header (the first organisation's).
    pub header_logo: Option<Image>,
    /// Custom document properties, as (name, value): programme, period, case number.
    pub properties: Vec<(String, String)>,
    /// Page, fonts, sizes and colours, from the layout's `style.toml`.
    pub style: Style,
    /// Rules the layout adds to its web pages' stylesheet (its `web.css`), checked to fetch
    /// nothing and to stay inside the page's style element.
    pub web_css: Option<Arc<str>>,
}

#[cfg(test)]
impl Meta {
    /// Metadata of a Swedish report, for tests of every stage that needs some.
    pub fn example() -> Meta {
        Meta {
            title: "Uppföljning av medborgarlöftet – kvartal 1 2023".into(),
            subject: "Medborgarlöfte 2023".into(),
            authors: vec!["Jönköpings kommun".into(), "Polisen".into()],
            keywords: vec![
                "Medborgarlöfte 2023".into(),
                "2023-Q1".into(),
                "KS 2023/0123".into(),
            ],
            language: "sv-SE".into(),
            date: NaiveDate::from_ymd_opt(2023, 4, 12).expect("a real date"),
            case_number: Some("KS 2023/0123".into()),
            labels: PageLabels {
                page: "Sida".into(),
                of: "av".into(),
                case_number: "Dnr".into(),
                draft: "UTKAST".into(),
                signature: "Underskrift".into(),
            },
            numbers: NumberFormat {
                decimal: ",".into(),
                thousands: "\u{a0}".into(),
            },
            date_text: "12 april 2023".into(),
            header_logo: None,
            properties: vec![("Programme".into(), "Medborgarlöfte 2023".into())],
            style: Style::default(),
            web_css: None,
        }
    }
}

/// Words that backends print around the content (headers and footers).
#[derive(Debug, Clone, PartialEq)]
pub struct PageLabels {
    /// "Sida" / "Page".
    pub page: String,
    /// "av" / "of".
    pub of: String,
    /// "Dnr" / "Case no." before the case number in the header.
    pub case_number: String,
    /// "UTKAST" / "DRAFT", printed across every page of a draft.
    pub draft: String,
    /// "Underskrift" / "Signature", before a signatory in a signature field's tooltip.
    pub signature: String,
}

/// A piece of the document's content: a heading, a paragraph, a list, a table, …
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 is the document title (once, first); 2 and 3 are sections and subsections.
    Heading {
        /// 1, 2 or 3: deeper Markdown headings are level 3.
        level: u8,
        /// The heading's text.
        runs: Vec<Run>,
        /// A stable anchor made from the heading's text, unique in the document.
        anchor: String,
    },
    /// A paragraph of body text.
    Paragraph(Vec<Run>),
    /// A bulleted or numbered list.
    List(List),
    /// A table with a header row.
    Table(Table),
    /// A row of logos, each a figure with alternative text.
    Logos(Vec<Image>),
    /// A column for each signer, with lines to sign on.
    Signatures(Signatures),
    /// The table of contents: every heading of levels 2 and 3 with its page.
    Contents {
        /// The heading above the list, e.g. "Innehåll".
        title: String,
    },
    /// What follows starts on a new page (after a cover page).
    PageBreak,
    /// A metric over quarters, drawn as a figure the width of the text.
    Chart(Chart),
}

/// A piece of text with one style.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    /// The characters, as printed.
    pub text: String,
    /// Set in the bold face.
    pub bold: bool,
    /// Set in the italic face.
    pub italic: bool,
    /// The target of a link (an absolute URL or `mailto:`).
    pub link: Option<String>,
    /// Set when the run is a status badge: the text is the status word.
    pub badge: Option<Tone>,
}

impl Run {
    /// A run of `text` with no emphasis, link or badge.
    pub fn plain(text: &str) -> Run {
        Run {
            text: text.to_owned(),
            ..Run::default()
        }
    }
}

/// The colour family of a status badge. The word always carries the meaning too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Going as it should (on track, ongoing, target met).
    Good,
    /// Needs attention (at risk, delayed, target not met).
    Warning,
    /// Gone wrong (off track, cancelled).
    Bad,
    /// Finished (achieved, completed).
    Done,
    /// Not begun or not assessed (not started, planned, no status).
    Neutral,
}

impl Tone {
    /// Every tone, in the order the layout documentation lists them.
    pub const ALL: [Tone; 5] = [
        Tone::Good,
        Tone::Warning,
        Tone::Bad,
        Tone::Done,
        Tone::Neutral,
    ];

    /// The tone's name in a badge link, `status:<name>`.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Good => "good",
            Tone::Warning => "warning",
            Tone::Bad => "bad",
            Tone::Done => "done",
            Tone::Neutral => "neutral",
        }
    }

    /// The tone `name` names, if any.
    pub fn named(name: &str) -> Option<Tone> {
        Tone::ALL.into_iter().find(|tone| tone.name() == name)
    }
}

/// A bulleted list, or a numbered one.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// `Some(first number)` for a numbered list.
    pub start: Option<u64>,
    /// The items, in order.
    pub items: Vec<ListItem>,
}

/// A list item: paragraphs and nested lists.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// The item's paragraphs and nested lists.
    pub blocks: Vec<Block>,
}

/// A table's, chart's or placed image's number in its document, from 1 in document order:
/// what a backend
/// keys what it learns of one figure by (the PDF's column widths, which the DOCX takes), so
/// that nothing is paired by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FigureId(pub u32);

/// A table: a header row, then the body's rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The table's number in the document.
    pub id: FigureId,
    /// Each column's alignment.
    pub align: Vec<Align>,
    /// The header row's cells.
    pub header: Vec<Cell>,
    /// The body's rows, top to bottom, each a list of cells.
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell's text.
pub type Cell = Vec<Run>;

/// How the text of a table's column is aligned, as the Markdown's delimiter row says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left: also when the Markdown does not say.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// A picture: an organisation's logo, or an image a layout's Markdown names.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Its number among the document's figures when it is placed in the body (a logo of a
    /// `kvartal-logos` block); 0 for an image that is not (the store's, the running
    /// header's).
    pub id: FigureId,
    /// The picture file's bytes.
    pub data: Arc<Vec<u8>>,
    /// The picture's format, as its bytes show it.
    pub format: ImageFormat,
    /// Alternative text for readers who cannot see the image.
    pub alt: String,
    /// Drawn height in millimetres; the width follows the image's proportions.
    pub height_mm: f32,
}

/// A small line chart of one metric over quarters. Each backend draws it from these
/// values; the alternative text states the series in words for those who cannot see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The chart's number in the document.
    pub id: FigureId,
    /// The series' name ("Antal anmälda brott"), for a word processor's chart and its data.
    pub name: Option<String>,
    /// The series in words, for readers who cannot see the chart.
    pub alt: String,
    /// Written above the value axis: "st", "%".
    pub unit: Option<String>,
    /// Oldest first; the report's quarter is marked `current`.
    pub points: Vec<ChartPoint>,
    /// The metric's target, when it has one.
    pub target: Option<ChartTarget>,
}

/// One quarter on a chart's time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    /// The quarter on the time axis: "K1 2023" / "Q1 2023".
    pub label: String,
    /// `None` is a quarter without a value: a gap in the line, never a zero.
    pub value: Option<f64>,
    /// The report's own quarter, drawn larger and labelled in bold.
    pub current: bool,
}

/// The target, drawn as a dashed line across the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartTarget {
    /// The target value, where the line is drawn.
    pub value: f64,
    /// "Mål" / "Target", written with the value at the line's end.
    pub label: String,
}

/// A signature block: one column per signer, with lines for place, date and signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatures {
    /// Who signs, one column each, in order.
    pub signers: Vec<Signer>,
    /// "Ort och datum" / "Place and date".
    pub place_and_date: String,
}

/// One person who signs.
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    /// The name, printed under the signature line.
    pub name: String,
    /// Role and organisation, each a line below the name.
    pub lines: Vec<String>,
}

/// A heading as the table of contents lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentsEntry<'a> {
    /// 2 for a section, 3 for a subsection.
    pub level: u8,
    /// The heading's text, without its styles.
    pub text: String,
    /// The heading's anchor, which the entry links to.
    pub anchor: &'a str,
}

/// The sections (level 2) and subsections (level 3) a table of contents lists, in order;
/// both backends list the same ones.
pub fn contents(blocks: &[Block]) -> Vec<ContentsEntry<'_>> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading {
                level: level @ 2..=3,
                runs,
                anchor,
            } => Some(ContentsEntry {
                level: *level,
                text: runs.iter().map(|run| run.text.as_str()).collect(),
                anchor,
            }),
            _ => None,
        })
        .collect()
}

/// Images a layout's Markdown may refer to, keyed by the name used in the Markdown, each as
/// high as the style's logos unless the Markdown says otherwise.
pub type ImageStore = BTreeMap<String, Image>;

#[cfg(test)]
mod tests;
