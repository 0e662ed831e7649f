"""Schema migrations under faults: a failure after each statement, and SIGKILL mid-upgrade.

tests/unit/db/test_migrations.py proves that every released fixture migrates byte for byte and that
one failing step rolls back. Here every statement of every real step fails in turn, and
old journals are upgraded while being killed at random moments: each time the file holds
either the old version intact or the new one complete, and every value of the person's.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from paincoach.core import paths
from paincoach.core.errors import StorageError
from paincoach.db import migrations
from paincoach.db.engine import Database
from tests.fixtures.make_fixtures import fixture_path
from tests.storage_support import columns_of, normalised_schema, raw_rows, respelled_by_v4

FIXTURES = sorted(
    int(m.group(1))
    for p in fixture_path(1).parent.glob("schema-v*.db")
    if (m := re.fullmatch(r"schema-v(\d+)\.db", p.name))
)
OLD = [v for v in FIXTURES if v < migrations.LATEST]
ROUNDS = 80
#: (fixture version, step version, where it fails): after statement N, on the first read of a
#: step's data rewrite (if it has one), or after the version bump.
FAULTS: list[tuple[int, int, int | str]] = [
    (version, step.version, point)
    for version in OLD
    for step in migrations.pending(version)
    for point in [*range(len(step.statements)), *(["rewrite"] * bool(step.rewrite)), "bump"]
]


def user_rows(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, each value with its type and exact bytes."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    finally:
        conn.close()
    return {t: raw_rows(db_path, t, columns_of(db_path, t)) for t in sorted(tables)}


def schema_at(version: int, folder: Path) -> list[tuple[str, str, str, str]]:
    """The normalised schema a journal has at `version` (steps 1..version, run afresh)."""
    db_path = folder / f"fresh-v{version}.db"
    if not db_path.exists():
        conn = sqlite3.connect(db_path)
        for step in migrations.STEPS[:version]:
            migrations.apply_step(conn.execute, step)
        conn.commit()
        conn.close()
    return normalised_schema(db_path)


def state(db_path: Path) -> tuple[int, list[str]]:
    """The file's schema version and its integrity_check."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return version, [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def install(version: int, home: Path) -> Path:
    """A copy of a released fixture as the journal in `home`."""
    home.mkdir(parents=True, exist_ok=True)
    target = paths.database_path(home)
    shutil.copyfile(fixture_path(version), target)
    return target


def assert_old_intact_or_new_complete(
    db_path: Path, before: dict[str, list[tuple[Any, ...]]], versions: set[int], work: Path
) -> int:
    """Whatever happened, the file is whole at one of `versions`, with every old value."""
    version, integrity = state(db_path)
    assert integrity == ["ok"]
    assert version in versions, version
    assert normalised_schema(db_path) == schema_at(version, work)  # no half step
    after = user_rows(db_path)
    for table, rows in before.items():  # old tables: every row and value as it was
        old_columns = len(rows[0]) if rows else 0
        if version >= 4:  # (but each name with one spelling)
            rows = respelled_by_v4(table, columns_of(db_path, table)[: old_columns // 2], rows)
        assert [row[:old_columns] for row in after[table]] == rows, table
    return version


@pytest.mark.parametrize(("version", "failing_step", "point"), FAULTS)
def test_a_failure_after_any_statement_leaves_a_whole_version(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    version: int,
    failing_step: int,
    point: int | str,
) -> None:
    home = tmp_path / "home"
    db_path = install(version, home)
    before = user_rows(db_path)
    real_apply = migrations.apply_step

    def apply_failing(execute: Any, step: migrations.Step) -> None:
        if step.version != failing_step:
            real_apply(execute, step)
            return
        done = 0
        index = len(step.statements) if point == "rewrite" else point

        def counting(statement: str, *parameters: Any) -> object:
            nonlocal done
            result = execute(statement, *parameters)
            bump = statement.startswith("PRAGMA user_version")
            if done == index or (point == "bump" and bump):  # it ran, then the disk failed
                raise sqlite3.OperationalError("disk I/O error (injected)")
            done += 1
            return result

        real_apply(counting, step)

    monkeypatch.setattr(migrations, "apply_step", apply_failing)
    with pytest.raises(StorageError) as caught:
        Database.open(home)
    assert str(db_path) in caught.value.message and "Traceback" not in caught.value.message
    reached = assert_old_intact_or_new_complete(db_path, before, {failing_step - 1}, tmp_path)
    assert reached == failing_step - 1  # every earlier step complete, this one not begun
    monkeypatch.setattr(migrations, "apply_step", real_apply)
    Database.open(home).close()  # the next open finishes the job
    assert_old_intact_or_new_complete(db_path, before, {migrations.LATEST}, tmp_path)


def test_every_released_step_was_tried(tmp_path: Path) -> None:
    """(For the report: how many faults the test above injects.)"""
    assert len(FAULTS) >= sum(len(s.statements) + 1 for s in migrations.STEPS[1:])
    print(f"\nmigration faults injected: {len(FAULTS)} (fixtures {OLD} -> {migrations.LATEST})")


@pytest.mark.slow
@pytest.mark.parametrize("version", OLD)
def test_old_journals_killed_while_upgrading_lose_nothing(tmp_path: Path, version: int) -> None:
    """A child process upgrades a copy of the fixture; SIGKILL at a random moment."""
    rng = random.Random(version)
    took = 0.0
    kills = 0
    seen: dict[int, int] = {}
    for n in range(ROUNDS):
        if n % 10 == 0:  # the machine's load changes (another test run, say): time again
            took = _time_one_upgrade(tmp_path / f"timing-{n}", version)
        home = tmp_path / f"home-{n}"
        db_path = install(version, home)
        before = user_rows(db_path)
        pid = os.fork()
        if pid == 0:  # the child: open (and so upgrade) the journal
            try:
                Database.open(home).close()
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, took * 0.9))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        kills += os.WIFSIGNALED(status)
        reached = assert_old_intact_or_new_complete(
            db_path, before, set(range(version, migrations.LATEST + 1)), tmp_path
        )
        seen[reached] = seen.get(reached, 0) + 1
        Database.open(home).close()
        assert_old_intact_or_new_complete(db_path, before, {migrations.LATEST}, tmp_path)
        for copy in (home / "backups").glob("before-schema-*.db"):
            if copy.stat().st_size:  # a backup cut short is never left under a backup's name
                made_for = int(copy.name.split("-")[2])
                assert state(copy) == (made_for - 1, ["ok"]), copy.name
    print(f"\nupgrade v{version}: {kills} SIGKILLs of {ROUNDS}, stopped at versions {seen}")
    assert kills >= 30


def _time_one_upgrade(folder: Path, version: int) -> float:
    """How long a forked child takes to upgrade a copy, from fork to exit."""
    install(version, folder)
    began = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            Database.open(folder).close()
        finally:
            os._exit(0)
    while os.waitpid(pid, os.WNOHANG) == (0, 0):  # never wait forever on a forked child
        if time.monotonic() - began > 30:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the upgrade in a forked child did not finish in 30 s")
        time.sleep(0.001)
    return time.monotonic() - began
