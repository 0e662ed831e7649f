"""Running schema migrations: a backup copy first, then each step in its own transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine

from paincoach.core import clock, paths
from paincoach.core.errors import NotOwnFolderError, StorageError
from paincoach.core.private_files import FileExistsInputError, ledger_folder, private_output
from paincoach.db import migrations
from paincoach.db.copy import copy_journal
from paincoach.db.errors import storage_errors

_NAME_TRIES = 100


class _UpgradedMeanwhileError(Exception):
    """The copy shows a newer schema: another paincoach upgraded (and backed up) first."""


def upgrade(engine: Engine, path: Path, current: int) -> Path | None:
    """Bring the journal to the newest schema; returns the pre-migration backup, if one was made.

    No backup is kept when another paincoach upgraded the journal between our look at its
    version and our copy: that one kept the copy of the old journal, and ours would only
    be a copy of the new one under a "before" name.
    """
    backup = snapshot_before_migration(path, current) if current > 0 else None
    write_engine = engine.execution_options(paincoach_begin="IMMEDIATE")
    for step in migrations.pending(current):
        with storage_errors(path), write_engine.begin() as conn:
            found = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            if found >= step.version:  # another process migrated meanwhile
                continue
            migrations.apply_step(conn.exec_driver_sql, step)
    return backup


def snapshot_before_migration(path: Path, version: int) -> Path | None:
    """Copy the journal aside (consistently, via SQLite's backup API) before changing its schema.

    The copy is made under a temporary name, flushed and renamed into place, so a copy
    cut short by a crash never looks like a backup; and under a name no other file has:
    two paincoach processes may migrate in the same second, and one killed half way leaves
    its name taken. Neither may stop the next open.
    """
    try:
        folder = paths.ensure_own_folder(paths.backup_folder(path.parent))
    except NotOwnFolderError as exc:
        raise NotOwnFolderError(
            exc.folder,
            f"paincoach keeps a copy of your journal before it updates the journal's format, "
            f"and could not keep one: {exc.message} Your journal was not changed.",
        ) from None
    stem = f"before-schema-{version + 1}-{clock.now():%Y%m%d-%H%M%S}"
    ledger = ledger_folder(path.parent)
    for number in range(1, _NAME_TRIES + 1):
        target = folder / (f"{stem}.db" if number == 1 else f"{stem}-{number}.db")
        try:
            # Recorded in the ledger like every other copy, so the sweep another paincoach
            # runs at the same moment knows this temporary copy is live and leaves it be.
            with private_output(target, ledger=ledger) as temp, storage_errors(path):
                copy_journal(path, temp, read_only=False)
                if _schema_of(temp) != version:
                    raise _UpgradedMeanwhileError  # (the temporary copy and the name are removed)
        except FileExistsInputError:  # the name is taken (another process, this second)
            continue
        except _UpgradedMeanwhileError:
            return None
        return target
    raise StorageError(
        f"paincoach could not find a free name for a backup in {folder}. Nothing was "
        "changed. Move old files out of that folder and open paincoach again."
    )


def _schema_of(copy: Path) -> int:
    """The schema version of a finished copy (its `user_version`)."""
    conn = sqlite3.connect(copy)
    try:
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return version
    finally:
        conn.close()
