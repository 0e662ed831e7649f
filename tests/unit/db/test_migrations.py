"""Schema versions: old journals migrate without losing a byte; newer ones open read-only."""

from __future__ import annotations

import re
import shutil
import sqlite3
import stat
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import SQLModel

from paincoach.core import paths
from paincoach.core.errors import StorageError, TooNewDatabaseError
from paincoach.db import migrations
from paincoach.db import models as _models  # noqa: F401  (registers the table models)
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.settings import Settings, load_settings, save_settings
from tests.fixtures.make_fixtures import EXPECTED, fixture_path, uid_for
from tests.storage_support import (
    checkin,
    columns_of,
    digest,
    folder_state,
    normalised_schema,
    raw_rows,
    respelled_by_v4,
)
from tests.support import fixed_clock

FIXTURES = sorted(
    (int(match.group(1)), path)
    for path in fixture_path(1).parent.glob("schema-v*.db")
    if (match := re.fullmatch(r"schema-v(\d+)\.db", path.name))
)
FIXTURE_IDS = [f"v{version}" for version, _ in FIXTURES]


def _install(fixture: Path, home: Path) -> Path:
    """Copy a fixture journal into `home` (the committed file is never opened in place)."""
    home.mkdir(parents=True, exist_ok=True)
    target = paths.database_path(home)
    shutil.copyfile(fixture, target)
    return target


def _tables(db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
    finally:
        conn.close()


def _pragma(db_path: Path, name: str) -> object:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute(f"PRAGMA {name}").fetchall()
    finally:
        conn.close()


def _fresh(tmp_path: Path) -> Path:
    home = tmp_path / "fresh"
    Database.open(home).close()
    return paths.database_path(home)


# -- the fixtures themselves -----------------------------------------------------------------


def test_every_schema_version_has_a_fixture() -> None:
    versions = [version for version, _ in FIXTURES]
    missing = sorted(set(range(1, migrations.LATEST + 1)) - set(versions))
    assert not missing, (
        f"no fixture journal for schema {missing}: make one with the code that writes it "
        "(tests/fixtures/make_fixtures.py) and add its EXPECTED content"
    )
    assert set(EXPECTED) >= set(versions)


@pytest.mark.parametrize(("version", "fixture"), FIXTURES, ids=FIXTURE_IDS)
def test_fixture_is_the_schema_it_claims(tmp_path: Path, version: int, fixture: Path) -> None:
    db_path = _install(fixture, tmp_path / "copy")
    assert _pragma(db_path, "user_version") == [(version,)]
    assert _pragma(db_path, "application_id") == [(migrations.APPLICATION_ID,)]
    assert _pragma(db_path, "integrity_check") == [("ok",)]
    assert not fixture.with_name(fixture.name + "-wal").exists()


# -- migrating keeps everything ------------------------------------------------------------


@pytest.mark.parametrize(("version", "fixture"), FIXTURES, ids=FIXTURE_IDS)
def test_opening_an_old_journal_keeps_every_value_byte_for_byte(
    home: Path, version: int, fixture: Path
) -> None:
    db_path = _install(fixture, home)
    old_columns = {table: columns_of(db_path, table) for table in _tables(db_path)}
    before = {table: raw_rows(db_path, table, cols) for table, cols in old_columns.items()}
    assert before["checkins"] and before["activities"] and before["settings"]
    Database.open(home).close()
    assert _pragma(db_path, "user_version") == [(migrations.LATEST,)]
    after = {table: raw_rows(db_path, table, cols) for table, cols in old_columns.items()}
    if version < 4:  # schema 4 gives each name one spelling (tests/unit/db/test_migration_v4.py)
        before = {t: respelled_by_v4(t, old_columns[t], rows) for t, rows in before.items()}
    assert after == before


@pytest.mark.parametrize(("version", "fixture"), FIXTURES, ids=FIXTURE_IDS)
def test_an_old_journal_reads_back_as_it_was_written(
    home: Path, version: int, fixture: Path
) -> None:
    _install(fixture, home)
    journal = Journal(Database.open(home), fixed_clock)
    checkins, activities, settings = EXPECTED[version]
    both: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("checkin", checkins),
        ("activity", activities),
    )
    for kind, drafts in both:
        for index, draft in enumerate(drafts):
            saved = journal.entry(uid_for(kind, index))
            # the same instant on the same wall clock (fold-aware datetimes in different
            # tzinfo classes never compare equal, so compare what matters)
            assert saved.at.timestamp() == draft.at.timestamp()
            assert saved.at.utcoffset() == draft.at.utcoffset()
            assert saved.at.replace(tzinfo=None) == draft.at.replace(tzinfo=None)
            assert saved.day == draft.at.date()
            # every typed value as it was (compared field by field: an old value such as a
            # NUL, which today's checks refuse on input, must still read back as it was)
            for name in (f.name for f in fields(draft) if f.name != "at"):
                assert getattr(saved, name) == getattr(draft, name), name
    assert load_settings(journal.db) == settings
    # and it can be written to again
    added = journal.add_checkin(checkin(note="after the upgrade"))
    assert journal.entry(added.uid).note == "after the upgrade"


@pytest.mark.parametrize(("version", "fixture"), FIXTURES, ids=FIXTURE_IDS)
def test_migrated_and_fresh_schemas_are_the_same(
    tmp_path: Path, home: Path, version: int, fixture: Path
) -> None:
    db_path = _install(fixture, home)
    Database.open(home).close()
    fresh = _fresh(tmp_path)
    assert normalised_schema(db_path) == normalised_schema(fresh)
    for pragma in ("user_version", "application_id", "journal_mode"):
        assert _pragma(db_path, pragma) == _pragma(fresh, pragma), pragma


@pytest.mark.parametrize(("version", "fixture"), FIXTURES, ids=FIXTURE_IDS)
def test_migrated_journal_passes_every_check(home: Path, version: int, fixture: Path) -> None:
    db_path = _install(fixture, home)
    Database.open(home).close()
    assert _pragma(db_path, "integrity_check") == [("ok",)]
    assert _pragma(db_path, "foreign_key_check") == []
    assert _pragma(db_path, "quick_check") == [("ok",)]


@pytest.mark.parametrize(("version", "fixture"), FIXTURES, ids=FIXTURE_IDS)
def test_opening_twice_changes_nothing(home: Path, version: int, fixture: Path) -> None:
    db_path = _install(fixture, home)
    original = digest(db_path)
    Database.open(home).close()
    if version == migrations.LATEST:
        assert digest(db_path) == original  # nothing to migrate: not a byte written
    after_first = folder_state(home)
    Database.open(home).close()
    assert folder_state(home) == after_first


def test_a_fresh_journal_is_at_the_latest_schema(home: Path) -> None:
    db = Database.open(home)
    assert db.schema_version == migrations.LATEST and not db.read_only
    db_path = paths.database_path(home)
    assert _pragma(db_path, "user_version") == [(migrations.LATEST,)]
    assert _pragma(db_path, "application_id") == [(migrations.APPLICATION_ID,)]
    assert not (home / "backups").exists()  # nothing to back up on a new journal


# -- the upgrade machinery, with a made-up next step ------------------------------------------


def _with_next_step(monkeypatch: pytest.MonkeyPatch, *statements: str) -> int:
    version = migrations.LATEST + 1
    step = migrations.Step(version, "test step", statements)
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, step))
    monkeypatch.setattr(migrations, "LATEST", version)
    return version


def test_an_upgrade_backs_up_first_then_bumps_the_version(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Journal(Database.open(home), fixed_clock).add_checkin(checkin(note="before the upgrade"))
    db_path = paths.database_path(home)
    old_version = migrations.LATEST
    before = {table: raw_rows(db_path, table) for table in _tables(db_path)}
    new_version = _with_next_step(
        monkeypatch,
        "CREATE TABLE extra (id INTEGER PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT INTO extra (value) VALUES ('added')",
    )
    db = Database.open(home)
    assert db.schema_version == new_version
    assert _pragma(db_path, "user_version") == [(new_version,)]
    assert raw_rows(db_path, "extra") == [("integer", b"1", "text", b"added")]
    backups = list((home / "backups").iterdir())
    assert len(backups) == 1 and f"before-schema-{new_version}" in backups[0].name
    assert stat.S_IMODE((home / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert _pragma(backups[0], "user_version") == [(old_version,)]
    assert {table: raw_rows(backups[0], table) for table in _tables(backups[0])} == before


def test_another_paincoachs_sweep_during_the_upgrade_backup_leaves_it_be(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes opening one journal: one copies it aside before an upgrade while the
    other sweeps killed writes' leftovers. The copy in progress is live and must stay (CI
    saw the sweep remove it, and the first save of a new journal fail)."""
    from paincoach.db import upgrade as upgrade_module
    from paincoach.transfer.backup import clean_up

    Journal(Database.open(home), fixed_clock).add_checkin(checkin(note="copied aside"))
    _with_next_step(monkeypatch, "CREATE TABLE extra (id INTEGER PRIMARY KEY)")
    real_copy = upgrade_module.copy_journal
    temps_seen: list[list[str]] = []

    def copy_while_another_sweeps(source: Path, temp: Path, **kwargs: Any) -> None:
        real_copy(source, temp, **kwargs)
        clean_up(home)  # what a second paincoach, opening now, does
        temps_seen.append(sorted(p.name for p in (home / "backups").iterdir()))

    monkeypatch.setattr(upgrade_module, "copy_journal", copy_while_another_sweeps)
    Database.open(home).close()
    assert len(temps_seen) == 1 and any(name.endswith(".part") for name in temps_seen[0])
    backups = sorted(p.name for p in (home / "backups").iterdir())
    assert len(backups) == 1 and backups[0].startswith("before-schema-")
    assert backups[0].endswith(".db")
    assert not list((home / "writing").iterdir())


def test_no_before_copy_is_kept_of_a_journal_another_paincoach_upgraded_meanwhile(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between our look at the version and our copy, another process upgraded the journal
    (and kept its own copy of the old one): a copy of the new one is not a backup of the
    old, so it is not kept under a "before" name (CI saw one, schema 8 where 1 was due)."""
    from paincoach.db import upgrade as upgrade_module

    db_path = _install(fixture_path(1), home)
    real_copy = upgrade_module.copy_journal

    def copy_after_another_upgraded(source: Path, temp: Path, **kwargs: Any) -> None:
        conn = sqlite3.connect(source)
        conn.execute(f"PRAGMA user_version = {migrations.LATEST}")  # what the other did
        conn.close()
        real_copy(source, temp, **kwargs)

    monkeypatch.setattr(upgrade_module, "copy_journal", copy_after_another_upgraded)
    assert upgrade_module.snapshot_before_migration(db_path, 1) is None
    assert list((home / "backups").iterdir()) == []
    assert not list((home / "writing").iterdir())


def test_a_failing_step_leaves_the_journal_as_it_was(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Journal(Database.open(home), fixed_clock).add_checkin(checkin(note="keep me"))
    db_path = paths.database_path(home)
    old_version = migrations.LATEST
    schema, rows = normalised_schema(db_path), raw_rows(db_path, "checkins")
    _with_next_step(
        monkeypatch,
        "CREATE TABLE extra (id INTEGER PRIMARY KEY)",
        "INSERT INTO no_such_table VALUES (1)",
    )
    with pytest.raises(StorageError) as caught:
        Database.open(home)
    assert str(db_path) in caught.value.message
    assert _pragma(db_path, "user_version") == [(old_version,)]
    assert normalised_schema(db_path) == schema  # the CREATE TABLE was rolled back too
    assert raw_rows(db_path, "checkins") == rows


# -- a journal from a newer paincoach ---------------------------------------------------------


def _make_too_new(home: Path, *, journal_mode: str = "WAL") -> Path:
    journal = Journal(Database.open(home), fixed_clock)
    journal.add_checkin(checkin(note="written by the future"))
    save_settings(journal.db, Settings(region="US"))
    journal.db.close()
    db_path = paths.database_path(home)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    conn.commit()
    conn.close()
    return db_path


@pytest.mark.parametrize("journal_mode", ["WAL", "DELETE"])
def test_a_newer_journal_opens_read_only_and_is_never_written(
    home: Path, journal_mode: str
) -> None:
    db_path = _make_too_new(home, journal_mode=journal_mode)
    original = digest(db_path)
    db = Database.open(home)
    assert db.read_only
    assert db.schema_version == migrations.LATEST + 5
    assert "newer paincoach" in db.read_only_reason
    journal = Journal(db, fixed_clock)
    assert [c.note for c in journal.today_view().today.checkins] == ["written by the future"]
    assert load_settings(db).region == "US"
    saved = journal.today_view().today.checkins[0]
    attempts = [
        lambda: journal.add_checkin(checkin()),
        lambda: journal.update_checkin(saved.uid, checkin(pain=1)),
        lambda: journal.delete(saved.uid),
        lambda: save_settings(db, Settings(region="GB")),
    ]
    for attempt in attempts:
        with pytest.raises(TooNewDatabaseError) as caught:
            attempt()
        message = caught.value.message
        assert "newer paincoach" in message and "update paincoach" in message
        assert f"schema {migrations.LATEST + 5}" in message
    db.close()
    assert digest(db_path) == original
    assert not (home / "backups").exists()
    assert _pragma(db_path, "user_version") == [(migrations.LATEST + 5,)]


# -- the table models match the SQL ------------------------------------------------------


def test_table_models_match_the_migration_sql(tmp_path: Path) -> None:
    db_path = _fresh(tmp_path)
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        sql_tables = {
            table: {
                row[1]: {"notnull": bool(row[3]), "pk": bool(row[5])}
                for row in conn.execute(f"PRAGMA table_info({table})")
            }
            for table in _tables(db_path)
        }
        unique_sql = {
            table: {
                conn.execute(f"PRAGMA index_info({index[1]})").fetchone()[2]
                for index in conn.execute(f"PRAGMA index_list({table})")
                if index[2]
                and index[3] == "u"
                and len(conn.execute(f"PRAGMA index_info({index[1]})").fetchall()) == 1
            }
            for table in sql_tables
        }
    finally:
        conn.close()
    model_tables = SQLModel.metadata.tables
    assert set(model_tables) == set(sql_tables)
    for name, table in model_tables.items():
        sql_columns = sql_tables[name]
        assert [c.name for c in table.columns] == list(sql_columns), name
        for column in table.columns:
            found = sql_columns[column.name]
            assert column.primary_key == found["pk"], (name, column.name)
            if column.primary_key:
                continue  # INTEGER PRIMARY KEY is the rowid: never NULL whatever it says
            assert column.nullable == (not found["notnull"]), (name, column.name)
        model_unique = {c.name for c in table.columns if c.unique}
        assert model_unique == unique_sql[name], name


def test_every_record_table_has_a_uid_and_an_indexed_day(tmp_path: Path) -> None:
    """Import merges by uid; per-day figures group by an indexed local day (design §3)."""
    db_path = _fresh(tmp_path)
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        for table in _tables(db_path):
            if table == "settings":
                continue
            columns = {row[1]: bool(row[3]) for row in conn.execute(f"PRAGMA table_info({table})")}
            assert columns.get("uid") is True, f"{table}.uid must be NOT NULL"
            indexes = {
                row[1]: (
                    bool(row[2]),
                    [c[2] for c in conn.execute(f"PRAGMA index_info({row[1]})")],
                )
                for row in conn.execute(f"PRAGMA index_list({table})")
            }
            assert (True, ["uid"]) in indexes.values(), f"{table}.uid must be UNIQUE"
            if "day" in columns:
                assert any(cols[0] == "day" for _, cols in indexes.values()), table
    finally:
        conn.close()
