//! `kvartal verify`: does an archived PDF rebuild, byte for byte, from the files it carries?
//!
//! The files are checked against the manifest's digests, put back at their paths in a
//! temporary folder, and the report is built again with the layout the manifest names
//! (a built-in one, or the folder given with `--layout`, whose fingerprint must match).

use super::build::typeset;
use super::layout;
use super::source::{self, MANIFEST};
use super::{Outcome, UsageError};
use crate::cli::{MessageFormat, VerifyArgs};
use crate::diag::Diagnostic;
use crate::files;
use crate::pdf::{self, PdfOptions, PdfStandard};
use crate::report;
use crate::sign;
use serde::Deserialize;
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

/// `kvartal verify`: whether the PDF rebuilds from the files it carries and what its
/// signatures are, printed; an error when it does not hold.
pub fn verify(args: &VerifyArgs) -> Result<Outcome, UsageError> {
    let mut outcome = Outcome::default();
    let file = args.file.display().to_string();
    let findings = findings(args);
    let verdict = findings
        .as_ref()
        .map_err(Clone::clone)
        .and_then(Findings::verdict);
    outcome.printed = match (args.format, &findings) {
        (MessageFormat::Json, Ok(found)) => format!("{}\n", found.json(&file)),
        (MessageFormat::Json, Err(why)) => {
            format!(
                "{}\n",
                serde_json::json!({ "file": file, "holds": false, "reason": why })
            )
        }
        (MessageFormat::Text, _) => verdict
            .as_ref()
            .map_or_else(|_| String::new(), |said| format!("{file}: {said}\n")),
    };
    if let Err(why) = verdict {
        outcome
            .diagnostics
            .push(Diagnostic::error(&args.file, None, why));
    }
    Ok(outcome)
}

/// What checking a file found: its signatures, and whether it rebuilds from its source.
struct Findings {
    signatures: Vec<sign::check::Signature>,
    /// Whether the chains were checked against trusted certificates.
    chains_checked: bool,
    rebuild: Result<String, String>,
}

impl Findings {
    /// Everything found in words, or the first thing that does not hold.
    fn verdict(&self) -> Result<String, String> {
        let chain = if self.chains_checked {
            "chain trusted"
        } else {
            "chain not checked (give --trust)"
        };
        let mut said = Vec::new();
        for s in &self.signatures {
            if let Some(problem) = s.problems.first() {
                return Err(format!(
                    "the signature in {} by {}: {problem}",
                    s.field, s.signer
                ));
            }
            let later = if s.appended > 0 {
                ", later signatures appended after it and nothing else changed"
            } else {
                ""
            };
            said.push(format!(
                "signed by {} in {}: unchanged since signing, {chain}{later}",
                s.signer, s.field
            ));
        }
        said.push(self.rebuild.clone()?);
        Ok(said.join("; "))
    }

    /// The findings as one JSON object, for an archive system.
    fn json(&self, file: &str) -> serde_json::Value {
        let signatures: Vec<serde_json::Value> = self
            .signatures
            .iter()
            .map(|s| {
                serde_json::json!({
                    "field": s.field,
                    "signer": s.signer,
                    "holds": s.problems.is_empty(),
                    "problems": s.problems,
                    "chain_checked": self.chains_checked,
                    "later_revisions": s.appended > 0,
                })
            })
            .collect();
        let (rebuilds, reason) = match &self.rebuild {
            Ok(said) => (true, said),
            Err(why) => (false, why),
        };
        serde_json::json!({
            "file": file,
            "holds": self.verdict().is_ok(),
            "signatures": signatures,
            "rebuilds": rebuilds,
            "reason": reason,
        })
    }
}

/// The file's signatures checked against the certificates `--trust` names, and its rebuild.
fn findings(args: &VerifyArgs) -> Result<Findings, String> {
    let pdf = files::read_plain(&args.file, MAX_PDF_BYTES).map_err(|e| e.to_string())?;
    let anchors = match &args.trust {
        Some(path) => {
            let pem = files::read_plain(path, MAX_TRUST_BYTES).map_err(|e| e.to_string())?;
            Certificate::load_pem_chain(&pem)
                .map_err(|e| format!("{}: not PEM certificates: {e}", path.display()))?
        }
        None => Vec::new(),
    };
    Ok(Findings {
        signatures: sign::check::signatures(&pdf, &anchors)?,
        chains_checked: !anchors.is_empty(),
        rebuild: rebuilds(args, &pdf),
    })
}

/// Whether the file, or its first revision when it was signed since, rebuilds from the
/// files it carries, in words.
fn rebuilds(args: &VerifyArgs, pdf: &[u8]) -> Result<String, String> {
    let attached = pdf::attached_files(pdf)?;
    let manifest = attached
        .iter()
        .find(|(name, _)| name == MANIFEST)
        .ok_or("it carries no source to rebuild it from (build it with --embed-source)")?;
    let manifest: Manifest = serde_json::from_slice(&manifest.1)
        .map_err(|e| format!("its {MANIFEST} cannot be read: {e}"))?;
    let folder = Scratch::new()?;
    let report = restore(&manifest, &attached, &folder.0)?;
    let name = match (&args.layout, manifest.layout.name.as_str()) {
        (Some(given), _) => given.clone(),
        (None, name) => name.to_owned(),
    };
    let layout = layout::load(&name)
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
    let checked =
        report::check(&report, &report::Shelf::default()).map_err(|d| rebuild_failed(&d))?;
    let mut options = PdfOptions {
        standard,
        draft: manifest.draft,
        ..PdfOptions::default()
    };
    options.attachments = source::attachments(&checked, &layout, &manifest.layout.name, &options)?;
    let (_, rebuilt) = typeset(&checked, &layout, &options).map_err(|d| d.message)?;
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
    let at = rebuilt.bytes.iter().zip(pdf).position(|(a, b)| a != b);
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
        if source::sha256_hex(data) != entry.sha256 {
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
