"""A data folder others can write to is never used as is (issue 12, item 1).

Run as root in CI, so "another user" is made real with chown to nobody (65534).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.errors import StorageError
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from tests.storage_support import checkin
from tests.support import fixed_clock

NOBODY = 65534
needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to make another user's file"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_shared_folder_of_ours_is_tightened_before_the_journal_opens(tmp_path: Path) -> None:
    home = tmp_path / "shared"
    home.mkdir()
    home.chmod(0o777)
    Database.open(home).close()
    assert mode(home) == 0o700


@needs_root
def test_a_folder_owned_by_another_user_is_refused_and_left_alone(tmp_path: Path) -> None:
    home = tmp_path / "theirs"
    home.mkdir()
    home.chmod(0o777)
    os.chown(home, NOBODY, NOBODY)
    with pytest.raises(StorageError, match="belongs to another user"):
        Database.open(home)
    assert list(home.iterdir()) == [] and mode(home) == 0o777


@needs_root
def test_a_companion_file_planted_by_another_user_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Journal(Database.open(home), fixed_clock).add_checkin(checkin(note="private words"))
    planted = home / "paincoach.db-wal"
    planted.write_bytes(b"")
    os.chown(planted, NOBODY, NOBODY)
    with pytest.raises(StorageError, match="belongs to another user"):
        Database.open(home)


@pytest.mark.parametrize("target", ["/dev/null", "missing-file"])
def test_a_planted_symlink_wal_does_not_make_the_journal_unreadable(
    tmp_path: Path, target: str
) -> None:
    home = tmp_path / "home"
    journal = Journal(Database.open(home), fixed_clock)
    journal.add_checkin(checkin(note="kept"))
    journal.db.close()
    aside = tmp_path / "elsewhere"
    (home / "paincoach.db-wal").symlink_to(target if target.startswith("/") else aside)
    reopened = Journal(Database.open(home), fixed_clock)
    assert [c.note for c in reopened.today_view().today.checkins] == ["kept"]
    reopened.add_checkin(checkin(note="and this"))
    assert not (home / "paincoach.db-wal").is_symlink()
    assert not aside.exists()  # the symlink's target was not written


def test_missing_parent_folders_are_made_private_whatever_the_umask(tmp_path: Path) -> None:
    home = tmp_path / "a" / "b" / "home"
    script = (
        "import os, sys; os.umask(0o022); from pathlib import Path; "
        "from paincoach.db.engine import Database; Database.open(Path(sys.argv[1])).close()"
    )
    subprocess.run([sys.executable, "-c", script, str(home)], check=True, timeout=60)
    assert [mode(p) for p in (tmp_path / "a", tmp_path / "a" / "b", home)] == [0o700] * 3


def test_the_persons_home_folder_only_loses_write_access_for_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "me"
    home.mkdir()
    home.chmod(0o777)
    monkeypatch.setenv("HOME", str(home))
    Database.open(home).close()
    assert mode(home) == 0o755
    assert paths.privacy_warning(home)  # and it is named, with how to make it private
