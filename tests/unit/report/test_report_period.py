"""The report's chosen-period section (issue 17): the last 3-12 months, with a chart in HTML.

The Markdown is compared whole with `tests/unit/report/expected/period.md`. After an
intended change, write it again with
`PAINCOACH_UPDATE_EXPECTED=1 pytest tests/unit/report/test_report_period.py`, then read the
difference before committing it.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.journal.treatments import Treatments
from paincoach.report import html as report_html
from paincoach.report import markdown as report_markdown
from paincoach.report.build import Report, build_report
from paincoach.services import Services
from tests.review_support import Book
from tests.support import NOW, fixed_clock
from tests.support import run_cli as run

EXPECTED = Path(__file__).parent / "expected" / "period.md"
TODAY = NOW.date()


@pytest.fixture
def book(home: Path) -> Book:
    filled = Book(home)
    filled.days(date(2026, 8, 3), [7] * 20, moods=[4] * 20)
    filled.days(date(2026, 9, 1), [6] * 10)
    filled.checkin(date(2026, 10, 20), 2, mood=6, sleep=5, hour=8)
    filled.checkin(date(2026, 10, 20), 5, sleep=7, hour=20)
    filled.days(date(2026, 10, 1), [6] * 10)
    filled.days(date(2026, 11, 1), [3] * 20, minutes=[20] * 20)
    Treatments(filled.db, fixed_clock).start("<b>physio</b>", kind="other", day=date(2026, 11, 1))
    return filled


def report_with(home: Path, book: Book, months: int, first: date | None = None) -> Report:
    services = Services(home, fixed_clock)
    trends = services.long_view.trends(months)
    services.close()
    start = first or TODAY - timedelta(days=27)
    return build_report(book.db, start, TODAY, now=NOW, trends=trends)


def period_part(markdown: str) -> str:
    """The chosen-period section, from its heading to the next section's."""
    parts = markdown.split("\n## ")
    kept = [f"## {part}" for part in parts[1:] if part.startswith(("The last", "All the"))]
    return "\n".join(kept).rstrip() + "\n"


def test_the_period_section_reads_as_the_clinician_sees_it(home: Path, book: Book) -> None:
    found = period_part(report_markdown.render(report_with(home, book, 6)))
    assert found.startswith("## The last 6 months\n")
    if os.environ.get("PAINCOACH_UPDATE_EXPECTED"):
        EXPECTED.write_text(found, encoding="utf-8")
    assert found == EXPECTED.read_text(encoding="utf-8")


def test_the_figures_are_means_of_day_means(home: Path, book: Book) -> None:
    text = report_markdown.render(report_with(home, book, 6))
    # October: ten days at 6 and one day of 2 and 5 (3.5): 63.5 / 11 = 5.77; one mood 6.0,
    # one sleep (5 + 7) / 2 = 6.0; August to October's moving average (7 + 6 + 5.77) / 3
    assert "| Oct 2026 | 11 | 5.8 | 6.3 | 3.5–6.0 | 6.0 | 6.0 | – |" in text
    assert "| Jun 2026 | 0 | – | – | – | – | – | – |" in text
    assert "| Nov 2026 | 20 | 3.0 | 4.9 | 3.0–3.0 | – | – | 400 |" in text
    assert "Event 1, Sun 1 Nov 2026: Started \\<b\\>physio\\</b\\> (treatment started)." in text


def test_three_months_go_by_week(home: Path, book: Book) -> None:
    text = report_markdown.render(report_with(home, book, 3))
    assert "## The last 3 months" in text and "| Week | Days logged |" in text
    assert "| 23 Nov–27 Nov | 0 | – |" in text  # the week so far, nothing logged in it


def test_the_html_draws_the_months_inline_and_escapes_the_events(home: Path, book: Book) -> None:
    page = report_html.render(report_with(home, book, 12))
    section = re.search(r'<section id="period">.*?</section>', page, re.S)
    assert section is not None
    part = section.group(0)
    assert part.count("<svg") == 1 and "<table>" in part
    assert '<title id="lv-title">Pain by month</title>' in part
    assert part.count("<circle") == 1 + 4  # the legend's, and August to November's means
    assert "&lt;b&gt;physio&lt;/b&gt;" in part and "<b>physio" not in part
    assert "<script" not in page and not re.search(r'(?:src|href)="', page)


def test_a_report_without_months_has_no_period_section(home: Path, book: Book) -> None:
    report = build_report(book.db, TODAY - timedelta(days=27), TODAY, now=NOW)
    assert "## The last" not in report_markdown.render(report)
    assert 'id="period"' not in report_html.render(report)


def test_a_quiet_four_weeks_still_show_the_months(home: Path, book: Book) -> None:
    report = report_with(home, book, 6, first=date(2026, 6, 1))
    quiet = build_report(book.db, date(2026, 6, 1), date(2026, 6, 28), now=NOW)
    trends = report.trends
    text = report_markdown.render(build_report(
        book.db, date(2026, 6, 1), date(2026, 6, 28), now=NOW, trends=trends
    ))  # fmt: skip
    assert quiet.empty and "## Nothing logged" in text and "## The last 6 months" in text


def test_export_takes_months_for_the_reports_only(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    status, out, _ = run(capsys, "export", "--format", "md", "--months", "6", "--out", "-")
    assert status == 0 and "## The last 6 months" in out and "| Nov 2026 | 20 |" in out
    status, _, err = run(capsys, "export", "--format", "md", "--months", "2", "--out", "-")
    assert status == 2 and "'2' cannot be used; choose 3 to 12 months." in err
    status, _, err = run(capsys, "export", "--format", "html", "--months", "six", "--out", "-")
    assert status == 2 and "'six' cannot be used" in err
    status, _, err = run(capsys, "export", "--format", "json", "--months", "6", "--out", "-")
    assert status == 2 and "--months is for the md and html reports." in err
