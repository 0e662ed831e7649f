"""The journal through the standard library's `sqlite3` alone, for the fast commands.

`paincoach log` and `activity` add one row; importing SQLAlchemy, SQLModel and pydantic
to do it cost most of their time (issue 18). This driver keeps every storage rule of
`db.engine`: the same PRAGMAs (WAL, `synchronous=FULL`, the busy timeout, secure delete),
writes that begin with `BEGIN IMMEDIATE` and wait for an import (`db.waiting`), files
0600, the application id and schema version checked, the whole-file check when it is due
(`file_checks`). It opens only a journal that is already as this paincoach makes it: a new
one, one to upgrade, a read-only folder or a newer schema return None, and the caller uses
`Database.open` (the full path) instead. Rows go in and out through `db.entry_rows`, the
mapping the ORM path uses too; names are merged by `db.names`, the same SQL.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from paincoach.core import paths
from paincoach.db import file_checks, migrations, waiting
from paincoach.db.entry_rows import (
    ACTIVITY_COLUMNS,
    CHECKIN_COLUMNS,
    activity_from_row,
    checkin_from_row,
)
from paincoach.db.errors import storage_errors
from paincoach.records.entries import Activity, CheckIn
from paincoach.records.pacing import PlanChange


class QuickStore:
    """One `sqlite3` connection to a journal at the latest schema, with every PRAGMA set."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.home = path.parent
        self._conn = conn
        self.on_import_wait: Callable[[], None] | None = None
        """Called when a write starts waiting for an import (as `Database.on_import_wait`)."""

    @classmethod
    def open(cls, home: Path) -> QuickStore | None:
        """The journal in `home` if it needs nothing but opening; else None (use the full path).

        Refusals are the full path's: a file that is not SQLite raises `NotADatabaseError`
        here too, and a damaged one `DamagedDatabaseError`, before anything is written.
        """
        with storage_errors(paths.database_path(home), os_errors=True):
            return cls._open(home)

    @classmethod
    def _open(cls, home: Path) -> QuickStore | None:
        path = paths.database_path(home)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return None  # a new journal: the full path makes it
        if size == 0 or not os.access(home, os.W_OK) or not os.access(path, os.W_OK):
            return None  # an empty file or a read-only journal: the full path says what it is
        paths.ensure_private_dir(home)
        paths.secure_home(home)
        header = file_checks.check_header(path)
        found = file_checks.probe(path, full=file_checks.full_check_due(path, header))
        if found.application_id != migrations.APPLICATION_ID:
            return None  # another program's file (or an empty one): the full path says so
        if found.schema_version != migrations.LATEST:
            return None  # an upgrade, or a newer paincoach's journal: read-only
        conn = sqlite3.connect(
            paths.file_uri(path, "rw"),
            uri=True,
            timeout=file_checks.BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # transactions are begun here, as the engine begins them
        )
        try:
            for pragma in file_checks.connection_pragmas():
                file_checks.run_pragma(conn, pragma)
        except BaseException:
            conn.close()
            raise
        for sidecar in paths.sidecar_paths(path):
            paths.make_private(sidecar)
        return cls(path, conn)

    @property
    def connection(self) -> sqlite3.Connection:
        """The connection, for `db.names` (which runs the same SQL on either driver)."""
        return self._conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction begun with `BEGIN IMMEDIATE` (waiting for an import), all or nothing."""
        with storage_errors(self.path):
            waiting.begin_writing(
                lambda: self._conn.execute("BEGIN IMMEDIATE"), self.home, self._waits
            )
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for reading."""
        with storage_errors(self.path):
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def _waits(self) -> None:
        if self.on_import_wait is not None:
            self.on_import_wait()

    def close(self) -> None:
        """Close the connection (the file stays as it is)."""
        self._conn.close()


def _insert(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> None:
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


def insert_checkin(
    conn: sqlite3.Connection, fields: dict[str, Any], *, uid: str, stamp: str
) -> CheckIn:
    """Add a check-in row (`entry_rows.checkin_fields`) in the caller's transaction."""
    _insert(conn, "checkins", {"uid": uid, **fields, "created_at": stamp, "updated_at": stamp})
    return checkin_by_uid(conn, uid)


def insert_activity(
    conn: sqlite3.Connection, fields: dict[str, Any], *, uid: str, stamp: str
) -> Activity:
    """Add an activity row (`entry_rows.activity_fields`) in the caller's transaction."""
    _insert(conn, "activities", {"uid": uid, **fields, "created_at": stamp, "updated_at": stamp})
    return activity_by_uid(conn, uid)


def rows_of(
    conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()
) -> list[SimpleNamespace]:
    """Rows as plain objects with the columns as attributes (what the mappings read)."""
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [SimpleNamespace(**dict(zip(names, row, strict=True))) for row in cursor]


def checkin_by_uid(conn: sqlite3.Connection, uid: str) -> CheckIn:
    """The check-in with this uid, read back as stored."""
    sql = f"SELECT {', '.join(CHECKIN_COLUMNS)} FROM checkins WHERE uid = ?"
    return checkin_from_row(rows_of(conn, sql, (uid,))[0])


def activity_by_uid(conn: sqlite3.Connection, uid: str) -> Activity:
    """The activity with this uid, read back as stored."""
    sql = f"SELECT {', '.join(ACTIVITY_COLUMNS)} FROM activities WHERE uid = ?"
    return activity_from_row(rows_of(conn, sql, (uid,))[0])


def first_entry_day(conn: sqlite3.Connection) -> date | None:
    """The first day with a check-in or activity (as `review_repository.first_entry_day`)."""
    found = [
        row[0]
        for table in ("checkins", "activities")
        for row in conn.execute(f"SELECT day FROM {table} ORDER BY day LIMIT 1")
    ]
    return date.fromisoformat(min(found)) if found else None


def plan_rows(conn: sqlite3.Connection) -> list[SimpleNamespace]:
    """The active pacing plans, in `practice_repository.plan_rows`' order."""
    return rows_of(
        conn,
        "SELECT * FROM pacing_plans WHERE active = 1 "
        "ORDER BY lower(activity), active DESC, id DESC",
        (),
    )


def changes_of(conn: sqlite3.Connection, plan_uids: list[str]) -> dict[str, tuple[PlanChange, ...]]:
    """Each plan's changes, oldest first (as `pacing_repository.changes_of`)."""
    if not plan_uids:
        return {}
    from paincoach.db.day_rows import changes_by_plan  # not for `log`: it loads more records

    marks = ", ".join("?" for _ in plan_uids)
    return changes_by_plan(
        rows_of(
            conn,
            f"SELECT * FROM pacing_changes WHERE plan_uid IN ({marks}) ORDER BY day, at, id",
            tuple(plan_uids),
        )
    )


def minutes_by_name_on(conn: sqlite3.Connection, day: date) -> dict[str, int]:
    """Activity minutes per name on one local day (as `practice_repository`'s)."""
    rows = conn.execute(
        "SELECT name, sum(minutes) FROM activities WHERE day = ? GROUP BY name", (day.isoformat(),)
    )
    return {name: int(total or 0) for name, total in rows}
