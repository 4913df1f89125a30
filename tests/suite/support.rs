//! Running `kvartal` as a user would, and reading what it wrote as a viewer would.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the program printed and returned.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `kvartal` with `args` in the repository's root.
pub fn kvartal(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_kvartal"))
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("the kvartal binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A new, empty folder for one test's output.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder can be made");
    dir
}

pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// The PDF's text as poppler extracts it, with all white space made single spaces.
pub fn pdf_text(path: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    normalise(&String::from_utf8_lossy(&output.stdout))
}

/// The text of a DOCX's body, headers and footers, in document order.
pub fn docx_text(path: &Path) -> String {
    let xml = docx_part(path, "word/document.xml");
    let mut text = String::new();
    // Every paragraph ends a line; the text is the content of the w:t elements.
    for paragraph in xml.split("</w:p>") {
        for piece in paragraph.split("<w:t").skip(1) {
            let Some(start) = piece.find('>') else {
                continue;
            };
            let Some(end) = piece.find("</w:t>") else {
                continue;
            };
            if start < end {
                text.push_str(&unescape(&piece[start + 1..end]));
            }
        }
        text.push('\n');
    }
    normalise(&text)
}

/// One part of a DOCX, as text.
pub fn docx_part(path: &Path, part: &str) -> String {
    let file = std::fs::File::open(path).expect("the DOCX exists");
    let mut zip = zip::ZipArchive::new(file).expect("a DOCX is a zip file");
    let mut xml = String::new();
    zip.by_name(part)
        .expect("the part exists")
        .read_to_string(&mut xml)
        .expect("parts are UTF-8");
    xml
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// White space of every kind (line breaks, no-break spaces) as single spaces, and words
/// hyphenated at a line's end (with a soft hyphen, U+00AD) joined again, as a reader sees them.
pub fn normalise(text: &str) -> String {
    let joined = text
        .split('\u{ad}')
        .map(str::trim_start)
        .collect::<String>();
    joined
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
