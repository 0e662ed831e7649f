"""Writing exports and backups: private (0600), whole or not at all, never over a file by chance.

A file is written under a temporary name in its own folder, flushed to disk and then
renamed into place, so a reader never sees half of it and a crash leaves the old file.
Unless overwriting was asked for, the final name is first claimed with `O_EXCL`, so an
existing file (or one another program creates meanwhile) is never replaced.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from paincoach.core.errors import InputError
from paincoach.core.paths import PRIVATE_FILE

_NAME_TRIES = 1000


class FileExistsInputError(InputError):
    """The file to write already exists and overwriting was not asked for."""


def claim(target: Path, *, overwrite: bool) -> bool:
    """Create `target` empty and private unless it exists; True when this call created it."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        if overwrite and target.is_file():
            return False
        what = "a folder" if target.is_dir() else "a file"
        raise FileExistsInputError(
            "out",
            f"{target} already exists ({what}); nothing was written. Choose another name with "
            "--out, or add --force to replace it.",
        ) from None
    os.close(fd)
    return True


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """`stem` + `suffix` in `folder`, or `stem-2` + `suffix` … for the first name not taken."""
    for number in range(1, _NAME_TRIES + 1):
        name = f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}"
        candidate = folder / name
        if not candidate.exists():
            return candidate
    raise InputError("out", f"Too many files named {stem}… in {folder}; use --out.")


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a file's bytes to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_output(target: Path, *, overwrite: bool = False) -> Iterator[Path]:
    """A private temporary path to write; on success it replaces `target` (see module)."""
    claimed = claim(target, overwrite=overwrite)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        os.close(fd)
        yield temp
        fsync_file(temp)
        temp.replace(target)
        fsync_folder(target.parent)
    except BaseException:
        temp.unlink(missing_ok=True)
        if claimed:
            target.unlink(missing_ok=True)
        raise
