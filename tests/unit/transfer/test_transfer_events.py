"""The person's marked events in export, import and backups: every row comes back as it was
kept, the format says version 3, files of versions 1 and 2 still import, and a record the
table cannot hold stops the whole import."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from paincoach.cli.commands.data import TABLES
from paincoach.db.engine import Database
from paincoach.journal.events import MarkedEvents
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
from tests.storage_support import install_fixture
from tests.support import NOW, fixed_clock
from tests.support import run_cli as run

TODAY = NOW.date()
STAMPS = frozenset({"id", "created_at", "updated_at"})
UID = "00000000-0000-0000-0000-0000000e7e47"


def made_here(home: Path) -> Path:
    """Marked events as a person keeps them: one with a note of two lines, two on one day,
    one long ago (confirmed), one with words a spreadsheet would run."""
    db = Database.open(home)
    marked = MarkedEvents(db, fixed_clock)
    marked.add(TODAY - timedelta(days=40), "Started physiotherapy", note="Tuesdays\nat 10")
    marked.add(TODAY - timedelta(days=3), "Moved house")
    marked.add(TODAY - timedelta(days=3), "Neue Arbeit 💼 [bold]x[/]")
    marked.add(date(1998, 3, 2), "The accident", confirmed=True)
    marked.add(TODAY, "=new routine")
    db.close()
    return db_path(home)


def from_fixture(home: Path) -> Path:
    """The schema-8 fixture: events marked, one removed again."""
    return install_fixture(8, home)


def stored(path: Path, table: str = "marked_events") -> list[dict[str, Any]]:
    """Every row of a table by uid, without the stamps an import makes afresh."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY uid").fetchall()
    finally:
        conn.close()
    return [{k: row[k] for k in row.keys() if k not in STAMPS} for row in rows]  # noqa: SIM118


def export_to(db: Database, path: Path) -> dict[str, Any]:
    document = export_document(db)
    with path.open("w", encoding="utf-8") as handle:
        write_json(document, handle)
    return document


def written(folder: Path, version: int = VERSION, **parts: Any) -> Path:
    path = folder / "mine.json"
    path.write_text(json.dumps({"format": FORMAT, "version": version, **parts}), "utf-8")
    return path


# -- the round trip ----------------------------------------------------------------------------


@pytest.mark.parametrize("journal", [made_here, from_fixture])
def test_every_marked_event_comes_back_row_for_row(
    home: Path, tmp_path: Path, journal: Any
) -> None:
    source = journal(home)
    first = export_to(Database.open(home), tmp_path / "export.json")
    assert first["version"] == VERSION == 3
    assert len(first["marked_events"]) >= 4
    assert all(list(record) == list(FIELDS["marked_events"]) for record in first["marked_events"])
    other = tmp_path / "other"
    imported = Database.open(other)
    report = import_file(imported, tmp_path / "export.json")
    assert report.added["marked_events"] == len(stored(source))
    assert stored(db_path(other)) == stored(source)
    assert normalised(export_document(imported)) == normalised(first)
    mine = MarkedEvents(Database.open(home), fixed_clock).every()
    assert MarkedEvents(imported, fixed_clock).every() == mine  # one day's order kept too
    again = import_file(imported, tmp_path / "export.json")
    assert (again.added["marked_events"], again.skipped["marked_events"]) == (0, len(mine))


def test_an_import_merges_by_uid_with_the_events_already_kept(home: Path, tmp_path: Path) -> None:
    made_here(tmp_path / "elsewhere")
    export_to(Database.open(tmp_path / "elsewhere"), tmp_path / "export.json")
    mine = MarkedEvents(Database.open(home), fixed_clock)
    own = mine.add(TODAY - timedelta(days=1), "Started hydrotherapy")
    report = import_file(mine.db, tmp_path / "export.json")
    assert report.added["marked_events"] == 5
    titles = [e.title for e in mine.every()]
    assert len(titles) == 6 and own in mine.every()


def test_since_and_until_limit_the_events_by_day(home: Path) -> None:
    made_here(home)
    document = export_document(Database.open(home), Scope(TODAY - timedelta(days=3), TODAY))
    assert [e["title"] for e in document["marked_events"]] == [
        "Moved house",
        "Neue Arbeit 💼 [bold]x[/]",
        "=new routine",
    ]


def test_csv_has_the_day_once_and_never_starts_a_formula(home: Path) -> None:
    made_here(home)
    buffer = io.StringIO()
    assert write_csv(Database.open(home), "marked_events", buffer) == 5
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert list(rows[0]) == ["uid", "day", "title", "note"]
    assert rows[0]["day"] == "1998-03-02"
    assert rows[1]["note"] == "Tuesdays\nat 10"
    assert rows[-1]["title"] == "'=new routine"


def test_paincoach_export_csv_writes_marked_events_csv(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made_here(home)
    assert "marked_events" in TABLES and list(TABLES) == sections()
    folder = tmp_path / "csv"
    status, _, _ = run(capsys, "export", "--format", "csv", "--out", str(folder))
    assert status == 0 and (folder / "marked_events.csv").is_file()
    lines = (folder / "marked_events.csv").read_text("utf-8").splitlines()
    assert lines[0] == "uid,day,title,note"
    status, _, _ = run(
        capsys,
        "export",
        "--format",
        "csv",
        "--table",
        "marked_events",
        "--out",
        str(tmp_path / "one.csv"),
    )
    assert status == 0 and (tmp_path / "one.csv").read_text("utf-8").startswith("uid,day")


# -- the format version ------------------------------------------------------------------------


@pytest.mark.parametrize("version", [1, 2])
def test_an_older_file_still_imports_without_marked_events(
    home: Path, tmp_path: Path, version: int
) -> None:
    assert version < VERSION == 3  # older than the version that added marked events
    made_here(home)
    before = stored(db_path(home))
    checkin = {"uid": UID, "at": "2026-11-26T08:30:00+00:00", "pain": 5}
    path = written(tmp_path, version=version, checkins=[checkin])
    report = import_file(Database.open(home), path)
    assert report.added == {"checkins": 1}
    assert stored(db_path(home)) == before


def test_defaults_fill_what_a_hand_made_file_leaves_out(home: Path, tmp_path: Path) -> None:
    path = written(tmp_path, marked_events=[{"day": "2026-10-01", "title": "  new   job "}])
    import_file(Database.open(home), path)
    [row] = stored(db_path(home))
    assert {k: v for k, v in row.items() if k != "uid"} == {
        "day": "2026-10-01",
        "title": "new job",
        "note": "",
    }
    assert len(row["uid"]) == 36


GOOD = {"uid": UID, "day": "2026-10-01", "title": "Started physiotherapy", "note": ""}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"title": " "}, "title", "a few words"),
        ({"title": "x" * 81}, "title", "up to 80 characters"),
        ({"title": "phys\x00io"}, "title", "NUL"),
        ({"title": None}, "title", "'title' is required"),
        ({"title": 7}, "title", "should be"),
        ({"day": None}, "day", "'day' is required"),
        ({"day": "2026-10-32"}, "day", "should be a date"),
        ({"day": "1850-01-01"}, "day", "outside the years"),
        ({"note": "a\x00b"}, "note", "NUL"),
        ({"note": "x" * 2001}, "note", "up to 2,000 characters"),
        ({"at": "2026-10-01T09:00:00+00:00"}, "at", "'at' is not a field of marked_events"),
    ],
)
def test_a_record_the_table_cannot_hold_stops_the_whole_import(
    home: Path, tmp_path: Path, change: dict[str, Any], field: str, words: str
) -> None:
    bad = {**GOOD, "uid": None, **change}
    path = written(
        tmp_path,
        checkins=[{"at": "2026-11-26T08:30:00+00:00", "pain": 4}],
        marked_events=[GOOD, bad],
    )
    with pytest.raises(ImportRecordError) as caught:
        import_file(Database.open(home), path)
    assert caught.value.field == field
    assert "marked_events[1] (record 2)" in caught.value.message
    assert words in caught.value.message and "Nothing was imported." in caught.value.message
    assert set(table_counts(db_path(home)).values()) == {0}


# -- backups -----------------------------------------------------------------------------------


def test_a_backup_counts_the_events_and_a_restore_keeps_them(home: Path, tmp_path: Path) -> None:
    source = made_here(home)
    kept = stored(source)
    copy = backup.manual_backup(home, tmp_path / "copy.db", overwrite=False, now=NOW)
    info = restoring.inspect(copy)
    assert info.counts["marked_events"] == 5 and "5 marked events" in info.describe()
    elsewhere = tmp_path / "elsewhere"
    restoring.restore(elsewhere, copy, NOW)
    assert stored(db_path(elsewhere)) == kept
    restored = MarkedEvents(Database.open(elsewhere), fixed_clock).every()
    assert restored == MarkedEvents(Database.open(home), fixed_clock).every()


def test_the_new_section_comes_last_in_the_export_order() -> None:
    assert sections()[-1] == "marked_events"
