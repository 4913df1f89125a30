//! Report folders from colleagues: links, named pipes, devices and files that are not
//! text are refused with a message, never followed, waited on or echoed to the terminal.

use crate::case::Case;
use crate::support::{file_names, kvartal, path_str, scratch, small_report};
use std::os::unix::fs::symlink;
use std::process::Command;
use std::time::{Duration, Instant};

/// What a link out of a report folder could reach.
const SECRET: &str = "db_password: hunter2\n";

#[test]
fn a_link_out_of_a_report_folder_is_not_followed() {
    let case = Case::new("untrusted-link-folder").file("2024-Q1.yaml", small_report(2024, 1));
    let outside = Case::new("untrusted-link-outside")
        .file("secrets.yaml", SECRET)
        .file("2024-Q2.yaml", SECRET);
    let (dir, outside) = (case.dir(), outside.dir());
    symlink(outside, dir.join("shared")).expect("a link can be made");
    symlink(outside.join("secrets.yaml"), dir.join("2024-Q2.yaml")).expect("a link");
    let out = scratch("untrusted-link-out");
    for args in [
        vec!["check", path_str(dir)],
        vec!["build", path_str(dir), "--out", path_str(&out)],
    ] {
        let run = kvartal(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let printed = format!("{}{}", run.stdout, run.stderr);
        assert!(!printed.contains("hunter2"), "{printed}");
        for link in ["shared", "2024-Q2.yaml"] {
            let warned = format!(
                "{}: warning: not read: it is a symbolic link",
                dir.join(link).display()
            );
            assert!(run.stderr.contains(&warned), "{link}: {}", run.stderr);
        }
    }
    let written: Vec<_> = file_names(&out);
    assert_eq!(written, ["2024-Q1.docx", "2024-Q1.pdf"]);
    for file in written {
        let bytes = std::fs::read(out.join(file)).expect("readable");
        assert!(!String::from_utf8_lossy(&bytes).contains("hunter2"));
    }
}

#[test]
fn a_named_pipe_in_a_folder_does_not_hang_the_run() {
    let case = Case::new("untrusted-fifo").file("2024-Q1.yaml", small_report(2024, 1));
    let fifo = case.dir().join("2024-Q2.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo works");
    let started = Instant::now();
    let run = case.check(&[]);
    assert!(started.elapsed() < Duration::from_secs(10));
    run.succeeds().says("not read: it is not a plain file");
    // Named on the command line, it is refused as a report file.
    kvartal(&["check", path_str(&fifo)]).fails_with("ingen vanlig fil");
}

#[test]
fn a_link_to_a_device_named_on_the_command_line_is_refused_quickly() {
    let case = Case::new("untrusted-zero");
    let zero = case.dir().join("2024-Q1.yaml");
    symlink("/dev/zero", &zero).expect("a link can be made");
    let started = Instant::now();
    let built = case.source(&zero).build(&[]);
    assert!(started.elapsed() < Duration::from_secs(10));
    built.fails_with("filen är en symbolisk länk");
    kvartal(&["check", "/dev/zero"]).fails_with("ingen vanlig fil");
}

/// What `check` prints for a file holding `bytes`, which must hold no control character.
fn printed_for(name: &str, bytes: &[u8]) -> String {
    let run = Case::new(name).report(bytes).check(&[]).fails();
    let printed = format!("{}{}", run.stdout, run.stderr);
    let raw = printed.chars().find(|&c| c.is_control() && c != '\n');
    assert_eq!(
        raw, None,
        "a raw control character is printed:\n{printed:?}"
    );
    printed
}

#[test]
fn a_file_that_is_not_text_is_never_echoed_raw() {
    let utf16: Vec<u8> = "\u{feff}programme: x\n\tlanguage: en\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let printed = printed_for("untrusted-utf16", &utf16);
    assert!(printed.contains("UTF-16"), "{printed}");
    let mut binary = b"programme: x\ntitle: \x1b[2J\x1b]0;owned\x07\x00\x01\x02".to_vec();
    binary.extend([0xff, 0xfe, 0x00, 0x1b, b'[', b'm']);
    let printed = printed_for("untrusted-binary", &binary);
    assert!(
        printed.contains("\u{fffd}"),
        "the bytes are shown as U+FFFD: {printed}"
    );
}
