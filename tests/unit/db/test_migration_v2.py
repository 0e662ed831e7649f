"""Schema 2 (practice): journals of schema 1 and 2 open at the latest schema, every value kept."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from paincoach.core import paths
from paincoach.db import migrations
from paincoach.db.engine import Database
from paincoach.records.practice import Emotion, FlarePlan
from paincoach.settings import load_settings
from tests.fixtures.make_fixtures import (
    CREATED,
    EXPECTED,
    LONG_EVIDENCE,
    PRACTICE_V2,
    practice_uid,
)
from tests.practice_support import FLARE, GOAL, THOUGHTS, drive, open_practice, runner
from tests.storage_support import columns_of, install_fixture, raw_rows, respelled_by_v4
from tests.support import NOW

PRACTICE_TABLES = ("exercise_sessions", "thought_records", "pacing_plans", "goals")


def _tables(db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"
            )
        ]
    finally:
        conn.close()


def _everything(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every value of every table, with its SQLite type and exact bytes."""
    return {
        table: raw_rows(db_path, table, columns_of(db_path, table)) for table in _tables(db_path)
    }


def _user_version(db_path: Path) -> int:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


# -- schema 1 → latest ------------------------------------------------------------------------


def test_a_schema_1_journal_gains_empty_practice_tables_and_keeps_every_value(home: Path) -> None:
    db_path = install_fixture(1, home)
    before = _everything(db_path)
    assert not set(PRACTICE_TABLES) & set(before)
    Database.open(home).close()
    assert _user_version(db_path) == migrations.LATEST
    after = _everything(db_path)
    for table, rows in before.items():
        assert after[table] == rows, table
    for table in PRACTICE_TABLES:
        assert after[table] == [], table
    assert any((home / "backups").glob("before-schema-2-*.db"))


def test_practice_works_on_a_migrated_schema_1_journal(home: Path) -> None:
    install_fixture(1, home)
    practice = open_practice(home)
    assert practice.flare_plan() is None and practice.open_goals() == []
    for exercise_id, answers in (
        ("thought-record", THOUGHTS),
        ("smart-goal", GOAL),
        ("flare-plan", FLARE),
    ):
        r = runner(exercise_id)
        drive(r, answers)
        practice.save_session(r.result())
    assert [t.hot_thought for t in practice.thought_records()] == [THOUGHTS["hot_thought"]]
    assert [g.text for g in practice.open_goals()] == [GOAL["goal"]]
    assert practice.flare_plan() is not None
    # the settings document for the flare plan does not disturb the person's settings
    assert load_settings(practice.db) == EXPECTED[1][2]


# -- schema 2 → latest ------------------------------------------------------------------------


def test_a_schema_2_journal_keeps_every_value_byte_for_byte(home: Path) -> None:
    db_path = install_fixture(2, home)
    before = _everything(db_path)
    assert all(before[table] for table in PRACTICE_TABLES)
    Database.open(home).close()
    assert _user_version(db_path) == migrations.LATEST
    after = _everything(db_path)
    for table, rows in before.items():
        expected = respelled_by_v4(table, columns_of(db_path, table), rows)
        assert after[table] == expected, table


@pytest.fixture
def v2(home: Path) -> Any:
    """The practice service over a copy of the schema-2 fixture, migrated to the latest."""
    install_fixture(2, home)
    return open_practice(home)


def test_schema_2_sessions_read_back(v2: Any) -> None:
    sessions = v2.recent_sessions(limit=100)
    assert len(sessions) == len(PRACTICE_V2)
    by_start = {s.started_at: s for s in sessions}
    for result in PRACTICE_V2:
        found = by_start[result.started_at]
        assert found.started_at.utcoffset() == result.started_at.utcoffset()
        assert (found.exercise_id, found.title, found.kind) == (
            result.exercise_id,
            result.exercise_title,
            result.kind,
        )
        assert found.day == result.started_at.date()
        assert (found.completed, found.steps_done, found.steps_total) == (
            result.completed,
            result.steps_done,
            result.steps_total,
        )
        assert (found.before, found.after) == (result.before, result.after)


def test_schema_2_thought_records_read_back(v2: Any) -> None:
    draft, full = v2.thought_records()
    assert draft.situation == "Late night, can't sleep." and not draft.finished
    assert draft.day == date(2026, 11, 25) and draft.emotions == ()
    assert full.uid == practice_uid(1) and full.session_uid == practice_uid(0)
    assert full.situation == "Tuesday 3pm. [bold]Meine Schwester[/] rang — \x1b[31m 100% _x_"
    assert full.emotions == (Emotion("Sad", 70), Emotion("Ängstlich 😟", 40))
    assert full.thoughts == ("She thinks I'm making excuses.", "I'll never cope [/]")
    assert (full.hot_thought, full.belief, full.balanced_belief) == ("I'll never cope [/]", 80, 60)
    assert full.traps == ("All-or-nothing", "Fortune telling")
    assert full.evidence_for == LONG_EVIDENCE and len(full.evidence_for) == 20_000
    assert full.evidence_against == "I coped last month.\nSam helped."
    assert full.balanced == "It is hard, and I have coped before."
    assert full.emotions_after == (Emotion("Sad", 50), Emotion("Ängstlich 😟", 20))
    assert full.at == datetime.fromisoformat("2026-11-24T19:10:00+00:00")


def test_schema_2_goals_plans_flare_plan_and_paced_activity_read_back(v2: Any) -> None:
    assert [(g.text, g.created_day) for g in v2.open_goals()] == [
        ("Call Åsa on Sunday", date(2026, 11, 22))
    ]
    assert v2.flare_plan() == FlarePlan(
        helps=("Heat pack", "Short walks", "Slow breathing"),
        tell="Text Sam: flaring today, could you do the school run?\nThanks ❤",
        drop=("Ironing", "Big shop (order online)"),
        signs=("Stiff mornings", "Short temper"),
        updated_at=CREATED,
    )
    plans = v2.pacing_plans(active_only=False)
    assert [
        (p.activity, p.unit, p.measurements, p.baseline, p.percent, p.active) for p in plans
    ] == [
        ("Schwimmen", "metres", (200, 250.5, 300), 200, 15.0, False),
        ("walk", "minutes", (10, 12, 14), 10, 10.0, True),  # typed "Walk": schema 4
        ("walk", "minutes", (8, 9, 10), 7, 10.0, False),
    ]
    [walk] = v2.pacing_plans()
    # started 9 November; on 27 November it is week 3: 10 + 2 × 1
    assert (walk.start, walk.week, walk.today_amount, walk.done_today) == (
        date(2026, 11, 9),
        3,
        12,
        0,
    )
    paced = v2.journal.day(date(2026, 11, 26)).activities
    assert [(a.name, a.minutes, a.paced) for a in paced] == [("walk", 12, True)]
    assert v2.journal.entry(practice_uid(16)).minutes == 12


def test_schema_2_done_goal_keeps_its_time(home: Path) -> None:
    db_path = install_fixture(2, home)
    Database.open(home).close()
    conn = sqlite3.connect(db_path)
    try:
        done = conn.execute("SELECT text, done_at FROM goals WHERE done_at IS NOT NULL").fetchall()
    finally:
        conn.close()
    assert done == [("Walk round the block Mon/Wed/Fri 🌳", "2026-11-27T09:00:00+00:00")]


# -- schema 2 constraints ------------------------------------------------------------------------

_STAMP = NOW.isoformat()
_BAD_ROWS = [
    ("exercise_sessions", {"before": 11}),
    ("exercise_sessions", {"after": -1}),
    ("exercise_sessions", {"completed": 2}),
    ("exercise_sessions", {"steps_done": 9, "steps_total": 8}),
    ("exercise_sessions", {"steps_total": 0, "steps_done": 0}),
    ("thought_records", {"belief": 101}),
    ("thought_records", {"balanced_belief": -1}),
    ("pacing_plans", {"baseline": 0}),
    ("pacing_plans", {"percent": 100.5}),
    ("pacing_plans", {"cap": 0}),
    ("pacing_plans", {"active": 2}),
    ("pacing_plans", {"activity": "  "}),
    ("goals", {"text": " "}),
]
_GOOD_ROWS: dict[str, dict[str, object]] = {
    "exercise_sessions": {
        "uid": "s",
        "exercise_id": "x",
        "exercise_title": "X",
        "kind": "breathing",
        "started_at": _STAMP,
        "ended_at": _STAMP,
        "day": "2026-11-27",
        "steps_done": 1,
        "steps_total": 2,
    },
    "thought_records": {
        "uid": "t",
        "at": _STAMP,
        "day": "2026-11-27",
        "created_at": _STAMP,
        "updated_at": _STAMP,
    },
    "pacing_plans": {
        "uid": "p",
        "activity": "walk",
        "baseline": 10,
        "percent": 10,
        "start_day": "2026-11-27",
        "created_at": _STAMP,
        "updated_at": _STAMP,
    },
    "goals": {"uid": "g", "text": "walk", "created_at": _STAMP, "day": "2026-11-27"},
}


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, object]) -> None:
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values()))


@pytest.mark.parametrize(("table", "change"), _BAD_ROWS)
def test_out_of_range_values_are_refused_by_the_schema(
    home: Path, table: str, change: dict[str, object]
) -> None:
    Database.open(home).close()
    conn = sqlite3.connect(paths.database_path(home))
    try:
        _insert(conn, table, _GOOD_ROWS[table])  # the good row is accepted
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            _insert(conn, table, {**_GOOD_ROWS[table], "uid": "other", **change})
    finally:
        conn.close()


def test_one_active_plan_per_activity_whatever_its_case(home: Path) -> None:
    Database.open(home).close()
    conn = sqlite3.connect(paths.database_path(home))
    try:
        row = _GOOD_ROWS["pacing_plans"]
        _insert(conn, "pacing_plans", row)
        _insert(conn, "pacing_plans", {**row, "uid": "old", "activity": "WALK", "active": 0})
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            _insert(conn, "pacing_plans", {**row, "uid": "new", "activity": "Walk"})
    finally:
        conn.close()
