"""Turn SQLite's errors into messages a person can act on."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from paincoach.core.errors import (
    DamagedDatabaseError,
    DiskFullError,
    LockedError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
)


def transient_io_error(error: StorageError) -> bool:
    """True for SQLite's "disk I/O error" (not a full disk, a damaged file or a locked one)."""
    cause = error.__cause__
    return isinstance(cause, sqlite3.Error) and "disk i/o error" in str(cause).lower()


def translate_sqlite_error(exc: BaseException, path: Path) -> StorageError:
    """The `StorageError` that explains a low-level SQLite error."""
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFullError(
            f"There is no room left to save to {path}. Nothing was lost, but this entry was "
            "not saved: free some disk space and save again."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(
            f"paincoach cannot write to {path}: the file or its folder is read-only. "
            "This entry was not saved. Check the folder's permissions, or use --home."
        )
    if "locked" in text or "busy" in text:
        return LockedError(
            "Another program kept the journal busy for too long, so this entry was not saved. "
            "Please try again in a moment."
        )
    if "not a database" in text or "file is encrypted" in text:
        return NotADatabaseError(
            f"{path} is not a paincoach journal (it is not a readable SQLite database). "
            "Nothing was changed. Move it aside, or use --home to choose another folder."
        )
    if "malformed" in text or "corrupt" in text:
        return DamagedDatabaseError(damaged_message(path, str(exc)))
    if "unable to open" in text:
        return _unable_to_open(path)
    if "no such table" in text:
        return StorageError(
            f"The journal {path} is not the file paincoach opened: it was replaced or "
            "emptied while paincoach was open. This was not saved, and nothing else was "
            "changed. Close paincoach and open it again."
        )
    return StorageError(f"The journal {path} could not be used: {exc}.")


def _unable_to_open(path: Path) -> StorageError:
    """Why SQLite could not open the journal, as far as the file system can tell."""
    if path.parent.is_dir() and not path.exists():
        # The journal was there when paincoach opened it (it is never created by SQLite).
        return StorageError(
            f"The journal {path} is no longer there: it was moved or deleted while paincoach "
            "was open. This was not saved, and nothing else was changed. Put the file back, "
            "or close paincoach and open it again."
        )
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        return ReadOnlyError(
            f"paincoach cannot open {path}: its folder is read-only (a journal writes beside "
            "itself even to be read). Nothing was changed. Make the folder writable, or copy "
            "it somewhere you may write to and use --home."
        )
    return StorageError(
        f"paincoach cannot open {path}. Check that the folder exists and that you may "
        "write to it, or use --home to choose another folder."
    )


def translate_os_error(exc: OSError, home: Path) -> StorageError:
    """The `StorageError` that explains why the data folder or journal file cannot be used."""
    where = Path(exc.filename) if exc.filename else home
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(
            f"There is no room left to write to {where}. Nothing was lost: free some disk "
            "space and try again."
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyError(
            f"paincoach is not allowed to use {where} ({exc.strerror}). Nothing was changed. "
            "Check the folder's permissions, or use --home to choose another folder."
        )
    if exc.errno == errno.ENOTDIR or (exc.errno == errno.EEXIST and not home.is_dir()):
        return StorageError(
            f"paincoach cannot use {home} as its data folder: a file is in the way where a "
            "folder should be. Nothing was changed. Use --home (or PAINCOACH_HOME) to choose "
            "another folder."
        )
    if exc.errno == errno.EISDIR:
        return NotADatabaseError(
            f"{where} is a folder, not a paincoach journal. Nothing was changed. "
            "Move it aside, or use --home to choose another folder."
        )
    return StorageError(
        f"paincoach cannot use {where} ({exc.strerror or exc}). Nothing was changed. "
        "Check that the folder exists and that you may write to it, or use --home."
    )


@contextmanager
def storage_errors(path: Path, *, os_errors: bool = False) -> Iterator[None]:
    """Re-raise SQLite errors inside the block as `StorageError`s (and, with `os_errors`,
    the file system's errors too, as problems with `path`'s folder)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, path) from exc
    except OSError as exc:
        if not os_errors:
            raise
        raise translate_os_error(exc, path.parent) from exc
    except Exception as exc:
        driver = driver_error(exc)
        if driver is None:
            raise
        raise translate_sqlite_error(driver, path) from exc


def driver_error(exc: BaseException) -> BaseException | None:
    """The error SQLAlchemy wrapped (itself when it has none), or None for any other error.

    SQLAlchemy is looked for only once loaded: the fast commands (`db.quick`) never load it,
    and an error from it cannot happen before it is.
    """
    sqlalchemy_errors = sys.modules.get("sqlalchemy.exc")
    if sqlalchemy_errors is None or not isinstance(exc, sqlalchemy_errors.DBAPIError):
        return None
    return exc.orig or exc


def damaged_message(path: Path, detail: str) -> str:
    """What to say when SQLite finds the file damaged."""
    return (
        f"The journal {path} is damaged (SQLite found: {detail}). Nothing was changed. "
        "If you have a backup, move the damaged file aside and copy the backup in its place; "
        "`paincoach doctor` lists what it finds."
    )
