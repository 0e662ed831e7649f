"""Storage (design §3): where the journal lives, how it is opened, and how days are kept."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import text

from paincoach.core import paths
from paincoach.core.when import local_moment
from paincoach.db.engine import BUSY_TIMEOUT_MS, Database
from paincoach.journal.service import Journal
from paincoach.settings import Settings, save_settings
from tests.storage_support import (
    activity,
    checkin,
    is_write,
    local,
    open_journal,
    sql_trace,
    transactions,
)

# -- where the data folder is ----------------------------------------------------


def test_home_from_the_command_line_comes_first(tmp_path: Path, home: Path) -> None:
    chosen = tmp_path / "chosen"
    assert paths.resolve_home(str(chosen)) == chosen
    assert paths.resolve_home(chosen) == chosen


def test_home_from_the_environment_comes_next(home: Path) -> None:
    assert paths.resolve_home(None) == home
    assert paths.resolve_home("") == home


def test_home_falls_back_to_the_platform_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PAINCOACH_HOME")
    expected = Path(platformdirs.user_data_dir("paincoach", appauthor=False))
    assert paths.resolve_home(None) == expected
    # conftest points XDG_DATA_HOME into the temporary folder, so this is never real data
    assert expected.is_relative_to(tmp_path)


def test_an_empty_environment_variable_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAINCOACH_HOME", "")
    assert paths.resolve_home(None) == Path(platformdirs.user_data_dir("paincoach"))


def test_home_expands_the_user_folder_and_resolves_relative_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "me"))
    assert paths.resolve_home("~/journal") == tmp_path / "me" / "journal"
    monkeypatch.chdir(tmp_path)
    assert paths.resolve_home("relative/here") == tmp_path / "relative" / "here"
    monkeypatch.setenv("PAINCOACH_HOME", "from-env")
    assert paths.resolve_home(None) == tmp_path / "from-env"


# -- private files -------------------------------------------------------------------


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The common default umask, under which files would otherwise be world-readable."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_022")
def test_folder_is_0700_and_database_files_0600(home: Path) -> None:
    journal = open_journal(home)
    assert _mode(home) == 0o700
    db_path = paths.database_path(home)
    # Keep a connection open (outside a transaction) so the WAL and shm files stay.
    with journal.db.connection():
        journal.add_checkin(checkin())
        wal, shm = paths.sidecar_paths(db_path)[1:]
        assert wal.exists() and shm.exists()
        for path in (db_path, wal, shm):
            assert _mode(path) == 0o600, path.name


@pytest.mark.usefixtures("umask_022")
def test_nested_home_is_created_with_a_private_last_folder(tmp_path: Path) -> None:
    home = tmp_path / "a" / "b" / "paincoach"
    Database.open(home).close()
    assert _mode(home) == 0o700
    assert _mode(paths.database_path(home)) == 0o600


@pytest.mark.usefixtures("umask_022")
def test_an_existing_database_is_made_private_but_never_writable(home: Path) -> None:
    open_journal(home).db.close()
    db_path = paths.database_path(home)
    db_path.chmod(0o644)
    Database.open(home).close()
    assert _mode(db_path) == 0o600
    # A file the person made read-only stays read-only: privacy must not grant write access.
    db_path.chmod(0o444)
    Database.open(home).close()
    assert _mode(db_path) == 0o400


# -- per-connection settings ---------------------------------------------------------

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "secure_delete": 1,
}


def _pragmas(conn: object) -> dict[str, object]:
    run = conn.exec_driver_sql  # type: ignore[attr-defined]
    found = {name: run(f"PRAGMA {name}").scalar_one() for name in PRAGMAS}
    found["busy_timeout"] = run("PRAGMA busy_timeout").scalar_one()
    return found


def test_every_connection_has_the_safety_pragmas(home: Path) -> None:
    db = Database.open(home)
    for write in (False, True):
        for _ in range(2):  # a fresh connection each time (NullPool)
            with db.connection(write=write) as conn:
                found = _pragmas(conn)
            assert found["busy_timeout"] >= 5000  # type: ignore[operator]
            del found["busy_timeout"]
            assert found == PRAGMAS
    with db.read() as session:
        assert session.connection().exec_driver_sql("PRAGMA secure_delete").scalar_one() == 1
    with db.write() as session:
        assert session.connection().exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
    assert BUSY_TIMEOUT_MS >= 5000


def test_the_database_file_itself_is_in_wal_mode(home: Path) -> None:
    open_journal(home).add_checkin(checkin())
    header = paths.database_path(home).read_bytes()[:20]
    assert header[18:20] == b"\x02\x02"  # file format read/write version 2 = WAL


# -- BEGIN IMMEDIATE -----------------------------------------------------------------


def test_every_write_begins_immediate_and_reads_do_not(home: Path) -> None:
    journal = open_journal(home)
    with sql_trace(journal.db) as statements:
        saved = journal.add_checkin(checkin(note="first"))
        done = journal.add_activity(activity())
        journal.update_checkin(saved.uid, checkin(pain=2))
        journal.update_activity(done.uid, activity(minutes=30))
        journal.delete(saved.uid)
        save_settings(journal.db, Settings(region="GB"))
        journal.today_view()
        journal.search("walk")
    txns = transactions(statements)
    writes = [txn for txn in txns if any(is_write(s) for s in txn)]
    reads = [txn for txn in txns if not any(is_write(s) for s in txn)]
    assert len(writes) == 6
    assert all(txn[0] == "BEGIN IMMEDIATE" for txn in writes), writes
    assert all(txn[-1] == "COMMIT" for txn in writes)
    assert any(txn[0] == "BEGIN DEFERRED" for txn in reads)
    assert not any(txn[0] == "BEGIN IMMEDIATE" and "SELECT" in txn[1] for txn in reads[-2:])


def test_a_failed_write_rolls_back_everything_in_it(home: Path) -> None:
    journal = open_journal(home)
    with pytest.raises(RuntimeError), journal.db.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO settings (key, value) VALUES ('half', '1')"
        )
        raise RuntimeError("stop half way")
    with journal.db.connection() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM settings").scalar_one() == 0


def test_writers_in_several_threads_wait_for_each_other(home: Path) -> None:
    """Read-then-write transactions at once: with a deferred BEGIN some would fail busy."""
    journal = open_journal(home)
    target = journal.add_checkin(checkin(pain=0))
    workers, rounds = 4, 15
    errors: list[BaseException] = []
    start = threading.Barrier(workers)

    def work(n: int) -> None:
        try:
            start.wait()
            for i in range(rounds):
                journal.update_checkin(target.uid, checkin(pain=(n + i) % 11, note=f"{n}-{i}"))
                journal.add_activity(activity(name=f"worker {n}", minutes=i + 1))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(journal.day(target.day).activities) == workers * rounds


# -- uid, at and day -------------------------------------------------------------------


def test_every_row_has_a_distinct_uuid(home: Path) -> None:
    journal = open_journal(home)
    for pain in range(5):
        journal.add_checkin(checkin(pain=pain))
        journal.add_activity(activity(minutes=pain + 1))
    with journal.db.connection() as conn:
        uids = [
            row[0]
            for table in ("checkins", "activities")
            for row in conn.exec_driver_sql(f"SELECT uid FROM {table}")
        ]
    assert len(uids) == len(set(uids)) == 10
    import uuid

    assert all(str(uuid.UUID(uid)) == uid for uid in uids)


def _stored(journal: Journal, uid: str) -> tuple[str, str]:
    with journal.db.connection() as conn:
        row = conn.execute(
            text("SELECT at, day FROM checkins WHERE uid = :uid"), {"uid": uid}
        ).one()
    return row[0], row[1]


@pytest.mark.parametrize(
    ("moment", "stored_at", "day"),
    [
        # local evening in a zone behind UTC: UTC has already moved on to the next day
        (
            local(date(2026, 7, 14), 23, 30, "America/New_York"),
            "2026-07-14T23:30:00-04:00",
            "2026-07-14",
        ),
        # just after midnight in a zone ahead of UTC: UTC is still on the day before
        (local(date(2026, 7, 15), 0, 30, "Asia/Tokyo"), "2026-07-15T00:30:00+09:00", "2026-07-15"),
        (
            local(date(2026, 7, 15), 23, 30, "Asia/Kolkata"),
            "2026-07-15T23:30:00+05:30",
            "2026-07-15",
        ),
        # British summer time: 00:30 BST is 23:30 UTC the day before
        (local(date(2026, 6, 30), 0, 30), "2026-06-30T00:30:00+01:00", "2026-06-30"),
    ],
)
def test_at_keeps_its_offset_and_day_is_the_local_day(
    home: Path, moment: datetime, stored_at: str, day: str
) -> None:
    journal = open_journal(home)
    saved = journal.add_checkin(checkin(at=moment))
    assert _stored(journal, saved.uid) == (stored_at, day)
    assert saved.at == moment and saved.at.utcoffset() == moment.utcoffset()
    assert saved.day.isoformat() == day
    assert [c.uid for c in journal.day(date.fromisoformat(day)).checkins] == [saved.uid]


def test_the_late_evening_counts_for_the_local_day_in_figures(home: Path) -> None:
    journal = open_journal(home)
    evening = local_moment(date(2026, 6, 29), datetime.strptime("23:30", "%H:%M").time())
    after_midnight = local(date(2026, 6, 30), 0, 30)
    journal.add_checkin(checkin(at=evening, pain=8))
    journal.add_checkin(checkin(at=after_midnight, pain=2))
    figures = {f.day: f for f in journal.figures(date(2026, 6, 29), date(2026, 6, 30))}
    assert figures[date(2026, 6, 29)].pain_max == 8 and figures[date(2026, 6, 29)].checkins == 1
    assert figures[date(2026, 6, 30)].pain_max == 2 and figures[date(2026, 6, 30)].checkins == 1


@pytest.mark.parametrize(
    ("day", "clocks", "offsets"),
    [
        # spring forward: 01:00 GMT becomes 02:00 BST
        (date(2026, 3, 29), ["00:30", "03:00", "23:30"], ["+00:00", "+01:00", "+01:00"]),
        # fall back: 02:00 BST becomes 01:00 GMT
        (date(2026, 10, 25), ["00:30", "03:00", "23:30"], ["+01:00", "+00:00", "+00:00"]),
    ],
)
def test_daylight_saving_days_keep_every_entry_on_that_day(
    home: Path, day: date, clocks: list[str], offsets: list[str]
) -> None:
    journal = open_journal(home)
    for clock in clocks:
        moment = local_moment(day, datetime.strptime(clock, "%H:%M").time())
        journal.add_checkin(checkin(at=moment, pain=3))
    saved = journal.day(day).checkins
    assert [c.at.strftime("%H:%M") for c in saved] == clocks
    assert [c.at.isoformat()[-6:] for c in saved] == offsets
    around = journal.figures(day - timedelta(days=1), day + timedelta(days=1))
    assert [f.checkins for f in around] == [0, 3, 0]


def test_the_repeated_hour_when_clocks_go_back_is_one_day(home: Path) -> None:
    journal = open_journal(home)
    first = datetime(2026, 10, 25, 1, 30, tzinfo=local(date(2026, 1, 1)).tzinfo)
    second = first.replace(fold=1)
    journal.add_checkin(checkin(at=first))
    journal.add_checkin(checkin(at=second))
    offsets = sorted(c.at.isoformat()[-6:] for c in journal.day(date(2026, 10, 25)).checkins)
    assert offsets == ["+00:00", "+01:00"]


# -- aggregation in SQL -----------------------------------------------------------------


def test_daily_figures_on_constructed_data(home: Path) -> None:
    journal = open_journal(home)
    d1, d2, d3 = date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 23)
    journal.add_checkin(checkin(at=local(d1, 8), pain=2, mood=6, sleep=4))
    journal.add_checkin(checkin(at=local(d1, 13), pain=7, mood=None, sleep=None))
    journal.add_checkin(checkin(at=local(d1, 21), pain=6, mood=3))
    journal.add_activity(activity(at=local(d1, 10), minutes=20))
    journal.add_activity(activity(at=local(d1, 16), minutes=45, name="swim"))
    journal.add_activity(activity(at=local(d2, 9), minutes=1440))
    journal.add_checkin(checkin(at=local(d3, 23, 59), pain=10, mood=0, sleep=10))
    journal.add_checkin(checkin(at=local(date(2026, 11, 24), 0, 0), pain=0))  # outside
    journal.add_checkin(checkin(at=local(date(2026, 11, 19), 23, 59), pain=0))  # outside

    figures = journal.figures(d1, d3)
    assert [f.day for f in figures] == [d1 + timedelta(days=i) for i in range(4)]
    one, two, three, four = figures
    assert (one.checkins, one.pain_min, one.pain_max) == (3, 2, 7)
    assert one.pain_avg == pytest.approx(5.0)
    assert one.mood_avg == pytest.approx(4.5)  # missing moods are left out, not counted as 0
    assert one.sleep_avg == pytest.approx(4.0)
    assert (one.activities, one.activity_minutes) == (2, 65)
    assert (two.checkins, two.pain_avg, two.mood_avg) == (0, None, None)
    assert (two.activities, two.activity_minutes) == (1, 1440)
    assert three == type(three)(date(2026, 11, 22))  # an empty day is there, with nothing in it
    assert (four.checkins, four.pain_avg, four.mood_avg, four.sleep_avg) == (1, 10, 0, 10)
    assert four.activities == 0 and four.activity_minutes == 0


def test_figures_are_grouped_in_sql_without_loading_rows(home: Path) -> None:
    journal = open_journal(home)
    for day in range(1, 29):
        journal.add_checkin(checkin(at=local(date(2026, 2, day), 9), pain=day % 11))
    with sql_trace(journal.db) as statements:
        figures = journal.figures(date(2026, 2, 1), date(2026, 2, 28))
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert selects and all("GROUP BY" in s.upper() for s in selects)
    assert not any("note" in s for s in selects)  # no row is loaded to be summed in Python
    assert sum(f.checkins for f in figures) == 28


def test_days_are_indexed(home: Path) -> None:
    journal = open_journal(home)
    with journal.db.connection() as conn:
        for table in ("checkins", "activities"):
            plan = conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN SELECT day, count(*) FROM {table} "
                "WHERE day BETWEEN '2026-01-01' AND '2026-01-07' GROUP BY day"
            ).all()
            assert any(f"ix_{table}_day" in str(row) for row in plan), plan


def test_database_open_twice_in_one_process_shares_the_file(home: Path) -> None:
    first, second = open_journal(home), open_journal(home)
    saved = first.add_checkin(checkin(note="seen by both"))
    assert second.entry(saved.uid).note == "seen by both"


def test_a_raw_sqlite_connection_sees_committed_entries(home: Path) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin(note="durable"))
    conn = sqlite3.connect(paths.database_path(home))
    try:
        assert conn.execute("SELECT note FROM checkins").fetchall() == [("durable",)]
    finally:
        conn.close()


def test_an_open_that_meets_a_passing_disk_io_error_is_tried_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes opening a new journal at once met SQLite's "disk I/O error" once (CI)."""
    from paincoach.core.errors import StorageError
    from paincoach.db import engine
    from paincoach.db.errors import translate_sqlite_error

    real = engine.Database._open
    tries: list[int] = []
    failing = 1

    def flaky(folder: Path) -> engine.Database:
        tries.append(1)
        if len(tries) <= failing:
            error = sqlite3.OperationalError("disk I/O error")
            raise translate_sqlite_error(error, folder) from error
        return real(folder)

    monkeypatch.setattr(engine, "OPEN_RETRY_S", 0)
    monkeypatch.setattr(engine.Database, "_open", flaky)
    engine.Database.open(home).close()  # the second try opens it
    assert len(tries) == 2

    tries.clear()
    failing = engine.OPEN_TRIES  # never passes: said plainly, after a bounded number of tries
    with pytest.raises(StorageError, match="disk I/O error"):
        engine.Database.open(home)
    assert len(tries) == engine.OPEN_TRIES
