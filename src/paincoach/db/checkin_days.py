"""Which days have a check-in, asked through the standard library's sqlite3 alone.

`paincoach remind` runs from cron, a systemd timer or a login script, and asks one
question: "is there a check-in today?". Loading the ORM to answer would cost more than the
answer, so this module opens the journal read-only with `sqlite3` (never creating,
migrating or changing it) and runs two indexed queries. It imports no SQLAlchemy, SQLModel
or pydantic (`tests/unit/db/test_checkin_days.py` checks).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from paincoach.core import day_stamp, paths

#: How long a read waits for a writer that holds the file (a restore, say), in ms.
READ_TIMEOUT_MS = 2000

HAS_DAY_SQL = "SELECT 1 FROM checkins WHERE day = ? LIMIT 1"
LATEST_DAY_SQL = "SELECT max(day) FROM checkins"
SETTING_SQL = "SELECT value FROM settings WHERE key = ?"


@contextlib.contextmanager
def reading(home: Path) -> Iterator[sqlite3.Connection]:
    """The journal in `home`, open read-only; `FileNotFoundError` when there is none.

    Raises `sqlite3.Error` for a file SQLite cannot read (damaged, someone else's).
    """
    db_path = paths.database_path(home)
    if not db_path.is_file():
        raise FileNotFoundError(db_path)
    conn = sqlite3.connect(paths.file_uri(db_path, "ro"), uri=True, timeout=READ_TIMEOUT_MS / 1000)
    try:
        yield conn
    finally:
        conn.close()


def has_checkin_on(conn: sqlite3.Connection, day: date) -> bool:
    """Whether the journal holds a check-in on local day `day` (the `day` column's rule)."""
    return conn.execute(HAS_DAY_SQL, (day.isoformat(),)).fetchone() is not None


def latest_checkin_day(conn: sqlite3.Connection) -> date | None:
    """The newest local day with a check-in, or None for a journal without one."""
    row = conn.execute(LATEST_DAY_SQL).fetchone()
    return day_or_none(row[0] if row else None)


def stored_setting(conn: sqlite3.Connection, key: str) -> object:
    """One stored setting's value decoded from JSON; None when unset or unreadable."""
    row = conn.execute(SETTING_SQL, (key,)).fetchone()
    if row is None or not isinstance(row[0], str):
        return None
    try:
        return json.loads(row[0])
    except ValueError:
        return None


def restamp(home: Path) -> None:
    """Set the day stamp from the journal itself (after an import or a restore).

    Never raises: the change is made. A journal that cannot be read here leaves no stamp,
    so `remind` asks the journal next time rather than trusting an old one.
    """
    try:
        with reading(home) as conn:
            latest = latest_checkin_day(conn)
    except (OSError, sqlite3.Error):
        day_stamp.rewrite(home, None)
        return
    day_stamp.rewrite(home, latest)


def day_or_none(text: object) -> date | None:
    """A stored `day` (ISO text) as a date; None for none or a value that is not a date."""
    if not isinstance(text, str):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
