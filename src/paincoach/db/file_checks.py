"""Looking at the journal file without the ORM: its header, its schema, the PRAGMAs.

Both drivers use these: the SQLAlchemy engine (`db.engine`, the app's and most commands'),
and the standard library's `sqlite3` alone (`db.quick`, for `log`, `activity` and `today`,
which must start fast). So this module imports neither SQLAlchemy nor the models.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from paincoach.core import clock, paths
from paincoach.core.errors import DamagedDatabaseError, NotADatabaseError
from paincoach.core.paths import escaped_path
from paincoach.db.errors import damaged_message, translate_sqlite_error

BUSY_TIMEOUT_MS = 10_000
#: Test-only: a shorter busy timeout, so that a test of waiting need not wait 10 s.
ENV_BUSY_TIMEOUT = "PAINCOACH_BUSY_TIMEOUT_MS"
SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_BYTES = 100
#: Journals up to this size get the whole-file check at every open (2 MB: about 2 ms).
ALWAYS_CHECK_BYTES = 2 * 1024 * 1024


def busy_timeout_ms() -> int:
    """How long a connection waits for another one to finish writing, in milliseconds."""
    override = os.environ.get(ENV_BUSY_TIMEOUT, "")
    return int(override) if override.isdigit() else BUSY_TIMEOUT_MS


def connection_pragmas(*, read_only: bool = False) -> list[str]:
    """The PRAGMAs every connection runs first (read when connecting, so tests can tune them).

    A read-only connection leaves the journal mode alone: switching it writes to the file.
    """
    return [
        *([] if read_only else ["PRAGMA journal_mode = WAL"]),
        "PRAGMA synchronous = FULL",
        "PRAGMA foreign_keys = ON",
        f"PRAGMA busy_timeout = {busy_timeout_ms()}",
        "PRAGMA secure_delete = ON",
        # Sorting and grouping never spill people's words into temporary files.
        "PRAGMA temp_store = MEMORY",
    ]


@dataclass(frozen=True)
class Probe:
    """What a quick look at an existing file found."""

    schema_version: int
    application_id: int
    table_count: int


def check_header(path: Path) -> bytes:
    """The file's 100-byte SQLite header, once its magic shows that it is SQLite."""
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
    if not header.startswith(SQLITE_HEADER):
        raise NotADatabaseError(
            f"{path} is not a paincoach journal (it is not a SQLite database). "
            "Nothing was changed. Move it aside, or use --home to choose another folder."
        )
    return header


def full_check_due(path: Path, header: bytes, today: date | None = None) -> bool:
    """Whether this open runs `PRAGMA quick_check`, which reads the whole file.

    Always for a small journal (it costs next to nothing) and whenever the file's size is
    not the size its header records (a cut-off copy). Otherwise at the first open of each
    day: today's automatic backup is taken right after a check that passed, so while it
    exists the file was checked today. See docs/decisions.md, "The integrity check".
    """
    size = path.stat().st_size
    if size <= ALWAYS_CHECK_BYTES or size != _size_in_header(header, size):
        return True
    folder = paths.backup_folder(path.parent)  # a linked one holds no snapshot of ours
    return (
        folder.is_symlink()
        or not (folder / paths.daily_backup_name(today or clock.today())).exists()
    )


def _size_in_header(header: bytes, size: int) -> int:
    """The file size the header records (pages × page size), or `size` when it records none."""
    if len(header) < HEADER_BYTES or header[24:28] != header[92:96]:
        return size  # SQLite itself ignores a page count not written with the last change
    page_size = int.from_bytes(header[16:18], "big")
    pages = int.from_bytes(header[28:32], "big")
    return pages * (65536 if page_size == 1 else page_size) if pages else size


def readable_as_is(path: Path) -> bool:
    """Whether SQLite can read the journal with its WAL, read-only, where nothing is written."""
    try:
        conn = sqlite3.connect(f"file:{escaped_path(path)}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True


def probe(path: Path, *, full: bool = True, immutable: bool = False) -> Probe:
    """Read a file's schema version (after checking all of it, if `full`) without writing.

    `immutable`: the file is in a folder nobody can write to (see `_open_in_read_only_folder`).
    """
    try:
        if immutable:
            uri = f"file:{escaped_path(path)}?mode=ro&immutable=1"
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000)
        elif not os.access(path.parent, os.W_OK):
            uri = f"file:{escaped_path(path)}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000)
        else:
            conn = sqlite3.connect(path, timeout=busy_timeout_ms() / 1000)
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path) from exc
    try:
        if full:
            _quick_check(conn, path)
        # One statement, so one snapshot: read one by one, a journal another paincoach is
        # making at this moment showed its tables without its application id (then it
        # looked like "a database of another program").
        version, app_id, tables = conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version), "
            "(SELECT application_id FROM pragma_application_id), "
            "(SELECT count(*) FROM sqlite_schema WHERE type = 'table')"
        ).fetchone()
        return Probe(schema_version=version, application_id=app_id, table_count=tables)
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path) from exc
    finally:
        conn.close()


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    result = conn.execute("PRAGMA quick_check").fetchall()
    if [row[0] for row in result] != ["ok"]:
        first = result[0][0] if result else "no answer"
        raise DamagedDatabaseError(damaged_message(path, str(first)))


def run_pragma(dbapi_connection: Any, pragma: str) -> None:
    """Run one PRAGMA, waiting (up to the busy timeout) while another connection is busy.

    Switching a brand-new journal to WAL needs the file to itself, and SQLite answers
    "database is locked" at once, without waiting, while another process (the app and a
    command run together) is creating the same journal. Waiting a moment is enough.
    """
    deadline = time.monotonic() + busy_timeout_ms() / 1000
    pause = 0.002
    while True:
        try:
            dbapi_connection.execute(pragma)
            return
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)
