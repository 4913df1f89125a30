//! A layout's words: one TOML file of `key = "text"` per report language.
//!
//! Entry point: [`LabelSets::parse`] reads both files; [`LabelSets::get`] looks a key up
//! for a language and names the file and key when it is missing. Labels may hold
//! `{placeholders}`, filled in by [`fill`].

use super::error::LayoutError;
use crate::report::Language;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The label file of a layout for `language`, relative to the layout's folder.
pub fn label_file(language: Language) -> &'static str {
    match language {
        Language::Sv => "labels/sv.toml",
        Language::En => "labels/en.toml",
    }
}

/// The labels of one language and the file they came from.
#[derive(Debug, Clone)]
struct Labels {
    file: PathBuf,
    entries: BTreeMap<String, String>,
}

impl Labels {
    fn parse(file: &Path, text: &str) -> Result<Labels, LayoutError> {
        let entries = toml::from_str(text).map_err(|e| LayoutError::Labels {
            file: file.to_path_buf(),
            message: e.to_string(),
        })?;
        Ok(Labels {
            file: file.to_path_buf(),
            entries,
        })
    }
}

/// Swedish and English labels of a layout.
#[derive(Debug, Clone)]
pub struct LabelSets {
    sv: Labels,
    en: Labels,
}

impl LabelSets {
    /// Parses the Swedish and English files: (path shown in messages, text) for each.
    pub fn parse(sv: (&Path, &str), en: (&Path, &str)) -> Result<LabelSets, LayoutError> {
        Ok(LabelSets {
            sv: Labels::parse(sv.0, sv.1)?,
            en: Labels::parse(en.0, en.1)?,
        })
    }

    /// The label `key` in `language`; an error naming the label file and key when absent.
    pub fn get(&self, language: Language, key: &str) -> Result<&str, LayoutError> {
        let labels = match language {
            Language::Sv => &self.sv,
            Language::En => &self.en,
        };
        labels
            .entries
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| LayoutError::MissingLabel {
                file: labels.file.clone(),
                key: key.to_owned(),
            })
    }
}

/// `label` with each `{name}` of `values` replaced by its value; other text is kept.
pub fn fill<S: AsRef<str>>(label: &str, values: &[(&str, S)]) -> String {
    values.iter().fold(label.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value.as_ref())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(sv: &str) -> Result<LabelSets, LayoutError> {
        LabelSets::parse(
            (Path::new("x/labels/sv.toml"), sv),
            (Path::new("x/labels/en.toml"), "page = \"Page\""),
        )
    }

    #[test]
    fn looks_up_by_language() {
        let labels = sets("page = \"Sida\"").expect("valid labels");
        assert_eq!(labels.get(Language::Sv, "page").ok(), Some("Sida"));
        assert_eq!(labels.get(Language::En, "page").ok(), Some("Page"));
    }

    #[test]
    fn missing_label_names_file_and_key() {
        let labels = sets("page = \"Sida\"").expect("valid labels");
        let message = labels
            .get(Language::Sv, "nothing")
            .expect_err("no such label")
            .to_string();
        assert!(message.contains("x/labels/sv.toml"), "{message}");
        assert!(message.contains("nothing"), "{message}");
    }

    #[test]
    fn a_label_that_is_not_text_is_an_error_naming_the_file() {
        let message = sets("page = 3").expect_err("not text").to_string();
        assert!(message.contains("x/labels/sv.toml"), "{message}");
    }

    #[test]
    fn fills_placeholders() {
        let text = fill("{a} och {b}, {c}", &[("a", "1"), ("b", "2")]);
        assert_eq!(text, "1 och 2, {c}");
    }
}
