//! Broken and hostile logos through the binary. Each is made at run time in a fresh folder
//! beside a report that names it; `check` must refuse it at the `logo:` line, naming it,
//! and `build` must refuse it too and write nothing. None may read another file.

use crate::case::Case;
use crate::support::{path_str, repo, scratch};
use std::path::Path;

/// A report whose only organisation has the logo `{logo}`, on line 7, column 11.
const REPORT: &str = "programme: Medborgarlöfte 2023
period:
  year: 2023
  quarter: 1
organisations:
  - name: Jönköpings kommun
    logo: {logo}
focus_areas:
  - id: barn-unga
    title: Barn och unga
    status: on_track
    progress: |
      Arbetet har fortsatt under kvartalet.
activities:
  - id: sig
    title: Social insatsgrupp
    focus_areas: barn-unga
    status: ongoing
language: {language}
";

/// A case `name` building `report.yaml`, which names `logos/{file}`, in `language`; `make`
/// writes the logo into the case's `logos/`.
fn report(name: &str, file: &str, language: &str, make: impl FnOnce(&Path)) -> Case {
    let text = REPORT
        .replace("{logo}", &format!("logos/{file}"))
        .replace("{language}", language);
    let case = Case::new(&format!("logo-{name}"))
        .folder("logos")
        .report(text);
    make(&case.dir().join("logos").join(file));
    case
}

/// `check` and `build` of `case` both fail with an error at the logo's line that names
/// the logo and says `words`, and `build` writes nothing.
fn refused(case: &Case, file: &str, words: &str) {
    let location = format!("{}:7:11: error: ", path_str(case.input()));
    let check = case.check(&[]).fails();
    let message = check
        .stderr
        .lines()
        .find(|line| line.starts_with(&location))
        .unwrap_or_else(|| panic!("{file}: no error at {location} in:\n{}", check.stderr));
    assert!(message.contains(&format!("`logos/{file}`")), "{message}");
    assert!(
        message.contains(words),
        "{file}: {words:?} missing in:\n{message}"
    );
    case.build(&[]).fails_with(&location).wrote_nothing();
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo().join("tests/fixtures/images").join(name)).expect("the fixture")
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    std::fs::write(path, bytes).expect("the logo is written");
}

/// An SVG of 100 × 50 units holding `body`.
fn svg(body: &str) -> String {
    format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">{body}</svg>"#)
}

/// An `<image>` drawing `href`.
fn image(href: &str) -> String {
    format!(r#"<image href="{href}" width="100" height="50"/>"#)
}

/// A `data:` URI with every byte percent-encoded.
fn data_uri(mime: &str, bytes: &[u8]) -> String {
    let encoded: String = bytes.iter().map(|b| format!("%{b:02X}")).collect();
    format!("data:{mime},{encoded}")
}

/// A PNG of a few hundred bytes whose header declares `side` × `side` pixels: a
/// decompression bomb if anything believed it.
fn png_bomb(side: u32) -> Vec<u8> {
    let mut header = side.to_be_bytes().to_vec();
    header.extend(side.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &header));
    // A zlib stream that would inflate to zero bytes for ever: deflate's own fixed block.
    png.extend(chunk(b"IDAT", &[0x78, 0x9c, 0x63, 0x60, 0x18, 0x05, 0x00]));
    png.extend(chunk(b"IEND", &[]));
    png
}

fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend(kind);
    chunk.extend(data);
    chunk.extend(crc(&chunk[4..]).to_be_bytes());
    chunk
}

fn crc(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn an_svg_drawing_a_file_by_absolute_path_is_refused() {
    let target = repo().join("tests/fixtures/images/blue.png");
    let href = path_str(&target).to_owned();
    let case = report("absolute", "a.svg", "en", |logo| {
        write(logo, svg(&image(&href)))
    });
    refused(&case, "a.svg", &format!("refers to the file `{href}`"));
}

#[test]
fn an_svg_drawing_a_file_beside_it_is_refused() {
    let case = report("relative", "r.svg", "en", |logo| {
        write(&logo.with_file_name("blue.png"), fixture("blue.png"));
        write(logo, svg(&image("blue.png")));
    });
    refused(
        &case,
        "r.svg",
        "refers to the file `blue.png`; kvartal reads only the logo file itself",
    );
}

#[test]
fn an_svg_drawing_another_svg_file_is_refused_also_when_embedded() {
    let case = report("nested-file", "n.svg", "en", |logo| {
        write(&logo.with_file_name("mark.svg"), fixture("mark.svg"));
        write(logo, svg(&image("mark.svg")));
    });
    refused(&case, "n.svg", "refers to the file `mark.svg`");
    let inner = svg(&image("/etc/hostname"));
    let case = report("nested-data", "d.svg", "en", |logo| {
        write(
            logo,
            svg(&image(&data_uri("image/svg+xml", inner.as_bytes()))),
        )
    });
    refused(&case, "d.svg", "refers to the file `/etc/hostname`");
}

#[test]
fn a_png_bomb_embedded_in_an_svg_is_refused() {
    let case = report("data-bomb", "b.svg", "en", |logo| {
        write(logo, svg(&image(&data_uri("image/png", &png_bomb(50_000)))))
    });
    refused(
        &case,
        "b.svg",
        "embeds a picture that is 50000 × 50000 pixels",
    );
}

#[test]
fn a_png_declaring_50000_pixels_a_side_is_refused_from_its_header() {
    let case = report("png-bomb", "x.png", "sv", |logo| {
        write(logo, png_bomb(50_000))
    });
    refused(
        &case,
        "x.png",
        "är 50000 × 50000 bildpunkter; högst 10000 bildpunkter per sida",
    );
}

#[test]
fn truncated_and_header_only_pictures_are_refused() {
    let png = fixture("blue.png");
    let case = report("truncated", "t.png", "en", |logo| {
        write(logo, &png[..png.len() - 30])
    });
    refused(&case, "t.png", "is a damaged or incomplete PNG file");
    let jpeg = fixture("gold.jpg");
    let scan = jpeg
        .windows(2)
        .position(|w| w == [0xff, 0xda])
        .expect("a JPEG has a scan");
    let case = report("header-only", "h.jpg", "en", |logo| {
        write(logo, &jpeg[..scan])
    });
    refused(&case, "h.jpg", "is a damaged or incomplete JPEG file");
}

#[test]
fn an_svg_of_a_million_elements_is_refused() {
    let case = report("elements", "m.svg", "en", |logo| {
        write(logo, svg(&"<g/>".repeat(1_000_000)))
    });
    refused(&case, "m.svg", "has more than 100000 SVG elements");
}

#[test]
fn an_svg_with_a_costly_filter_chain_is_refused() {
    let chain = r#"<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000">
        <filter id="f" x="0" y="0" width="1" height="1">
          <feGaussianBlur stdDeviation="40"/><feMorphology operator="dilate" radius="80"/>
          <feGaussianBlur stdDeviation="40"/><feMorphology operator="erode" radius="80"/>
        </filter>
        <rect width="2000" height="2000" fill="navy" filter="url(#f)"/></svg>"#;
    let case = report("filters", "f.svg", "en", |logo| write(logo, chain));
    refused(
        &case,
        "f.svg",
        "has effects (filters, masks, transparency) too costly",
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_link_is_never_read() {
    let case = report("fifo", "p.png", "en", |logo| {
        let made = std::process::Command::new("mkfifo").arg(logo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a pipe");
    });
    refused(&case, "p.png", "is not a plain file");
    let case = report("zero", "z.png", "en", |logo| {
        std::os::unix::fs::symlink("/dev/zero", logo).expect("a link")
    });
    refused(&case, "z.png", "is a symbolic link");
    let outside = scratch("logo-outside-target").join("secret.png");
    write(&outside, fixture("blue.png"));
    let case = report("link-out", "o.png", "en", |logo| {
        std::os::unix::fs::symlink(&outside, logo).expect("a link")
    });
    refused(&case, "o.png", "is a symbolic link");
}

#[test]
fn an_svg_with_an_embedded_png_is_built() {
    let case = report("embedded", "e.svg", "en", |logo| {
        write(
            logo,
            svg(&image(&data_uri("image/png", &fixture("blue.png")))),
        )
    });
    case.check(&[]).succeeds();
    let built = case.build(&[]).succeeds();
    assert!(built.pdf().is_file() && built.docx().is_file());
}
