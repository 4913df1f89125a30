//! `kvartal verify`: does an archived PDF rebuild, byte for byte, from the files it carries?
//!
//! The files are checked against the manifest's digests, put back at their paths in a
//! temporary folder, and the report is built again with the layout the manifest names
//! (a built-in one, or the folder given with `--layout`, whose fingerprint must match).

use super::build::{load_layout, typeset};
use super::source::{self, MANIFEST};
use super::{Outcome, UsageError};
use crate::cli::{MessageFormat, VerifyArgs};
use crate::diag::Diagnostic;
use crate::files;
use crate::pdf::{self, PdfOptions, PdfStandard};
use crate::report;
use crate::sign;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};
use x509_cert::Certificate;

/// The most a PDF may hold for `verify` to read it.
const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;
/// The most a file of trusted certificates may hold.
const MAX_TRUST_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Deserialize)]
struct Manifest {
    kvartal: String,
    layout: LayoutEntry,
    pdf_standard: String,
    draft: bool,
    files: Vec<FileEntry>,
}

#[derive(Deserialize)]
struct LayoutEntry {
    name: String,
    sha256: String,
}

#[derive(Deserialize)]
struct FileEntry {
    name: String,
    path: String,
    sha256: String,
    source: bool,
}

pub fn verify(args: &VerifyArgs) -> Result<Outcome, UsageError> {
    let mut outcome = Outcome::default();
    let verdict = rebuild(args);
    let file = args.file.display().to_string();
    match args.format {
        MessageFormat::Json => {
            let (rebuilds, reason) = match &verdict {
                Ok(said) => (true, said.clone()),
                Err(why) => (false, why.clone()),
            };
            let json = serde_json::json!({ "file": file, "rebuilds": rebuilds, "reason": reason });
            outcome.printed = format!("{json}\n");
        }
        MessageFormat::Text => {
            if let Ok(said) = &verdict {
                outcome.printed = format!("{file}: {said}\n");
            }
        }
    }
    if let Err(why) = verdict {
        outcome
            .diagnostics
            .push(Diagnostic::error(&args.file, None, why));
    }
    Ok(outcome)
}

/// What the checks showed, in words: the signatures, then the rebuild; or the first reason
/// the file does not hold.
fn rebuild(args: &VerifyArgs) -> Result<String, String> {
    let pdf = files::read_plain(&args.file, MAX_PDF_BYTES).map_err(|e| e.to_string())?;
    let signed = signatures(&pdf, args.trust.as_deref())?;
    let rebuilt = rebuilds(args, &pdf)?;
    Ok(signed
        .into_iter()
        .chain([rebuilt])
        .collect::<Vec<_>>()
        .join("; "))
}

/// Each signature of `pdf` in words, checked against the certificates in `trust`; an error
/// names the first that does not hold.
fn signatures(pdf: &[u8], trust: Option<&Path>) -> Result<Vec<String>, String> {
    let anchors = match trust {
        Some(path) => {
            let pem = files::read_plain(path, MAX_TRUST_BYTES).map_err(|e| e.to_string())?;
            Certificate::load_pem_chain(&pem)
                .map_err(|e| format!("{}: not PEM certificates: {e}", path.display()))?
        }
        None => Vec::new(),
    };
    let chain = if anchors.is_empty() {
        "chain not checked (give --trust)"
    } else {
        "chain trusted"
    };
    sign::check::signatures(pdf, &anchors)?
        .into_iter()
        .map(|s| match s.problems.first() {
            Some(problem) => Err(format!(
                "the signature in {} by {}: {problem}",
                s.field, s.signer
            )),
            None => Ok(format!(
                "signed by {} in {}: unchanged since signing, {chain}{}",
                s.signer,
                s.field,
                if s.appended > 0 {
                    ", later signatures appended after it"
                } else {
                    ""
                }
            )),
        })
        .collect()
}

/// Whether the file, or its first revision when it was signed since, rebuilds from the
/// files it carries, in words.
fn rebuilds(args: &VerifyArgs, pdf: &[u8]) -> Result<String, String> {
    let pdf = pdf.to_vec();
    let attached = pdf::attached_files(&pdf)?;
    let manifest = attached
        .iter()
        .find(|(name, _)| name == MANIFEST)
        .ok_or("it carries no source to rebuild it from (build it with --embed-source)")?;
    let manifest: Manifest = serde_json::from_slice(&manifest.1)
        .map_err(|e| format!("its {MANIFEST} cannot be read: {e}"))?;
    let folder = Scratch::new()?;
    let report = restore(&manifest, &attached, &folder.0)?;
    let layout = match (&args.layout, manifest.layout.name.as_str()) {
        (Some(given), _) => given.clone(),
        (None, name) => name.to_owned(),
    };
    let layout = load_layout(&layout)
        .map_err(|usage| usage.0)?
        .map_err(|d| d.message)?;
    if layout.fingerprint() != manifest.layout.sha256 {
        return Err(format!(
            "the layout \"{}\" is not the one it was built with (its files or fonts differ); \
             give that layout's folder with --layout",
            manifest.layout.name
        ));
    }
    let standard = PdfStandard::NAMES
        .iter()
        .find(|(name, _)| *name == manifest.pdf_standard)
        .map(|(_, standard)| *standard)
        .ok_or_else(|| format!("unknown PDF standard {}", manifest.pdf_standard))?;
    let checked = report::check(&report).map_err(|d| rebuild_failed(&d))?;
    let mut options = PdfOptions {
        standard,
        draft: manifest.draft,
        ..PdfOptions::default()
    };
    options.attachments = source::attachments(&checked, &layout, &manifest.layout.name, &options)?;
    let (_, rebuilt) = typeset(&checked.report, &layout, &options).map_err(|d| d.message)?;
    let name = report
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    if rebuilt.bytes == pdf {
        return Ok(format!(
            "rebuilds identically from its source {name} with the layout \"{}\"",
            manifest.layout.name
        ));
    }
    // Signed since: the rebuild is the first revision, the signatures follow it.
    if pdf.starts_with(&rebuilt.bytes) {
        return Ok(format!(
            "its first revision rebuilds identically from its source {name} with the layout \"{}\"",
            manifest.layout.name
        ));
    }
    let at = rebuilt.bytes.iter().zip(&pdf).position(|(a, b)| a != b);
    let version = env!("CARGO_PKG_VERSION");
    let other = if manifest.kvartal == version {
        String::new()
    } else {
        format!(
            " (it was built by kvartal {}, this is {version})",
            manifest.kvartal
        )
    };
    Err(format!(
        "differs from a rebuild from its source {name}, from byte {}{other}",
        at.unwrap_or(rebuilt.bytes.len().min(pdf.len()))
    ))
}

fn rebuild_failed(diagnostics: &[Diagnostic]) -> String {
    let first = diagnostics.first().map_or("", |d| d.message.as_str());
    format!("its source does not build: {first}")
}

/// Writes every file the manifest lists, checked against its digest, at its path in
/// `folder`; gives the report's path.
fn restore(
    manifest: &Manifest,
    attached: &[(String, Vec<u8>)],
    folder: &Path,
) -> Result<PathBuf, String> {
    let mut report = None;
    for entry in &manifest.files {
        let (_, data) = attached
            .iter()
            .find(|(name, _)| *name == entry.name)
            .ok_or_else(|| format!("the file {} its manifest lists is missing", entry.name))?;
        let digest: String = Sha256::digest(data)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if digest != entry.sha256 {
            return Err(format!(
                "the attached file {} has changed since it was built",
                entry.name
            ));
        }
        let path = folder.join(relative(&entry.path)?);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&path, data).map_err(|e| e.to_string())?;
        if entry.source {
            report = Some(path);
        }
    }
    report.ok_or_else(|| "its manifest names no source".to_owned())
}

/// `path` if it stays inside the folder it is relative to: no root, no `..`.
fn relative(path: &str) -> Result<&Path, String> {
    let path = Path::new(path);
    let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
    if plain && path.components().count() > 0 {
        Ok(path)
    } else {
        Err(format!(
            "the manifest's path {} leaves the report's folder",
            path.display()
        ))
    }
}

/// A temporary folder of this run, removed when done.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, String> {
        let base = std::env::temp_dir();
        for attempt in 0..100u32 {
            let folder = base.join(format!("kvartal-verify-{}-{attempt}", std::process::id()));
            if std::fs::create_dir(&folder).is_ok() {
                return Ok(Scratch(folder));
            }
        }
        Err(format!(
            "cannot make a temporary folder in {}",
            base.display()
        ))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
