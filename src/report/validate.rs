//! Checking the raw mirror into a validated [`Report`], collecting every problem.
//!
//! Entry point: [`validate`]. Each part of the file is checked even after an earlier part
//! failed, so one run of `kvartal check` lists every mistake; the report is built only
//! when there were none.

mod check;
mod items;
mod logo;
mod values;

use super::problems::{Listed, Part, Problem};
use super::raw::{List, RawMeeting, RawOrganisation, RawPeriod, RawReport};
use super::{Kind, Language, Meeting, Organisation, Period, Person, Report, Signature};
use crate::diag::Diagnostic;
use check::{Check, Ids, optional};
use serde_saphyr::{Location, Spanned};
use std::path::Path;
pub(super) use values::last_day;

/// The report `raw` describes, or every problem in it, worded in `language`. `source` is
/// the file's text, for pointing inside Markdown blocks.
pub fn validate(
    raw: Spanned<RawReport>,
    path: &Path,
    source: &str,
    language: Language,
) -> Result<Report, Vec<Diagnostic>> {
    let mut check = Check::new(path, source, language);
    let report = report(&mut check, raw);
    match report {
        Some(report) if check.errors.is_empty() => Ok(report),
        _ => Err(check.errors),
    }
}

fn report(check: &mut Check, raw: Spanned<RawReport>) -> Option<Report> {
    let at = raw.referenced;
    let raw = raw.value;
    let programme = check.required(raw.programme, &at, "programme", Part::TopLevel);
    let series = match &raw.series {
        Some(written) => values::slug(check, written).then(|| written.value.clone()),
        None => programme
            .as_ref()
            .map(|p| super::series::of_programme(&p.value)),
    };
    let period = check.required(raw.period, &at, "period", Part::TopLevel);
    let period = period.and_then(|period| self::period(check, period));
    let date = match &raw.date {
        Some(date) => values::date(check, date),
        None => period.and_then(values::last_day),
    };
    let organisations = organisations(check, raw.organisations, &at);
    let meeting = raw.meeting.map(|meeting| self::meeting(check, meeting));
    let prepared_by = people(check, raw.prepared_by);
    let summary = values::markdown(check, raw.summary);
    let mut metric_ids = Ids::default();
    let focus_areas = check.required(raw.focus_areas, &at, "focus_areas", Part::TopLevel);
    let known = focus_areas
        .as_ref()
        .map(items::written_ids)
        .unwrap_or_default();
    let focus_areas =
        focus_areas.and_then(|list| items::focus_areas(check, list, period, &mut metric_ids));
    let activities = raw
        .activities
        .map(|list| items::activities(check, list, &known, period, &mut metric_ids));
    let signatures = signatures(check, raw.signatures);
    let language = raw
        .language
        .map_or(Some(Language::Sv), |code| values::language(check, &code));
    let decision = values::markdown(check, raw.decision);
    let background = values::markdown(check, raw.background);
    Some(Report {
        source: check.path.to_path_buf(),
        programme: programme?.value,
        series: series?,
        title: raw.title.map(|title| title.value),
        period: period?,
        language: language?,
        date: date?,
        organisations: organisations?,
        meeting: optional(meeting)?,
        prepared_by: prepared_by?,
        summary,
        focus_areas: focus_areas?,
        activities: activities.unwrap_or(Some(Vec::new()))?,
        signatures: signatures?,
        department: raw.department,
        decision,
        background,
        decision_basis: items::texts(raw.decision_basis)
            .into_iter()
            .map(|text| text.value)
            .collect(),
    })
}

/// The `period`: a `year` and at most one of `quarter`, `tertial` and `half` (none: the
/// whole year).
fn period(check: &mut Check, period: Spanned<RawPeriod>) -> Option<Period> {
    let at = period.referenced;
    let year = check.required(period.value.year.as_ref(), &at, "year", Part::Period);
    let year = year.and_then(|year| {
        let year = values::whole(check, year, "year", 1900..=2999, |written| Problem::Year {
            written,
        });
        year.and_then(|year| u16::try_from(year).ok())
    });
    let mut written = period.value.numbers();
    let Some((kind, number)) = written.next() else {
        return Period::new(year?, Kind::Year, 1);
    };
    if let Some((second, at)) = written.next() {
        check.error(
            &at.referenced,
            Problem::TwoKinds {
                first: kind,
                second,
            },
        );
        return None;
    }
    let field = kind.field().unwrap_or("year");
    let range = 1..=i64::from(kind.per_year());
    let number = values::whole(check, number, field, range, |written| {
        Problem::PeriodNumber { kind, written }
    });
    Period::new(year?, kind, u8::try_from(number?).ok()?)
}

/// The most logos one report may show: a header holds a few, and each may be a picture of
/// 25 million pixels, so the bound keeps a build within a few hundred MB.
const MAX_LOGOS: usize = 8;

fn organisations(
    check: &mut Check,
    list: Option<List<RawOrganisation>>,
    report_at: &Location,
) -> Option<Vec<Organisation>> {
    let list = check.required(list, report_at, "organisations", Part::TopLevel)?;
    check.non_empty(&list, Listed::Organisations);
    let mut logos = 0;
    let organisations = list.value.into_iter().map(|organisation| {
        let at = organisation.referenced;
        let name = check.required(organisation.value.name, &at, "name", Part::Organisation);
        let logo = organisation.value.logo.map(|written| {
            logos += 1;
            if logos > MAX_LOGOS {
                // Said once, at the first logo too many; the report fails either way.
                if logos == MAX_LOGOS + 1 {
                    let problem = Problem::TooManyLogos { limit: MAX_LOGOS };
                    check.error(&written.referenced, problem);
                }
                return None;
            }
            logo::logo(check, &written)
        });
        Some(Organisation {
            name: name?.value,
            logo: optional(logo)?,
        })
    });
    check::all(organisations)
}

fn meeting(check: &mut Check, raw: RawMeeting) -> Option<Meeting> {
    let date = raw.date.map(|date| values::date(check, &date));
    Some(Meeting {
        body: raw.body,
        date: optional(date)?,
        case_number: raw.case_number.map(|c| c.value),
        agenda_item: raw.agenda_item.map(|a| a.value),
    })
}

fn people(check: &mut Check, list: Option<List<super::raw::RawPerson>>) -> Option<Vec<Person>> {
    let people = list
        .map(|list| list.value)
        .unwrap_or_default()
        .into_iter()
        .map(|person| {
            let at = person.referenced;
            let person = person.value;
            let name = check.required(person.name, &at, "name", Part::Person);
            Some(Person {
                name: name?.value,
                role: person.role,
                email: person.email,
                phone: person.phone,
            })
        });
    check::all(people)
}

fn signatures(
    check: &mut Check,
    list: Option<List<super::raw::RawSignature>>,
) -> Option<Vec<Signature>> {
    let signatures = list
        .map(|list| list.value)
        .unwrap_or_default()
        .into_iter()
        .map(|signature| {
            let at = signature.referenced;
            let signature = signature.value;
            let name = check.required(signature.name, &at, "name", Part::Signature);
            Some(Signature {
                name: name?.value,
                role: signature.role,
                organisation: signature.organisation,
            })
        });
    check::all(signatures)
}
