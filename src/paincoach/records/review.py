"""Plain data for the weekly review: the weekly check, the week's figures and insights.

Frozen dataclasses, never live ORM rows (this module does not import the ORM), so that the
Week screen, the command line and the clinician report can hold them as long as they like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from paincoach.records.entries import check_rating

# -- the weekly check ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Question:
    """One weekly-check question, with the words at each end of its 0-10 scale."""

    key: str
    text: str
    low: str
    high: str


@dataclass(frozen=True, slots=True)
class WeeklyAnswers:
    """The three answers as given, before they are saved (validated on construction)."""

    pain: int
    enjoyment: int
    activity: int

    def __post_init__(self) -> None:
        for name in ("pain", "enjoyment", "activity"):
            object.__setattr__(self, name, check_rating(getattr(self, name), name, required=True))

    @property
    def score(self) -> float:
        """The mean of the three answers, to one decimal."""
        return check_score(self.pain, self.enjoyment, self.activity)


def check_score(pain: int, enjoyment: int, activity: int) -> float:
    """Mean of the three 0-10 answers, to one decimal (a mean of thirds never ties)."""
    return round((pain + enjoyment + activity) / 3, 1)


@dataclass(frozen=True, slots=True)
class WeeklyCheck:
    """A saved weekly check."""

    uid: str
    at: datetime
    day: date
    week_start: date
    pain: int
    enjoyment: int
    activity: int

    @property
    def score(self) -> float:
        """The mean of the three answers, to one decimal."""
        return check_score(self.pain, self.enjoyment, self.activity)


# -- comparing figures -------------------------------------------------------------------------

Scale = Literal["rating", "count", "minutes"]
Direction = Literal["up", "down", "same"]


@dataclass(frozen=True, slots=True)
class Change:
    """A figure set against an earlier one (the previous week, or the baseline)."""

    earlier: float
    delta: float  # now − earlier
    percent: float | None  # delta as a share of `earlier` (None when `earlier` is 0)
    direction: Direction  # "same" when the change is too small to call a change
    meaningful: bool  # at least 2 points or 30% (see docs/insights.md)
    words: str  # e.g. "a little higher than last week (5.1 → 5.6)"


@dataclass(frozen=True, slots=True)
class Figure:
    """One of the week's figures, with its comparisons (None when there is nothing to compare)."""

    key: str
    label: str
    scale: Scale
    value: float | None
    previous: Change | None = None
    baseline: Change | None = None


# -- the week ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DayPoint:
    """One day for the charts; None where nothing of that kind was logged that day."""

    day: date
    pain_avg: float | None
    mood_avg: float | None
    activity_minutes: int | None


@dataclass(frozen=True, slots=True)
class PlanDay:
    """One day of a pacing plan: the quota and the minutes done (None for other units)."""

    day: date
    quota: int
    done: int | None


@dataclass(frozen=True, slots=True)
class PlanProgress:
    """A pacing plan over a period: each day it applied, with the totals."""

    activity: str
    unit: str
    days: tuple[PlanDay, ...]

    @property
    def quota_total(self) -> int:
        """The quotas added up."""
        return sum(d.quota for d in self.days)

    @property
    def done_total(self) -> int | None:
        """Minutes done towards the plan (None when the plan counts another unit)."""
        if any(d.done is None for d in self.days):
            return None
        return sum(d.done or 0 for d in self.days)


@dataclass(frozen=True, slots=True)
class ExerciseCount:
    """Exercise sessions of one kind in a period."""

    kind: str
    completed: int
    incomplete: int


@dataclass(frozen=True, slots=True)
class Baseline:
    """The person's first 14 days with entries, against which later weeks are set."""

    first: date
    last: date  # the 14th day with an entry
    days: int  # calendar days from `first` to `last`, inclusive


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """Everything the Week view, `paincoach week` and the report show about one week."""

    start: date
    end: date  # the week's last day (start + 6)
    label: str  # e.g. "2026-W47" (see paincoach.core.weeks)
    week_start: int  # 0 = Monday … 6 = Sunday
    figures: tuple[Figure, ...]
    days: tuple[DayPoint, ...]  # seven, in order
    plans: tuple[PlanProgress, ...]
    exercises: tuple[ExerciseCount, ...]
    check: WeeklyCheck | None
    baseline: Baseline | None  # None until there are 14 days with entries
    baseline_note: str  # why there is no baseline comparison, when there is none
    previous_note: str = ""  # why there is no comparison with last week, when there is none
    days_so_far: int = 7  # fewer while the week is in progress (when `today` was given)

    def figure(self, key: str) -> Figure:
        """The figure with this key (see docs/insights.md for the keys)."""
        for item in self.figures:
            if item.key == key:
                return item
        raise KeyError(key)


# -- insights ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Insight:
    """An observation from the person's own entries, or why there is none yet."""

    key: str
    title: str
    enough: bool  # False: `text` says how much more data it needs
    text: str
    needs: int
    has: int
    caveat: str = ""
    data: dict[str, object] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Insights:
    """The insights for a window of weeks ending with the selected week."""

    first: date
    last: date
    items: tuple[Insight, ...]

    def get(self, key: str) -> Insight:
        """The insight with this key."""
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)
