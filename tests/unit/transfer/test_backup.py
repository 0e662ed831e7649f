"""Backups: daily snapshots (consistent while another process writes), pruning, restore."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.errors import InputError
from paincoach.core.private_files import FileExistsInputError
from paincoach.db import migrations
from paincoach.transfer import backup, restoring
from tests.data_support import db_path, fill_home, table_counts
from tests.storage_support import checkin, open_journal
from tests.support import NOW

DAY = NOW.date()
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def test_the_daily_snapshot_is_taken_once_a_day_private_and_self_contained(home: Path) -> None:
    open_journal(home).add_checkin(checkin(pain=4, note="private words"))
    taken = backup.daily_backup_if_due(db_path(home), DAY)
    assert taken == home / "backups" / "paincoach-2026-11-27.db"
    assert backup.daily_backup_if_due(db_path(home), DAY) is None
    assert mode(taken) == 0o600 and mode(taken.parent) == 0o700
    assert integrity(taken) == ["ok"]
    assert sorted(p.name for p in taken.parent.iterdir()) == [taken.name]  # no -wal, no temp
    conn = sqlite3.connect(taken)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT note FROM checkins").fetchall() == [("private words",)]
    finally:
        conn.close()
    assert backup.daily_backup_if_due(db_path(home), DAY + timedelta(days=1)) is not None


def test_another_paincoach_claiming_todays_snapshot_first_is_no_error(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two shells logging at once: the one that loses the race for today's name says nothing."""
    open_journal(home).add_checkin(checkin(pain=4))
    target = home / "backups" / "paincoach-2026-11-27.db"
    real_snapshot = backup.snapshot

    def the_other_shell_wins(db: Path, to: Path, *, overwrite: bool = False) -> Path:
        real_snapshot(db, to)  # another paincoach writes today's snapshot right now
        return real_snapshot(db, to, overwrite=overwrite)

    monkeypatch.setattr(backup, "snapshot", the_other_shell_wins)
    assert backup.daily_backup_if_due(db_path(home), DAY) is None
    assert integrity(target) == ["ok"]
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]


def test_no_snapshot_without_a_journal(home: Path) -> None:
    assert backup.daily_backup_if_due(db_path(home), DAY) is None
    assert not home.exists()


def test_a_loose_backups_folder_is_made_private(home: Path) -> None:
    open_journal(home)
    (home / "backups").mkdir(mode=0o755)
    (home / "backups").chmod(0o755)
    backup.daily_backup_if_due(db_path(home), DAY)
    assert mode(home / "backups") == 0o700


def test_the_last_seven_days_and_four_weeks_before_them_are_kept() -> None:
    days = [DAY - timedelta(days=n) for n in range(60)]
    kept = backup.to_keep(days)
    assert sorted(kept, reverse=True)[:7] == days[:7]
    older = sorted(kept - set(days[:7]), reverse=True)
    assert len(older) == 4
    assert len({d.isocalendar()[:2] for d in older}) == 4
    rest = days[7:]
    assert all(
        d == max(x for x in rest if x.isocalendar()[:2] == d.isocalendar()[:2]) for d in older
    )


def test_pruning_removes_only_old_daily_snapshots(home: Path) -> None:
    folder = paths.ensure_private_dir(home / "backups")
    for n in range(40):
        (folder / paths.daily_backup_name(DAY - timedelta(days=n))).write_bytes(b"x")
    (folder / "before-schema-3-20261101-101010.db").write_bytes(b"x")
    (folder / "manual-2026-01-01-101010.db").write_bytes(b"x")
    removed = backup.prune(folder)
    left = sorted(p.name for p in folder.iterdir())
    assert len(removed) == 40 - 11
    assert "before-schema-3-20261101-101010.db" in left and "manual-2026-01-01-101010.db" in left
    assert len([name for name in left if name.startswith("paincoach-")]) == 11


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from paincoach.db.engine import Database
    from paincoach.journal.service import Journal
    from paincoach.records.entries import CheckInDraft, ActivityDraft
    from paincoach.core import clock
    journal = Journal(Database.open(Path(sys.argv[1])))
    print("ready", flush=True)
    for n in range(int(sys.argv[2])):
        journal.add_checkin(CheckInDraft(at=clock.now(), pain=n % 11, note="x" * (n % 300)))
        journal.add_activity(ActivityDraft(at=clock.now(), name="walk", minutes=1 + n % 60))
        if n % 50 == 0:
            journal.delete(journal.add_checkin(CheckInDraft(at=clock.now(), pain=1)).uid)
    """
)


def test_a_backup_taken_while_another_process_writes_is_whole_and_restores(
    home: Path, tmp_path: Path
) -> None:
    open_journal(home).add_checkin(checkin(pain=2))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(home), "400"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        snapshots = []
        for n in range(8):
            target = tmp_path / f"snap-{n}.db"
            snapshots.append(backup.snapshot(db_path(home), target))
    finally:
        assert writer.wait(timeout=120) == 0
    counts = []
    for snap in snapshots:
        assert integrity(snap) == ["ok"]
        info = restoring.inspect(snap)
        counts.append(info.counts["activities"])  # only ever added (check-ins are also deleted)
        restored_home = tmp_path / f"restored-{snap.stem}"
        report = restoring.restore(restored_home, snap, datetime(2026, 11, 27, 10, 0))
        assert report.kept_current is None
        assert table_counts(db_path(restored_home)) == table_counts(snap)
        assert integrity(db_path(restored_home)) == ["ok"]
    assert counts == sorted(counts)  # each snapshot is a later, whole state


def test_restore_keeps_the_current_journal_and_says_what_it_restored(
    home: Path, tmp_path: Path
) -> None:
    fill_home(home)
    saved = backup.snapshot(db_path(home), tmp_path / "saved.db")
    before = table_counts(db_path(home))
    open_journal(home).add_checkin(checkin(pain=9, note="after the backup"))
    report = restoring.restore(home, saved, datetime(2026, 11, 27, 10, 0))
    assert report.restored.counts["checkins"] == before["checkins"]
    assert table_counts(db_path(home)) == before
    assert report.kept_current == home / "backups" / "before-restore-2026-11-27-100000.db"
    kept = table_counts(report.kept_current)
    assert kept["checkins"] == before["checkins"] + 1
    assert mode(report.kept_current) == 0o600
    assert open_journal(home).today_view()  # the journal still opens and reads


def test_restoring_an_old_schema_brings_it_up_to_date(home: Path, tmp_path: Path) -> None:
    old = tmp_path / "v1.db"
    old.write_bytes((FIXTURES / "schema-v1.db").read_bytes())
    report = restoring.restore(home, old, datetime(2026, 11, 27, 10, 0))
    assert report.restored.schema_version == 1
    conn = sqlite3.connect(db_path(home))
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    finally:
        conn.close()


def test_restore_over_a_damaged_journal_keeps_its_bytes(home: Path, tmp_path: Path) -> None:
    fill_home(home)
    saved = backup.snapshot(db_path(home), tmp_path / "saved.db")
    data = bytearray(db_path(home).read_bytes())
    data[4096 * 2 : 4096 * 2 + 200] = b"\xff" * 200  # wreck a page
    db_path(home).write_bytes(bytes(data))
    report = restoring.restore(home, saved, datetime(2026, 11, 27, 10, 0))
    assert report.kept_current is not None and report.kept_current.read_bytes() == bytes(data)
    assert integrity(db_path(home)) == ["ok"]
    assert table_counts(db_path(home)) == table_counts(saved)


@pytest.mark.parametrize("kind", ["text", "foreign", "newer", "damaged", "missing"])
def test_restore_refuses_what_is_not_a_usable_journal(
    home: Path, tmp_path: Path, kind: str
) -> None:
    fill_home(home)
    before = db_path(home).read_bytes()
    source = tmp_path / "source.db"
    if kind == "text":
        source.write_text("hello")
    elif kind == "foreign":
        sqlite3.connect(source).execute("CREATE TABLE t (x)").connection.close()
    elif kind in ("newer", "damaged"):
        backup.snapshot(db_path(home), source)
        if kind == "newer":
            conn = sqlite3.connect(source)
            conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
            conn.close()
        else:
            data = bytearray(source.read_bytes())
            data[4096 * 3 : 4096 * 3 + 300] = b"\x00\xff" * 150
            source.write_bytes(bytes(data))
    words = {
        "text": "not a paincoach journal",
        "foreign": "not a paincoach journal",
        "newer": "newer paincoach",
        "damaged": "damaged|cannot be read",
        "missing": "not a file",
    }[kind]
    with pytest.raises(InputError, match=words):
        restoring.restore(home, source, datetime(2026, 11, 27, 10, 0))
    assert db_path(home).read_bytes() == before
    assert (
        not list((home / "backups").glob("before-restore-*"))
        if (home / "backups").exists()
        else True
    )


def test_a_manual_backup_never_replaces_a_file_unless_forced(home: Path, tmp_path: Path) -> None:
    open_journal(home).add_checkin(checkin(pain=3))
    out = tmp_path / "mine.db"
    out.write_text("keep me")
    with pytest.raises(FileExistsInputError):
        backup.manual_backup(home, out, overwrite=False, now=NOW)
    assert out.read_text() == "keep me"
    assert backup.manual_backup(home, out, overwrite=True, now=NOW) == out
    assert restoring.inspect(out).counts["checkins"] == 1 and mode(out) == 0o600
    default = backup.manual_backup(home, None, overwrite=False, now=NOW)
    assert default == home / "backups" / "manual-2026-11-27-093000.db"


def test_a_backup_keeps_words_deleted_later(home: Path) -> None:
    journal = open_journal(home)
    entry = journal.add_checkin(checkin(pain=3, note="a secret"))
    taken = backup.daily_backup_if_due(db_path(home), DAY)
    assert taken is not None
    journal.delete(entry.uid)
    assert b"a secret" in taken.read_bytes()  # documented in docs/export.md (privacy)
    assert b"a secret" not in db_path(home).read_bytes()


def test_inspect_names_counts(home: Path, tmp_path: Path) -> None:
    fill_home(home)
    info = restoring.inspect(backup.snapshot(db_path(home), tmp_path / "s.db"))
    assert info.describe().startswith("38 check-ins, 38 activities, 1 thought record")
    assert info.schema_version == migrations.LATEST


def test_two_backups_in_the_same_second_get_two_names(home: Path) -> None:
    open_journal(home).add_checkin(checkin(pain=3))
    first = backup.manual_backup(home, None, overwrite=False, now=NOW)
    second = backup.manual_backup(home, None, overwrite=False, now=NOW)
    assert first != second and second.name == "manual-2026-11-27-093000-2.db"
    assert restoring.inspect(first).counts == restoring.inspect(second).counts


def test_two_restores_in_the_same_second_keep_both_journals(home: Path, tmp_path: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(pain=3))
    saved = backup.snapshot(db_path(home), tmp_path / "saved.db")
    journal.add_checkin(checkin(pain=4))
    first = restoring.restore(home, saved, NOW).kept_current
    second = restoring.restore(home, saved, NOW).kept_current
    assert first is not None and second is not None and first != second
    assert restoring.inspect(first).counts["checkins"] == 2
    assert restoring.inspect(second).counts["checkins"] == 1


def test_snapshots_dated_in_the_future_do_not_push_out_todays(home: Path) -> None:
    """A clock that was once years ahead left snapshots "from 2030": they are kept aside."""
    open_journal(home).add_checkin(checkin(pain=4))
    folder = paths.ensure_private_dir(home / "backups")
    ahead = [DAY.replace(year=2030) + timedelta(days=n) for n in range(10)]
    for day in ahead:
        (folder / paths.daily_backup_name(day)).write_bytes(b"x")
    for n in range(1, 8):
        (folder / paths.daily_backup_name(DAY - timedelta(days=n))).write_bytes(b"x")
    taken = backup.daily_backup_if_due(db_path(home), DAY)
    assert taken is not None and taken.exists()
    left = {day for day, _ in backup.daily_snapshots(folder)}
    # the last seven days (today among them), the week before's newest, and the ten ahead
    assert left == {DAY - timedelta(days=n) for n in range(8)} | set(ahead)
    assert backup.to_keep([*ahead, DAY], DAY) == {*ahead, DAY}
