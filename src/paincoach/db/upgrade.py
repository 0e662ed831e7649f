"""Running schema migrations: a backup copy first, then each step in its own transaction."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from paincoach import paths
from paincoach.db import migrations
from paincoach.db.errors import storage_errors
from paincoach.errors import StorageError

_NAME_TRIES = 100


def upgrade(engine: Engine, path: Path, current: int) -> Path | None:
    """Bring the journal to the newest schema; returns the pre-migration backup, if one was made."""
    backup = snapshot_before_migration(path, current) if current > 0 else None
    write_engine = engine.execution_options(paincoach_begin="IMMEDIATE")
    for step in migrations.pending(current):
        with storage_errors(path), write_engine.begin() as conn:
            found = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            if found >= step.version:  # another process migrated meanwhile
                continue
            migrations.apply_step(conn.exec_driver_sql, step)
    return backup


def snapshot_before_migration(path: Path, version: int) -> Path:
    """Copy the journal aside (consistently, via SQLite's backup API) before changing its schema.

    The copy is written under a temporary name and renamed into place (see `backup.snapshot`),
    under a name no other file has: two paincoach processes may migrate in the same second,
    and one killed half way leaves its name taken. Either must not stop the next open.
    """
    from paincoach.backup import snapshot
    from paincoach.private_files import FileExistsInputError

    folder = paths.ensure_private_dir(path.parent / "backups")
    stem = f"before-schema-{version + 1}-{datetime.now():%Y%m%d-%H%M%S}"
    for number in range(1, _NAME_TRIES + 1):
        target = folder / (f"{stem}.db" if number == 1 else f"{stem}-{number}.db")
        if target.exists():
            continue
        try:
            return snapshot(path, target)
        except FileExistsInputError:  # taken between the check and the claim
            continue
    raise StorageError(
        f"paincoach could not find a free name for a backup in {folder}. Nothing was "
        "changed. Move old files out of that folder and open paincoach again."
    )
