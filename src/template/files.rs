//! Where a layout's files come from: layouts compiled into the binary and layout folders
//! on disk, each standing on a built-in base.
//!
//! Entry points: [`builtin_chain`] and [`dir_chain`] give a layout as layers, its base
//! first; a later layer's file replaces the same file of an earlier one (label files and
//! `style.toml` are merged key by key instead, see `Layout`). [`export_builtin`] writes a
//! built-in layout's files into a folder to start a layout from.
//!
//! A layout folder may come from anyone: it is read through `crate::files`, so only plain
//! files inside it are read, each within a size, and its folders hold a bounded number.

use super::embedded;
use super::error::LayoutError;
use super::labels::{LABELS_DIR, LABELS_EXTENSION};
use super::style::{StyleFile, StyleSource};
use crate::files::{self, ReadError};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub const REPORT_TEMPLATE: &str = "report.hbs";
/// A programme's web page: its quarters and key figures (see `Layout::render_programme`).
pub const PROGRAMME_TEMPLATE: &str = "programme.hbs";
/// The template of a programme's year (`build --year`).
pub const YEAR_TEMPLATE: &str = "year.hbs";
pub const PARTIALS_DIR: &str = "partials";
pub const TEMPLATE_EXTENSION: &str = "hbs";
pub const STYLE_FILE: &str = "style.toml";
/// Rules a layout adds to its web pages' stylesheet (see `web_css`).
pub const WEB_STYLE_FILE: &str = "web.css";

/// One file of a layout: the path messages show, and its text.
pub struct LayoutFile {
    pub path: PathBuf,
    pub text: String,
}

/// The files one built-in layout or one folder gives, keyed by name inside the layout
/// (`partials/metrics.hbs`), with its parsed `style.toml`.
pub struct Layer {
    pub files: BTreeMap<String, LayoutFile>,
    pub style: Option<StyleFile>,
    /// The folder font files are read from; `None` for a built-in layout.
    pub folder: Option<PathBuf>,
}

impl Layer {
    fn new(
        files: BTreeMap<String, LayoutFile>,
        folder: Option<PathBuf>,
    ) -> Result<Layer, LayoutError> {
        let style = files
            .get(STYLE_FILE)
            .map(|file| {
                StyleFile::parse(&StyleSource {
                    file: &file.path,
                    text: &file.text,
                    folder: None,
                })
            })
            .transpose()?;
        Ok(Layer {
            files,
            style,
            folder,
        })
    }

    /// The built-in layout this layer names as its base, with where it is named.
    fn base(&self) -> Option<(&str, &Path, &str, usize)> {
        let base = self.style.as_ref()?.base.as_ref()?;
        let file = self.files.get(STYLE_FILE)?;
        Some((base.get_ref(), &file.path, &file.text, base.span().start))
    }

    /// The source of this layer's style file, for reading its values and font files.
    pub fn style_source(&self) -> Option<StyleSource<'_>> {
        self.files.get(STYLE_FILE).map(|file| StyleSource {
            file: &file.path,
            text: &file.text,
            folder: self.folder.as_deref(),
        })
    }
}

/// The built-in layout `name` and its bases, base first.
pub fn builtin_chain(name: &str) -> Result<Vec<Layer>, LayoutError> {
    let layer = builtin_layer(name)?;
    let mut chain = match layer.base() {
        // Built-in layouts name only a base that has none itself, so this ends.
        Some((base, ..)) if base != name => builtin_chain(base)?,
        _ => Vec::new(),
    };
    chain.push(layer);
    Ok(chain)
}

/// The layout in folder `dir` on its base (`base` in its style.toml; `standard` if none).
pub fn dir_chain(dir: &Path) -> Result<Vec<Layer>, LayoutError> {
    let layer = Layer::new(read_dir_files(dir)?, Some(dir.to_path_buf()))?;
    let mut chain = match layer.base() {
        None => builtin_chain(embedded::DEFAULT)?,
        Some((base, file, text, at)) => builtin_chain(base).map_err(|_| LayoutError::Style {
            file: file.to_path_buf(),
            position: Some(super::error::line_column(text, at)),
            message: format!(
                "`base` must name a built-in layout ({}), not `{base}`",
                embedded::NAMES.join(", ")
            ),
        })?,
    };
    chain.push(layer);
    Ok(chain)
}

fn builtin_layer(name: &str) -> Result<Layer, LayoutError> {
    let files = embedded::files(name).ok_or_else(|| LayoutError::UnknownLayout {
        name: name.to_owned(),
    })?;
    let folder = Path::new(embedded::SOURCE_DIR).join(name);
    let files = files
        .iter()
        .map(|(file, text)| {
            let layout_file = LayoutFile {
                path: folder.join(file),
                text: (*text).to_owned(),
            };
            ((*file).to_owned(), layout_file)
        })
        .collect();
    Layer::new(files, None)
}

/// The most a template, label file or style.toml may hold: the built-in ones are a few KB.
const MAX_TEXT_BYTES: u64 = 1024 * 1024;
/// The most partials a layout folder may hold (the built-in layouts have about 15).
const MAX_PARTIALS: usize = 200;
/// The most label files, one a language, a layout folder may hold.
const MAX_LABEL_FILES: usize = 50;

/// The layout files present in `dir`, keyed by their name inside the layout. The folder is
/// someone else's: only plain files inside it are read, each within [`MAX_TEXT_BYTES`].
fn read_dir_files(dir: &Path) -> Result<BTreeMap<String, LayoutFile>, LayoutError> {
    let mut names = vec![
        REPORT_TEMPLATE.to_owned(),
        PROGRAMME_TEMPLATE.to_owned(),
        YEAR_TEMPLATE.to_owned(),
        STYLE_FILE.to_owned(),
        WEB_STYLE_FILE.to_owned(),
    ];
    // Reading the folder itself first reports a missing or unreadable layout folder.
    fs::read_dir(dir).map_err(io_error(dir))?;
    names.extend(names_in(
        dir,
        PARTIALS_DIR,
        TEMPLATE_EXTENSION,
        MAX_PARTIALS,
    )?);
    names.extend(names_in(
        dir,
        LABELS_DIR,
        LABELS_EXTENSION,
        MAX_LABEL_FILES,
    )?);
    let mut read = BTreeMap::new();
    for name in names {
        let path = dir.join(&name);
        match files::read_plain_text(&path, MAX_TEXT_BYTES) {
            Ok(text) => {
                read.insert(name, LayoutFile { path, text });
            }
            Err(ReadError::NotFound) => {}
            Err(reason) => return Err(LayoutError::Unread { path, reason }),
        }
    }
    Ok(read)
}

/// `sub/<name>` for each entry of `dir/sub` named `*.extension`, when that folder exists.
/// Links and special files are named too, so that reading them refuses them by name; a
/// linked folder is refused at once, as it could be any folder of the machine.
fn names_in(
    dir: &Path,
    sub: &str,
    extension: &str,
    limit: usize,
) -> Result<Vec<String>, LayoutError> {
    let folder = dir.join(sub);
    match fs::symlink_metadata(&folder) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let reason = ReadError::Link;
            return Err(LayoutError::Unread {
                path: folder,
                reason,
            });
        }
        Ok(meta) if meta.is_dir() => {}
        _ => return Ok(Vec::new()),
    }
    let wanted = |path: &Path| path.extension().is_some_and(|e| e == extension);
    let listing = files::plain_files(&folder, 0, &wanted).map_err(io_error(&folder))?;
    let found: Vec<&PathBuf> = listing.files.iter().chain(&listing.skipped).collect();
    if found.len() > limit {
        return Err(LayoutError::TooMany { folder, limit });
    }
    let name = |path: &&PathBuf| Some(format!("{sub}/{}", path.file_name()?.to_str()?));
    let mut names: Vec<String> = found
        .iter()
        .filter(|p| wanted(p))
        .filter_map(name)
        .collect();
    names.sort();
    Ok(names)
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> LayoutError {
    let path = path.to_path_buf();
    move |source| LayoutError::Io { path, source }
}

/// Writes every file of the built-in layout `name` (its own and those of its base) into
/// `dir`, refusing before writing anything when one of them exists already.
pub fn export_builtin(name: &str, dir: &Path) -> Result<Vec<PathBuf>, LayoutError> {
    let mut files = BTreeMap::new();
    for layer in builtin_chain(name)? {
        files.extend(layer.files);
    }
    let targets: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|(name, file)| (dir.join(name), file.text))
        .collect();
    if let Some((path, _)) = targets.iter().find(|(path, _)| path.exists()) {
        return Err(LayoutError::WouldOverwrite { path: path.clone() });
    }
    for (path, text) in &targets {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        fs::write(path, text).map_err(io_error(path))?;
    }
    Ok(targets.into_iter().map(|(path, _)| path).collect())
}
