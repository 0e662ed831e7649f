"""Writing exports and backups: private (0600), whole or not at all, never over a file by chance.

A file is written under a temporary name in its own folder, flushed to disk and then
renamed into place, so a reader never sees half of it and a crash leaves the old file.
Unless overwriting was asked for, the final name is first claimed with `O_EXCL`, so an
existing file (or one another program creates meanwhile) is never replaced.

A kill (power cut, SIGKILL) can stop a write half way, leaving the hidden temporary copy
(which holds the person's words) and the empty claimed name. So every write is first
recorded in the data folder's `writing/` ledger, locked while the writer lives, and the
next run (`sweep_leftovers`) removes whatever a dead writer left, wherever it wrote.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path

from paincoach.core.errors import InputError, NotOwnFolderError
from paincoach.core.faults import kill_point
from paincoach.core.paths import PRIVATE_DIR, PRIVATE_FILE, open_own_folder

_NAME_TRIES = 1000
LEDGER_DIR = "writing"


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


def temp_name(target: Path) -> Path:
    """The hidden temporary name `target` is written under: `.NAME.<hex>.part`."""
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}.part")  # uuid: 8 ms to load


def is_temp_name(name: str) -> bool:
    """True for a name `temp_name` makes."""
    return name.startswith(".") and name.endswith(".part")


class _Record:
    """One write's entry in the ledger: what it writes, and whether it made the final name."""

    def __init__(self, ledger: Path | None, temp: Path, target: Path) -> None:
        self.entry: dict[str, object] = {
            "temp": str(temp.absolute()),
            "target": str(target.absolute()),
            "claimed": False,
        }
        self.path = None if ledger is None else ledger / f"{os.urandom(16).hex()}.json"
        self.fd = -1

    def __enter__(self) -> _Record:
        if self.path is not None:
            try:
                self._open(self.path)
            except OSError:  # a read-only data folder: the write goes ahead, unrecorded
                self.path = None
        return self

    def _open(self, path: Path) -> None:
        folder = _ledger_fd(path.parent)
        try:
            # Locked and filled under another name, so a sweep never sees it unlocked.
            hidden = path.with_suffix(".new").name
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL
            fd = os.open(hidden, flags, PRIVATE_FILE, dir_fd=folder)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)  # held until this writer ends (or dies)
                self.fd = fd
                self.write()
                os.replace(hidden, path.name, src_dir_fd=folder, dst_dir_fd=folder)
            except OSError:
                self.fd = -1
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(hidden, dir_fd=folder)
                raise
        finally:
            os.close(folder)

    def write(self, **changes: object) -> None:
        """Update the entry on disk before the step it describes."""
        self.entry.update(changes)
        if self.fd >= 0:
            data = json.dumps(self.entry).encode()
            os.ftruncate(self.fd, 0)
            os.pwrite(self.fd, data, 0)
            os.fsync(self.fd)

    def __exit__(self, *_: object) -> None:
        if self.path is not None and self.fd >= 0:
            self.path.unlink(missing_ok=True)
            os.close(self.fd)  # (releases the lock)


@contextlib.contextmanager
def private_output(
    target: Path, *, overwrite: bool = False, ledger: Path | None = None
) -> Iterator[Path]:
    """A private temporary path to write; on success it replaces `target` (see module).

    `ledger` is the data folder's `writing/` folder (see `ledger_folder`): with it, a kill
    mid-write leaves a record the next run cleans up after.
    """
    temp = temp_name(target)
    with _Record(ledger, temp, target) as record:
        claimed = False
        try:
            if not target.exists():  # said before claiming: a kill may come right after
                record.write(claimed=True)
            claimed = claim(target, overwrite=overwrite)
            kill_point("write:claimed")
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
            os.close(fd)
            yield temp
            kill_point("write:written")
            fsync_file(temp)
            temp.replace(target)
            fsync_folder(target.parent)
            kill_point("write:renamed")
        except BaseException:
            temp.unlink(missing_ok=True)
            if claimed:
                target.unlink(missing_ok=True)
            raise


def _ledger_fd(folder: Path) -> int:
    """The ledger folder opened without following links (records are written through it).

    A link put where `writing/` goes is removed (its target is left alone) and a private
    folder made in its place: the ledger is paincoach's own bookkeeping, like a `-wal`.
    """
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_DIR)
    try:
        return open_own_folder(folder)
    except NotOwnFolderError:
        if not folder.is_symlink():
            raise OSError(errno.ENOTDIR, "not a folder", str(folder)) from None
        folder.unlink()
        folder.mkdir(mode=PRIVATE_DIR)
        return open_own_folder(folder)


def ledger_folder(home: Path) -> Path:
    """Where writes are recorded while they run (see module)."""
    return home / LEDGER_DIR


def _live_or_sweep(record: Path) -> dict[str, object] | None:
    """The entry of a live writer's record; a dead writer's leftovers are removed (None)."""
    try:
        fd = os.open(record, os.O_RDONLY)
    except OSError:  # gone meanwhile: its writer has finished
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # its writer is still at work
            with contextlib.suppress(OSError, ValueError):
                entry: dict[str, object] = json.loads(os.pread(fd, 1 << 16, 0) or b"{}")
                return entry
            return {}
        with contextlib.suppress(OSError, ValueError):
            entry = json.loads(os.pread(fd, 1 << 16, 0) or b"{}")
            temp = entry.get("temp")
            is_temp = isinstance(temp, str) and is_temp_name(Path(temp).name)
            if is_temp and not _through_link(Path(str(temp))):
                Path(str(temp)).unlink(missing_ok=True)
            target = entry.get("target")
            if entry.get("claimed") is True and isinstance(target, str):
                _unlink_if_empty(Path(target))
        with contextlib.suppress(OSError):
            record.unlink()
        return None
    finally:
        os.close(fd)


def _unlink_if_empty(path: Path) -> None:
    with contextlib.suppress(OSError):
        if _through_link(path):
            return
        if not path.is_symlink() and path.is_file() and path.stat().st_size == 0:
            path.unlink()


def _through_link(path: Path) -> bool:
    """True when `path`'s folder is now a link: a leftover there is not ours to remove."""
    return path.parent.is_symlink()


def sweep_leftovers(home: Path, *folders: Path) -> None:
    """Remove what killed writes left: their temporary copies and empty claimed names.

    Every recorded write whose writer is gone is undone; in each of `folders` (ours alone,
    such as `backups/`), any temporary copy no live writer is using goes too (listed first,
    so a copy made after the listing is never mistaken for a leftover).
    """
    found = [p for folder in folders for p in _listed(folder) if is_temp_name(p.name)]
    live: set[str] = set()
    for record in _listed(ledger_folder(home)):
        if record.suffix == ".json":
            entry = _live_or_sweep(record)
            if entry is not None:
                live.add(str(entry.get("temp", "")))
    for path in found:
        if _through_link(path):
            continue
        if str(path.absolute()) not in live and not path.is_symlink() and path.is_file():
            with contextlib.suppress(OSError):  # (a read-only folder keeps it for later)
                path.unlink()


def _listed(folder: Path) -> list[Path]:
    """What `folder` holds; nothing for a link (it is opened without following one)."""
    try:
        fd = open_own_folder(folder)
    except (OSError, NotOwnFolderError):
        return []
    try:
        return [folder / name for name in os.listdir(fd)]  # noqa: PTH208 (the descriptor)
    except OSError:
        return []
    finally:
        os.close(fd)
