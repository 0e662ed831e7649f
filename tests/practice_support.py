"""Helpers for the practice tests: real runners over the bundled exercises, driven by answers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from paincoach.db.engine import Database
from paincoach.exercises.engine import Runner
from paincoach.exercises.loader import Library, load_library
from paincoach.exercises.model import ChoiceStep, PacingStep, PromptStep, RatingStep
from paincoach.exercises.session import SessionResult
from paincoach.exercises.timing import FakeClock
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from tests.support import NOW, fixed_clock


class Wall:
    """A wall clock for session stamps that moves one minute per call."""

    def __init__(self, start: datetime) -> None:
        self.t = start

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=1)
        return self.t


@cache
def library() -> Library:
    """The bundled exercises (loaded once per test run)."""
    return load_library(None)


def open_practice(home: Path, clock: Callable[[], datetime] = fixed_clock) -> Practice:
    """The practice service for `home` on the given clock."""
    db = Database.open(home)
    return Practice(db, Journal(db, clock), clock)


def runner(
    exercise_id: str, start: datetime | None = None, clock: FakeClock | None = None
) -> Runner:
    """A runner over a bundled exercise; its wall clock starts an hour before NOW."""
    exercise = library().get(exercise_id)
    assert exercise is not None, exercise_id
    wall = Wall(start or NOW - timedelta(hours=1))
    return Runner(exercise, clock=clock or FakeClock(), wall=wall)


def answer_here(r: Runner, answers: Mapping[str, Any]) -> None:
    """Give the current step its answer from `answers` (by key), if it has one there."""
    key = r.step.key
    if key and key in answers:
        value = answers[key]
        if isinstance(r.step, RatingStep) and r.step.each:
            for item, rating in value.items():
                r.rate_item(item, rating)
        else:
            r.set_answer(value)


def drive(r: Runner, answers: Mapping[str, Any], *, until: str | None = None) -> None:
    """Answer and move on step by step; stop at the step with key `until`, or at the end."""
    while not r.ended:
        if until is not None and r.step.key == until:
            return
        answer_here(r, answers)
        r.next()


def generic_answer(r: Runner) -> object:
    """Some valid answer for the current step of any exercise."""
    step = r.step
    if isinstance(step, PromptStep):
        return ["one"] if step.lines else "something"
    if isinstance(step, RatingStep):
        return {item: 1 for item in r.items_to_rate()} if step.each else 1
    assert isinstance(step, ChoiceStep)
    label = r.options()[0].label if r.options() else "other"
    return {label: 50} if step.rate else [label] if step.multiple else label


def run_through(r: Runner, *, pace: str = "") -> None:
    """Finish any exercise with generic answers, each countdown and pacer run to its end.

    Pacing steps are left unanswered, unless `pace` names an activity: then a pacing timer
    runs one minute of it.
    """
    clock = r.clock
    assert isinstance(clock, FakeClock)
    while not r.ended:
        step = r.step
        if r.missing() and not isinstance(step, PacingStep):
            r.set_answer(generic_answer(r))
        if isinstance(step, PacingStep) and step.mode == "timer" and pace:
            r.start_intervals(1, 0, 1, pace)
        elif r.timer is not None:
            r.start_timer()
        if r.timer is not None:
            clock.advance(r.timer.total)
        r.next()


def plan_session(
    activity: str, measurements: list[float], start: date, unit: str = "minutes"
) -> SessionResult:
    """A finished pacing-plan session that made this plan."""
    r = runner("pacing-plan")
    drive(r, {}, until="pacing_plan")
    r.set_pacing_plan(activity, measurements, start=start, unit=unit)
    run_through(r)
    return r.result()


def timer_session(activity: str, minutes_worked: float) -> SessionResult:
    """A pacing session to its end: 10 min work, 5 rest, 2 rounds; stopped after `minutes_worked`.

    It counts as finished only when the timer ran for most of its 25 minutes.
    """
    clock = FakeClock()
    r = runner("pacing-session", clock=clock)
    drive(r, {}, until="pacing_timer")
    r.start_intervals(10, 5, rounds=2, activity=activity)
    clock.advance(minutes_worked * 60)
    r.next()
    run_through(r)
    return r.result()


def made_result(kind: str, answers: dict[str, object], *, completed: bool = True) -> SessionResult:
    """A session result as an exercise of `kind` written by the person might give."""
    return SessionResult(
        exercise_id="mine",
        exercise_title="Mine",
        kind=kind,
        started_at=NOW,
        ended_at=NOW + timedelta(minutes=5),
        completed=completed,
        steps_done=3 if completed else 1,
        steps_total=3,
        before=None,
        after=None,
        answers=answers,
    )


THOUGHTS = {
    "situation": "Tuesday 3pm. My sister rang about the move.",
    "emotions": {"Sad": 70, "Anxious": 40},
    "thoughts": "She thinks I'm making excuses.\n\nI'll never cope\n",
    "hot_thought": "I'll never cope",
    "belief": 80,
    "traps": ["All-or-nothing", "Fortune telling"],
    "evidence_for": "I had to cancel twice.",
    "evidence_against": "I coped last month.\nSam helped.",
    "balanced": "It is hard, and I have coped before.",
    "balanced_belief": 60,
    "emotions_after": {"Sad": 50, "Anxious": 20},
}

GOAL = {
    "area": "Getting out more",
    "specific": "Walk round the block",
    "measure": "3 times a week",
    "when": "Mon, Wed, Fri after lunch",
    "confidence": 8,
    "goal": "Walk round the block on Mon, Wed and Fri",
}

FLARE = {
    "signs": "Stiff mornings\nShort temper",
    "helps": "Heat pack\nShort walks\n\nSlow breathing",
    "tell": "Text Sam: flaring today, could you do the school run?",
    "drop": "Ironing\nBig shop",
}

SAFETY = {
    "signs": "Not sleeping\nGoing quiet with everyone",
    "cope": "Slow breathing\n\nA warm shower",
    "distract": "The café by the library",
    "people": "Sam, 07700 900123, after 5",
    "services": "GP surgery 01632 960000",
    "safer": "Jo keeps my spare tablets",
    "reasons": "My granddaughter\nThe garden in spring",
}
