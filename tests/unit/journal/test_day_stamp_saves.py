"""The day stamp stays true on the full path: saves, edits, deletes, imports and restores.

`paincoach remind` and the shell prompt trust `<home>/checked-in` when it says today, so
every change to the check-ins must leave it saying the journal's newest check-in day.
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

from paincoach.core import day_stamp
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.transfer import backup, restoring
from paincoach.transfer.export import export_document, write_json
from paincoach.transfer.importer import import_file
from tests.storage_support import TODAY, activity, checkin, local, open_journal

YESTERDAY = TODAY - timedelta(days=1)
LAST_WEEK = TODAY - timedelta(days=7)


def stamp(home: Path) -> object:
    return day_stamp.read_stamp(home)


def test_a_saved_check_in_stamps_its_day_and_an_older_one_keeps_it(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(at=local(YESTERDAY, 20)))
    assert stamp(home) == YESTERDAY
    journal.add_activity(activity())  # an activity today is not a check-in
    assert stamp(home) == YESTERDAY
    journal.add_checkin(checkin())
    assert stamp(home) == TODAY
    journal.add_checkin(checkin(at=local(LAST_WEEK)))  # a late entry for last week
    assert stamp(home) == TODAY


def test_an_edit_that_moves_the_newest_day_back_takes_the_stamp_with_it(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(at=local(LAST_WEEK)))
    newest = journal.add_checkin(checkin())
    journal.update_checkin(newest.uid, checkin(at=local(YESTERDAY, 8)))  # meant yesterday
    assert stamp(home) == YESTERDAY


def test_an_edit_that_moves_a_check_in_to_today_stamps_today(home: Path) -> None:
    journal = open_journal(home)
    older = journal.add_checkin(checkin(at=local(YESTERDAY)))
    journal.update_checkin(older.uid, checkin(at=local(TODAY, 8)))
    assert stamp(home) == TODAY


def test_deleting_the_newest_check_in_goes_back_to_the_one_before(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(at=local(LAST_WEEK)))
    newest = journal.add_checkin(checkin())
    journal.delete(newest.uid)
    assert stamp(home) == LAST_WEEK


def test_deleting_the_last_check_in_removes_the_stamp(home: Path) -> None:
    journal = open_journal(home)
    only = journal.add_checkin(checkin())
    assert stamp(home) == TODAY
    journal.delete(only.uid)
    assert stamp(home) is None and not day_stamp.stamp_path(home).exists()


def test_a_stale_stamp_is_mended_by_a_delete_of_an_activity(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(at=local(LAST_WEEK)))
    walk = journal.add_activity(activity())
    day_stamp.rewrite(home, TODAY)  # wrong: say a crash between a delete and its stamp
    journal.delete(walk.uid)
    assert stamp(home) == LAST_WEEK


def _export(home: Path, target: Path) -> Path:
    buffer = io.StringIO()
    write_json(export_document(Database.open(home)), buffer)
    target.write_text(buffer.getvalue(), encoding="utf-8")
    return target


def test_an_import_of_newer_check_ins_moves_the_stamp_on(home: Path, tmp_path: Path) -> None:
    laptop = tmp_path / "laptop"
    open_journal(laptop).add_checkin(checkin())
    path = _export(laptop, tmp_path / "export.json")
    open_journal(home).add_checkin(checkin(at=local(LAST_WEEK)))
    import_file(Database.open(home), path)
    assert stamp(home) == TODAY


def test_an_import_mends_a_stamp_that_was_wrong(home: Path, tmp_path: Path) -> None:
    open_journal(home).add_checkin(checkin(at=local(LAST_WEEK)))
    path = _export(home, tmp_path / "export.json")
    day_stamp.rewrite(home, TODAY)  # wrong
    import_file(Database.open(home), path)  # adds nothing: every record is known
    assert stamp(home) == LAST_WEEK


def test_a_restore_of_an_older_backup_takes_the_stamp_back(home: Path, tmp_path: Path) -> None:
    journal: Journal = open_journal(home)
    journal.add_checkin(checkin(at=local(LAST_WEEK)))
    saved = backup.snapshot(home / "paincoach.db", tmp_path / "saved.db")
    journal.add_checkin(checkin())
    assert stamp(home) == TODAY
    restoring.restore(home, saved, datetime(2026, 11, 27, 10, 0))
    assert stamp(home) == LAST_WEEK


def test_a_restore_of_a_backup_without_check_ins_leaves_no_stamp(
    home: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    open_journal(empty).add_activity(activity())
    saved = backup.snapshot(empty / "paincoach.db", tmp_path / "saved.db")
    open_journal(home).add_checkin(checkin())
    assert stamp(home) == TODAY
    restoring.restore(home, saved, datetime(2026, 11, 27, 10, 0))
    assert stamp(home) is None
