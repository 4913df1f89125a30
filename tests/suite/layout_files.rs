//! A layout folder is someone else's: nothing outside it is read, nothing in it can hang
//! the run or fill the memory, and every refusal names the file.

use crate::support::{kvartal, path_str, scratch};
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

const HARBOUR: &str = "report-data/safer-harbour-town/2023-Q4.yaml";
/// A line of `/etc/passwd` on every Unix: printed anywhere, the file was read.
const PASSWD: &str = "root:x:0:0";

/// A new layout folder in a scratch folder of its own.
fn layout(name: &str) -> PathBuf {
    let layout = scratch(&format!("layout-files-{name}")).join("layout");
    fs::create_dir_all(layout.join("partials")).expect("create");
    layout
}

/// Builds with `layout`; it must be refused, naming `place` and saying `words`, with no
/// output written and nothing of `/etc/passwd` printed. Gives what was printed.
fn refused(layout: &Path, place: &str, words: &str) -> String {
    let out = layout.with_file_name("out");
    let run = kvartal(&[
        "build",
        "--layout",
        path_str(layout),
        "--out",
        path_str(&out),
        HARBOUR,
    ]);
    assert_eq!(run.code, 1, "{place}: {}", run.stderr);
    assert!(run.stderr.contains(place), "{place}: {}", run.stderr);
    assert!(run.stderr.contains(words), "{place}: {}", run.stderr);
    assert!(!run.stderr.contains(PASSWD) && !run.stdout.contains(PASSWD));
    assert!(!out.exists(), "{place}: output written");
    run.stderr
}

fn fonts_style(regular: &str) -> String {
    format!("[fonts.body]\nfamily = \"Own\"\nregular = \"{regular}\"\nbold = \"b.ttf\"\n")
}

#[test]
fn linked_layout_files_are_refused_by_name() {
    for name in [
        "report.hbs",
        "style.toml",
        "labels/sv.toml",
        "partials/activity.hbs",
    ] {
        let layout = layout(&name.replace('/', "-"));
        let path = layout.join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("create");
        symlink("/etc/passwd", &path).expect("link");
        let place = format!("layout/{name}: error: not read");
        refused(&layout, &place, "symbolic link");
    }
}

#[test]
fn a_linked_partials_folder_is_refused() {
    let layout = layout("linked-folder");
    fs::remove_dir(layout.join("partials")).expect("remove");
    symlink("/etc", layout.join("partials")).expect("link");
    refused(&layout, "layout/partials: error: not read", "symbolic link");
}

#[test]
fn a_fifo_partial_is_refused_without_waiting_for_a_writer() {
    let layout = layout("fifo");
    let fifo = layout.join("partials/activity.hbs");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo runs");
    refused(
        &layout,
        "partials/activity.hbs: error: not read",
        "not a plain file",
    );
}

#[test]
fn a_font_is_read_only_from_a_plain_file_inside_the_layout() {
    let layout = layout("fonts");
    symlink("/dev/zero", layout.join("zero.ttf")).expect("link");
    let cases = [
        ("zero.ttf", "zero.ttf: not read: it is a symbolic link"),
        (
            "/dev/zero",
            "/dev/zero: not read: it lies outside its folder",
        ),
        (
            "../../x.ttf",
            "../../x.ttf: not read: it lies outside its folder",
        ),
        ("missing.ttf", "missing.ttf: not read: no such file"),
    ];
    for (regular, words) in cases {
        fs::write(layout.join("style.toml"), fonts_style(regular)).expect("write");
        let printed = refused(&layout, "layout/style.toml:3:11", words);
        // The position reaches the terminal: the offending line is shown under the message.
        assert!(printed.contains("    3 | regular = "), "{printed}");
    }
}

#[test]
fn layout_files_have_a_size_and_a_number() {
    let layout = layout("large");
    let large = "x".repeat(1024 * 1024 + 1);
    fs::write(layout.join("report.hbs"), large).expect("write");
    refused(
        &layout,
        "layout/report.hbs: error: not read",
        "larger than 1 MB",
    );
    fs::remove_file(layout.join("report.hbs")).expect("remove");
    for i in 0..=200 {
        let partial = layout.join(format!("partials/p{i}.hbs"));
        fs::write(partial, "x").expect("write");
    }
    refused(
        &layout,
        "layout/partials: error: more than 200 files",
        "at most 200",
    );
}

#[test]
fn a_layout_that_loops_without_end_is_stopped() {
    let layout = layout("loops");
    // Sixteen loops over every metric, nested, write nothing for longer than anyone waits.
    let loops = "{{#each @root.metrics}}".repeat(16) + &"{{/each}}".repeat(16);
    fs::write(layout.join("report.hbs"), format!("# Title\n\n{loops}\n")).expect("write");
    refused(&layout, "report.hbs", "takes more than 3 s for this report");
}

#[test]
fn an_error_while_rendering_shows_the_layout_line() {
    let layout = layout("render-error");
    fs::write(
        layout.join("report.hbs"),
        "# Rubrik\n\nHej {{nosuchfield}}\n",
    )
    .expect("write");
    let stderr = refused(
        &layout,
        "report.hbs:3:5: error:",
        "`nosuchfield` is not in the report data",
    );
    assert!(stderr.contains("3 | Hej {{nosuchfield}}"), "{stderr}");
}

#[test]
fn check_renders_with_the_layout_build_will_use() {
    let layout = layout("check-render");
    fs::write(
        layout.join("report.hbs"),
        "# Rubrik\n\nHej {{nosuchfield}}\n",
    )
    .expect("write");
    let run = kvartal(&["check", "--layout", path_str(&layout), HARBOUR]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("report.hbs:3:5: error:"),
        "{}",
        run.stderr
    );
    let run = kvartal(&["check", HARBOUR]);
    assert_eq!(
        run.code, 0,
        "the built-in layout renders it: {}",
        run.stderr
    );
}
