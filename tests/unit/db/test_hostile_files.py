"""Files paincoach must not trust: each gets a plain message, and nothing is overwritten."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from paincoach.core import paths
from paincoach.core.day_stamp import STAMP_NAME
from paincoach.core.errors import (
    DamagedDatabaseError,
    DiskFullError,
    LockedError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
)
from paincoach.db import engine as db_engine
from paincoach.db import file_checks
from paincoach.db.engine import Database
from paincoach.settings import Settings, save_settings
from tests.storage_support import checkin, digest, open_journal


def _snapshot(folder: Path) -> dict[str, str | None]:
    """Every file in `folder` by name (sidecars included) with its bytes' digest."""
    if not folder.is_dir():
        return {}
    return {p.name: digest(p) for p in sorted(folder.iterdir())}


def _assert_refused(home: Path, error: type[StorageError], *words: str) -> StorageError:
    """Opening `home` fails with `error`, a message containing `words`, and no change."""
    before = _snapshot(home)
    with pytest.raises(error) as caught:
        Database.open(home)
    message = caught.value.message
    for word in words:
        assert word in message, message
    assert "Traceback" not in message
    assert _snapshot(home) == before
    return caught.value


def _journal_file(home: Path, data: bytes) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    db_path = paths.database_path(home)
    db_path.write_bytes(data)
    return db_path


# -- not a journal at all ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(8192),
        b"milk\neggs\nbread\n",
        b"SQLite",  # shorter than the header
        b"SQLite format 3\x00" + bytes(range(256)) * 16,  # the right magic, nonsense after
    ],
    ids=["random-bytes", "text-file", "short", "magic-then-garbage"],
)
def test_a_file_that_is_not_sqlite_is_refused(home: Path, data: bytes) -> None:
    _journal_file(home, data)
    error = _assert_refused(home, NotADatabaseError, "not a paincoach journal", "Nothing was")
    assert str(paths.database_path(home)) in error.message
    assert "--home" in error.message


def test_a_database_of_another_program_is_refused(home: Path) -> None:
    home.mkdir()
    conn = sqlite3.connect(paths.database_path(home))
    conn.execute("CREATE TABLE recipes (name TEXT, steps TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup', 'boil')")
    conn.commit()
    conn.close()
    _assert_refused(home, NotADatabaseError, "another program", "Nothing was changed", "--home")


def test_a_database_with_another_application_id_is_refused(home: Path) -> None:
    home.mkdir()
    conn = sqlite3.connect(paths.database_path(home))
    conn.execute("PRAGMA application_id = 123456")
    conn.execute("CREATE TABLE checkins (id INTEGER PRIMARY KEY)")  # even with our names
    conn.commit()
    conn.close()
    _assert_refused(home, NotADatabaseError, "another program")


# -- damaged journals ---------------------------------------------------------------------


def _real_journal(home: Path, entries: int = 120) -> Path:
    journal = open_journal(home)
    for i in range(entries):
        journal.add_checkin(checkin(pain=i % 11, note=f"entry {i} " + "words " * 40))
    journal.db.close()
    db_path = paths.database_path(home)
    # the WAL checkpointed, gone; the day stamp beside it (core/day_stamp.py)
    assert {p.name for p in home.iterdir()} == {paths.DB_NAME, STAMP_NAME}
    return db_path


def _overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def test_a_damaged_page_is_reported_and_nothing_is_written(home: Path) -> None:
    db_path = _real_journal(home)
    page_size = int.from_bytes(db_path.read_bytes()[16:18], "big")
    assert db_path.stat().st_size // page_size > 10
    for page in (3, 5, 8):  # b-tree pages in the middle of the check-ins
        _overwrite(db_path, page * page_size, b"\x0d\xff\xff\xff\xff" + b"\xee" * 60)
    _assert_refused(home, DamagedDatabaseError, "damaged", "Nothing was changed", "backup")


def test_a_truncated_journal_is_reported(home: Path) -> None:
    db_path = _real_journal(home)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    _assert_refused(home, DamagedDatabaseError, "damaged", "Nothing was changed")


@pytest.mark.parametrize(
    ("offset", "data"),
    [(0, b"SQLite format 4\x00"), (16, b"\x00\x07")],  # the magic; an impossible page size
    ids=["magic", "page-size"],
)
def test_a_damaged_header_is_refused(home: Path, offset: int, data: bytes) -> None:
    db_path = _real_journal(home, entries=5)
    _overwrite(db_path, offset, data)
    _assert_refused(home, NotADatabaseError, "not a paincoach journal", "Nothing was changed")


# -- read-only -------------------------------------------------------------------------------


def test_a_read_only_journal_refuses_writes_in_plain_words(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, file modes do not stop writes, so open every connection with SQLite's
    `mode=ro` URI instead: SQLite then refuses each write with SQLITE_READONLY, exactly as
    it does for a file the person may not write, and that is the path under test.
    (test_a_read_only_file_as_another_user below does the real thing when it can.)
    """
    journal = open_journal(home)
    kept = journal.add_checkin(checkin(note="written before"))
    journal.db.close()
    db_path = paths.database_path(home)
    before = digest(db_path)
    real_make_engine = db_engine._make_engine
    monkeypatch.setattr(
        db_engine,
        "_make_engine",
        lambda path, read_only=False: real_make_engine(path, read_only=True),
    )
    journal = open_journal(home)
    assert not journal.db.read_only  # paincoach itself did not choose read-only here
    assert journal.entry(kept.uid).note == "written before"
    for attempt in (
        lambda: journal.add_checkin(checkin(note="never saved")),
        lambda: journal.delete(kept.uid),
        lambda: save_settings(journal.db, Settings(region="GB")),
    ):
        with pytest.raises(ReadOnlyError) as caught:
            attempt()
        assert "cannot write" in caught.value.message
        assert "permissions" in caught.value.message and "--home" in caught.value.message
    journal.db.close()
    assert digest(db_path) == before


_AS_NOBODY = textwrap.dedent(
    """
    import os, sys, tempfile
    from pathlib import Path
    from paincoach.db.engine import Database
    from paincoach.core.errors import PaincoachError
    from paincoach.journal.service import Journal
    from paincoach.records.entries import CheckInDraft
    from paincoach.core import clock

    # Import and exercise everything while still root: after setuid the interpreter cannot
    # read its own standard library (it lives under /root).
    with tempfile.TemporaryDirectory() as warm:
        j = Journal(Database.open(Path(warm)))
        j.add_checkin(CheckInDraft(clock.now(), 3))
        j.today_view()
        j.db.close()
    os.setgid(65534)
    os.setuid(65534)
    home = Path(sys.argv[1])
    journal = Journal(Database.open(home))
    print("read", len(journal.day(clock.now().date()).checkins))
    try:
        journal.add_checkin(CheckInDraft(clock.now(), 4, note="should not be saved"))
        print("WROTE")
    except PaincoachError as exc:
        print(type(exc).__name__, exc.message)
    """
)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="paincoach-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to switch user"
)
def test_a_read_only_file_as_another_user(shared_tmp: Path) -> None:
    """The real case: an unprivileged user whose journal file is mode 0400."""
    home = shared_tmp / "home"
    journal = open_journal(home)
    journal.add_checkin(checkin(at=None))
    journal.db.close()
    db_path = paths.database_path(home)
    for path in (home, db_path):
        os.chown(path, 65534, 65534)
    db_path.chmod(0o400)
    before = digest(db_path)
    result = subprocess.run(
        [sys.executable, "-c", _AS_NOBODY, str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("ReadOnlyError paincoach cannot write to"), result.stdout
    assert "Traceback" not in result.stderr
    assert digest(db_path) == before
    assert db_path.stat().st_mode & 0o777 == 0o400  # still read-only afterwards


# -- disk full -------------------------------------------------------------------------------


def test_a_full_disk_says_so_and_keeps_what_was_saved(home: Path) -> None:
    journal = open_journal(home)
    saved = [journal.add_checkin(checkin(note=f"kept {i}")) for i in range(3)]

    def cap(dbapi_connection: Any, _record: Any) -> None:
        # No more pages than the file has now: the next page needed makes it "full".
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(journal.db._engine, "connect", cap)
    try:
        with pytest.raises(DiskFullError) as caught:
            for _ in range(50):
                journal.add_checkin(checkin(note="x" * 15_000))
        message = caught.value.message
        assert "no room left" in message and "not saved" in message
        assert "free some disk space" in message
    finally:
        event.remove(journal.db._engine, "connect", cap)
    notes = [c.note for c in journal.today_view().today.checkins]
    assert notes[:3] == [c.note for c in saved]
    assert all(note.startswith("kept") or note == "x" * 15_000 for note in notes)
    with journal.db.connection() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    journal.add_checkin(checkin(note="after space was freed"))  # and it works again


# -- locked ------------------------------------------------------------------------------------


def test_a_journal_held_too_long_by_another_writer_is_reported(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = open_journal(home)
    kept = journal.add_checkin(checkin(note="before the lock"))
    monkeypatch.setattr(file_checks, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(paths.database_path(home), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
        with pytest.raises(LockedError) as caught:
            journal.add_checkin(checkin(note="while locked"))
        assert "busy" in caught.value.message and "try again" in caught.value.message
        # readers are not blocked by a writer in WAL mode
        assert [c.uid for c in journal.today_view().today.checkins] == [kept.uid]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    journal.add_checkin(checkin(note="after the lock"))
    assert [c.note for c in journal.today_view().today.checkins] == [
        "before the lock",
        "after the lock",
    ]


def test_the_busy_timeout_is_what_connections_use(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(file_checks, "BUSY_TIMEOUT_MS", 1234)
    with Database.open(home).connection() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 1234


# -- paths that cannot be used -------------------------------------------------------------


def test_a_home_that_is_a_file_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "notes.txt"
    home.write_text("my notes\n")
    error = _assert_refused_path(home, StorageError)
    assert "a file is in the way" in error.message and "--home" in error.message
    assert home.read_text() == "my notes\n"


def test_a_home_inside_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my notes\n")
    error = _assert_refused_path(blocker / "paincoach", StorageError)
    assert "--home" in error.message
    assert blocker.read_text() == "my notes\n"


def test_a_journal_path_that_is_a_folder_is_refused(home: Path) -> None:
    (home / paths.DB_NAME).mkdir(parents=True)
    (home / paths.DB_NAME / "keep.txt").write_text("mine")
    error = _assert_refused_path(home, NotADatabaseError)
    assert "is a folder" in error.message
    assert (home / paths.DB_NAME / "keep.txt").read_text() == "mine"


def _assert_refused_path(home: Path, error: type[StorageError]) -> StorageError:
    with pytest.raises(error) as caught:
        Database.open(home)
    assert "Nothing was changed" in caught.value.message
    return caught.value


def test_a_clash_with_an_existing_backup_name_is_not_blamed_on_the_folder(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """EEXIST from creating a file inside a good folder must not say 'a file is in the way'."""
    open_journal(home).db.close()

    def clash(_path: Path) -> None:
        raise FileExistsError(17, "File exists", str(home / "backups" / "x.db"))

    monkeypatch.setattr(paths, "ensure_private_dir", clash)
    error = _assert_refused_path(home, StorageError)
    assert "in the way" not in error.message and "x.db" in error.message
