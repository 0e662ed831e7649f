"""The person's own marked events: added with a checked title and day, read by span and all,
removed by uid. Every moment is the frozen clock's (tests/support.py: Fri 27 Nov 2026)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.core.errors import InputError, NotFoundError, UnlikelyDateError
from paincoach.db.engine import Database
from paincoach.journal.events import MarkedEvents
from paincoach.records.long_view import MarkedEvent
from paincoach.services import Services
from tests.storage_support import TODAY, checkin, local, open_journal
from tests.support import NOW, fixed_clock


@pytest.fixture
def events(home: Path) -> Iterator[MarkedEvents]:
    db = Database.open(home)
    yield MarkedEvents(db, fixed_clock)
    db.close()


def stored_rows(home: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(home / "paincoach.db")
    try:
        return conn.execute("SELECT uid, day, title, note FROM marked_events").fetchall()
    finally:
        conn.close()


def test_an_event_is_kept_trimmed_as_the_long_views_record(
    events: MarkedEvents, home: Path
) -> None:
    added = events.add(date(2026, 11, 2), "  started   physiotherapy \n")
    assert added == MarkedEvent(
        day=date(2026, 11, 2), kind="own", title="started physiotherapy", uid=added.uid
    )
    assert added.uid
    assert stored_rows(home) == [(added.uid, "2026-11-02", "started physiotherapy", "")]
    assert events.every() == [added]


def test_today_and_a_note_are_fine(events: MarkedEvents, home: Path) -> None:
    added = events.add(TODAY, "New job", note="Part time, mornings  \n")
    assert added.day == NOW.date()
    assert stored_rows(home)[0][3] == "Part time, mornings"


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("", "a few words"),
        (" \n\t ", "a few words"),
        ("x" * 81, "up to 80 characters; this has 81"),
        ("started\x00physio", "NUL"),
    ],
)
def test_a_title_that_cannot_be_kept_is_refused(
    events: MarkedEvents, home: Path, title: str, words: str
) -> None:
    with pytest.raises(InputError) as caught:
        events.add(TODAY, title)
    assert caught.value.field == "title" and words in caught.value.message
    assert stored_rows(home) == []


def test_eighty_characters_are_enough(events: MarkedEvents) -> None:
    assert len(events.add(TODAY, "é" * 80).title) == 80


def test_a_note_with_a_nul_is_refused(events: MarkedEvents, home: Path) -> None:
    with pytest.raises(InputError) as caught:
        events.add(TODAY, "surgery", note="a\x00b")
    assert caught.value.field == "note"
    assert stored_rows(home) == []


def test_a_day_still_to_come_is_refused(events: MarkedEvents, home: Path) -> None:
    with pytest.raises(InputError) as caught:
        events.add(TODAY + timedelta(days=1), "surgery")
    assert caught.value.message == (
        "28 November 2026 is still to come; mark a day once it has happened."
    )
    assert stored_rows(home) == []


def test_a_day_outside_the_years_kept_is_refused(events: MarkedEvents) -> None:
    with pytest.raises(InputError) as caught:
        events.add(date(1850, 1, 1), "born", confirmed=True)
    assert "outside the years paincoach keeps" in caught.value.message


def test_an_unlikely_day_is_questioned_unless_confirmed(events: MarkedEvents, home: Path) -> None:
    with pytest.raises(UnlikelyDateError) as caught:
        events.add(date(1995, 6, 1), "the accident")
    assert "1 June 1995 is a long time ago" in caught.value.message
    assert stored_rows(home) == []
    assert events.add(date(1995, 6, 1), "the accident", confirmed=True).day == date(1995, 6, 1)


def test_more_than_a_year_before_the_first_entry_is_questioned(
    events: MarkedEvents, home: Path
) -> None:
    open_journal(home).add_checkin(checkin(local(date(2026, 1, 10), 9)))
    events.add(date(2025, 2, 1), "diagnosis")  # within a year of it: not asked
    with pytest.raises(UnlikelyDateError) as caught:
        events.add(date(2024, 12, 1), "first flare")
    assert "more than a year before your first entry (10 January 2026)" in caught.value.message


def test_the_same_title_on_the_same_day_is_not_marked_twice(events: MarkedEvents) -> None:
    events.add(date(2026, 11, 2), "Started physiotherapy")
    with pytest.raises(InputError) as caught:
        events.add(date(2026, 11, 2), "started  PHYSIOTHERAPY")
    assert caught.value.message == '"Started physiotherapy" is marked on 2 November 2026 already.'
    assert events.add(date(2026, 11, 3), "started physiotherapy").day == date(2026, 11, 3)
    assert len(events.every()) == 2


def test_between_reads_a_span_oldest_first_both_ends_included(events: MarkedEvents) -> None:
    made = [
        events.add(date(2026, 9, 30), "before"),
        events.add(date(2026, 11, 1), "first day"),
        events.add(date(2026, 10, 1), "start"),
        events.add(date(2026, 10, 31), "end"),
        events.add(date(2026, 10, 15), "middle b"),
    ]
    middle = events.add(date(2026, 10, 15), "middle a")  # added later on the same day: after
    found = events.between(date(2026, 10, 1), date(2026, 10, 31))
    assert [e.title for e in found] == ["start", "middle b", "middle a", "end"]
    assert found[2] == middle
    assert [e.title for e in events.every()] == [
        "before",
        "start",
        "middle b",
        "middle a",
        "end",
        "first day",
    ]
    assert {e.uid for e in events.every()} == {e.uid for e in [*made, middle]}


def test_remove_takes_one_away_and_says_what_it_was(events: MarkedEvents, home: Path) -> None:
    keep = events.add(date(2026, 11, 1), "new job")
    gone = events.add(date(2026, 11, 2), "moved house")
    assert events.remove(gone.uid) == gone
    assert events.every() == [keep]
    with pytest.raises(NotFoundError):
        events.remove(gone.uid)
    assert not (home / "paincoach.db-wal").exists() or (
        b"moved house" not in (home / "paincoach.db-wal").read_bytes()
    )


def test_services_hands_out_one_on_the_shared_clock(home: Path) -> None:
    services = Services(home, fixed_clock)
    try:
        assert services.events is services.events
        added = services.events.add(TODAY, "started physiotherapy")
        assert services.events.between(TODAY, TODAY) == [added]
    finally:
        services.close()
