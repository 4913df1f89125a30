//! Whole-document tests: build a report by hand, write it, unzip it and read the XML.

use super::images::tests::tiny_png;
use super::*;
use crate::doc::{
    Align, Block, FigureId, Image, ImageFormat, List, ListItem, Meta, Run, Signatures, Signer,
    Style, Table, Tone,
};
use crate::typeset::{PageMap, Typeset};
use chrono::NaiveDate;
use std::io::{Cursor, Read};
use std::sync::Arc;

fn heading(level: u8, title: &str) -> Block {
    Block::Heading {
        level,
        runs: vec![Run::plain(title)],
        anchor: title.to_lowercase(),
    }
}

fn item(blocks: Vec<Block>) -> ListItem {
    ListItem { blocks }
}

/// The example metadata with the values the tests below look for in the package.
fn meta() -> Meta {
    Meta {
        title: "Medborgarlöfte Trygg stad".to_owned(),
        keywords: vec![
            "medborgarlöfte".to_owned(),
            "2023 kvartal 1".to_owned(),
            "KS 2023/0123".to_owned(),
        ],
        date: NaiveDate::from_ymd_opt(2023, 4, 14).expect("valid date"),
        date_text: "14 april 2023".to_owned(),
        header_logo: Some(Image {
            id: crate::doc::FigureId::default(),
            data: Arc::new(tiny_png(20, 20)),
            format: ImageFormat::Png,
            alt: "Exempelstads kommun".to_owned(),
            height_mm: 7.0,
        }),
        properties: vec![
            ("Programme".to_owned(), "Trygg stad".to_owned()),
            ("Period".to_owned(), "2023-Q1".to_owned()),
            ("Case number".to_owned(), "KS 2023/0123".to_owned()),
        ],
        ..Meta::example()
    }
}

fn lists() -> Vec<Block> {
    let nested_numbers = List {
        start: Some(1),
        items: vec![item(vec![Block::Paragraph(vec![Run::plain(
            "Första steget",
        )])])],
    };
    let bullets = List {
        start: None,
        items: vec![
            item(vec![
                Block::Paragraph(vec![Run::plain("Trygghetsvandring")]),
                Block::List(nested_numbers),
            ]),
            item(vec![Block::Paragraph(vec![Run::plain("Ökad närvaro")])]),
        ],
    };
    let numbers = List {
        start: Some(3),
        items: vec![item(vec![Block::Paragraph(vec![Run::plain(
            "Tredje punkten",
        )])])],
    };
    vec![Block::List(bullets), Block::List(numbers)]
}

fn table() -> Block {
    Block::Table(data_table())
}

fn data_table() -> Table {
    Table {
        id: FigureId::default(),
        align: vec![Align::Left, Align::Right],
        header: vec![vec![Run::plain("Mått")], vec![Run::plain("Antal")]],
        rows: vec![
            vec![vec![Run::plain("Anmälda brott")], vec![Run::plain("42")]],
            vec![vec![Run::plain("Vandringar")], vec![Run::plain("7")]],
        ],
    }
}

pub(super) fn report() -> Document {
    let logo = Image {
        id: crate::doc::FigureId::default(),
        data: Arc::new(tiny_png(60, 20)),
        format: ImageFormat::Png,
        alt: "Exempelstads kommun".to_owned(),
        height_mm: 15.0,
    };
    let paragraph = vec![
        Run::plain("Arbetet går "),
        Run {
            bold: true,
            ..Run::plain("bra")
        },
        Run::plain(", "),
        Run {
            italic: true,
            ..Run::plain("enligt plan")
        },
        Run::plain(". Läs mer på "),
        Run {
            link: Some("https://polisen.se/?a=1&b=2".to_owned()),
            ..Run::plain("polisen.se")
        },
        Run::plain(" eller "),
        Run {
            link: Some("mailto:trygg@example.se".to_owned()),
            ..Run::plain("mejla oss")
        },
        Run::plain(". Status: "),
        Run {
            badge: Some(Tone::Good),
            ..Run::plain("Klar")
        },
    ];
    let signatures = Signatures {
        place_and_date: "Ort och datum".to_owned(),
        signers: vec![
            Signer {
                name: "Anna Andersson".to_owned(),
                lines: vec!["Kommunstyrelsens ordförande".to_owned()],
            },
            Signer {
                name: "Bengt Berg".to_owned(),
                lines: vec!["Lokalpolisområdeschef".to_owned(), "Polisen".to_owned()],
            },
        ],
    };
    let mut blocks = vec![
        Block::Logos(vec![logo]),
        heading(1, "Medborgarlöfte Trygg stad"),
        Block::Contents {
            title: "Innehåll".to_owned(),
        },
        heading(2, "Sammanfattning"),
    ];
    blocks.extend([Block::Paragraph(paragraph), heading(3, "Aktiviteter")]);
    blocks.extend(lists());
    blocks.extend([table(), Block::Signatures(signatures)]);
    Document {
        meta: meta(),
        blocks,
    }
}

/// The PDF's pages of the sample report's headings.
pub(super) fn typeset() -> Typeset {
    Typeset {
        pages: PageMap::from([
            ("medborgarlöfte trygg stad".to_owned(), 1),
            ("sammanfattning".to_owned(), 2),
            ("aktiviteter".to_owned(), 3),
        ]),
        ..Typeset::default()
    }
}

/// The sample report as a DOCX.
fn built() -> Vec<u8> {
    docx(&report(), Some(&typeset()), false).expect("writes")
}

/// The text of `name` in the package `bytes`.
pub(super) fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP package");
    let mut file = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"));
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("UTF-8 XML");
    xml
}

/// The definition of the style `id` in the styles part `styles`, from its id to its end.
pub(super) fn style_xml<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .unwrap_or_else(|| panic!("style {id} defined"));
    let length = styles[start..].find("</w:style>").expect("style closes");
    &styles[start..start + length]
}

#[test]
fn headings_use_title_and_heading_styles() {
    let document = part(&built(), "word/document.xml");
    for style in ["Title", "Heading1", "Heading2", "ListParagraph"] {
        assert!(
            document.contains(&format!(r#"<w:pStyle w:val="{style}"/>"#)),
            "{style} used"
        );
    }
}

#[test]
fn styles_define_outline_levels_font_and_language() {
    let styles = part(&built(), "word/styles.xml");
    for (id, name, level) in [
        ("Heading1", "heading 1", 0),
        ("Heading2", "heading 2", 1),
        ("Heading3", "heading 3", 2),
    ] {
        let style = style_xml(&styles, id);
        assert!(
            style.contains(&format!(r#"<w:name w:val="{name}"/>"#)),
            "{style}"
        );
        assert!(
            style.contains(&format!(r#"<w:outlineLvl w:val="{level}"/>"#)),
            "{style}"
        );
        assert!(style.contains("<w:keepNext/>"), "{style}");
    }
    for id in [
        "Title",
        "ListParagraph",
        "TableNormal",
        "TableGrid",
        "Hyperlink",
        "TOCHeading",
        "TOC1",
        "TOC2",
        "TOC3",
        "StatusWarning",
        "StatusBad",
        "StatusDone",
        "StatusNeutral",
    ] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{id}""#)),
            "{id} defined"
        );
    }
    assert!(styles.contains(r#"w:ascii="Calibri""#));
    assert!(styles.contains(r#"<w:lang w:val="sv-SE""#));
}

#[test]
fn header_and_footer_carry_title_case_number_and_page_fields() {
    let bytes = built();
    let document = part(&bytes, "word/document.xml");
    assert!(
        document.contains("<w:titlePg/>"),
        "a title page without the running header"
    );
    let headers: String = (1..=2)
        .map(|n| part(&bytes, &format!("word/header{n}.xml")))
        .collect();
    assert!(headers.contains("Medborgarlöfte Trygg stad") && headers.contains("Dnr KS 2023/0123"));
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains(">Sida </w:t>") && footer.contains("> av </w:t>"));
    assert!(
        footer.contains("> PAGE </w:instrText>") && footer.contains("> NUMPAGES </w:instrText>")
    );
}

#[test]
fn tables_repeat_their_header_and_keep_rows_whole() {
    let document = part(&built(), "word/document.xml");
    assert_eq!(
        document.matches("<w:tblHeader/>").count(),
        1,
        "only the data table has a header"
    );
    assert_eq!(
        document.matches("<w:cantSplit/>").count(),
        4,
        "three data rows and the signature row"
    );
    assert!(
        document.contains(r#"<w:jc w:val="right"/>"#),
        "the number column is right-aligned"
    );
    assert!(
        document.contains("</w:tbl><w:p>"),
        "a paragraph keeps the data table apart from what follows"
    );
}

#[test]
fn lists_use_numbering_restarting_per_list() {
    let bytes = built();
    let document = part(&bytes, "word/document.xml");
    assert!(document.contains(r#"<w:ilvl w:val="0"/><w:numId w:val="1"/>"#));
    assert!(
        document.contains(r#"<w:ilvl w:val="1"/><w:numId w:val="2"/>"#),
        "nested list one level in"
    );
    let numbering = part(&bytes, "word/numbering.xml");
    assert!(
        numbering.contains(r#"<w:startOverride w:val="3"/>"#),
        "second numbered list starts at 3"
    );
    assert_eq!(
        numbering.matches("<w:num w:numId=").count(),
        3,
        "one per list"
    );
}

#[test]
fn logos_and_links_are_described() {
    let document = part(&built(), "word/document.xml");
    assert!(
        document.contains(r#"<wp:docPr id="1" name="Drawing 1" descr="Exempelstads kommun"/>"#)
    );
    // 15 mm high, three times as wide as high.
    assert!(document.contains(r#"<wp:extent cx="1620000" cy="540000"/>"#));
    assert!(document.contains(">Klar</w:t>"));
    assert!(document.contains(r#"<w:rStyle w:val="Hyperlink"/>"#));
}

#[test]
fn core_properties_describe_the_report() {
    let core = part(&built(), "docProps/core.xml");
    assert!(core.contains("<dc:title>Medborgarlöfte Trygg stad</dc:title>"));
    assert!(
        core.contains("<cp:keywords>medborgarlöfte, 2023 kvartal 1, KS 2023/0123</cp:keywords>")
    );
    assert!(core.contains("<dc:language>sv-SE</dc:language>"));
    assert!(core.contains(">2023-04-14T00:00:00Z</dcterms:created>"));
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let first = built();
    // Something else built in between must not shift any id.
    docx(
        &Document {
            meta: meta(),
            blocks: lists(),
        },
        None,
        false,
    )
    .expect("writes");
    assert_eq!(built(), first);
}

#[test]
fn empty_and_degenerate_documents_are_written() {
    let empty_table = Block::Table(Table {
        id: FigureId::default(),
        align: vec![],
        header: vec![],
        rows: vec![],
    });
    let ragged = Block::Table(Table {
        id: FigureId::default(),
        align: vec![Align::Right],
        header: vec![],
        rows: vec![vec![], vec![vec![Run::plain("x")], vec![]]],
    });
    let hollow_list = Block::List(List {
        start: None,
        items: vec![item(vec![]), item(vec![lists().remove(0)])],
    });
    let nobody = Block::Signatures(Signatures {
        place_and_date: String::new(),
        signers: vec![],
    });
    for blocks in [
        vec![],
        vec![
            empty_table,
            ragged,
            hollow_list,
            nobody,
            Block::Logos(vec![]),
            heading(9, ""),
        ],
    ] {
        let bytes = docx(
            &Document {
                meta: meta(),
                blocks,
            },
            None,
            false,
        )
        .expect("writes");
        assert!(part(&bytes, "word/document.xml").contains("<w:body>"));
    }
}

#[test]
fn a_broken_logo_is_an_error_naming_it() {
    let broken = Image {
        id: crate::doc::FigureId::default(),
        data: Arc::new(b"\x89PNG\r\n\x1a\n".to_vec()),
        format: ImageFormat::Png,
        alt: "Trasig logotyp".to_owned(),
        height_mm: 10.0,
    };
    let error = docx(
        &Document {
            meta: meta(),
            blocks: vec![Block::Logos(vec![broken])],
        },
        None,
        false,
    )
    .unwrap_err();
    assert!(
        matches!(&error, DocxError::Image { alt, .. } if alt == "Trasig logotyp"),
        "{error}"
    );
}

/// The values of `attribute` on every `element` in `xml`, in order.
fn attributes(xml: &str, element: &str, attribute: &str) -> Vec<String> {
    xml.split(&format!("<{element} "))
        .skip(1)
        .filter_map(|tail| {
            let tag = &tail[..tail.find('>')?];
            let value = tag.split(&format!("{attribute}=\"")).nth(1)?;
            Some(value[..value.find('"')?].to_owned())
        })
        .collect()
}

#[test]
fn contents_are_a_filled_toc_field_linking_to_heading_bookmarks() {
    let document = part(&built(), "word/document.xml");
    let start = document
        .find(r#"<w:pStyle w:val="TOCHeading"/>"#)
        .expect("the contents' title");
    let end = start
        + document[start..]
            .find(r#"<w:pStyle w:val="Heading1"/>"#)
            .expect("the first section after the contents");
    let toc = &document[start..end];
    // The field opens once in the first entry and closes once after the last.
    let begin = toc.find(r#"w:fldCharType="begin""#).expect("field begins");
    let instruction = toc
        .find(r#"TOC \o &quot;1-2&quot; \h \z \u"#)
        .expect("TOC instruction");
    let separate = toc
        .find(r#"w:fldCharType="separate""#)
        .expect("field result follows");
    assert!(begin < instruction && instruction < separate, "{toc}");
    assert!(!document.contains("w:updateFields"));
    // Two entries, a section and a subsection, with the PDF's pages as PAGEREF results.
    let styles: Vec<_> = attributes(toc, "w:pStyle", "w:val");
    assert_eq!(styles, ["TOCHeading", "TOC1", "TOC2"]);
    assert!(toc.contains(">Sammanfattning</w:t>") && toc.contains(">Aktiviteter</w:t>"));
    assert!(toc.contains("PAGEREF _Toc_sammanfattning \\h"), "{toc}");
    for page in ["2", "3"] {
        assert!(toc.contains(&format!(r#"<w:t>{page}</w:t>"#)), "{toc}");
    }
    assert_eq!(
        toc.matches(r#"w:fldCharType="end""#).count(),
        3,
        "two PAGEREF fields and the TOC field end in the contents"
    );
    // Every link points at a heading's bookmark; every heading has one.
    let links = attributes(toc, "w:hyperlink", "w:anchor");
    assert_eq!(links, ["_Toc_sammanfattning", "_Toc_aktiviteter"]);
    let bookmarks = attributes(&document, "w:bookmarkStart", "w:name");
    assert_eq!(
        bookmarks,
        [
            "_Toc_medborgarlofte_trygg_stad",
            "_Toc_sammanfattning",
            "_Toc_aktiviteter"
        ]
    );
}

#[test]
fn the_running_header_shows_the_logo_with_alternative_text() {
    let bytes = built();
    let headers: Vec<String> = (1..=2)
        .map(|n| part(&bytes, &format!("word/header{n}.xml")))
        .collect();
    let with_logo: Vec<&String> = headers.iter().filter(|h| h.contains("<wp:docPr")).collect();
    assert_eq!(
        with_logo.len(),
        1,
        "only the header from page 2 on has the logo"
    );
    // The body has one picture, so the header's logo is the second.
    assert!(
        with_logo[0].contains(r#"<wp:docPr id="2" name="Drawing 2" descr="Exempelstads kommun"/>"#),
        "{}",
        with_logo[0]
    );
    assert!(with_logo[0].contains("Medborgarlöfte Trygg stad"));
    let logo_at = with_logo[0].find("<w:drawing>").expect("a drawing");
    assert!(logo_at < with_logo[0].find("Medborgarlöfte").expect("the title"));
}

#[test]
fn the_footer_has_the_date_and_page_fields() {
    let bytes = built();
    for name in ["word/footer1.xml", "word/footer2.xml"] {
        let footer = part(&bytes, name);
        let date = footer
            .find(">14 april 2023</w:t>")
            .expect("the report's date");
        let page = footer.find("> PAGE </w:instrText>").expect("a PAGE field");
        assert!(
            date < page && footer.contains("> NUMPAGES </w:instrText>"),
            "{footer}"
        );
    }
}

#[test]
fn custom_properties_are_a_declared_part() {
    let bytes = built();
    let custom = part(&bytes, "docProps/custom.xml");
    for (pid, name, value) in [
        (2, "Programme", "Trygg stad"),
        (3, "Period", "2023-Q1"),
        (4, "Case number", "KS 2023/0123"),
    ] {
        assert!(
            custom.contains(&format!(
                r#"pid="{pid}" name="{name}"><vt:lpwstr>{value}</vt:lpwstr>"#
            )),
            "{custom}"
        );
    }
    assert!(part(&bytes, "[Content_Types].xml").contains(
        r#"PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml""#
    ));
    assert!(
        part(&bytes, "_rels/.rels")
            .contains(r#"relationships/custom-properties" Target="docProps/custom.xml""#)
    );
}

#[test]
fn badges_use_character_styles_and_runs_carry_no_colour_or_size() {
    let bytes = built();
    let document = part(&bytes, "word/document.xml");
    assert!(
        document.contains(r#"<w:rStyle w:val="StatusGood"/></w:rPr><w:t>Klar</w:t>"#),
        "{document}"
    );
    let good = Style::default().status_colours.good;
    let fill = format!(r#"w:fill="{}""#, good.fill.hex());
    // Only pictures sit on (tiny) type of their own size; text takes its style's.
    assert_eq!(
        document.matches("<w:sz ").count(),
        document.matches(r#"<w:sz w:val="2"/>"#).count()
    );
    for direct in ["<w:color ", "<w:rFonts ", &fill] {
        assert!(!document.contains(direct), "{direct} in the body");
    }
    let styles = part(&bytes, "word/styles.xml");
    let style = style_xml(&styles, "StatusGood");
    let start = styles.find(style).expect("the style");
    assert!(styles[..start].ends_with(r#"w:type="character" "#));
    let colour = format!(r#"<w:color w:val="{}"/>"#, good.text.hex());
    for property in [r#"<w:name w:val="Status Good"/>"#, "<w:b/>", &colour, &fill] {
        assert!(style.contains(property), "{property} in {style}");
    }
}

#[test]
fn keeps_follow_the_pdf_heading_by_heading() {
    let blocks = vec![
        heading(2, "Mål"),
        Block::Paragraph(vec![Run::plain("Status: pågår")]),
        Block::Paragraph(vec![Run::plain("Lång text.")]),
        heading(2, "Delad"),
        Block::Paragraph(vec![Run::plain("Text som sidan bryter.")]),
    ];
    let doc = Document {
        meta: meta(),
        blocks,
    };
    let written = |typeset: &Typeset| {
        part(
            &docx(&doc, Some(typeset), false).expect("writes"),
            "word/document.xml",
        )
    };
    // A one-line paragraph after a heading keeps what follows, as the PDF keeps it.
    let one_line = Typeset {
        one_line_after: ["mål".to_owned()].into(),
        ..Typeset::default()
    };
    let document = written(&one_line);
    let status = document.find(">Sta").expect("the status line");
    let paragraph = &document[document[..status].rfind("<w:p>").expect("its paragraph")..status];
    assert!(paragraph.contains("<w:keepNext/>"), "{paragraph}");
    assert!(
        !document.contains("w:keepNext w:val"),
        "headings keep by their style"
    );
    // Where the PDF breaks the paragraph a heading keeps, the DOCX does not ask again.
    let broken = Typeset {
        broken_after: ["delad".to_owned()].into(),
        ..one_line
    };
    let document = written(&broken);
    assert_eq!(
        document.matches(r#"<w:keepNext w:val="0"/>"#).count(),
        1,
        "{document}"
    );
}

/// Writes the sample report to /tmp/kvartal-sample.docx for a look in LibreOffice or Word.
#[test]
#[ignore = "writes a file for manual inspection"]
fn write_sample() {
    let mut sample = report();
    let long_table = Table {
        id: FigureId::default(),
        align: vec![Align::Left, Align::Right, Align::Center],
        header: vec![
            vec![Run::plain("Vecka")],
            vec![Run::plain("Anmälningar")],
            vec![Run::plain("Status")],
        ],
        rows: (1..=52)
            .map(|week| {
                vec![
                    vec![Run::plain(&format!("Vecka {week}"))],
                    vec![Run::plain(&week.to_string())],
                    vec![Run {
                        badge: Some(Tone::Warning),
                        ..Run::plain("Pågår")
                    }],
                ]
            })
            .collect(),
    };
    sample
        .blocks
        .insert(sample.blocks.len() - 1, Block::Table(long_table));
    std::fs::write(
        "/tmp/kvartal-sample.docx",
        docx(&sample, None, false).expect("writes"),
    )
    .expect("writable /tmp");
}

#[test]
fn a_draft_says_so_in_its_headers_and_its_status() {
    let draft = docx(&report(), Some(&typeset()), true).expect("writes");
    let headers: Vec<String> = ["word/header1.xml", "word/header2.xml"]
        .iter()
        .map(|name| part(&draft, name))
        .collect();
    for header in &headers {
        assert!(header.contains(">UTKAST  </w:t>"), "{header}");
    }
    let core = part(&draft, "docProps/core.xml");
    assert!(
        core.contains("<cp:contentStatus>Utkast</cp:contentStatus>"),
        "{core}"
    );
    let custom = part(&draft, "docProps/custom.xml");
    assert!(
        custom.contains(r#"name="Status"><vt:lpwstr>Utkast</vt:lpwstr>"#),
        "{custom}"
    );
    let final_version = built();
    for name in [
        "word/header1.xml",
        "word/header2.xml",
        "docProps/core.xml",
        "docProps/custom.xml",
    ] {
        let text = part(&final_version, name);
        assert!(
            !text.contains("UTKAST") && !text.contains("Utkast"),
            "{name}: {text}"
        );
    }
}

/// A layout may put the signatures before a data table, or two tables in any order: each
/// data table takes the column widths the PDF measured for that table, found by its id.
#[test]
fn each_table_takes_its_own_widths_wherever_it_stands() {
    let data = data_table();
    let mut document = report();
    let signatures = document
        .blocks
        .pop()
        .expect("the sample ends with its signatures");
    document.blocks.retain(|b| !matches!(b, Block::Table(_)));
    let first = Table {
        id: FigureId(7),
        ..data.clone()
    };
    let second = Table {
        id: FigureId(3),
        ..data
    };
    document
        .blocks
        .extend([signatures, Block::Table(first), Block::Table(second)]);
    let typeset = Typeset {
        columns: [
            (FigureId(3), vec![0.25, 0.75]),
            (FigureId(7), vec![0.8, 0.2]),
        ]
        .into(),
        ..typeset()
    };
    let xml = part(
        &docx(&document, Some(&typeset), false).expect("writes"),
        "word/document.xml",
    );
    let widths: Vec<u32> = attributes(&xml, "w:gridCol", "w:w")
        .iter()
        .filter_map(|w| w.parse().ok())
        .collect();
    // The signature table's columns come first; then the two data tables, in their order.
    let data: Vec<f32> = widths[widths.len() - 4..]
        .chunks(2)
        .map(|pair| pair[0] as f32 / (pair[0] + pair[1]) as f32)
        .collect();
    assert!((data[0] - 0.8).abs() < 0.01, "{widths:?}");
    assert!((data[1] - 0.25).abs() < 0.01, "{widths:?}");
}

#[test]
fn a_document_part_written_in_pieces_holds_every_block_in_order() {
    let mut doc = report();
    let text = |i: usize| format!("{i}. {}", "Trygghet i centrum. ".repeat(10));
    doc.blocks
        .extend((0..4_000).map(|i| Block::Paragraph(vec![Run::plain(&text(i))])));
    let bytes = docx(&doc, Some(&typeset()), false).expect("writes");
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.len() > 2 * (1 << 20), "several pieces: {}", xml.len());
    assert!(xml.starts_with("<?xml") && xml.ends_with("</w:body></w:document>"));
    let mut from = 0;
    for i in 0..4_000 {
        let at = xml[from..].find(&format!(">{i}. "));
        from += at.expect("every paragraph, in order") + 1;
    }
}
