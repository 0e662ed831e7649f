"""`paincoach events [add TITLE | remove N]`: the person's own marked events from the shell.
The clock is Friday 27 November 2026, 09:30 in London (tests/support.py)."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from paincoach.cli.commands.events import NONE_MARKED
from paincoach.db.engine import Database
from paincoach.journal.events import MarkedEvents
from paincoach.records.long_view import MarkedEvent
from tests.data_support import db_path
from tests.storage_support import every_table
from tests.support import NOW, fixed_clock
from tests.support import run_cli as run

TODAY = NOW.date()


def marked(home: Path) -> list[MarkedEvent]:
    """Every marked event, oldest first, read through the service."""
    db = Database.open(home)
    try:
        return MarkedEvents(db, fixed_clock).every()
    finally:
        db.close()


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))


def test_with_none_marked_it_says_what_they_are_and_how_to_add_one(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "events") == (0, NONE_MARKED + "\n", "")
    assert run(capsys, "events", "--json") == (0, "[]\n", "")


def test_add_marks_today_or_the_day_given_and_the_list_is_newest_first(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(
        capsys, "events", "add", "started", "physiotherapy", "--on", "2026-11-02"
    )
    assert (status, out, err) == (0, 'Marked Mon 2 Nov 2026: "started physiotherapy".\n', "")
    assert run(capsys, "events", "add", "new job")[1] == 'Marked Fri 27 Nov 2026: "new job".\n'
    run(capsys, "events", "add", "moved house", "--on", "yesterday")
    run(capsys, "events", "add", "  flare  after   gardening ", "--on", "2026-11-02")
    status, out, _ = run(capsys, "events")
    assert status == 0
    assert out.splitlines() == [
        "Your marked events, newest first:",
        "  1. Fri 27 Nov 2026 · new job",
        "  2. Thu 26 Nov 2026 · moved house",
        "  3. Mon 2 Nov 2026 · flare after gardening",  # added after the other that day
        "  4. Mon 2 Nov 2026 · started physiotherapy",
    ]
    assert [(e.day, e.title) for e in marked(home)] == [
        (date(2026, 11, 2), "started physiotherapy"),
        (date(2026, 11, 2), "flare after gardening"),
        (date(2026, 11, 26), "moved house"),
        (TODAY, "new job"),
    ]


def test_the_json_has_the_numbers_days_titles_and_uids(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "events", "add", "started physiotherapy", "--on", "2026-11-02")
    run(capsys, "events", "add", "Neue Arbeit 💼")
    status, out, _ = run(capsys, "events", "--json")
    uids = {e.title: e.uid for e in marked(home)}
    job = "Neue Arbeit 💼"
    assert status == 0 and json.loads(out) == [
        {"number": 1, "day": "2026-11-27", "title": job, "uid": uids[job]},
        {
            "number": 2,
            "day": "2026-11-02",
            "title": "started physiotherapy",
            "uid": uids["started physiotherapy"],
        },
    ]


def test_the_title_can_come_from_standard_input(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, "started the pain clinic\n")
    status, out, _ = run(capsys, "events", "add", "-", "--on", "2026-10-05")
    assert (status, out) == (0, 'Marked Mon 5 Oct 2026: "started the pain clinic".\n')
    assert [e.title for e in marked(home)] == ["started the pain clinic"]


def test_remove_takes_the_number_from_the_list(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "events", "add", "started physiotherapy", "--on", "2026-11-02")
    run(capsys, "events", "add", "new job", "--on", "2026-11-20")
    run(capsys, "events", "add", "moved house", "--on", "2026-11-10")
    status, out, err = run(capsys, "events", "remove", "2")
    assert (status, out, err) == (0, 'Removed the event of Tue 10 Nov 2026: "moved house".\n', "")
    assert [e.title for e in marked(home)] == ["started physiotherapy", "new job"]


def test_an_unlikely_day_is_asked_about_and_saved_with_yes(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "events", "add", "the accident", "--on", "1998-03-02")
    assert (status, out) == (2, "")
    assert "2 March 1998 is a long time ago" in err and "add --yes" in err
    assert marked(home) == []
    status, _, _ = run(capsys, "events", "add", "the accident", "--on", "1998-03-02", "--yes")
    assert status == 0 and [e.day for e in marked(home)] == [date(1998, 3, 2)]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("events", "add", " "), "a few words"),
        (("events", "add", "x" * 81), "up to 80 characters"),
        (("events", "add", "physio\0"), "NUL"),
        (("events", "add", "surgery", "--on", "2026-11-28"), "still to come"),
        (("events", "add", "surgery", "--on", "2026-13-01"), "not a date"),
        (("events", "add", "surgery", "--on", "1850-01-01"), "outside the years"),
        (("events", "add", "started physiotherapy", "--on", "2026-11-02"), "already"),
        (("events", "remove", "2"), "There is no event 2: 'paincoach events' lists 1."),
        (("events", "remove", "0"), "not an event's number"),
        (("events", "remove", "one"), "not an event's number"),
        (("events", "remove", "-1"), "not an event's number"),
        (("events", "frobnicate"), "invalid choice"),
    ],
)
def test_bad_input_exits_2_and_changes_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], said: str
) -> None:
    run(capsys, "events", "add", "started physiotherapy", "--on", "2026-11-02")
    before = every_table(db_path(home))
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert said in err and err.startswith(("paincoach: ", "usage: "))
    assert every_table(db_path(home)) == before


def test_remove_with_none_marked_says_so(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "events", "remove", "1")
    assert (status, out) == (2, "")
    assert err == "paincoach: There is no event 1: you have none marked. Nothing was removed.\n"


def test_a_title_of_two_lines_from_standard_input_is_refused(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, "started physio\nand swimming\n")
    status, out, err = run(capsys, "events", "add", "-")
    assert (status, out) == (2, "")
    assert "The event's title is one line; standard input had 2." in err
    assert marked(home) == []


def test_a_title_with_control_characters_is_shown_safely(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "events", "add", "new \x1b[31mjob")
    status, out, _ = run(capsys, "events")
    assert status == 0 and "\x1b" not in out and "new" in out


def test_a_title_from_a_terminal_is_asked_for_in_plain_words() -> None:
    from paincoach.cli.commands.from_stdin import _prompt

    assert _prompt(["title"]) == "Type the event's title. Finish with Ctrl-D on a new line.\n"
    assert _prompt(["name"]) == "Type the activity name. Finish with Ctrl-D on a new line.\n"
    assert "(one a line, or separated by commas)" in _prompt(["tags"])


def test_a_marked_event_shows_in_paincoach_trends(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for day in range(1, 27):
        run(capsys, "log", "--pain", "7" if day < 12 else "4", "--at", f"2026-11-{day:02d} 09:00")
    run(capsys, "events", "add", "started physiotherapy", "--on", "2026-11-12")
    status, out, _ = run(capsys, "trends", "--months", "3", "--json")
    document = json.loads(out)
    own = {"day": "2026-11-12", "kind": "own", "title": "started physiotherapy"}
    assert status == 0 and own in document["events"]
    [compared] = [b for b in document["before_after"] if b["event"] == own]
    assert (compared["days_before"], compared["days_after"]) == (11, 15)
    assert (compared["mean_before"], compared["mean_after"]) == (7.0, 4.0)
    status, out, _ = run(capsys, "trends", "--months", "3")
    assert status == 0 and "started physiotherapy" in out
