//! What a document says of itself besides its Markdown: its metadata ([`meta`]) and the
//! pictures its components name ([`images`]), for a report's document and a programme's page.

use crate::doc::{Image, ImageStore, Meta, PageLabels, Style};
use crate::report::{Organisation, Report};
use crate::template::{self, Layout};
use std::sync::Arc;

/// The document's metadata for `report`: title, language, labels the backends print, look.
pub fn meta(report: &Report, layout: &Layout) -> Result<Meta, template::LayoutError> {
    let label = |key: &str| layout.label(report.language, key).map(str::to_string);
    let case_number = report.meeting.as_ref().and_then(|m| m.case_number.clone());
    let period = report.period.to_string();
    let keywords = [
        Some(report.programme.clone()),
        Some(period),
        case_number.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(Meta {
        title: template::title(report, layout)?,
        subject: report.programme.clone(),
        authors: report
            .organisations
            .iter()
            .map(|o| o.name.clone())
            .collect(),
        keywords,
        language: report.language.tag(),
        date: report.date,
        case_number,
        date_text: layout.format_date(report.date, report.language)?,
        header_logo: header_logo(report, layout.style()),
        properties: properties(report),
        numbers: layout.number_format(report.language)?,
        labels: PageLabels {
            page: label("page")?,
            of: label("of")?,
            case_number: label("case_number")?,
            draft: label("draft")?,
            signature: label("signature")?,
        },
        style: layout.style().clone(),
        web_css: layout.web_css().cloned(),
    })
}

/// The logo of the first organisation that has one, in the report's order, for the running
/// header, unless the style leaves it out.
fn header_logo(report: &Report, style: &Style) -> Option<Image> {
    if !style.logo.in_header {
        return None;
    }
    let image = report
        .organisations
        .iter()
        .find_map(|org| logo_image(org, style))?;
    Some(Image {
        height_mm: style.logo.header_height_mm,
        ..image
    })
}

/// Custom document properties, so an archive can search by programme, period and case.
fn properties(report: &Report) -> Vec<(String, String)> {
    let period = report.period.to_string();
    let case = report.meeting.as_ref().and_then(|m| m.case_number.clone());
    [
        ("Programme", Some(report.programme.clone())),
        ("Period", Some(period)),
        ("Case number", case),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name.to_string(), value?)))
    .collect()
}

/// The report's logos, keyed by the path written in the file.
pub fn images(report: &Report, style: &Style) -> ImageStore {
    report
        .organisations
        .iter()
        .filter_map(|org| Some((org.logo.as_ref()?.written.clone(), logo_image(org, style)?)))
        .collect()
}

/// The organisation's logo as the document shows it, named by the organisation, as high
/// as the layout's style has logos.
fn logo_image(org: &Organisation, style: &Style) -> Option<Image> {
    let logo = org.logo.as_ref()?;
    Some(Image {
        id: crate::doc::FigureId::default(),
        data: Arc::new(logo.data.clone()),
        format: logo.format,
        alt: org.name.clone(),
        height_mm: style.logo.height_mm,
    })
}
