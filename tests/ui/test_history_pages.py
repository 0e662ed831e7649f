"""History pages: each table gives only its newest days, and the merged page is still right."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from paincoach.journal.service import Journal
from tests.storage_support import TODAY, activity, checkin, local, open_journal


def _pages(journal: Journal, limit: int) -> list[list[int]]:
    """Every page, as days before today."""
    pages, before = [], None
    while page := journal.history(before=before, limit=limit):
        pages.append([(TODAY - figures.day).days for figures in page])
        before = page[-1].day
    return pages


def test_pages_merge_days_of_both_kinds_in_order(home: Path) -> None:
    journal = open_journal(home)
    for back in (0, 1, 2, 3, 4):  # the newest days have activities only
        journal.add_activity(activity(at=local(TODAY - timedelta(days=back), 10)))
    for back in (2, 3, 5, 6, 7, 8, 9, 10):  # check-ins, two days shared with activities
        journal.add_checkin(checkin(at=local(TODAY - timedelta(days=back), 9)))
    assert _pages(journal, 3) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10]]
    assert _pages(journal, 50) == [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]
    shared = journal.history(before=TODAY - timedelta(days=1), limit=1)[0]
    assert (shared.checkins, shared.activities) == (1, 1)


def test_many_entries_on_one_day_count_as_one_day(home: Path) -> None:
    journal = open_journal(home)
    for hour in range(8, 20):
        journal.add_checkin(checkin(at=local(TODAY, hour)))
        journal.add_activity(activity(at=local(TODAY, hour)))
    journal.add_checkin(checkin(at=local(TODAY - timedelta(days=40), 9)))
    assert _pages(journal, 2) == [[0, 40]]
