"""The pieces every report section is made of: plain text tables and titled sections.

Cells hold plain text (user words included): each renderer escapes them for its format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from paincoach.records.review import Scale
from paincoach.report.build import WeekRow
from paincoach.review.changes import shown

DASH = "–"


@dataclass(frozen=True)
class Table:
    """A table: headers, rows of text cells, and which columns hold numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    strong: frozenset[tuple[int, int]] = frozenset()  # (row, column) cells to stress


@dataclass(frozen=True)
class Section:
    """A titled part of the report; `chart` names a chart the HTML report draws there."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None
    notes: tuple[str, ...] = ()
    chart: str = ""
    items: tuple[str, ...] = field(default_factory=tuple)  # a bulleted list


def value_text(value: float | None, scale: Scale) -> str:
    """A figure as shown in the report ('–' when there is none)."""
    return DASH if value is None else shown(value, scale)


def day_text(day: date) -> str:
    """'Mon 26 Oct 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def week_label(row: WeekRow) -> str:
    """'16–22 Nov', or '30 Nov–2 Dec (3 days)' for a week cut by the period."""
    if row.first.month == row.last.month:
        label = f"{row.first.day}–{row.last.day} {row.last:%b}"
    else:
        label = f"{row.first.day} {row.first:%b}–{row.last.day} {row.last:%b}"
    return label if row.days == 7 else f"{label} ({row.days} days)"
