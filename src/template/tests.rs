//! Rendering whole reports through the standard layout and through layouts on disk.

use super::*;
use crate::image::ImageFormat;
use crate::report::{
    Activity, ActivityStatus, Direction, FocusArea, FocusStatus, Language, Logo, Meeting, Metric,
    Organisation, Period, Person, Signature,
};
use chrono::NaiveDate;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn metric(id: &str, name: &str, value: f64, unit: Option<&str>, target: Option<f64>) -> Metric {
    Metric {
        id: id.into(),
        name: name.into(),
        value,
        unit: unit.map(Into::into),
        target,
        direction: Direction::HigherIsBetter,
        history: BTreeMap::new(),
    }
}

fn activity(
    id: &str,
    title: &str,
    focus_areas: &[&str],
    status: Option<ActivityStatus>,
) -> Activity {
    Activity {
        id: id.into(),
        title: title.into(),
        focus_areas: focus_areas.iter().map(|s| s.to_string()).collect(),
        status,
        responsible: Vec::new(),
        due: None,
        progress: None,
        metrics: Vec::new(),
    }
}

/// A Swedish report with every part the standard layout prints.
fn sample_report() -> Report {
    let mut sig = activity(
        "sig",
        "Social insatsgrupp (SIG)",
        &["narkotika", "unga"],
        Some(ActivityStatus::Ongoing),
    );
    sig.responsible = vec!["Polisen".into(), "Jönköpings kommun".into()];
    sig.due = Some(date(2023, 6, 30));
    sig.progress = Some("Samverkan har **fortsatt**.\n".into());
    sig.metrics = vec![metric(
        "sig-natverk",
        "Antal SIG-nätverk",
        1234567.0,
        Some("st"),
        None,
    )];
    Report {
        source: PathBuf::from("report-data/mb/2023-Q1.yaml"),
        programme: "Medborgarlöfte 2023".into(),
        series: "medborgarlofte-2023".into(),
        title: None,
        period: Period::quarter(2023, 1),
        language: Language::Sv,
        date: date(2023, 4, 12),
        organisations: vec![
            Organisation {
                name: "Jönköpings kommun".into(),
                logo: Some(Logo {
                    written: "logos/kommun.png".into(),
                    format: ImageFormat::Png,
                    data: Vec::new(),
                }),
            },
            Organisation {
                name: "Polisen, lokalpolisområde Jönköping".into(),
                logo: None,
            },
        ],
        meeting: Some(Meeting {
            body: Some("Kommunstyrelsens arbetsutskott".into()),
            date: Some(date(2023, 5, 3)),
            case_number: Some("KS 2023/0123".into()),
            agenda_item: Some("7".into()),
        }),
        prepared_by: vec![Person {
            name: "Anna Andersson".into(),
            role: Some("Trygghetssamordnare".into()),
            email: None,
            phone: None,
        }],
        summary: Some("Kommunen och polisen har gett ett *gemensamt* löfte.\n".into()),
        focus_areas: vec![
            FocusArea {
                id: "narkotika".into(),
                title: "Narkotika och vapen".into(),
                goal: Some("Minska tillgången till narkotika.".into()),
                status: Some(FocusStatus::OnTrack),
                progress: Some("Avloppsvatten har analyserats.\n\n- en punkt\n- två\n".into()),
                metrics: vec![metric(
                    "trygghet",
                    "Andel trygga i centrum",
                    71.5,
                    Some("%"),
                    Some(75.0),
                )],
            },
            FocusArea {
                id: "unga".into(),
                title: "Barn och unga".into(),
                goal: None,
                status: None,
                progress: None,
                metrics: Vec::new(),
            },
        ],
        activities: vec![
            sig,
            activity("est", "EST", &[], Some(ActivityStatus::Delayed)),
        ],
        signatures: vec![Signature {
            name: "Karin Berg".into(),
            role: Some("Kommundirektör".into()),
            organisation: Some("Jönköpings kommun".into()),
        }],
        department: None,
        decision: None,
        background: None,
        decision_basis: Vec::new(),
    }
}

fn standard() -> Layout {
    Layout::builtin("standard").expect("the standard layout loads")
}

fn render(report: &Report) -> String {
    standard()
        .render(report)
        .unwrap_or_else(|e| panic!("renders: {e}"))
}

fn assert_contains(markdown: &str, expected: &str) {
    assert!(
        markdown.contains(expected),
        "expected {expected:?} in:\n{markdown}"
    );
}

/// The text inside each element that `is_target` opens, concatenated, in document order.
fn texts_of(markdown: &str, is_target: impl Fn(&Tag<'_>) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) if depth == 0 && is_target(&tag) => {
                depth = 1;
                found.push(String::new());
            }
            Event::Start(_) if depth > 0 => depth += 1,
            Event::End(_) if depth > 0 => depth -= 1,
            Event::Text(text) if depth > 0 => found.last_mut().expect("opened").push_str(&text),
            _ => {}
        }
    }
    found
}

#[test]
fn title_is_built_from_programme_and_period_when_absent() {
    let layout = standard();
    let mut report = sample_report();
    let sv = title(&report, &layout).expect("title");
    assert_eq!(sv, "Uppföljning av Medborgarlöfte 2023 – kvartal 1 2023");
    report.language = Language::En;
    let en = title(&report, &layout).expect("title");
    assert_eq!(en, "Follow-up of Medborgarlöfte 2023 – quarter 1 2023");
    report.title = Some("Egen titel".into());
    assert_eq!(title(&report, &layout).expect("title"), "Egen titel");
    assert_contains(&render(&report), "\n# Egen titel\n");
}

#[test]
fn metrics_show_the_change_since_the_previous_quarter_with_an_arrow() {
    let mut report = sample_report();
    let previous = Period::quarter(2022, 4);
    let metric = &mut report.focus_areas[0].metrics[0];
    metric.history.insert(previous, 70.0);
    let md = render(&report);
    assert_contains(
        &md,
        "| Andel trygga i centrum (%) | 71,5 | ↑\u{a0}+1,5 | 75 |",
    );
    // Two quarters are a trend: a chart and the table of its quarters.
    assert_contains(
        &md,
        "\n**Andel trygga i centrum** (%)\n\n```kvartal-chart\n{\"alt\": \"Andel trygga i centrum: 70 % i kvartal 4 2022, 71,5 % i kvartal 1 2023; mål 75 %\", \"name\": \"Andel trygga i centrum\", \"points\": [{\"current\": false, \"label\": \"K4 2022\", \"value\": 70.0}, {\"current\": true, \"label\": \"K1 2023\", \"value\": 71.5}], \"target\": {\"label\": \"Mål\", \"value\": 75.0}, \"unit\": \"%\"}\n```\n",
    );
    assert_contains(
        &md,
        "\n| Kvartal | Värde | Mot kvartalet före | Mot samma kvartal året före | Måluppfyllelse |\n| --- | ---: | ---: | ---: | --- |\n| K4 2022 | 70 |  |  | [Målet ej nått](status:warning) |\n| **K1 2023** | 71,5 | ↑\u{a0}+1,5 |  | [Målet ej nått](status:warning) |\n",
    );
    report.focus_areas[0].metrics[0]
        .history
        .insert(previous, 80.25);
    assert_contains(&render(&report), "| ↓\u{a0}−8,75 |");
    report.focus_areas[0].metrics[0].history = [(Period::quarter(2022, 3), 1.0)].into();
    assert_contains(
        &render(&report),
        "| Andel trygga i centrum (%) | 71,5 |  | 75 |",
    );
}

#[test]
fn swedish_report_has_every_part() {
    let md = render(&sample_report());
    let parts = [
        "```kvartal-logos\n- image: \"logos/kommun.png\"\n  alt: \"Jönköpings kommun – logotyp\"\n  height_mm: 16.0\n```\n\n# Uppföljning av Medborgarlöfte 2023 – kvartal 1 2023\n",
        "\nMedborgarlöfte 2023 · Kvartal 1 2023\n",
        "\nJönköpings kommun · Polisen, lokalpolisområde Jönköping\n",
        "\n**Sammanträde:** Kommunstyrelsens arbetsutskott\n",
        "\n**Sammanträdesdatum:** 3 maj 2023\n",
        "\n**Diarienummer:** KS 2023/0123\n",
        "\n**Ärende:** 7\n",
        "\n**Datum:** 12 april 2023\n",
        "\n**Upprättad av:** Anna Andersson, Trygghetssamordnare\n",
        "\n## Sammanfattning\n\nKommunen och polisen har gett ett *gemensamt* löfte.\n",
        "\n## Statusöversikt\n\n| Fokusområde / aktivitet | Status |\n| --- | --- |\n\
         | **Narkotika och vapen** | [På rätt väg](status:good) |\n\
         | – Social insatsgrupp (SIG) | [Pågår](status:good) |\n\
         | **Barn och unga** | [Ej bedömd](status:neutral) |\n\
         | – Social insatsgrupp (SIG) | [Pågår](status:good) |\n\
         | **Övriga aktiviteter** | |\n\
         | – EST | [Försenad](status:warning) |\n",
        "\n## Narkotika och vapen\n\n**Mål**\n\nMinska tillgången till narkotika.\n\n**Status:** [På rätt väg](status:good)\n\nAvloppsvatten har analyserats.\n\n- en punkt\n- två\n\n",
        "\n## Nyckeltal\n\n| Nyckeltal | Värde | Förändring | Mål | Måluppfyllelse |\n| --- | ---: | ---: | ---: | --- |\n\
         | Andel trygga i centrum (%) | 71,5 |  | 75 | [Målet ej nått](status:warning) |\n\
         | Antal SIG-nätverk (st) | 1\u{a0}234\u{a0}567 |  |  |  |\n",
        // Only this quarter's value: no trend to chart, one line.
        "\n**Andel trygga i centrum:** 71,5&nbsp;% · Mål 75 [Målet ej nått](status:warning)\n",
        "\n### Social insatsgrupp (SIG)\n\n**Status:** [Pågår](status:good) · **Ansvarig:** Polisen, Jönköpings kommun · **Klart senast:** 30 juni 2023\n\nSamverkan har **fortsatt**.\n",
        "\n## Övriga aktiviteter\n\n### EST\n\n**Status:** [Försenad](status:warning)\n",
        "\n## Underskrifter\n\n```kvartal-signatures\nplace_and_date: \"Ort och datum\"\nsigners:\n  - name: \"Karin Berg\"\n    lines: [\"Kommundirektör\", \"Jönköpings kommun\"]\n```\n",
    ];
    for part in parts {
        assert_contains(&md, part);
    }
    assert!(
        md.ends_with("```\n") && !md.contains("\n\n\n"),
        "spacing:\n{md}"
    );
}

#[test]
fn english_report_uses_english_words_dates_and_numbers() {
    let mut report = sample_report();
    report.language = Language::En;
    let md = render(&report);
    for part in [
        "# Follow-up of Medborgarlöfte 2023 – quarter 1 2023\n",
        "**Date:** 12 April 2023\n",
        "**Meeting date:** 3 May 2023\n",
        "| Andel trygga i centrum (%) | 71.5 |  | 75 | [Target not met](status:warning) |\n",
        "| Antal SIG-nätverk (st) | 1,234,567 |  |  |  |\n",
        "**Andel trygga i centrum:** 71.5&nbsp;% · Target 75 [Target not met](status:warning)\n",
        "[Ongoing](status:good) · **Responsible:** Polisen, Jönköpings kommun · **Due:** 30 June 2023\n",
        "| **Barn och unga** | [Not assessed](status:neutral) |\n",
        "## Other activities\n",
        "alt: \"Jönköpings kommun – logo\"",
        "place_and_date: \"Place and date\"",
    ] {
        assert_contains(&md, part);
    }
}

#[test]
fn optional_parts_are_left_out() {
    let mut report = sample_report();
    report.organisations[0].logo = None;
    report.meeting = None;
    report.prepared_by.clear();
    report.summary = None;
    report.signatures.clear();
    report.activities.truncate(1);
    let md = render(&report);
    assert!(md.starts_with("# Uppföljning"), "{md}");
    for absent in [
        "kvartal-logos",
        "Sammanträde",
        "Upprättad",
        "Sammanfattning",
        "Övriga",
        "Underskrifter",
    ] {
        assert!(!md.contains(absent), "{absent:?} in:\n{md}");
    }
}

#[test]
fn headings_follow_the_contract() {
    let md = render(&sample_report());
    let levels: Vec<HeadingLevel> = Parser::new_ext(&md, Options::ENABLE_TABLES)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level),
            _ => None,
        })
        .collect();
    assert_eq!(levels.first(), Some(&HeadingLevel::H1));
    assert_eq!(levels.iter().filter(|l| **l == HeadingLevel::H1).count(), 1);
    assert!(levels.iter().all(|l| *l <= HeadingLevel::H3), "{levels:?}");
}

#[test]
fn plain_text_is_printed_as_written() {
    let nasty = "{{x}} <b>bold</b> *a* _b_ # c | d [e](f) `g` & ~h~ ! \\ 1. - + =";
    let mut report = sample_report();
    report.title = Some(format!("1. {nasty}"));
    report.organisations[1].name = format!("- {nasty}");
    report.activities[0].title = nasty.into();
    report.focus_areas[0].metrics[0].unit = Some("|".into());
    let md = render(&report);

    let h1 = texts_of(&md, |t| {
        matches!(
            t,
            Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }
        )
    });
    assert_eq!(h1, [format!("1. {nasty}")]);
    let h3 = texts_of(&md, |t| {
        matches!(
            t,
            Tag::Heading {
                level: HeadingLevel::H3,
                ..
            }
        )
    });
    assert_eq!(h3[0], nasty);
    let paragraphs = texts_of(&md, |t| matches!(t, Tag::Paragraph));
    assert!(
        paragraphs
            .iter()
            .any(|p| p.ends_with(&format!(" · - {nasty}"))),
        "{paragraphs:?}"
    );
    let cells = texts_of(&md, |t| matches!(t, Tag::TableCell));
    assert!(cells.contains(&format!("– {nasty}")), "{cells:?}");
    assert!(cells.iter().any(|c| c.ends_with(" (|)")), "{cells:?}");
}

#[test]
fn unknown_builtin_layout_is_an_error() {
    let message = Layout::builtin("fancy")
        .err()
        .expect("no such layout")
        .to_string();
    assert!(
        message.contains("fancy") && message.contains("standard"),
        "{message}"
    );
    assert_eq!(builtin_names(), ["standard", "brief", "tjansteskrivelse"]);
}

#[test]
fn every_builtin_layout_file_is_compiled_in() {
    for name in builtin_names() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("layouts")
            .join(name);
        let on_disk: Vec<String> = ["", "partials", "labels"]
            .iter()
            .flat_map(|sub| fs::read_dir(dir.join(sub)).into_iter().flatten().flatten())
            .filter(|e| e.path().is_file())
            .map(|e| {
                let path = e.path();
                let inside = path.strip_prefix(&dir).expect("inside");
                inside.to_string_lossy().replace('\\', "/")
            })
            .collect();
        let embedded: Vec<&str> = embedded::files(name)
            .expect("built in")
            .iter()
            .map(|(n, _)| *n)
            .collect();
        for file in &on_disk {
            assert!(
                embedded.contains(&file.as_str()),
                "{name}/{file} is not compiled in"
            );
        }
        let from_disk = Layout::from_dir(&dir).expect("loads from disk");
        let builtin = Layout::builtin(name).expect("loads");
        let report = sample_report();
        assert_eq!(
            from_disk.render(&report).ok(),
            builtin.render(&report).ok(),
            "{name}"
        );
        assert_eq!(from_disk.style(), builtin.style(), "{name}");
    }
}

#[test]
fn every_builtin_layout_renders_both_languages_to_the_contract() {
    for name in builtin_names() {
        let layout = Layout::builtin(name).expect("loads");
        for language in [Language::Sv, Language::En] {
            let report = Report {
                language,
                ..sample_report()
            };
            let markdown = layout
                .render(&report)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let titles = texts_of(&markdown, |t| {
                matches!(
                    t,
                    Tag::Heading {
                        level: HeadingLevel::H1,
                        ..
                    }
                )
            });
            assert_eq!(titles.len(), 1, "{name} {language}: {markdown}");
            let meta = crate::doc::Meta::example();
            let images = BTreeMap::from([(
                "logos/kommun.png".to_owned(),
                crate::doc::Image {
                    id: crate::doc::FigureId::default(),
                    data: std::sync::Arc::new(Vec::new()),
                    format: ImageFormat::Png,
                    alt: "logo".into(),
                    height_mm: 16.0,
                },
            )]);
            if let Err(e) = crate::doc::parse(&markdown, meta, &images) {
                panic!("{name} {language}: {e}\n{markdown}");
            }
        }
    }
}

#[test]
fn every_builtin_layout_is_legible() {
    for name in builtin_names() {
        let layout = Layout::builtin(name).expect("loads");
        assert!(super::legible::problem(layout.style()).is_none(), "{name}");
    }
}

#[test]
fn the_brief_has_a_key_figure_per_row() {
    let layout = Layout::builtin("brief").expect("loads");
    let markdown = layout.render(&sample_report()).expect("renders");
    assert_contains(
        &markdown,
        "| **Narkotika och vapen** | [På rätt väg](status:good) | Andel trygga i centrum: **71,5&nbsp;%** (Mål 75) |",
    );
    assert_contains(&markdown, "| – EST | [Försenad](status:warning) |  |");
    assert!(!markdown.contains("### "), "{markdown}");
    let mut report = sample_report();
    let previous = Period::quarter(2022, 4);
    report.focus_areas[0].metrics[0]
        .history
        .insert(previous, 70.0);
    let markdown = layout.render(&report).expect("renders");
    assert_contains(&markdown, "**71,5&nbsp;%** ↑\u{a0}+1,5 (Mål 75) |");
}

#[test]
fn the_memo_proposes_the_given_decision_or_a_default() {
    let layout = Layout::builtin("tjansteskrivelse").expect("loads");
    let mut report = sample_report();
    let markdown = layout.render(&report).expect("renders");
    assert_contains(
        &markdown,
        "## Förslag till beslut\n\nKommunstyrelsens arbetsutskott beslutar att lägga uppföljningen av Medborgarlöfte 2023 för första kvartalet 2023 till handlingarna.\n",
    );
    assert_contains(
        &markdown,
        "**Handläggare:** Anna Andersson, Trygghetssamordnare\\\n",
    );
    report.decision = Some("Nämnden *godkänner* uppföljningen.\n".into());
    report.decision_basis = vec!["Bilaga 1".into()];
    report.department = Some("Kommunledningsförvaltningen".into());
    let markdown = layout.render(&report).expect("renders");
    assert_contains(
        &markdown,
        "## Förslag till beslut\n\nNämnden *godkänner* uppföljningen.\n",
    );
    assert_contains(&markdown, "## Beslutsunderlag\n\n- Bilaga 1\n");
    assert_contains(
        &markdown,
        "Jönköpings kommun, Kommunledningsförvaltningen\n",
    );
}

#[test]
fn braces_in_the_report_are_printed_as_written_not_filled() {
    let layout = Layout::builtin("tjansteskrivelse").expect("loads");
    let mut report = sample_report();
    if let Some(meeting) = report.meeting.as_mut() {
        meeting.body = Some("Nämnden {year} {title}".into());
    }
    let markdown = layout.render(&report).expect("renders");
    assert_contains(
        &markdown,
        "## Förslag till beslut\n\nNämnden {year} {title} beslutar att lägga uppföljningen av Medborgarlöfte 2023 för första kvartalet 2023 till handlingarna.\n",
    );
}

#[test]
fn style_turns_on_heading_numbers_and_the_cover_page() {
    let files = [("style.toml", "heading_numbers = true\ncover_page = true\n")];
    let layout = TempLayout::new("numbers", &files);
    let layout = Layout::from_dir(&layout.0).expect("loads");
    let markdown = layout.render(&sample_report()).expect("renders");
    assert_contains(&markdown, "\n## 1 Sammanfattning\n");
    assert_contains(&markdown, "\n### 4.1 Social insatsgrupp (SIG)\n");
    assert_contains(&markdown, "```kvartal-pagebreak\n```\n");
}

#[test]
fn a_folder_names_its_base_and_changes_only_some_words() {
    let files = [
        ("style.toml", "base = \"brief\"\n[sizes]\nbody_pt = 12\n"),
        ("labels/sv.toml", "key_figure = \"Mått\"\n"),
    ];
    let folder = TempLayout::new("base", &files);
    let layout = Layout::from_dir(&folder.0).expect("loads");
    let markdown = layout.render(&sample_report()).expect("renders");
    assert_contains(&markdown, "| Mått |");
    assert_eq!(layout.style().sizes.body_pt, 12.0);
    let brief = Layout::builtin("brief").expect("loads");
    assert_eq!(
        layout.style().page.margin_left_mm,
        brief.style().page.margin_left_mm
    );
}

#[test]
fn the_fill_helper_refuses_a_placeholder_left_empty() {
    let files = [(
        "report.hbs",
        "# {{title}}\n\n{{fill \"{a} och {b}\" a=1}}\n",
    )];
    let message = TempLayout::new("fill", &files).render_error();
    assert!(message.contains("a value for `{b}`"), "{message}");
}

#[test]
fn label_lookup_for_backends() {
    let layout = standard();
    assert_eq!(layout.label(Language::Sv, "page").ok(), Some("Sida"));
    assert_eq!(layout.label(Language::En, "of").ok(), Some("of"));
    assert_eq!(layout.label(Language::Sv, "case_number").ok(), Some("Dnr"));
    assert_eq!(
        layout.label(Language::En, "place_and_date").ok(),
        Some("Place and date")
    );
    let message = layout
        .label(Language::En, "nope")
        .expect_err("missing")
        .to_string();
    assert_eq!(message, "layouts/standard/labels/en.toml: no label `nope`");
}

/// A layout folder under the system's temporary folder, removed when dropped.
struct TempLayout(PathBuf);

impl TempLayout {
    fn new(test: &str, files: &[(&str, &str)]) -> TempLayout {
        let dir =
            std::env::temp_dir().join(format!("kvartal-template-{test}-{}", std::process::id()));
        for (name, text) in files {
            let path = dir.join(name);
            fs::create_dir_all(path.parent().expect("has a folder")).expect("create folder");
            fs::write(&path, text).expect("write layout file");
        }
        TempLayout(dir)
    }

    fn render_error(&self) -> String {
        let layout = Layout::from_dir(&self.0).unwrap_or_else(|e| panic!("loads: {e}"));
        layout
            .render(&sample_report())
            .expect_err("render fails")
            .to_string()
    }
}

impl Drop for TempLayout {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn strict_mode_names_file_line_and_field() {
    let layout = TempLayout::new("strict", &[("report.hbs", "# {{title}}\n\n{{sumary}}\n")]);
    let message = layout.render_error();
    let file = layout.0.join("report.hbs");
    assert!(
        message.starts_with(&format!("{}:3:1: ", file.display())),
        "{message}"
    );
    assert!(message.contains("sumary"), "{message}");
}

#[test]
fn errors_in_partials_name_the_partial() {
    let files = [
        ("report.hbs", "# {{title}}\n{{> extra}}\n"),
        ("partials/extra.hbs", "\n\n{{date programme}}\n"),
    ];
    let layout = TempLayout::new("partial", &files);
    let message = layout.render_error();
    let file = layout.0.join("partials/extra.hbs");
    assert!(
        message.starts_with(&format!("{}:3:1: ", file.display())),
        "{message}"
    );
    assert!(
        message.contains("helper `date` expects a date written YYYY-MM-DD"),
        "{message}"
    );
}

#[test]
fn missing_label_names_label_file_and_key() {
    let files = [("report.hbs", "# {{title}}\n\n{{label \"nonexistent\"}}\n")];
    let layout = TempLayout::new("label", &files);
    let message = layout.render_error();
    assert!(
        message.contains("layouts/standard/labels/sv.toml: no label `nonexistent`"),
        "{message}"
    );
    assert!(
        message.contains(&layout.0.join("report.hbs").display().to_string()),
        "{message}"
    );
}

#[test]
fn helpers_check_their_parameters() {
    let cases = [
        (
            "{{number title}}",
            "helper `number` expects a number, got \"",
        ),
        (
            "{{status title}}",
            "helper `status` expects one of on_track,",
        ),
        ("{{yaml}}", "helper `yaml` expects one parameter"),
        (
            "{{label \"a\" \"b\"}}",
            "helper `label` expects one parameter",
        ),
        (
            "{{yaml nothing.here}}",
            "`nothing.here` is not in the report data",
        ),
    ];
    for (i, (template, expected)) in cases.iter().enumerate() {
        let layout = TempLayout::new(&format!("helper{i}"), &[("report.hbs", template)]);
        let message = layout.render_error();
        assert!(message.contains(expected), "{template}: {message}");
    }
}

#[test]
fn template_syntax_errors_name_file_and_line() {
    let layout = TempLayout::new(
        "syntax",
        &[("partials/metrics.hbs", "ok\n{{#each metrics}}\n")],
    );
    let message = Layout::from_dir(&layout.0)
        .err()
        .expect("does not compile")
        .to_string();
    let file = layout.0.join("partials/metrics.hbs");
    assert!(
        message.starts_with(&format!("{}:", file.display())),
        "{message}"
    );
}

#[test]
fn missing_layout_folder_is_an_error_naming_it() {
    let dir = std::env::temp_dir().join("kvartal-template-no-such-layout");
    let message = Layout::from_dir(&dir).err().expect("no folder").to_string();
    assert!(
        message.contains("kvartal-template-no-such-layout"),
        "{message}"
    );
}

#[test]
fn partials_that_include_each_other_are_refused_when_loading() {
    let files = [
        ("report.hbs", "# {{title}}\n\n{{> a}}\n"),
        ("partials/a.hbs", "{{> b}}\n"),
        (
            "partials/b.hbs",
            "b\n{{#each focus_areas}}{{> a}}{{/each}}\n",
        ),
    ];
    let layout = TempLayout::new("circle", &files);
    let message = Layout::from_dir(&layout.0)
        .err()
        .expect("a circle")
        .to_string();
    let place = format!("{}:2:22: ", layout.0.join("partials/b.hbs").display());
    assert!(message.starts_with(&place), "{message}");
    assert!(message.contains("(a → b → a)"), "{message}");
    let files = [("partials/a.hbs", "{{#*inline \"x\"}}y{{/inline}}\n")];
    let layout = TempLayout::new("inline", &files);
    let message = Layout::from_dir(&layout.0)
        .err()
        .expect("inline")
        .to_string();
    assert!(message.contains("inline partials"), "{message}");
}

#[test]
fn a_layout_that_repeats_itself_is_stopped_at_a_size() {
    let levels = 12;
    let template = format!(
        "# {{{{title}}}}\n\n{}{}{}\n",
        "{{#each @root.focus_areas}}".repeat(levels),
        "x".repeat(64 * 1024),
        "{{/each}}".repeat(levels)
    );
    let layout = TempLayout::new("repeats", &[("report.hbs", &template)]);
    let message = layout.render_error();
    assert!(message.contains("writes more than 64 MB"), "{message}");
}

mod programme;

#[test]
fn the_view_converted_on_every_core_is_the_view_serde_makes() {
    let report = sample_report();
    let layout = standard();
    let view = || context::build(&report, layout.labels(), layout.style()).expect("a view");
    let expected = serde_json::to_value(view()).expect("serde converts the view");
    let converted = context::into_value(view()).expect("converts the view");
    // Every list is there, not only the three converted apart.
    assert!(
        converted["focus_areas"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert!(
        converted["metrics"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert_eq!(converted, expected);
}
