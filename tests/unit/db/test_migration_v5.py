"""Schema 5: course progress. Older journals gain an empty table and lose nothing; the
schema-5 fixture's course steps read back as the person took them."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from paincoach.db import course_repository
from paincoach.db.engine import Database
from paincoach.exercises.loader import load_library
from paincoach.practice.course import Courses
from tests.fixtures.make_fixtures import COURSE_V5, course_uid
from tests.storage_support import every_table, install_fixture
from tests.support import fixed_clock


def test_a_schema_4_journal_gains_an_empty_course_table_and_keeps_every_row(home: Path) -> None:
    db_path = install_fixture(4, home)
    before = every_table(db_path)
    assert "course_events" not in before
    Database.open(home).close()
    after = every_table(db_path)
    assert {t: after[t] for t in before} == before
    assert after["course_events"] == []
    assert any((home / "backups").glob("before-schema-5-*.db"))


def test_the_schema_5_course_steps_read_back_exactly(home: Path) -> None:
    install_fixture(5, home)
    db = Database.open(home)
    with db.read() as session:
        events = course_repository.events(session)
    assert [e.uid for e in events] == [course_uid(i) for i in range(len(COURSE_V5))]
    assert [(e.at, e.at.utcoffset()) for e in events] == [
        (at, at.utcoffset()) for at, *_ in COURSE_V5
    ]
    assert [(e.action, e.week) for e in events] == [
        ("start", 1), ("week", 2), ("pause", None), ("resume", None), ("week", 2), ("week", 4),
    ]  # fmt: skip
    view = Courses(db, lambda: load_library(None), home, fixed_clock).view()
    db.close()
    assert view is not None
    assert (view.state, view.week, view.started) == ("active", 4, date(2026, 10, 26))
    assert [w.begun for w in view.weeks[:4]] == [
        date(2026, 10, 26), date(2026, 11, 9), None, date(2026, 11, 16),
    ]  # fmt: skip


@pytest.mark.parametrize("action", ["jump", "start"])
def test_the_table_refuses_a_step_that_cannot_be(home: Path, action: str) -> None:
    db_path = install_fixture(5, home)
    conn = sqlite3.connect(db_path)
    week = None if action == "start" else 3  # a start needs a week; 'jump' is no action
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO course_events (uid, course_id, action, week, at, day) "
            "VALUES ('x', 'eight-weeks', ?, ?, '2026-11-27T09:00:00+00:00', '2026-11-27')",
            (action, week),
        )
    conn.close()
