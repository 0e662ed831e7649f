"""Schema 4: each pain area, tag and activity name gets one spelling, and no value is lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from paincoach.core import paths
from paincoach.db import migrations
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from paincoach.report.build import build_report
from tests.storage_support import checkin
from tests.support import NOW, fixed_clock

#: Check-ins of a schema-3 journal, oldest saved first: (uid, areas, tags).
CHECKINS: tuple[tuple[str, list[str], list[str]], ...] = (
    ("c1", ["lower back", "Nacken"], ["cold"]),
    ("c2", ["Lower back"], ["Cold", "café"]),
    ("c3", ["LOWER  BACK", "nacken", "Knee"], []),  # two spaces: never saved so, still merged
    ("c4", ["Straße"], ["CAFÉ"]),
    ("c5", ["STRASSE", "knee", "Knee"], ["😴 tired"]),  # a label twice in one entry
    ("c6", [], []),
    ("c7", ["neck"], ["[bold]", "50%_done"]),  # a name of its own, left as it is
)
#: Activities (uid, name, saved at) and pacing plans (uid, activity, saved at, active).
ACTIVITIES = (
    ("a1", "Walk", "2026-11-02T09:00:00+00:00"),
    ("a2", "walk", "2026-11-03T09:00:00+00:00"),
    ("a3", "GARDENING", "2026-11-10T09:00:00+00:00"),
    ("a4", "Gärtnern 🌱", "2026-11-11T09:00:00+00:00"),
    ("a5", "gärtnern 🌱", "2026-11-12T09:00:00+00:00"),
    # saved later than the plan "Schwimmen", though with the lower id
    ("a6", "SCHWIMMEN", "2026-11-20T09:00:00+01:00"),
)
PLANS = (
    ("p1", "walk", "2026-11-01T09:00:00+00:00", 0, "2026-11-05T09:00:00+00:00"),
    ("p2", "WALK", "2026-11-05T09:00:00+00:00", 1, "2026-11-05T09:00:00+00:00"),
    ("p3", "gardening", "2026-11-09T09:00:00+00:00", 1, "2026-11-09T09:00:00+00:00"),
    ("p4", "Schwimmen", "2026-11-20T08:30:00+00:00", 1, "2026-11-20T08:30:00+00:00"),
    # both active: NOCASE cannot tell them apart, casefold can
    ("p5", "Straße", "2026-11-14T09:00:00+00:00", 1, "2026-11-14T09:00:00+00:00"),
    ("p6", "STRASSE", "2026-11-16T09:00:00+00:00", 1, "2026-11-16T09:00:00+00:00"),
)


def _schema_3_journal(home: Path) -> Path:
    """A journal at schema 3, with names spelled several ways (as schema 3 saved them)."""
    home.mkdir(parents=True, exist_ok=True)
    db_path = paths.database_path(home)
    conn = sqlite3.connect(db_path)
    for step in migrations.STEPS[:3]:
        migrations.apply_step(conn.execute, step)
    stamp = "2026-11-27T09:00:00+00:00"
    for uid, areas, tags in CHECKINS:
        conn.execute(
            "INSERT INTO checkins (uid, at, day, pain, areas, tags, created_at, updated_at) "
            "VALUES (?, ?, ?, 5, ?, ?, ?, ?)",
            (uid, stamp, "2026-11-27", json.dumps(areas, ensure_ascii=False),
             json.dumps(tags, ensure_ascii=False), stamp, stamp),
        )  # fmt: skip
    for uid, name, saved in ACTIVITIES:
        conn.execute(
            "INSERT INTO activities (uid, at, day, name, minutes, created_at, updated_at) "
            "VALUES (?, ?, '2026-11-27', ?, 10, ?, ?)",
            (uid, NOW.isoformat(), name, saved, saved),
        )
    for uid, name, saved, active, updated in PLANS:
        conn.execute(
            "INSERT INTO pacing_plans (uid, activity, baseline, percent, start_day, active, "
            "created_at, updated_at) VALUES (?, ?, 10, 10, '2026-11-01', ?, ?, ?)",
            (uid, name, active, saved, updated),
        )
    conn.commit()
    conn.close()
    return db_path


def _rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _by_uid(db_path: Path, table: str) -> dict[str, tuple[Any, ...]]:
    return {row[1]: row for row in _rows(db_path, f"SELECT * FROM {table}")}


@pytest.fixture
def migrated(home: Path) -> tuple[Path, dict[str, dict[str, tuple[Any, ...]]]]:
    """A schema-3 journal with doubled names, opened (so migrated); and its rows before."""
    db_path = _schema_3_journal(home)
    before = {t: _by_uid(db_path, t) for t in ("checkins", "activities", "pacing_plans")}
    Database.open(home).close()
    return db_path, before


#: Where the names are in each table's rows (SELECT *).
NAME_COLUMNS = {"checkins": {7, 8}, "activities": {4}, "pacing_plans": {2}}


def test_each_name_takes_its_first_spelling_and_nothing_else_changes(
    migrated: tuple[Path, Any],
) -> None:
    db_path, before = migrated
    stored = {uid: (json.loads(a), json.loads(t)) for uid, a, t in _rows(
        db_path, "SELECT uid, areas, tags FROM checkins ORDER BY id")}  # fmt: skip
    assert stored == {
        "c1": (["lower back", "Nacken"], ["cold"]),
        "c2": (["lower back"], ["cold", "café"]),
        "c3": (["lower back", "Nacken", "Knee"], []),
        "c4": (["Straße"], ["café"]),
        "c5": (["Straße", "Knee"], ["😴 tired"]),
        "c6": ([], []),
        "c7": (["neck"], ["[bold]", "50%_done"]),
    }
    after = {t: _by_uid(db_path, t) for t in before}
    for table, uids in (("checkins", ("c1", "c6", "c7")), ("activities", ("a4",))):
        for uid in uids:
            assert after[table][uid] == before[table][uid], uid
    # in a changed row only the names moved: every other column (updated_at too) is kept
    for table, rows in after.items():
        assert set(rows) == set(before[table]), table  # no entry lost, none added
        for uid, row in rows.items():
            if (table, uid) == ("pacing_plans", "p5"):
                continue  # the one plan that ends (test below)
            kept = [v for i, v in enumerate(row) if i not in NAME_COLUMNS[table]]
            old = [v for i, v in enumerate(before[table][uid]) if i not in NAME_COLUMNS[table]]
            assert kept == old, (table, uid)


def test_activities_and_plans_share_one_spelling_by_when_each_was_first_saved(
    migrated: tuple[Path, Any],
) -> None:
    db_path, _ = migrated
    names = dict(_rows(db_path, "SELECT uid, name FROM activities"))
    plans = {uid: name for uid, name in _rows(db_path, "SELECT uid, activity FROM pacing_plans")}
    assert names == {
        "a1": "walk",  # the plan p1 was saved first, as "walk"
        "a2": "walk",
        "a3": "gardening",  # the plan p3 (9 November) came before the activity (10th)
        "a4": "Gärtnern 🌱",
        "a5": "Gärtnern 🌱",
        "a6": "SCHWIMMEN",  # 08:00 UTC, before the plan's 08:30 UTC (by the clock, not text)
    }
    assert plans == {
        "p1": "walk",
        "p2": "walk",
        "p3": "gardening",
        "p4": "SCHWIMMEN",
        "p5": "Straße",
        "p6": "Straße",
    }


def test_two_active_plans_for_one_activity_leave_the_newer_active(
    migrated: tuple[Path, Any],
) -> None:
    db_path, before = migrated
    state = {uid: (active, updated) for uid, active, updated in _rows(
        db_path, "SELECT uid, active, updated_at FROM pacing_plans")}  # fmt: skip
    assert state["p6"] == (1, "2026-11-16T09:00:00+00:00")
    # the older plan ended when the newer was saved, as a new plan ends the old one
    assert state["p5"] == (0, "2026-11-16T09:00:00+00:00")
    for uid in ("p1", "p2", "p3", "p4"):  # each kept its own state and end
        assert state[uid] == (before["pacing_plans"][uid][9], before["pacing_plans"][uid][11])


def test_after_the_migration_every_count_and_list_sees_one_name(home: Path) -> None:
    _schema_3_journal(home)
    journal = Journal(Database.open(home), fixed_clock)
    assert journal.used_areas() == ["lower back", "Knee", "Nacken", "Straße", "neck"]
    assert journal.used_tags()[:2] == ["café", "cold"]  # two each
    assert sorted(journal.activity_names()) == ["Gärtnern 🌱", "SCHWIMMEN", "gardening", "walk"]
    report = build_report(journal.db, NOW.date(), NOW.date(), include_notes=False, now=NOW)
    assert report.areas[:3] == (("lower back", 3), ("Knee", 2), ("Nacken", 2))
    assert report.tags[:2] == (("café", 2), ("cold", 2))
    plans = Practice(journal.db, journal, fixed_clock).pacing_plans()
    assert {(p.activity, p.done_today) for p in plans} == {
        ("walk", 20),
        ("gardening", 10),
        ("SCHWIMMEN", 10),
        ("Straße", 0),
    }
    # and a new entry in yet another spelling joins the name
    added = journal.add_checkin(checkin(areas=("Lower Back",), tags=("COLD",)))
    assert (added.areas, added.tags) == (("lower back",), ("cold",))
