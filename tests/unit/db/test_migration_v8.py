"""Schema 8: the person's own marked events. Older journals gain an empty table and lose
nothing; the schema-8 fixture's events read back as the person marked them (the removed one
gone); the table refuses rows that cannot be."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.journal.events import MarkedEvents
from paincoach.records.long_view import MarkedEvent
from tests.fixtures.make_fixtures import EVENTS_V8, REMOVED_V8, event_uid
from tests.storage_support import every_table, install_fixture, raw_rows
from tests.support import fixed_clock


def test_a_schema_7_journal_gains_an_empty_events_table_and_keeps_every_row(home: Path) -> None:
    db_path = install_fixture(7, home)
    before = every_table(db_path)
    exact = {table: raw_rows(db_path, table) for table in before}
    assert "marked_events" not in before
    Database.open(home).close()
    after = every_table(db_path)
    assert {t: after[t] for t in before} == before
    assert {table: raw_rows(db_path, table) for table in before} == exact
    assert after["marked_events"] == []
    assert any((home / "backups").glob("before-schema-8-*.db"))


def test_the_schema_8_events_read_back_exactly(home: Path) -> None:
    install_fixture(8, home)
    db = Database.open(home)
    events = MarkedEvents(db, fixed_clock)
    every = events.every()
    autumn = events.between(date(2026, 10, 1), date(2026, 10, 31))
    db.close()
    kept = [
        MarkedEvent(day, "own", title, event_uid(index))
        for index, (_at, day, title, _note) in enumerate(EVENTS_V8)
        if index != REMOVED_V8
    ]
    assert every == sorted(kept, key=lambda e: e.day)
    assert [e.title for e in autumn] == ["Neue Arbeit 💼 [bold]part time[/]", "痛みの記録"]


def test_the_schema_8_rows_keep_their_notes_and_stamps(home: Path) -> None:
    db_path = install_fixture(8, home)
    Database.open(home).close()
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT uid, day, title, note, created_at, updated_at FROM marked_events ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    assert rows == [
        (event_uid(i), day.isoformat(), title, note, at.isoformat(), at.isoformat())
        for i, (at, day, title, note) in enumerate(EVENTS_V8)
        if i != REMOVED_V8
    ]


@pytest.mark.parametrize(
    ("uid", "title"),
    [
        ("x", ""),  # no title
        ("x", "   "),
        ("00000000-0000-0009-0000-000000000000", "again"),  # a uid the journal holds
        (None, "no uid"),
    ],
)
def test_the_events_table_refuses_a_row_that_cannot_be(
    home: Path, uid: str | None, title: str
) -> None:
    db_path = install_fixture(8, home)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO marked_events (uid, day, title, created_at, updated_at) "
            "VALUES (?, '2026-11-27', ?, 'c', 'u')",
            (uid, title),
        )
    conn.close()
