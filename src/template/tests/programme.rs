//! A programme's page: its view, and its Markdown through the built-in layouts and through
//! layout folders made before the page existed.

use super::*;
use crate::doc::{ImageStore, Links, Meta};
use crate::template::context::programme;
use crate::template::labels::ADDED_LATER;

/// The sample report for quarter `quarter` of 2023; its first metric has a value for each
/// quarter before, so that it has a trend to chart.
fn quarter(quarter: u8) -> Report {
    let mut report = sample_report();
    report.period = Period::quarter(2023, quarter);
    report.source = PathBuf::from(format!("report-data/mb/2023-Q{quarter}.yaml"));
    let metric = &mut report.focus_areas[0].metrics[0];
    metric.history = (1..quarter)
        .map(|q| (Period::quarter(2023, q), 70.0 + f64::from(q)))
        .collect();
    report
}

/// The files of `stem` in `formats`, as `build` names them.
fn files(stem: &str, formats: &[&str]) -> QuarterFiles {
    let name = |format: &str| {
        formats
            .contains(&format)
            .then(|| format!("{stem}.{format}"))
    };
    QuarterFiles {
        html: name("html"),
        pdf: name("pdf"),
        docx: name("docx"),
    }
}

/// Every link target of `markdown` but the status badges, in order.
fn links(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !dest_url.starts_with("status:") => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

fn headings(markdown: &str, wanted: HeadingLevel) -> Vec<String> {
    texts_of(
        markdown,
        |t| matches!(t, Tag::Heading { level, .. } if *level == wanted),
    )
}

#[test]
fn the_view_lists_the_quarters_newest_first_with_links_to_their_files() {
    let (q1, q3, q2) = (quarter(1), quarter(3), quarter(2));
    let listed = [
        ProgrammeQuarter {
            report: &q1,
            files: files("2023-Q1", &["html", "pdf"]),
        },
        ProgrammeQuarter {
            report: &q3,
            files: files("Q3 (rättad)", &["html", "pdf", "docx"]),
        },
        ProgrammeQuarter {
            report: &q2,
            files: files("2023-Q2", &["html"]),
        },
    ];
    let layout = standard();
    let view = programme::build(&listed, layout.labels(), layout.style())
        .expect("builds")
        .expect("a quarter");
    assert_eq!(view.title, "Uppföljning av Medborgarlöfte 2023");
    assert_eq!((view.language, view.series), ("sv", "medborgarlofte-2023"));
    let order: Vec<&str> = view.quarters.iter().map(|q| q.quarter.as_str()).collect();
    assert_eq!(order, ["2023-Q3", "2023-Q2", "2023-Q1"]);
    assert_eq!(view.quarters[0].period.text, "Kvartal 3 2023");
    assert_eq!(view.quarters[0].period.name, "tredje kvartalet");
    assert_eq!(
        view.quarters[0].files.docx.as_deref(),
        Some("Q3%20%28r%C3%A4ttad%29.docx")
    );
    assert_eq!(view.quarters[1].files, files("2023-Q2", &["html"]));
    assert_eq!(view.quarters[2].files.pdf.as_deref(), Some("2023-Q1.pdf"));
    assert_eq!(view.quarters[0].focus_areas[0].status, Some("on_track"));
    // The key figures are the newest quarter's, with its series of quarters before it.
    assert_eq!((view.period.year, view.period.quarter), (2023, Some(3)));
    let first = &view.metrics[0];
    assert!(first.trend, "{first:?}");
    let series: Vec<(&str, Option<f64>)> = first
        .series
        .iter()
        .map(|p| (p.quarter.as_str(), p.value))
        .collect();
    assert_eq!(
        series,
        [
            ("2023-Q1", Some(71.0)),
            ("2023-Q2", Some(72.0)),
            ("2023-Q3", Some(71.5))
        ]
    );
    let none = programme::build(&[], layout.labels(), layout.style()).expect("builds");
    assert!(none.is_none());
    let message = layout.render_programme(&[]).expect_err("no quarter");
    assert!(message.to_string().contains("needs a quarter"), "{message}");
}

#[test]
fn the_page_links_only_the_files_built_and_shows_badges_and_charts() {
    let (q1, q2) = (quarter(1), quarter(2));
    let listed = [
        ProgrammeQuarter {
            report: &q1,
            files: files("2023-Q1", &["html"]),
        },
        ProgrammeQuarter {
            report: &q2,
            files: files("2023-Q2", &["html", "pdf", "docx"]),
        },
    ];
    let markdown = standard().render_programme(&listed).expect("renders");
    assert_eq!(
        headings(&markdown, HeadingLevel::H1),
        ["Uppföljning av Medborgarlöfte 2023"]
    );
    assert_eq!(
        headings(&markdown, HeadingLevel::H3),
        ["Kvartal 2 2023", "Kvartal 1 2023"]
    );
    assert_eq!(
        links(&markdown),
        [
            "2023-Q2.html",
            "2023-Q2.pdf",
            "2023-Q2.docx",
            "2023-Q1.html"
        ]
    );
    assert_contains(&markdown, "[Webbsida](2023-Q2.html) · [PDF](2023-Q2.pdf)");
    assert_contains(
        &markdown,
        "| **Narkotika och vapen** | [På rätt väg](status:good) |",
    );
    assert_contains(&markdown, "| – EST | [Försenad](status:warning) |");
    assert_contains(&markdown, "## Nyckeltal över tid");
    assert_contains(&markdown, "till och med kvartal 2 2023.");
    assert_eq!(
        markdown.matches("```kvartal-chart").count(),
        1,
        "{markdown}"
    );
    // A programme's page parses with links to the files beside it, and only so.
    let images = ImageStore::from([(
        "logos/kommun.png".to_owned(),
        crate::doc::Image {
            id: crate::doc::FigureId::default(),
            data: std::sync::Arc::new(Vec::new()),
            format: ImageFormat::Png,
            alt: "logo".into(),
            height_mm: 16.0,
        },
    )]);
    let parsed = crate::doc::parse_with(&markdown, Meta::example(), &images, Links::WebAndSiblings);
    assert!(parsed.is_ok(), "{parsed:?}");
    let refused = crate::doc::parse(&markdown, Meta::example(), &images).expect_err("a file");
    assert!(refused.message.contains("2023-Q2.html"), "{refused}");
}

#[test]
fn every_builtin_layout_has_a_programme_page_in_both_languages() {
    for name in builtin_names() {
        let layout = Layout::builtin(name).expect("loads");
        for language in [Language::Sv, Language::En] {
            let report = Report {
                language,
                ..quarter(2)
            };
            let listed = [ProgrammeQuarter {
                report: &report,
                files: files("2023-Q2", &["html", "pdf"]),
            }];
            let markdown = layout
                .render_programme(&listed)
                .unwrap_or_else(|e| panic!("{name} {language}: {e}"));
            assert_eq!(headings(&markdown, HeadingLevel::H1).len(), 1, "{markdown}");
            assert_eq!(links(&markdown), ["2023-Q2.html", "2023-Q2.pdf"], "{name}");
            let images = ImageStore::new();
            let parsed = crate::doc::parse_with(
                &markdown.replace("```kvartal-logos", "```kvartal-x-logos"),
                Meta::example(),
                &images,
                Links::WebAndSiblings,
            );
            // Only the logos, whose pictures this test has none of, are left unread.
            assert!(
                parsed.is_err_and(|e| e.message.contains("kvartal-x-logos")),
                "{name} {language}"
            );
        }
    }
}

#[test]
fn a_folder_without_the_page_s_words_or_template_still_loads_and_has_the_page() {
    // A layout folder made before the programme's page: its own language, without the
    // words added since, and its own report template.
    let swedish = include_str!("../../../layouts/standard/labels/sv.toml");
    let finnish: String = swedish
        .lines()
        .filter(|line| {
            !ADDED_LATER
                .iter()
                .any(|key| line.starts_with(&format!("{key} =")))
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let layout_files = [
        ("labels/fi.toml", finnish.as_str()),
        ("report.hbs", "# {{title}}\n\n{{label \"summary\"}}\n"),
    ];
    let folder = TempLayout::new("programme-old-folder", &layout_files);
    let layout = Layout::from_dir(&folder.0).unwrap_or_else(|e| panic!("loads: {e}"));
    let finnish = Language::from_code("fi").expect("a code");
    let report = Report {
        language: finnish,
        ..quarter(2)
    };
    assert_eq!(
        layout.render(&report).expect("renders"),
        "# Uppföljning av Medborgarlöfte 2023 – kvartal 2 2023\n\nSammanfattning\n"
    );
    let listed = [ProgrammeQuarter {
        report: &report,
        files: files("2023-Q2", &["html"]),
    }];
    let markdown = layout.render_programme(&listed).expect("renders");
    // The built-in page, the English words of the keys the folder's language lacks.
    assert_contains(&markdown, "# Follow-up of Medborgarlöfte 2023");
    assert_contains(&markdown, "[Web page](2023-Q2.html)");
    assert_contains(&markdown, "## Quarterly reports");
    // The folder's own words for the rest.
    assert_contains(&markdown, "| Fokusområde / aktivitet | Status |");
}

#[test]
fn a_folder_s_own_programme_page_replaces_the_base_s() {
    let layout_files = [
        ("style.toml", "base = \"brief\"\n"),
        (
            "programme.hbs",
            "# {{programme}}\n\n{{#each quarters}}\n- [{{period.text}}]({{files.html}})\n{{/each}}\n",
        ),
    ];
    let folder = TempLayout::new("programme-own", &layout_files);
    let layout = Layout::from_dir(&folder.0).unwrap_or_else(|e| panic!("loads: {e}"));
    let (q1, q2) = (quarter(1), quarter(2));
    let listed = [
        ProgrammeQuarter {
            report: &q1,
            files: files("2023-Q1", &["html"]),
        },
        ProgrammeQuarter {
            report: &q2,
            files: files("2023-Q2", &["html"]),
        },
    ];
    let markdown = layout.render_programme(&listed).expect("renders");
    assert_eq!(
        markdown,
        "# Medborgarlöfte 2023\n\n- [Kvartal 2 2023](2023-Q2.html)\n- [Kvartal 1 2023](2023-Q1.html)\n"
    );
    let broken = [("programme.hbs", "# {{title}}\n\n{{nothing}}\n")];
    let folder = TempLayout::new("programme-broken", &broken);
    let layout = Layout::from_dir(&folder.0).unwrap_or_else(|e| panic!("loads: {e}"));
    let message = layout
        .render_programme(&listed)
        .expect_err("strict")
        .to_string();
    assert!(message.contains("programme.hbs:3"), "{message}");
    assert!(message.contains("`nothing`"), "{message}");
}
