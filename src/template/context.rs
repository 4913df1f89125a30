//! The view model: a report flattened into the plain data a layout's templates read.
//!
//! Entry points: [`build`], and [`into_value`] for the data as the templates read it.
//! Dates stay ISO (`2023-04-12`) and numbers stay numbers; the templates format them with
//! the `date` and `number` helpers in the report's language.
//! Statuses are the report format's codes (`on_track`, `ongoing` …) for the `status` helper.

use super::error::LayoutError;
use super::labels::{LabelSets, Labels, fill};
use super::period::{Headers, PeriodWords};
use crate::doc::Style;
use crate::report::{
    Activity, ActivityStatus, FocusArea, FocusStatus, Kind, Organisation, Period, Person, Report,
    Signature, history,
};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

mod metric;
pub mod programme;
pub mod year;
use metric::{MetricView, Words};
pub use programme::{ProgrammeQuarter, QuarterFiles};

/// The root of the data a layout renders.
#[derive(Debug, Serialize)]
pub struct ReportView<'a> {
    pub title: String,
    pub programme: &'a str,
    pub period: PeriodView,
    /// The language's code (`sv`, `en` …); the helpers read it to pick labels and formats.
    pub language: &'a str,
    pub date: String,
    pub organisations: Vec<OrganisationView<'a>>,
    /// The organisations that have a logo, in order, with alternative text.
    pub logos: Vec<LogoView<'a>>,
    /// Always present, so templates can test `meeting.body` without checking `meeting`.
    pub meeting: MeetingView<'a>,
    pub prepared_by: Vec<PersonView<'a>>,
    /// The official handling the matter: the first of `prepared_by`.
    pub handled_by: Option<PersonView<'a>>,
    pub summary: Option<&'a str>,
    pub focus_areas: Vec<FocusAreaView<'a>>,
    /// Activities that name no focus area.
    pub other_activities: Vec<ActivityView<'a>>,
    pub signatures: Vec<SignatureView<'a>>,
    /// Every metric: the focus areas' first, then the activities', in the file's order.
    pub metrics: Vec<MetricView<'a>>,
    pub department: Option<&'a str>,
    /// Markdown: the proposed decision.
    pub decision: Option<&'a str>,
    /// Markdown: the matter described for the board.
    pub background: Option<&'a str>,
    pub decision_basis: &'a [String],
    /// What of the layout's style the templates act on.
    pub style: StyleView,
}

#[derive(Debug, Serialize)]
pub struct PeriodView {
    pub year: u16,
    /// The quarter's number, for a quarter only: layouts made for quarters read it.
    pub quarter: Option<u8>,
    /// The period's number in its year; 1 for a whole year.
    pub number: u8,
    /// `quarter`, `tertial`, `half` or `year`.
    pub kind: &'static str,
    /// The key the format writes: `2023-Q4`, `2024-T2`, `2024-H1`, `2024`.
    pub key: String,
    /// "Kvartal 1 2023" / "Quarter 1 2023": under the title.
    pub text: String,
    /// "första kvartalet" / "first quarter"; "helåret" / "full year".
    pub name: String,
    /// "kvartal 1 2023", "första halvåret 2024": in a sentence.
    pub long: String,
    /// "K1 2023", "H1 2024": in a table.
    pub short: String,
    /// The words of tables and lists of periods of this kind.
    pub words: Headers,
}

/// The style values a template reads: the cover page decides where a page break goes,
/// the logo height is written into the `kvartal-logos` block.
#[derive(Debug, Serialize)]
pub struct StyleView {
    pub cover_page: bool,
    pub heading_numbers: bool,
    pub logo_height_mm: f32,
}

#[derive(Debug, Serialize)]
pub struct OrganisationView<'a> {
    pub name: &'a str,
    /// The logo's key in the image store: its path as written in the report.
    pub logo: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct LogoView<'a> {
    pub image: &'a str,
    pub alt: String,
}

#[derive(Debug, Default, Serialize)]
pub struct MeetingView<'a> {
    pub body: Option<&'a str>,
    pub date: Option<String>,
    pub case_number: Option<&'a str>,
    pub agenda_item: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct PersonView<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct FocusAreaView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub goal: Option<&'a str>,
    pub status: Option<&'static str>,
    pub progress: Option<&'a str>,
    pub metrics: Vec<MetricView<'a>>,
    /// Every activity that lists this focus area, in the report's order.
    pub activities: Vec<ActivityView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ActivityView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub status: Option<&'static str>,
    pub responsible: &'a [String],
    pub due: Option<String>,
    pub progress: Option<&'a str>,
    pub metrics: Vec<MetricView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct SignatureView<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub organisation: Option<&'a str>,
    /// Role and organisation, those present, each printed on its own line under the name.
    pub lines: Vec<&'a str>,
}

/// The view of `report`, with words taken from `labels` in the report's language.
pub fn build<'a>(
    report: &'a Report,
    labels: &LabelSets,
    style: &Style,
) -> Result<ReportView<'a>, LayoutError> {
    let logo_alt = labels.get(report.language, "logo_alt")?;
    let words = &Words::new(report.period, labels.language(report.language)?)?;
    Ok(ReportView {
        title: report_title(report, labels)?,
        programme: &report.programme,
        period: period_view(report.period, labels.language(report.language)?)?,
        language: report.language.code(),
        date: iso(report.date),
        organisations: report.organisations.iter().map(organisation).collect(),
        logos: logos(&report.organisations, logo_alt),
        meeting: meeting(report),
        prepared_by: report.prepared_by.iter().map(person).collect(),
        handled_by: report.prepared_by.first().map(person),
        summary: markdown(&report.summary),
        focus_areas: focus_areas(report, words),
        other_activities: other_activities(report, words),
        signatures: report.signatures.iter().map(signature).collect(),
        metrics: history::metrics(report)
            .map(|m| metric::metric(m, words))
            .collect(),
        department: report.department.as_deref(),
        decision: markdown(&report.decision),
        background: markdown(&report.background),
        decision_basis: &report.decision_basis,
        style: style_view(style),
    })
}

/// `view` as the templates read it: what `serde_json::to_value` makes of it. Its lists of
/// areas, activities and metrics, nearly all of a long report's view, are converted on
/// every core.
pub fn into_value(mut view: ReportView) -> serde_json::Result<Value> {
    let areas = std::mem::take(&mut view.focus_areas);
    let others = std::mem::take(&mut view.other_activities);
    let metrics = std::mem::take(&mut view.metrics);
    let (rest, (areas, (others, metrics))) = rayon::join(
        || serde_json::to_value(&view),
        || {
            rayon::join(
                || values(&areas),
                || rayon::join(|| values(&others), || values(&metrics)),
            )
        },
    );
    let mut value = rest?;
    if let Value::Object(fields) = &mut value {
        fields.insert("focus_areas".to_owned(), areas?);
        fields.insert("other_activities".to_owned(), others?);
        fields.insert("metrics".to_owned(), metrics?);
    }
    Ok(value)
}

/// `items` as a JSON array, each converted on any core.
fn values<T: Serialize + Sync>(items: &[T]) -> serde_json::Result<Value> {
    let items: serde_json::Result<Vec<Value>> =
        items.par_iter().map(serde_json::to_value).collect();
    items.map(Value::Array)
}

fn style_view(style: &Style) -> StyleView {
    StyleView {
        cover_page: style.cover_page,
        heading_numbers: style.heading_numbers,
        logo_height_mm: style.logo.height_mm,
    }
}

/// The report's own title, or the layout's title label for its kind of period filled
/// with programme and period.
pub fn report_title(report: &Report, labels: &LabelSets) -> Result<String, LayoutError> {
    if let Some(title) = &report.title {
        return Ok(title.clone());
    }
    let labels = labels.language(report.language)?;
    let words = PeriodWords::new(labels, report.period.kind)?;
    Ok(words.title(report.period, &report.programme))
}

/// `period` in the words of `labels`.
fn period_view(period: Period, labels: &Labels) -> Result<PeriodView, LayoutError> {
    let words = PeriodWords::new(labels, period.kind)?;
    Ok(PeriodView {
        year: period.year,
        quarter: (period.kind == Kind::Quarter).then_some(period.number),
        number: period.number,
        kind: super::period::word(period.kind),
        key: period.to_string(),
        text: words.heading(period),
        name: words.name(period),
        long: words.long(period),
        short: words.short(period),
        words: words.headers(period),
    })
}

/// A Markdown field without its trailing newlines, so the template alone spaces the blocks.
fn markdown(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim_end)
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn organisation(organisation: &Organisation) -> OrganisationView<'_> {
    OrganisationView {
        name: &organisation.name,
        logo: organisation.logo.as_ref().map(|logo| logo.written.as_str()),
    }
}

fn logos<'a>(organisations: &'a [Organisation], alt_label: &str) -> Vec<LogoView<'a>> {
    organisations
        .iter()
        .filter_map(|o| {
            let logo = o.logo.as_ref()?;
            Some(LogoView {
                image: &logo.written,
                alt: fill(alt_label, &[("name", o.name.clone())]),
            })
        })
        .collect()
}

fn meeting(report: &Report) -> MeetingView<'_> {
    let Some(meeting) = &report.meeting else {
        return MeetingView::default();
    };
    MeetingView {
        body: meeting.body.as_deref(),
        date: meeting.date.map(iso),
        case_number: meeting.case_number.as_deref(),
        agenda_item: meeting.agenda_item.as_deref(),
    }
}

fn person(person: &Person) -> PersonView<'_> {
    PersonView {
        name: &person.name,
        role: person.role.as_deref(),
        email: person.email.as_deref(),
        phone: person.phone.as_deref(),
    }
}

/// The report's focus areas, each with its activities.
fn focus_areas<'a>(report: &'a Report, words: &Words) -> Vec<FocusAreaView<'a>> {
    report
        .focus_areas
        .iter()
        .map(|f| focus_area(f, &report.activities, words))
        .collect()
}

/// The activities that belong to no focus area.
fn other_activities<'a>(report: &'a Report, words: &Words) -> Vec<ActivityView<'a>> {
    report
        .activities
        .iter()
        .filter(|a| a.focus_areas.is_empty())
        .map(|a| activity(a, words))
        .collect()
}

fn focus_area<'a>(
    area: &'a FocusArea,
    activities: &'a [Activity],
    words: &Words,
) -> FocusAreaView<'a> {
    FocusAreaView {
        id: &area.id,
        title: &area.title,
        goal: markdown(&area.goal),
        status: area.status.map(FocusStatus::code),
        progress: markdown(&area.progress),
        metrics: area
            .metrics
            .iter()
            .map(|m| metric::metric(m, words))
            .collect(),
        activities: activities
            .iter()
            .filter(|a| a.focus_areas.contains(&area.id))
            .map(|a| activity(a, words))
            .collect(),
    }
}

fn activity<'a>(activity: &'a Activity, words: &Words) -> ActivityView<'a> {
    ActivityView {
        id: &activity.id,
        title: &activity.title,
        status: activity.status.map(ActivityStatus::code),
        responsible: &activity.responsible,
        due: activity.due.map(iso),
        progress: markdown(&activity.progress),
        metrics: activity
            .metrics
            .iter()
            .map(|m| metric::metric(m, words))
            .collect(),
    }
}

fn signature(signature: &Signature) -> SignatureView<'_> {
    SignatureView {
        name: &signature.name,
        role: signature.role.as_deref(),
        organisation: signature.organisation.as_deref(),
        lines: [&signature.role, &signature.organisation]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect(),
    }
}
