"""Running schema migrations: a backup copy first, then each step in its own transaction."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from paincoach import paths
from paincoach.db import migrations
from paincoach.db.errors import storage_errors


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
    """Copy the journal aside (consistently, via SQLite's backup API) before changing its schema."""
    folder = paths.ensure_private_dir(path.parent / "backups")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"before-schema-{version + 1}-{stamp}.db"
    paths.create_private_file(target)
    with storage_errors(path):
        source = sqlite3.connect(path)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
    return target
