"""The report's treatments: the regular list, as-needed days by week, relief, and the marks
on the day chart, from a journal made through the `Treatments` service."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from paincoach.report import html as report_html
from paincoach.report import markdown as report_markdown
from paincoach.report.build import Report, build_report
from paincoach.report.layout import sections
from paincoach.report.parts import Section
from tests.review_support import MON, at
from tests.support import NOW, fixed_clock
from tests.unit.review.treatment_support import treated_week

D = timedelta(days=1)
FIRST, LAST = MON - 7 * D, MON + 6 * D  # W46 and W47


@pytest.fixture
def db(home: Path) -> Database:
    found = Database.open(home)
    treated_week(found)
    return found


def made(db: Database, *, last: object = LAST, notes: bool = False) -> Report:
    return build_report(db, FIRST, last, include_notes=notes, now=NOW)  # type: ignore[arg-type]


def section(report: Report, key: str) -> Section:
    return next(s for s in sections(report) if s.key == key)


def test_the_treatment_sections_come_before_the_day_chart(db: Database) -> None:
    keys = [s.key for s in sections(made(db))]
    assert keys[: keys.index("chart") + 1] == [
        "summary",
        "weeks",
        "treatments",
        "as_needed",
        "relief",
        "chart",
    ]


def test_the_regular_list_is_in_use_by_name_then_stopped_with_why(db: Database) -> None:
    found = section(made(db), "treatments")
    assert found.table is not None
    assert found.table.headers == (
        "Treatment",
        "Kind",
        "Dose",
        "How often",
        "As needed",
        "Since",
        "Stopped",
        "Why stopped",
    )
    assert found.table.rows == (
        ("ibuprofen", "medicine", "400 mg", "three times a day", "no", "Sat 17 Oct 2026", "–", "–"),
        ("paracetamol", "medicine", "1 g", "–", "yes", "Tue 17 Nov 2026", "–", "–"),
        (
            "codeine",
            "medicine",
            "30 mg",
            "at night",
            "no",
            "Thu 17 Sep 2026",
            "Wed 18 Nov 2026",
            "side effects",
        ),
    )


def test_the_list_is_as_at_the_periods_end(db: Database) -> None:
    Treatments(db, fixed_clock).start("TENS machine", kind="other", day=MON + 3 * D)
    found = section(made(db, last=MON + D), "treatments")  # to Tuesday: codeine stops Wed
    assert found.table is not None
    assert [(row[0], row[6]) for row in found.table.rows] == [
        ("codeine", "–"),
        ("ibuprofen", "–"),
        ("paracetamol", "–"),
    ]
    later = section(made(db), "treatments").table
    assert later is not None and ("TENS machine", "other treatment") in [r[:2] for r in later.rows]


def test_a_stop_note_is_shown_only_with_the_notes(db: Database) -> None:
    assert section(made(db), "treatments").items == ()
    assert section(made(db, notes=True), "treatments").items == (
        "codeine, why it stopped: made me drowsy",
    )
    assert "drowsy" not in report_markdown.render(made(db))


def test_as_needed_days_are_counted_by_week(db: Database) -> None:
    found = section(made(db), "as_needed")
    assert found.table is not None
    assert found.table.rows == (("9–15 Nov", "0", "–"), ("16–22 Nov", "3", "Mon, Thu, Fri"))
    assert "Days are counted, not doses: 3 of the 14 days." in found.paragraphs[0]


def test_relief_is_the_mean_per_treatment_with_how_many_rated(db: Database) -> None:
    found = section(made(db), "relief")
    assert found.table is not None
    assert found.table.rows == (
        ("codeine", "1", "0", "–"),
        ("heat pack", "1", "0", "–"),
        ("ibuprofen", "3", "3", "7.0"),
        ("paracetamol", "1", "1", "5.0"),
    )


def test_starts_and_stops_are_a_line_in_markdown_and_marks_on_the_html_chart(
    db: Database,
) -> None:
    report = made(db)
    line = (
        "Regular treatments started (▲) and stopped (▼): ▲ started paracetamol on Tue 17 Nov "
        "2026; ▼ stopped codeine (side effects) on Wed 18 Nov 2026."
    )
    assert f"*{line}*" in report_markdown.render(report)
    html = report_html.render(report)
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert chart.count('stroke-dasharray="2 3"') == 2
    assert ">▲</text>" in chart and ">▼</text>" in chart
    assert "▲ started paracetamol on 17 Nov." in chart  # the description read aloud
    assert "▲ and ▼ mark a regular treatment started and stopped" in html
    assert line in html


def test_no_treatments_no_sections_and_no_marks(home: Path) -> None:
    db = Database.open(home)
    report = build_report(db, FIRST, LAST, now=NOW)
    assert report.empty
    Treatments(db, fixed_clock).took("heat pack", at=at(MON, 9), confirmed=True)
    report = build_report(db, FIRST, LAST, now=NOW)
    keys = [s.key for s in sections(report)]
    assert "treatments" not in keys and {"as_needed", "relief"} <= set(keys)
    assert "▲" not in report_markdown.render(report)


def test_the_treatment_sections_give_no_advice(db: Database) -> None:
    report = made(db, notes=True)
    words = " ".join(
        " ".join((*s.paragraphs, *s.notes, *s.items))
        for s in sections(report)
        if s.key in ("treatments", "as_needed", "relief", "chart")
    ).lower()
    for advice in ("should", "try ", "must", "recommend", "consider", "increase", "reduce"):
        assert advice not in words, advice


def test_treatment_names_cannot_become_markup(home: Path) -> None:
    db = Database.open(home)
    service = Treatments(db, fixed_clock)
    service.start("<b>x</b> | *y*", dose="# 2", day=MON + D)
    service.took("<b>x</b> | *y*", at=at(MON + D, 9), relief=4, confirmed=True)
    report = build_report(db, FIRST, LAST, now=NOW)
    html = report_html.render(report)
    assert "<b>x" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    md = report_markdown.render(report)
    assert "<b>" not in md and "\\*y\\*" in md
    rows = [line for line in md.splitlines() if line.startswith("| <") or "\\<b" in line]
    assert rows and all(not re.search(r"(?<!\\)\|\s\*y", row) for row in rows)
