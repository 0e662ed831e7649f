"""`paincoach course`: one line per week, this week and what is done; moving by its actions."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.practice_support import open_practice, run_through, runner
from tests.support import NOW
from tests.support import run_cli as run


def test_before_starting_every_week_is_listed_and_how_to_start(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "course")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Eight weeks of skills for living with pain"
    assert "Start with: paincoach course start" in out.replace("\n", " ")
    weeks = [line for line in lines if line.startswith("Week ")]
    assert [w.split(":")[0] for w in weeks] == [f"Week {n}" for n in range(1, 9)]
    assert weeks[0] == "Week 1: Understanding pain, and what matters · 0 of 2 done"


def test_start_next_week_pause_resume_and_leave(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _err = run(capsys, "course", "start")
    assert status == 0
    assert "This week: week 1 of 8, started Fri 27 Nov 2026." in out
    assert "Week 1: Understanding pain, and what matters (this week) · 0 of 2 done" in out
    assert any(
        line.startswith("  pain-protector: ") and line.endswith("(to do)")
        for line in out.splitlines()
    )
    assert "This week asks: how pain protects you; set one goal." in out
    status, out, _err = run(capsys, "course", "next")
    assert "This week: week 2 of 8" in out and "Week 2: Pacing (this week)" in out
    status, out, _err = run(capsys, "course", "week", "5")
    assert "Week 5: Pleasant activities and what matters (this week)" in out
    status, out, _err = run(capsys, "course", "pause")
    assert "Paused at week 5 of 8. Carry on: paincoach course resume" in out
    status, out, _err = run(capsys, "course", "resume")
    assert "This week: week 5 of 8" in out
    status, out, _err = run(capsys, "course", "leave")
    assert "Left at week 5. Start again: paincoach course start" in out


def test_what_is_done_shows_against_its_week(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "course", "start")
    practice = open_practice(home)
    lesson = runner("pain-protector", start=NOW + timedelta(minutes=5))
    run_through(lesson)
    practice.save_session(lesson.result())
    practice.db.close()
    _status, out, _err = run(capsys, "course")
    assert "Week 1: Understanding pain, and what matters (this week) · 1 of 2 done" in out
    document = json.loads(run(capsys, "course", "--json")[1])
    week = document["weeks"][0]
    assert (document["state"], document["week"], week["current"], week["done"]) == (
        "active", 1, True, False,
    )  # fmt: skip
    done = {item["id"]: item["done"] for item in week["items"]}
    assert done["pain-protector"] is True and done["smart-goal"] is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("course", "week", "9"), "Week 9: this course has weeks 1 to 8."),
        (("course", "week", "three"), "Say which week, as a number"),
        (("course", "start", "ten-weeks"), "There is no course called 'ten-weeks'"),
        (("course", "next", "2"), "'next' takes nothing after it."),
    ],
)
def test_bad_input_says_why_and_moves_nothing(
    home: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    run(capsys, "course", "start")
    status, _out, err = run(capsys, *argv)
    assert status in (1, 2)
    assert message in err
    _status, out, _err = run(capsys, "course")
    assert "This week: week 1 of 8" in out


def test_moving_before_starting_says_to_start_first(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = run(capsys, "course", "next")
    assert status == 1
    assert "You are not on a course: start one first." in err


def test_paincoach_today_says_where_the_course_is_in_the_shells_words(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    status, out, _ = run(capsys, "today")
    assert status == 0
    assert (
        "Course: 8 weeks of skills, starting from how pain works ('paincoach course')."
        in out.splitlines()  # one line at 80 columns, not wrapped
    )
    run(capsys, "course", "start")
    _, out, _ = run(capsys, "today")
    assert "Course, week 1 of 8: " in out and "0 of 2 done" in out and "(o)" not in out
    run(capsys, "course", "leave")
    _, out, _ = run(capsys, "today")
    assert "Course" not in out


def test_every_course_line_of_paincoach_today_fits_80_columns() -> None:
    from paincoach.records.course_line import CourseLine

    asks = "x" * 40  # the longest a course file may give (MAX_ASKS)
    lines = [
        CourseLine("A course", "not_started", None, 52),
        CourseLine("A course", "paused", 51, 52, asks, 1, 3),
        CourseLine("A course", "active", 52, 52, asks, 3, 3),
        CourseLine("A course", "active", 51, 52, asks, 3, 3),
        CourseLine("A course", "active", 51, 52, asks, 1, 3),
    ]
    assert max(len(line.shell_words()) for line in lines) <= 80
