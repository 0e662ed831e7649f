"""The week's pacing days follow the plan as the person followed it (issue 15): holds,
steps back and goals change what was planned each day, whatever day their week starts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.practice.pacing_plans import PacingPlans
from paincoach.review.summary import week_summary
from tests.review_support import MON, Book, at

D = timedelta(days=1)
WED = MON - 12 * D  # Wednesday 4 November: the plan's weeks run Wednesday to Tuesday


@pytest.fixture
def book(home: Path) -> Book:
    return Book(home, week_start=6)  # this person's weeks run Sunday to Saturday


def planned(book: Book, first: date, week_start: int = 6) -> list[int]:
    [walk] = week_summary(book.db, first, week_start=week_start).plans
    return [day.quota for day in walk.days]


def test_a_week_from_sunday_shows_the_plans_rise_on_its_own_wednesday(book: Book) -> None:
    book.plan("walk", 10, WED, percent=10.0)
    # Sunday 15 to Saturday 21 November: plan week 2 until Tuesday, week 3 from Wednesday
    assert planned(book, MON - D) == [11, 11, 11, 12, 12, 12, 12]


def test_a_hold_made_on_a_saturday_keeps_wednesdays_rise_away(book: Book) -> None:
    book.plan("walk", 10, WED, percent=10.0)
    saturday = MON - 2 * D  # plan week 2; the person's week ends today
    PacingPlans(book.db, lambda: at(saturday)).hold("walk")
    assert planned(book, MON - D) == [11] * 7  # the next week (from Sunday) did not rise
    assert planned(book, MON + 6 * D)[:4] == [11, 11, 11, 12]  # it rises a plan week later


def test_a_step_back_in_the_middle_of_a_week_counts_from_its_day(book: Book) -> None:
    book.plan("walk", 10, WED, percent=10.0)
    PacingPlans(book.db, lambda: at(MON + D)).step_back("walk")  # Tuesday 17
    assert planned(book, MON - D) == [11, 11, 10, 11, 11, 11, 11]


def test_the_same_days_read_the_same_in_a_week_from_monday(book: Book) -> None:
    book.plan("walk", 10, WED, percent=10.0)
    PacingPlans(book.db, lambda: at(MON - 2 * D)).hold("walk")
    sunday_weeks = planned(book, MON - D) + planned(book, MON + 6 * D)
    monday_weeks = planned(book, MON, week_start=0)
    assert monday_weeks == sunday_weeks[1:8]
