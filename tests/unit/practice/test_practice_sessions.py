"""A day's exercise sessions, and how long their timers ran, as the lists show them."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from paincoach.core import paths
from paincoach.db.practice_repository import TIMED_KEY, timed_of
from paincoach.exercises.session import SessionResult
from paincoach.exercises.timing import FakeClock
from tests.practice_support import THOUGHTS, drive, open_practice, run_through, runner
from tests.support import NOW

TODAY = NOW.date()


def stopped_pacer(start: datetime, seconds: float) -> SessionResult:
    """Slow breathing (an 8-minute pacer) left after the pacer ran `seconds`."""
    clock = FakeClock()
    r = runner("breathing-slow", start=start, clock=clock)
    while r.timer is None:
        r.next()
    r.start_timer()
    clock.advance(seconds)
    return r.leave()


def stored_answers(home: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(paths.database_path(home))
    try:
        rows = conn.execute("SELECT answers FROM exercise_sessions ORDER BY id").fetchall()
    finally:
        conn.close()
    return [json.loads(text) for (text,) in rows]


def test_the_days_sessions_in_order_with_how_far_each_got(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(stopped_pacer(NOW - timedelta(minutes=30), 36.2))
    box = runner("breathing-box", start=NOW - timedelta(hours=2))
    box.set_before(7)
    run_through(box)
    box.set_after(5)
    practice.save_session(box.result())
    yesterday = runner("breathing-box", start=NOW - timedelta(days=1))
    run_through(yesterday)
    practice.save_session(yesterday.result())

    first, second = practice.sessions_on(TODAY)
    assert first.exercise_id == "breathing-box" and first.completed
    assert (first.before, first.after) == (7, 5)
    assert first.timed_seconds == first.timed_total == 240  # its 4-minute pacer, in full
    assert second.exercise_id == "breathing-slow" and not second.completed
    assert (second.timed_seconds, second.timed_total) == (36, 480)
    assert [s.day for s in practice.sessions_on(TODAY - timedelta(days=1))] == [
        TODAY - timedelta(days=1)
    ]
    assert practice.recent_sessions()[0].timed_seconds == 36  # the newest, the same figures


def test_how_long_each_timer_ran_is_kept_with_the_answers(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(stopped_pacer(NOW - timedelta(minutes=30), 36))
    record = runner("thought-record")
    drive(record, THOUGHTS)
    practice.save_session(record.result())
    pacer, thoughts = stored_answers(home)
    assert pacer == {TIMED_KEY: [{"step": 3, "seconds": 36, "of": 480}]}
    assert TIMED_KEY not in thoughts  # no timed steps: nothing to keep
    by_id = {s.exercise_id: s for s in practice.sessions_on(TODAY)}
    assert by_id["thought-record"].timed_seconds is None
    assert by_id["breathing-slow"].timed_seconds == 36


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('{"@timed": [{"step": 3, "seconds": 36, "of": 480}]}', (36, 480)),
        ('{"@timed": [{"seconds": 900, "of": 480}, {"seconds": 5, "of": 5}]}', (485, 485)),
        ('{"@timed": [{"seconds": 36, "of": null}]}', (36, None)),
        ("{}", None),
        ('{"note": "I typed @timed myself"}', None),
        ('{"@timed": "36"}', None),
        ('{"@timed": []}', None),
        ('{"@timed": [{"seconds": -1, "of": 5}]}', None),
        ('{"@timed": [{"seconds": true, "of": 5}]}', None),
        ('{"@timed": ["36"]}', None),
        ('["@timed"]', None),
        ("not json @timed", None),
    ],
)
def test_stored_timings_are_read_carefully(text: str, found: object) -> None:
    """Answers may come from an import of a file edited by hand: odd ones are ignored."""
    assert timed_of(text) == found


def test_a_pacer_left_at_36_seconds_counts_as_left_early_in_the_week(home: Path) -> None:
    """Every step seen, the pacer cut short: the week says "left early", not "finished"."""
    from paincoach.review.summary import week_summary

    practice = open_practice(home)
    clock = FakeClock()
    r = runner("breathing-slow", start=NOW - timedelta(hours=1), clock=clock)
    while not r.ended:
        if r.timer is not None:
            r.start_timer()
            clock.advance(36)
        r.next()
    assert r.result().steps_done == r.result().steps_total
    practice.save_session(r.result())
    [count] = week_summary(practice.db, TODAY, week_start=0, today=TODAY).exercises
    assert (count.kind, count.completed, count.incomplete) == ("breathing", 0, 1)
