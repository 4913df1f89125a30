//! Checking an organisation's logo: inside the report's folder, present, and an image.
//!
//! Entry point: [`logo`]. The file is read here, once, so that later stages work from
//! the bytes that were checked.

use super::check::Check;
use crate::image::ImageFormat;
use crate::report::Logo;
use crate::report::problems::Problem;
use serde_saphyr::Spanned;
use std::path::{Component, Path, PathBuf};

/// The logo `written` (relative to the report file) read and recognised, or a problem.
pub fn logo(check: &mut Check, written: &Spanned<String>) -> Option<Logo> {
    let name = &written.value;
    let result = locate(check.path, name).and_then(|file| read(&file, name));
    match result {
        Ok((format, data)) => Some(Logo {
            written: name.clone(),
            format,
            data,
        }),
        Err(problem) => {
            check.error(&written.referenced, problem);
            None
        }
    }
}

/// The logo's path, checked to lie inside the report's folder also after following
/// symbolic links, so a report cannot embed arbitrary files of the machine it is built on.
fn locate(report: &Path, name: &str) -> Result<PathBuf, Problem> {
    let named = || name.to_owned();
    let outside = || Problem::LogoOutside { name: named() };
    let relative = Path::new(name);
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if name.trim().is_empty() || !plain {
        return Err(outside());
    }
    let folder = report
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file = folder
        .join(relative)
        .canonicalize()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Problem::LogoMissing { name: named() },
            _ => Problem::LogoUnreadable {
                name: named(),
                error: e.to_string(),
            },
        })?;
    let folder = folder
        .canonicalize()
        .map_err(|e| Problem::FolderUnreadable {
            error: e.to_string(),
        })?;
    if file.starts_with(&folder) {
        Ok(file)
    } else {
        Err(outside())
    }
}

fn read(file: &Path, name: &str) -> Result<(ImageFormat, Vec<u8>), Problem> {
    let data = std::fs::read(file).map_err(|e| Problem::LogoUnreadable {
        name: name.to_owned(),
        error: e.to_string(),
    })?;
    match ImageFormat::sniff(&data) {
        Some(format) => Ok((format, data)),
        None => Err(Problem::LogoNotImage {
            name: name.to_owned(),
        }),
    }
}
