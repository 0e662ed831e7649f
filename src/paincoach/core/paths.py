"""Where paincoach keeps its files, and keeping them private."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from datetime import date
from pathlib import Path

from paincoach.core.errors import NotOwnFolderError, StorageError

ENV_HOME = "PAINCOACH_HOME"
DB_NAME = "paincoach.db"
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def resolve_home(cli_home: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: `--home`, else `PAINCOACH_HOME`, else the platform's data folder."""
    if cli_home:
        return Path(cli_home).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("paincoach", appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and any missing parents) readable by the owner only.

    Each folder made is 0700 whatever the umask (`mkdir(parents=True)` would make the
    parents with the umask's mode); an existing folder is kept as is here.
    """
    if not path.is_dir():
        missing = [path, *[p for p in path.parents if not p.exists()]]
        for folder in reversed(missing):
            with contextlib.suppress(FileExistsError):  # another paincoach made it just now
                folder.mkdir(mode=PRIVATE_DIR)
                folder.chmod(PRIVATE_DIR)  # mkdir's mode is filtered by the umask
    return path


_OWN_FOLDER_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def not_own_folder(folder: Path, *, foreign: bool = False) -> NotOwnFolderError:
    """The plain message for a `backups/` or `writing/` that paincoach will not use."""
    what = "belongs to another user" if foreign else "is a link to somewhere else (or not a folder)"
    return NotOwnFolderError(
        folder,
        f"{folder} {what}, so paincoach did not use it: nothing was written, tidied or "
        f"changed through it. Move it aside, and paincoach makes a private {folder.name} "
        "folder of its own there.",
    )


def open_own_folder(folder: Path) -> int:
    """An open descriptor on a folder of paincoach's own, never through a link.

    `O_NOFOLLOW` decides at the moment of opening, so a link put in its place after a
    check is never followed; listing, removing (`dir_fd`) and chmod-ing through the
    descriptor then act on this folder alone. Raises `NotOwnFolderError` for a link, a
    file or someone else's folder, `FileNotFoundError` when there is none.
    """
    try:
        fd = os.open(folder, _OWN_FOLDER_FLAGS)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            raise not_own_folder(folder) from None
        raise
    if _foreign(os.fstat(fd)):
        os.close(fd)
        raise not_own_folder(folder, foreign=True)
    return fd


def check_own_folder(folder: Path) -> None:
    """Raise `NotOwnFolderError` when `folder` is there but not a folder of ours (one lstat)."""
    try:
        info = folder.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(info.st_mode):
        raise not_own_folder(folder)
    if _foreign(info):
        raise not_own_folder(folder, foreign=True)


def ensure_own_folder(folder: Path) -> Path:
    """`folder` (in the data folder) made, or tightened to, 0700, never through a link.

    A folder made now is set to 0700 whatever the umask; an existing one of ours loses
    group and other access. Both through the descriptor, so the chmod cannot land on
    another folder.
    """
    ensure_private_dir(folder.parent)
    made = False
    with contextlib.suppress(FileExistsError):  # (or another paincoach made it just now)
        folder.mkdir(mode=PRIVATE_DIR)
        made = True
    fd = open_own_folder(folder)
    try:
        mode = stat.S_IMODE(os.fstat(fd).st_mode)
        wanted = PRIVATE_DIR if made else mode & PRIVATE_DIR
        if wanted != mode:
            os.fchmod(fd, wanted)
    finally:
        os.close(fd)
    return folder


def secure_home(home: Path) -> None:
    """Make the data folder safe to keep a journal in, or refuse it (`StorageError`).

    - A folder owned by another user is refused: its owner could read the journal, or plant
      a `-wal` file that SQLite would then write the next saved note into.
    - A folder of ours open to others (made by hand, or by `mkdir` with the usual 0755 or a
      shared 0777) is made 0700. The person's own home folder only loses write access for
      others (other programs may need to read it); `privacy_warning` names it.
    - Companion files (`-wal`, `-shm`) that SQLite never makes are not used: a symlink is
      removed (its target is left alone), and one owned by another user is refused.
    """
    info = home.stat()
    if _foreign(info):
        raise StorageError(
            f"The data folder {home} belongs to another user, so paincoach will not keep "
            "your journal there: they could read or change it. Choose a folder of your own "
            "with --home (or PAINCOACH_HOME)."
        )
    mode = stat.S_IMODE(info.st_mode)
    wanted = mode & ~0o022 if _is_user_home(home) else mode & PRIVATE_DIR
    if wanted != mode:
        with contextlib.suppress(OSError):
            home.chmod(wanted)
    for companion in sidecar_paths(database_path(home))[1:]:
        # One look at each: another paincoach closing its journal removes them at any moment.
        try:
            found = companion.lstat()
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(found.st_mode):
            with contextlib.suppress(FileNotFoundError):
                companion.unlink()
        elif _foreign(found):
            raise StorageError(
                f"{companion} belongs to another user, so paincoach did not open your "
                "journal beside it. Remove that file (it is not paincoach's), then try again."
            )


def _foreign(info: os.stat_result) -> bool:
    """True when a file or folder belongs to someone other than the person running us."""
    return hasattr(os, "getuid") and info.st_uid != os.getuid()


def privacy_warning(home: Path) -> str:
    """What to say when the data folder is open to others ("" when it is private)."""
    try:
        mode = stat.S_IMODE(home.stat().st_mode)
    except OSError:
        return ""
    if not mode & ~PRIVATE_DIR:
        return ""
    return (
        f"Your data folder {home} can be read by others on this computer (mode "
        f"{mode:04o}). To keep your journal private, run: chmod 700 '{home}', "
        "or choose a folder of its own with --home."
    )


def _is_user_home(path: Path) -> bool:
    try:
        return path.resolve() == Path.home().resolve()
    except (OSError, RuntimeError):
        return True  # cannot tell: leave it alone


def make_private(path: Path) -> None:
    """Take group and other access away from an existing file; a missing file is fine.

    Only permissions are removed, never added: a journal the person made read-only
    (0400) stays read-only rather than becoming writable again.
    """
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & ~PRIVATE_FILE:
            path.chmod(mode & PRIVATE_FILE)


def create_private_file(path: Path) -> None:
    """Create an empty file with mode 0600 before anything else writes to it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)


def database_path(home: Path) -> Path:
    """The journal database inside `home`."""
    return home / DB_NAME


BACKUP_DIR = "backups"
"""The folder beside the journal that holds its snapshots and pre-migration copies."""


def backup_folder(home: Path) -> Path:
    """Where backups of the journal in `home` go."""
    return home / BACKUP_DIR


def daily_backup_name(day: date) -> str:
    """The file name of one day's automatic snapshot."""
    return f"paincoach-{day.isoformat()}.db"


def sidecar_paths(db_path: Path) -> list[Path]:
    """The database file with its WAL and shared-memory companions."""
    return [
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ]


def escaped_path(path: Path) -> str:
    """`path` with every byte a URI would read specially escaped (`?`, `#`, `%`, spaces)."""
    from urllib.parse import quote_from_bytes

    return quote_from_bytes(os.fsencode(path), safe="/")


def file_uri(path: Path, mode: str = "ro") -> str:
    """A `file:` URI for `sqlite3.connect(..., uri=True)`.

    Unescaped, a folder named `why?` or `notes#1` would end the path early and open (or
    create) a different file.
    """
    return f"file:{escaped_path(path)}?mode={mode}"
