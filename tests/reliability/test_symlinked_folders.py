"""A `backups/` or `writing/` that is a link is never followed (issue 12, item 7).

Its target is someone's other folder (or a place another program watches): paincoach does
not chmod it, list it, prune it or write into it. The daily snapshot is skipped with a plain
warning, `backup` without --out and `restore` refuse, and the ledger makes a folder of its own.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.errors import NotOwnFolderError
from paincoach.core.faults import ENV_KILL_AT
from paincoach.db.engine import ALWAYS_CHECK_BYTES, full_check_due
from paincoach.transfer import backup
from tests.data_support import db_path, fill_home, table_counts
from tests.storage_support import checkin, open_journal
from tests.support import NOW
from tests.support import run_cli as run

DAY = NOW.date()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def state(folder: Path) -> tuple[int, dict[str, bytes]]:
    """A folder's mode and every file in it, to compare before and after."""
    return stat.S_IMODE(folder.stat().st_mode), {
        p.name: p.read_bytes() for p in sorted(folder.iterdir())
    }


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """Another folder of the person's (0755) holding files that look like old snapshots."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    folder.chmod(0o755)
    for days in range(40, 80):  # far more than pruning keeps
        old = folder / paths.daily_backup_name(DAY - timedelta(days=days))
        old.write_bytes(b"not paincoach's")
    (folder / ".paincoach-2026-01-01.db.0123456789ab.part").write_bytes(b"a hidden file")
    return folder


def linked_backups(home: Path, target: Path) -> Path:
    """A journal whose `backups/` is a link to `target`."""
    open_journal(home).add_checkin(checkin(pain=4, note="private words"))
    link = paths.backup_folder(home)
    link.symlink_to(target, target_is_directory=True)
    return link


def test_the_daily_snapshot_is_skipped_and_the_links_target_keeps_its_mode_and_files(
    home: Path, elsewhere: Path
) -> None:
    link = linked_backups(home, elsewhere)
    before = state(elsewhere)
    with pytest.raises(NotOwnFolderError) as raised:
        backup.daily_backup_if_due(db_path(home), DAY)
    assert str(link) in raised.value.message and "Move it aside" in raised.value.message
    assert state(elsewhere) == before
    assert link.is_symlink()


def test_pruning_and_listing_never_look_through_a_link(home: Path, elsewhere: Path) -> None:
    link = linked_backups(home, elsewhere)
    before = state(elsewhere)
    assert backup.daily_snapshots(link) == []
    assert backup.prune(link, DAY) == []
    assert state(elsewhere) == before


def test_a_command_saves_and_warns_where_the_backups_folder_is_a_link(
    capsys: pytest.CaptureFixture[str], home: Path, elsewhere: Path
) -> None:
    link = linked_backups(home, elsewhere)
    before = state(elsewhere)
    status, _, err = run(capsys, "log", "--pain", "3")
    assert status == 0 and "today's automatic backup was not made" in err
    assert str(link) in err and "link" in err
    assert table_counts(db_path(home))["checkins"] == 2
    assert state(elsewhere) == before


def test_backup_without_out_refuses_and_with_out_still_works(
    capsys: pytest.CaptureFixture[str], home: Path, elsewhere: Path, tmp_path: Path
) -> None:
    linked_backups(home, elsewhere)
    before = state(elsewhere)
    status, out, err = run(capsys, "backup")
    assert status == 2 and out == ""
    assert "is a link" in err and "--out" in err
    assert state(elsewhere) == before
    status, out, err = run(capsys, "backup", "--out", str(tmp_path / "mine.db"))
    assert status == 0 and (tmp_path / "mine.db").is_file()
    assert state(elsewhere) == before


def test_restore_changes_nothing_while_it_cannot_keep_the_journal_first(
    capsys: pytest.CaptureFixture[str], home: Path, elsewhere: Path, tmp_path: Path
) -> None:
    source = tmp_path / "other-home"
    fill_home(source)
    linked_backups(home, elsewhere)
    journal = db_path(home).read_bytes()
    before = state(elsewhere)
    status, _, err = run(capsys, "restore", str(db_path(source)))
    assert status == 1 and "Nothing was restored" in err
    assert db_path(home).read_bytes() == journal
    assert state(elsewhere) == before


def test_doctor_says_where_the_link_is_and_what_to_do(
    capsys: pytest.CaptureFixture[str], home: Path, elsewhere: Path
) -> None:
    link = linked_backups(home, elsewhere)
    status, out, _ = run(capsys, "doctor")
    said = "".join(out.split())  # (long paths are wrapped, even mid-name)
    assert status == 0
    assert f"Backups:{link}(notused" in said and "Moveitaside" in said


def test_an_upgrade_keeps_its_copy_nowhere_but_its_own_folder(home: Path, elsewhere: Path) -> None:
    home.mkdir()
    shutil.copyfile(FIXTURES / "schema-v3.db", db_path(home))
    paths.backup_folder(home).symlink_to(elsewhere, target_is_directory=True)
    journal = db_path(home).read_bytes()
    before = state(elsewhere)
    with pytest.raises(NotOwnFolderError) as raised:
        open_journal(home)
    assert "Your journal was not changed" in raised.value.message
    assert db_path(home).read_bytes() == journal
    assert state(elsewhere) == before


def test_a_snapshot_named_for_today_behind_a_link_does_not_skip_the_check(
    home: Path, elsewhere: Path
) -> None:
    linked_backups(home, elsewhere)
    (elsewhere / paths.daily_backup_name(DAY)).write_bytes(b"x")
    big = b"SQLite format 3\x00" + bytes(ALWAYS_CHECK_BYTES)  # checked once a day only
    journal = home / "big.db"
    journal.write_bytes(big)
    assert full_check_due(journal, big[:100], DAY)


def test_a_linked_ledger_folder_is_replaced_by_one_of_our_own(home: Path, tmp_path: Path) -> None:
    """Killed mid-write, the record stays in `writing/`, never in the link's target."""
    open_journal(home).add_checkin(checkin(pain=4))
    target = tmp_path / "watched"
    target.mkdir()
    target.chmod(0o755)
    (home / "writing").symlink_to(target, target_is_directory=True)
    env = {**os.environ, paths.ENV_HOME: str(home), ENV_KILL_AT: "write:claimed"}
    done = subprocess.run(
        [sys.executable, "-m", "paincoach", "backup", "--out", str(tmp_path / "mine.db")],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0  # killed
    assert state(target) == (0o755, {})
    ledger = home / "writing"
    assert not ledger.is_symlink() and stat.S_IMODE(ledger.stat().st_mode) == 0o700
    assert [p.suffix for p in ledger.iterdir()] == [".json"]
