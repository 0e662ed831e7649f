"""One consistent copy of a journal file, through SQLite's backup API (backups, migrations)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from paincoach.core.paths import file_uri

TIMEOUT_S = 10.0


def copy_journal(source: Path, dest: Path, *, read_only: bool = True) -> None:
    """Copy one consistent state of `source` into the (empty) file `dest`, as a plain file.

    The copy is one self-contained file (journal mode DELETE: no -wal or -shm beside it).
    With `read_only`, `source` is opened through an escaped read-only URI; otherwise by its
    path, which the migration does while it holds the journal itself.
    """
    src = (
        sqlite3.connect(file_uri(source), uri=True, timeout=TIMEOUT_S)
        if read_only
        else sqlite3.connect(source, timeout=TIMEOUT_S)
    )
    try:
        out = sqlite3.connect(dest, timeout=TIMEOUT_S)
        try:
            src.backup(out)  # all pages in one step: a single read transaction
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()
