//! A layout loaded and ready to render: its templates compiled in one strict Handlebars
//! registry with the Markdown escape and the helpers, its labels and its style.
//!
//! Entry points: [`Layout::builtin`], [`Layout::from_dir`], then [`Layout::render`] (and
//! [`Layout::render_programme`] for a programme's web page).
//! Both loaders produce layers of files (base first, see `files`) and share
//! `Layout::from_layers`, so a layout on disk behaves exactly like a built-in one.

use super::capped::{MAX_MARKDOWN_BYTES, MAX_RENDER_TIME, Stopped};
use super::context::{self, ProgrammeQuarter};
use super::error::LayoutError;
use super::escape::escape_markdown;
use super::files::{
    Layer, PARTIALS_DIR, PROGRAMME_TEMPLATE, REPORT_TEMPLATE, TEMPLATE_EXTENSION, WEB_STYLE_FILE,
    YEAR_TEMPLATE, builtin_chain, dir_chain,
};
use super::format::{format_date, number_format};
use super::helpers;
use super::labels::{LabelSets, label_file_language};
use super::numbering::number_headings;
use super::partials::check_includes;
use crate::diag::Position;
use crate::doc::{NumberFormat, Style};
use crate::report::year::Year;
use crate::report::{Language, Report};
use chrono::NaiveDate;
use handlebars::{Handlebars, RenderError, RenderErrorReason, TemplateError};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Templates, labels and style of one layout, loaded once per run.
pub struct Layout {
    /// Shared with the thread each report is rendered on.
    registry: Arc<Handlebars<'static>>,
    /// The same templates with their partials written in place (see `inline`): what a
    /// report is rendered with. An error is reported from `registry`, which names the
    /// partial and the line as written. `None` when they did not compile written in place.
    inlined: Option<Arc<Handlebars<'static>>>,
    labels: Arc<LabelSets>,
    style: Style,
    /// The file each registered template came from, by registered name, for messages.
    files: BTreeMap<String, PathBuf>,
    /// Set when a render ran out of time: the layout is not tried on another report, so a
    /// folder of reports costs one wait, not one each.
    stalled: AtomicBool,
    /// SHA-256 of every file of the layout and its bases and of its fonts, in hex: the same
    /// fingerprint means the same documents from the same report.
    fingerprint: String,
    /// The layout's `web.css`, checked.
    web_css: Option<Arc<str>>,
}

impl Layout {
    /// The built-in layout `name`, compiled into the binary.
    pub fn builtin(name: &str) -> Result<Layout, LayoutError> {
        Layout::from_layers(builtin_chain(name)?)
    }

    /// The layout in `dir`: any of `report.hbs`, `partials/*.hbs`, `labels/<code>.toml` and
    /// `style.toml`. What the folder lacks comes from the built-in layout its style.toml
    /// names as `base` (the standard layout when none), so a folder holds only what it changes.
    pub fn from_dir(dir: &Path) -> Result<Layout, LayoutError> {
        Layout::from_layers(dir_chain(dir)?)
    }

    /// The report as Markdown following the contract `doc::parse` reads.
    pub fn render(&self, report: &Report) -> Result<String, LayoutError> {
        let view = || context::build(report, &self.labels, &self.style).map(context::into_value);
        let markdown = self.render_view(REPORT_TEMPLATE, view)?;
        Ok(match self.style.heading_numbers {
            true => number_headings(&markdown),
            false => markdown,
        })
    }

    /// A programme's web page as Markdown, from `programme.hbs`: its `quarters` (any
    /// order; the page lists them newest first) with the names of their files. Headings
    /// are not numbered: the page is an index, not a document to cite by section.
    pub fn render_programme(
        &self,
        quarters: &[ProgrammeQuarter<'_>],
    ) -> Result<String, LayoutError> {
        let view =
            context::programme::build(quarters, &self.labels, &self.style)?.ok_or_else(|| {
                self.stopped(PROGRAMME_TEMPLATE, "a programme's page needs a quarter")
            })?;
        self.render_view(PROGRAMME_TEMPLATE, || Ok(serde_json::to_value(&view)))
    }

    /// A programme's year as Markdown, from `year.hbs` (see `context::year`).
    pub fn render_year(&self, year: &Year) -> Result<String, LayoutError> {
        let report = context::build(year.base(), &self.labels, &self.style)?;
        let view = context::year::build(year, report, &self.labels)?;
        let markdown = self.render_view(YEAR_TEMPLATE, || Ok(serde_json::to_value(&view)))?;
        Ok(match self.style.heading_numbers {
            true => number_headings(&markdown),
            false => markdown,
        })
    }

    /// The title of a year's view: the year file's title, or the `report_title_year`
    /// label filled with the programme.
    pub fn year_title(&self, year: &Year) -> Result<String, LayoutError> {
        context::year::title(year, &self.labels)
    }

    /// The title of a programme's page: the `programme_title` label filled with the
    /// programme of its newest quarter.
    pub fn programme_title(&self, newest: &Report) -> Result<String, LayoutError> {
        context::programme::title(newest, &self.labels)
    }

    /// The template `name` rendered with the data `view` makes, within the size and time
    /// of `capped`, ending with exactly one newline.
    fn render_view(&self, name: &str, view: impl Fn() -> View) -> Result<String, LayoutError> {
        let fast = self.inlined.as_ref().unwrap_or(&self.registry);
        let markdown = match self.render_with(fast, name, &view)? {
            // Rendered again as written, for the error's place in the partial it stands in.
            Err(_) if self.inlined.is_some() => self.render_with(&self.registry, name, &view)?,
            rendered => rendered,
        };
        let markdown = markdown.map_err(|e| self.render_error(name, &e))?;
        // Templates end with varying blank lines; the document ends with exactly one newline.
        Ok(format!("{}\n", markdown.trim_end()))
    }

    /// The template `name` of `registry` rendered with the data `view` makes, within the
    /// size and time of `capped`; the inner `Err` is the template's own error.
    fn render_with(
        &self,
        registry: &Arc<Handlebars<'static>>,
        name: &str,
        view: &impl Fn() -> View,
    ) -> Result<Result<String, RenderError>, LayoutError> {
        if self.stalled.load(Ordering::Relaxed) {
            return Err(self.too_long(name));
        }
        // Owned, so that the render can run on a thread of its own (see `capped`).
        let view = view()?.map_err(|e| self.stopped(name, &e.to_string()))?;
        match super::capped::render(registry, name, view) {
            Ok(markdown) => Ok(Ok(markdown)),
            Err(Stopped::TooMuch) => Err(self.too_much(name)),
            Err(Stopped::TooLong) => {
                self.stalled.store(true, Ordering::Relaxed);
                Err(self.too_long(name))
            }
            Err(Stopped::Failed(e)) => Ok(Err(e)),
        }
    }

    /// The label `key` in `language`, for words the backends print themselves.
    pub fn label(&self, language: Language, key: &str) -> Result<&str, LayoutError> {
        self.labels.get(language, key)
    }

    /// `date` as the layout writes it in `language`, for the backends' footers.
    pub fn format_date(&self, date: NaiveDate, language: Language) -> Result<String, LayoutError> {
        format_date(date, self.labels.language(language)?)
    }

    /// How the layout writes numbers in `language`, for what the backends write themselves.
    pub fn number_format(&self, language: Language) -> Result<NumberFormat, LayoutError> {
        number_format(self.labels.language(language)?)
    }

    /// The page, fonts, sizes and colours the backends draw with.
    pub fn style(&self) -> &Style {
        &self.style
    }

    pub(super) fn labels(&self) -> &LabelSets {
        &self.labels
    }

    /// Compiles the templates, merges the labels and styles of `layers` (base first).
    fn from_layers(layers: Vec<Layer>) -> Result<Layout, LayoutError> {
        let mut fingerprint = Sha256::new();
        let mut labels = LabelSets::default();
        let mut style = Style::default();
        let mut templates = BTreeMap::new();
        let mut web_css = None;
        for mut layer in layers {
            if let Some(file) = layer.files.get(WEB_STYLE_FILE) {
                super::web_css::check(file)?;
                web_css = Some(Arc::from(file.text.as_str()));
            }
            for (name, file) in &layer.files {
                digest_part(&mut fingerprint, name.as_bytes());
                digest_part(&mut fingerprint, file.text.as_bytes());
                if let Some(language) = label_file_language(name) {
                    labels.add_file(language, &file.path, &file.text)?;
                }
            }
            if let (Some(parsed), Some(source)) = (layer.style.take(), layer.style_source()) {
                parsed.apply(&mut style, &source)?;
            }
            templates.extend(
                layer
                    .files
                    .into_iter()
                    .filter(|(name, _)| is_template(name)),
            );
        }
        let year_keys = context::year::LABEL_KEYS.iter().map(|k| (*k).to_owned());
        labels.supply_added(super::period::added_keys().into_iter().chain(year_keys));
        labels.check_complete()?;
        let labels = Arc::new(labels);
        let mut registry = registry_with(&labels);
        let mut files = BTreeMap::new();
        let mut texts = BTreeMap::new();
        for (name, file) in templates {
            let registered = registered_name(&name);
            registry
                .register_template_string(&registered, &file.text)
                .map_err(|e| template_error(&file.path, &e))?;
            texts.insert(registered.clone(), file.text);
            files.insert(registered, file.path);
        }
        check_includes(&registry, &files)?;
        let inlined = inlined(&texts, &labels).map(Arc::new);
        for font in style.font_files() {
            digest_part(&mut fingerprint, &font);
        }
        let fingerprint = fingerprint
            .finalize()
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        Ok(Layout {
            registry: Arc::new(registry),
            inlined,
            labels,
            style,
            files,
            stalled: AtomicBool::new(false),
            fingerprint,
            web_css,
        })
    }

    /// The rules of the layout's `web.css`, added to its web pages' stylesheet.
    pub fn web_css(&self) -> Option<&Arc<str>> {
        self.web_css.as_ref()
    }

    /// The SHA-256 of the layout's files and fonts, in hex.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The error for a report the layout makes more than [`MAX_MARKDOWN_BYTES`] of.
    fn too_much(&self, name: &str) -> LayoutError {
        self.stopped(
            name,
            &format!(
                "the layout writes more than {} of text for this report: a template repeats \
                 itself, e.g. an {{{{#each}}}} inside an {{{{#each}}}}",
                crate::files::size(MAX_MARKDOWN_BYTES as u64)
            ),
        )
    }

    /// The error for a report the layout takes longer than [`MAX_RENDER_TIME`] over.
    fn too_long(&self, name: &str) -> LayoutError {
        self.stopped(
            name,
            &format!(
                "the layout takes more than {} s for this report: a template repeats itself, \
                 e.g. an {{{{#each}}}} inside an {{{{#each}}}}",
                MAX_RENDER_TIME.as_secs()
            ),
        )
    }

    /// An error of the layout as a whole, at its template `name`.
    fn stopped(&self, name: &str, message: &str) -> LayoutError {
        LayoutError::Template {
            file: self.file(name),
            position: None,
            message: message.to_owned(),
        }
    }

    /// The file the template `name` came from.
    fn file(&self, name: &str) -> PathBuf {
        self.files
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(name))
    }

    /// A render error with the file it happened in; the template `name` rendered when
    /// unknown.
    fn render_error(&self, name: &str, error: &RenderError) -> LayoutError {
        let file = error
            .template_name
            .as_ref()
            .and_then(|name| self.files.get(name))
            .cloned()
            .unwrap_or_else(|| self.file(name));
        LayoutError::Template {
            file,
            position: error
                .line_no
                .zip(error.column_no)
                .map(|(line, column)| Position { line, column }),
            message: render_message(error.reason()),
        }
    }
}

/// The data a template renders, made for it: the view's own problem, or serde's.
type View = Result<serde_json::Result<serde_json::Value>, LayoutError>;

/// Adds `bytes` to `digest` with their length first, so that no two lists of parts digest
/// alike.
fn digest_part(digest: &mut Sha256, bytes: &[u8]) {
    digest.update((bytes.len() as u64).to_le_bytes());
    digest.update(bytes);
}

/// The names of the built-in layouts.
pub fn builtin_names() -> &'static [&'static str] {
    super::embedded::NAMES
}

fn is_template(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e == TEMPLATE_EXTENSION)
}

/// The name a template is registered under: the report template keeps its file name, a
/// partial is called by its file stem (`{{> metrics}}` for `partials/metrics.hbs`).
/// A registry with kvartal's escape and helpers, and no template yet.
fn registry_with(labels: &Arc<LabelSets>) -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(escape_markdown);
    helpers::register(&mut registry, Arc::clone(labels));
    registry
}

/// The templates `texts` (by registered name) with their partials written in place, in a
/// registry of their own; `None` when one does not compile so.
fn inlined(
    texts: &BTreeMap<String, String>,
    labels: &Arc<LabelSets>,
) -> Option<Handlebars<'static>> {
    let mut registry = registry_with(labels);
    for (name, text) in super::inline::inline(texts) {
        registry.register_template_string(&name, text).ok()?;
    }
    Some(registry)
}

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
        position: error.pos().map(|(line, column)| Position { line, column }),
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
