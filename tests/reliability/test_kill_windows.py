"""Kills at named points: a real `python -m paincoach` SIGKILLs itself at one step of a write.

`PAINCOACH_KILL_AT` (src/paincoach/core/faults.py) names the step. After each kill the next
ordinary run must leave no hidden copy (`.NAME.<hex>.part`), no empty file under the real
name and no ledger record behind, and no copy of a note deleted meanwhile; a restore killed at
any step must never let the old WAL be replayed onto the restored journal.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.faults import ENV_KILL_AT
from paincoach.core.private_files import LEDGER_DIR
from paincoach.db import migrations
from paincoach.transfer import backup
from tests.storage_support import checkin, open_journal
from tests.support import NOW

SECRET = "a secret I deleted"
WRITE_POINTS = ["write:claimed", "write:written"]
#: (what runs, its arguments; "{out}" is a file outside the data folder)
COMMANDS: dict[str, list[str]] = {
    "daily": ["today"],
    "backup": ["backup"],
    "backup-out": ["backup", "--out", "{out}/mine.db"],
    "export-json": ["export", "--format", "json", "--out", "{out}/all.json"],
    "export-md": ["export", "--format", "md", "--include-notes", "--out", "{out}/report.md"],
    "export-csv": ["export", "--format", "csv", "--out", "{out}/csv"],
}


def run(
    home: Path, args: list[str], kill_at: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m paincoach ARGS` on `home`, killed at `kill_at` if given."""
    env = {**os.environ, paths.ENV_HOME: str(home)}
    env.pop(ENV_KILL_AT, None)
    if kill_at:
        env[ENV_KILL_AT] = kill_at
    return subprocess.run(
        [sys.executable, "-m", "paincoach", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def every_file(*folders: Path) -> Iterator[Path]:
    """Every file under `folders`, hidden ones too (but not the open journal's own WAL)."""
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.startswith(f"{paths.DB_NAME}-"):
                yield path


@pytest.mark.parametrize("point", WRITE_POINTS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_write_killed_at_any_step_leaves_nothing_after_the_next_run(
    tmp_path: Path, command: str, point: str
) -> None:
    home, out = tmp_path / "home", tmp_path / "out"
    out.mkdir()
    journal = open_journal(home)
    journal.add_checkin(checkin(pain=4))
    if command != "daily":  # today's snapshot is taken, so the kill lands in the command's write
        assert backup.daily_backup_if_due(paths.database_path(home), NOW.date()) is not None
    secret = journal.add_checkin(checkin(pain=6, note=SECRET))
    args = [a.format(out=out) for a in COMMANDS[command]]

    killed = run(home, args, kill_at=point)
    assert killed.returncode == -9, killed.stderr
    left = [p for p in every_file(home, out) if p.name.endswith(".part") or p.stat().st_size == 0]
    assert left, "the kill left nothing to clean (so it missed the write)"

    journal.delete(secret.uid)
    again = run(home, args)
    assert again.returncode == 0, again.stderr  # an empty name left by the kill does not block
    files = list(every_file(home, out))
    assert [p for p in files if p.name.endswith(".part")] == []
    assert [p for p in files if p.stat().st_size == 0] == []
    assert not list((home / LEDGER_DIR).glob("*")) if (home / LEDGER_DIR).exists() else True
    assert [p for p in files if SECRET.encode() in p.read_bytes()] == []


def test_leftovers_of_an_older_version_in_backups_are_removed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    open_journal(home).add_checkin(checkin(pain=4, note=SECRET))
    folder = backup.ensure_backup_folder(home)
    stale = folder / ".paincoach-2026-11-20.db.abcdef123456.part"
    stale.write_text(SECRET)
    assert run(home, ["backup"]).returncode == 0
    assert not stale.exists()


def damage_holding_wal(db_path: Path) -> sqlite3.Connection:
    """Make the journal unhealthy through its WAL, and keep the WAL alive (an open connection).

    The change sits in WAL frames only: replayed onto another file, it would show there.
    """
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA application_id = 7")
    conn.execute("CREATE TABLE intruder (x)")
    conn.executemany("INSERT INTO intruder VALUES (?)", [(i,) for i in range(500)])
    assert paths.sidecar_paths(db_path)[1].stat().st_size > 0
    return conn


STATE = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
app_id = conn.execute("PRAGMA application_id").fetchone()[0]
integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
tables = sorted(row[0] for row in conn.execute("SELECT name FROM sqlite_schema"))
checkins = conn.execute("SELECT count(*) FROM checkins").fetchone()[0]
print(json.dumps([app_id, integrity, tables, checkins]))
"""


def state(db_path: Path) -> tuple[int, list[str], set[str], int]:
    """What the next program to open the journal sees: application id, integrity, tables and
    check-ins.

    Another process, as in life: within one process SQLite would share the holder's
    shared memory, which no other program sees.
    """
    done = subprocess.run(
        [sys.executable, "-c", STATE, str(db_path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    app_id, integrity, tables, checkins = json.loads(done.stdout)
    return app_id, integrity, set(tables), checkins


@pytest.mark.parametrize("point", ["restore:copied", "restore:sidecars-gone", "restore:renamed"])
def test_a_restore_killed_at_any_step_never_replays_the_old_wal(tmp_path: Path, point: str) -> None:
    home = tmp_path / "home"
    journal = open_journal(home)
    for pain in range(1, 8):
        journal.add_checkin(checkin(pain=pain))
    db_path = paths.database_path(home)
    saved = backup.snapshot(db_path, tmp_path / "saved.db")
    journal.add_checkin(checkin(pain=9))  # the journal moves on, then goes bad
    holder = damage_holding_wal(db_path)
    try:
        killed = run(home, ["restore", str(saved)], kill_at=point)
        assert killed.returncode == -9, killed.stderr
        app_id, integrity, tables, checkins = state(db_path)
        assert integrity == ["ok"]
        if "intruder" in tables:  # the old file, whole with its WAL
            assert (app_id, checkins) == (7, 8)
        else:  # the backup, or the old file without its WAL (its bytes are kept in backups/)
            assert app_id == migrations.APPLICATION_ID and checkins in (7, 8)
        again = run(home, ["restore", str(saved)])
        assert again.returncode == 0, again.stderr
        assert state(db_path) == (migrations.APPLICATION_ID, ["ok"], state(saved)[2], 7)
        kept = list(paths.backup_folder(home).glob("before-restore-*.db-wal"))
        assert kept, "the damaged journal's WAL was not kept"
    finally:
        holder.close()
