//! `kvartal sign`: a built PDF signed into one of its signature fields.

use super::write::write_together;
use super::{Outcome, UsageError};
use crate::cli::SignArgs;
use crate::diag::Diagnostic;
use crate::files;
use crate::sign::{self, Identity, Request};
use std::path::PathBuf;

/// The most a PDF or a .p12 file may hold for `sign` to read it.
const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;
const MAX_P12_BYTES: u64 = 1024 * 1024;

/// `kvartal sign`: the signed copy written, or why it was not; `Err` when the output file
/// exists.
pub fn sign(args: &SignArgs) -> Result<Outcome, UsageError> {
    let out = args.out.clone().unwrap_or_else(|| signed_name(&args.file));
    if out.exists() {
        return Err(UsageError(format!(
            "{} exists; name another file with --out (a file is never replaced)",
            out.display()
        )));
    }
    let mut outcome = Outcome::default();
    match signed(args) {
        Ok((bytes, field)) => match write_together(&[(out.clone(), bytes)]) {
            Ok(()) => {
                outcome.printed = format!("signed {field}\n");
                outcome.written.push(out);
            }
            Err(e) => outcome.diagnostics.push(Diagnostic::error(
                &out,
                None,
                format!("cannot write it: {e}"),
            )),
        },
        Err((file, why)) => outcome
            .diagnostics
            .push(Diagnostic::error(&file, None, why)),
    }
    Ok(outcome)
}

/// The signed file and the field signed, or the file a problem is about and the problem.
fn signed(args: &SignArgs) -> Result<(Vec<u8>, String), (PathBuf, String)> {
    let password = match &args.password_file {
        Some(path) => {
            let text = files::read_plain_text(path, 64 * 1024)
                .map_err(|e| (path.clone(), e.to_string()))?;
            text.lines().next().unwrap_or_default().to_owned()
        }
        None => String::new(),
    };
    let p12 = files::read_plain(&args.p12, MAX_P12_BYTES)
        .map_err(|e| (args.p12.clone(), e.to_string()))?;
    let identity = Identity::from_pkcs12(&p12, &password).map_err(|e| (args.p12.clone(), e))?;
    let pdf = files::read_plain(&args.file, MAX_PDF_BYTES)
        .map_err(|e| (args.file.clone(), e.to_string()))?;
    let request = Request {
        field: args.field.as_deref(),
        reason: args.reason.as_deref(),
        location: args.location.as_deref(),
        time: chrono::Utc::now(),
        tsa: args.tsa.as_deref(),
    };
    sign::sign(pdf, &identity, &request).map_err(|e| (args.file.clone(), e))
}

/// `report.pdf` → `report.signed.pdf`.
fn signed_name(file: &std::path::Path) -> PathBuf {
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    file.with_file_name(format!("{stem}.signed.pdf"))
}
