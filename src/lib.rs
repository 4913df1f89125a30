//! kvartal turns one quarter's follow-up of a municipal programme, written as a YAML file,
//! into a tagged PDF/A, an editable DOCX and an accessible web page.
//!
//! The pipeline, one module a stage:
//! `report` (YAML → validated [`report::Report`]) → `template` (layout → Markdown) →
//! `doc` (Markdown → [`doc::Document`]) → `pdf` / `docx` / `html` (document → bytes).
//! `sign` signs a built PDF into its signature fields. `cmd` drives it for the command line; `diag`, `files`, `markdown`, `text`, `image`, `number`
//! and `xml` are leaves, `chart` draws the document model's charts for every backend, and
//! `typeset` carries what the PDF's pagination decided to the DOCX.

#![forbid(unsafe_code)]

pub mod chart;
pub mod cli;
pub mod cmd;
pub mod diag;
pub mod doc;
pub mod docx;
pub mod files;
pub mod html;
pub mod image;
pub mod markdown;
pub mod number;
pub mod pdf;
pub mod report;
pub mod sign;
pub mod template;
pub mod text;
pub mod typeset;
pub mod xml;
