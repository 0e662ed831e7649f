"""Sessions and the flare-up plan as plain text: the same words in the app and the CLI."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from paincoach.records.describe import describe_session, duration, progress_words
from paincoach.records.practice import SessionSummary
from tests.support import NOW


def summary(**changes: object) -> SessionSummary:
    fields: dict[str, object] = {
        "uid": "u",
        "exercise_id": "breathing-box",
        "title": "Box breathing",
        "kind": "breathing",
        "day": date(2026, 11, 27),
        "started_at": datetime(2026, 11, 27, 10, 5, tzinfo=NOW.tzinfo),
        "completed": True,
        "before": None,
        "after": None,
        "steps_done": 4,
        "steps_total": 4,
    }
    fields.update(changes)
    return SessionSummary(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(0, "0 s"), (36, "36 s"), (60, "1 min"), (245, "4 min 5 s"), (600, "10 min")],
)
def test_durations_in_words(seconds: int, words: str) -> None:
    assert duration(seconds) == words


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((True, 4, 4, 590, 600), "finished"),
        ((False, 4, 4, 36, 600), "stopped after 36 s of 10 min"),  # moved on early
        ((False, 2, 4, 36, 600), "stopped after 36 s of 10 min"),  # left early
        ((False, 1, 4, 0, 600), "1 of 4 steps done"),  # left before the pacer
        ((False, 3, 4, 600, 600), "3 of 4 steps done"),  # the pacer ran; left after it
        ((False, 2, 9, None, None), "2 of 9 steps done"),  # no timers, or saved before
        ((False, 4, 4, 0, None), "the timer did not run"),  # a pacing timer never started
        ((False, 4, 4, 90, None), "stopped after 1 min 30 s"),
    ],
)
def test_how_far_a_session_got(
    args: tuple[bool, int, int, int | None, int | None], words: str
) -> None:
    assert progress_words(*args) == words


def test_a_session_as_one_line() -> None:
    line = describe_session(summary(before=7, after=5)).plain
    assert line == "10:05  exercise  Box breathing · finished · before 7/10, after 5/10"
    stopped = summary(completed=False, timed_seconds=36, timed_total=600, before=6)
    assert describe_session(stopped, labelled=False).plain == (
        "10:05  Box breathing · stopped after 36 s of 10 min · before 6/10"
    )


def test_a_title_is_data() -> None:
    line = describe_session(summary(title="Mine \x1b[2J[bold]x[/]")).plain
    assert "\x1b" not in line and "␛[2J[bold]x[/]" in line
