"""The fast commands' driver (`db.quick`, `journal.quick`) against the ORM path.

One mapping, two drivers: an entry saved through either reads back the same through both,
every field, with names merged and the day and offset kept; and every storage rule of the
full path holds on the fast one.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from paincoach.core import paths
from paincoach.core.errors import (
    DamagedDatabaseError,
    LockedError,
    NotADatabaseError,
    UnlikelyDateError,
)
from paincoach.db import file_checks, migrations, quick, waiting
from paincoach.db.quick import QuickStore
from paincoach.journal.quick import QuickJournal
from paincoach.journal.service import Journal
from paincoach.records.concern import Reason
from paincoach.records.entries import Activity, CheckIn
from tests.storage_support import activity, checkin, install_fixture, local, open_journal
from tests.support import NOW, fixed_clock


def _both(home: Path) -> tuple[Journal, QuickJournal]:
    journal = open_journal(home)  # makes the journal: the fast path opens only a made one
    store = QuickStore.open(home)
    assert store is not None
    return journal, QuickJournal(store, fixed_clock)


def _same(one: CheckIn | Activity, other: CheckIn | Activity) -> None:
    """Every field but the uid (and, for these saves, the concern) is equal."""
    assert type(one) is type(other)
    for name in one.__dataclass_fields__:
        if name != "uid":
            assert getattr(one, name) == getattr(other, name), name


def _read_back(journal: Journal, fast: QuickJournal, uid: str, kind: str) -> list[object]:
    with fast.store.read() as conn:
        by_sqlite3 = (quick.checkin_by_uid if kind == "checkin" else quick.activity_by_uid)(
            conn, uid
        )
    return [journal.entry(uid), by_sqlite3]


def test_a_checkin_saved_by_either_driver_reads_back_the_same_through_both(home: Path) -> None:
    journal, fast = _both(home)
    journal.add_checkin(checkin(areas=("Lower Back",), tags=("Cold",)))
    # near midnight in New York: the stored day is the local one, the offset kept
    at = datetime(2026, 11, 26, 23, 50, tzinfo=ZoneInfo("America/New_York"))
    note = "Stiff; «eased» later.\nSecond line"
    draft = checkin(at, pain=7, mood=4, sleep=6, areas=("lower  back", "Knee"),
                    tags=("COLD", "ßtrasse"), note=note)  # fmt: skip
    by_orm = journal.add_checkin(draft)
    by_sqlite3 = fast.add_checkin(draft)
    assert by_sqlite3.areas == ("Lower Back", "Knee") and by_sqlite3.tags == ("Cold", "ßtrasse")
    assert by_sqlite3.day.isoformat() == "2026-11-26"
    assert by_sqlite3.at.utcoffset() == at.utcoffset()
    _same(by_orm, by_sqlite3)
    for uid, saved in ((by_orm.uid, by_orm), (by_sqlite3.uid, by_sqlite3)):
        for read in _read_back(journal, fast, uid, "checkin"):
            assert read == saved


def test_an_activity_saved_by_either_driver_reads_back_the_same_through_both(home: Path) -> None:
    journal, fast = _both(home)
    journal.add_activity(activity("Garden Work"))
    draft = activity("garden  work", 35, local(NOW.date(), 8), effort=6, paced=True, note="slow")
    by_orm, by_sqlite3 = journal.add_activity(draft), fast.add_activity(draft)
    assert by_sqlite3.name == "Garden Work" and by_sqlite3.paced is True
    _same(by_orm, by_sqlite3)
    for uid, saved in ((by_orm.uid, by_orm), (by_sqlite3.uid, by_sqlite3)):
        for read in _read_back(journal, fast, uid, "activity"):
            assert read == saved


def test_a_name_first_saved_by_the_fast_path_is_the_one_the_orm_path_uses(home: Path) -> None:
    journal, fast = _both(home)
    fast.add_checkin(checkin(areas=("Left Hip",)))
    fast.add_activity(activity("Tai Chi"))
    assert journal.add_checkin(checkin(areas=("left hip",))).areas == ("Left Hip",)
    assert journal.add_activity(activity("tai chi")).name == "Tai Chi"
    assert [row.name for row in journal.day(NOW.date()).activities] == ["Tai Chi", "Tai Chi"]


def test_an_unlikely_date_is_questioned_and_a_confirmed_one_saved(home: Path) -> None:
    journal, fast = _both(home)
    journal.add_checkin(checkin())
    long_ago = local(NOW.date().replace(year=2019))
    for save in (fast.add_checkin, journal.add_checkin):
        with pytest.raises(UnlikelyDateError) as caught:
            save(checkin(long_ago))
        assert "2019" in caught.value.message
    with pytest.raises(UnlikelyDateError):
        fast.add_activity(activity(at=local(NOW.date().replace(year=1999))))
    assert fast.add_checkin(checkin(long_ago), confirmed=True).day.year == 2019


def test_words_of_distress_and_a_low_mood_bring_the_same_concern(home: Path) -> None:
    journal, fast = _both(home)
    for draft in (checkin(note="I want to kill myself"), checkin(mood=1)):
        by_orm, by_sqlite3 = journal.add_checkin(draft), fast.add_checkin(draft)
        assert by_sqlite3.concern is not None
        assert by_sqlite3.concern == by_orm.concern
    assert (
        fast.add_activity(activity(note="honestly i dont want to be here anymore")).concern
        is not None
    )
    assert fast.add_checkin(checkin(note="a calm day")).concern is None
    reasons = fast.add_checkin(checkin(mood=0)).concern
    assert reasons is not None and Reason.LOW_MOOD in reasons.reasons


# -- storage rules ------------------------------------------------------------------------


def test_the_fast_connection_runs_every_pragma_of_the_full_path(home: Path) -> None:
    _, fast = _both(home)
    conn = fast.store.connection
    found = {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout",
                     "secure_delete", "temp_store")
    }  # fmt: skip
    assert found == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": file_checks.busy_timeout_ms(),
        "secure_delete": 1,
        "temp_store": 2,  # MEMORY
    }


def test_files_are_private_after_a_fast_save(home: Path) -> None:
    journal, fast = _both(home)
    journal.db.close()
    for sidecar in paths.sidecar_paths(paths.database_path(home)):
        if sidecar.exists():
            sidecar.chmod(0o644)
    store = QuickStore.open(home)
    assert store is not None
    QuickJournal(store, fixed_clock).add_checkin(checkin())
    for sidecar in paths.sidecar_paths(paths.database_path(home)):
        if sidecar.exists():
            assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600, sidecar.name
    assert fast.store is not store


def test_a_new_old_newer_foreign_or_read_only_journal_goes_to_the_full_path(
    home: Path, tmp_path: Path
) -> None:
    assert QuickStore.open(home) is None  # no journal yet
    install_fixture(migrations.LATEST - 1, home)
    assert QuickStore.open(home) is None  # needs an upgrade
    open_journal(home).db.close()
    assert QuickStore.open(home) is not None
    db_path = paths.database_path(home)
    for pragma in ("user_version = 99", "application_id = 7"):
        other = tmp_path / pragma.split()[0]
        other.mkdir(mode=0o700)
        shutil.copyfile(db_path, paths.database_path(other))
        with sqlite3.connect(paths.database_path(other)) as conn:
            conn.execute(f"PRAGMA {pragma}")
        assert QuickStore.open(other) is None, pragma
    paths.database_path(home).write_bytes(b"")
    assert QuickStore.open(home) is None  # an empty file: the full path makes the journal


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only files and folders")
def test_a_read_only_journal_or_folder_goes_to_the_full_path(home: Path) -> None:
    open_journal(home).db.close()
    db_path = paths.database_path(home)
    db_path.chmod(0o400)
    try:
        assert QuickStore.open(home) is None
    finally:
        db_path.chmod(0o600)
    home.chmod(0o500)
    try:
        assert QuickStore.open(home) is None
    finally:
        home.chmod(0o700)


def test_a_file_that_is_not_a_journal_or_is_damaged_is_refused_as_on_the_full_path(
    home: Path,
) -> None:
    home.mkdir(mode=0o700)
    paths.database_path(home).write_text("my shopping list\n" * 20)
    with pytest.raises(NotADatabaseError):
        QuickStore.open(home)
    paths.database_path(home).unlink()
    journal = open_journal(home)
    for number in range(120):
        journal.add_checkin(checkin(note=f"entry {number} " + "words " * 40))
    journal.db.close()
    db_path = paths.database_path(home)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])  # cut off
    with pytest.raises(DamagedDatabaseError):
        QuickStore.open(home)
    assert db_path.read_bytes() == data[: len(data) // 2]  # nothing was changed


def test_a_fast_write_begins_immediate_and_waits_out_a_short_lock(home: Path) -> None:
    _, fast = _both(home)
    holder = sqlite3.connect(
        paths.database_path(home), isolation_level=None, check_same_thread=False
    )
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        saved = fast.add_checkin(checkin(note="after the lock"))
    finally:
        release.join()
        holder.close()
    assert fast.store.connection.in_transaction is False
    assert saved.note == "after the lock"


def test_a_fast_write_held_too_long_is_reported_and_nothing_is_half_saved(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(file_checks.ENV_BUSY_TIMEOUT, "50")
    _, fast = _both(home)
    holder = sqlite3.connect(paths.database_path(home), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LockedError):
            fast.add_checkin(checkin(note="while locked"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert fast.add_checkin(checkin(note="then")).note == "then"


def test_a_fast_write_waits_for_an_import_and_says_so(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(file_checks.ENV_BUSY_TIMEOUT, "50")
    _, fast = _both(home)
    told: list[str] = []
    fast.store.on_import_wait = lambda: told.append("waiting")
    started, done = threading.Event(), threading.Event()

    def importer() -> None:
        with waiting.importing(home):
            holder = sqlite3.connect(paths.database_path(home), isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            started.set()
            done.wait(0.6)  # longer than the busy timeout, many times over
            holder.execute("COMMIT")
            holder.close()

    thread = threading.Thread(target=importer)
    thread.start()
    started.wait(5)
    threading.Timer(0.4, done.set).start()
    saved = fast.add_checkin(checkin(note="after the import"))
    thread.join()
    assert told == ["waiting"] and saved.note == "after the import"


def test_the_first_day_is_read_as_the_review_repository_reads_it(home: Path) -> None:
    from paincoach.db.review_repository import first_entry_day

    journal, fast = _both(home)
    with fast.store.read() as conn:
        assert quick.first_entry_day(conn) is None
    journal.add_activity(activity(at=local(NOW.date().replace(day=3))))
    journal.add_checkin(checkin(local(NOW.date().replace(day=9))))
    with fast.store.read() as conn, journal.db.read() as session:
        assert quick.first_entry_day(conn) == first_entry_day(session) == NOW.date().replace(day=3)


def test_pacing_plans_read_through_sqlite3_are_the_orm_paths_plans(home: Path) -> None:
    from datetime import date

    from paincoach.practice.plan_views import quick_plans
    from paincoach.practice.service import Practice
    from tests.practice_support import plan_session

    journal, fast = _both(home)
    practice = Practice(journal.db, journal, lambda: NOW)
    assert quick_plans(fast.store, NOW.date()) == []
    for name, start in (("walking", date(2026, 10, 1)), ("Tai Chi", date(2026, 11, 20))):
        practice.save_session(plan_session(name, [20, 25, 30], start))
    practice.pacing.hold("walking", "a hard week")
    journal.add_activity(activity("WALKING", 12))
    journal.add_activity(activity("tai  chi", 5))
    by_orm = practice.pacing_plans()
    assert len(by_orm) == 2 and any(plan.held_this_week for plan in by_orm)
    assert quick_plans(fast.store, NOW.date()) == by_orm
