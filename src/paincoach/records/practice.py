"""Plain data about practice: saved sessions, thought records, pacing plans, goals, flare plan.

Frozen dataclasses, never live ORM rows (this module does not import the ORM), so that the
screens can hold them as long as they like after the journal session is closed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from paincoach.records.entries import Activity
from paincoach.records.pacing import PlanHistoryLine, outside_safe_rate

if TYPE_CHECKING:
    from paincoach.records.concern import Concern


@dataclass(frozen=True, slots=True)
class SavedPractice:
    """What `Practice.save_session` stored for one exercise session."""

    session_uid: str
    completed: bool
    thought_record_uid: str | None = None
    goal_uid: str | None = None
    plan_uid: str | None = None
    activity: Activity | None = None  # the paced activity a pacing timer logged
    flare_plan_saved: bool = False
    safety_plan_saved: bool = False
    concern: Concern | None = field(default=None, compare=False)
    """Why the support card is called for by what was written (never stored)."""


@dataclass(frozen=True, slots=True)
class Emotion:
    """One emotion of a thought record and how strong it was (0-100, if rated)."""

    name: str
    intensity: int | None = None


@dataclass(frozen=True, slots=True)
class ThoughtRecord:
    """A saved thought record (fields the person skipped are empty or None)."""

    uid: str
    session_uid: str | None
    at: datetime
    day: date
    situation: str
    emotions: tuple[Emotion, ...]
    thoughts: tuple[str, ...]
    hot_thought: str
    belief: int | None  # 0-100
    traps: tuple[str, ...]
    evidence_for: str
    evidence_against: str
    balanced: str
    balanced_belief: int | None  # 0-100
    emotions_after: tuple[Emotion, ...]

    @property
    def finished(self) -> bool:
        """Whether the record reached a balanced thought (an unfinished one is a draft)."""
        return bool(self.balanced)

    @property
    def headline(self) -> str:
        """A one-line name for lists: the hot thought, else the situation."""
        text = self.hot_thought or (self.thoughts[0] if self.thoughts else "") or self.situation
        return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class PacingPlanView:
    """A pacing plan with today's amount, what was done towards it today, and its history."""

    uid: str
    activity: str
    unit: str
    measurements: tuple[float, ...]
    baseline: int
    percent: float
    """The weekly rise last chosen (in force from the plan week after it was chosen)."""
    start: date
    goal: float | None
    """The goal in force today (None: open): the amount does not rise above it."""
    today_amount: int
    # Minutes logged today for this activity (any case); None when the plan counts another
    # unit (metres, repetitions …), since activities are logged in minutes.
    done_today: int | None
    week: int = 1  # the plan's week number today
    active: bool = True
    next_rise: tuple[date, int] | None = None
    """The day the amount next rises and the amount then (None: at the goal, or no rise)."""
    held_this_week: bool = False
    history: tuple[PlanHistoryLine, ...] = ()
    changed_today: bool = False
    """Whether a change was made today (one that Undo can take back)."""

    @property
    def left_today(self) -> int | None:
        """How much of today's amount is still to do (never below 0), if measurable."""
        return None if self.done_today is None else max(0, self.today_amount - self.done_today)

    @property
    def rate_flagged(self) -> bool:
        """Whether the weekly rise is outside the 5-20% paincoach suggests (an older plan)."""
        return outside_safe_rate(self.percent)


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal set in a goals exercise, open until marked done."""

    uid: str
    text: str
    created_day: date
    done_at: datetime | None = None

    @property
    def done(self) -> bool:
        """Whether it was marked done."""
        return self.done_at is not None


@dataclass(frozen=True, slots=True)
class FlarePlan:
    """The person's flare-up plan, shown by Help now."""

    helps: tuple[str, ...] = ()
    tell: str = ""
    drop: tuple[str, ...] = ()
    signs: tuple[str, ...] = ()
    updated_at: datetime | None = None

    @property
    def empty(self) -> bool:
        """Whether there is nothing in the plan to show."""
        return not (self.helps or self.tell or self.drop or self.signs)


def timed_sums(runs: Iterable[tuple[int, int | None]]) -> tuple[int, int | None]:
    """Seconds a session's timed steps ran, and their full time, from (ran, length) pairs.

    A step counts up to its length; the full time is None when a length is unknown (a
    pacing timer that never started). One rule for the runner's summary and the lists.
    """
    done, total, known = 0, 0, True
    for seconds, length in runs:
        if length is None:
            done, known = done + seconds, False
        else:
            done, total = done + min(seconds, length), total + length
    return done, total if known else None


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """One exercise session for lists and figures (answers are left out)."""

    uid: str
    exercise_id: str
    title: str
    kind: str
    day: date
    started_at: datetime
    completed: bool
    before: int | None
    after: int | None
    steps_done: int = 0
    steps_total: int = 0
    # Seconds the timed steps ran and their full time; None when not kept (sessions saved
    # before paincoach kept it, or with no timed steps), total None when a length is unknown.
    timed_seconds: int | None = None
    timed_total: int | None = None
