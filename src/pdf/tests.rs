//! The PDF backend on a hand-made document holding every block kind.

use super::*;
use crate::doc::{
    Block, Image, ImageFormat, List, ListItem, Meta, Run, Signatures, Signer, Table, Tone,
};
use std::sync::Arc;

pub(crate) fn sample() -> Document {
    let image = |data: &[u8], format, alt: &str| Image {
        id: crate::doc::FigureId::default(),
        data: Arc::new(data.to_vec()),
        format,
        alt: alt.to_string(),
        height_mm: 16.0,
    };
    let logos = vec![
        image(
            include_bytes!("../../tests/fixtures/images/blue.png"),
            ImageFormat::Png,
            "Kommunen – logotyp",
        ),
        image(
            include_bytes!("../../tests/fixtures/images/gold.jpg"),
            ImageFormat::Jpeg,
            "Polisen – logotyp",
        ),
        image(
            include_bytes!("../../tests/fixtures/images/mark.svg"),
            ImageFormat::Svg,
            "Åby – logotyp",
        ),
    ];
    let item = |text: &str| ListItem {
        blocks: vec![Block::Paragraph(vec![Run::plain(text)])],
    };
    let nested = ListItem {
        blocks: vec![
            Block::Paragraph(vec![Run::plain("Trygghetsvandringar")]),
            Block::List(List {
                start: Some(1),
                items: vec![item("Öxnehaga"), item("Råslätt")],
            }),
        ],
    };
    let long = "Polis och kommun arbetar i tät dialog för att skapa trygghet och förebygga brott. "
        .repeat(12);
    let mut blocks = vec![
        Block::Logos(logos),
        Block::Heading {
            level: 1,
            runs: vec![Run::plain("Uppföljning av medborgarlöftet")],
            anchor: "t".into(),
        },
        Block::Contents {
            title: "Innehåll".into(),
        },
        Block::Heading {
            level: 2,
            runs: vec![Run::plain("Sammanfattning")],
            anchor: "s".into(),
        },
        Block::Paragraph(vec![
            Run::plain("Status: "),
            Run {
                badge: Some(Tone::Good),
                ..Run::plain("På rätt väg")
            },
            Run::plain(" och "),
            Run {
                bold: true,
                ..Run::plain("fetstil")
            },
            Run::plain(", läs mer på "),
            Run {
                link: Some("https://www.jonkoping.se".into()),
                ..Run::plain("jonkoping.se")
            },
            Run::plain(". Samiska: ŋ ŧ đ č š ž."),
        ]),
        Block::List(List {
            start: None,
            items: vec![item("Narkotika och vapen"), nested],
        }),
        Block::Table(Table {
            id: crate::doc::FigureId::default(),
            align: vec![crate::doc::Align::Left, crate::doc::Align::Right],
            header: vec![vec![Run::plain("Nyckeltal")], vec![Run::plain("Värde")]],
            rows: vec![vec![
                vec![Run::plain("Antal SIG-nätverk")],
                vec![Run::plain("11")],
            ]],
        }),
    ];
    for n in 0..6 {
        blocks.push(Block::Heading {
            level: 3,
            runs: vec![Run::plain(&format!("Aktivitet {n}"))],
            anchor: format!("a{n}"),
        });
        blocks.push(Block::Paragraph(vec![Run::plain(&long)]));
    }
    blocks.push(Block::Signatures(Signatures {
        place_and_date: "Ort och datum".into(),
        signers: vec![Signer {
            name: "Karin Berg".into(),
            lines: vec!["Kommundirektör".into()],
        }],
    }));
    Document {
        meta: Meta::example(),
        blocks,
    }
}

#[test]
fn writes_a_valid_pdf_a_and_ua_document() {
    let bytes = pdf(&sample(), &PdfOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .bytes;
    assert!(bytes.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("pdfuaid"),
        "PDF/UA identification in the XMP metadata"
    );
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let options = PdfOptions::default();
    let bytes = || pdf(&sample(), &options).ok().map(|pdf| pdf.bytes);
    assert_eq!(bytes(), bytes());
}

#[test]
fn every_standard_can_be_written() {
    for (name, standard) in PdfStandard::NAMES {
        let result = pdf(
            &sample(),
            &PdfOptions {
                standard,
                draft: true,
                ..PdfOptions::default()
            },
        );
        assert!(result.is_ok(), "{name}: {:?}", result.err());
    }
}

#[test]
fn the_contents_list_each_section_with_its_page() {
    let pdf = pdf(&sample(), &PdfOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let pages = &pdf.typeset.pages;
    assert_eq!(pages.get("s"), Some(&1), "Sammanfattning is on page 1");
    assert!(pages.get("a5").is_some_and(|&page| page > 1), "{pages:?}");
    assert_eq!(pdf.typeset.columns.len(), 1, "one table");
    let sum: f32 = pdf.typeset.columns.values().flatten().sum();
    assert!((sum - 1.0).abs() < 1e-4, "the columns fill the table");
}

#[test]
fn the_layouts_style_sets_page_margins_sizes_and_alignment() {
    let mut doc = sample();
    if let Some(Block::Logos(logos)) = doc.blocks.first_mut() {
        logos.truncate(1);
    }
    let style = &mut doc.meta.style;
    style.page.width_mm = 148.0;
    style.page.height_mm = 210.0;
    style.page.margin_left_mm = 30.0;
    style.sizes.body_pt = 12.0;
    style.logo.align = crate::doc::LogoAlign::Right;
    let dump = dump(&doc, &PdfOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let left = 30.0 * style::MM;
    let xs: Vec<f32> = dump
        .lines()
        .filter(|l| l.starts_with("body"))
        .filter_map(|l| l.split_whitespace().nth(1)?.parse().ok())
        .collect();
    assert!(
        xs.iter().all(|&x| x >= left.floor()),
        "nothing left of the 30 mm margin: {xs:?}"
    );
    let first_logo = dump
        .lines()
        .find(|l| l.contains("[picture"))
        .expect("a logo");
    let x: f32 = first_logo
        .split_whitespace()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .expect("x");
    assert!(
        x > 148.0 * style::MM / 3.0,
        "logos pushed to the right: {first_logo}"
    );
    let bytes = pdf(&doc, &PdfOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .bytes;
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("MediaBox[0 0 419.5"), "an A5 page");
}

#[test]
fn a_chart_is_vector_graphics_in_a_figure_with_its_alt_text() {
    let chart = crate::doc::Chart {
        id: crate::doc::FigureId::default(),
        name: None,
        alt: "Antal år: 1 i kvartal 1 2023".into(),
        unit: None,
        target: None,
        points: vec![crate::doc::ChartPoint {
            label: "K1 2023".into(),
            value: Some(1.0),
            current: true,
        }],
    };
    let doc = Document {
        meta: Meta::example(),
        blocks: vec![Block::Chart(chart)],
    };
    let bytes = pdf(&doc, &PdfOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .bytes;
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains("/Subtype/Image"), "no raster image");
    let alt: String = "Antal år: 1 i kvartal 1 2023"
        .encode_utf16()
        .map(|unit| format!("{unit:04X}"))
        .collect();
    assert!(text.contains("/S/Figure"), "a figure element");
    assert!(text.contains(&format!("/Alt<FEFF{alt}>")), "its alt text");
}

#[test]
fn a_document_longer_than_the_page_budget_is_refused() {
    let doc = sample();
    let pages = pdf(&doc, &PdfOptions::default())
        .expect("the sample is written")
        .typeset
        .pages
        .values()
        .copied()
        .max()
        .expect("headings have pages");
    assert!(pages > 1, "the sample has several pages");
    let options = PdfOptions {
        max_pages: 1,
        ..PdfOptions::default()
    };
    let error = pdf(&doc, &options).expect_err("more than one page");
    assert!(
        matches!(error, PdfError::TooManyPages { limit: 1, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("more than the 1 a PDF may have"));
}

#[test]
fn the_typeset_says_which_heading_kept_paragraphs_a_page_breaks() {
    let heading = |anchor: &str| Block::Heading {
        level: 2,
        runs: vec![Run::plain(anchor)],
        anchor: anchor.to_string(),
    };
    let long = "Trygghet och samverkan i kvarteren kring centrum. ".repeat(200);
    let doc = Document {
        meta: Meta::example(),
        blocks: vec![
            heading("kort"),
            Block::Paragraph(vec![Run::plain("Status: pågår")]),
            Block::Paragraph(vec![Run::plain("En rad till.")]),
            heading("lång"),
            Block::Paragraph(vec![Run::plain(&long)]),
        ],
    };
    let typeset = pdf(&doc, &PdfOptions::default()).expect("a PDF").typeset;
    assert!(typeset.one_line_after.contains("kort"));
    assert!(!typeset.broken_after.contains("kort"));
    assert!(typeset.broken_after.contains("lång"), "{typeset:?}");
}

#[test]
fn each_signatory_gets_an_empty_tagged_signature_field() {
    use lopdf::{Document as Pdf, Object};
    let bytes = pdf(&sample(), &PdfOptions::default()).expect("a PDF").bytes;
    let file = Pdf::load_mem(&bytes).expect("readable");
    let catalog = file.catalog().expect("catalog");
    let form = catalog
        .get(b"AcroForm")
        .and_then(Object::as_dict)
        .expect("a form");
    let fields = form
        .get(b"Fields")
        .and_then(Object::as_array)
        .expect("fields");
    assert_eq!(fields.len(), 1, "one signatory in the sample");
    let widget = file
        .get_dictionary(fields[0].as_reference().expect("a reference"))
        .expect("widget");
    let name = |key: &[u8]| widget.get(key).and_then(Object::as_name).ok();
    assert_eq!(
        (name(b"FT"), name(b"Subtype")),
        (Some(&b"Sig"[..]), Some(&b"Widget"[..]))
    );
    assert_eq!(
        widget.get(b"F").and_then(Object::as_i64).ok(),
        Some(4),
        "printed"
    );
    let tooltip = widget
        .get(b"TU")
        .and_then(Object::as_str)
        .expect("a tooltip");
    // UTF-16 with a byte-order mark, for "ö".
    assert!(tooltip.starts_with(&[0xFE, 0xFF]));
    assert_eq!(
        crate::pdf::text_of(tooltip),
        "Underskrift: Karin Berg, Kommundirektör"
    );
    assert!(widget.get(b"AP").is_ok(), "an appearance, as PDF/A asks");
    assert!(widget.get(b"V").is_err(), "not signed");
    // The widget's structure parent is a Form element that refers back to it.
    let key = widget
        .get(b"StructParent")
        .and_then(Object::as_i64)
        .expect("a key");
    let root = catalog
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .expect("tree");
    let root = file.get_dictionary(root).expect("tree");
    let numbers = root
        .get(b"ParentTree")
        .and_then(Object::as_dict)
        .and_then(|tree| tree.get(b"Nums"))
        .and_then(Object::as_array)
        .expect("a parent tree");
    let at = numbers
        .iter()
        .position(|n| n.as_i64().ok() == Some(key))
        .expect("listed");
    let form = file
        .get_dictionary(numbers[at + 1].as_reference().expect("a reference"))
        .expect("element");
    assert_eq!(
        form.get(b"S").and_then(Object::as_name).ok(),
        Some(&b"Form"[..])
    );
}

#[test]
fn reading_krillas_file_in_part_finds_what_loading_it_whole_finds() {
    let doc = sample();
    let options = PdfOptions::default();
    let fonts = fonts::font_set(&doc.meta.style).unwrap();
    let drawing = lay_out(&doc, &options, &fonts).unwrap().drawing;
    let bytes = export::export(drawing, &doc.meta, &fonts, &options).unwrap();
    let whole = lopdf::Document::load_mem(&bytes).unwrap();
    let mut partial = partial::Partial::open(&bytes).unwrap();
    // Debug shows the order of the keys too, which the update writes back as read.
    let same = |a: &lopdf::Dictionary, b: &lopdf::Dictionary| {
        a == b && format!("{a:?}") == format!("{b:?}")
    };
    let mut dictionaries = 0;
    for (id, object) in &whole.objects {
        if let Ok(dictionary) = object.as_dict() {
            assert!(same(partial.dictionary(*id).unwrap(), dictionary), "{id:?}");
            dictionaries += 1;
        }
    }
    assert!(dictionaries > 100, "{dictionaries}");
    let partial = partial.into_document();
    assert!(same(&partial.trailer, &whole.trailer));
    assert_eq!(
        (partial.max_id, partial.xref_start),
        (whole.max_id, whole.xref_start)
    );
}

#[test]
fn blocks_laid_out_in_parts_are_laid_out_as_in_one_go() {
    let doc = sample();
    let fonts = fonts::font_set(&doc.meta.style).expect("bundled fonts");
    let look = style::Look::new(&doc.meta.style);
    let lay_out = |parts: Vec<std::ops::Range<usize>>| {
        let mut tags = tags::Tags::default();
        let contents = blocks::contents::entries(&doc.blocks);
        let (meta, blocks) = (&doc.meta, &doc.blocks);
        let rows = blocks::in_parts(blocks, &contents, parts, meta, &look, &fonts, &mut tags)
            .expect("the sample lays out");
        let rows_seen = format!("{:?}", rows.rows);
        let rest = format!("{:?} {:?}", rows.columns, rows.one_line_after);
        (rows_seen, rest, format!("{tags:?}"))
    };
    let count = doc.blocks.len();
    let whole = lay_out(std::iter::once(0..count).collect());
    for cut in 1..count {
        assert!(
            lay_out(vec![0..cut, cut..count]) == whole,
            "cut before block {cut}"
        );
    }
    assert!(lay_out(vec![0..1, 1..count / 2, count / 2..count]) == whole);
}
