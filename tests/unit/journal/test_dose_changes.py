"""A dose logged by mistake: corrected (`update_dose`), deleted (`delete_dose`), and the one
`paincoach took --undo` takes back (`newest_logged_today`). Frozen clock (tests/support.py)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.core.day_stamp import read_stamp
from paincoach.core.errors import InputError, NotFoundError, UnlikelyDateError
from paincoach.journal.treatments import Treatments
from tests.storage_support import checkin, open_journal
from tests.support import NOW, MovableClock

MARKER = "ZQX-dose-note-4711"


def _files_with(home: Path, marker: str) -> list[str]:
    needle = marker.encode()
    return [
        path.name
        for path in paths.sidecar_paths(paths.database_path(home))
        if path.exists() and needle in path.read_bytes()
    ]


def test_a_dose_is_corrected_in_every_field_and_keeps_its_uid(
    service: Treatments, clock: MovableClock
) -> None:
    wrong = service.took("ibuprofen", dose="4000 mg", at=NOW - timedelta(hours=2))
    clock.now = NOW + timedelta(minutes=5)
    fixed = service.update_dose(
        wrong.uid,
        name="  paracetamol ",
        dose="1 g",
        at=NOW - timedelta(days=1, hours=1),
        relief=6,
        side_effects="a bit sleepy",
        note="after the walk",
    )
    assert fixed.uid == wrong.uid
    assert (fixed.name, fixed.dose, fixed.relief) == ("paracetamol", "1 g", 6)
    assert (fixed.side_effects, fixed.note) == ("a bit sleepy", "after the walk")
    assert fixed.at == NOW - timedelta(days=1, hours=1) and fixed.day == (NOW.date() - timedelta(1))
    assert fixed.rated_at == clock.now  # a relief given now is dated now
    assert service.doses_on(NOW.date()) == []
    assert service.doses_on(fixed.day) == [fixed]


def test_a_corrected_name_is_spelled_as_the_regular_treatment(service: Treatments) -> None:
    service.start("Naproxen", dose="500 mg")
    wrong = service.took("napoxen")
    assert service.update_dose(wrong.uid, name="NAPROXEN", at=wrong.at).name == "Naproxen"


def test_a_relief_taken_away_is_no_longer_dated(service: Treatments) -> None:
    rated = service.took("heat pack", relief=4)
    assert rated.rated_at is not None
    kept = service.update_dose(rated.uid, name="heat pack", at=rated.at, relief=None)
    assert kept.relief is None and kept.rated_at is None
    same = service.update_dose(rated.uid, name="heat pack", at=rated.at, relief=None)
    assert same.rated_at is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "  "}, "name"),
        ({"dose": "x" * 81}, "dose"),
        ({"relief": 11}, "relief"),
        ({"note": "a\x00b"}, "note"),
        ({"at": NOW + timedelta(hours=1)}, "when"),
    ],
)
def test_a_correction_refuses_what_took_refuses_and_changes_nothing(
    service: Treatments, changes: dict[str, object], field: str
) -> None:
    taken = service.took("ibuprofen", dose="400 mg", note="kept")
    asked: dict[str, object] = {"name": "ibuprofen", "at": taken.at, **changes}
    with pytest.raises(InputError) as raised:
        service.update_dose(taken.uid, **asked)  # type: ignore[arg-type]
    assert raised.value.field == field
    assert service.doses_on(NOW.date()) == [taken]


def test_a_correction_to_an_unlikely_date_is_questioned(service: Treatments) -> None:
    taken = service.took("ibuprofen")
    long_ago = NOW.replace(year=1999)
    with pytest.raises(UnlikelyDateError):
        service.update_dose(taken.uid, name="ibuprofen", at=long_ago)
    assert service.update_dose(taken.uid, name="ibuprofen", at=long_ago, confirmed=True).at == (
        long_ago
    )


def test_a_dose_gone_cannot_be_corrected_or_deleted(service: Treatments) -> None:
    taken = service.took("ibuprofen")
    assert service.delete_dose(taken.uid) == taken
    with pytest.raises(NotFoundError, match="no longer in the journal"):
        service.delete_dose(taken.uid)
    with pytest.raises(NotFoundError, match="no longer in the journal"):
        service.update_dose(taken.uid, name="ibuprofen", at=NOW)


def test_a_delete_takes_one_dose_and_leaves_the_check_in_day_stamp(
    home: Path, service: Treatments
) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin())
    stamp = read_stamp(home)
    keep = service.took("heat pack", at=NOW - timedelta(hours=1))
    gone = service.took("ibuprofen")
    service.delete_dose(gone.uid)
    assert service.doses_on(NOW.date()) == [keep]
    assert read_stamp(home) == stamp == NOW.date()  # the stamp is about check-ins only


def test_deleted_and_edited_away_words_are_gone_from_the_file_and_its_wal(
    home: Path, service: Treatments
) -> None:
    watcher = sqlite3.connect(paths.database_path(home))
    watcher.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # keeps the WAL in place
    try:
        for i in range(5):
            service.took(f"ordinary {i}")
        secret = service.took("ibuprofen", note=f"{MARKER} in the note")
        edited = service.took("heat pack", side_effects=f"first draft {MARKER}")
        assert _files_with(home, MARKER)  # really written somewhere first
        service.delete_dose(secret.uid)
        service.update_dose(edited.uid, name="heat pack", at=edited.at, side_effects="none")
        assert _files_with(home, MARKER) == []
    finally:
        watcher.close()


def test_the_newest_logged_today_is_the_last_saved_whatever_its_time(
    service: Treatments, clock: MovableClock
) -> None:
    assert service.newest_logged_today() is None
    service.took("ibuprofen")
    late_entry = service.took("heat pack", at=NOW - timedelta(days=1))  # saved last
    assert service.newest_logged_today() == late_entry
    clock.now = NOW + timedelta(days=1)  # tomorrow, nothing logged yet that day
    assert service.newest_logged_today() is None


# -- History: the day's doses counted, and doses found by the search ----------------------------


def test_history_counts_each_days_doses(home: Path, service: Treatments) -> None:
    journal = open_journal(home)
    journal.add_checkin(checkin())
    service.took("heat pack", at=NOW - timedelta(days=3, hours=2))
    service.took("ibuprofen", at=NOW - timedelta(days=3))
    today, only_doses = journal.history()
    assert (today.checkins, today.doses) == (1, 0)
    assert (only_doses.day, only_doses.checkins, only_doses.doses) == (
        NOW.date() - timedelta(days=3),
        0,
        2,
    )


def test_the_search_finds_a_dose_by_its_name_or_note_newest_first(service: Treatments) -> None:
    older = service.took("Ibuprofen", at=NOW - timedelta(days=2))
    newer = service.took("heat pack", note="after ibuprofen did little")
    service.took("paracetamol", side_effects="ibuprofen-like")  # side effects are not searched
    assert service.search("IBUPROFEN") == [newer, older]
    assert service.search("  ") == [] and service.search("100%") == []
    percent = service.took("cream", note="helped 100% for an hour")
    assert service.search("100%") == [percent]


# -- the two-key list: a regular treatment before its first dose --------------------------------


def test_quick_names_are_the_frequent_ones_then_the_regular_ones_in_use(
    service: Treatments,
) -> None:
    service.start("Amitriptyline", dose="10 mg", how_often="at night")
    service.start("paracetamol", dose="1 g", as_needed=True)
    service.start("codeine", day=NOW.date() - timedelta(days=30))
    service.stop("codeine", why="side_effects")  # stopped: not offered
    service.took("heat pack", at=NOW - timedelta(hours=1))
    service.took("Paracetamol", dose="500 mg")  # spelled as the regular one
    assert service.quick_names() == ["paracetamol", "heat pack", "Amitriptyline"]
    usual = service.usual_doses(service.quick_names())
    assert usual["amitriptyline"] == "10 mg" and usual["paracetamol"] == "500 mg"
    assert service.quick_names(most=2) == ["paracetamol", "heat pack"]
