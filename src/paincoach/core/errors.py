"""Errors that carry a message meant for the person using paincoach.

Every message says what happened and what to do, in plain words. The CLI maps
`InputError` to exit status 2 and every other `PaincoachError` to 1.
"""

from __future__ import annotations


class PaincoachError(Exception):
    """An expected problem with a message a user can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(PaincoachError):
    """A value the user gave is not acceptable; `field` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class UnlikelyDateError(InputError):
    """A date that is possible but unlikely to be meant (1990, or long before the first entry).

    The person confirms it (`--yes`, or a question in the app) and saves again.
    """

    def __init__(self, message: str) -> None:
        super().__init__("when", message)


class NotFoundError(PaincoachError):
    """An entry the user asked for does not exist (any more)."""


class StorageError(PaincoachError):
    """The journal file cannot be used as asked; nothing was overwritten."""


class NotOwnFolderError(StorageError):
    """A folder paincoach keeps in the data folder (`backups/`, `writing/`) is a link, a file
    or someone else's: it is not used, so nothing is written, tidied or chmod-ed through it.
    """

    def __init__(self, folder: object, message: str) -> None:
        super().__init__(message)
        self.folder = folder


class NotADatabaseError(StorageError):
    """The file is not a SQLite database, or not a paincoach one."""


class DamagedDatabaseError(StorageError):
    """SQLite reports the file as damaged."""


class TooNewDatabaseError(StorageError):
    """The file was written by a newer paincoach; we only read it."""


class ReadOnlyError(StorageError):
    """The file or its folder cannot be written."""


class DiskFullError(StorageError):
    """There is no room left to write."""


class LockedError(StorageError):
    """Another program held the journal for too long."""
