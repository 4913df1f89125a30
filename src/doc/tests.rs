//! The Markdown a layout renders, parsed into blocks.

use super::*;

fn blocks(markdown: &str) -> Vec<Block> {
    parse(markdown, Meta::example(), &ImageStore::new())
        .expect("parses")
        .blocks
}

fn text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn headings_get_levels_and_unique_anchors() {
    let parsed = blocks("# Rapport\n\n## Barn och unga\n\n### SIG\n\n## Barn och unga\n");
    let anchors: Vec<(u8, &str)> = parsed
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, anchor, .. } => Some((*level, anchor.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        anchors,
        [
            (1, "rapport"),
            (2, "barn-och-unga"),
            (3, "sig"),
            (2, "barn-och-unga-2")
        ]
    );
}

/// The anchors of the headings in `markdown`, in order.
fn anchors(markdown: &str) -> Vec<String> {
    blocks(markdown)
        .into_iter()
        .filter_map(|b| match b {
            Block::Heading { anchor, .. } => Some(anchor),
            _ => None,
        })
        .collect()
}

#[test]
fn a_title_repeated_keeps_counting_past_anchors_already_taken() {
    // "Möte 2" slugs to "möte-2", the anchor the second "Möte" would get.
    let got = anchors("## Möte\n\n## Möte 2\n\n## Möte\n\n## Möte\n\n## Möte 3\n");
    assert_eq!(got, ["möte", "möte-2", "möte-3", "möte-4", "möte-3-2"]);
}

#[test]
fn inline_styles_links_and_badges_become_runs() {
    let parsed =
        blocks("Text **fet** *kursiv* [länk](https://example.org) [Försenad](status:warning)\n");
    let Block::Paragraph(runs) = &parsed[0] else {
        panic!("a paragraph: {parsed:?}")
    };
    assert!(runs.iter().any(|r| r.bold && r.text == "fet"));
    assert!(runs.iter().any(|r| r.italic && r.text == "kursiv"));
    assert!(
        runs.iter()
            .any(|r| r.link.as_deref() == Some("https://example.org") && r.text == "länk")
    );
    assert!(
        runs.iter()
            .any(|r| r.badge == Some(Tone::Warning) && r.text == "Försenad")
    );
}

#[test]
fn escaped_characters_and_html_are_kept_as_text() {
    let parsed = blocks("\\*inte kursiv\\* \\# \\| <b>fet?</b> {{x}}\n");
    let Block::Paragraph(runs) = &parsed[0] else {
        panic!("a paragraph")
    };
    assert_eq!(text(runs), "*inte kursiv* # | <b>fet?</b> {{x}}");
    assert!(runs.iter().all(|r| !r.bold && !r.italic));
}

#[test]
fn nested_lists_and_tables_keep_their_shape() {
    let parsed =
        blocks("- a\n  1. b\n  2. c\n- d\n\n| Nyckeltal | Värde |\n|---|---:|\n| SIG | 11 |\n");
    let Block::List(list) = &parsed[0] else {
        panic!("a list: {parsed:?}")
    };
    assert_eq!(list.start, None);
    assert_eq!(list.items.len(), 2);
    let Block::List(inner) = &list.items[0].blocks[1] else {
        panic!("a nested list")
    };
    assert_eq!(inner.start, Some(1));
    let Block::Table(table) = &parsed[1] else {
        panic!("a table")
    };
    assert_eq!(table.align, [Align::Left, Align::Right]);
    assert_eq!(text(&table.rows[0][1]), "11");
}

#[test]
fn components_become_their_blocks_and_unknown_ones_are_errors() {
    let md = "```kvartal-signatures\nplace_and_date: \"Ort och datum\"\nsigners:\n  - name: \"Karin Berg\"\n    lines: [\"Kommundirektör\"]\n```\n";
    let parsed = blocks(md);
    let Block::Signatures(signatures) = &parsed[0] else {
        panic!("signatures: {parsed:?}")
    };
    assert_eq!(signatures.signers[0].name, "Karin Berg");
    let unknown = parse(
        "```kvartal-chart\nx: 1\n```\n",
        Meta::example(),
        &ImageStore::new(),
    );
    assert!(unknown.is_err_and(|e| e.message.contains("kvartal-chart")));
    let typo = parse(
        "```kvartal-signatures\nplace: x\nsigners: []\n```\n",
        Meta::example(),
        &ImageStore::new(),
    );
    assert!(typo.is_err_and(|e| e.message.contains("kvartal-signatures")));
}

#[test]
fn a_logo_must_name_a_known_image() {
    let result = parse(
        "```kvartal-logos\n- image: \"x.png\"\n  alt: \"X\"\n```\n",
        Meta::example(),
        &ImageStore::new(),
    );
    assert!(result.is_err_and(|e| e.message.contains("x.png")));
}

/// An image store with one logo, `x.png`, 20 mm high.
fn one_logo() -> ImageStore {
    let image = Image {
        id: crate::doc::FigureId::default(),
        data: std::sync::Arc::new(Vec::new()),
        format: ImageFormat::Png,
        alt: "Kommunen".to_owned(),
        height_mm: 20.0,
    };
    ImageStore::from([("x.png".to_owned(), image)])
}

#[test]
fn a_logo_is_as_high_as_its_image_unless_the_block_says() {
    let images = one_logo();
    let heights = |extra: &str| {
        let markdown = format!("```kvartal-logos\n- image: x.png\n  alt: X\n{extra}```\n");
        match &parse(&markdown, Meta::example(), &images)
            .expect("parses")
            .blocks[..]
        {
            [Block::Logos(logos)] => logos.iter().map(|l| l.height_mm).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(heights(""), [20.0]);
    assert_eq!(heights("  height_mm: 12\n"), [12.0]);
}

#[test]
fn tables_charts_and_placed_logos_are_numbered_in_document_order() {
    let markdown = "| a |\n|---|\n| 1 |\n\n```kvartal-logos\n- image: x.png\n  alt: X\n\
                    - image: x.png\n  alt: Y\n```\n";
    let ids: Vec<u32> = match &parse(markdown, Meta::example(), &one_logo())
        .expect("parses")
        .blocks[..]
    {
        [Block::Table(table), Block::Logos(logos)] => std::iter::once(table.id)
            .chain(logos.iter().map(|l| l.id))
            .map(|id| id.0)
            .collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(ids, [1, 2, 3]);
}

#[test]
fn a_page_break_takes_no_parameters() {
    assert_eq!(blocks("```kvartal-pagebreak\n```\n"), [Block::PageBreak]);
    let with_body = parse(
        "```kvartal-pagebreak\nx: 1\n```\n",
        Meta::example(),
        &ImageStore::new(),
    );
    assert!(with_body.is_err_and(|e| e.message.contains("no parameters")));
}

#[test]
fn a_layout_link_to_anything_but_the_web_or_mail_is_an_error() {
    let images = ImageStore::new();
    for target in ["javascript:alert(1)", "file:///etc/passwd", "bilaga.pdf"] {
        let markdown = format!("Se [här]({target}).\n");
        let error = parse(&markdown, Meta::example(), &images).expect_err(target);
        assert!(error.to_string().contains(target), "{error}");
    }
    let allowed = "[Polisen](https://polisen.se), [e-post](mailto:a@b.se), [Klar](status:done)\n";
    assert!(parse(allowed, Meta::example(), &images).is_ok());
}

#[test]
fn only_a_programme_page_links_to_files_beside_it() {
    let images = ImageStore::new();
    let siblings = "[Webbsida](2023-Q4.html) · [PDF](2023-Q4.pdf) · [Word](Q4%20svar.docx)\n";
    for links in [Links::Web, Links::WebAndSiblings] {
        let parsed = parse_with(siblings, Meta::example(), &images, links);
        assert_eq!(parsed.is_ok(), links == Links::WebAndSiblings, "{links:?}");
    }
    let parsed = parse_with(siblings, Meta::example(), &images, Links::WebAndSiblings);
    let targets: Vec<String> = match parsed.expect("parses").blocks.as_slice() {
        [Block::Paragraph(runs)] => runs.iter().filter_map(|r| r.link.clone()).collect(),
        other => panic!("{other:?}"),
    };
    assert_eq!(targets, ["2023-Q4.html", "2023-Q4.pdf", "Q4%20svar.docx"]);
    // Still no other folder, no other kind of file, no scheme but the web's.
    for target in [
        "../2023-Q4.pdf",
        "sub/2023-Q4.pdf",
        "2023-Q4.yaml",
        "javascript:x.html",
        "file:///x.pdf",
        "&#46;&#46;&#47;x.pdf",
    ] {
        let markdown = format!("Se [här]({target}).\n");
        let error = parse_with(&markdown, Meta::example(), &images, Links::WebAndSiblings)
            .expect_err(target);
        assert!(error.message.contains("in its own folder"), "{error}");
    }
    let web = "[Polisen](https://polisen.se), [Klar](status:done)\n";
    assert!(parse_with(web, Meta::example(), &images, Links::WebAndSiblings).is_ok());
}

#[test]
fn an_error_names_the_line_of_the_markdown_it_stands_on() {
    let markdown = "# Titel\n\nText.\n\n```kvartal-chart\nfoo: 1\n```\n";
    let error = parse(markdown, Meta::example(), &ImageStore::new()).expect_err("unknown field");
    let line = error.line.as_ref().expect("placed");
    assert_eq!((line.number, line.text.as_str()), (5, "```kvartal-chart"));
    assert!(
        error
            .to_string()
            .starts_with("line 5, \"```kvartal-chart\": in component")
    );
    let link = parse(
        "Text.\n\nSe [här](bilaga.pdf).\n",
        Meta::example(),
        &ImageStore::new(),
    );
    let line = link.expect_err("a link to a file").line.expect("placed");
    assert_eq!(line.number, 3);
}

#[test]
fn a_badge_of_a_tone_not_named_is_an_error_not_a_grey_badge() {
    let error = parse(
        "[Klar](status:green)\n",
        Meta::example(),
        &ImageStore::new(),
    )
    .expect_err("green");
    assert_eq!(
        error.message,
        "a status badge of tone `green`; the tones are good, warning, bad, done, neutral"
    );
}

#[test]
fn a_document_draws_at_most_its_number_of_charts() {
    let chart = "```kvartal-chart\nalt: A\npoints: [{label: K1, value: 1, current: true}]\n```\n\n";
    let allowed = chart.repeat(MAX_CHARTS);
    assert!(parse(&allowed, Meta::example(), &ImageStore::new()).is_ok());
    let one_more = chart.repeat(MAX_CHARTS + 1);
    let refused = parse(&one_more, Meta::example(), &ImageStore::new());
    assert!(refused.is_err_and(|e| e.message.contains("more than 3000 charts")));
}

#[test]
fn lists_nest_at_most_as_deep_as_word_numbers() {
    let images = ImageStore::new();
    let nested = |depth: usize| format!("{}x\n", "- ".repeat(depth));
    assert!(
        parse(
            &nested(crate::markdown::MAX_LIST_DEPTH),
            Meta::example(),
            &images
        )
        .is_ok()
    );
    let deep = parse(&nested(20_000), Meta::example(), &images);
    assert!(deep.is_err_and(|e| e.message.contains("nested more than 9")));
}

#[test]
fn a_layout_piling_marks_on_a_letter_is_refused() {
    let piled = format!("a{}\n", "\u{301}".repeat(crate::text::MAX_MARKS + 1));
    let refused = parse(&piled, Meta::example(), &ImageStore::new());
    assert!(refused.is_err_and(|e| e.message.contains("combining marks")));
}

#[test]
fn tables_have_a_width_and_the_document_a_number_of_cells() {
    let images = ImageStore::new();
    let table = |columns: usize, rows: usize| {
        let row = format!("|{}\n", "x|".repeat(columns));
        format!("{row}|{}\n{}", "-|".repeat(columns), row.repeat(rows))
    };
    assert!(parse(&table(MAX_TABLE_COLUMNS, 3), Meta::example(), &images).is_ok());
    let wide = parse(&table(MAX_TABLE_COLUMNS + 1, 3), Meta::example(), &images);
    assert!(wide.is_err_and(|e| e.message.contains("a page shows at most 20")));
    let long = parse(&table(10, MAX_TABLE_CELLS / 10), Meta::example(), &images);
    assert!(long.is_err_and(|e| e.message.contains("more than 200000 cells")));
}

#[test]
fn lines_are_as_tall_as_the_layout_says_or_the_font_needs() {
    let style = Style::default();
    // Carlito's own lines are 1.22 em, less than the layout's 1.35.
    let bundled = Font::bundled();
    assert!(
        (1.2..1.25).contains(&bundled.line_em),
        "{}",
        bundled.line_em
    );
    assert_eq!(style.line_pitch(10.5, &bundled), 14.2);
    // Noto Serif needs 1.36 em; a word processor never sets its lines tighter.
    let fonts = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fonts/");
    let read = |name: &str| Arc::new(std::fs::read(format!("{fonts}{name}")).expect("fixture"));
    let (regular, bold) = (read("NotoSerif-Regular.ttf"), read("NotoSerif-Bold.ttf"));
    let files = FontFiles {
        italic: Arc::clone(&regular),
        bold_italic: Arc::clone(&bold),
        regular,
        bold,
    };
    let serif = Font::own("Noto Serif".to_owned(), files);
    assert!(serif.line_em > 1.35, "{}", serif.line_em);
    assert_eq!(style.line_pitch(10.5, &serif), 14.3);
}
