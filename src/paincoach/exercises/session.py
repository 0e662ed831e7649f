"""Plain data about a running or ended session: state, progress and the saved result."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from paincoach.exercises.answers import AnswerError
from paincoach.records.practice import timed_sums


class RunState(Enum):
    """Where a session is."""

    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"  # moved past the last step
    LEFT = "left"  # left early


class RunnerClosedError(RuntimeError):
    """The session has ended; it can no longer move or take step answers."""


class AnswerRequiredError(AnswerError):
    """The current step needs an answer before Next; the message says which."""


@dataclass(frozen=True)
class Progress:
    """Step number (1-based) and count, e.g. `step 3 of 8`."""

    number: int
    total: int

    def __str__(self) -> str:
        """`step 3 of 8`."""
        return f"step {self.number} of {self.total}"

    @property
    def fraction(self) -> float:
        """0..1 for a progress bar."""
        return self.number / self.total if self.total else 1.0


#: A session is finished when it reached its end and its timed steps (countdowns, breathing
#: pacers, pacing timers), all taken together, ran for at least this share of their time.
#: Moving on a few seconds early now and then still counts; stopping a 10-minute pacer after
#: 36 seconds does not. See docs/insights.md, "Finished exercises".
FINISHED_SHARE = 0.9


@dataclass(frozen=True)
class TimedRun:
    """How long one timed step ran (its longest run, if it was started more than once).

    `length` is the step's full time in seconds; None for a pacing timer that never started
    (its length comes from the times the person chooses).
    """

    step: int  # 1-based step number
    seconds: int
    length: int | None

    def as_json(self) -> dict[str, int | None]:
        """As stored with the session's answers."""
        return {"step": self.step, "seconds": self.seconds, "of": self.length}


def whole_seconds(seconds: float) -> int:
    """Seconds rounded to a whole number, halves up (the rounding used for every timer)."""
    return math.floor(seconds + 0.5)


def ran_enough(timed: Iterable[TimedRun]) -> bool:
    """Whether the timed steps ran long enough for the session to count as finished."""
    done, total = timed_totals(timed)
    if total is None:
        return False  # a pacing timer that never ran
    return done >= FINISHED_SHARE * total


def timed_totals(timed: Iterable[TimedRun]) -> tuple[int, int | None]:
    """Seconds the timed steps ran, and their full time (None when a length is unknown)."""
    return timed_sums((run.seconds, run.length) for run in timed)


@dataclass(frozen=True)
class SessionResult:
    """A finished or left session as plain data, for the app to save."""

    exercise_id: str
    exercise_title: str
    kind: str
    started_at: datetime
    ended_at: datetime
    completed: bool
    steps_done: int
    steps_total: int
    before: int | None
    after: int | None
    answers: dict[str, Any]
    timed: tuple[TimedRun, ...] = ()  # every timed step of the exercise, run or not
