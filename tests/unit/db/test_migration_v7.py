"""Schema 7: treatments and doses. Older journals gain empty tables and lose nothing; the
schema-7 fixture's treatments and doses read back as the person kept them, offsets
included; the tables refuse rows that cannot be."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from tests.fixtures.make_fixtures import (
    DOSE_RATED_V7,
    DOSES_V7,
    LONDON,
    TREATMENTS_V7,
    dose_uid,
    treatment_uid,
)
from tests.storage_support import every_table, install_fixture

LATER = datetime(2026, 11, 27, 9, 30, tzinfo=LONDON)


def test_a_schema_6_journal_gains_empty_treatment_tables_and_keeps_every_row(home: Path) -> None:
    db_path = install_fixture(6, home)
    before = every_table(db_path)
    assert "treatments" not in before and "doses" not in before
    Database.open(home).close()
    after = every_table(db_path)
    assert {t: after[t] for t in before} == before
    assert after["treatments"] == [] and after["doses"] == []
    assert any((home / "backups").glob("before-schema-7-*.db"))


def test_the_schema_7_treatments_read_back_exactly(home: Path) -> None:
    install_fixture(7, home)
    db = Database.open(home)
    treatments = Treatments(db, lambda: LATER).regular(active_only=False)
    db.close()
    by_uid = {t.uid: t for t in treatments}
    assert set(by_uid) == {treatment_uid(i) for i in range(3)}
    naproxen, tens, paracetamol = (by_uid[treatment_uid(i)] for i in range(3))
    start = TREATMENTS_V7[0][2]
    assert (naproxen.name, naproxen.kind, naproxen.dose, naproxen.how_often) == (
        start["name"],
        "medicine",
        start["dose"],
        start["how_often"],
    )
    stop = TREATMENTS_V7[2][2]
    assert (naproxen.stop, naproxen.stop_why, naproxen.stop_note) == (
        stop["day"],
        "side_effects",
        stop["note"],
    )
    assert naproxen.stop_words == "side effects" and not naproxen.active
    assert (tens.kind, tens.as_needed, tens.start, tens.dose) == (
        "other",
        True,
        date(2026, 10, 3),
        "",
    )
    assert paracetamol.active and paracetamol.as_needed
    # in use first (by name), then the stopped ones
    assert [t.name for t in treatments] == ["Paracetamol", "TENS machine", "Naproxen"]


def test_the_schema_7_doses_read_back_exactly_offsets_included(home: Path) -> None:
    install_fixture(7, home)
    db = Database.open(home)
    service = Treatments(db, lambda: LATER)
    doses = [d for day in range(20, 27) for d in service.doses_on(date(2026, 11, day))]
    db.close()
    assert [d.uid for d in doses] == [dose_uid(i) for i in range(len(DOSES_V7))]
    assert [(d.at, d.at.utcoffset()) for d in doses] == [
        (at, at.utcoffset()) for at, *_ in DOSES_V7
    ]
    # spelled as the regular treatment of that name
    assert [d.name for d in doses] == ["Paracetamol", "heat pack", "TENS machine", "Paracetamol"]
    assert doses[1].day == date(2026, 11, 21)  # the day in New York, not in London
    rated_at, relief, side_effects = DOSE_RATED_V7
    assert (doses[1].relief, doses[1].side_effects, doses[1].rated_at) == (
        relief,
        side_effects,
        rated_at,
    )
    assert doses[1].note == DOSES_V7[1][5]
    assert [d.asked for d in doses] == [False, False, True, False]
    assert [(d.dose, d.relief, d.side_effects) for d in (doses[0], doses[3])] == [
        ("1 g", 6, ""),
        ("500 mg", 0, "dizzy 😵"),
    ]


def test_the_schema_7_journal_has_said_it_gives_no_advice(home: Path) -> None:
    install_fixture(7, home)
    db = Database.open(home)
    said = Treatments(db, lambda: LATER).no_advice_once()
    db.close()
    assert said is False


@pytest.mark.parametrize(
    "values",
    [
        "('x', '', 'medicine', '2026-11-01', NULL, NULL)",  # no name
        "('x', '  ', 'medicine', '2026-11-01', NULL, NULL)",
        "('x', 'ibuprofen', 'pill', '2026-11-01', NULL, NULL)",  # not a kind
        "('x', 'ibuprofen', 'medicine', '2026-11-01', '2026-11-02', NULL)",  # stopped, no why
        "('x', 'ibuprofen', 'medicine', '2026-11-01', NULL, 'finished')",  # why, not stopped
        "('x', 'ibuprofen', 'medicine', '2026-11-01', '2026-11-02', 'bored')",
        "('00000000-0000-0007-0000-000000000000', 'b', 'other', '2026-11-01', NULL, NULL)",
    ],
)
def test_the_treatments_table_refuses_a_row_that_cannot_be(home: Path, values: str) -> None:
    db_path = install_fixture(7, home)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO treatments (uid, name, kind, start_day, stop_day, stop_why, "
            f"created_at, updated_at) VALUES {values[:-1]}, 'c', 'u')"
        )
    conn.close()


@pytest.mark.parametrize(
    ("name", "relief", "asked"),
    [("", None, 0), (" ", None, 0), ("x", 11, 0), ("x", -1, 0), ("x", None, 2)],
)
def test_the_doses_table_refuses_a_row_that_cannot_be(
    home: Path, name: str, relief: int | None, asked: int
) -> None:
    db_path = install_fixture(7, home)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO doses (uid, name, at, day, relief, asked, created_at) "
            "VALUES ('x', ?, '2026-11-27T09:00:00+00:00', '2026-11-27', ?, ?, 'c')",
            (name, relief, asked),
        )
    conn.close()
