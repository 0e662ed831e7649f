"""The command line and the clock: times the clocks skipped, and days after travelling."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from paincoach.core import clock, paths
from paincoach.records.entries import CheckInDraft
from tests.review_support import Book


def _log(home: Path, zone: str, at: str) -> subprocess.CompletedProcess[str]:
    """`paincoach log --pain 3 --at AT` as its own process, with the computer in `zone`."""
    return subprocess.run(
        [sys.executable, "-m", "paincoach", "log", "--pain", "3", "--at", at],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "TZ": zone, "PAINCOACH_HOME": str(home)},
    )


@pytest.mark.parametrize(
    ("zone", "at"),
    [("Europe/London", "2026-03-29 01:30"), ("America/Santiago", "2026-09-06 00:30")],
)
def test_a_time_the_clocks_skipped_exits_2_and_saves_nothing(
    home: Path, zone: str, at: str
) -> None:
    done = _log(home, zone, at)
    assert done.returncode == 2, done.stderr
    assert f"There was no {at[-5:]} on {at[:10]} in {zone}" in done.stderr
    assert "Traceback" not in done.stderr
    database = paths.database_path(home)
    if database.exists():
        with sqlite3.connect(database) as conn:
            assert conn.execute("SELECT count(*) FROM checkins").fetchone() == (0,)


def test_a_time_the_clocks_repeated_is_saved_as_the_first(home: Path) -> None:
    done = _log(home, "Europe/London", "2026-10-25 01:30")
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(paths.database_path(home)) as conn:
        assert conn.execute("SELECT at, day FROM checkins").fetchall() == [
            ("2026-10-25T01:30:00+01:00", "2026-10-25")
        ]


def test_week_after_flying_west_counts_only_the_days_begun_here(home: Path) -> None:
    """Logged on Saturday in Auckland; `week` run on Friday in Honolulu (its own process)."""
    env = {**os.environ, "PAINCOACH_HOME": str(home)}
    book = Book(home)
    book.checkin(date(2026, 11, 26), 1)  # Thursday, in London
    book.journal.add_checkin(
        CheckInDraft(datetime(2026, 11, 28, 0, 30, tzinfo=timezone(timedelta(hours=13))), 9),
        confirmed=True,
    )
    book.db.close()
    done = subprocess.run(
        [sys.executable, "-m", "paincoach", "week", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**env, "TZ": "Pacific/Honolulu", clock.NOW_VARIABLE: "2026-11-27T10:30:00-10:00"},
    )
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["week"]["days_so_far"] == 5
    assert document["figures"]["pain_avg"]["value"] == 1.0
