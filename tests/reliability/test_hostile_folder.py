"""A shared data folder, for real: paincoach and another user as separate processes (issue 12).

The attack the issue reproduced: in a 0777 data folder another local user replaces
`paincoach.db-wal` while paincoach has the journal open, and SQLite then writes the next
saved note into the planted file. Here paincoach runs as one process (a journal held open,
saving on request), and the other user (nobody, via setuid) as another. Needs root.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534
pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to be another user"
)

#: The person's paincoach: opens the journal, says "open", saves a note per line read.
KEEPER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from paincoach.core import clock
    from paincoach.db.engine import Database
    from paincoach.journal.service import Journal
    from paincoach.records.entries import CheckInDraft

    journal = Journal(Database.open(Path(sys.argv[1])))
    print("open", flush=True)
    for line in sys.stdin:
        journal.add_checkin(CheckInDraft(at=clock.now(), pain=4, note=line.strip()))
        print("saved", flush=True)
    journal.db.close()
    """
)

#: The other user: tries to plant a WAL beside the journal, then to read what is there.
INTRUDER = textwrap.dedent(
    """
    import os, sys
    os.setgid(65534)
    os.setuid(65534)
    home = sys.argv[1]
    wal = os.path.join(home, "paincoach.db-wal")
    try:
        if os.path.lexists(wal):
            os.unlink(wal)
        os.close(os.open(wal, os.O_WRONLY | os.O_CREAT, 0o666))
        print("planted")
    except OSError as exc:
        print("refused", type(exc).__name__)
    try:
        print("listed", sorted(os.listdir(home)))
    except OSError as exc:
        print("unlistable", type(exc).__name__)
    """
)


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can reach (pytest's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="paincoach-shared-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def intrude(home: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", INTRUDER, str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.splitlines()


def paincoach(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "paincoach", "--home", str(home), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_another_user_cannot_plant_a_wal_while_the_journal_is_open(shared_tmp: Path) -> None:
    home = shared_tmp / "journal"
    home.mkdir()
    home.chmod(0o777)  # as a shared folder, or a careless mkdir, leaves it
    keeper = subprocess.Popen(
        [sys.executable, "-c", KEEPER, str(home)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert keeper.stdout is not None and keeper.stdin is not None
        assert keeper.stdout.readline().strip() == "open"
        keeper.stdin.write("first words\n")
        keeper.stdin.flush()
        assert keeper.stdout.readline().strip() == "saved"
        said = intrude(home)  # while the journal is open and its WAL exists
        keeper.stdin.write("private words\n")
        keeper.stdin.flush()
        assert keeper.stdout.readline().strip() == "saved"
    finally:
        if keeper.stdin:
            keeper.stdin.close()
        keeper.wait(timeout=60)
    assert said == ["refused PermissionError", "unlistable PermissionError"]
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert all(path.stat().st_uid == os.getuid() for path in home.iterdir())
    shown = paincoach(home, "today")
    assert shown.returncode == 0 and shown.stderr == ""
    assert "first words" in shown.stdout and "private words" in shown.stdout


def test_a_folder_another_user_owns_is_refused_with_a_plain_message(shared_tmp: Path) -> None:
    home = shared_tmp / "theirs"
    home.mkdir()
    home.chmod(0o777)
    os.chown(home, NOBODY, NOBODY)
    result = paincoach(home, "log", "--pain", "3")
    assert result.returncode != 0
    assert "belongs to another user" in result.stderr and "--home" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(home.iterdir()) == []
    assert stat.S_IMODE(home.stat().st_mode) == 0o777  # theirs: left as it was


def test_a_wal_planted_by_another_user_is_refused_and_gets_no_words(shared_tmp: Path) -> None:
    home = shared_tmp / "journal"
    assert paincoach(home, "log", "--pain", "2").returncode == 0
    home.chmod(0o777)  # opened up by hand later
    assert intrude(home)[0] == "planted"
    planted = home / "paincoach.db-wal"
    result = subprocess.run(
        [sys.executable, "-m", "paincoach", "--home", str(home), "log", "--pain=5", "--note=-"],
        input="private words",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "belongs to another user" in result.stderr and "Traceback" not in result.stderr
    assert b"private words" not in planted.read_bytes()


def test_a_planted_symlink_wal_is_removed_and_its_target_left_alone(shared_tmp: Path) -> None:
    home = shared_tmp / "journal"
    assert paincoach(home, "log", "--pain", "2", "--tag", "before").returncode == 0
    elsewhere = shared_tmp / "elsewhere.txt"
    elsewhere.write_text("not paincoach's")
    (home / "paincoach.db-wal").symlink_to(elsewhere)
    logged = paincoach(home, "log", "--pain", "6", "--tag", "after")
    assert logged.returncode == 0, logged.stderr
    shown = paincoach(home, "today")
    assert shown.returncode == 0 and "before" in shown.stdout and "after" in shown.stdout
    assert elsewhere.read_text() == "not paincoach's"
    assert not (home / "paincoach.db-wal").is_symlink()
