//! One test's input set up in a few lines: a fresh folder with a report, the files beside it
//! and a layout of its own, built or checked as a user would.
//!
//! ```ignore
//! Case::new("name")
//!     .report(yaml_text)
//!     .file("logos/x.svg", bytes)
//!     .layout_file("style.toml", text)
//!     .build(&["--format", "pdf"])
//!     .succeeds()
//!     .pdf()
//! ```

use crate::support::{Run, file_names, kvartal, path_str, repo, scratch};
use std::fs;
use std::path::{Path, PathBuf};

/// A test's folder, what in it (or elsewhere) is built, and its layout.
pub struct Case {
    dir: PathBuf,
    input: PathBuf,
}

/// Where a build wrote: its output folder, and the report or folder it was given.
pub struct Output {
    out: PathBuf,
    input: PathBuf,
}

/// A finished build.
pub type Built = Run<Output>;

impl Case {
    /// A fresh, empty folder `name`; until a report is named, the folder is the input.
    pub fn new(name: &str) -> Case {
        let dir = scratch(name);
        Case {
            input: dir.clone(),
            dir,
        }
    }

    /// Writes `bytes` to `path` in the folder, making the folders on the way.
    pub fn file(self, path: &str, bytes: impl AsRef<[u8]>) -> Case {
        fs::write(self.place(path), bytes).expect("a test file can be written");
        self
    }

    /// An empty folder `path` in the folder.
    pub fn folder(self, path: &str) -> Case {
        fs::create_dir_all(self.dir.join(path)).expect("a folder can be made");
        self
    }

    /// Copies `from`, a file or a folder of the repository, to `to` in the folder, making
    /// the folders on the way.
    pub fn copy(self, from: &str, to: &str) -> Case {
        copy_tree(&repo().join(from), &self.place(to));
        self
    }

    /// Writes the report `text` as `report.yaml` and makes it the input.
    pub fn report(self, text: impl AsRef<[u8]>) -> Case {
        self.report_named("report.yaml", text)
    }

    /// Writes the report `text` as `name` and makes it the input.
    pub fn report_named(self, name: &str, text: impl AsRef<[u8]>) -> Case {
        let case = self.file(name, text);
        let input = case.dir.join(name);
        Case { input, ..case }
    }

    /// Makes `path` the input: a report or a folder of them, outside the folder too;
    /// relative to the repository's root.
    pub fn source(self, path: impl AsRef<Path>) -> Case {
        let input = path.as_ref().to_path_buf();
        Case { input, ..self }
    }

    /// Writes `bytes` to `path` in the case's layout (`layout/` in the folder).
    pub fn layout_file(self, path: &str, bytes: impl AsRef<[u8]>) -> Case {
        self.file(&format!("layout/{path}"), bytes)
    }

    /// Exports the built-in layout `name` as the case's layout.
    pub fn export_layout(self, name: &str) -> Case {
        kvartal(&["layouts", "export", name, path_str(&self.layout_dir())]).succeeds();
        self
    }

    /// Replaces the one `from` in the layout's `style.toml` with `to`.
    pub fn restyle(self, from: &str, to: &str) -> Case {
        let path = self.layout_dir().join("style.toml");
        let text = fs::read_to_string(&path).expect("the layout has a style file");
        assert_eq!(text.matches(from).count(), 1, "{from} once in {text}");
        fs::write(&path, text.replacen(from, to, 1)).expect("the style file is writable");
        self
    }

    /// The case's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What is built and checked: the report, or the folder.
    pub fn input(&self) -> &Path {
        &self.input
    }

    /// The case's layout folder, used by `build` and `check` once it exists.
    pub fn layout_dir(&self) -> PathBuf {
        self.dir.join("layout")
    }

    /// Where `build` writes: `out/` in the folder.
    pub fn out(&self) -> PathBuf {
        self.dir.join("out")
    }

    /// `kvartal build` of the input into [`Case::out`], with the case's layout and `args`.
    pub fn build(&self, args: &[&str]) -> Built {
        let out = self.out();
        let command = ["build", path_str(&self.input), "--out", path_str(&out)];
        let run = self.run(&command, args);
        let input = self.input.clone();
        run.with(Output { out, input })
    }

    /// `kvartal check` of the input, with the case's layout and `args`.
    pub fn check(&self, args: &[&str]) -> Run {
        self.run(&["check", path_str(&self.input)], args)
    }

    /// `path` in the folder, with the folders on the way to it made.
    fn place(&self, path: &str) -> PathBuf {
        let path = self.dir.join(path);
        fs::create_dir_all(path.parent().expect("in a folder")).expect("a folder can be made");
        path
    }

    /// Runs `command`, then `--layout` when the case has a layout, then `args`.
    fn run(&self, command: &[&str], args: &[&str]) -> Run {
        let dir = self.layout_dir();
        let layout: &[&str] = if dir.exists() {
            &["--layout", path_str(&dir)]
        } else {
            &[]
        };
        kvartal(&[command, layout, args].concat())
    }
}

impl Built {
    /// The folder the build wrote into.
    pub fn out(&self) -> &Path {
        &self.output.out
    }

    /// The file `name` in the output folder.
    pub fn output(&self, name: &str) -> PathBuf {
        self.output.out.join(name)
    }

    /// The PDF built from the input report.
    pub fn pdf(&self) -> PathBuf {
        self.built("pdf")
    }

    /// The DOCX built from the input report.
    pub fn docx(&self) -> PathBuf {
        self.built("docx")
    }

    /// The input report's output with `extension`.
    fn built(&self, extension: &str) -> PathBuf {
        let stem = self
            .output
            .input
            .file_stem()
            .expect("the input is a report");
        self.output.out.join(stem).with_extension(extension)
    }

    /// Nothing was written: not even the output folder was made.
    #[track_caller]
    pub fn wrote_nothing(self) -> Self {
        let out = self.out();
        assert!(
            !out.exists(),
            "the build made {}, holding {:?}",
            out.display(),
            file_names(out)
        );
        self
    }
}

/// Copies the file or folder `from` to `to`, folders with everything in them.
fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).expect("a folder can be made");
        for entry in fs::read_dir(from).expect("readable") {
            let name = entry.expect("readable").file_name();
            copy_tree(&from.join(&name), &to.join(&name));
        }
    } else {
        fs::copy(from, to).expect("copied");
    }
}
