"""Opening the journal file safely, and sessions for reading and writing.

Every connection runs in WAL mode with `synchronous=FULL` (a saved entry survives a power
cut), foreign keys on, a long busy timeout and `secure_delete` (deleted words do not linger
in the file). Writes start with `BEGIN IMMEDIATE`, so the app and a command-line call that
write at once wait for each other instead of failing, and for as long as an import runs
(`paincoach.db.waiting`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from paincoach.core import clock, paths
from paincoach.core.errors import (
    DamagedDatabaseError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    TooNewDatabaseError,
)
from paincoach.core.paths import escaped_path
from paincoach.db import migrations, waiting
from paincoach.db.errors import (
    damaged_message,
    storage_errors,
    transient_io_error,
    translate_os_error,
    translate_sqlite_error,
)

BUSY_TIMEOUT_MS = 10_000
OPEN_TRIES, OPEN_RETRY_S = 3, 0.05  # an open that meets a disk I/O error (`Database.open`)
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


class Database:
    """The journal file, checked and migrated, with read and write sessions."""

    def __init__(
        self, path: Path, engine: Engine, *, schema_version: int, read_only_reason: str = ""
    ):
        self.path = path
        self.schema_version = schema_version
        self.read_only_reason = read_only_reason
        self._engine = engine
        self.on_import_wait: Callable[[], None] | None = None
        """Called (from the writing thread) when a write starts waiting for an import."""
        self._write_engine = engine.execution_options(
            paincoach_begin="IMMEDIATE", paincoach_home=path.parent, paincoach_wait=self._waits
        )

    def _waits(self) -> None:
        if self.on_import_wait is not None:
            self.on_import_wait()

    @property
    def read_only(self) -> bool:
        """True when the file is opened for reading only (e.g. made by a newer paincoach)."""
        return bool(self.read_only_reason)

    @classmethod
    def open(cls, home: Path) -> Database:
        """Open the journal in `home`, creating or migrating it; never overwrite a foreign file.

        Making and upgrading the journal are each one transaction, so an open that meets
        SQLite's "disk I/O error" is tried twice more: two paincoach processes opening a new
        journal at once met one, rarely, under load (CI).
        """
        for attempt in range(1, OPEN_TRIES + 1):
            try:
                return cls._open(home)
            except OSError as exc:  # the folder or file itself cannot be used
                raise translate_os_error(exc, home) from exc
            except StorageError as exc:
                if attempt == OPEN_TRIES or not transient_io_error(exc):
                    raise
                time.sleep(OPEN_RETRY_S * attempt)
        raise AssertionError("unreachable")  # (the last try returns or raises)

    @classmethod
    def _open(cls, home: Path) -> Database:
        paths.ensure_private_dir(home)
        paths.secure_home(home)
        path = paths.database_path(home)
        if not path.exists() or path.stat().st_size == 0:
            if not path.exists():
                # Another paincoach (the app and a command, say) may create it at the same
                # moment: whichever makes it first, both then use the same new journal.
                with contextlib.suppress(FileExistsError):
                    paths.create_private_file(path)
            return cls._open_checked(path, Probe(0, 0, 0))
        header = _check_header(path)
        if not os.access(home, os.W_OK):
            return cls._open_in_read_only_folder(path)
        return cls._open_checked(path, probe(path, full=full_check_due(path, header)))

    @classmethod
    def _open_in_read_only_folder(cls, path: Path) -> Database:
        """A journal in a folder paincoach cannot write to: shown, never saved to.

        SQLite keeps a WAL journal's companions beside it, so in a folder it cannot write
        even reading fails. Nobody can write there either, so the file is opened as
        unchanging (`immutable`): entries can be read, shown and exported.
        """
        folder = path.parent
        wal = paths.sidecar_paths(path)[1]
        # Changes still in a WAL left behind are read through it when SQLite can (its
        # companions are there); otherwise the file is read as it stands, and that is said.
        immutable = not (wal.exists() and wal.stat().st_size > 0 and _readable_as_is(path))
        found = probe(path, full=True, immutable=immutable)
        if found.table_count and found.application_id != migrations.APPLICATION_ID:
            return cls._open_checked(path, found)  # refused as another program's
        if found.schema_version < migrations.LATEST:
            raise ReadOnlyError(
                f"Your data folder {folder} is read-only, and this journal needs a small "
                "upgrade before this paincoach can read it. Make the folder writable "
                f"(chmod u+w '{folder}'), then try again. Nothing was changed."
            )
        reason = (
            f"Your data folder {folder} is read-only: paincoach can show your journal, but "
            f"anything new is not saved. Make the folder writable (chmod u+w '{folder}') or "
            "use --home."
        )
        if immutable and wal.exists() and wal.stat().st_size > 0:
            reason += f" The latest changes, kept in {wal.name}, show once it is writable."
        if found.schema_version > migrations.LATEST:
            return cls._open_checked(path, found)
        engine = _make_engine(path, read_only=True, immutable=immutable)
        return cls(path, engine, schema_version=found.schema_version, read_only_reason=reason)

    @classmethod
    def _open_checked(cls, path: Path, found: Probe) -> Database:
        if found.table_count and found.application_id != migrations.APPLICATION_ID:
            raise NotADatabaseError(
                f"{path} is a database of another program, not a paincoach journal. "
                "Nothing was changed. Use --home to choose another folder."
            )
        if found.schema_version > migrations.LATEST:
            reason = (
                f"This journal was written by a newer paincoach (schema {found.schema_version}; "
                f"this version knows up to {migrations.LATEST}). It is open read-only so that "
                "nothing is lost: update paincoach to add or change entries."
            )
            engine = _make_engine(path, read_only=True)
            return cls(path, engine, schema_version=found.schema_version, read_only_reason=reason)
        engine = _make_engine(path)
        if found.schema_version < migrations.LATEST:
            from paincoach.db.upgrade import upgrade

            upgrade(engine, path, found.schema_version)
        for sidecar in paths.sidecar_paths(path):
            paths.make_private(sidecar)
        return cls(path, engine, schema_version=migrations.LATEST)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; it sees one consistent snapshot."""
        with storage_errors(self.path), Session(self._engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes are committed together, or not at all."""
        if self.read_only:
            raise TooNewDatabaseError(self.read_only_reason)
        with (
            storage_errors(self.path),
            Session(self._write_engine, expire_on_commit=False) as session,
        ):
            yield session
            session.commit()

    @contextmanager
    def connection(self, *, write: bool = False) -> Iterator[Connection]:
        """A Core connection in a transaction, for raw SQL (checks, backups, migrations)."""
        engine = self._write_engine if write else self._engine
        with storage_errors(self.path), engine.begin() as conn:
            yield conn

    def close(self) -> None:
        """Release every connection (the file stays as it is)."""
        self._engine.dispose()


def _check_header(path: Path) -> bytes:
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


def _readable_as_is(path: Path) -> bool:
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


def sqlite_url(path: Path, *, read_only: bool = False, immutable: bool = False) -> URL:
    """The URL of the journal file, with no character of its path read as part of a URL.

    Written into a URL string, a folder named "why?" would send the journal to a file
    named "why", and "100%41" would name another file. The path goes to SQLite as a
    `file:` URI with every special byte escaped, opened read-write without creating it:
    a journal moved away while paincoach runs is missed, not silently made anew, empty.
    """
    query = {"mode": "ro" if read_only else "rw", "uri": "true"}
    if immutable:
        query["immutable"] = "1"
    return URL.create("sqlite", database=f"file:{escaped_path(path)}", query=query)


def _make_engine(path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    # NullPool: a connection per session, so no connection outlives its thread or its
    # transaction, and a crash leaves nothing half-open.
    engine = create_engine(
        sqlite_url(path, read_only=read_only, immutable=immutable),
        poolclass=NullPool,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transactions out of the driver's hands so that `_on_begin` decides how to begin.
    dbapi_connection.isolation_level = None
    for pragma in connection_pragmas():
        _run_pragma(dbapi_connection, pragma)


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    for pragma in connection_pragmas(read_only=True):
        _run_pragma(dbapi_connection, pragma)


def _run_pragma(dbapi_connection: Any, pragma: str) -> None:
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


def _on_begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    mode = options.get("paincoach_begin", "DEFERRED")
    home = options.get("paincoach_home")
    if home is None:
        conn.exec_driver_sql(f"BEGIN {mode}")
    else:  # a write: it waits for as long as an import runs
        waiting.begin_writing(
            lambda: conn.exec_driver_sql(f"BEGIN {mode}"), home, options.get("paincoach_wait")
        )
