//! The language a report is written in: Swedish, English, or any other language a layout
//! has labels for.
//!
//! Entry point: [`Language::from_code`] reads the format's `language` value. Which
//! languages a layout can print is the layout's business (one label file per language), so
//! the report accepts any ISO 639 code and the template stage says when it has no labels.

use std::fmt;

/// The language a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// Swedish, the format's default.
    Sv,
    /// English.
    En,
    /// Another language, printed with a layout's `labels/<code>.toml`.
    Other(LanguageCode),
}

/// A lower-case ISO 639 code of two or three letters: `fi`, `de`, `smj`. Kept inline so
/// that [`Language`] stays `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageCode {
    letters: [u8; 3],
    len: u8,
}

impl LanguageCode {
    /// The code, when `code` is two or three ASCII lower-case letters.
    pub fn new(code: &str) -> Option<LanguageCode> {
        let bytes = code.as_bytes();
        let valid = (2..=3).contains(&bytes.len()) && bytes.iter().all(u8::is_ascii_lowercase);
        valid.then(|| {
            let mut letters = [0; 3];
            letters[..bytes.len()].copy_from_slice(bytes);
            LanguageCode {
                letters,
                len: bytes.len() as u8,
            }
        })
    }

    /// The code's letters, e.g. `fi`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.letters[..usize::from(self.len)])
            .expect("built from ASCII letters only")
    }
}

impl Language {
    /// The language the format's `language: <code>` names, when the code is well formed.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "sv" => Some(Language::Sv),
            "en" => Some(Language::En),
            other => LanguageCode::new(other).map(Language::Other),
        }
    }

    /// The language a file's top-level `language:` line names, found without parsing the
    /// YAML, so that even a file that does not parse gets messages in its own language;
    /// Swedish, the format's default, when there is none.
    pub fn declared_in(text: &str) -> Language {
        text.lines()
            .find_map(|line| line.strip_prefix("language:"))
            .map(|value| value.split(" #").next().unwrap_or(value).trim())
            .map(|value| value.trim_matches(|c| c == '"' || c == '\'').trim())
            .and_then(Language::from_code)
            .unwrap_or(Language::Sv)
    }

    /// The code as the format writes it: `sv`, `en`, `fi` …
    pub fn code(&self) -> &str {
        match self {
            Language::Sv => "sv",
            Language::En => "en",
            Language::Other(code) => code.as_str(),
        }
    }

    /// The BCP 47 tag for document metadata and hyphenation: the two the project was made
    /// for carry their region, any other language is its code alone.
    pub fn tag(&self) -> String {
        match self {
            Language::Sv => "sv-SE".to_owned(),
            Language::En => "en-GB".to_owned(),
            Language::Other(code) => code.as_str().to_owned(),
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in ["sv", "en", "fi", "smj"] {
            let language = Language::from_code(code).expect("a well-formed code");
            assert_eq!(language.code(), code);
        }
        assert_eq!(Language::from_code("sv"), Some(Language::Sv));
        assert_eq!(
            Language::from_code("de").map(|l| l.tag()),
            Some("de".into())
        );
    }

    #[test]
    fn the_declared_language_is_found_without_parsing() {
        let declared = |text| Language::declared_in(text).code().to_owned();
        assert_eq!(declared("title: x\nlanguage: en # English\n[oops"), "en");
        assert_eq!(declared("language: \"fi\"\n"), "fi");
        assert_eq!(
            declared("  language: en\n"),
            "sv",
            "only the top level counts"
        );
        assert_eq!(declared("language: English\n"), "sv");
        assert_eq!(declared("programme: x\n"), "sv");
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["", "s", "SV", "svenska", "sv-SE", "å", "e1"] {
            assert_eq!(Language::from_code(bad), None, "{bad}");
        }
    }
}
