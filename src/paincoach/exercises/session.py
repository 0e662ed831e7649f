"""Plain data about a running or ended session: state, progress and the saved result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from paincoach.exercises.answers import AnswerError


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
