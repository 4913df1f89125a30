//! The raw serde mirror of a report file: every field optional, positions kept.
//!
//! Entry point: [`RawReport`], deserialized by `load` and checked by `validate`.
//! Required fields are `Option` here so that a missing one becomes a collected,
//! positioned message instead of serde stopping at the first; values that a later
//! check points at are wrapped in [`Spanned`]. Unknown fields are refused so that
//! nothing written in the file is silently dropped. Numbers and statuses are read as a
//! [`Scalar`] whatever their type, so that every wrong one is reported, not the first.

mod scalar;

pub use scalar::Scalar;
use scalar::present;

use super::Kind;
use super::problems::Part;
use crate::diag::Position;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, Spanned};
use std::fmt;

pub type List<T> = Spanned<Vec<Spanned<T>>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    pub programme: Option<Spanned<String>>,
    /// The key that ties one programme's quarters together (see `series`).
    pub series: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub period: Option<Spanned<RawPeriod>>,
    /// An ISO 639 code; which ones can be printed depends on the layout's label files.
    pub language: Option<Spanned<String>>,
    pub date: Option<Spanned<String>>,
    pub organisations: Option<List<RawOrganisation>>,
    pub meeting: Option<RawMeeting>,
    pub prepared_by: Option<List<RawPerson>>,
    pub summary: Option<Spanned<String>>,
    pub focus_areas: Option<List<RawFocusArea>>,
    pub activities: Option<List<RawActivity>>,
    pub signatures: Option<List<RawSignature>>,
    pub department: Option<String>,
    pub decision: Option<Spanned<String>>,
    pub background: Option<Spanned<String>>,
    pub decision_basis: Option<Spanned<OneOrMany>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// Any value, so that a wrong year gets our message.
    #[serde(default, deserialize_with = "present")]
    pub year: Option<Spanned<Scalar>>,
    #[serde(default, deserialize_with = "present")]
    pub quarter: Option<Spanned<Scalar>>,
    #[serde(default, deserialize_with = "present")]
    pub tertial: Option<Spanned<Scalar>>,
    #[serde(default, deserialize_with = "present")]
    pub half: Option<Spanned<Scalar>>,
}

impl RawPeriod {
    /// The kinds of period written (`quarter`, `tertial`, `half`) with their numbers, in
    /// that order; exactly one or none (a whole year) in a valid file.
    pub fn numbers(&self) -> impl Iterator<Item = (Kind, &Spanned<Scalar>)> {
        [
            (Kind::Quarter, &self.quarter),
            (Kind::Tertial, &self.tertial),
            (Kind::Half, &self.half),
        ]
        .into_iter()
        .filter_map(|(kind, number)| Some((kind, number.as_ref()?)))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub name: Option<Spanned<String>>,
    pub logo: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    pub body: Option<String>,
    pub date: Option<Spanned<String>>,
    pub case_number: Option<Spanned<String>>,
    /// A number or a text: a string target keeps a plain scalar as written.
    pub agenda_item: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub name: Option<Spanned<String>>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFocusArea {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub goal: Option<Spanned<String>>,
    pub status: Option<Spanned<Scalar>>,
    pub progress: Option<Spanned<String>>,
    pub metrics: Option<List<RawMetric>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActivity {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub focus_areas: Option<Spanned<OneOrMany>>,
    pub status: Option<Spanned<Scalar>>,
    pub responsible: Option<Spanned<OneOrMany>>,
    pub due: Option<Spanned<String>>,
    pub progress: Option<Spanned<String>>,
    pub metrics: Option<List<RawMetric>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMetric {
    pub id: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    /// Kept when empty: `kvartal new` leaves it so, and the message points at it.
    #[serde(default, deserialize_with = "present")]
    pub value: Option<Spanned<Scalar>>,
    pub unit: Option<String>,
    pub target: Option<Spanned<Scalar>>,
    pub direction: Option<Spanned<Scalar>>,
    pub history: Option<Entries>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSignature {
    pub name: Option<Spanned<String>>,
    pub role: Option<String>,
    pub organisation: Option<String>,
}

/// What [`OneOrMany`] expects, in the words its errors carry: `load` recognises them.
pub const TEXT_OR_LIST: &str = "a text or a list of texts";

/// A text or a list of texts, as officials write `focus_areas: barn-unga` as readily as a list.
#[derive(Debug)]
pub enum OneOrMany {
    /// Positioned by the `Spanned` around the whole value.
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;

        impl<'de> Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(TEXT_OR_LIST)
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(text.to_owned()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany::Many(items))
            }
        }

        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

/// A map's entries in written order with the position of every key, so that a bad
/// `history` key can be pointed at (a `BTreeMap` would need `Ord` on `Spanned`).
#[derive(Debug)]
pub struct Entries(pub Vec<(Spanned<String>, Spanned<Scalar>)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;

        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from quarters (YYYY-Qn) to numbers")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }

        deserializer.deserialize_map(EntriesVisitor)
    }
}

/// Where a location points, if the parser knew.
pub fn position(location: &Location) -> Option<Position> {
    (*location != Location::UNKNOWN).then(|| Position {
        line: location.line() as usize,
        column: location.column() as usize,
    })
}

/// The part of a report whose fields these are, for messages about an unknown field:
/// each raw struct above has a field no other has.
pub fn part_with_fields(fields: &[&str]) -> Option<Part> {
    const PARTS: [(&str, Part); 9] = [
        ("programme", Part::TopLevel),
        ("quarter", Part::Period),
        ("logo", Part::Organisation),
        ("case_number", Part::Meeting),
        ("email", Part::Person),
        ("goal", Part::FocusArea),
        ("responsible", Part::Activity),
        ("direction", Part::Metric),
        ("organisation", Part::Signature),
    ];
    PARTS
        .iter()
        .find(|(field, _)| fields.contains(field))
        .map(|&(_, part)| part)
}
