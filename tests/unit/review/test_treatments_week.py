"""Treatments in the week: doses per treatment, as-needed days, relief, starts and stops,
the relief insight with its minimum, and the week chart's marks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.journal.treatments import Treatments
from paincoach.records.review import TreatmentMark, TreatmentUse
from paincoach.review.as_json import week_document
from paincoach.review.insights import MIN_RATED_DOSES, week_insights
from paincoach.review.summary import week_summary
from paincoach.review.treatments import treatment_period
from paincoach.widgets.week_chart import chart_text
from tests.review_support import MON, Book, at
from tests.support import fixed_clock
from tests.unit.review.treatment_support import treated_week

D = timedelta(days=1)


@pytest.fixture
def book(home: Path) -> Book:
    return Book(home)


def test_the_week_counts_doses_per_treatment_with_the_relief_rated(book: Book) -> None:
    treated_week(book.db)
    found = week_summary(book.db, MON, week_start=0).treatments
    assert found is not None
    assert found.uses == (
        TreatmentUse("codeine", 1, 0, None),
        TreatmentUse("heat pack", 1, 0, None),
        TreatmentUse("ibuprofen", 3, 3, 7.0),
        TreatmentUse("paracetamol", 1, 1, 5.0),
    )
    assert found.doses == 6


def test_as_needed_days_are_days_not_doses(book: Book) -> None:
    service = treated_week(book.db)
    service.took("heat pack", at=at(MON, 21), confirmed=True)  # a second one on Monday
    found = week_summary(book.db, MON, week_start=0).treatments
    assert found is not None
    # Mon: a heat pack (not regular); Thu: as needed; Fri: codeine after it stopped.
    assert found.as_needed_days == (MON, MON + 3 * D, MON + 4 * D)


def test_starts_and_stops_of_the_week_are_marked(book: Book) -> None:
    treated_week(book.db)
    found = week_summary(book.db, MON, week_start=0).treatments
    assert found is not None
    assert found.marks == (
        TreatmentMark(MON + D, "paracetamol", "started"),
        TreatmentMark(MON + 2 * D, "codeine", "stopped", "side effects"),
    )
    assert [m.words for m in found.marks] == [
        "▲ started paracetamol",
        "▼ stopped codeine (side effects)",
    ]
    before = week_summary(book.db, MON - 7 * D, week_start=0).treatments
    assert before is not None and before.empty


def test_a_dose_changed_on_one_day_is_a_stop_then_a_start(book: Book) -> None:
    service = Treatments(book.db, fixed_clock)
    service.start("ibuprofen", dose="200 mg", day=MON - 9 * D)
    service.stop("ibuprofen", why="other", day=MON + D)
    service.start("ibuprofen", dose="400 mg", day=MON + D)
    found = treatment_period(book.db, MON, MON + 6 * D)
    assert [m.change for m in found.marks] == ["stopped", "started"]
    assert found.marks_on(MON + D) == "▼▲"


def test_a_week_in_progress_counts_the_days_so_far(book: Book) -> None:
    service = Treatments(book.db, fixed_clock)
    today = fixed_clock().date()
    service.took("heat pack", at=at(today - D, 10), confirmed=True)
    summary = week_summary(book.db, today, week_start=0, today=today)
    assert summary.treatments is not None
    assert summary.treatments.last == today
    assert summary.treatments.as_needed_days == (today - D,)


def test_the_week_json_has_the_treatments(book: Book) -> None:
    treated_week(book.db)
    summary = week_summary(book.db, MON, week_start=0)
    doc = week_document(summary, week_insights(book.db, MON, week_start=0))
    found = doc["treatments"]
    assert found["doses"] == 6
    assert found["as_needed_days"] == ["2026-11-16", "2026-11-19", "2026-11-20"]
    assert found["uses"][2] == {"name": "ibuprofen", "doses": 3, "rated": 3, "mean_relief": 7.0}
    assert found["changes"] == [
        {"day": "2026-11-17", "name": "paracetamol", "change": "started", "why": ""},
        {"day": "2026-11-18", "name": "codeine", "change": "stopped", "why": "side effects"},
    ]


# -- the insight ---------------------------------------------------------------------------------


def test_treatment_relief_needs_3_rated_doses_of_one_treatment(book: Book) -> None:
    service = Treatments(book.db, fixed_clock)
    for offset in range(MIN_RATED_DOSES - 1):
        service.took("ibuprofen", at=at(MON + offset * D, 8), relief=6, confirmed=True)
    service.took("heat pack", at=at(MON, 9), relief=9, confirmed=True)
    item = week_insights(book.db, MON, week_start=0).get("treatment_relief")
    assert not item.enough
    assert (item.needs, item.has) == (3, 2)
    assert item.text == (
        "Not enough data yet: needs 3 doses of one treatment rated for how much they helped, has 2."
    )


def test_treatment_relief_is_the_mean_per_treatment_worded_as_an_observation(
    book: Book,
) -> None:
    service = Treatments(book.db, fixed_clock)
    # 4.25 rounds to 4.3 by the one rule (a half away from zero), never 4.2
    for offset, relief in enumerate((4, 4, 4, 5)):
        service.took("Heat pack", at=at(MON - offset * D, 8), relief=relief, confirmed=True)
    for offset, relief in enumerate((7, 8, 8)):
        service.took(
            "ibuprofen", at=at(MON - 20 * D - offset * D, 8), relief=relief, confirmed=True
        )
    service.took("codeine", at=at(MON, 22), relief=2, confirmed=True)  # one rating: left out
    service.took("codeine", at=at(MON - 70 * D, 22), relief=2, confirmed=True)  # before the window
    item = week_insights(book.db, MON, week_start=0).get("treatment_relief")
    assert item.enough and (item.needs, item.has) == (3, 4)
    assert item.text == (
        "By your own ratings of how much each helped (0-10): Heat pack 4.3 on average over 4 "
        "rated doses; ibuprofen 7.7 on average over 3 rated doses."
    )
    assert item.data == {
        "treatments": [
            {"name": "Heat pack", "rated": 4, "mean_relief": 4.3},
            {"name": "ibuprofen", "rated": 3, "mean_relief": 7.7},
        ]
    }
    for word in ("should", "try ", "must", "recommend", "increase", "reduce", "more of", "best"):
        assert word not in (item.text + item.caveat).lower()


# -- the week chart --------------------------------------------------------------------------------


def test_the_week_chart_marks_starts_and_stops_without_colour(book: Book) -> None:
    treated_week(book.db)
    summary = week_summary(book.db, MON, week_start=0)
    assert summary.treatments is not None
    lines = chart_text(summary.days, summary.treatments.marks).plain.splitlines()
    assert lines[2].startswith("Tue 17 ▲  ")
    assert lines[3].startswith("Wed 18 ▼  ")
    assert lines[1].startswith("Mon 16    ")
    assert lines[-2:] == [
        "▲ Tue 17: started paracetamol",
        "▼ Wed 18: stopped codeine (side effects)",
    ]
    assert max(len(line) for line in lines) <= 78


def test_the_week_chart_is_unchanged_without_marks(book: Book) -> None:
    book.days(MON, [5] * 7, minutes=[30] * 7)
    summary = week_summary(book.db, MON, week_start=0)
    lines = chart_text(summary.days, ()).plain.splitlines()
    assert len(lines) == 8
    assert lines[1].startswith("Mon 16  █████")
