"""When opening the journal reads the whole file (`PRAGMA quick_check`), and when it need not.

A small journal is checked at every open. A large one is checked at the first open of each
day (today's automatic backup is taken right after that check) and whenever its size is
not the one its header records; the other opens of the day skip the whole-file read.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.errors import DamagedDatabaseError
from paincoach.db import file_checks
from paincoach.db.engine import Database
from paincoach.transfer import backup
from tests.storage_support import checkin, open_journal
from tests.support import NOW

TODAY = NOW.date()


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every whole-file check run, by journal path."""
    found: list[Path] = []
    real = file_checks._quick_check

    def counted(conn: object, path: Path) -> None:
        found.append(path)
        real(conn, path)  # type: ignore[arg-type]

    monkeypatch.setattr(file_checks, "_quick_check", counted)
    return found


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every journal as large (over the always-check size)."""
    monkeypatch.setattr(file_checks, "ALWAYS_CHECK_BYTES", 0)


def _journal(home: Path, entries: int = 40) -> Path:
    journal = open_journal(home)
    for i in range(entries):
        journal.add_checkin(checkin(pain=i % 11, note=f"entry {i} " + "words " * 40))
    journal.db.close()
    return paths.database_path(home)


def test_a_small_journal_is_checked_at_every_open(home: Path, checks: list[Path]) -> None:
    db_path = _journal(home)
    backup.daily_backup_if_due(db_path, TODAY)
    for _ in range(3):
        Database.open(home).close()
    assert checks == [db_path] * 3


def test_a_large_journal_is_checked_until_todays_backup_exists(
    home: Path, checks: list[Path], large: None
) -> None:
    db_path = _journal(home)
    Database.open(home).close()
    assert checks == [db_path]
    assert backup.daily_backup_if_due(db_path, TODAY) is not None
    Database.open(home).close()
    Database.open(home).close()
    assert checks == [db_path]  # checked once today, before the backup was taken


def test_yesterdays_backup_does_not_count(home: Path, checks: list[Path], large: None) -> None:
    db_path = _journal(home)
    backup.daily_backup_if_due(db_path, date.fromordinal(TODAY.toordinal() - 1))
    Database.open(home).close()
    assert checks == [db_path]


def test_a_size_unlike_the_header_is_checked_even_after_the_backup(
    home: Path, checks: list[Path], large: None
) -> None:
    db_path = _journal(home)
    backup.daily_backup_if_due(db_path, TODAY)
    with db_path.open("ab") as handle:
        handle.write(b"\0" * 4096)  # a page the header does not know about
    Database.open(home).close()
    assert checks == [db_path]


def test_a_cut_off_large_journal_is_refused_even_after_the_backup(home: Path, large: None) -> None:
    db_path = _journal(home, entries=120)
    backup.daily_backup_if_due(db_path, TODAY)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedDatabaseError):
        Database.open(home)


def test_damage_in_a_large_journal_is_found_at_the_first_open_of_the_day(
    home: Path, large: None
) -> None:
    db_path = _journal(home, entries=120)
    page_size = int.from_bytes(db_path.read_bytes()[16:18], "big")
    with db_path.open("r+b") as handle:
        handle.seek(5 * page_size)
        handle.write(b"\x0d\xff\xff\xff\xff" + b"\xee" * 60)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError):
        Database.open(home)
    assert db_path.read_bytes() == before
    assert not paths.backup_folder(home).exists()  # nothing was backed up either


def test_the_header_size_is_read_as_sqlite_writes_it(home: Path) -> None:
    db_path = _journal(home)
    header = db_path.read_bytes()[: file_checks.HEADER_BYTES]
    size = db_path.stat().st_size
    assert file_checks._size_in_header(header, -1) == size
    stale = header[:92] + (int.from_bytes(header[92:96], "big") + 1).to_bytes(4, "big")
    assert file_checks._size_in_header(stale, -1) == -1  # a count SQLite would not trust


def test_damage_after_todays_check_is_refused_where_it_is_read(home: Path, large: None) -> None:
    """Skipping the whole-file read does not mean trusting damaged pages: SQLite refuses them."""
    db_path = _journal(home, entries=120)
    backup.daily_backup_if_due(db_path, TODAY)
    page_size = int.from_bytes(db_path.read_bytes()[16:18], "big")
    with db_path.open("r+b") as handle:
        for page in (3, 5, 8):  # b-tree pages in the middle of the check-ins
            handle.seek(page * page_size)
            handle.write(b"\x0d\xff\xff\xff\xff" + b"\xee" * 60)
    journal = open_journal(home)  # no whole-file check today: the backup shows one ran
    with pytest.raises(DamagedDatabaseError):
        journal.today_view()
    with pytest.raises(DamagedDatabaseError):
        journal.add_checkin(checkin(note="not written into a damaged file"))
    journal.db.close()
