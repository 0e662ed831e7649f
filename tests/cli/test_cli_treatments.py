"""`paincoach took` and `paincoach treatments [start|stop]`: doses and the regular list from
the shell. The clock is Friday 27 November 2026, 09:30 in London (tests/support.py)."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from paincoach.records.treatments import NO_ADVICE, Dose, Treatment
from tests.data_support import db_path
from tests.storage_support import every_table
from tests.support import NOW, fixed_clock
from tests.support import run_cli as run

LONDON = ZoneInfo("Europe/London")
TODAY = NOW.date()


def doses(home: Path, day: date = TODAY) -> list[Dose]:
    """The doses of `day`, read through the treatments service."""
    db = Database.open(home)
    try:
        return Treatments(db, fixed_clock).doses_on(day)
    finally:
        db.close()


def regular(home: Path) -> list[Treatment]:
    """Every regular treatment, read through the treatments service."""
    db = Database.open(home)
    try:
        return Treatments(db, fixed_clock).regular(active_only=False)
    finally:
        db.close()


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


# -- took --------------------------------------------------------------------------------------


def test_took_records_a_dose_and_says_once_that_paincoach_gives_no_advice(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "took", "ibuprofen", "--dose", "400 mg", "--relief", "6")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Took ibuprofen (400 mg) at 09:30 on Fri 27 Nov 2026; relief 6/10.",
        NO_ADVICE,
    ]
    assert NO_ADVICE == (
        "paincoach never suggests a dose or a change: talk to your clinician or pharmacist "
        "about your medicines."
    )
    [dose] = doses(home)
    assert (dose.name, dose.dose, dose.at, dose.relief) == ("ibuprofen", "400 mg", NOW, 6)
    status, out, _ = run(capsys, "took", "heat", "pack")
    assert (status, out) == (0, "Took heat pack at 09:30 on Fri 27 Nov 2026.\n")


def test_took_at_a_time_with_a_note_from_standard_input(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, "before the walk\nsecond line\n")
    status, out, _ = run(capsys, "took", "paracetamol", "--at", "today 07:15", "--note", "-")
    assert status == 0 and out.startswith("Took paracetamol at 07:15 on Fri 27 Nov 2026.")
    [dose] = doses(home)
    assert dose.at == datetime(2026, 11, 27, 7, 15, tzinfo=LONDON)
    assert dose.note == "before the walk\nsecond line"


def test_took_reads_the_name_from_standard_input(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, "TENS machine\n")
    status, _, _ = run(capsys, "took", "-")
    assert status == 0 and [d.name for d in doses(home)] == ["TENS machine"]


class _Terminal(io.TextIOWrapper):
    """Standard input as a person typing at a terminal."""

    def isatty(self) -> bool:
        return True


def test_took_names_a_treatment_not_an_activity_when_reading_its_name(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    Database.open(home).close()
    before = every_table(db_path(home))
    stdin(monkeypatch, "ibuprofen\nparacetamol\n")
    status, out, err = run(capsys, "took", "-")
    assert (status, out) == (2, "")
    assert "The treatment name is one line; standard input had 2." in err
    assert "activity" not in err
    assert every_table(db_path(home)) == before
    monkeypatch.setattr(sys, "stdin", _Terminal(io.BytesIO(b"heat pack\n")))
    status, _, err = run(capsys, "took", "-")
    assert status == 0 and "Type the treatment name." in err and "activity" not in err
    assert [d.name for d in doses(home)] == ["heat pack"]


def test_took_spells_the_name_as_the_regular_treatment(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "treatments", "start", "Paracetamol", "--as-needed")
    status, out, _ = run(capsys, "took", "PARACETAMOL")
    assert status == 0 and out.startswith("Took Paracetamol at")


@pytest.mark.parametrize(
    "argv",
    [
        ("took", "ibuprofen", "--relief", "11"),
        ("took", "ibuprofen", "--relief", "lots"),
        ("took", "ibuprofen", "--at", "tomorrow"),
        ("took", "ibuprofen", "--at", "2026-11-28 09:00"),  # still to come
        ("took", "ibuprofen", "--note", "typed on the line"),
        ("took", "ibu\0profen"),
        ("took", "ibuprofen", "--dose", "4\0"),
        ("took", " "),
    ],
)
def test_bad_input_to_took_exits_2_and_writes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    Database.open(home).close()
    before = every_table(db_path(home))
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("paincoach: ") and "Traceback" not in err
    assert every_table(db_path(home)) == before


def test_an_unlikely_date_is_asked_about_and_saved_with_yes(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "took", "ibuprofen", "--at", "1999-06-01 09:00")
    assert status == 2 and "long time ago" in err and "add --yes" in err
    assert doses(home, date(1999, 6, 1)) == []
    status, _, _ = run(capsys, "took", "ibuprofen", "--at", "1999-06-01 09:00", "--yes")
    assert status == 0 and len(doses(home, date(1999, 6, 1))) == 1


# -- the regular list --------------------------------------------------------------------------


def test_with_none_listed_it_says_how_to_add_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "treatments")
    assert (status, err) == (0, "")
    assert out.startswith("You have no regular treatments listed yet.")
    assert "paincoach treatments start NAME" in out
    assert json.loads(run(capsys, "treatments", "--json")[1]) == []


def test_start_and_stop_and_the_list_in_use_first(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = run(
        capsys,
        "treatments",
        "start",
        "Naproxen",
        "--dose",
        "500 mg",
        "--often",
        "twice a day",
        "--on",
        "2026-09-01",
    )
    assert (status, out) == (0, "Started Naproxen (500 mg, twice a day), from Tue 1 Sep 2026.\n")
    status, out, _ = run(capsys, "treatments", "start", "TENS", "machine", "--other", "--as-needed")
    assert (status, out) == (
        0,
        "Started TENS machine (as needed, other treatment), from Fri 27 Nov 2026.\n",
    )
    stdin(monkeypatch, "stomach\n")  # a note only from standard input, never the line
    status, out, _ = run(
        capsys, "treatments", "stop", "naproxen", "--why", "side-effects", "--note", "-"
    )
    assert (status, out) == (0, "Stopped Naproxen on Fri 27 Nov 2026: side effects.\n")
    status, out, _ = run(capsys, "treatments")
    assert out.splitlines() == [
        "In use:",
        "  TENS machine (as needed, other treatment) · since Fri 27 Nov 2026",
        "Stopped:",
        "  Naproxen (500 mg, twice a day) · Tue 1 Sep 2026 to Fri 27 Nov 2026 · stopped: "
        "side effects (stomach)",
    ]
    listed = json.loads(run(capsys, "treatments", "--json")[1])
    assert [(t["name"], t["stop_why"]) for t in listed] == [
        ("TENS machine", None),
        ("Naproxen", "side_effects"),
    ]
    assert listed[1] == {
        "name": "Naproxen",
        "kind": "medicine",
        "dose": "500 mg",
        "how_often": "twice a day",
        "as_needed": False,
        "start": "2026-09-01",
        "stop": "2026-11-27",
        "stop_why": "side_effects",
        "stop_note": "stomach",
    }


def test_stop_on_a_day_given_as_yesterday(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "treatments", "start", "heat", "--other", "--on", "2026-11-01")
    status, _, _ = run(
        capsys, "treatments", "stop", "heat", "--why", "finished", "--on", "yesterday"
    )
    assert status == 0 and regular(home)[0].stop == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("treatments", "stop", "codeine", "--why", "finished"), "The ones in use are: Naproxen"),
        (("treatments", "stop", "naproxen", "--why", "bored"), "invalid choice"),
        (("treatments", "stop", "naproxen"), "--why"),
        (("treatments", "stop", "naproxen", "--why", "other", "--on", "2026-08-01"), "started"),
        (("treatments", "stop", "naproxen", "--why", "other", "--on", "2026-12-01"), "to come"),
        (("treatments", "stop", "naproxen", "--why", "other", "--on", "soon"), "not a date"),
        (("treatments", "stop", "naproxen", "--why", "other", "--note", "typed"), "standard input"),
        (("treatments", "start", "naproxen"), "already have"),
        (("treatments", "start", "codeine", "--on", "2026-13-01"), "not a date"),
        (("treatments", "start", "codeine", "--dose", "x\0"), "NUL"),
        (("treatments", "start", " "), "name the treatment"),
    ],
)
def test_bad_input_to_treatments_exits_2_and_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str
) -> None:
    run(capsys, "treatments", "start", "Naproxen", "--on", "2026-09-01")
    before = every_table(db_path(home))
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert said in err
    assert every_table(db_path(home)) == before


def test_today_lists_the_doses_among_the_entries(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "took", "ibuprofen", "--dose", "400 mg", "--at", "today 07:00", "--relief", "6")
    status, out, _ = run(capsys, "today")
    assert status == 0
    assert out.splitlines()[1] == "07:00  took  ibuprofen (400 mg) · relief 6/10"
    assert "No check-ins or activities yet today." in out
    run(capsys, "log", "--pain", "4", "--at", "today 08:00")
    run(capsys, "took", "heat", "pack", "--at", "today 06:30")
    _, out, _ = run(capsys, "today")
    assert [line[:11] for line in out.splitlines()[1:4]] == [
        "06:30  took",
        "07:00  took",
        "08:00  chec",
    ]


# -- a dose logged by mistake ------------------------------------------------------------------


def test_took_undo_deletes_the_dose_saved_last_today_and_says_which(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "took", "heat", "pack")
    run(capsys, "took", "ibuprofen", "--dose", "4000 mg", "--at", "today 08:00")  # the mistake
    status, out, err = run(capsys, "took", "--undo")
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == (
        "Deleted the dose saved last: ibuprofen (4000 mg) at 08:00 on Fri 27 Nov 2026."
    )
    assert "paincoach took NAME" in out
    assert [d.name for d in doses(home)] == ["heat pack"]


def test_took_undo_with_nothing_saved_today_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Database.open(home).close()
    before = every_table(db_path(home))
    status, out, _ = run(capsys, "took", "--undo")
    assert status == 0 and out.startswith("No dose was saved today")
    assert every_table(db_path(home)) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("took", "--undo", "ibuprofen"),
        ("took", "--undo", "--dose", "400 mg"),
        ("took", "--undo", "--at", "today 08:00"),
        ("took", "--undo", "--relief", "3"),
        ("took", "--undo", "--yes"),
        ("took",),
    ],
)
def test_undo_with_anything_else_or_took_without_a_name_exits_2_and_writes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    run(capsys, "took", "ibuprofen")
    before = every_table(db_path(home))
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("paincoach: ") and "Traceback" not in err
    assert every_table(db_path(home)) == before
