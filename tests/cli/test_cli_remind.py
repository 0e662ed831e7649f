"""`paincoach remind`: one kind line while nothing is logged today, then quiet; always exit 0.

The tests' clock is Friday 27 November 2026, 09:30 (tests/support.py).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.cli.commands.remind import REMINDER
from paincoach.core import day_stamp, paths
from paincoach.db.engine import Database
from paincoach.settings import load_settings
from tests.storage_support import TODAY, checkin, digest, install_fixture, local, open_journal
from tests.support import run_cli

YESTERDAY = TODAY - timedelta(days=1)
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "textual")


def remind(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "remind", *argv)


def test_no_data_folder_yet_is_quiet_and_makes_nothing(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    assert remind(capsys) == (0, "", "")
    assert not home.exists()


def test_nothing_logged_today_gets_one_kind_line(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    open_journal(home).add_checkin(checkin(at=local(YESTERDAY)))
    status, out, err = remind(capsys)
    assert (status, out, err) == (0, REMINDER + "\n", "")
    assert out.startswith("paincoach: ") and out.count("\n") == 1


def test_a_journal_with_no_check_in_at_all_is_reminded_too(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    Database.open(home).close()
    assert remind(capsys) == (0, REMINDER + "\n", "")


def test_once_logged_today_it_is_quiet(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    status, _, _ = run_cli(capsys, "log", "--pain", "4")
    assert status == 0
    assert day_stamp.read_stamp(home) == TODAY
    assert remind(capsys) == (0, "", "")


def test_a_missing_or_stale_stamp_asks_the_journal_and_is_mended(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    open_journal(home).add_checkin(checkin())
    day_stamp.rewrite(home, YESTERDAY)  # stale (say, a save by an older paincoach)
    assert remind(capsys) == (0, "", "")
    assert day_stamp.read_stamp(home) == TODAY
    day_stamp.stamp_path(home).unlink()
    assert remind(capsys) == (0, "", "")
    assert day_stamp.read_stamp(home) == TODAY


def test_a_stamp_that_says_today_is_trusted_without_opening_the_journal(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    home.mkdir()
    paths.database_path(home).write_bytes(b"not a journal at all" * 10)
    day_stamp.note_checkin_day(home, TODAY)
    assert remind(capsys) == (0, "", "")


def test_a_journal_that_cannot_be_read_is_one_plain_line_and_exit_0(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    home.mkdir()
    paths.database_path(home).write_bytes(b"not a journal at all" * 10)
    status, out, err = remind(capsys)
    assert (status, out) == (0, "")
    assert err.startswith("paincoach: could not look in your journal") and err.count("\n") == 1


def test_an_old_journal_is_read_as_it_is_never_upgraded_by_remind(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    db_path = install_fixture(1, home)
    db_path.chmod(0o600)  # as paincoach keeps it
    before = digest(db_path)
    assert remind(capsys) == (0, REMINDER + "\n", "")  # the fixture's check-ins are old
    assert digest(db_path) == before
    # SQLite's companions of a WAL journal may stay (empty), private like the journal
    for path in home.iterdir():
        assert path.name in {day_stamp.STAMP_NAME, *(p.name for p in paths.sidecar_paths(db_path))}
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_before_the_hour_set_it_is_quiet(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    open_journal(home).add_checkin(checkin(at=local(YESTERDAY)))
    status, out, _ = remind(capsys, "--after", "18")
    assert status == 0 and "before 18:00" in out
    assert load_settings(Database.open(home)).remind_after == 18
    assert remind(capsys) == (0, "", "")  # 09:30
    remind(capsys, "--after", "9")
    assert remind(capsys) == (0, REMINDER + "\n", "")  # 09:30 is after 9
    status, out, _ = remind(capsys, "--after", "none")
    assert status == 0 and "any time of day" in out
    assert load_settings(Database.open(home)).remind_after is None
    assert remind(capsys) == (0, REMINDER + "\n", "")


@pytest.mark.parametrize("bad", ["24", "-1", "evening", "18:30", ""])
def test_an_hour_that_is_not_one_is_refused_plainly(
    capsys: pytest.CaptureFixture[str], home: Path, bad: str
) -> None:
    open_journal(home)
    status, out, err = remind(capsys, "--after", bad)
    assert (status, out) == (2, "")
    assert "not an hour" in err
    assert load_settings(Database.open(home)).remind_after is None


def _child(home: Path, *argv: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PAINCOACH_HOME": str(home)}
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "paincoach", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def _imported(importtime_log: str) -> set[str]:
    """The top-level packages named in `-X importtime` lines (`import time: … | name`)."""
    names = set()
    for line in importtime_log.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


@pytest.mark.parametrize(
    "argv", [["remind"], ["remind", "--shell", "bash"]], ids=["remind", "shell"]
)
def test_remind_imports_no_orm_no_pydantic_and_no_textual(home: Path, argv: list[str]) -> None:
    open_journal(home).add_checkin(checkin(at=local(YESTERDAY)))  # the journal is asked
    done = _child(home, *argv, importtime=True)
    assert done.returncode == 0
    imported = _imported(done.stderr)
    assert "paincoach" in imported and "sqlite3" in imported  # the log is read right
    assert not imported & set(HEAVY), sorted(imported & set(HEAVY))


def test_a_child_process_reminds_by_the_frozen_clock_and_mends_the_stamp(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin())
    day_stamp.stamp_path(home).unlink()
    assert _child(home, "remind").stdout == ""  # PAINCOACH_NOW: 27 November, logged
    assert day_stamp.read_stamp(home) == TODAY
    conn = sqlite3.connect(paths.database_path(home))
    with conn:
        conn.execute("DELETE FROM checkins")  # behind paincoach's back: the stamp is wrong
    conn.close()
    day_stamp.rewrite(home, YESTERDAY)
    assert _child(home, "remind").stdout == REMINDER + "\n"
    assert day_stamp.read_stamp(home) is None
