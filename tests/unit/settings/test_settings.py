"""Settings: stored in the journal, read back whole, and never fatal when damaged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paincoach.core.errors import InputError
from paincoach.db.engine import Database
from paincoach.settings import (
    CONTACTS_MAX,
    DEFAULT_THEME,
    Contact,
    Settings,
    load_settings,
    save_settings,
)


@pytest.fixture
def db(home: Path) -> Database:
    """An empty journal."""
    return Database.open(home)


FULL = Settings(
    acknowledged_at="2026-11-27T09:30:00+00:00",
    theme="textual-light",
    week_start=6,
    region="IE",
    reduced_motion=True,
    sound=False,
    contacts=(Contact("Åsa [b]", "+353 1 234 5678", "after 6 ☎"), Contact("Sam")),
)


def _store_raw(db: Database, values: dict[str, str]) -> None:
    """Put raw text in the settings table, as a damaged or hand-edited file might hold."""
    with db.write() as session:
        for key, value in values.items():
            session.connection().exec_driver_sql(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value)
            )


def test_nothing_stored_gives_the_defaults(db: Database) -> None:
    assert load_settings(db) == Settings()
    assert Settings().theme == DEFAULT_THEME and Settings().week_start == 0


def test_sound_is_on_until_turned_off_and_stays_off(home: Path, db: Database) -> None:
    """A journal from before the setting (nothing stored) rings; Off is kept on reopening."""
    assert load_settings(db).sound is True
    save_settings(db, load_settings(db).with_changes(sound=False))
    db.close()
    assert load_settings(Database.open(home)).sound is False


def test_settings_round_trip(db: Database) -> None:
    assert save_settings(db, FULL) == FULL
    assert load_settings(db) == FULL
    fewer = FULL.with_changes(contacts=(Contact("Sam"),), region="")
    save_settings(db, fewer)
    assert load_settings(db) == fewer  # the removed contact is really gone


def test_settings_survive_reopening(home: Path, db: Database) -> None:
    save_settings(db, FULL)
    db.close()
    assert load_settings(Database.open(home)) == FULL


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"week_start": 7}, "week_start"),
        ({"week_start": -1}, "week_start"),
        ({"contacts": (Contact("  "),)}, "contacts"),
        ({"contacts": tuple(Contact(f"c{i}") for i in range(CONTACTS_MAX + 1))}, "contacts"),
    ],
)
def test_impossible_values_are_refused(db: Database, changes: dict, field: str) -> None:
    with pytest.raises(InputError) as caught:
        Settings().with_changes(**changes)
    assert caught.value.field == field
    with pytest.raises(InputError):
        save_settings(db, Settings(**changes))
    assert load_settings(db) == Settings()


@pytest.mark.parametrize(
    ("key", "raw", "default"),
    [
        ("theme", "not json at all", DEFAULT_THEME),
        ("theme", "5", DEFAULT_THEME),
        ("week_start", '"Monday"', 0),
        ("week_start", "9", 0),
        ("week_start", "true", 0),
        ("reduced_motion", '"yes"', False),
        ("sound", '"off"', True),
        ("sound", "0", True),
        ("region", "null", ""),
        ("region", "[1, 2]", ""),
        ("acknowledged_at", "{", None),
        ("contacts", '"Sam"', ()),
        ("contacts", "42", ()),
    ],
)
def test_a_damaged_setting_falls_back_to_its_default_alone(
    db: Database, key: str, raw: str, default: object
) -> None:
    save_settings(db, FULL)
    _store_raw(db, {key: raw})
    loaded = load_settings(db)
    assert getattr(loaded, key) == default
    # every other setting is kept: above all the first-run acknowledgement and contacts
    for name in ("acknowledged_at", "theme", "week_start", "region", "sound", "contacts"):
        if name != key:
            assert getattr(loaded, name) == getattr(FULL, name), name


def test_damaged_contacts_keep_the_readable_ones(db: Database) -> None:
    contacts = [
        {"name": "Sam", "phone": "0700", "note": ""},
        {"name": "Jo", "extra": "unknown key"},
        "just text",
        {"name": 5},
        {"name": ""},
        {"name": "Åsa"},
    ]
    _store_raw(db, {"contacts": json.dumps(contacts), "region": '"GB"'})
    loaded = load_settings(db)
    assert loaded.contacts == (Contact("Sam", "0700"), Contact("Åsa"))
    assert loaded.region == "GB"


def test_unknown_stored_keys_are_ignored(db: Database) -> None:
    _store_raw(db, {"from_a_newer_version": '{"x": 1}', "region": '"US"'})
    assert load_settings(db) == Settings(region="US")
