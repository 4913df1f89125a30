#!/usr/bin/env python3
"""Writes a stress report: 40 focus areas and 1,000 activities, each activity with two
paragraphs of progress and three metrics, to the file named on the command line.

    python3 scripts/stress_report.py target/stress/stress.yaml

The text is Swedish, with long compounds, so hyphenation and line breaking get real work.
"""
import random
import sys

FOCUS_AREAS = 40
ACTIVITIES = 1000
WORDS = (
    "kommunen polisen trygghet brottsförebyggande trygghetsskapande samverkan insatser "
    "medborgardialog lägesbild kvartalet arbetet fortsatt åtgärder ungdomar föräldrar "
    "skolan fritidsgårdar närvaro synlighet centrum bostadsområden fastighetsägare "
    "uppföljning handlingsplan socialtjänsten kartläggning riskmiljöer narkotika vapen"
).split()


def paragraph(rng, sentences):
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def block(text, indent):
    pad = " " * indent
    return "|\n" + "\n".join(pad + line for line in [text[i:i + 90] for i in range(0, len(text), 90)])


def metric(rng, ident, name):
    return (
        f"      - id: {ident}\n"
        f"        name: {name}\n"
        f"        value: {rng.randint(0, 250000) / 10}\n"
        f"        unit: st\n"
        f"        target: {rng.randint(0, 250000) / 10}\n"
    )


def main(path):
    rng = random.Random(2023)
    out = [
        "programme: Stresstest 2023\n",
        "period:\n  year: 2023\n  quarter: 4\n",
        "language: sv\n",
        "date: 2024-01-15\n",
        "organisations:\n  - name: Provkommunen\n",
        "meeting:\n  body: Kommunstyrelsen\n  date: 2024-02-01\n  case_number: KS 2023/9999\n",
        "summary: " + block(paragraph(rng, 6), 2) + "\n",
        "focus_areas:\n",
    ]
    statuses = ["on_track", "at_risk", "off_track", "achieved", "not_started"]
    for f in range(FOCUS_AREAS):
        out.append(
            f"  - id: fokus-{f}\n    title: Fokusområde {f + 1}\n"
            f"    status: {statuses[f % 5]}\n"
            f"    goal: {block(paragraph(rng, 2), 6)}\n"
        )
    out.append("activities:\n")
    activity_statuses = ["planned", "ongoing", "completed", "delayed", "cancelled"]
    for a in range(ACTIVITIES):
        progress = paragraph(rng, 4) + "\n\n" + paragraph(rng, 3)
        out.append(
            f"  - id: aktivitet-{a}\n    title: Aktivitet {a + 1}\n"
            f"    focus_areas: [fokus-{a % FOCUS_AREAS}]\n"
            f"    status: {activity_statuses[a % 5]}\n"
            f"    responsible: [Polisen, Provkommunen]\n"
            f"    progress: |\n"
            + "".join(f"      {line}\n" for line in progress.split("\n"))
            + "    metrics:\n"
            + "".join(metric(rng, f"m-{a}-{k}", f"Nyckeltal {k + 1}") for k in range(3))
        )
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


if __name__ == "__main__":
    # "--help" or any option is not a file name to write a report to.
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit("usage: stress_report.py OUT.yaml")
    main(sys.argv[1])
