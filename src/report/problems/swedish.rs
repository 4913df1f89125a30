//! The errors in Swedish: one arm per error. Where a YAML or format word has no everyday
//! Swedish equivalent, the English word follows in parentheses, as in the warnings.
//!
//! Entry points: [`words`] and [`did_you_mean`].

use super::Hint::{self, Closest, Fixed, Said};
use super::english::{field, key_form, numbers};
use super::{Among, Expected, Found, Listed, Mistake, Part, Problem};
use crate::files;
use crate::image::Refusal;
use crate::image::budget::{
    MAX_FILE_BYTES, MAX_PATH_DATA, MAX_PIXELS, MAX_SIDE, MAX_SVG_DEPTH, MAX_SVG_NESTING,
    MAX_SVG_NODES, MAX_SVG_SEGMENTS, MAX_SVG_SIDE, MAX_SVG_TEXT,
};
use crate::report::Kind;

/// "Did you mean" with the close name.
pub fn did_you_mean(close: &str) -> String {
    format!("menade du `{close}`?")
}

/// The message and its hint.
pub fn words(problem: &Problem) -> (String, Option<Hint<'_>>) {
    match problem {
        Problem::Unreadable { error } => (format!("kan inte läsa filen: {error}"), None),
        Problem::TooLarge { megabytes } => (
            format!("filen är större än {megabytes} MB, långt mer än någon rapport; är det rätt fil?"),
            None,
        ),
        Problem::Utf16 => (
            "filen är sparad som UTF-16; spara den som UTF-8 i stället".to_owned(),
            Some(Fixed("välj \"Spara som\" i Anteckningar och kodningen \"UTF-8\"")),
        ),
        Problem::NotText => (
            "filen är inte text: den innehåller byte som inte är UTF-8-tecken".to_owned(),
            Some(Fixed("en rapport är en YAML-textfil sparad som UTF-8")),
        ),
        Problem::Empty => (
            "filen är tom: den innehåller inga rapportuppgifter, bara tomma rader eller kommentarer"
                .to_owned(),
            None,
        ),
        Problem::TooManyMarks { limit } => (
            format!("fler än {limit} accenter eller andra kombinerande tecken på en bokstav; inget språk skriver så många"),
            Some(Fixed("skriv om ordet; text som klistrats in från en webbsida kan bära sådana tecken")),
        ),
        Problem::SymbolicLink => (
            "filen är en symbolisk länk; bara vanliga filer läses som rapporter".to_owned(),
            Some(Fixed("kopiera själva rapportfilen hit i stället för en länk till den")),
        ),
        Problem::NotPlain => (
            "det här är ingen vanlig fil utan en enhet, en namngiven pipe (FIFO) eller en socket"
                .to_owned(),
            Some(Fixed("en rapport är en YAML-textfil sparad som UTF-8")),
        ),
        Problem::Syntax(mistake) => syntax(mistake),
        Problem::TooDeep { levels } => (
            format!("uppgifterna är inbäddade i mer än {levels} nivåer; en rapport behöver bara några få"),
            None,
        ),
        Problem::AliasBomb { values } => (
            format!(
                "alias (`*namn`) i filen skulle ge mer än {values} värden, långt mer än någon \
                 rapport; det ser ut som en aliasbomb (\"alias bomb\")"
            ),
            None,
        ),
        Problem::MoreThanOneDocument => (
            "filen innehåller mer än ett YAML-dokument (`---`); en rapport är ett enda dokument"
                .to_owned(),
            None,
        ),
        Problem::TooComplex => (
            "filen är långt större eller mer invecklad än någon rapport".to_owned(),
            None,
        ),
        Problem::UnknownField { field, part, known } => (
            format!("okänt fält `{field}` {}", in_a(*part)),
            Some(Closest(field, known, "tillåtna fält här är")),
        ),
        Problem::DuplicateKey { key } => (
            match key {
                Some(key) => format!("fältet `{key}` står två gånger på samma ställe"),
                None => "det här fältet står två gånger på samma ställe".to_owned(),
            },
            Some(Fixed("behåll ett av dem")),
        ),
        Problem::WrongType {
            field,
            expected,
            found,
        } => {
            let place = match field {
                Some(field) => format!("i `{field}`"),
                None => "här".to_owned(),
            };
            let expected = expected_words(expected);
            let message = match found {
                Some(found) => format!("{place} ska det stå {expected}, inte {}", found_words(found)),
                None => format!("{place} ska det stå {expected}"),
            };
            (message, None)
        }
        Problem::DecimalComma { written } => (
            format!("`{written}` har decimalkomma; tal skrivs med decimalpunkt i filen"),
            Some(Said(format!("skriv `{}`", written.replace(',', ".")))),
        ),
        Problem::NoText => (
            "här saknas ett värde; skriv en text eller ta bort raden".to_owned(),
            Some(Fixed("en text som ser ut som `null` eller `~` måste stå inom citattecken")),
        ),
        Problem::NoValue { field } => (
            format!("fältet `{field}` är tomt"),
            Some(Said(format!("skriv talet efter kolonet: `{field}: 12`"))),
        ),
        Problem::NotAllowed { written, allowed } => (
            format!("`{written}` är inte ett av de värden som är tillåtna här"),
            Some(Closest(written, allowed, "använd något av")),
        ),
        Problem::Missing { field, part } => (
            format!("det obligatoriska fältet `{field}` saknas {}", in_this(*part)),
            None,
        ),
        Problem::Tag => (
            "värdet har en YAML-tagg (som `!!int` eller `!egen`), som en rapport inte använder"
                .to_owned(),
            Some(Fixed("ta bort taggen och skriv bara värdet")),
        ),
        // The reader's words are English; the Swedish message says what it can without them.
        Problem::Reader { .. } => (
            "värdet här kan inte läsas som en del av rapporten".to_owned(),
            Some(Fixed("jämför med samma fält i en rapport som fungerar, t.ex. förra kvartalets")),
        ),
        Problem::Year { written } => (
            format!("året måste vara mellan 1900 och 2999, inte {written}"),
            None,
        ),
        Problem::PeriodNumber { kind, written } => (
            format!(
                "{} måste vara {}, inte {written}",
                kind.swedish_definite(),
                numbers(kind.per_year(), "eller")
            ),
            None,
        ),
        Problem::TwoKinds { first, second } => (
            format!(
                "perioden (`period`) anger både `{}` och `{}`; en rapport gäller en period",
                field(*first),
                field(*second)
            ),
            Some(Fixed(
                "behåll en av `quarter`, `tertial` och `half`, eller ingen av dem för helåret",
            )),
        ),
        Problem::HistoryKind {
            written,
            found,
            kind,
        } => (
            format!(
                "`{written}` är ett {}, men rapporten gäller ett {}; ett programs historik förs \
                 i ett slags period",
                found.swedish(),
                kind.swedish()
            ),
            Some(Said(format!("skriv nyckeln som {}", key_form_sv(*kind)))),
        ),
        Problem::MixedKinds { own, other, files } => (
            format!(
                "rapporten gäller ett {}, men {} för samma program i mappen gäller {}; ett \
                 programs historik förs i ett slags period",
                own.swedish(),
                files.join(", "),
                other.swedish()
            ),
            Some(Fixed(
                "flytta rapporterna av det andra slaget till en egen mapp, eller ge dem en annan \
                 `series`",
            )),
        ),
        Problem::EmptyList(list) => (
            match list {
                Listed::Organisations => "det måste finnas minst en organisation",
                Listed::FocusAreas => "det måste finnas minst ett fokusområde",
            }
            .to_owned(),
            None,
        ),
        Problem::DuplicateId {
            id,
            among,
            first_line,
        } => (
            format!("id:t `{id}` används två gånger; {}", unique(*among)),
            Some(Said(format!("det används första gången på rad {first_line}"))),
        ),
        Problem::NoSuchFocusArea { id, known } => (
            format!("fokusområdet `{id}` finns inte"),
            Some(Closest(id, known, "fokusområdena i filen är")),
        ),
        Problem::NotEarlier { key, period } => (
            format!(
                "`{key}` är inte tidigare än rapportens period{}; historiken (`history`) får bara innehålla tidigare perioder",
                period.map(|p| format!(" ({p})")).unwrap_or_default()
            ),
            None,
        ),
        Problem::DateForm { written } => (
            format!("`{written}` är inte ett datum i formen ÅÅÅÅ-MM-DD, t.ex. 2023-04-12"),
            None,
        ),
        Problem::NoSuchDate { written } => (format!("datumet `{written}` finns inte"), None),
        Problem::LanguageCode { written } => (
            format!("`{written}` är ingen språkkod"),
            Some(Fixed("skriv ISO 639-koden med små bokstäver: `sv` för svenska, `en` för engelska")),
        ),
        Problem::Slug { id } => (
            format!("id:t `{id}` får bara innehålla bokstäverna a–z, siffror och `-`"),
            Some(Fixed("skriv till exempel `barn-unga`, utan versaler, mellanslag eller å ä ö")),
        ),
        Problem::HistoryKey { written, kind } => (
            format!("`{written}` är inte ett {} i formen {}", kind.swedish(), key_form_sv(*kind)),
            None,
        ),
        Problem::Heading => (
            "en rubrik (en rad som börjar med `#` eller är understruken) är inte tillåten här"
                .to_owned(),
            Some(Fixed("skriv orden som ett vanligt stycke, eller i **fetstil**")),
        ),
        Problem::TooManyLogos { limit } => (
            format!("rapporten har fler än {limit} logotyper; det här är den första för många"),
            Some(Fixed("behåll logotyperna för organisationerna som ger löftet")),
        ),
        Problem::TooManyMetrics { limit } => (
            format!("rapporten har fler än {limit} nyckeltal, långt fler än en rapport kan visa; det här är det första för många"),
            Some(Fixed("är det rätt fil? Behåll nyckeltalen som nämnden följer och flytta resten till en bilaga")),
        ),
        Problem::NumberTooLarge { written } => (
            format!("talet {written} är för stort för ett nyckeltal: högst 1 000 000 000 000 (en biljon) åt vardera hållet från noll"),
            Some(Fixed("skriv talet i en större enhet, t.ex. miljoner")),
        ),
        Problem::ListTooDeep { limit } => (
            format!("listorna är inbäddade i mer än {limit} nivåer här"),
            Some(Fixed("dra in färre nivåer: en lista i en lista i en lista är redan svår att följa")),
        ),
        Problem::Link { target } => (
            format!("länken till `{target}` är inte tillåten: en rapport länkar bara till webbadresser (http, https) och e-postadresser (mailto)"),
            Some(Fixed("skriv hela adressen, t.ex. `https://kommun.se/sida` eller `mailto:namn@kommun.se`")),
        ),
        Problem::LogoOutside { name } => (
            format!("logotypen `{name}` ligger utanför rapportfilens mapp"),
            Some(Fixed("lägg logotypen i rapportens mapp eller i en mapp under den, t.ex. `logos/kommun.png`")),
        ),
        Problem::LogoMissing { name } => (format!("logotypen `{name}` finns inte"), None),
        Problem::LogoUnreadable { name, error } => {
            (format!("kan inte läsa logotypen `{name}`: {error}"), None)
        }
        Problem::LogoNotImage { name } => (
            format!("logotypen `{name}` är ingen PNG-, JPEG- eller SVG-bild"),
            Some(Fixed("spara logotypen som PNG, JPEG eller SVG; det räcker inte att byta namn på filen")),
        ),
        Problem::LogoLink { name } => (
            format!("logotypen `{name}` är en symbolisk länk; kvartal läser bara vanliga filer"),
            Some(Fixed("kopiera själva bilden till rapportens mapp")),
        ),
        Problem::LogoNotPlain { name } => (
            format!("logotypen `{name}` är ingen vanlig fil (utan en mapp, en pipe eller en enhet)"),
            None,
        ),
        Problem::LogoRefused { name, why } => {
            (format!("logotypen `{name}` {}", refusal(why)), refusal_hint(why))
        }
        Problem::NoNextPeriod => ("det finns ingen period efter den här".to_owned(), None),
    }
}

/// Why a picture is refused, as what follows "logotypen `x`".
fn refusal(why: &Refusal) -> String {
    match why {
        Refusal::TooLarge => format!("är större än {}", files::size(MAX_FILE_BYTES)),
        Refusal::Side { width, height } => {
            format!("är {width} × {height} bildpunkter; högst {MAX_SIDE} bildpunkter per sida")
        }
        Refusal::Pixels { width, height } => format!(
            "är {width} × {height} bildpunkter; högst {} miljoner bildpunkter",
            MAX_PIXELS / 1_000_000
        ),
        Refusal::EmbeddedPixels => format!(
            "innehåller bilder på mer än {} miljoner bildpunkter tillsammans",
            MAX_PIXELS / 1_000_000
        ),
        Refusal::Broken { format, detail } => {
            format!("är en trasig eller ofullständig {format}-fil ({detail})")
        }
        Refusal::Nodes => format!("har fler än {MAX_SVG_NODES} SVG-element"),
        Refusal::Depth => format!("har SVG-element i mer än {MAX_SVG_DEPTH} nivåer"),
        Refusal::SvgSide { width, height } => {
            format!("är {width} × {height} enheter stor; högst {MAX_SVG_SIDE} per sida")
        }
        Refusal::Nesting => format!("har SVG-bilder i varandra i mer än {MAX_SVG_NESTING} nivåer"),
        Refusal::Effects => {
            "har effekter (filter, masker, genomskinlighet) som är för dyra att rita".to_owned()
        }
        Refusal::PathData => format!(
            "har mer än {} data för linjer och kurvor (`d` och `points`)",
            files::size(MAX_PATH_DATA)
        ),
        Refusal::Text => format!("har mer än {MAX_SVG_TEXT} tecken text"),
        Refusal::Segments => {
            format!("ritar fler än {MAX_SVG_SEGMENTS} linjer, kurvor och streck")
        }
        Refusal::Href { href } => {
            format!("hänvisar till filen `{href}`; kvartal läser bara själva logotypfilen")
        }
        Refusal::EmbeddedFormat { mime } => {
            format!("innehåller en bild av typen `{mime}`; bara PNG, JPEG och SVG läses")
        }
        Refusal::Embedded(why) => format!("innehåller en bild som {}", refusal(why)),
    }
}

fn refusal_hint(why: &Refusal) -> Option<Hint<'static>> {
    match why {
        Refusal::Embedded(why) => refusal_hint(why),
        Refusal::Href { .. } => Some(Fixed(
            "bädda in bilden i SVG-filen (som en `data:`-URI) eller spara logotypen som PNG",
        )),
        Refusal::Broken { .. } => Some(Fixed("öppna bilden i ett bildprogram och spara den igen")),
        Refusal::Side { .. }
        | Refusal::Pixels { .. }
        | Refusal::EmbeddedPixels
        | Refusal::TooLarge => Some(Fixed(
            "gör bilden mindre; 2000 bildpunkter per sida räcker gott för tryck",
        )),
        Refusal::Nodes
        | Refusal::Depth
        | Refusal::Effects
        | Refusal::Segments
        | Refusal::PathData
        | Refusal::Text
        | Refusal::Nesting
        | Refusal::SvgSide { .. } => {
            Some(Fixed("förenkla teckningen eller spara logotypen som PNG"))
        }
        Refusal::EmbeddedFormat { .. } => None,
    }
}

/// Where a field the format does not know was written.
fn in_a(part: Option<Part>) -> &'static str {
    match part {
        Some(Part::TopLevel) => "på översta nivån",
        Some(Part::Period) => "i `period`",
        Some(Part::Organisation) => "i en organisation",
        Some(Part::Meeting) => "i `meeting`",
        Some(Part::Person) => "hos en person under `prepared_by`",
        Some(Part::FocusArea) => "i ett fokusområde",
        Some(Part::Activity) => "i en aktivitet",
        Some(Part::Metric) => "i ett nyckeltal (metric)",
        Some(Part::Signature) => "i en underskrift",
        None => "här",
    }
}

/// Where a required field is missing.
fn in_this(part: Part) -> &'static str {
    match part {
        Part::TopLevel => "på översta nivån",
        Part::Period => "i `period`",
        Part::Organisation => "i den här organisationen",
        Part::Meeting => "i `meeting`",
        Part::Person => "hos den här personen",
        Part::FocusArea => "i det här fokusområdet",
        Part::Activity => "i den här aktiviteten",
        Part::Metric => "i det här nyckeltalet (metric)",
        Part::Signature => "i den här underskriften",
    }
}

fn unique(among: Among) -> &'static str {
    match among {
        Among::FocusAreas => "varje fokusområde måste ha ett eget id",
        Among::Activities => "varje aktivitet måste ha ett eget id",
        Among::Metrics => "varje nyckeltal i filen måste ha ett eget id",
    }
}

fn expected_words(expected: &Expected) -> &str {
    match expected {
        Expected::Text => "en text",
        Expected::Number => "ett tal",
        Expected::WholeNumber => "ett heltal",
        Expected::Map => "rader i formen `fält: värde`",
        Expected::List => "en lista (rader som börjar med `-`)",
        Expected::TextOrList => "en text eller en lista med texter",
        Expected::TrueFalse => "true eller false",
        Expected::Other(words) => words,
    }
}

fn found_words(found: &Found) -> String {
    match found {
        Found::Text(text) => format!("texten `{text}`"),
        Found::TrueFalse(value) => format!("`{value}`"),
        Found::List => "en lista".to_owned(),
        Found::Map => "rader i formen `fält: värde`".to_owned(),
    }
}

/// YAML that does not parse, by its mistake.
fn syntax(mistake: &Mistake) -> (String, Option<Hint<'_>>) {
    match mistake {
        Mistake::Tab => (
            "raden är indragen med ett tabbtecken; YAML tillåter bara mellanslag i indraget"
                .to_owned(),
            Some(Fixed(
                "ersätt tabben med mellanslag, lika många som på raderna intill",
            )),
        ),
        Mistake::OddSpace { code } => (
            format!(
                "raden är indragen med ett tecken som ser ut som ett mellanslag men inte är det (U+{code:04X}, ofta från ett ordbehandlingsprogram)"
            ),
            Some(Fixed("skriv om indraget med vanliga mellanslag")),
        ),
        Mistake::ColonInText { key, value } => (
            format!(
                "texten i `{key}` innehåller kolon och mellanslag (\": \"), som YAML läser som ett nytt fält"
            ),
            Some(Said(format!(
                "sätt texten inom citattecken: `{key}: \"{}\"`",
                value.replace('"', "\\\"")
            ))),
        ),
        Mistake::UnclosedQuote => (
            "ett citattecken öppnas här men stängs aldrig".to_owned(),
            Some(Fixed(
                "avsluta texten med samma citattecken som den börjar med",
            )),
        ),
        Mistake::UnclosedBracket => (
            "en lista `[...]` eller ett fält `{...}` öppnas här men stängs aldrig".to_owned(),
            Some(Fixed(
                "kontrollera att varje `[` har sin `]` och varje `{` sin `}`",
            )),
        ),
        Mistake::Structure => (
            "det här är inte giltig YAML: raden passar inte in i strukturen".to_owned(),
            Some(Fixed(
                "kontrollera indraget och tecknen `:` och `-` runt det här stället",
            )),
        ),
    }
}

/// How a history key of `kind` is written, with an example: "ÅÅÅÅ-Qn, t.ex. 2022-Q4".
fn key_form_sv(kind: Kind) -> String {
    key_form(kind)
        .replace("YYYY", "ÅÅÅÅ")
        .replace("e.g.", "t.ex.")
}
