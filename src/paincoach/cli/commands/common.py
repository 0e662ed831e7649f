"""What the commands share: the journal opened with the day's backup, plain output lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from paincoach.core.errors import StorageError

if TYPE_CHECKING:
    from paincoach.db.engine import Database

PRIVATE_NOTE = "Only you can read it (mode 0600). It holds your own words: keep it private."
PRIVATE_FILES = "Only you can read them (mode 0600). They hold your own words: keep them private."
WAITING_FOR_IMPORT = (
    "paincoach: another paincoach is importing into your journal. This waits for it to "
    "finish and then goes ahead; nothing is lost meanwhile."
)


def backup_today(db_path: Path) -> Path | None:
    """Today's automatic snapshot if it is due; a failure is reported, never fatal."""
    from paincoach.transfer.backup import daily_backup_if_due

    try:
        return daily_backup_if_due(db_path)
    except (StorageError, OSError) as exc:
        reason = exc.message if isinstance(exc, StorageError) else str(exc)
        sys.stderr.write(f"paincoach: today's automatic backup was not made. {reason}\n")
        return None


def open_database(home: Path) -> Database:
    """Open the journal, taking the day's automatic backup on the first open of the day."""
    from paincoach.db.engine import Database

    db = Database.open(home)
    db.on_import_wait = say_waiting
    if not db.read_only:  # a journal that cannot be written cannot have changed either
        backup_today(db.path)
    return db


def say_waiting() -> None:
    """Said once per wait, on stderr, so that scripts reading stdout are not confused."""
    sys.stderr.write(WAITING_FOR_IMPORT + "\n")
    sys.stderr.flush()


def say(text: str, *, stream: TextIO | None = None) -> None:
    """One line for the person (plain text, never wrapped: paths stay copyable)."""
    from paincoach.core.textsafe import visible

    (stream or sys.stdout).write(visible(text) + "\n")
