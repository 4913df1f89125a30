//! A layout loaded and ready to render: its templates compiled in one strict Handlebars
//! registry with the Markdown escape and the helpers, and its labels.
//!
//! Entry points: [`Layout::builtin`], [`Layout::from_dir`], then [`Layout::render`].
//! Both loaders produce a list of files and share [`Layout::from_files`], so a layout on
//! disk behaves exactly like a built-in one.

use super::context;
use super::embedded;
use super::error::LayoutError;
use super::escape::escape_markdown;
use super::helpers;
use super::labels::{LabelSets, label_file};
use crate::report::{Language, Report};
use handlebars::{Handlebars, RenderError, RenderErrorReason, TemplateError};
use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The template a layout renders; it includes the partials by name.
const REPORT_TEMPLATE: &str = "report.hbs";
const PARTIALS_DIR: &str = "partials";
const TEMPLATE_EXTENSION: &str = "hbs";

/// Templates and labels of one layout, loaded once per run.
pub struct Layout {
    registry: Handlebars<'static>,
    labels: Arc<LabelSets>,
    /// The file each registered template came from, by registered name, for messages.
    files: BTreeMap<String, PathBuf>,
}

/// One file of a layout: its name inside the layout folder (`partials/metrics.hbs`), the
/// path messages show, and its text.
struct LayoutFile {
    path: PathBuf,
    text: String,
}

impl Layout {
    /// The built-in layout `name`, compiled into the binary.
    pub fn builtin(name: &str) -> Result<Layout, LayoutError> {
        Layout::from_files(builtin_files(name)?)
    }

    /// The layout in `dir`: `report.hbs`, `partials/*.hbs` and `labels/{sv,en}.toml`.
    /// A file the folder lacks is taken from the standard layout, so a folder may
    /// override only what it changes.
    pub fn from_dir(dir: &Path) -> Result<Layout, LayoutError> {
        let mut files = builtin_files(embedded::DEFAULT)?;
        files.extend(read_dir_files(dir)?);
        Layout::from_files(files)
    }

    /// The report as Markdown following the contract `doc::parse` reads.
    pub fn render(&self, report: &Report) -> Result<String, LayoutError> {
        let view = context::build(report, &self.labels)?;
        let markdown = self
            .registry
            .render(REPORT_TEMPLATE, &view)
            .map_err(|e| self.render_error(&e))?;
        // Templates end with varying blank lines; the document ends with exactly one newline.
        Ok(format!("{}\n", markdown.trim_end()))
    }

    /// The label `key` in `language`, for words the backends print themselves.
    pub fn label(&self, language: Language, key: &str) -> Result<&str, LayoutError> {
        self.labels.get(language, key)
    }

    pub(super) fn labels(&self) -> &LabelSets {
        &self.labels
    }

    /// Compiles the templates and parses the labels of `files`, keyed by name in the layout.
    fn from_files(files: BTreeMap<String, LayoutFile>) -> Result<Layout, LayoutError> {
        let labels = Arc::new(parse_labels(&files)?);
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(escape_markdown);
        helpers::register(&mut registry, Arc::clone(&labels));
        let mut templates = BTreeMap::new();
        for (name, file) in files.iter().filter(|(name, _)| is_template(name)) {
            let registered = registered_name(name);
            registry
                .register_template_string(&registered, &file.text)
                .map_err(|e| template_error(&file.path, &e))?;
            templates.insert(registered, file.path.clone());
        }
        Ok(Layout {
            registry,
            labels,
            files: templates,
        })
    }

    /// A render error with the file it happened in; the report template when unknown.
    fn render_error(&self, error: &RenderError) -> LayoutError {
        let file = error
            .template_name
            .as_ref()
            .and_then(|name| self.files.get(name))
            .or_else(|| self.files.get(REPORT_TEMPLATE))
            .cloned()
            .unwrap_or_else(|| PathBuf::from(REPORT_TEMPLATE));
        LayoutError::Template {
            file,
            position: error.line_no.zip(error.column_no),
            message: render_message(error.reason()),
        }
    }
}

/// The names of the built-in layouts.
pub fn builtin_names() -> &'static [&'static str] {
    embedded::NAMES
}

fn builtin_files(name: &str) -> Result<BTreeMap<String, LayoutFile>, LayoutError> {
    let files = embedded::files(name).ok_or_else(|| LayoutError::UnknownLayout {
        name: name.to_owned(),
    })?;
    let base = Path::new(embedded::SOURCE_DIR).join(name);
    Ok(files
        .iter()
        .map(|(file, text)| {
            let layout_file = LayoutFile {
                path: base.join(file),
                text: (*text).to_owned(),
            };
            ((*file).to_owned(), layout_file)
        })
        .collect())
}

/// The layout files present in `dir`, keyed by their name inside the layout.
fn read_dir_files(dir: &Path) -> Result<BTreeMap<String, LayoutFile>, LayoutError> {
    let mut names = vec![REPORT_TEMPLATE.to_owned()];
    names.extend([Language::Sv, Language::En].map(|l| label_file(l).to_owned()));
    names.extend(partial_names(dir)?);
    let mut files = BTreeMap::new();
    for name in names {
        let path = dir.join(&name);
        if path.is_file() {
            let text = fs::read_to_string(&path).map_err(|source| LayoutError::Io {
                path: path.clone(),
                source,
            })?;
            files.insert(name, LayoutFile { path, text });
        }
    }
    Ok(files)
}

/// `partials/<name>.hbs` for each template in `dir/partials`, when that folder exists.
fn partial_names(dir: &Path) -> Result<Vec<String>, LayoutError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LayoutError::Io { path, source }
    };
    // Reading the folder itself first reports a missing or unreadable layout folder.
    fs::read_dir(dir).map_err(io_error(dir))?;
    let partials = dir.join(PARTIALS_DIR);
    if !partials.is_dir() {
        return Ok(Vec::new());
    }
    let mut names = Vec::new();
    for entry in fs::read_dir(&partials).map_err(io_error(&partials))? {
        let path = entry.map_err(io_error(&partials))?.path();
        let is_template = path.extension().is_some_and(|e| e == TEMPLATE_EXTENSION);
        if let (true, Some(file)) = (is_template, path.file_name().and_then(|f| f.to_str())) {
            names.push(format!("{PARTIALS_DIR}/{file}"));
        }
    }
    names.sort();
    Ok(names)
}

fn parse_labels(files: &BTreeMap<String, LayoutFile>) -> Result<LabelSets, LayoutError> {
    let file = |language| {
        let name = label_file(language);
        files
            .get(name)
            .map(|f| (f.path.as_path(), f.text.as_str()))
            .ok_or_else(|| LayoutError::Io {
                path: PathBuf::from(name),
                source: io::ErrorKind::NotFound.into(),
            })
    };
    LabelSets::parse(file(Language::Sv)?, file(Language::En)?)
}

fn is_template(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e == TEMPLATE_EXTENSION)
}

/// The name a template is registered under: the report template keeps its file name, a
/// partial is called by its file stem (`{{> metrics}}` for `partials/metrics.hbs`).
fn registered_name(name: &str) -> String {
    match name
        .strip_prefix(PARTIALS_DIR)
        .and_then(|n| n.strip_prefix('/'))
    {
        Some(partial) => partial
            .strip_suffix(&format!(".{TEMPLATE_EXTENSION}"))
            .unwrap_or(partial)
            .to_owned(),
        None => name.to_owned(),
    }
}

fn template_error(path: &Path, error: &TemplateError) -> LayoutError {
    LayoutError::Template {
        file: path.to_path_buf(),
        position: error.pos(),
        message: error.reason().to_string(),
    }
}

/// What went wrong, in words a layout author can act on.
fn render_message(reason: &RenderErrorReason) -> String {
    match reason {
        RenderErrorReason::MissingVariable(Some(path)) => {
            format!("`{path}` is not in the report data (templates are checked strictly)")
        }
        RenderErrorReason::MissingVariable(None) => {
            "a value used here is not in the report data (templates are checked strictly)".into()
        }
        other => other.to_string(),
    }
}
