"""`paincoach trends`: months side by side, events with before and after, and stable JSON.

Today is the frozen Friday 27 Nov 2026. The figures below are worked out by hand from the
journal the `book` fixture writes; every mean is a mean of day means.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from paincoach.journal.treatments import Treatments
from tests.review_support import Book
from tests.support import fixed_clock
from tests.support import run_cli as run

D = timedelta(days=1)


@pytest.fixture
def book(home: Path) -> Book:
    filled = Book(home)
    filled.days(date(2026, 9, 1), [6] * 10)
    filled.checkin(date(2026, 9, 1), 0, hour=20)  # September: (3 + 9 × 6) / 10 = 5.7
    filled.days(date(2026, 10, 1), [6] * 10)
    filled.checkin(date(2026, 10, 20), 2, hour=8)
    filled.checkin(date(2026, 10, 20), 4, hour=20)  # a day mean of 3: October (60 + 3) / 11
    filled.days(date(2026, 11, 1), [3] * 20)  # November so far: 3.0
    filled.activity(date(2026, 11, 5), 30)
    filled.activity(date(2026, 11, 6), 15)
    Treatments(filled.db, fixed_clock).start("physiotherapy", kind="other", day=date(2026, 11, 1))
    return filled


def document(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    status, out, err = run(capsys, "trends", *argv, "--json")
    assert (status, err) == (0, ""), err
    found = json.loads(out)
    assert isinstance(found, dict)
    return found


def row(out: str, label: str) -> list[str]:
    line = next(line for line in out.splitlines() if line.startswith(label))
    return line[len(label) :].split()


def test_the_table_has_each_months_figures(capsys: pytest.CaptureFixture[str], book: Book) -> None:
    status, out, err = run(capsys, "trends", "--months", "6")
    assert (status, err) == (0, "")
    assert out.startswith("Trends, the last 6 months (1 Jun 2026 – 27 Nov 2026): pain\n")
    assert row(out, "Jun 2026") == ["–", "–", "–", "0", "of", "30", "–"]
    assert row(out, "Sep 2026") == ["5.7", "5.7", "3.0–6.0", "10", "of", "30", "–"]
    # October: 63 / 11 = 5.727; its moving average (5.7 + 5.727) / 2, August having no days
    assert row(out, "Oct 2026") == ["5.7", "5.7", "3.0–6.0", "11", "of", "31", "–"]
    # November so far: (5.7 + 5.727 + 3.0) / 3 = 4.81
    assert row(out, "Nov 2026") == ["3.0", "4.8", "3.0–3.0", "20", "of", "27", "45"]
    assert "Sun 1 Nov 2026  Started physiotherapy (treatment started)" in out
    # the four weeks before: 4-10 Oct at 6 and 20 Oct at 3 = 45 / 8; after: 20 days at 3
    assert (
        "From Sun 1 Nov 2026, your pain was lower: 3.0 on average over 20 days, against 5.6 "
        "over 8 days in the 4 weeks before." in out
    )
    assert "not medical advice" in out and "\x1b" not in out


def test_three_months_go_by_week(capsys: pytest.CaptureFixture[str], book: Book) -> None:
    status, out, _ = run(capsys, "trends", "--months", "3", "--show", "Mood")
    assert status == 0
    assert ": mood\n" in out.splitlines()[0] + "\n"
    assert row(out, "Mon 23 Nov") == ["–", "–", "–", "0", "of", "5", "–"]
    assert "over 4 weeks" in out


def test_json_gives_monthly_means_by_month_events_and_before_after(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    doc = document(capsys)
    assert set(doc) == {
        "format", "version", "measure", "months", "grain", "first", "last",
        "monthly_means", "periods", "events", "before_after",
    }  # fmt: skip
    assert (doc["format"], doc["version"], doc["months"], doc["grain"]) == (
        "paincoach-trends", 1, 12, "month",
    )  # fmt: skip
    means = doc["monthly_means"]
    assert list(means) == ["2025-12", *(f"2026-{m:02d}" for m in range(1, 12))]
    assert means["2026-10"] == {"pain": 5.7, "mood": None, "sleep": None}
    assert means["2026-11"]["pain"] == 3.0 and means["2026-05"]["pain"] is None
    periods = doc["periods"]
    assert len(periods) == 12
    november = periods[-1]
    assert november["label"] == "2026-11" and november["last"] == "2026-11-27"
    assert november["pain"] == {"mean": 3.0, "lowest": 3.0, "highest": 3.0, "days": 20}
    assert november["moving_average"]["pain"] == 4.8 and november["activity_minutes"] == 45
    assert doc["events"] == [
        {"day": "2026-11-01", "kind": "treatment-start", "title": "Started physiotherapy"}
    ]
    (compared,) = doc["before_after"]
    assert {k: compared[k] for k in ("days_before", "days_after", "mean_before", "mean_after")} == {
        "days_before": 8, "days_after": 20, "mean_before": 5.6, "mean_after": 3.0,
    }  # fmt: skip
    assert compared["enough"] is True and compared["needs"] == 7
    assert compared["words"].endswith("other things change too.")


def test_json_over_three_months_still_gives_the_months(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    doc = document(capsys, "--months", "3")
    # 13 whole weeks, this one too: from Monday 31 August
    assert doc["grain"] == "week" and doc["first"] == "2026-08-31"
    assert doc["monthly_means"] == {  # the span's days only
        "2026-08": {"pain": None, "mood": None, "sleep": None},
        "2026-09": {"pain": 5.7, "mood": None, "sleep": None},
        "2026-10": {"pain": 5.7, "mood": None, "sleep": None},
        "2026-11": {"pain": 3.0, "mood": None, "sleep": None},
    }


def test_all_time_starts_with_the_first_month(
    capsys: pytest.CaptureFixture[str], book: Book
) -> None:
    doc = document(capsys, "--months", "all")
    assert doc["months"] is None and doc["first"] == "2026-09-01"
    assert list(doc["monthly_means"]) == ["2026-09", "2026-10", "2026-11"]


def test_an_empty_journal_says_so(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, out, _ = run(capsys, "trends")
    assert status == 0 and "No check-ins in these months yet" in out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--months", "5"], "'5' cannot be used; choose 3, 6, 12 or all."),
        (["--months", "ever"], "'ever' cannot be used"),
        (["--show", "steps"], "'steps' cannot be shown; choose pain, mood or sleep."),
    ],
)
def test_bad_values_exit_2(
    capsys: pytest.CaptureFixture[str], home: Path, argv: list[str], said: str
) -> None:
    status, out, err = run(capsys, "trends", *argv)
    assert status == 2 and out == "" and said in err


def test_other_commands_do_not_pay_for_the_long_view() -> None:
    # Every command builds the whole parser: the calendar's and trends' parts stay light.
    probe = (
        "import sys; from paincoach.cli.main import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith(('rich', 'sqlalchemy', "
        "'paincoach.review', 'paincoach.db'))))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"
