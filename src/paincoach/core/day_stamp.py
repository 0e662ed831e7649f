"""The day stamp: one small file that says which day last got a check-in.

`paincoach remind` and the shell prompt snippet (`paincoach remind --shell`) ask one
question many times an hour: "is there a check-in today?". Opening the journal to answer
would cost a Python start per prompt, so every save of a check-in also writes its local day
to `<home>/checked-in` ("2026-12-02" and a newline). The shell compares that text with
`date +%F`; Python reads it in microseconds. The journal stays the truth: a stamp that is
missing, unreadable or stale only means the journal is asked (`remind` does), and a delete
or an import rewrites it from the journal (`rewrite`).

The file holds a date and nothing else (no health data), yet it is private like the rest.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

STAMP_NAME = "checked-in"
_MODE = 0o600


def stamp_path(home: Path) -> Path:
    """Where the day stamp of the journal in `home` lives."""
    return home / STAMP_NAME


def read_stamp(home: Path) -> date | None:
    """The day in the stamp, or None when there is none (or it is not a date)."""
    try:
        text = stamp_path(home).read_text(encoding="ascii").strip()
        return date.fromisoformat(text)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def note_checkin_day(home: Path, day: date) -> None:
    """A check-in for `day` was just saved: move the stamp on to it if it is newer.

    Never raises: the check-in is already saved, and a stamp that could not be written
    (a read-only folder, a full disk) only means `remind` asks the journal instead.
    """
    current = read_stamp(home)
    if current is None or day > current:
        _write(home, day)


def rewrite(home: Path, latest: date | None) -> None:
    """Set the stamp to the journal's latest check-in day (after a delete or an import)."""
    if latest is None:
        with contextlib.suppress(OSError):
            stamp_path(home).unlink(missing_ok=True)
        return
    if read_stamp(home) != latest:
        _write(home, latest)


def _write(home: Path, day: date) -> None:
    """Write the stamp whole (a temporary file renamed over it), readable by the owner only."""
    target = stamp_path(home)
    temp = home / f".{STAMP_NAME}.{os.getpid()}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, _MODE)
        try:
            os.write(fd, f"{day.isoformat()}\n".encode("ascii"))
        finally:
            os.close(fd)
        temp.replace(target)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
