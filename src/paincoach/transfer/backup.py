"""Backups: a consistent snapshot once a day, pruning, backing up on request, and restoring.

Snapshots use SQLite's backup API, which copies one consistent state of the journal even
while another program writes to it. Each is written to a temporary file in
`<home>/backups/` (0600, in a 0700 folder), flushed to disk, and renamed into place.
The last 7 daily snapshots are kept, and the newest of each of the 4 weeks before them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from paincoach.core import clock, paths
from paincoach.core.errors import InputError, NotOwnFolderError, StorageError
from paincoach.core.faults import kill_point
from paincoach.core.paths import file_uri
from paincoach.core.private_files import (
    FileExistsInputError,
    fsync_file,
    fsync_folder,
    ledger_folder,
    private_output,
    sweep_leftovers,
)
from paincoach.db import checkin_days
from paincoach.db.copy import copy_journal
from paincoach.db.errors import storage_errors

KEEP_DAILY = 7
KEEP_WEEKLY = 4
TIMEOUT_S = 10.0
_DAILY = re.compile(r"^paincoach-(\d{4}-\d{2}-\d{2})\.db$")
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


# -- snapshots -------------------------------------------------------------------------------


def snapshot(db_path: Path, target: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of the journal to `target` (0600, atomically); returns it."""
    with (
        storage_errors(db_path, os_errors=True),
        private_output(target, overwrite=overwrite, ledger=ledger_folder(db_path.parent)) as temp,
    ):
        copy_journal(db_path, temp)
    return target


def ensure_backup_folder(home: Path) -> Path:
    """The backups folder, created (or tightened to) 0700; never a link (`NotOwnFolderError`)."""
    return paths.ensure_own_folder(paths.backup_folder(home))


def daily_backup_if_due(db_path: Path, today: date | None = None) -> Path | None:
    """Take today's snapshot if there is none yet; prune old ones; sweep killed writes' leftovers.

    Cheap when today's exists: a few stats and two small folder listings.

    Returns the new snapshot, or None when today's exists or there is no journal yet.
    Raises `StorageError` if the snapshot cannot be written; the caller carries on.
    """
    today = today or clock.today()
    target = paths.backup_folder(db_path.parent) / paths.daily_backup_name(today)
    if not db_path.is_file():
        return None
    clean_up(db_path.parent)
    paths.check_own_folder(target.parent)  # a linked backups/ is not looked into
    # An empty file is a snapshot that was interrupted (say, by a crash) after claiming its
    # name: it does not count, and is written again.
    try:
        interrupted = target.stat().st_size == 0
    except FileNotFoundError:
        interrupted = False
    else:
        if not interrupted:
            return None
    with storage_errors(target, os_errors=True):
        ensure_backup_folder(db_path.parent)
    try:
        snapshot(db_path, target, overwrite=interrupted)
    except FileExistsInputError:  # another paincoach claimed today's name meanwhile
        return None
    except StorageError:
        if target.exists():  # another paincoach took today's meanwhile
            return None
        raise
    prune(target.parent, today)
    return target


def clean_up(home: Path) -> None:
    """Remove what a killed backup, export or report left (see `private_files`)."""
    sweep_leftovers(home, paths.backup_folder(home))


def unique_snapshot(db_path: Path, folder: Path, stem: str) -> Path:
    """A snapshot under `stem`.db, or `stem`-2.db …: two in one second never clash."""
    for number in range(1, 1000):
        target = folder / (f"{stem}.db" if number == 1 else f"{stem}-{number}.db")
        try:
            return snapshot(db_path, target)
        except FileExistsInputError:
            continue
    raise InputError("out", f"Too many backups named {stem}… in {folder}; use --out.")


def daily_snapshots(folder: Path) -> list[tuple[date, Path]]:
    """Automatic snapshots in `folder`, newest first (none in a link: see `prune`)."""
    try:
        fd = paths.open_own_folder(folder)
    except (OSError, NotOwnFolderError):
        return []
    try:
        return _snapshots_in(folder, fd)
    finally:
        os.close(fd)


def _snapshots_in(folder: Path, fd: int) -> list[tuple[date, Path]]:
    found = []
    for name in os.listdir(fd):
        match = _DAILY.match(name)
        if match:
            try:
                found.append((date.fromisoformat(match.group(1)), folder / name))
            except ValueError:
                continue
    return sorted(found, reverse=True)


def to_keep(days: list[date], today: date | None = None) -> set[date]:
    """The last KEEP_DAILY days, and the newest day in each of KEEP_WEEKLY weeks before them.

    Days after `today` are snapshots taken while the computer's clock was wrong: they are
    kept (they hold real entries) but take no place, so they never push out today's.
    """
    today = today or clock.today()
    future = {day for day in days if day > today}
    ordered = sorted(set(days) - future, reverse=True)
    keep = set(ordered[:KEEP_DAILY]) | future
    weeks: dict[tuple[int, int], date] = {}
    for day in ordered[KEEP_DAILY:]:
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks[week] = day
    return keep | set(weeks.values())


def prune(folder: Path, today: date | None = None) -> list[Path]:
    """Remove automatic snapshots no longer kept (other files are left alone).

    Listed and removed through one descriptor opened without following links, so a
    `backups/` that is (or becomes) a link never has its target's files removed.
    """
    try:
        fd = paths.open_own_folder(folder)
    except (OSError, NotOwnFolderError):
        return []
    try:
        found = _snapshots_in(folder, fd)
        keep = to_keep([day for day, _ in found], today)
        removed = []
        for day, path in found:
            if day not in keep:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path.name, dir_fd=fd)
                removed.append(path)
        return removed
    finally:
        os.close(fd)


def manual_backup(home: Path, out: Path | None, *, overwrite: bool, now: datetime) -> Path:
    """Back up the journal on request: to `out`, or to a new file in the backups folder."""
    db_path = paths.database_path(home)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise InputError("home", f"There is no journal in {home} to back up yet.")
    with storage_errors(home, os_errors=True):
        clean_up(home)
    if out is None:
        try:
            with storage_errors(home, os_errors=True):
                folder = ensure_backup_folder(home)
        except NotOwnFolderError as exc:
            raise InputError("out", f"{exc.message} Or choose where to write with --out.") from None
        return unique_snapshot(db_path, folder, f"manual-{now:%Y-%m-%d-%H%M%S}")
    return snapshot(db_path, out, overwrite=overwrite)


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
