"""Where paincoach keeps its files, and keeping them private."""

from __future__ import annotations

import contextlib
import os
import stat
from datetime import date
from pathlib import Path

from paincoach.core.errors import StorageError

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
