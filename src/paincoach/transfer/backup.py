"""Backups: a consistent snapshot once a day, pruning, backing up on request, and restoring.

Checking a backup and restoring one are in `transfer.restoring`, so that the day's snapshot,
taken at every `paincoach log`, loads none of their records at start-up (issue 18).

Snapshots use SQLite's backup API, which copies one consistent state of the journal even
while another program writes to it. Each is written to a temporary file in
`<home>/backups/` (0600, in a 0700 folder), flushed to disk, and renamed into place.
The last 7 daily snapshots are kept, and the newest of each of the 4 weeks before them.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import date, datetime
from pathlib import Path

from paincoach.core import clock, paths
from paincoach.core.errors import InputError, NotOwnFolderError, StorageError
from paincoach.core.private_files import (
    FileExistsInputError,
    ledger_folder,
    private_output,
    sweep_leftovers,
)
from paincoach.db.copy import copy_journal
from paincoach.db.errors import storage_errors

KEEP_DAILY = 7
KEEP_WEEKLY = 4
TIMEOUT_S = 10.0
_DAILY = re.compile(r"^paincoach-(\d{4}-\d{2}-\d{2})\.db$")


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
