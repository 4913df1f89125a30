//! Checking an organisation's logo: a plain file inside the report's folder, an image,
//! and one kvartal can draw within its budget.
//!
//! Entry point: [`logo`]. The file is read here, once, and checked as the backends will
//! read it (decoded whole, or parsed with what it embeds), so that `check` finds every
//! logo `build` would fail on, and later stages work from the bytes that were checked.

use super::check::Check;
use crate::files::{self, ReadError};
use crate::image::{self, ImageFormat, Refusal, budget::MAX_FILE_BYTES};
use crate::report::Logo;
use crate::report::problems::Problem;
use serde_saphyr::Spanned;
use std::path::Path;

/// The logo `written` (relative to the report file) read and recognised, or a problem.
pub fn logo(check: &mut Check, written: &Spanned<String>) -> Option<Logo> {
    let name = &written.value;
    match read(check.path, name) {
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

/// The logo's bytes and format. Only a plain file in the report's folder is read, so a
/// report cannot embed arbitrary files of the machine it is built on, nor hang on a pipe.
fn read(report: &Path, name: &str) -> Result<(ImageFormat, Vec<u8>), Problem> {
    let unread = |error| not_read(name, error);
    let file = files::inside(files::folder_of(report), name).map_err(unread)?;
    let data = files::read_plain(&file, MAX_FILE_BYTES).map_err(unread)?;
    let format = ImageFormat::sniff(&data).ok_or_else(|| Problem::LogoNotImage {
        name: name.to_owned(),
    })?;
    image::check(format, &data).map_err(|why| Problem::LogoRefused {
        name: name.to_owned(),
        why,
    })?;
    Ok((format, data))
}

fn not_read(name: &str, error: ReadError) -> Problem {
    let name = name.to_owned();
    match error {
        ReadError::NotFound => Problem::LogoMissing { name },
        ReadError::Outside => Problem::LogoOutside { name },
        ReadError::Link => Problem::LogoLink { name },
        ReadError::NotPlain => Problem::LogoNotPlain { name },
        ReadError::TooLarge(_) => Problem::LogoRefused {
            name,
            why: Refusal::TooLarge,
        },
        ReadError::Io(e) => Problem::LogoUnreadable {
            name,
            error: e.to_string(),
        },
    }
}
