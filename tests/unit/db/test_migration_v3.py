"""Schema 3 (weekly checks): journals of schema 1, 2 and 3 open at the latest, every value kept."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from paincoach.core import paths
from paincoach.db import migrations
from paincoach.db.engine import Database
from paincoach.records.review import WeeklyAnswers
from paincoach.review.weekly_check import WeeklyChecks
from tests.fixtures.make_fixtures import CREATED, WEEKLY_V3, weekly_uid
from tests.storage_support import columns_of, install_fixture, raw_rows, respelled_by_v4
from tests.support import NOW, fixed_clock


def _everything(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
    finally:
        conn.close()
    return {table: raw_rows(db_path, table, columns_of(db_path, table)) for table in tables}


def _respelled(db_path: Path, tables: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
    """`tables` as schema 4 leaves them (one spelling per name: tests/storage_support.py)."""
    return {t: respelled_by_v4(t, columns_of(db_path, t), rows) for t, rows in tables.items()}


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_journal_gains_an_empty_weekly_checks_table(home: Path, version: int) -> None:
    db_path = install_fixture(version, home)
    before = _everything(db_path)
    assert "weekly_checks" not in before
    Database.open(home).close()
    after = _everything(db_path)
    assert {t: after[t] for t in before} == _respelled(db_path, before)
    assert after["weekly_checks"] == []
    assert any((home / "backups").glob(f"before-schema-{version + 1}-*.db"))


def test_weekly_checks_work_on_a_migrated_schema_1_journal(home: Path) -> None:
    install_fixture(1, home)
    checks = WeeklyChecks(Database.open(home), fixed_clock)
    saved = checks.record(WeeklyAnswers(4, 5, 6))
    # the stored week start in the v1 fixture is Sunday (6): Friday 27 Nov → Sunday 22 Nov
    assert saved.week_start == date(2026, 11, 22)
    assert checks.for_week(date(2026, 11, 22)) == saved


def test_a_schema_3_journal_keeps_every_value_byte_for_byte(home: Path) -> None:
    db_path = install_fixture(3, home)
    before = _everything(db_path)
    assert before["weekly_checks"]
    Database.open(home).close()
    after = _everything(db_path)
    assert {t: after[t] for t in before} == _respelled(db_path, before)
    assert all(after[t] == [] for t in after if t not in before)  # later schemas' new tables


def test_schema_3_weekly_checks_read_back(home: Path) -> None:
    install_fixture(3, home)
    checks = WeeklyChecks(Database.open(home), fixed_clock)
    found = checks.recent(limit=10)
    assert [c.uid for c in found] == [weekly_uid(i) for i in (2, 1, 0)]
    by_uid = {c.uid: c for c in found}
    for index, (at, answers, _week_start) in enumerate(WEEKLY_V3):
        check = by_uid[weekly_uid(index)]
        assert check.at == at and check.at.utcoffset() == at.utcoffset()
        assert check.day == at.date()
        assert (check.pain, check.enjoyment, check.activity) == (
            answers.pain,
            answers.enjoyment,
            answers.activity,
        )
    # stored under the week start in force when given: Monday for the first, Sunday after
    assert [by_uid[weekly_uid(i)].week_start for i in range(3)] == [
        date(2026, 11, 9),
        date(2026, 11, 15),
        date(2026, 11, 22),
    ]
    assert checks.for_week(date(2026, 11, 15)) == by_uid[weekly_uid(1)]
    assert by_uid[weekly_uid(1)].score == 10.0 and by_uid[weekly_uid(2)].score == 0.3


def test_schema_3_created_at_is_kept(home: Path) -> None:
    db_path = install_fixture(3, home)
    Database.open(home).close()
    conn = sqlite3.connect(db_path)
    try:
        stamps = {row[0] for row in conn.execute("SELECT created_at FROM weekly_checks")}
    finally:
        conn.close()
    assert stamps == {CREATED.isoformat()}


_GOOD = {
    "uid": "w",
    "at": NOW.isoformat(),
    "day": "2026-11-27",
    "week_start": "2026-11-23",
    "pain": 5,
    "enjoyment": 5,
    "activity": 5,
    "created_at": NOW.isoformat(),
}


@pytest.mark.parametrize(
    "change",
    [{"pain": 11}, {"pain": -1}, {"enjoyment": 11}, {"enjoyment": -1}, {"activity": 11}],
)
def test_out_of_range_answers_are_refused_by_the_schema(
    home: Path, change: dict[str, object]
) -> None:
    Database.open(home).close()
    conn = sqlite3.connect(paths.database_path(home))
    try:
        names = ", ".join(_GOOD)
        marks = ", ".join("?" for _ in _GOOD)
        conn.execute(f"INSERT INTO weekly_checks ({names}) VALUES ({marks})", tuple(_GOOD.values()))
        bad = {**_GOOD, "uid": "other", **change}
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(
                f"INSERT INTO weekly_checks ({names}) VALUES ({marks})", tuple(bad.values())
            )
    finally:
        conn.close()


def test_the_latest_schema_is_3_or_later() -> None:
    assert migrations.LATEST >= 3
    assert [step.version for step in migrations.STEPS] == list(range(1, migrations.LATEST + 1))
