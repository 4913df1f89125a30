//! The files a report was built from, for its PDF to carry, so that an archive holds what
//! rebuilds it: the report itself (the PDF's source), the earlier quarters its history
//! draws on and its logos, and a manifest naming the layout with its fingerprint, the PDF
//! standard and kvartal's version.
//!
//! Entry point: [`attachments`]. A PDF/A-3 file may carry any file; PDF/A-2 may not.

use crate::files;
use crate::pdf::{Attachment, PdfOptions};
use crate::report::{self, Checked, ImageFormat};
use crate::template::Layout;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The name of the manifest among the PDF's files.
pub const MANIFEST: &str = "kvartal-build.json";

/// The PDF's files for the report `checked`, built with `layout` (named `layout_name` on
/// the command line) and `options`; an error names a file that could not be read again.
pub fn attachments(
    checked: &Checked,
    layout: &Layout,
    layout_name: &str,
    options: &PdfOptions,
) -> Result<Vec<Attachment>, String> {
    let report = &checked.report;
    // Each file with its path beside the report, which the manifest gives.
    let mut attachments = vec![yaml(
        file_name(&report.source),
        checked.text.clone().into_bytes(),
        "The report this document was made from",
        true,
        report,
    )];
    for path in &checked.earlier {
        let data = files::read_plain(path, report::MAX_FILE_BYTES)
            .map_err(|e| format!("cannot read {} again to attach it: {e}", path.display()))?;
        let description = "An earlier quarter's report, which the metrics' history draws on";
        attachments.push(yaml(file_name(path), data, description, false, report));
    }
    for logo in report.organisations.iter().filter_map(|o| o.logo.as_ref()) {
        let attachment = Attachment {
            // A name without folders, which every viewer can save.
            name: logo.written.replace(['/', '\\'], "-"),
            data: logo.data.clone(),
            media_type: media_type(logo.format),
            description: "A logo the report shows".to_owned(),
            source: false,
            modified: report.date,
        };
        attachments.push((logo.written.clone(), attachment));
    }
    let manifest = manifest(&attachments, layout, layout_name, options);
    let mut attachments: Vec<Attachment> = attachments.into_iter().map(|(_, a)| a).collect();
    attachments.push(Attachment {
        name: MANIFEST.to_owned(),
        data: manifest.into_bytes(),
        media_type: "application/json",
        description: "How to rebuild this document: kvartal's version, the layout and its fingerprint, the PDF standard and every file above with its SHA-256".to_owned(),
        source: false,
        modified: report.date,
    });
    Ok(attachments)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// A report file as an attachment, with its path beside the report (its name).
fn yaml(
    name: String,
    data: Vec<u8>,
    description: &str,
    source: bool,
    report: &report::Report,
) -> (String, Attachment) {
    let attachment = Attachment {
        name: name.clone(),
        data,
        media_type: "application/yaml",
        description: description.to_owned(),
        source,
        modified: report.date,
    };
    (name, attachment)
}

fn media_type(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "image/png",
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Svg => "image/svg+xml",
    }
}

/// A file's SHA-256 in hex, as the manifest records it and `verify` checks it.
pub(super) fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The manifest as JSON: what rebuilding the document needs besides the files.
fn manifest(
    files: &[(String, Attachment)],
    layout: &Layout,
    layout_name: &str,
    options: &PdfOptions,
) -> String {
    let listed: Vec<serde_json::Value> = files
        .iter()
        .map(|(path, file)| {
            serde_json::json!({
                "name": file.name,
                "path": path,
                "sha256": sha256_hex(&file.data),
                "source": file.source,
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "kvartal": env!("CARGO_PKG_VERSION"),
        "layout": { "name": layout_name, "sha256": layout.fingerprint() },
        "pdf_standard": options.standard.name(),
        "draft": options.draft,
        "files": listed,
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default()
}
