//! The words of the page's own furniture, which the document model does not carry: the
//! skip link and the terms of the report's facts in the header.
//!
//! Entry point: [`words`], by the document's language (Swedish or English; any other
//! language gets English). Everything else on the page is the layout's words.

/// The page's own words in one language.
#[derive(Debug)]
pub(super) struct Words {
    /// The link that jumps past the header to the content.
    pub(super) skip: &'static str,
    pub(super) programme: &'static str,
    pub(super) period: &'static str,
    pub(super) organisations: &'static str,
    pub(super) date: &'static str,
    pub(super) case_number: &'static str,
    /// Names a table's scrolling frame when nothing better names it.
    pub(super) table: &'static str,
}

const SWEDISH: Words = Words {
    skip: "Hoppa till innehållet",
    programme: "Program",
    period: "Period",
    organisations: "Organisationer",
    date: "Datum",
    case_number: "Diarienummer",
    table: "Tabell",
};

const ENGLISH: Words = Words {
    skip: "Skip to content",
    programme: "Programme",
    period: "Period",
    organisations: "Organisations",
    date: "Date",
    case_number: "Case number",
    table: "Table",
};

/// The words for `language`, a BCP 47 tag such as `sv-SE`: by its primary subtag.
pub(super) fn words(language: &str) -> &'static Words {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("sv") {
        &SWEDISH
    } else {
        &ENGLISH
    }
}

impl Words {
    /// The term for a document property named `name` (as `Meta::properties` names them in
    /// English), or the name itself for one this table does not know.
    pub(super) fn property<'a>(&self, name: &'a str) -> &'a str {
        match name {
            "Programme" => self.programme,
            "Period" => self.period,
            "Case number" => self.case_number,
            _ => name,
        }
    }
}
