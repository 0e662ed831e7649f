"""The day stamp that the reminder and the shell prompt read (core/day_stamp.py)."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from paincoach.core import day_stamp


def test_no_stamp_reads_as_none(tmp_path: Path) -> None:
    assert day_stamp.read_stamp(tmp_path) is None


def test_a_check_in_moves_the_stamp_on_but_never_back(tmp_path: Path) -> None:
    day_stamp.note_checkin_day(tmp_path, date(2026, 12, 2))
    assert day_stamp.stamp_path(tmp_path).read_text() == "2026-12-02\n"
    day_stamp.note_checkin_day(tmp_path, date(2026, 11, 30))  # a late entry for Monday
    assert day_stamp.read_stamp(tmp_path) == date(2026, 12, 2)
    day_stamp.note_checkin_day(tmp_path, date(2026, 12, 3))
    assert day_stamp.read_stamp(tmp_path) == date(2026, 12, 3)


def test_the_stamp_is_private_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    day_stamp.note_checkin_day(tmp_path, date(2026, 12, 2))
    assert stat.S_IMODE(day_stamp.stamp_path(tmp_path).stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [day_stamp.STAMP_NAME]


def test_rewrite_follows_the_journal_after_a_delete(tmp_path: Path) -> None:
    day_stamp.note_checkin_day(tmp_path, date(2026, 12, 2))
    day_stamp.rewrite(tmp_path, date(2026, 11, 29))
    assert day_stamp.read_stamp(tmp_path) == date(2026, 11, 29)
    day_stamp.rewrite(tmp_path, None)
    assert not day_stamp.stamp_path(tmp_path).exists()


def test_an_unreadable_stamp_is_none_and_a_read_only_folder_raises_nothing(
    tmp_path: Path,
) -> None:
    day_stamp.stamp_path(tmp_path).write_text("not a day\n")
    assert day_stamp.read_stamp(tmp_path) is None
    gone = tmp_path / "missing-folder"
    day_stamp.note_checkin_day(gone, date(2026, 12, 2))  # the save stands; no stamp
    assert day_stamp.read_stamp(gone) is None
