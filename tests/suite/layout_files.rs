//! A layout folder is someone else's: nothing outside it is read, nothing in it can hang
//! the run or fill the memory, and every refusal names the file.

use crate::case::Case;
use crate::support::kvartal;
use std::fs;
use std::os::unix::fs::symlink;

const HARBOUR: &str = "report-data/safer-harbour-town/2023-Q4.yaml";
/// A line of `/etc/passwd` on every Unix: printed anywhere, the file was read.
const PASSWD: &str = "root:x:0:0";
/// A report template naming a field the report data does not have, on line 3.
const RENDER_ERROR: &str = "# Rubrik\n\nHej {{nosuchfield}}\n";

/// A case building the harbour report with a layout folder of its own, holding an empty
/// `partials/`.
fn layout(name: &str) -> Case {
    Case::new(&format!("layout-files-{name}"))
        .source(HARBOUR)
        .folder("layout/partials")
}

/// Builds `case`; it must be refused, naming `place` and saying `words`, with no output
/// written and nothing of `/etc/passwd` printed. Gives what was printed.
fn refused(case: &Case, place: &str, words: &str) -> String {
    let built = case
        .build(&[])
        .fails_with(place)
        .says(words)
        .wrote_nothing();
    assert!(!built.stderr.contains(PASSWD) && !built.stdout.contains(PASSWD));
    built.stderr
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
        let case = layout(&name.replace('/', "-"));
        let path = case.layout_dir().join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("create");
        symlink("/etc/passwd", &path).expect("link");
        let place = format!("layout/{name}: error: not read");
        refused(&case, &place, "symbolic link");
    }
}

#[test]
fn a_linked_partials_folder_is_refused() {
    let case = layout("linked-folder");
    let partials = case.layout_dir().join("partials");
    fs::remove_dir(&partials).expect("remove");
    symlink("/etc", partials).expect("link");
    refused(&case, "layout/partials: error: not read", "symbolic link");
}

#[test]
fn a_fifo_partial_is_refused_without_waiting_for_a_writer() {
    let case = layout("fifo");
    let fifo = case.layout_dir().join("partials/activity.hbs");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo runs");
    refused(
        &case,
        "partials/activity.hbs: error: not read",
        "not a plain file",
    );
}

#[test]
fn a_font_is_read_only_from_a_plain_file_inside_the_layout() {
    let mut case = layout("fonts");
    symlink("/dev/zero", case.layout_dir().join("zero.ttf")).expect("link");
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
        case = case.layout_file("style.toml", fonts_style(regular));
        let printed = refused(&case, "layout/style.toml:3:11", words);
        // The position reaches the terminal: the offending line is shown under the message.
        assert!(printed.contains("    3 | regular = "), "{printed}");
    }
}

#[test]
fn layout_files_have_a_size_and_a_number() {
    let mut case = layout("large").layout_file("report.hbs", "x".repeat(1024 * 1024 + 1));
    refused(
        &case,
        "layout/report.hbs: error: not read",
        "larger than 1 MB",
    );
    fs::remove_file(case.layout_dir().join("report.hbs")).expect("remove");
    for i in 0..=200 {
        case = case.layout_file(&format!("partials/p{i}.hbs"), "x");
    }
    refused(
        &case,
        "layout/partials: error: more than 200 files",
        "at most 200",
    );
}

#[test]
fn a_layout_that_loops_without_end_is_stopped() {
    // Sixteen loops over every metric, nested, write nothing for longer than anyone waits.
    let loops = "{{#each @root.metrics}}".repeat(16) + &"{{/each}}".repeat(16);
    let case = layout("loops").layout_file("report.hbs", format!("# Title\n\n{loops}\n"));
    refused(&case, "report.hbs", "takes more than 3 s for this report");
}

#[test]
fn an_error_while_rendering_shows_the_layout_line() {
    let case = layout("render-error").layout_file("report.hbs", RENDER_ERROR);
    let stderr = refused(
        &case,
        "report.hbs:3:5: error:",
        "`nosuchfield` is not in the report data",
    );
    assert!(stderr.contains("3 | Hej {{nosuchfield}}"), "{stderr}");
}

#[test]
fn check_renders_with_the_layout_build_will_use() {
    layout("check-render")
        .layout_file("report.hbs", RENDER_ERROR)
        .check(&[])
        .fails_with("report.hbs:3:5: error:");
    // The built-in layout renders it.
    kvartal(&["check", HARBOUR]).succeeds();
}
