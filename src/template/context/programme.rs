//! A programme's web page as `programme.hbs` sees it: the quarters built of one series,
//! newest first, each with its status overview and the names of its files, and the newest
//! quarter's metrics with their series, for the key figures over time.
//!
//! Entry points: [`build`] (the view) and [`title`] (the page's title, for its metadata).
//! The page is in the newest quarter's language; every quarter's words (its period, its
//! metrics' quarters) are written in it, as the helpers write the rest.

use super::super::error::LayoutError;
use super::super::labels::{LabelSets, Labels, fill};
use super::metric::{self, MetricView, Words};
use super::{
    ActivityView, FocusAreaView, LogoView, OrganisationView, PeriodView, StyleView, focus_areas,
    iso, logos, organisation, other_activities, period_view, report_title, style_view,
};
use crate::doc::Style;
use crate::report::{Report, history};
use serde::Serialize;

/// One quarter's report on its programme's page, with the files built from it.
#[derive(Debug, Clone)]
pub struct ProgrammeQuarter<'a> {
    /// The report, as it was built.
    pub report: &'a Report,
    /// The names of its files beside the page.
    pub files: QuarterFiles,
}

/// The names of a quarter's files in the page's folder (`2023-Q4.pdf`): `None` for a
/// format the build does not write.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QuarterFiles {
    /// The report's web page.
    pub html: Option<String>,
    /// The report's PDF.
    pub pdf: Option<String>,
    /// The report's DOCX.
    pub docx: Option<String>,
}

/// The root of the data `programme.hbs` renders.
#[derive(Debug, Serialize)]
pub struct ProgrammeView<'a> {
    /// The `programme_title` label filled with the programme's name.
    pub title: String,
    /// The programme's name, as its newest quarter writes it.
    pub programme: &'a str,
    /// The key that ties the quarters together.
    pub series: &'a str,
    /// The newest quarter's language, which the helpers read.
    pub language: &'a str,
    /// The newest quarter's organisations.
    pub organisations: Vec<OrganisationView<'a>>,
    /// Those of them with a logo.
    pub logos: Vec<LogoView<'a>>,
    /// Newest first; two files of one quarter in the order given.
    pub quarters: Vec<QuarterView<'a>>,
    /// The newest quarter's period: the key figures run up to it.
    pub period: PeriodView,
    /// The newest quarter's metrics, each with its series of recent quarters and its chart.
    pub metrics: Vec<MetricView<'a>>,
    /// What of the layout's style the templates act on.
    pub style: StyleView,
}

/// One quarter on the page.
#[derive(Debug, Serialize)]
pub struct QuarterView<'a> {
    /// The report's title, as its own page has it.
    pub title: String,
    /// `2023-Q4`.
    pub quarter: String,
    /// The period in the page's words.
    pub period: PeriodView,
    /// The issue date, `YYYY-MM-DD`.
    pub date: String,
    /// As a report's template sees them: for the status overview.
    pub focus_areas: Vec<FocusAreaView<'a>>,
    /// Activities that name no focus area.
    pub other_activities: Vec<ActivityView<'a>>,
    /// Links to the quarter's files, percent-encoded: `{{files.pdf}}` in a link's target.
    pub files: QuarterFiles,
}

/// The view of the page listing `quarters`; `None` when there is none.
pub fn build<'a>(
    quarters: &[ProgrammeQuarter<'a>],
    labels: &LabelSets,
    style: &Style,
) -> Result<Option<ProgrammeView<'a>>, LayoutError> {
    let mut ordered: Vec<&ProgrammeQuarter<'a>> = quarters.iter().collect();
    // Stable: two files of one quarter keep the order they were given in.
    ordered.sort_by_key(|q| std::cmp::Reverse(q.report.period));
    let Some(newest) = ordered.first().map(|q| q.report) else {
        return Ok(None);
    };
    let words = labels.language(newest.language)?;
    let metric_words = Words::new(newest.period, words)?;
    let quarters = ordered
        .iter()
        .map(|q| quarter(q, labels, words))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(ProgrammeView {
        title: title(newest, labels)?,
        programme: &newest.programme,
        series: &newest.series,
        language: newest.language.code(),
        organisations: newest.organisations.iter().map(organisation).collect(),
        logos: logos(&newest.organisations, words.get("logo_alt")?),
        quarters,
        period: period_view(newest.period, words)?,
        metrics: history::metrics(newest)
            .map(|m| metric::metric(m, &metric_words))
            .collect(),
        style: style_view(style),
    }))
}

/// The page's title: "Uppföljning av Medborgarlöfte 2023".
pub fn title(newest: &Report, labels: &LabelSets) -> Result<String, LayoutError> {
    let label = labels.get(newest.language, "programme_title")?;
    Ok(fill(label, &[("programme", newest.programme.as_str())]))
}

fn quarter<'a>(
    quarter: &ProgrammeQuarter<'a>,
    labels: &LabelSets,
    words: &Labels,
) -> Result<QuarterView<'a>, LayoutError> {
    let report = quarter.report;
    let metric_words = &Words::new(report.period, words)?;
    let href = |name: &Option<String>| name.as_deref().map(href);
    Ok(QuarterView {
        title: report_title(report, labels)?,
        quarter: report.period.to_string(),
        period: period_view(report.period, words)?,
        date: iso(report.date),
        focus_areas: focus_areas(report, metric_words),
        other_activities: other_activities(report, metric_words),
        files: QuarterFiles {
            html: href(&quarter.files.html),
            pdf: href(&quarter.files.pdf),
            docx: href(&quarter.files.docx),
        },
    })
}

/// A file name as a link's target: every byte but letters, digits and `-._~`
/// percent-encoded, so that a space or a parenthesis cannot end the Markdown link.
fn href(name: &str) -> String {
    let mut encoded = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::href;

    #[test]
    fn a_file_name_is_a_link_target_that_stays_in_its_folder() {
        assert_eq!(href("2023-Q4.pdf"), "2023-Q4.pdf");
        assert_eq!(href("Q4 (svar).pdf"), "Q4%20%28svar%29.pdf");
        assert_eq!(href("löfte.html"), "l%C3%B6fte.html");
        for name in ["2023-Q4.pdf", "Q4 (svar).pdf", "löfte.html", "a]b.docx"] {
            assert!(crate::markdown::is_sibling_file(&href(name)), "{name}");
        }
    }
}
