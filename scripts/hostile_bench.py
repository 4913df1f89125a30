#!/usr/bin/env python3
"""Runs hostile reports, logos, layouts and folders through `kvartal check` and `kvartal build`
and measures each run's wall time and peak memory.

Every input a colleague could send must be answered within 5 s and 500 MB, with exit code 1
(refused, with a message) or 0, and nothing from outside the report's folder may reach an
output. The cases are made here, in a temporary folder, so that no hostile file is kept in the
repository.

    cargo build --release
    python3 scripts/hostile_bench.py [--binary target/release/kvartal] [--keep DIR]

Prints one line a case and command: seconds, megabytes, exit code and the first line of the
message; exits 1 when any run breaks a budget, leaks a marker, or crashes (an exit code
other than 0 built, 1 refused or 2 wrong usage).
"""

import argparse
import base64
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "report-data" / "medborgarlofte-jonkoping"
SECONDS = 5.0
MEGABYTES = 500
# Written in files outside the report's folder: it must never appear in an output.
MARKER = "HEMLIGT-7f3a9c"


def png(width, height, body=b""):
    """A PNG header declaring `width` × `height` pixels, with `body` as its only image data."""

    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(body))
        + chunk(b"IEND", b"")
    )


def report(folder, logo=None, name="2023-Q1.yaml", edit=None):
    """The example's first quarter in `folder`, its logo replaced by `logo` (a name)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (EXAMPLE / "2023-Q1.yaml").read_text(encoding="utf-8")
    if logo is not None:
        # Both organisations' logos become the hostile one.
        text = text.replace("logo: logos/kommun.svg", f"logo: {logo}")
        text = text.replace("logo: logos/polisen.png", f"logo: {logo}")
    else:
        shutil.copytree(EXAMPLE / "logos", folder / "logos", dirs_exist_ok=True)
    if edit:
        text = edit(text)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def svg(body, size=200):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{size}" height="{size}">{body}</svg>'
    )


def outside_files(root):
    """Files outside every report folder, each holding the marker."""
    outside = root / "outside"
    outside.mkdir(parents=True, exist_ok=True)
    small = png(2, 2, b"\x00" * 13)
    (outside / "secret.png").write_bytes(small)
    (outside / "secret.txt").write_text(MARKER + "\n")
    (outside / "secret.svg").write_text(svg(f"<text x='10' y='20'>{MARKER}</text>"))
    (outside / "2023-Q1.yaml").write_text(
        (EXAMPLE / "2023-Q1.yaml").read_text(encoding="utf-8") + f"db_password: {MARKER}\n"
    )
    return outside


def logo_case(root, name, filename, data=None, make=None):
    folder = root / name
    (folder / "logos").mkdir(parents=True, exist_ok=True)
    target = folder / "logos" / filename
    if make:
        make(target)
    else:
        target.write_bytes(data)
    return ["build", str(report(folder, logo=f"logos/{filename}"))]


def cases(root):
    """Each case: a name and the arguments after `kvartal`, for check and build alike."""
    outside = outside_files(root)
    bomb = png(50000, 50000, b"\x00" * 1000)
    filters = (
        "<filter id='f'><feGaussianBlur stdDeviation='50'/><feMorphology operator='dilate' radius='200'/>"
        "<feGaussianBlur stdDeviation='80'/><feMorphology operator='erode' radius='300'/></filter>"
        "<rect width='2000' height='2000' filter='url(#f)' fill='red'/>"
    )
    found = [
        ("svg-absolute-href", lambda: logo_case(root, "svg-absolute-href", "logo.svg",
            svg(f"<image href='{outside / 'secret.png'}' width='100' height='100'/>"
                f"<image xlink:href='{outside / 'secret.svg'}' width='100' height='100'/>").encode())),
        ("svg-relative-href", lambda: logo_case(root, "svg-relative-href", "logo.svg",
            svg("<image href='../../outside/secret.svg' width='100' height='100'/>"
                "<image href='/etc/hostname' width='10' height='10'/>").encode())),
        ("png-50000x50000", lambda: logo_case(root, "png-bomb", "logo.png", bomb)),
        ("png-bomb-in-svg", lambda: logo_case(root, "svg-data-bomb", "logo.svg",
            svg("<image width='100' height='100' href='data:image/png;base64,"
                + base64.b64encode(bomb).decode() + "'/>").encode())),
        ("png-truncated", lambda: logo_case(root, "png-truncated", "logo.png",
            (EXAMPLE / "logos" / "polisen.png").read_bytes()[:200])),
        ("jpeg-header-only", lambda: logo_case(root, "jpeg-header", "logo.jpg",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")),
        ("svg-filter-chain", lambda: logo_case(root, "svg-filter", "logo.svg",
            svg(filters, size=2000).encode())),
        ("svg-million-elements", lambda: logo_case(root, "svg-million", "logo.svg",
            svg("<rect width='1' height='1'/>" * 1_000_000).encode())),
        ("fifo-logo", lambda: logo_case(root, "fifo-logo", "logo.png", make=os.mkfifo)),
        ("logo-link-to-dev-zero", lambda: logo_case(root, "zero-logo", "logo.png",
            make=lambda p: os.symlink("/dev/zero", p))),
        ("logo-link-outside", lambda: logo_case(root, "link-logo", "logo.png",
            make=lambda p: os.symlink(outside / "secret.png", p))),
        ("fifo-yaml-in-folder", lambda: folder_case(root, "fifo-yaml",
            lambda f: os.mkfifo(f / "2023-Q2.yaml"))),
        ("yaml-link-to-dev-zero", lambda: folder_case(root, "zero-yaml",
            lambda f: os.symlink("/dev/zero", f / "2023-Q2.yaml"))),
        ("folder-link-outside", lambda: folder_case(root, "link-folder",
            lambda f: os.symlink(outside, f / "elsewhere"))),
        ("markdown-nested-20000", lambda: ["build", str(report(root / "nested",
            edit=lambda t: t.replace("summary: |\n", "summary: |\n  " + "> " * 50000 + "x\n\n  "
                                     + "- " * 20000 + "y\n", 1)))]),
        ("200000-combining-marks", lambda: ["build", str(report(root / "zalgo",
            edit=lambda t: t.replace("summary: |\n", "summary: |\n  a" + "\u0301" * 200000
                                     + "\n", 1)))]),
        ("table-3000-columns", lambda: ["build", str(report(root / "wide",
            edit=lambda t: t.replace("summary: |\n", "summary: |\n" + wide_table(3000, 300), 1)))]),
        # Thousands of things on one line of a paragraph, each found, placed and shown.
        ("40000-runs-one-line", lambda: ["build", str(one_line(root, "runs", "**fet** vanlig "))]),
        ("40000-warnings-one-line", lambda: ["build", str(one_line(root, "warned",
            "under tredje kvartalet hände "))]),
        ("20000-refused-links-one-line", lambda: ["build", str(one_line(root, "links",
            "[Klar](status:good) ", count=20000))]),
        ("40000-different-refused-links", lambda: ["build", str(one_line(root, "distinct",
            "[Klar](status:s{i}) "))]),
        ("metric-1e308", lambda: ["build", str(report(root / "huge",
            edit=lambda t: t.replace("value: 11", "value: 1e308", 1)))]),
        ("same-output-twice", lambda: same_output(root)),
        # At the limits: 2 MB of text and a chart for each of 3,000 metrics build in time.
        ("largest-valid-report", lambda: ["build", str(largest(root, charted=100))]),
        ("3000-charted-metrics", lambda: ["build", str(largest(root, charted=3000))]),
    ]
    found += layout_cases(root, outside)
    return found


def largest(root, charted):
    """A report of about 1.8 MB: 75 activities of long text, 3,000 metrics, `charted` of
    them with a history (so the standard layout draws a chart of each)."""
    words = "kommunen polisen trygghet brottsförebyggande samverkan insatser lägesbild".split()
    lines = ["programme: Största", "period: {year: 2023, quarter: 2}",
             "organisations: [{name: Kommun}]", "focus_areas:", "  - id: a", "    title: A",
             "    progress: Klart.", "activities:"]
    for i in range(75):
        text = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(1500))
        lines += [f"  - id: act{i}", f"    title: Aktivitet {i}", "    focus_areas: [a]",
                  "    progress: |"]
        lines += ["      " + text[k:k + 88].strip() for k in range(0, len(text), 88)]
        lines.append("    metrics:")
        for j in range(40):
            n = i * 40 + j
            lines += [f"      - id: m{n}", f"        name: Nyckeltal {n}", f"        value: {n % 97}"]
            if n < charted:
                lines.append("        history: {2022-Q4: 3, 2023-Q1: 7}")
    folder = root / f"largest-{charted}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2023-Q2.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def one_line(root, name, piece, count=40000):
    """The example's first quarter with `piece` repeated `count` times on one line of its
    summary, `{i}` in it numbering each."""
    line = "".join(piece.format(i=i) for i in range(count))
    return report(root / f"one-line-{name}",
                  edit=lambda t: t.replace("summary: |\n", "summary: |\n  " + line + "\n\n", 1))


def wide_table(columns, rows):
    """A Markdown table, indented for a YAML block."""
    row = "  |" + "v|" * columns + "\n"
    return row + "  |" + "-|" * columns + "\n" + row * rows + "\n"


def folder_case(root, name, add):
    folder = root / name
    report(folder)
    add(folder)
    return ["build", str(folder)]


def same_output(root):
    a = report(root / "twice-a")
    b = report(root / "twice-b")
    return ["build", str(a), str(b)]


def layout(root, name, style=None, links=()):
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    if style is not None:
        (folder / "style.toml").write_text(style)
    for file, target in links:
        (folder / file).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, folder / file)
    return folder


def layout_cases(root, outside):
    reported = report(root / "layout-report")

    def build_with(folder):
        return ["build", str(reported), "--layout", str(folder)]

    return [
        ("layout-template-link", lambda: build_with(layout(root, "l-link",
            links=[("report.hbs", outside / "secret.txt")]))),
        ("layout-partial-fifo", lambda: build_with(fifo_partial(layout(root, "l-fifo")))),
        ("layout-no-room", lambda: build_with(layout(root, "l-margins",
            "[page]\nmargin_left_mm = 104\nmargin_right_mm = 104\n"))),
        ("layout-tiny-page", lambda: build_with(layout(root, "l-tiny",
            "[page]\nwidth_mm = 50\nheight_mm = 50\nmargin_top_mm = 5\nmargin_bottom_mm = 5\n"
            "margin_left_mm = 5\nmargin_right_mm = 5\n"))),
        ("layout-font-urandom", lambda: build_with(layout(root, "l-font",
            '[fonts.body]\nfamily = "X"\nregular = "fonts/x.ttf"\nbold = "fonts/x.ttf"\n',
            links=[("fonts/x.ttf", "/dev/urandom")]))),
        ("layout-low-contrast", lambda: build_with(layout(root, "l-contrast",
            '[colours]\ntext = "#ffffff"\n'))),
        # Over the four quarters of a folder: one wait, not four.
        ("layout-endless-loops", lambda: ["build", str(EXAMPLE), "--layout",
            str(loops(layout(root, "l-loops")))]),
    ]


def loops(folder):
    """A template of sixteen nested loops over every metric that writes nothing."""
    nested = "{{#each @root.metrics}}" * 16 + "{{/each}}" * 16
    (folder / "report.hbs").write_text(f"# Rubrik\n\n{nested}\n")
    return folder


def fifo_partial(folder):
    (folder / "partials").mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "partials" / "summary.hbs")
    return folder


def measured(binary, args, out):
    """Seconds, peak megabytes (read by /usr/bin/time), exit code and messages of one run,
    killed after 60 s."""
    out.parent.mkdir(parents=True, exist_ok=True)
    report_file = out.parent / f"{out.name}.time"
    command = ["/usr/bin/time", "-f", "%e %M", "-o", str(report_file), str(binary)] + args
    if args[0] == "build":
        command += ["--out", str(out)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=60)
        code, stderr = done.returncode, done.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return 60.0, 0.0, None, "did not finish within 60 s"
    seconds, kilobytes = report_file.read_text().split()[-2:]
    return float(seconds), int(kilobytes) / 1024, code, stderr


def leaked(out):
    """Whether any file written under `out` holds the marker, in its bytes or compressed."""
    for path in out.rglob("*"):
        if path.is_file() and MARKER.encode() in path.read_bytes():
            return True
        if path.suffix == ".docx" and MARKER in subprocess.run(
            ["unzip", "-p", str(path)], capture_output=True
        ).stdout.decode("utf-8", "replace"):
            return True
        if path.suffix == ".pdf" and shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True).stdout
            if MARKER.encode() in text:
                return True
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(REPO / "target" / "release" / "kvartal"))
    parser.add_argument("--keep", help="make the cases in this folder and keep them")
    options = parser.parse_args()
    root = Path(options.keep or tempfile.mkdtemp(prefix="kvartal-hostile-"))
    failures = 0
    print(f"{'case':<24} {'command':<6} {'s':>6} {'MB':>7} exit  first line of the message")
    for name, make in cases(root):
        args = make()
        for command in ("check", "build"):
            out = root / "out" / f"{name}-{command}"
            run_args = [command] + args[1:]
            seconds, megabytes, code, stderr = measured(options.binary, run_args, out)
            first = next((l for l in stderr.splitlines() if l.strip()), "")
            # 0 built, 1 refused with a message, 2 wrong usage (clashing outputs); any
            # other code is a crash or a kill.
            bad = seconds > SECONDS or megabytes > MEGABYTES or code not in (0, 1, 2)
            bad |= out.exists() and leaked(out)
            failures += bad
            mark = "FAIL" if bad else "ok"
            print(f"{name:<24} {command:<6} {seconds:6.2f} {megabytes:7.1f} {code!s:>4}  "
                  f"{first[:90]}  {mark}")
    if not options.keep:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
