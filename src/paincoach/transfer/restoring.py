"""Checking a journal file (a backup) and restoring one: the rarely used half of backups.

Restoring never loses the journal it replaces: the current one is kept first (a
consistent copy when it is healthy, its bytes as they are when it is damaged).
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from paincoach.core import paths
from paincoach.core.errors import InputError, NotOwnFolderError, StorageError
from paincoach.core.faults import kill_point
from paincoach.core.paths import file_uri
from paincoach.core.private_files import (
    fsync_file,
    fsync_folder,
    ledger_folder,
    private_output,
)
from paincoach.db import checkin_days
from paincoach.db.copy import copy_journal
from paincoach.db.errors import storage_errors
from paincoach.transfer.backup import TIMEOUT_S, clean_up, ensure_backup_folder, unique_snapshot

_SQLITE_HEADER = b"SQLite format 3\x00"
#: The tables whose rows a restore reports (the ones a schema-1 journal already has).
COUNTED = (
    "checkins",
    "activities",
    "thought_records",
    "exercise_sessions",
    "doses",
    "marked_events",
)


# -- checking a backup -------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupInfo:
    """What a journal file holds: its schema version and how many rows in each table."""

    path: Path
    schema_version: int
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """'12 check-ins, 30 activities, …'."""
        from paincoach.transfer.export import counted

        return ", ".join(counted(table, n) for table, n in self.counts.items())


def inspect(path: Path) -> BackupInfo:
    """Check that `path` is an undamaged paincoach journal this version can read."""
    from paincoach.db import migrations

    if not path.is_file():
        raise InputError("file", f"{path} is not a file.")
    with path.open("rb") as handle:
        if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            raise InputError("file", f"{path} is not a paincoach journal or backup.")
    try:
        conn = sqlite3.connect(file_uri(path), uri=True, timeout=TIMEOUT_S)
        try:
            return _inspect(conn, path, migrations.APPLICATION_ID, migrations.LATEST)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise InputError("file", f"{path} cannot be read as a journal ({exc}).") from None


def _inspect(conn: sqlite3.Connection, path: Path, app_id: int, latest: int) -> BackupInfo:
    if conn.execute("PRAGMA application_id").fetchone()[0] != app_id:
        raise InputError("file", f"{path} is a database, but not a paincoach journal.")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > latest:
        raise InputError(
            "file",
            f"{path} was written by a newer paincoach (schema {version}; this one knows up "
            f"to {latest}). Update paincoach, then restore it.",
        )
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise InputError("file", f"{path} is damaged (SQLite found: {problems[0]}).")
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
    counts = {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in COUNTED
        if table in tables
    }
    return BackupInfo(path, version, counts)


# -- restoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreReport:
    """What `restore` did."""

    restored: BackupInfo
    kept_current: Path | None  # the journal as it was before, if there was one


def _healthy(db_path: Path) -> bool:
    from paincoach.db.engine import probe
    from paincoach.db.migrations import APPLICATION_ID

    try:
        return probe(db_path).application_id == APPLICATION_ID
    except StorageError:
        return False


def _keep_current(db_path: Path, folder: Path, now: datetime, healthy: bool) -> Path:
    stem = f"before-restore-{now:%Y-%m-%d-%H%M%S}"
    if healthy:
        return unique_snapshot(db_path, folder, stem)
    target = _free_set(folder, stem, db_path)
    # A damaged file cannot be copied page by page: keep its bytes (and its WAL) as they are.
    for source in paths.sidecar_paths(db_path)[:2]:
        if source.exists():
            copy = target.with_name(target.name + source.name[len(db_path.name) :])
            with private_output(copy, ledger=ledger_folder(db_path.parent)) as temp:
                shutil.copyfile(source, temp)
    return target


def _copy_into_live(source: Path, db_path: Path) -> None:
    """Replace the journal's content through SQLite, so open connections stay consistent."""
    src = sqlite3.connect(file_uri(source), uri=True, timeout=TIMEOUT_S)
    try:
        live = sqlite3.connect(db_path, timeout=TIMEOUT_S)
        try:
            src.backup(live)
            live.execute("PRAGMA journal_mode = WAL")
            live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            live.close()
    finally:
        src.close()


def _free_set(folder: Path, stem: str, db_path: Path) -> Path:
    """A name for a damaged journal's copies whose file and sidecars are all free."""
    for number in range(1, 1000):
        target = folder / (f"{stem}.db" if number == 1 else f"{stem}-{number}.db")
        ends = [p.name[len(db_path.name) :] for p in paths.sidecar_paths(db_path)[:2]]
        if not any(target.with_name(target.name + end).exists() for end in ends):
            return target
    raise InputError("home", f"Too many files named {stem}… in {folder}.")


def _replace_file(source: Path, db_path: Path) -> None:
    """Put a copy of `source` where a damaged (or missing) journal was.

    The old -wal and -shm go first (their bytes are kept by `_keep_current`): were the new
    file renamed in while they remained, a kill before their removal would let SQLite
    replay the old WAL onto the restored journal.
    """
    with private_output(db_path, overwrite=True, ledger=ledger_folder(db_path.parent)) as temp:
        copy_journal(source, temp)
        kill_point("restore:copied")
        for sidecar in paths.sidecar_paths(db_path)[1:]:
            sidecar.unlink(missing_ok=True)  # the damaged file's WAL must not be replayed
        fsync_folder(db_path.parent)
        kill_point("restore:sidecars-gone")
    kill_point("restore:renamed")
    fsync_folder(db_path.parent)


def _folder_for_restore(home: Path) -> Path:
    """Where the journal as it was goes; a linked backups/ stops the restore before any change."""
    try:
        return ensure_backup_folder(home)
    except NotOwnFolderError as exc:
        raise NotOwnFolderError(
            exc.folder,
            f"{exc.message} Nothing was restored: your journal stays as it is until paincoach "
            "can keep a copy of it there first.",
        ) from None


def restore(home: Path, source: Path, now: datetime) -> RestoreReport:
    """Make the journal in `home` a copy of the backup `source`, keeping the current one first."""
    info = inspect(source)
    db_path = paths.database_path(home)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise InputError("file", f"{source} is the journal itself, not a backup of it.")
    kept = None
    with storage_errors(db_path, os_errors=True):
        paths.ensure_private_dir(home)
        clean_up(home)
        exists = db_path.is_file() and db_path.stat().st_size > 0
        healthy = exists and _healthy(db_path)
        if exists or paths.sidecar_paths(db_path)[1].exists():
            kept = _keep_current(db_path, _folder_for_restore(home), now, healthy)
        if healthy:
            _copy_into_live(source, db_path)
        else:
            _replace_file(source, db_path)
        fsync_file(db_path)
    from paincoach.db.engine import Database

    Database.open(home).close()  # brings an older backup up to this version's schema
    checkin_days.restamp(home)  # the day stamp follows the restored journal
    return RestoreReport(info, kept)
