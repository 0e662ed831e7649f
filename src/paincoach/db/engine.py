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
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, create_engine
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from paincoach.core import paths
from paincoach.core.errors import (
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    TooNewDatabaseError,
)
from paincoach.core.paths import escaped_path
from paincoach.db import file_checks, migrations, waiting
from paincoach.db.errors import storage_errors, transient_io_error, translate_os_error
from paincoach.db.file_checks import ALWAYS_CHECK_BYTES as ALWAYS_CHECK_BYTES
from paincoach.db.file_checks import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS
from paincoach.db.file_checks import ENV_BUSY_TIMEOUT as ENV_BUSY_TIMEOUT
from paincoach.db.file_checks import (
    Probe,
    check_header,
    connection_pragmas,
    probe,
    readable_as_is,
    run_pragma,
)
from paincoach.db.file_checks import busy_timeout_ms as busy_timeout_ms
from paincoach.db.file_checks import full_check_due as full_check_due

OPEN_TRIES, OPEN_RETRY_S = 3, 0.05  # an open that meets a disk I/O error (`Database.open`)


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
        header = check_header(path)
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
        immutable = not (wal.exists() and wal.stat().st_size > 0 and readable_as_is(path))
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
        connect_args={"check_same_thread": False, "timeout": file_checks.BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take transactions out of the driver's hands so that `_on_begin` decides how to begin.
    dbapi_connection.isolation_level = None
    for pragma in connection_pragmas():
        run_pragma(dbapi_connection, pragma)


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    for pragma in connection_pragmas(read_only=True):
        run_pragma(dbapi_connection, pragma)


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
