//! The second stage: checks of the DOCX and the web page by programs outside Rust, run with
//! `cargo test --test suite -- --ignored` (see the README). Every DOCX is validated against
//! the ECMA-376 schemas (tests/tools/docx_schema.py, Python with lxml), and LibreOffice must
//! lay it out on the pages its table of contents gives (tests/tools/contents_pages.py).
//! Every web page is opened in headless Chromium, where axe-core must find no WCAG 2.1 A or
//! AA violation at 320 px and at 1280 px wide (tests/tools/axe_check.mjs, Node).
//! A missing program fails the test: it is never skipped.

use crate::case::Case;
use crate::fonts::heading_font;
use crate::support::{example_reports, kvartal, path_str, repo, scratch};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const JONKOPING_Q4: &str = "report-data/medborgarlofte-jonkoping/2023-Q4.yaml";
const HARBOUR_Q4: &str = "report-data/safer-harbour-town/2023-Q4.yaml";

/// Builds `source`, a report or a folder of them, with `layout` into `out`.
fn build(layout: &str, source: &str, out: &Path) {
    let run = kvartal(&["build", "--layout", layout, "--out", path_str(out), source]);
    assert_eq!(run.code, 0, "{layout}, {source}:\n{}", run.stderr);
}

/// Where building `report-data/` into `out` puts each example report's files, without
/// their extension: `out/<folder>/<name>` for `report-data/<folder>/<name>.yaml`.
fn examples_in(out: &Path) -> Vec<PathBuf> {
    example_reports()
        .iter()
        .map(|path| {
            let folder = path.parent().and_then(Path::file_name).expect("a folder");
            out.join(folder).join(path.file_stem().expect("a name"))
        })
        .collect()
}

/// The example programme's year 2023 built with `layout` into `out`; its file of `format`.
fn year_view(layout: &str, out: &Path, format: &str) -> PathBuf {
    let folder = "report-data/medborgarlofte-jonkoping";
    let args = ["build", folder, "--year", "2023", "--layout", layout];
    let run = kvartal(&[&args[..], &["--format", format, "--out", path_str(out)]].concat());
    assert_eq!(
        run.code, 0,
        "the year's view with {layout}:\n{}",
        run.stderr
    );
    out.join("2023").with_extension(format)
}

/// `python3 tests/tools/<script> <args>`, started.
fn python(script: &str, args: &[PathBuf]) -> std::process::Child {
    Command::new("python3")
        .arg(repo().join("tests/tools").join(script))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is installed")
}

/// Waits for a script; its output, and whether it succeeded.
fn finish(child: std::process::Child) -> (String, bool) {
    let output = child.wait_with_output().expect("the script runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (text, output.status.success())
}

#[test]
#[ignore = "needs python3-lxml and LibreOffice: run by the second stage, see README"]
fn every_docx_is_valid_against_the_ecma_376_schemas() {
    let case = heading_font(Case::new("external-schema"), "fonts/NotoSerif-Regular.ttf");
    let (dir, own_fonts) = (case.dir(), case.layout_dir());
    let layouts = [
        ("standard", "standard"),
        ("brief", "brief"),
        ("tjansteskrivelse", "tjansteskrivelse"),
        ("own-fonts", path_str(&own_fonts)),
    ];
    let mut docx = Vec::new();
    for (name, layout) in layouts {
        build(layout, "report-data", &dir.join(name));
        docx.extend(
            examples_in(&dir.join(name))
                .iter()
                .map(|f| f.with_extension("docx")),
        );
        docx.push(year_view(layout, &dir.join(format!("{name}-year")), "docx"));
    }
    let (report, valid) = finish(python("docx_schema.py", &docx));
    assert!(valid, "schema errors in the DOCX files:\n{report}");
}

/// The DOCX is set with the PDF's fonts, sizes and spacing so that a word processor breaks
/// its pages where the PDF does, and its contents give the PDF's page numbers.
#[test]
#[ignore = "needs python3-lxml and LibreOffice: run by the second stage, see README"]
fn libreoffice_puts_each_heading_on_the_page_the_contents_give() {
    // A layout's own font, taller than the bundled one: its lines set the pitch.
    let case = heading_font(
        Case::new("external-contents"),
        "fonts/NotoSerif-Regular.ttf",
    );
    let (dir, own_fonts) = (case.dir(), case.layout_dir());
    build("standard", "report-data", &dir.join("standard"));
    let mut built = examples_in(&dir.join("standard"));
    build(path_str(&own_fonts), "report-data", &dir.join("own-fonts"));
    built.extend(examples_in(&dir.join("own-fonts")));
    for layout in ["brief", "tjansteskrivelse"] {
        build(layout, JONKOPING_Q4, &dir.join(layout));
        built.push(dir.join(layout).join("2023-Q4"));
    }
    // Each conversion has a LibreOffice profile of its own, so they can run side by side.
    let runs: Vec<_> = built
        .iter()
        .map(|file| {
            let pair = [file.with_extension("pdf"), file.with_extension("docx")];
            python("contents_pages.py", &pair)
        })
        .collect();
    let mut report = String::new();
    let mut all_match = true;
    for run in runs {
        let (text, matched) = finish(run);
        report += &text;
        all_match &= matched;
    }
    assert!(all_match, "LibreOffice's pages differ:\n{report}");
}

/// Where `.ci/run` installs axe-core and playwright-core with npm: the `node_modules` folder
/// `KVARTAL_AXE_MODULES` names, else `~/.cache/kvartal-axe/node_modules`.
fn axe_modules() -> PathBuf {
    match std::env::var_os("KVARTAL_AXE_MODULES") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let home = std::env::var_os("HOME").expect("HOME is set");
            PathBuf::from(home).join(".cache/kvartal-axe/node_modules")
        }
    }
}

/// `NAME=PAGE` for the checking script: the page `out/<folder>/<name>` (without its
/// extension) built with `layout`, whose screenshots are named `<folder>-<name>-<layout>`.
fn page_argument(page: &Path, layout: &str) -> String {
    let folder = page.parent().and_then(Path::file_name).expect("a folder");
    let name = page.file_name().expect("a name");
    let (folder, name) = (folder.to_string_lossy(), name.to_string_lossy());
    let html = page.with_extension("html");
    format!("{folder}-{name}-{layout}={}", html.display())
}

/// Every example report in every built-in layout, and one as a draft, as a web page, and
/// each programme's page:
/// headless Chromium with axe-core finds no violation of WCAG 2.1 A and AA in any of them,
/// at 320 px and at 1280 px wide, in a light and a dark colour scheme, and none is wider
/// than its window. The screenshots are kept for a person to look at.
#[test]
#[ignore = "needs Chromium, Node and axe-core: run by the second stage, see README"]
fn axe_finds_no_wcag_violation_on_any_web_page() {
    let modules = axe_modules();
    for package in ["axe-core", "playwright-core"] {
        assert!(
            modules.join(package).is_dir(),
            "{package} is not in {}: .ci/run installs it with npm",
            modules.display()
        );
    }
    let mut pages = Vec::new();
    for layout in ["standard", "brief", "tjansteskrivelse"] {
        let built = Case::new(&format!("external-axe-{layout}"))
            .source("report-data")
            .build(&["--format", "html", "--layout", layout])
            .succeeds();
        let built_pages = examples_in(built.out());
        pages.extend(built_pages.iter().map(|page| page_argument(page, layout)));
        // Each programme's page beside its quarters.
        for folder in ["medborgarlofte-jonkoping", "safer-harbour-town"] {
            let index = built.out().join(folder).join("index");
            pages.push(page_argument(&index, layout));
        }
        let year = year_view(layout, &built.out().join("year"), "html");
        pages.push(page_argument(&year.with_extension(""), layout));
    }
    let draft = Case::new("external-axe-draft")
        .source(HARBOUR_Q4)
        .build(&["--format", "html", "--draft"])
        .succeeds();
    let page = draft.output("2023-Q4.html");
    pages.push(format!(
        "safer-harbour-town-2023-Q4-draft-standard={}",
        page.display()
    ));
    // One browser for every page: Chromium takes seconds to start.
    let screenshots = scratch("axe-screenshots");
    let output = Command::new("node")
        .arg(repo().join("tests/tools/axe_check.mjs"))
        .args(["--dark", "--screenshots", path_str(&screenshots)])
        .args(&pages)
        .env("NODE_PATH", &modules)
        .output()
        .unwrap_or_else(|e| panic!("node is installed: {e}"));
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    println!("{said}");
    assert!(
        output.status.success(),
        "axe-core in Chromium (screenshots in {}):\n{said}",
        screenshots.display()
    );
}

/// Runs `program` with `args`; what it printed, and whether it succeeded.
fn run_tool(program: &str, args: &[&str]) -> (String, bool) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is installed: {e}"));
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (text, output.status.success())
}

/// A certificate for `name` issued by the test CA in `dir`, made with openssl: keys are
/// made here, never checked in.
fn certificate(dir: &Path, name: &str) -> (String, String) {
    let key = path_str(&dir.join(format!("{name}.key"))).to_owned();
    let cert = path_str(&dir.join(format!("{name}.pem"))).to_owned();
    let csr = path_str(&dir.join(format!("{name}.csr"))).to_owned();
    let (ca, ca_key) = (dir.join("ca.pem"), dir.join("ca.key"));
    let subject = format!("/CN={name}");
    let made = run_tool(
        "openssl",
        &[
            "req", "-newkey", "rsa:2048", "-nodes", "-keyout", &key, "-out", &csr, "-subj",
            &subject,
        ],
    );
    assert!(made.1, "{}", made.0);
    let extensions = dir.join("signer.cnf");
    std::fs::write(
        &extensions,
        "keyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .expect("written");
    let signed = run_tool(
        "openssl",
        &[
            "x509",
            "-req",
            "-in",
            &csr,
            "-CA",
            path_str(&ca),
            "-CAkey",
            path_str(&ca_key),
            "-CAcreateserial",
            "-days",
            "2",
            "-out",
            &cert,
            "-extfile",
            path_str(&extensions),
        ],
    );
    assert!(signed.1, "{}", signed.0);
    (key, cert)
}

/// A .p12 file in `dir` with a key and a certificate for `signer` issued by the test CA,
/// protected by `password`.
fn p12(dir: &Path, signer: &str, password: &str) -> PathBuf {
    let (key, cert) = certificate(dir, signer);
    let p12 = dir.join(format!("{signer}.p12"));
    let ca = path_str(&dir.join("ca.pem")).to_owned();
    let args = [
        "pkcs12",
        "-export",
        "-inkey",
        &key,
        "-in",
        &cert,
        "-certfile",
        &ca,
    ];
    let password = format!("pass:{password}");
    let out = ["-passout", &password, "-out", path_str(&p12)];
    let made = run_tool("openssl", &[&args[..], &out].concat());
    assert!(made.1, "{}", made.0);
    p12
}

/// The Q4 example built for the archive (its source inside) into `dir`, and a test
/// certificate authority beside it.
fn archival_report_and_authority(dir: &Path) {
    let run = kvartal(&[
        "build",
        JONKOPING_Q4,
        "--embed-source",
        "--out",
        path_str(dir),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    certificate_authority(dir);
}

/// A test certificate authority in `dir` (ca.pem, ca.key), made with openssl.
fn certificate_authority(dir: &Path) {
    let (key, cert) = (dir.join("ca.key"), dir.join("ca.pem"));
    let args = [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    ];
    let names = [
        "-subj",
        "/CN=Test CA",
        "-keyout",
        path_str(&key),
        "-out",
        path_str(&cert),
    ];
    let extensions = [
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
    ];
    let made = run_tool("openssl", &[&args[..], &names, &extensions].concat());
    assert!(made.1, "{}", made.0);
}

/// pyHanko's validation of `file` against the test CA in `dir`: what it said, and whether
/// every signature holds.
fn validate(dir: &Path, file: &Path) -> (String, bool) {
    let ca = dir.join("ca.pem");
    let args = [
        "sign",
        "validate",
        "--trust",
        path_str(&ca),
        "--trust-replace",
    ];
    run_tool("pyhanko", &[&args[..], &[path_str(file)]].concat())
}

/// Both signatures of `file` hold for pyHanko and for poppler, and a byte changed in the
/// first revision breaks them.
fn both_signatures_hold(dir: &Path, file: &Path) {
    let (said, valid) = validate(dir, file);
    assert!(valid, "{said}");
    for field in ["Signature1", "Signature2"] {
        let line = said
            .lines()
            .find(|l| l.starts_with(field))
            .unwrap_or_default();
        assert!(line.contains(":INTACT:TRUSTED"), "{said}");
    }
    let (poppler, _) = run_tool("pdfsig", &[path_str(file)]);
    assert_eq!(
        poppler.matches("Signature is Valid.").count(),
        2,
        "{poppler}"
    );
    let mut bytes = std::fs::read(file).expect("signed");
    let at = bytes.len() / 4;
    bytes[at] ^= 0x01;
    let tampered = dir.join("tampered.pdf");
    std::fs::write(&tampered, bytes).expect("written");
    let (said, valid) = validate(dir, &tampered);
    assert!(!valid, "{said}");
}

/// The municipality and the Police sign one report into its two fields with an
/// independent signer (pyHanko): both signatures hold.
#[test]
#[ignore = "needs pyHanko, openssl and poppler: run by the second stage, see README"]
fn two_signatories_sign_into_the_fields_and_both_signatures_hold() {
    let dir = scratch("external-signing");
    archival_report_and_authority(&dir);
    let mut file = dir.join("2023-Q4.pdf");
    for (field, signer) in [
        ("Signature1", "Karin-Berg"),
        ("Signature2", "Mikael-Sjoberg"),
    ] {
        let (key, cert) = certificate(&dir, signer);
        let signed = dir.join(format!("{field}.pdf"));
        let args = [
            "sign", "addsig", "--field", field, "pemder", "--key", &key, "--cert", &cert,
        ];
        let files = ["--no-pass", path_str(&file), path_str(&signed)];
        let done = run_tool("pyhanko", &[&args[..], &files].concat());
        assert!(done.1, "{}", done.0);
        file = signed;
    }
    both_signatures_hold(&dir, &file);
    // kvartal's check agrees: pyHanko's second signature changes only its own field and
    // the document's metadata.
    let ca = dir.join("ca.pem");
    let run = kvartal(&["verify", path_str(&file), "--trust", path_str(&ca)]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("later signatures appended after it and nothing else changed")
    );
}

/// kvartal signs one report twice, as the municipality and the Police, with .p12 files:
/// both signatures hold; then nothing is left to sign, and a wrong password says so.
#[test]
#[ignore = "needs pyHanko, openssl and poppler: run by the second stage, see README"]
fn kvartal_signs_twice_and_both_signatures_hold() {
    let dir = scratch("external-kvartal-sign");
    archival_report_and_authority(&dir);
    let password = dir.join("password.txt");
    std::fs::write(&password, "hemligt\n").expect("written");
    let mut file = dir.join("2023-Q4.pdf");
    for signer in ["Karin-Berg", "Mikael-Sjoberg"] {
        let p12 = p12(&dir, signer, "hemligt");
        let signed = dir.join(format!("{signer}.pdf"));
        let key = [
            "--p12",
            path_str(&p12),
            "--password-file",
            path_str(&password),
        ];
        let words = ["--reason", "Godkänd", "--location", "Jönköping"];
        let run = kvartal(
            &[
                &["sign", path_str(&file)],
                &key[..],
                &words,
                &["--out", path_str(&signed)],
            ]
            .concat(),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        file = signed;
    }
    both_signatures_hold(&dir, &file);
    // The fields show who signed as text in embedded fonts of their own.
    let fonts = |pdf: &Path| -> Vec<String> {
        let (listed, _) = run_tool("pdffonts", &[path_str(pdf)]);
        listed.lines().skip(2).map(str::to_owned).collect()
    };
    let (unsigned, signed) = (fonts(&dir.join("2023-Q4.pdf")), fonts(&file));
    assert_eq!(signed.len(), unsigned.len() + 2, "{signed:?}");
    for font in &signed {
        assert!(
            font.contains(" yes yes yes "),
            "embedded, subset, with Unicode: {font}"
        );
    }
    // kvartal's own check agrees, and rejects the changed copy.
    let ca = dir.join("ca.pem");
    let run = kvartal(&["verify", path_str(&file), "--trust", path_str(&ca)]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for signer in [
        "CN=Karin-Berg in Signature1",
        "CN=Mikael-Sjoberg in Signature2",
    ] {
        assert!(
            run.stdout.contains(&format!(
                "signed by {signer}: unchanged since signing, chain trusted"
            )),
            "{}",
            run.stdout
        );
    }
    let json = kvartal(&[
        "verify",
        path_str(&file),
        "--trust",
        path_str(&ca),
        "--format",
        "json",
    ]);
    let found: serde_json::Value =
        serde_json::from_str(json.stdout.trim()).expect("one JSON object");
    assert_eq!(found["holds"], true, "{}", json.stdout);
    assert_eq!(found["signatures"].as_array().map(Vec::len), Some(2));
    let run = kvartal(&[
        "verify",
        path_str(&dir.join("tampered.pdf")),
        "--trust",
        path_str(&ca),
    ]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let p12 = dir.join("Karin-Berg.p12");
    let key = [
        "--p12",
        path_str(&p12),
        "--password-file",
        path_str(&password),
    ];
    let third = dir.join("third.pdf");
    let run = kvartal(
        &[
            &["sign", path_str(&file)],
            &key[..],
            &["--out", path_str(&third)],
        ]
        .concat(),
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("every signature field is signed already"),
        "{}",
        run.stderr
    );
    let unsigned = dir.join("2023-Q4.pdf");
    let no_password = dir.join("no-password.pdf");
    let args = [
        "sign",
        path_str(&unsigned),
        "--p12",
        path_str(&p12),
        "--out",
        path_str(&no_password),
    ];
    let run = kvartal(&args);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("is the password right?"),
        "{}",
        run.stderr
    );
}

/// The test time-stamp authority's configuration for openssl.
const TSA_CONFIG: &str = "[ tsa ]\ndefault_tsa = tsa_config\n[ tsa_config ]\n\
serial = ./serial\ncrypto_device = builtin\nsigner_digest = sha256\n\
default_policy = 1.2.3.4.1\nother_policies = 1.2.3.4.2\ndigests = sha256\n\
accuracy = secs:1\nordering = yes\ntsa_name = no\ness_cert_id_chain = no\n\
ess_cert_id_alg = sha256\n";

/// A time-stamp authority on 127.0.0.1 (tests/tools/tsa_server.py), stopped when dropped.
struct Authority(std::process::Child, String);

impl Authority {
    /// Starts one in `dir`, with a certificate for time stamping issued by the test CA.
    fn start(dir: &Path) -> Authority {
        let (key, cert) = (dir.join("tsa.key"), dir.join("tsa.pem"));
        let csr = dir.join("tsa.csr");
        let args = [
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=Test TSA",
        ];
        let files = ["-keyout", path_str(&key), "-out", path_str(&csr)];
        let made = run_tool("openssl", &[&args[..], &files].concat());
        assert!(made.1, "{}", made.0);
        let extensions = dir.join("tsa-extensions.cnf");
        let usage = "extendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n";
        std::fs::write(&extensions, usage).expect("written");
        let (ca, ca_key) = (dir.join("ca.pem"), dir.join("ca.key"));
        let args = [
            "x509",
            "-req",
            "-in",
            path_str(&csr),
            "-CA",
            path_str(&ca),
            "-CAkey",
        ];
        let rest = [
            path_str(&ca_key),
            "-CAcreateserial",
            "-days",
            "2",
            "-out",
            path_str(&cert),
        ];
        let signed = run_tool(
            "openssl",
            &[&args[..], &rest, &["-extfile", path_str(&extensions)]].concat(),
        );
        assert!(signed.1, "{}", signed.0);
        std::fs::write(dir.join("tsa.cnf"), TSA_CONFIG).expect("written");
        std::fs::write(dir.join("serial"), "01\n").expect("written");
        let mut server = Command::new("python3")
            .arg(repo().join("tests/tools/tsa_server.py"))
            .arg(dir)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let mut port = String::new();
        use std::io::BufRead;
        std::io::BufReader::new(server.stdout.take().expect("its output"))
            .read_line(&mut port)
            .expect("the server's port");
        Authority(server, format!("http://127.0.0.1:{}/", port.trim()))
    }
}

impl Drop for Authority {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

/// With a time-stamp authority the signature is PAdES B-T: pyHanko finds the authority's
/// token over it, intact and trusted.
#[test]
#[ignore = "needs pyHanko, openssl and poppler: run by the second stage, see README"]
fn a_signature_with_a_time_stamp() {
    let dir = scratch("external-time-stamp");
    build("standard", JONKOPING_Q4, &dir);
    certificate_authority(&dir);
    let authority = Authority::start(&dir);
    let p12 = p12(&dir, "Karin-Berg", "");
    let signed = dir.join("signed.pdf");
    let pdf = dir.join("2023-Q4.pdf");
    let args = [
        "sign",
        path_str(&pdf),
        "--p12",
        path_str(&p12),
        "--tsa",
        &authority.1,
    ];
    let run = kvartal(&[&args[..], &["--out", path_str(&signed)]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (said, valid) = validate(&dir, &signed);
    assert!(valid, "{said}");
    assert!(said.contains("TIMESTAMP_TOKEN<INTACT:TRUSTED>"), "{said}");
    // An authority that cannot be reached is an error, not an unstamped signature.
    let args = [
        "sign",
        path_str(&pdf),
        "--p12",
        path_str(&p12),
        "--tsa",
        "http://127.0.0.1:9/",
    ];
    let run = kvartal(&[&args[..], &["--out", path_str(&dir.join("none.pdf"))]].concat());
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("cannot reach the time-stamp authority"),
        "{}",
        run.stderr
    );
}
