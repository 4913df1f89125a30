#!/usr/bin/env python3
"""Times whole `kvartal` commands against the speed targets of the issue, one case each:

    scaling        the example's Q4 at 1×, 10× and 100× its size: time per KB must not grow
                   (per-KB time at 100× at most 1.5× that at 10×)
    one-line       5,000 and 20,000 runs, warnings and refused links on one line of a
                   paragraph: the time per item must not grow (at most 1.5× at 20,000)
    charted        the stress report with an earlier quarter beside it, so each of its 3,000
                   metrics gets a chart: PDF under 1.5 s and 250 MB
    typst-pandoc   the stress report alone: the PDF at least 5× faster than typst setting the
                   same content, the DOCX at least 10× faster than pandoc converting it
    check          `check` of the stress report with some 2,900 warnings: under 0.3 s
    one-of-40      one quarter built in a folder of 40 quarters of its programme, and in one
                   of 40 quarters of other programmes: within 1.5× of the quarter alone
    forty          the folder of 40 quarters built whole: under 2.5 s

    python3 scripts/speed_bench.py [--binary target/release/kvartal] [--runs 5]
                                   [--only CASE] [--keep DIR] [--no-fail]

The inputs are made in a temporary folder (or DIR with --keep) from the example in
report-data/ and scripts/stress_report.py; every build writes there too. Each command runs
once to warm the caches, then --runs times; a line gives the median wall time, the largest
peak memory (resident set) of the runs, the target and whether it is met. Exits 1 when a
target is missed, unless --no-fail.

The comparisons need `python3 -m pip install typst pypandoc-binary` (the typst compiler as a
Python module; pandoc inside a Python package); without them they are skipped, with a
message. Only the standard library is needed otherwise.
"""

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "report-data" / "medborgarlofte-jonkoping"
STRESS = REPO / "scripts" / "stress_report.py"
CASES = ("scaling", "one-line", "charted", "typst-pandoc", "check", "one-of-40", "forty")


class Timing:
    """The median seconds and the largest peak megabytes of a command's runs."""

    def __init__(self, seconds, megabytes, inner=None):
        self.seconds = seconds
        self.megabytes = megabytes
        # What the child measured itself (typst's compile call), when it says.
        self.inner = inner


class Bench:
    def __init__(self, binary, runs, root):
        self.binary = binary
        self.runs = runs
        self.root = root
        self.logs = root / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.missed = 0
        self.runs_done = 0

    def run_once(self, argv, refused=False):
        """Seconds, peak kilobytes and the file of standard output of one run of `argv`.
        A run that fails stops the benchmark: a time of a refused build means nothing,
        unless the input is meant to be `refused` (exit code 1).

        posix_spawn and wait4 give the rusage of this one child, not the largest of all
        children so far as getrusage(RUSAGE_CHILDREN) would."""
        self.runs_done += 1
        stdout = self.logs / f"{self.runs_done}.out"
        stderr = self.logs / f"{self.runs_done}.err"
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        actions = [(os.POSIX_SPAWN_OPEN, 1, str(stdout), flags, 0o644),
                   (os.POSIX_SPAWN_OPEN, 2, str(stderr), flags, 0o644)]
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != (1 if refused else 0):
            message = stderr.read_text(errors="replace").strip().splitlines()
            raise SystemExit(f"{' '.join(argv)}\nexited with {code}: "
                             + "\n".join(message[:10]))
        # ru_maxrss is in kilobytes on Linux.
        return seconds, usage.ru_maxrss, stdout

    def measure(self, argv, refused=False):
        """One warm-up run (page cache, fonts), then the median of `runs`."""
        argv = [str(a) for a in argv]
        self.run_once(argv, refused)
        seconds, peaks, inner = [], [], []
        for _ in range(self.runs):
            s, kb, stdout = self.run_once(argv, refused)
            seconds.append(s)
            peaks.append(kb)
            said = stdout.read_text().split()
            if said[:1] == ["compile-seconds"]:
                inner.append(float(said[1]))
        return Timing(statistics.median(seconds), max(peaks) / 1024,
                      statistics.median(inner) if inner else None)

    def kvartal(self, *args, refused=False):
        return self.measure([self.binary, *args], refused)

    def build(self, path, formats, out):
        return self.kvartal("build", path, "--format", formats, "-q", "--out", out)

    def line(self, case, what, timing=None, target="", met=None):
        """One line of the table; a target missed is counted."""
        figures = f"{timing.seconds:7.3f} s {timing.megabytes:7.1f} MB" if timing else " " * 20
        verdict = "" if met is None else ("met" if met else "MISSED")
        if met is False:
            self.missed += 1
        print(f"{case:<13} {what:<44} {figures}  {target:<30} {verdict}", flush=True)


# --- Inputs ---------------------------------------------------------------------------------


def with_logos(folder):
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLE / "logos", folder / "logos", dirs_exist_ok=True)
    return folder


def scaled(factor, folder):
    """The example's Q4 grown to about `factor` times its bytes by repeating its activities,
    each copy (and each of its metrics) under new ids so that the file stays valid."""
    text = (EXAMPLE / "2023-Q4.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\nactivities:\n", 1)
    activities, tail = rest.split("\nsignatures:\n", 1)
    goal = len(text.encode()) * factor
    copies = [activities]
    size = len(text.encode())
    k = 1
    while size < goal * 0.98:
        # Activities sit at two spaces, their metrics deeper; every `- id:` gets the suffix.
        copy = re.sub(r"^(\s*- id: )(\S+)", rf"\g<1>\g<2>-k{k}", activities, flags=re.M)
        copies.append(copy)
        size += len(copy.encode()) + 1
        k += 1
    body = head + "\nactivities:\n" + "\n".join(copies) + "\nsignatures:\n" + tail
    path = with_logos(folder) / "2023-Q4.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def one_line(folder, piece, count):
    """The example's 2023-Q4 with `piece` repeated `count` times on one line of its
    summary, `{i}` in it numbering each."""
    text = (EXAMPLE / "2023-Q4.yaml").read_text(encoding="utf-8")
    line = "".join(piece.format(i=i) for i in range(count))
    text = text.replace("summary: |\n", "summary: |\n  " + line + "\n\n", 1)
    path = with_logos(folder) / "2023-Q4.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def stress(path):
    """The stress report of scripts/stress_report.py, written by it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        code = os.spawnv(os.P_WAIT, sys.executable, [sys.executable, str(STRESS), str(path)])
        if code != 0:
            raise SystemExit(f"{STRESS} failed")
    return path


def shifted_year(text, shift):
    """The example's text moved by `shift` years: every year 2020–2024 in it, so that dates,
    case numbers, history keys and titles agree with the file's own year."""
    return re.sub(r"(?<!\d)(202[0-4])(?!\d)", lambda m: str(int(m.group(1)) + shift), text)


def one_programme(text, programme, series):
    """One programme's name and series for every file, so that the quarters form a series."""
    return re.sub(r"^programme: .*$", f"programme: {programme}\nseries: {series}", text,
                  count=1, flags=re.M)


def forty_quarters(folder):
    """Ten years (2014–2023) of four quarters of one programme, from the example's four."""
    with_logos(folder)
    for year in range(2014, 2024):
        for quarter in range(1, 5):
            text = (EXAMPLE / f"2023-Q{quarter}.yaml").read_text(encoding="utf-8")
            text = one_programme(shifted_year(text, year - 2023), "Medborgarlöfte Jönköping",
                                 "jonkoping")
            if year > 2014:
                # The value `history` gives for the quarter before the first is in an
                # earlier file here: kept, it would differ from that file's and be warned of.
                text = re.sub(r"^ +history:\n( +\d{4}-Q\d: .*\n)+", "", text, flags=re.M)
            (folder / f"{year}-Q{quarter}.yaml").write_text(text, encoding="utf-8")
    return folder


def other_programmes(folder, quarter_file):
    """`quarter_file` among 40 quarters of ten other programmes (four quarters each), whose
    metrics have ids of their own, as in a folder a municipality shares for all programmes."""
    with_logos(folder)
    shutil.copy(quarter_file, folder / quarter_file.name)
    for n in range(1, 11):
        for quarter in range(1, 5):
            text = (EXAMPLE / f"2023-Q{quarter}.yaml").read_text(encoding="utf-8")
            text = one_programme(text, f"Program {n}", f"program-{n}")
            # Metrics sit at six spaces or more, focus areas and activities at two.
            text = re.sub(r"^(\s{6,}- id: )", rf"\g<1>p{n}-", text, flags=re.M)
            (folder / f"program-{n}-2023-Q{quarter}.yaml").write_text(text, encoding="utf-8")
    return folder / quarter_file.name


# --- The stress report as data, for typst's and pandoc's input -------------------------------


def read_yaml(text):
    """The YAML subset scripts/stress_report.py writes: maps, lists of maps, `|` blocks,
    `[a, b]` lists and plain scalars. Enough to give pandoc the same texts; not a parser
    for other files."""
    lines = text.split("\n")
    pos = 0

    def indent(line):
        return len(line) - len(line.lstrip(" "))

    def skip_blank():
        nonlocal pos
        while pos < len(lines) and not lines[pos].strip():
            pos += 1

    def scalar(value):
        if value.startswith("[") and value.endswith("]"):
            return [scalar(v.strip()) for v in value[1:-1].split(",") if v.strip()]
        if value[:1] in "\"'" and value[-1:] == value[:1]:
            return value[1:-1]
        for kind in (int, float):
            try:
                return kind(value)
            except ValueError:
                pass
        return value

    def literal(parent):
        # The block's lines are those indented deeper than its key, with blank lines kept.
        nonlocal pos
        block = []
        while pos < len(lines) and (not lines[pos].strip() or indent(lines[pos]) > parent):
            block.append(lines[pos])
            pos += 1
        while block and not block[-1].strip():
            block.pop()
        cut = min(indent(l) for l in block if l.strip())
        return "\n".join(l[cut:] for l in block) + "\n"

    def node():
        skip_blank()
        at = indent(lines[pos])
        return sequence(at) if lines[pos].lstrip().startswith("- ") else mapping(at, None)

    def sequence(at):
        nonlocal pos
        items = []
        while True:
            skip_blank()
            if (pos >= len(lines) or indent(lines[pos]) != at
                    or not lines[pos].lstrip().startswith("- ")):
                return items
            first = lines[pos].strip()[2:]
            pos += 1
            # An item's keys stand where its first key does, two columns in.
            items.append(mapping(at + 2, first) if ": " in first or first.endswith(":")
                         else scalar(first))

    def mapping(at, first):
        nonlocal pos
        result = {}
        while True:
            if first is not None:
                content, first = first, None
            else:
                skip_blank()
                if (pos >= len(lines) or indent(lines[pos]) != at
                        or lines[pos].lstrip().startswith("- ")):
                    return result
                content = lines[pos].strip()
                pos += 1
            key, _, value = content.partition(":")
            value = value.strip()
            if value == "|":
                result[key] = literal(at)
            elif value == "":
                result[key] = node()
            else:
                result[key] = scalar(value)

    return node()


MONTHS = ("januari februari mars april maj juni juli augusti september oktober november "
          "december").split()
STATUS = {
    "on_track": "På rätt väg", "at_risk": "Risk för avvikelse", "off_track": "Avviker",
    "achieved": "Uppnått", "not_started": "Ej påbörjat", "planned": "Planerad",
    "ongoing": "Pågår", "completed": "Genomförd", "delayed": "Försenad",
    "cancelled": "Avbruten", "met": "Målet nått", "not_met": "Målet ej nått",
}


def number(x):
    """A number as kvartal writes it in Swedish: 12 345,6 (a no-break space between groups)."""
    text = f"{x:g}" if isinstance(x, float) and x == int(x) else str(x)
    whole, _, fraction = text.lstrip("-").partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    out = "\u00a0".join(groups) + ("," + fraction if fraction else "")
    return "−" + out if text.startswith("-") else out


def long_date(text):
    year, month, day = str(text).split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def target_status(metric):
    if "target" not in metric:
        return ""
    return STATUS["met" if metric["value"] >= metric["target"] else "not_met"]


def markdown(report):
    """The stress report as the Markdown kvartal's standard layout makes of it: title block,
    summary, status overview, key figures, each focus area with its activities, each
    activity's metrics as a table. The texts are the report's, as written."""
    r = report
    quarter, year = r["period"]["quarter"], r["period"]["year"]
    title = f"Uppföljning av {r['programme']} – kvartal {quarter} {year}"
    out = [f"# {title}", f"{r['programme']} · Kvartal {quarter} {year}",
           " · ".join(o["name"] for o in r["organisations"]),
           f"**Sammanträde:** {r['meeting']['body']}",
           f"**Sammanträdesdatum:** {long_date(r['meeting']['date'])}",
           f"**Diarienummer:** {r['meeting']['case_number']}",
           f"**Datum:** {long_date(r['date'])}",
           "## Sammanfattning", r["summary"], "## Statusöversikt"]
    by_area = {}
    for activity in r["activities"]:
        for area in activity["focus_areas"]:
            by_area.setdefault(area, []).append(activity)
    rows = ["| Fokusområde / aktivitet | Status |", "| --- | --- |"]
    for area in r["focus_areas"]:
        rows.append(f"| **{area['title']}** | {STATUS[area['status']]} |")
        rows += [f"| – {a['title']} | {STATUS[a['status']]} |"
                 for a in by_area.get(area["id"], [])]
    out.append("\n".join(rows))
    out.append("## Nyckeltal")
    rows = ["| Nyckeltal | Värde | Förändring | Mål | Måluppfyllelse |",
            "| --- | ---: | ---: | ---: | --- |"]
    for activity in r["activities"]:
        for m in activity.get("metrics", []):
            rows.append(f"| {m['name']} ({m['unit']}) | {number(m['value'])} |  | "
                        f"{number(m['target'])} | {target_status(m)} |")
    out.append("\n".join(rows))
    for area in r["focus_areas"]:
        out += [f"## {area['title']}", "**Mål**", area["goal"],
                f"**Status:** {STATUS[area['status']]}"]
        for a in by_area.get(area["id"], []):
            responsible = ", ".join(a["responsible"])
            out += [f"### {a['title']}",
                    f"**Status:** {STATUS[a['status']]} · **Ansvarig:** {responsible}",
                    a["progress"]]
            rows = ["| Nyckeltal | Värde | Mål | Måluppfyllelse |",
                    "| --- | ---: | ---: | --- |"]
            rows += [f"| {m['name']} ({m['unit']}) | {number(m['value'])} | "
                     f"{number(m['target'])} | {target_status(m)} |" for m in a.get("metrics", [])]
            out.append("\n".join(rows))
    return "\n\n".join(part.strip("\n") for part in out) + "\n"


# The same content set by typst from the same YAML: A4 with kvartal's margins, Carlito at
# 10.5 pt, Swedish hyphenation, a header with the title and case number, "Sida X av Y" in
# the footer, the outline, tables with a header row and status badges. No charts: without
# an earlier quarter kvartal draws none either.
TYPST_TEMPLATE = r"""
#let r = yaml("report.yaml")
#let months = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
  "september", "oktober", "november", "december")
#let long-date(d) = {
  let (y, m, dd) = str(d).split("-")
  str(int(dd)) + " " + months.at(int(m) - 1) + " " + y
}
#let labels = (on_track: "På rätt väg", at_risk: "Risk för avvikelse", off_track: "Avviker",
  achieved: "Uppnått", not_started: "Ej påbörjat", planned: "Planerad", ongoing: "Pågår",
  completed: "Genomförd", delayed: "Försenad", cancelled: "Avbruten", met: "Målet nått",
  not_met: "Målet ej nått")
#let tones = (on_track: "good", achieved: "done", at_risk: "warning", off_track: "bad",
  not_started: "neutral", planned: "neutral", ongoing: "good", completed: "done",
  delayed: "warning", cancelled: "bad", met: "good", not_met: "warning")
#let fills = (good: (rgb("#d6f0dc"), rgb("#14532d")), warning: (rgb("#fdecc8"), rgb("#6b3a00")),
  bad: (rgb("#f9d6d5"), rgb("#7f1d1d")), done: (rgb("#dbe7f7"), rgb("#1e3a8a")),
  neutral: (rgb("#e9e9e9"), rgb("#333333")))
#let badge(status) = {
  let (fill, ink) = fills.at(tones.at(status))
  box(fill: fill, inset: (x: 3pt, y: 1pt), radius: 2pt, text(fill: ink, labels.at(status)))
}
#let num(x) = {
  let s = if type(x) == float and x == calc.round(x) { str(int(x)) } else { str(x) }
  let negative = s.starts-with("-") or s.starts-with("−")
  let digits = s.trim("-").trim("−")
  let (whole, fraction) = if "." in digits { digits.split(".") } else { (digits, none) }
  let cs = whole.clusters()
  let out = ""
  for (i, c) in cs.enumerate() {
    if i > 0 and calc.rem(cs.len() - i, 3) == 0 { out += "\u{a0}" }
    out += c
  }
  if fraction != none { out += "," + fraction }
  if negative { "−" + out } else { out }
}
#let paragraphs(text) = for p in text.trim().split("\n\n") { par(p.replace("\n", " ")) }
#let met(m) = if "target" in m { badge(if m.value >= m.target { "met" } else { "not_met" }) }

#let title = r.at("title", default: "Uppföljning av " + r.programme + " – kvartal "
  + str(r.period.quarter) + " " + str(r.period.year))
#set document(title: title, author: r.organisations.map(o => o.name))
#set text(font: "Carlito", size: 10.5pt, lang: "sv", hyphenate: true, fill: rgb("#1a1a1a"))
#set par(leading: 0.5em, spacing: 6pt + 0.5em)
#set page(paper: "a4", margin: (top: 25mm, bottom: 22mm, left: 25mm, right: 25mm),
  header: context if here().page() > 1 {
    set text(size: 8.5pt, fill: rgb("#4a4f57"))
    title; h(1fr); [Dnr ] + r.meeting.case_number
  },
  footer: context {
    set text(size: 8.5pt, fill: rgb("#4a4f57"))
    long-date(r.date); h(1fr)
    [Sida #counter(page).display() av #counter(page).final().first()]
  })
#show heading: set text(fill: rgb("#1f3a5f"))
#show heading.where(level: 1): set text(size: 24pt)
#show heading.where(level: 2): set text(size: 16pt)
#show heading.where(level: 3): set text(size: 12.5pt)
#set table(stroke: 0.5pt + rgb("#a8b3c2"), inset: 4pt,
  fill: (_, y) => if y == 0 { rgb("#e6ecf3") })

#heading(level: 1, outlined: false, title)
#r.programme · Kvartal #r.period.quarter #r.period.year

#r.organisations.map(o => o.name).join(" · ")

*Sammanträde:* #r.meeting.body

*Sammanträdesdatum:* #long-date(r.meeting.date)

*Diarienummer:* #r.meeting.case_number

*Datum:* #long-date(r.date)

#outline(title: "Innehåll")

#let by-area = (:)
#for a in r.activities {
  for f in a.focus_areas { by-area.insert(f, by-area.at(f, default: ()) + (a,)) }
}

== Sammanfattning
#paragraphs(r.summary)

== Statusöversikt
#table(columns: (1fr, auto), table.header([*Fokusområde / aktivitet*], [*Status*]),
  ..for f in r.focus_areas {
    ([*#f.title*], badge(f.status))
    for a in by-area.at(f.id, default: ()) { ([– #a.title], badge(a.status)) }
  })

== Nyckeltal
#table(columns: (1fr, auto, auto, auto, auto), align: (left, right, right, right, left),
  table.header([*Nyckeltal*], [*Värde*], [*Förändring*], [*Mål*], [*Måluppfyllelse*]),
  ..for a in r.activities {
    for m in a.at("metrics", default: ()) {
      ([#m.name (#m.unit)], num(m.value), [], if "target" in m { num(m.target) }, met(m))
    }
  })

#for f in r.focus_areas [
  == #f.title
  *Mål*
  #paragraphs(f.goal)

  *Status:* #badge(f.status)

  #for a in by-area.at(f.id, default: ()) [
    === #a.title
    *Status:* #badge(a.status) · *Ansvarig:* #a.responsible.join(", ")

    #paragraphs(a.progress)

    #table(columns: (1fr, auto, auto, auto), align: (left, right, right, left),
      table.header([*Nyckeltal*], [*Värde*], [*Mål*], [*Måluppfyllelse*]),
      ..for m in a.at("metrics", default: ()) {
        ([#m.name (#m.unit)], num(m.value), if "target" in m { num(m.target) }, met(m))
      })
  ]
]
"""

# Run in a fresh interpreter for each timing, so its peak memory is typst's alone. It also
# prints the time of the compile call, without the interpreter's start.
TYPST_CHILD = """
import sys, time, typst
start = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=[sys.argv[4]],
              pdf_standards=["a-2a", "ua-1"])
print("compile-seconds", time.perf_counter() - start)
"""


def typst_available():
    try:
        import typst  # noqa: F401
        return True
    except ImportError:
        return False


def pandoc_path():
    """pandoc inside the pypandoc-binary package, or one on the PATH."""
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return shutil.which("pandoc")


# --- Cases -----------------------------------------------------------------------------------


def case_scaling(b):
    sizes = {}
    for factor in (1, 10, 100):
        path = scaled(factor, b.root / "scaling" / f"x{factor}")
        kb = path.stat().st_size / 1024
        t = b.build(path, "pdf,docx", b.root / "out" / f"scaling-x{factor}")
        sizes[factor] = (kb, t)
        b.line("scaling", f"{factor}× the example ({kb:.0f} KB): pdf,docx", t,
               f"{t.seconds / kb * 1000:.2f} ms/KB")
    per_kb = {f: t.seconds / kb for f, (kb, t) in sizes.items()}
    growth = sizes[100][1].seconds / sizes[1][1].seconds / 100
    b.line("scaling", f"time(100×) / time(1×) / 100 = {growth:.2f}")
    ratio = per_kb[100] / per_kb[10]
    b.line("scaling", f"per-KB time 100× / 10× = {ratio:.2f}", None, "at most 1.5", ratio <= 1.5)


def case_one_line(b):
    # Each of these, 5,000 and 20,000 times on one line of a paragraph: runs to set, warnings
    # and refused links to place and print.
    out = b.root / "out" / "one-line"
    kinds = (("runs of bold and plain text: pdf,docx", "**fet** vanlig ",
              lambda path: b.build(path, "pdf,docx", out)),
             ("warnings (another quarter named): check", "under tredje kvartalet hände ",
              lambda path: b.kvartal("check", path)),
             ("refused links, each its own: check", "[Klar](status:s{i}) ",
              lambda path: b.kvartal("check", path, refused=True)))
    for kind, (what, piece, run) in enumerate(kinds):
        times = {}
        for count in (5000, 20000):
            times[count] = run(one_line(b.root / "one-line" / f"{kind}-{count}", piece, count))
            b.line("one-line", f"{count:,} {what}", times[count])
        ratio = (times[20000].seconds / 20000) / (times[5000].seconds / 5000)
        b.line("one-line", f"time per item 20,000 / 5,000 = {ratio:.2f}", None, "at most 1.5",
               ratio <= 1.5)


def case_charted(b):
    folder = b.root / "charted"
    q4 = stress(folder / "2023-Q4.yaml")
    # The same report as the quarter before, so every metric has two values and a chart.
    # Its progress texts are the same too, so the build also warns of 1,000 copied texts.
    q3 = q4.read_text(encoding="utf-8").replace("  quarter: 4\n", "  quarter: 3\n", 1)
    q3 = q3.replace("date: 2024-01-15\n", "date: 2023-10-15\n", 1)
    (folder / "2023-Q3.yaml").write_text(q3, encoding="utf-8")
    t = b.build(q4, "pdf", b.root / "out" / "charted")
    b.line("charted", "stress, 3,000 charts: pdf", t, "under 1.5 s and 250 MB",
           t.seconds < 1.5 and t.megabytes < 250)


def case_typst_pandoc(b):
    folder = b.root / "alone"
    report = stress(folder / "report.yaml")
    pdf = b.build(report, "pdf", b.root / "out" / "alone-pdf")
    b.line("typst-pandoc", "stress, no history: kvartal pdf", pdf)
    if typst_available():
        template = folder / "report.typ"
        template.write_text(TYPST_TEMPLATE, encoding="utf-8")
        t = b.measure([sys.executable, "-c", TYPST_CHILD, template, b.root / "out" / "typst.pdf",
                       folder, REPO / "fonts"])
        b.line("typst-pandoc", "typst, the same content (whole process)", t)
        if t.inner is not None:
            b.line("typst-pandoc", f"typst's compile call alone: {t.inner:.3f} s")
        # The compile call alone, so typst is not charged for Python's start.
        ratio = (t.inner or t.seconds) / pdf.seconds
        b.line("typst-pandoc", f"typst / kvartal = {ratio:.1f}×", None, "at least 5×", ratio >= 5)
    else:
        b.line("typst-pandoc", "typst is not installed: skipped", None,
               "python3 -m pip install typst")
    docx = b.build(report, "docx", b.root / "out" / "alone-docx")
    b.line("typst-pandoc", "stress, no history: kvartal docx", docx)
    pandoc = pandoc_path()
    if pandoc:
        md = folder / "report.md"
        text = report.read_text(encoding="utf-8")
        data = read_yaml(text)
        # The reader knows only the generator's format: pandoc must get all of the report.
        if len(data["activities"]) != text.count("\n  - id: aktivitet-"):
            raise SystemExit("the stress report's format changed: update read_yaml")
        md.write_text(markdown(data), encoding="utf-8")
        t = b.measure([pandoc, md, "-o", b.root / "out" / "pandoc.docx"])
        b.line("typst-pandoc", "pandoc, the same content as Markdown", t)
        ratio = t.seconds / docx.seconds
        b.line("typst-pandoc", f"pandoc / kvartal = {ratio:.1f}×", None, "at least 10×",
               ratio >= 10)
    else:
        b.line("typst-pandoc", "pandoc is not installed: skipped", None,
               "python3 -m pip install pypandoc-binary")


def case_check(b):
    plain = stress(b.root / "check-plain" / "2023-Q4.yaml")
    folder = b.root / "check-warned"
    folder.mkdir(parents=True, exist_ok=True)
    # "tredje kvartalet" in a report for quarter 4: each a warning of another quarter named.
    warned = folder / "2023-Q4.yaml"
    warned.write_text(plain.read_text(encoding="utf-8").replace(" kvartalet", " tredje kvartalet"),
                      encoding="utf-8")
    t = b.kvartal("check", plain)
    b.line("check", "stress report", t)
    t = b.kvartal("check", warned)
    warnings = re.search(r"(\d+) varningar", (b.logs / f"{b.runs_done}.out").read_text())
    count = warnings.group(1) if warnings else "?"
    b.line("check", f"stress report with {count} warnings", t, "under 0.3 s", t.seconds < 0.3)


def case_one_of_40(b):
    series = forty_quarters(b.root / "forty")
    quarter = series / "2023-Q4.yaml"
    alone = with_logos(b.root / "one-alone") / "2023-Q4.yaml"
    shutil.copy(quarter, alone)
    others = other_programmes(b.root / "one-among-others", quarter)
    base = b.build(alone, "pdf,docx", b.root / "out" / "one-alone")
    b.line("one-of-40", "2023-Q4 alone: pdf,docx", base)
    for what, path, out in (("in its series of 40 quarters", quarter, "one-in-series"),
                            ("among 40 of other programmes", others, "one-among")):
        t = b.build(path, "pdf,docx", b.root / "out" / out)
        ratio = t.seconds / base.seconds
        b.line("one-of-40", f"2023-Q4 {what}: {ratio:.2f}×", t, "within 1.5× of alone",
               ratio <= 1.5)


def case_forty(b):
    folder = b.root / "forty"
    if not (folder / "2023-Q4.yaml").exists():
        forty_quarters(folder)
    t = b.build(folder, "pdf,docx", b.root / "out" / "forty")
    b.line("forty", "40 quarters of one programme: pdf,docx", t, "under 2.5 s", t.seconds < 2.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(REPO / "target" / "release" / "kvartal"))
    parser.add_argument("--runs", type=int, default=5, help="timed runs after the warm-up")
    parser.add_argument("--keep", help="make the inputs and outputs in this folder and keep them")
    parser.add_argument("--only", choices=CASES, help="run this case alone")
    parser.add_argument("--no-fail", action="store_true",
                        help="report only: exit 0 when a target is missed")
    options = parser.parse_args()
    binary = Path(options.binary).resolve()
    if not binary.is_file():
        sys.exit(f"no kvartal binary at {binary}: `cargo build --release` or --binary")
    if options.runs < 1:
        sys.exit("--runs must be at least 1")
    root = Path(options.keep or tempfile.mkdtemp(prefix="kvartal-speed-")).resolve()
    bench = Bench(binary, options.runs, root)
    print(f"{'case':<13} {'what':<44} {'median':>9} {'peak':>10}  {'target':<30}", flush=True)
    try:
        for name in CASES:
            if options.only in (None, name):
                globals()["case_" + name.replace("-", "_")](bench)
    finally:
        if not options.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(f"{bench.missed} target(s) missed; median of {options.runs} runs after a warm-up, "
          f"peak memory the largest of them")
    return 1 if bench.missed and not options.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
