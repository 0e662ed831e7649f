"""Dates that cannot be meant are questioned before they are saved, not after."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from paincoach.core.errors import UnlikelyDateError
from paincoach.records.entries import unlikely_date
from tests.storage_support import TODAY, activity, checkin, local, open_journal


@pytest.mark.parametrize(
    ("day", "first", "asks"),
    [
        (date(1999, 12, 31), None, True),  # before 2000, even in an empty journal
        (date(2000, 1, 1), None, False),
        (date(1990, 1, 1), date(1989, 6, 1), True),  # before 2000 whatever came first
        (date(2024, 11, 1), date(2026, 1, 1), True),  # 426 days before the first entry
        (date(2025, 1, 1), date(2026, 1, 1), False),  # 365 days before: a diary caught up
        (date(2026, 6, 1), date(2026, 1, 1), False),  # after the first
    ],
)
def test_the_rule(day: date, first: date | None, asks: bool) -> None:
    assert (unlikely_date(day, first) is not None) is asks


def test_the_question_names_both_dates() -> None:
    said = unlikely_date(date(2024, 3, 5), date(2026, 1, 1))
    assert said == (
        "5 March 2024 is more than a year before your first entry (1 January 2026). Is that right?"
    )


def test_an_unlikely_date_is_refused_unless_confirmed(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin())
    for save in (
        lambda **kw: journal.add_checkin(checkin(at=local(date(1990, 1, 1))), **kw),
        lambda **kw: journal.add_activity(activity(at=local(date(2024, 1, 1))), **kw),
    ):
        with pytest.raises(UnlikelyDateError):
            save()
    assert len(journal.day(date(1990, 1, 1)).checkins) == 0
    assert len(journal.day(date(2024, 1, 1)).activities) == 0
    journal.add_checkin(checkin(at=local(date(1990, 1, 1))), confirmed=True)
    journal.add_activity(activity(at=local(date(2024, 1, 1))), confirmed=True)
    assert len(journal.day(date(1990, 1, 1)).checkins) == 1
    assert len(journal.day(date(2024, 1, 1)).activities) == 1


def test_an_edit_is_measured_against_the_other_entries(home: Path) -> None:
    journal = open_journal(home)
    only = journal.add_checkin(checkin())
    # The only entry moved back two years: nothing else to compare with, so it is saved.
    moved = journal.update_checkin(only.uid, checkin(at=local(date(TODAY.year - 2, 1, 1))))
    assert moved.day.year == TODAY.year - 2
    other = journal.add_activity(activity())
    with pytest.raises(UnlikelyDateError):
        journal.update_activity(other.uid, activity(at=local(date(TODAY.year - 4, 1, 1))))
    with pytest.raises(UnlikelyDateError):
        journal.update_checkin(only.uid, checkin(at=local(date(1995, 1, 1))))
