"""After travelling west, "this week so far" stops at today here (issue 12)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.services import Services
from tests.review_support import Book

MON = date(2026, 11, 23)
FRI, SAT = MON + timedelta(days=4), MON + timedelta(days=5)
# Friday 10:30 in Honolulu, after a flight from Auckland, where it was already Saturday.
HONOLULU_NOW = datetime(2026, 11, 27, 10, 30, tzinfo=ZoneInfo("Pacific/Honolulu"))
AUCKLAND = timezone(timedelta(hours=13))


def _travelled(home: Path) -> Services:
    book = Book(home)
    book.checkin(MON + timedelta(days=3), 1)  # Thursday, at home in London
    book.activity(MON + timedelta(days=3), 10, name="walk")
    book.plan("walk", 10, MON - timedelta(days=7))
    services = Services(home, lambda: HONOLULU_NOW)
    services.acknowledge("GB")
    journal = services.journal
    saturday = datetime(2026, 11, 28, 0, 30, tzinfo=AUCKLAND)  # Friday 11:30 UTC
    journal.add_checkin(CheckInDraft(saturday, 9))
    journal.add_activity(ActivityDraft(saturday, "walk", 90))
    assert journal.today() == FRI
    return services


def test_a_day_not_yet_begun_here_is_not_counted_this_week(home: Path) -> None:
    services = _travelled(home)
    summary = services.week_summary(MON)
    services.close()
    assert summary.days_so_far == 5
    figures = {f.key: f.value for f in summary.figures}
    assert figures["days_logged"] == 1
    assert figures["pain_avg"] == 1.0
    assert figures["activity_minutes"] == 10
    saturday = next(point for point in summary.days if point.day == SAT)
    assert (saturday.pain_avg, saturday.activity_minutes) == (None, None)
    [walk] = summary.plans
    assert walk.days[-1].day == FRI
    assert walk.done_total == 10


def test_the_whole_week_counts_once_saturday_begins_here(home: Path) -> None:
    services = _travelled(home)
    services.close()
    later = Services(home, lambda: HONOLULU_NOW + timedelta(hours=14))  # Saturday 00:30
    summary = later.week_summary(MON)
    later.close()
    assert summary.days_so_far == 6
    assert {f.key: f.value for f in summary.figures}["pain_avg"] == 5.0
