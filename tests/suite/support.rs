//! Running `kvartal` as a user would, and reading the DOCX it wrote as a word processor
//! would (the PDF is read in `pdf_read`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the program printed and returned, and what the test knows of where it
/// wrote: nothing (`()`) for a plain run, an [`Output`](crate::case::Output) for a build.
pub struct Run<T = ()> {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The command line, to name the run when an assertion on it fails.
    command: String,
    /// What the test knows of where the run wrote.
    pub output: T,
}

/// Runs `kvartal` with `args` in the repository's root.
pub fn kvartal(args: &[&str]) -> Run {
    let output = command(args).output().expect("the kvartal binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        command: format!("kvartal {}", args.join(" ")),
        output: (),
    }
}

/// `kvartal` with `args`, to run in the repository's root, without colour.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kvartal"));
    command.args(args).current_dir(repo()).env("NO_COLOR", "1");
    command
}

impl Run {
    /// The same run, knowing `output` of where it wrote.
    pub fn with<T>(self, output: T) -> Run<T> {
        Run {
            code: self.code,
            stdout: self.stdout,
            stderr: self.stderr,
            command: self.command,
            output,
        }
    }
}

/// Assertions on how a run ended. Each names the command and shows what it printed when it
/// fails, and gives the run back, for the next assertion or to read what it wrote.
impl<T> Run<T> {
    /// It succeeded: exit code 0.
    #[track_caller]
    pub fn succeeds(self) -> Self {
        self.exits(0, "success")
    }

    /// It refused its input: exit code 1.
    #[track_caller]
    pub fn fails(self) -> Self {
        self.exits(1, "a problem in the input")
    }

    /// It refused its input (exit code 1) with a message holding `words`.
    #[track_caller]
    pub fn fails_with(self, words: &str) -> Self {
        self.fails().says(words)
    }

    /// It was called wrongly (exit code 2) and its message holds `words`.
    #[track_caller]
    pub fn wrong_usage(self, words: &str) -> Self {
        self.exits(2, "wrong usage").says(words)
    }

    /// Its messages (standard error) hold `words`.
    #[track_caller]
    pub fn says(self, words: &str) -> Self {
        assert!(
            self.stderr.contains(words),
            "`{}` does not say {words:?}; stderr:\n{}",
            self.command,
            self.stderr
        );
        self
    }

    /// It ended with exit code `code`, which means `meaning`.
    #[track_caller]
    fn exits(self, code: i32, meaning: &str) -> Self {
        assert!(
            self.code == code,
            "`{}` exited with {}, not {code} ({meaning}); stdout:\n{}\nstderr:\n{}",
            self.command,
            self.code,
            self.stdout,
            self.stderr
        );
        self
    }
}

/// The repository's root, where `kvartal` runs and relative paths start.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example reports' files, `report-data/<folder>/<name>.yaml`, in order.
pub fn example_reports() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in std::fs::read_dir(repo().join("report-data")).expect("report-data exists") {
        let dir = dir.expect("readable").path();
        for file in std::fs::read_dir(&dir).expect("readable") {
            let path = file.expect("readable").path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| {
            e.expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// A new, empty folder for one test's output.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder can be made");
    dir
}

/// `path` as an argument for `kvartal`.
pub fn path_str(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
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

/// The value of `attribute` in each opening tag of `element` in `xml`.
pub fn attribute_values(xml: &str, element: &str, attribute: &str) -> Vec<String> {
    xml.split(&format!("<{element} "))
        .skip(1)
        .filter_map(|tail| {
            let value = tail.split(&format!("{attribute}=\"")).nth(1)?;
            Some(value[..value.find('"')?].to_owned())
        })
        .collect()
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

/// A small complete report in English for `year` and `quarter`, with no logos.
pub fn small_report(year: u16, quarter: u8) -> String {
    format!(
        "programme: Safer harbour\nperiod:\n  year: {year}\n  quarter: {quarter}\n\
         date: {year}-0{}-10\nlanguage: en\norganisations:\n  - name: Harbour Town\n\
         focus_areas:\n  - id: harbour\n    title: The harbour\n    progress: Work has started.\n",
        quarter * 3
    )
}
