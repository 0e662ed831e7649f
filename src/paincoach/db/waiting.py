"""Writers wait for an import instead of failing: the import lock, and beginning a write.

An import writes everything in one transaction (all or nothing), and a big one holds the
journal for longer than the busy timeout. So it holds an advisory lock on
`<data folder>/importing.lock` (`flock`, released by the system even if it is killed) for
as long as it writes. A writer whose busy timeout runs out looks at that lock: while an
import holds it, the writer keeps waiting (and says so once); otherwise it fails as
before. See docs/decisions.md, "A long import and other writers".
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from paincoach.core.paths import PRIVATE_FILE
from paincoach.db.errors import driver_error

LOCK_NAME = "importing.lock"
#: The data folders whose import lock this thread holds: an import's own write never waits
#: for itself (behind another program stuck mid-write, it fails after the timeout as before).
_held = threading.local()


def lock_path(home: Path) -> Path:
    """The import lock of the journal in `home`."""
    return home / LOCK_NAME


@contextlib.contextmanager
def importing(home: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the import lock for the block (waiting first, and saying so, for another import)."""
    fd = os.open(lock_path(home), os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, PRIVATE_FILE)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        _holding().add(home)
        try:
            yield
        finally:
            _holding().discard(home)
    finally:
        os.close(fd)  # (releases the lock)


def _holding() -> set[Path]:
    if not hasattr(_held, "homes"):
        _held.homes = set()
    homes: set[Path] = _held.homes
    return homes


def import_running(home: Path) -> bool:
    """Whether an import (in any process) holds the journal in `home` right now."""
    try:
        fd = os.open(lock_path(home), os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:  # no import ever ran here (or the file cannot be read): none runs
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def is_busy(exc: BaseException) -> bool:
    """Whether a database error says only that another connection holds the journal."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "locked" in text or "busy" in text


def begin_writing(
    begin: Callable[[], object], home: Path, on_wait: Callable[[], None] | None = None
) -> None:
    """Run `begin` (a BEGIN IMMEDIATE); while an import holds the journal, try again.

    Each try waits up to the busy timeout. When it runs out and no import runs, the error
    goes up as before; an import that has just ended gets one more try, since its end may
    have come between the timeout and the look at the lock. `on_wait` is called once, the
    first time this write has to wait for an import.
    """
    import_seen = told = False
    while True:
        try:
            begin()
            return
        except Exception as exc:  # sqlite3's own error, or SQLAlchemy's wrapping it
            if not isinstance(exc, sqlite3.OperationalError) and driver_error(exc) is None:
                raise
            if not is_busy(exc):
                raise
            if home not in _holding() and import_running(home):
                import_seen = True
                if not told and on_wait is not None:
                    told = True
                    on_wait()
                continue
            if not import_seen:
                raise
            import_seen = False
