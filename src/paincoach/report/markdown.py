"""The clinician report as Markdown: plain tables a person can read as text, too."""

from __future__ import annotations

import re

from paincoach.core.textsafe import visible
from paincoach.report.build import Report
from paincoach.report.layout import front, sections, title
from paincoach.report.parts import Section, Table

# Characters that Markdown (or HTML inside it) reads as formatting anywhere in a line, and
# the ones that only matter at its start (headings, lists, quotes).
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^([#+>=-]|\d+[.)](?=\s|$))")


def escape(text: str) -> str:
    """Text as literal Markdown on one line (user words never become formatting or HTML)."""
    flat = _SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))
    return _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], flat)


def _table(table: Table) -> list[str]:
    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(escape(cell) for cell in cells) + " |"

    rule = ["---:" if i in table.numeric else "---" for i in range(len(table.headers))]
    return [line(table.headers), "| " + " | ".join(rule) + " |", *map(line, table.rows)]


def _section(section: Section) -> list[str]:
    lines = [f"## {escape(section.title)}", ""]
    for paragraph in section.paragraphs:
        lines += [escape(paragraph), ""]
    if section.table is not None:
        lines += [*_table(section.table), ""]
    for item in section.items:
        lines.append(f"- {escape(item)}")
    if section.items:
        lines.append("")
    for note in section.notes:
        lines += [f"*{escape(note)}*", ""]
    return lines


def render(report: Report) -> str:
    """The whole report as Markdown text."""
    head = front(report)
    lines = [f"# {escape(title(report))}", "", f"**{escape(head[0])}**", ""]
    for line in head[1:]:
        lines += [escape(line), ""]
    for section in sections(report):
        lines += _section(section)
    if not report.include_notes:
        lines += [
            "*Notes and thought-record text are not included in this report.*",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"
