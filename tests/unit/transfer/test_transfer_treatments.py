"""Treatments and doses in export, import and backups: every row comes back as it was kept,
the format says version 2, version-1 files still import, and names keep the journal's
spelling."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from paincoach.transfer import backup, restoring
from paincoach.transfer.export import (
    FIELDS,
    FORMAT,
    VERSION,
    Scope,
    export_document,
    sections,
    write_csv,
    write_json,
)
from paincoach.transfer.importer import ImportRecordError, import_file
from tests.data_support import db_path, normalised, table_counts
from tests.storage_support import install_fixture, local
from tests.support import NOW

TODAY = NOW.date()
NEW = ("treatments", "doses")
#: Columns an import stamps afresh (docs/export.md: bookkeeping times are not exported).
STAMPS = frozenset({"id", "created_at", "updated_at"})
AT = "2026-11-26T08:30:00+01:00"
UID = "00000000-0000-0000-0000-00000000d05e"


def made_here(home: Path) -> Path:
    """Regular treatments (one stopped with a why) and doses, as a person keeps them: one
    rated two hours later, one taken late in New York, one asked about and left unrated."""
    db = Database.open(home)
    moment = [NOW]
    kept = Treatments(db, lambda: moment[0])
    kept.start("Naproxen", dose="500 mg", how_often="twice a day", day=TODAY - timedelta(60))
    kept.start("TENS machine", kind="other", how_often="most evenings", day=TODAY - timedelta(90))
    kept.start("Amitriptyline", dose="10 mg", how_often="at night", day=TODAY - timedelta(120))
    kept.stop(
        "amitriptyline",
        why="side_effects",
        note="Too drowsy\nin the mornings",
        day=TODAY - timedelta(30),
    )
    kept.start("Ibuprofen", dose="200 mg", as_needed=True, day=TODAY - timedelta(45))
    moment[0] = local(TODAY - timedelta(days=3), 8, 0)
    later = kept.took("ibuprofen", dose="400 mg", note="before the walk")
    moment[0] = local(TODAY - timedelta(days=3), 10, 5)
    kept.rate(later.uid, 6, "a dry mouth")
    moment[0] = NOW
    kept.took("Heat pack", at=local(TODAY - timedelta(days=2), 23, 30, "America/New_York"))
    asked = kept.took("Ibuprofen", at=NOW - timedelta(hours=2))
    kept.mark_asked(asked.uid)
    kept.took("TENS machine", at=NOW - timedelta(minutes=30), relief=3)
    db.close()
    return db_path(home)


def from_fixture(home: Path) -> Path:
    """The schema-7 fixture: treatments started and stopped, doses from London and New York."""
    return install_fixture(7, home)


def stored(path: Path, table: str) -> list[dict[str, Any]]:
    """Every row of a table by uid, without the stamps an import makes afresh."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY uid").fetchall()
    finally:
        conn.close()
    return [{k: row[k] for k in row.keys() if k not in STAMPS} for row in rows]  # noqa: SIM118


def export_to(db: Database, path: Path, **changes: Any) -> dict[str, Any]:
    document = export_document(db)
    document.update(changes)
    with path.open("w", encoding="utf-8") as handle:
        write_json(document, handle)
    return document


def written(folder: Path, name: str = "mine.json", version: int = VERSION, **parts: Any) -> Path:
    path = folder / name
    document = {"format": FORMAT, "version": version, **parts}
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# -- the round trip ----------------------------------------------------------------------------


@pytest.mark.parametrize("journal", [made_here, from_fixture])
def test_every_treatment_and_dose_comes_back_row_for_row(
    home: Path, tmp_path: Path, journal: Any
) -> None:
    source = journal(home)
    first = export_to(Database.open(home), tmp_path / "export.json")
    assert first["version"] == VERSION
    assert len(first["treatments"]) >= 3 and len(first["doses"]) >= 4
    other = tmp_path / "other"
    imported = Database.open(other)
    report = import_file(imported, tmp_path / "export.json")
    for table in NEW:
        assert report.added[table] == len(stored(source, table)), table
        assert stored(db_path(other), table) == stored(source, table), table
    assert normalised(export_document(imported)) == normalised(first)
    again = import_file(imported, tmp_path / "export.json")
    assert (again.added["treatments"], again.added["doses"]) == (0, 0)
    assert again.skipped["doses"] == report.added["doses"]


def test_what_the_service_reads_back_is_the_same(home: Path, tmp_path: Path) -> None:
    made_here(home)
    mine = Treatments(Database.open(home))
    export_to(mine.db, tmp_path / "export.json")
    theirs = Treatments(Database.open(tmp_path / "other"))
    import_file(theirs.db, tmp_path / "export.json")
    assert theirs.regular(active_only=False) == mine.regular(active_only=False)
    first, last = TODAY - timedelta(days=7), TODAY
    for day in (first + timedelta(days=n) for n in range(8)):
        assert theirs.doses_on(day) == mine.doses_on(day), day
    assert theirs.mean_relief(first, last) == mine.mean_relief(first, last)
    assert theirs.due_rating() == mine.due_rating() is None  # the one due was asked about


def test_the_records_keep_their_offsets_their_day_and_their_types(home: Path) -> None:
    made_here(home)
    document = export_document(Database.open(home))
    for section in NEW:
        assert all(list(record) == list(FIELDS[section]) for record in document[section])
    stopped = next(t for t in document["treatments"] if t["stop_day"])
    assert (stopped["name"], stopped["stop_why"], stopped["stop_note"]) == (
        "Amitriptyline",
        "side_effects",
        "Too drowsy\nin the mornings",
    )
    assert stopped["stop_day"] == str(TODAY - timedelta(days=30))
    assert {t["name"]: t["as_needed"] for t in document["treatments"]}["Ibuprofen"] is True
    assert {t["name"]: t["kind"] for t in document["treatments"]}["TENS machine"] == "other"
    rated, new_york, asked, tens = document["doses"]
    assert (rated["name"], rated["relief"], rated["side_effects"]) == (
        "Ibuprofen",
        6,
        "a dry mouth",
    )
    assert rated["rated_at"] == f"{TODAY - timedelta(days=3)}T10:05:00+00:00" != rated["at"]
    assert new_york["at"] == f"{TODAY - timedelta(days=2)}T23:30:00-05:00"
    assert (asked["asked"], asked["relief"], asked["rated_at"]) == (True, None, None)
    assert tens["asked"] is False and tens["relief"] == 3
    days = {row["uid"]: row["day"] for row in stored(db_path(home), "doses")}
    assert days[new_york["uid"]] == str(TODAY - timedelta(days=2))  # the day lived there


def test_since_and_until_limit_doses_but_not_the_regular_list(home: Path) -> None:
    made_here(home)
    since = until = TODAY - timedelta(days=2)
    document = export_document(Database.open(home), Scope(since, until))
    assert [d["name"] for d in document["doses"]] == ["Heat pack"]  # the New York evening
    assert len(document["treatments"]) == 4


def test_csv_has_the_day_after_each_dose_and_flags_as_words(home: Path) -> None:
    made_here(home)
    db = Database.open(home)
    doses, treatments = io.StringIO(), io.StringIO()
    assert write_csv(db, "doses", doses) == 4
    assert write_csv(db, "treatments", treatments) == 4
    rows = list(csv.DictReader(io.StringIO(doses.getvalue())))
    assert list(rows[0])[3:5] == ["at", "day"]
    new_york = rows[1]
    assert (new_york["day"], new_york["relief"], new_york["asked"]) == (
        str(TODAY - timedelta(days=2)),
        "",
        "false",
    )
    listed = list(csv.DictReader(io.StringIO(treatments.getvalue())))
    assert "day" not in listed[0] and {row["as_needed"] for row in listed} == {"true", "false"}


# -- the format version ------------------------------------------------------------------------


def test_a_version_1_file_still_imports_without_treatments(home: Path, tmp_path: Path) -> None:
    made_here(home)  # this journal's own treatments and doses stay as they are
    before = {table: stored(db_path(home), table) for table in NEW}
    checkin = {"uid": UID, "at": AT, "pain": 5, "note": "from an older paincoach"}
    path = written(tmp_path, version=1, checkins=[checkin], activities=[], course_events=[])
    report = import_file(Database.open(home), path)
    assert report.added == {"checkins": 1, "activities": 0, "course_events": 0}
    assert {table: stored(db_path(home), table) for table in NEW} == before


def test_a_file_newer_than_this_version_is_refused_kindly(home: Path, tmp_path: Path) -> None:
    made_here(tmp_path / "elsewhere")
    path = tmp_path / "new.json"
    export_to(Database.open(tmp_path / "elsewhere"), path, version=VERSION + 1)
    with pytest.raises(ImportRecordError) as caught:
        import_file(Database.open(home), path)
    assert caught.value.field == "version"
    assert (
        f"This export is format version {VERSION + 1}, made by a newer paincoach; this one "
        f"reads versions 1 to {VERSION}. Update paincoach to import it." in caught.value.message
    )
    assert set(table_counts(db_path(home)).values()) == {0}


# -- names -------------------------------------------------------------------------------------


def test_names_take_the_journals_spelling_then_the_files_regular_list(
    home: Path, tmp_path: Path
) -> None:
    mine = Treatments(Database.open(home))
    mine.start("Ibuprofen", as_needed=True, day=TODAY - timedelta(days=5))
    mine.took("paracetamol", at=NOW - timedelta(days=3))
    path = written(
        tmp_path,
        treatments=[
            {
                "name": "IBUPROFEN",
                "start_day": "2026-01-05",
                "stop_day": "2026-02-01",
                "stop_why": "finished",
            },
            {"name": "Heat  Pack", "kind": "other", "start_day": "2026-10-01"},
        ],
        doses=[
            {"name": "ibuprofen ", "at": AT},
            {"name": "PARACETAMOL", "at": AT},
            {"name": "heat pack", "at": AT},
            {"name": "Codeine", "at": AT},
            {"name": "codeine", "at": AT},
        ],
    )
    report = import_file(mine.db, path)
    assert report.added == {"treatments": 2, "doses": 5}
    assert sorted(t["name"] for t in stored(db_path(home), "treatments")) == [
        "Heat Pack",
        "Ibuprofen",
        "Ibuprofen",
    ]
    assert [d.name for d in mine.doses_on(date(2026, 11, 26))] == [
        "Ibuprofen",
        "paracetamol",
        "Heat Pack",
        "Codeine",
        "Codeine",
    ]


# -- what is refused ---------------------------------------------------------------------------

GOOD_TREATMENT = {"uid": UID, "name": "Naproxen", "kind": "medicine", "start_day": "2026-09-01"}
GOOD_DOSE = {"uid": UID, "name": "Naproxen", "at": AT, "relief": 4, "asked": True}


@pytest.mark.parametrize(
    ("section", "change", "field", "words"),
    [
        ("treatments", {"kind": "pill"}, "kind", "'kind' should be one of medicine, other"),
        ("treatments", {"name": "  "}, "name", "Please name the treatment"),
        ("treatments", {"start_day": None}, "start_day", "'start_day' is required"),
        ("treatments", {"stop_day": "2026-10-01"}, "stop_why", "a stop day and why go together"),
        ("treatments", {"stop_why": "finished"}, "stop_day", "a stop day and why go together"),
        (
            "treatments",
            {"stop_day": "2026-10-01", "stop_why": "bored"},
            "stop_why",
            "one of not_helping, side_effects, finished, other",
        ),
        (
            "treatments",
            {"stop_day": "2026-08-01", "stop_why": "finished"},
            "stop_day",
            "before 'start_day'",
        ),
        ("treatments", {"as_needed": 1}, "as_needed", "true or false"),
        ("treatments", {"dose": "5" * 81}, "dose", "up to 80 characters"),
        ("treatments", {"how_often": "daily\x00"}, "how_often", "NUL"),
        (
            "treatments",
            {"stop_note": "x\x00", "stop_day": "2026-10-01", "stop_why": "other"},
            "stop_note",
            "NUL",
        ),
        ("treatments", {"name": "Nap\x00roxen"}, "name", "NUL"),
        ("doses", {"relief": 11}, "relief", "0 to 10"),
        ("doses", {"relief": "6"}, "relief", "whole number"),
        ("doses", {"asked": "yes"}, "asked", "true or false"),
        ("doses", {"at": "2026-11-26T08:30:00"}, "at", "UTC offset"),
        ("doses", {"name": None}, "name", "'name' is required"),
        ("doses", {"note": "a\x00b"}, "note", "NUL"),
        ("doses", {"side_effects": "\x00"}, "side_effects", "NUL"),
        ("doses", {"dose": "1\x00g"}, "dose", "NUL"),
        ("doses", {"rated_at": "soon"}, "rated_at", "should be a moment"),
        ("doses", {"day": "2026-11-26"}, "day", "'day' is not a field of doses"),
    ],
)
def test_a_record_the_tables_cannot_hold_stops_the_whole_import(
    home: Path,
    tmp_path: Path,
    section: str,
    change: dict[str, Any],
    field: str,
    words: str,
) -> None:
    good = GOOD_TREATMENT if section == "treatments" else GOOD_DOSE
    bad = {**good, "uid": None, **change}
    parts: dict[str, Any] = {section: [good, bad]}
    path = written(tmp_path, checkins=[{"at": AT, "pain": 4}], **parts)
    with pytest.raises(ImportRecordError) as caught:
        import_file(Database.open(home), path)
    assert caught.value.field == field
    assert f"{section}[1] (record 2)" in caught.value.message
    assert words in caught.value.message and "Nothing was imported." in caught.value.message
    assert set(table_counts(db_path(home)).values()) == {0}


def test_defaults_fill_what_a_hand_made_file_leaves_out(home: Path, tmp_path: Path) -> None:
    path = written(
        tmp_path,
        treatments=[{"name": "Heat pack", "start_day": "2026-10-01"}],
        doses=[{"name": "Heat pack", "at": AT}],
    )
    import_file(Database.open(home), path)
    [treatment] = stored(db_path(home), "treatments")
    assert {k: v for k, v in treatment.items() if k != "uid"} == {
        "name": "Heat pack",
        "kind": "medicine",
        "dose": "",
        "how_often": "",
        "as_needed": 0,
        "start_day": "2026-10-01",
        "stop_day": None,
        "stop_why": None,
        "stop_note": "",
    }
    [dose] = stored(db_path(home), "doses")
    assert {k: v for k, v in dose.items() if k != "uid"} == {
        "name": "Heat pack",
        "dose": "",
        "at": AT,
        "day": "2026-11-26",
        "relief": None,
        "side_effects": "",
        "note": "",
        "rated_at": None,
        "asked": 0,
    }


# -- backups -----------------------------------------------------------------------------------


def test_a_backup_and_a_restore_keep_every_treatment_and_dose(home: Path, tmp_path: Path) -> None:
    source = made_here(home)
    kept = {table: stored(source, table) for table in NEW}
    copy = backup.manual_backup(home, tmp_path / "copy.db", overwrite=False, now=NOW)
    assert {table: stored(copy, table) for table in NEW} == kept
    elsewhere = tmp_path / "elsewhere"
    restoring.restore(elsewhere, copy, NOW)
    assert {table: stored(db_path(elsewhere), table) for table in NEW} == kept
    assert all(kept.values())
    restored = Treatments(Database.open(elsewhere))
    assert restored.regular(active_only=False) == Treatments(Database.open(home)).regular(
        active_only=False
    )


def test_the_new_sections_come_last_in_the_export_order() -> None:
    assert sections()[-3:-1] == ["treatments", "doses"]
