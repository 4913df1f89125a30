#!/usr/bin/env python3
"""contents_pages.py REPORT.pdf REPORT.docx

Checks that a word processor lays out kvartal's DOCX on the pages kvartal's own PDF has:
LibreOffice converts the DOCX to PDF, which must have as many pages as kvartal's PDF, and
every entry of the DOCX's table of contents must give the page on which LibreOffice put its
heading. Prints the page counts and each mismatch, and exits 1 if there is any.
Needs Python 3, lxml, LibreOffice (soffice) and poppler's pdfinfo and pdftotext.
"""

import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def contents(docx):
    """The DOCX's contents entries: the heading before the tab, and the page, the result
    of the PAGEREF field after it, as kvartal filled it in."""
    with zipfile.ZipFile(docx) as package:
        document = etree.fromstring(package.read("word/document.xml"))
    entries = []
    for paragraph in document.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is None or not re.fullmatch(r"TOC[1-3]", style.get(f"{W}val")):
            continue
        heading, page, where = "", "", "heading"
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}instrText"):
            if node.tag == f"{W}tab":
                where = "tab"
            elif node.tag == f"{W}instrText":
                where = "page" if "PAGEREF" in node.text else where
            elif where == "heading":
                heading += node.text or ""
            elif where == "page":
                page += node.text or ""
        heading = " ".join(heading.split())
        if not page.strip().isdigit():
            sys.exit(f'contents entry "{heading}" has no page number')
        entries.append((heading, int(page)))
    return entries


def run(*command):
    try:
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:
        sys.exit(f"{command[0]} is not installed: the second stage needs it (see README)")


def pages(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.M).group(1))


def key(text):
    """Text as compared: letters and digits only, so that line breaks, spacing, dot leaders
    and hyphens (soft or not) where LibreOffice hyphenated do not count."""
    return "".join(c for c in text.casefold() if c.isalnum())


def text(pdf, page):
    return run("pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-")


def lines(pdf):
    """Every line of the PDF as (page, key), in reading order."""
    return [
        (page, key(line))
        for page in range(1, pages(pdf) + 1)
        for line in text(pdf, page).splitlines()
        if key(line)
    ]


def find(heading, lines, start):
    """The index of the first line from `start` that is the heading, alone on one line or
    wrapped over up to three. A contents line never matches, as it ends in its page number."""
    wanted = key(heading)
    for i in range(start, len(lines)):
        joined = ""
        for _, text in lines[i : i + 3]:
            joined += text
            if joined == wanted:
                return i
            if not wanted.startswith(joined):
                break
    return None


def convert(docx, folder):
    """LibreOffice's PDF of the DOCX, made with a profile of its own so that conversions
    running side by side do not wait for or disturb each other."""
    profile = Path(folder, "profile").as_uri()
    options = ["--headless", "--convert-to", "pdf", "--outdir", folder]
    run("soffice", f"-env:UserInstallation={profile}", *options, docx)
    pdf = Path(folder, Path(docx).with_suffix(".pdf").name)
    if not pdf.exists():
        sys.exit(f"LibreOffice wrote no PDF for {docx}")
    return str(pdf)


def main(kvartal_pdf, docx):
    with tempfile.TemporaryDirectory() as folder:
        office_pdf = convert(docx, folder)
        ours, theirs = pages(kvartal_pdf), pages(office_pdf)
        print(f"{docx}: pages: {ours} in kvartal's PDF, {theirs} in LibreOffice's")
        failed = ours != theirs
        # Headings are found in order, each after the one before, so that a title that
        # also appears earlier (in the contents, or a table) is not taken for it.
        found, at = lines(office_pdf), 0
        for heading, page in contents(docx):
            i = find(heading, found, at)
            if i is None:
                print(f'"{heading}": contents says p. {page}, LibreOffice\'s PDF lacks it')
                failed = True
                continue
            at = i + 1
            if found[i][0] != page:
                there = found[i][0]
                print(f'"{heading}": contents says p. {page}, LibreOffice puts it on p. {there}')
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
