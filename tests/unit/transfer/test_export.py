"""JSON and CSV export: the format of docs/export.md, exactly, from one snapshot."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.transfer.export import (
    FIELDS,
    FORMAT,
    VERSION,
    Scope,
    csv_cell,
    csv_columns,
    export_document,
    sections,
    write_csv,
    write_json,
)
from tests.data_support import TODAY, fill_home
from tests.storage_support import local
from tests.support import NOW

#: Changes made to the filled journal's walk plan: (days before today, hour, what, value).
PLAN_CHANGES = ((10, 20, "hold", None), (3, 9, "percent", 15.0))


@pytest.fixture
def filled(home: Path) -> Database:
    fill_home(home)
    db = Database.open(home)
    add_plan_changes(db)
    add_treatments(db)
    add_events(db)
    return db


def add_plan_changes(db: Database) -> None:
    """A hold after a flare and a new weekly rise, made through the pacing service."""
    from paincoach.practice.pacing_plans import PacingPlans
    from paincoach.records.pacing import FLARE_REASON

    moment = [NOW]
    plans = PacingPlans(db, lambda: moment[0])
    for days, hour, kind, value in PLAN_CHANGES:
        moment[0] = local(TODAY - timedelta(days=days), hour)
        if kind == "hold":
            plans.hold("walk", FLARE_REASON)
        else:
            plans.set_percent("walk", value or 0)


def add_events(db: Database) -> None:
    """Two days the person marked, through the events service."""
    from paincoach.journal.events import MarkedEvents

    marked = MarkedEvents(db, lambda: NOW)
    marked.add(TODAY - timedelta(days=20), "Started physiotherapy", note="Tuesdays at 10")
    marked.add(TODAY - timedelta(days=3), "=new job")


def add_treatments(db: Database) -> None:
    """A regular medicine and a dose of it yesterday, through the treatments service."""
    from paincoach.journal.treatments import Treatments

    kept = Treatments(db, lambda: NOW)
    kept.start("Naproxen", dose="500 mg", day=TODAY - timedelta(days=30))
    kept.took("naproxen", at=local(TODAY - timedelta(days=1), 8), relief=5)


def test_an_export_has_the_header_every_section_and_the_own_plans(filled: Database) -> None:
    document = export_document(filled, now=NOW)
    assert (document["format"], document["version"]) == (FORMAT, VERSION)
    assert document["exported_at"] == "2026-11-27T09:30:00+00:00"
    assert list(document) == [
        "format",
        "version",
        "exported_at",
        "app",
        *sections(),
        "flare_plan",
        "safety_plan",
    ]
    assert sections() == [
        "checkins",
        "activities",
        "thought_records",
        "exercise_sessions",
        "pacing_plans",
        "pacing_changes",
        "weekly_checks",
        "goals",
        "course_events",
        "treatments",
        "doses",
        "marked_events",
    ]
    for section in sections():
        assert document[section], section
        for record in document[section]:
            assert list(record) == list(FIELDS[section])
    assert document["flare_plan"]["helps"] == ["Heat pack", "Short walks", "Slow breathing"]


def test_records_keep_their_offsets_their_words_and_their_types(filled: Database) -> None:
    document = export_document(filled)
    new_york = [c for c in document["checkins"] if c["at"].endswith("-05:00")]
    assert [c["at"] for c in new_york] == [f"{TODAY - timedelta(days=2)}T23:30:00-05:00"]
    first = document["checkins"][0]
    assert first["note"] == "morning 0: stiff, “ok” = fine"
    assert first["areas"] == ["lower back"] and first["tags"] == ["cold"]
    assert first["sleep"] is None
    walk = next(a for a in document["activities"] if a["name"] == "walk")
    assert isinstance(walk["paced"], bool) and isinstance(walk["minutes"], int)
    [record] = document["thought_records"]
    assert record["situation"].startswith("Tuesday 3pm")
    assert {"name": "Sad", "intensity": 70} in record["emotions"]
    assert record["traps"] == ["All-or-nothing", "Fortune telling"]
    [plan] = document["pacing_plans"]
    assert plan["measurements"] == [20, 25, 30] and plan["active"] is True
    hold, rise = document["pacing_changes"]
    assert {hold["plan_uid"], rise["plan_uid"]} == {plan["uid"]}
    assert (hold["kind"], hold["value"], hold["reason"]) == ("hold", None, "flare")
    assert (rise["kind"], rise["value"], rise["reason"]) == ("percent", 15.0, "")
    assert rise["at"] == f"{TODAY - timedelta(days=3)}T09:00:00+00:00"
    assert {s["exercise_id"] for s in document["exercise_sessions"]} >= {"breathing-box"}
    assert all(isinstance(s["answers"], dict) for s in document["exercise_sessions"])
    assert [c["pain"] for c in document["weekly_checks"]] == [7, 6, 5]


def test_records_come_oldest_first(filled: Database) -> None:
    document = export_document(filled)
    days = [c["at"][:10] for c in document["checkins"]]
    assert days == sorted(days)


def test_since_and_until_limit_dated_records_but_not_plans(filled: Database) -> None:
    since, until = TODAY - timedelta(days=6), TODAY - timedelta(days=1)
    document = export_document(filled, Scope(since, until))
    for section in (
        "checkins",
        "activities",
        "exercise_sessions",
        "thought_records",
        "pacing_changes",
    ):
        for record in document[section]:
            moment = record.get("at") or record["started_at"]
            assert str(since) <= moment[:10] <= str(until)
    assert document["checkins"] and document["pacing_plans"]
    assert [c["kind"] for c in document["pacing_changes"]] == ["percent"]  # the hold is older


def test_json_is_written_one_record_per_line_and_reads_back(filled: Database) -> None:
    document = export_document(filled)
    buffer = io.StringIO()
    write_json(document, buffer)
    text = buffer.getvalue()
    assert json.loads(text) == document
    lines = text.splitlines()
    assert sum(line.startswith('  {"uid"') for line in lines) == sum(
        len(document[s]) for s in sections()
    )
    assert "“ok”" in text  # UTF-8 as is, not \\u escapes


def test_an_empty_journal_exports_empty_sections(home: Path) -> None:
    document = export_document(Database.open(home))
    assert all(document[s] == [] for s in sections())
    assert document["flare_plan"] is None
    buffer = io.StringIO()
    write_json(document, buffer)
    assert json.loads(buffer.getvalue()) == document


def test_csv_has_a_header_the_local_day_and_json_lists(filled: Database) -> None:
    buffer = io.StringIO()
    count = write_csv(filled, "checkins", buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert count == len(rows) == len(export_document(filled)["checkins"])
    assert list(rows[0]) == csv_columns("checkins")
    assert csv_columns("checkins")[:3] == ["uid", "at", "day"]
    assert csv_columns("exercise_sessions")[4:6] == ["started_at", "day"]
    assert csv_columns("goals").count("day") == 1
    assert rows[0]["day"] == rows[0]["at"][:10]
    assert json.loads(rows[1]["areas"]) == ["lower back", "neck"]
    assert rows[0]["sleep"] == ""


def test_csv_cells_never_start_a_spreadsheet_formula(filled: Database) -> None:
    buffer = io.StringIO()
    write_csv(filled, "activities", buffer)
    notes = [row["note"] for row in csv.DictReader(io.StringIO(buffer.getvalue()))]
    assert "'=SUM(A1)" in notes
    assert csv_cell("note", "-2 today") == "'-2 today"
    assert csv_cell("paced", 1) == "true" and csv_cell("active", 0) == "false"
    assert csv_cell("mood", None) == ""
    assert csv_cell("answers", '{"a": 1}') == '{"a": 1}'


@pytest.mark.parametrize("section", sections())
def test_every_table_exports_as_csv(filled: Database, section: str) -> None:
    buffer = io.StringIO()
    count = write_csv(filled, section, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows[0] == csv_columns(section) and len(rows) == count + 1 > 1
