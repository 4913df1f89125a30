//! A layout's words: one TOML file of `key = "text"` per language, `labels/<code>.toml`.
//!
//! Entry point: [`LabelSets::add_file`] merges one label file in (a later file replaces
//! the keys it gives, so a layout folder may change only some words of its base);
//! [`LabelSets::check_complete`] then makes sure every language has every word, so a
//! missing translation is found when the layout loads rather than halfway through a
//! report. [`LabelSets::get`] looks a key up. Labels may hold `{placeholders}`, filled in
//! by [`fill`].

use super::error::{LayoutError, toml_position};
use crate::report::Language;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const LABELS_DIR: &str = "labels";

/// Keys the built-in layouts gained after municipalities had made layout folders of their
/// own: the words of a programme's web page. The words of periods other than quarters are
/// another such set (`period::added_keys`). A language a folder adds itself
/// (`labels/fi.toml`) lacks them, and a missing key stops the whole layout from loading;
/// such a language gets the English words of these keys instead (see
/// [`LabelSets::supply_added`]), until its file gives its own.
pub const ADDED_LATER: &[&str] = &[
    "programme_title",
    "programme_reports",
    "programme_read",
    "programme_key_figures",
    "programme_key_figures_intro",
    "file_html",
    "file_pdf",
    "file_docx",
];

/// The language whose words a label file lacking an [`ADDED_LATER`] key gets.
const SUPPLYING_LANGUAGE: &str = "en";
pub const LABELS_EXTENSION: &str = "toml";

/// The language a layout file name such as `labels/fi.toml` holds labels for.
pub fn label_file_language(name: &str) -> Option<Language> {
    let code = name
        .strip_prefix(LABELS_DIR)?
        .strip_prefix('/')?
        .strip_suffix(LABELS_EXTENSION)?
        .strip_suffix('.')?;
    Language::from_code(code)
}

/// The labels of one language and the file each key came from.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    entries: BTreeMap<String, (String, PathBuf)>,
    /// The last file read for this language, named when a key is missing.
    file: PathBuf,
}

impl Labels {
    /// The label `key`; an error naming the label file and key when absent.
    pub fn get(&self, key: &str) -> Result<&str, LayoutError> {
        self.entries
            .get(key)
            .map(|(text, _)| text.as_str())
            .ok_or_else(|| LayoutError::MissingLabel {
                file: self.file.clone(),
                key: key.to_owned(),
            })
    }
}

/// The labels of every language a layout has.
#[derive(Debug, Clone, Default)]
pub struct LabelSets {
    languages: BTreeMap<String, Labels>,
}

impl LabelSets {
    /// Merges the label file at `file` (the path messages show) for `language`.
    pub fn add_file(
        &mut self,
        language: Language,
        file: &Path,
        text: &str,
    ) -> Result<(), LayoutError> {
        let entries: BTreeMap<String, String> =
            toml::from_str(text).map_err(|e| LayoutError::Labels {
                file: file.to_path_buf(),
                position: toml_position(text, &e),
                message: e.message().trim().to_owned(),
            })?;
        let labels = self
            .languages
            .entry(language.code().to_owned())
            .or_default();
        labels.file = file.to_path_buf();
        for (key, text) in entries {
            labels.entries.insert(key, (text, file.to_path_buf()));
        }
        Ok(())
    }

    /// Gives every language that lacks a key of [`ADDED_LATER`] or of `also` the English
    /// word, when the English labels have it; run before [`LabelSets::check_complete`].
    pub fn supply_added(&mut self, also: impl IntoIterator<Item = String>) {
        let Some(english) = self.languages.get(SUPPLYING_LANGUAGE).cloned() else {
            return;
        };
        let added: Vec<String> = ADDED_LATER
            .iter()
            .map(|key| (*key).to_owned())
            .chain(also)
            .collect();
        for labels in self.languages.values_mut() {
            for key in &added {
                if let (false, Some(entry)) =
                    (labels.entries.contains_key(key), english.entries.get(key))
                {
                    labels.entries.insert(key.clone(), entry.clone());
                }
            }
        }
    }

    /// An error naming the first label file that lacks a word another language has.
    pub fn check_complete(&self) -> Result<(), LayoutError> {
        let mut all_keys = BTreeMap::new();
        for labels in self.languages.values() {
            for (key, (_, file)) in &labels.entries {
                all_keys.entry(key.as_str()).or_insert(file.as_path());
            }
        }
        for labels in self.languages.values() {
            let missing: Vec<(&str, &Path)> = all_keys
                .iter()
                .filter(|(key, _)| !labels.entries.contains_key(**key))
                .map(|(key, file)| (*key, *file))
                .collect();
            if let Some((key, other)) = missing.first() {
                return Err(LayoutError::IncompleteLabels {
                    file: labels.file.clone(),
                    keys: missing.iter().map(|(k, _)| (*k).to_owned()).collect(),
                    example: format!("`{key}` is in {}", other.display()),
                });
            }
        }
        Ok(())
    }

    /// The labels of `language`; an error listing the languages there are when absent.
    pub fn language(&self, language: Language) -> Result<&Labels, LayoutError> {
        self.languages
            .get(language.code())
            .ok_or_else(|| LayoutError::NoLabels {
                language: language.code().to_owned(),
                available: self.languages.keys().cloned().collect(),
            })
    }

    /// The label `key` in `language`.
    pub fn get(&self, language: Language, key: &str) -> Result<&str, LayoutError> {
        self.language(language)?.get(key)
    }
}

/// `label` with each `{name}` of `values` replaced by its value; other text is kept.
pub fn fill<S: AsRef<str>>(label: &str, values: &[(&str, S)]) -> String {
    fill_in(label, values).0
}

/// `label` with each `{name}` of `values` replaced by its value, and the first placeholder
/// no value was given for (kept as written). One pass over the label: a value is written
/// and never read again, so a report's text holding `{year}` is printed as written.
pub fn fill_in<'l, S: AsRef<str>>(
    label: &'l str,
    values: &[(&str, S)],
) -> (String, Option<&'l str>) {
    let mut filled = String::with_capacity(label.len());
    let mut missing = None;
    let mut rest = label;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]);
        match name.filter(|name| is_placeholder(name)) {
            Some(name) => {
                match values.iter().find(|(known, _)| *known == name) {
                    Some((_, value)) => filled.push_str(value.as_ref()),
                    None => {
                        missing = missing.or(Some(name));
                        filled.push_str(&rest[open..open + name.len() + 2]);
                    }
                }
                rest = &after[name.len() + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    (filled, missing)
}

/// `{name}`: letters, digits and `_`; other text in braces is not a placeholder.
fn is_placeholder(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(sv: &str, en: &str) -> Result<LabelSets, LayoutError> {
        let mut sets = LabelSets::default();
        sets.add_file(Language::Sv, Path::new("x/labels/sv.toml"), sv)?;
        sets.add_file(Language::En, Path::new("x/labels/en.toml"), en)?;
        Ok(sets)
    }

    #[test]
    fn looks_up_by_language() {
        let labels = sets("page = \"Sida\"", "page = \"Page\"").expect("valid labels");
        assert_eq!(labels.get(Language::Sv, "page").ok(), Some("Sida"));
        assert_eq!(labels.get(Language::En, "page").ok(), Some("Page"));
    }

    #[test]
    fn missing_label_names_file_and_key() {
        let labels = sets("page = \"Sida\"", "").expect("valid labels");
        let message = labels
            .get(Language::Sv, "nothing")
            .expect_err("no such label")
            .to_string();
        assert!(message.contains("x/labels/sv.toml"), "{message}");
        assert!(message.contains("nothing"), "{message}");
    }

    #[test]
    fn a_label_that_is_not_text_is_an_error_naming_the_file() {
        let message = sets("page = 3", "").expect_err("not text").to_string();
        assert!(message.contains("x/labels/sv.toml"), "{message}");
    }

    #[test]
    fn a_later_file_replaces_only_the_keys_it_gives() {
        let mut labels = sets("page = \"Sida\"\nof = \"av\"", "").expect("valid labels");
        let file = Path::new("mine/labels/sv.toml");
        labels
            .add_file(Language::Sv, file, "page = \"Blad\"")
            .expect("valid labels");
        assert_eq!(labels.get(Language::Sv, "page").ok(), Some("Blad"));
        assert_eq!(labels.get(Language::Sv, "of").ok(), Some("av"));
    }

    #[test]
    fn a_word_missing_in_one_language_is_found_at_once() {
        let labels = sets("page = \"Sida\"\nof = \"av\"", "page = \"Page\"").expect("valid");
        let message = labels.check_complete().expect_err("incomplete").to_string();
        assert!(message.contains("x/labels/en.toml"), "{message}");
        assert!(message.contains("`of`"), "{message}");
    }

    #[test]
    fn a_language_a_folder_adds_gets_the_english_words_added_later() {
        let mut labels = sets(
            "page = \"Sida\"\nfile_pdf = \"PDF-fil\"",
            "page = \"Page\"\nfile_pdf = \"PDF\"\nfile_html = \"Web page\"",
        )
        .expect("valid labels");
        let finnish = Language::from_code("fi").expect("a code");
        let file = Path::new("mine/labels/fi.toml");
        labels
            .add_file(finnish, file, "page = \"Sivu\"")
            .expect("valid labels");
        labels.supply_added([]);
        labels.check_complete().expect("complete");
        assert_eq!(labels.get(finnish, "file_html").ok(), Some("Web page"));
        assert_eq!(labels.get(finnish, "page").ok(), Some("Sivu"));
        // A language's own word stays; a key not added later is still required.
        assert_eq!(labels.get(Language::Sv, "file_pdf").ok(), Some("PDF-fil"));
        labels
            .add_file(Language::En, Path::new("x/labels/en.toml"), "of = \"of\"")
            .expect("valid labels");
        labels.supply_added([]);
        let message = labels.check_complete().expect_err("incomplete").to_string();
        assert!(message.contains("`of`"), "{message}");
    }

    #[test]
    fn a_language_without_labels_lists_the_ones_there_are() {
        let labels = sets("", "").expect("valid");
        let finnish = Language::from_code("fi").expect("a code");
        let message = labels.get(finnish, "page").expect_err("none").to_string();
        assert!(message.contains("`fi`"), "{message}");
        assert!(message.contains("labels/fi.toml"), "{message}");
        assert!(message.contains("en, sv"), "{message}");
    }

    #[test]
    fn label_file_names_give_their_language() {
        assert_eq!(label_file_language("labels/sv.toml"), Some(Language::Sv));
        assert_eq!(
            label_file_language("labels/smj.toml").map(|l| l.tag()),
            Some("smj".into())
        );
        assert_eq!(label_file_language("labels/Svenska.toml"), None);
        assert_eq!(label_file_language("partials/sv.toml"), None);
    }

    #[test]
    fn fills_placeholders() {
        let text = fill("{a} och {b}, {c}", &[("a", "1"), ("b", "2")]);
        assert_eq!(text, "1 och 2, {c}");
        let (text, missing) = fill_in("{ a} {b}{c} {", &[("b", "{c}"), ("c", "3")]);
        assert_eq!((text.as_str(), missing), ("{ a} {c}3 {", None));
        assert_eq!(fill_in("{x} {y}", &[("y", "1")]).1, Some("x"));
    }

    #[test]
    fn a_value_is_never_filled_again() {
        let values = [("body", "Nämnden {year} {title}"), ("year", "2023")];
        let text = fill("{body} {year}", &values);
        assert_eq!(text, "Nämnden {year} {title} 2023");
    }
}
