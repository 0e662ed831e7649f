"""Helpers for the storage, journal and command-line tests (no Textual here)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event

from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.entries import ActivityDraft, CheckInDraft
from tests.support import NOW, TEST_TZ, fixed_clock

LOCAL = ZoneInfo(TEST_TZ)
TODAY = NOW.date()


def local(day: date, hour: int = 12, minute: int = 0, tz: str = TEST_TZ) -> datetime:
    """An aware moment at `hour:minute` on `day` in zone `tz`."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(tz))


def open_journal(home: Path, clock: Callable[[], datetime] = fixed_clock) -> Journal:
    """The journal in `home`, created if needed, on the fixed test clock."""
    return Journal(Database.open(home), clock)


def checkin(at: datetime | None = None, pain: int = 5, **fields: Any) -> CheckInDraft:
    """A check-in draft with sensible defaults."""
    return CheckInDraft(at=at or NOW, pain=pain, **fields)


def activity(
    name: str = "walk", minutes: int = 20, at: datetime | None = None, **fields: Any
) -> ActivityDraft:
    """An activity draft with sensible defaults."""
    return ActivityDraft(at=at or NOW, name=name, minutes=minutes, **fields)


def install_fixture(version: int, home: Path) -> Path:
    """A copy of the fixture journal of schema `version` in `home` (never the committed file)."""
    import shutil

    from paincoach.core import paths
    from tests.fixtures.make_fixtures import fixture_path

    home.mkdir(parents=True, exist_ok=True)
    target = paths.database_path(home)
    shutil.copyfile(fixture_path(version), target)
    return target


def every_table(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, by name, read without changing the file (a migration test's
    before and after)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")]
        return {n: conn.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in names}
    finally:
        conn.close()


def digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it is not there."""
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str | None]:
    """Every file in `folder` (recursively) with its digest: what 'nothing changed' means."""
    if not folder.is_dir():
        return {}
    return {
        str(path.relative_to(folder)): digest(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(("-shm", "-wal"))
    }


def columns_of(db_path: Path, table: str) -> list[str]:
    """The column names of `table`, in order."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def raw_rows(db_path: Path, table: str, columns: list[str] | None = None) -> list[tuple[Any, ...]]:
    """Every row of `table`, each value with its SQLite type and exact bytes, by rowid."""
    columns = columns or columns_of(db_path, table)
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        parts = ", ".join(f"typeof({c}), CAST({c} AS BLOB)" for c in columns)
        return conn.execute(f"SELECT {parts} FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


#: What schema 4 (one spelling per name) rewrites in the fixtures made before it: the second
#: pacing plan was typed "Walk", and its activity was first spelled "walk" (table, column,
#: old bytes, new bytes). Every other value stays byte for byte.
RESPELLED_BY_V4 = (("pacing_plans", "activity", b"Walk", b"walk"),)


def respelled_by_v4(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> list[Any]:
    """`rows` of `table` (as `raw_rows` gives them) as schema 4 leaves a pre-4 fixture's."""
    changed = [list(row) for row in rows]
    for in_table, column, old, new in RESPELLED_BY_V4:
        if in_table != table or column not in columns:
            continue
        at = 2 * columns.index(column) + 1  # raw_rows gives (type, bytes) per column
        for row in changed:
            if row[at] == old:
                row[at] = new
    return [tuple(row) for row in changed]


def normalised_schema(db_path: Path) -> list[tuple[str, str, str, str]]:
    """sqlite_schema rows with whitespace in the SQL collapsed, sorted."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    finally:
        conn.close()
    return sorted(
        (kind, name, table, " ".join((sql or "").split())) for kind, name, table, sql in rows
    )


@contextmanager
def sql_trace(db: Database) -> Iterator[list[str]]:
    """Every SQL statement SQLite runs on connections `db` opens inside the block."""
    statements: list[str] = []

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(statements.append)

    engine = db._engine
    event.listen(engine, "connect", on_connect)
    try:
        yield statements
    finally:
        event.remove(engine, "connect", on_connect)


def transactions(statements: list[str]) -> list[list[str]]:
    """Split a trace into transactions, each starting with its BEGIN."""
    found: list[list[str]] = []
    for statement in statements:
        if statement.upper().startswith("BEGIN"):
            found.append([statement])
        elif found:
            found[-1].append(statement)
    return found


def is_write(statement: str) -> bool:
    """True for statements that change rows."""
    return statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE"))
