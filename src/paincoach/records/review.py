"""Plain data for the weekly review: the weekly check, the week's figures and insights.

Frozen dataclasses, never live ORM rows (this module does not import the ORM), so that the
Week screen, the command line and the clinician report can hold them as long as they like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from paincoach.core.rounding import rounded
from paincoach.records.entries import check_rating
from paincoach.records.pacing import PlanHistoryLine
from paincoach.records.treatments import MIN_RATED_DOSES

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
    return rounded((pain + enjoyment + activity) / 3, 1)


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


QuotaMark = Literal["below", "within", "above"]
WITHIN_SHARE = 0.20  # a day's minutes within ±20% of its quota keep to the plan


def quota_mark(done: int, quota: int) -> QuotaMark:
    """Whether `done` kept to the day's `quota`: within ±20% of it, or below or above.

    0.8 × quota ≤ done ≤ 1.2 × quota, in whole numbers (no rounding at the edges). The one
    rule for the report, the Week screen, `paincoach week` and the pacing insight.
    """
    if 5 * done < 4 * quota:
        return "below"
    if 5 * done > 6 * quota:
        return "above"
    return "within"


@dataclass(frozen=True, slots=True)
class QuotaTally:
    """Of the days a plan's activity was done: how many were below, within and above ±20% of
    the day's amount; and the days it was not done at all.

    A plan is for the days a person means to do the activity, not necessarily every day, so
    a day without it is a day without it, not a day below the amount (issue 15).
    """

    below: int
    within: int
    above: int
    rest: int = 0

    @property
    def days(self) -> int:
        """Days judged: the days the activity was done."""
        return self.below + self.within + self.above

    @property
    def words(self) -> str:
        """E.g. "within 20% of the day's amount on 4 of 5 days done (1 above, 0 below;
        2 days without it)"."""
        rest = f"; {self.rest} day{'s' * (self.rest != 1)} without it" if self.rest else ""
        return (
            f"within 20% of the day's amount on {self.within} of {self.days} "
            f"day{'s' * (self.days != 1)} done ({self.above} above, {self.below} below{rest})"
        )


@dataclass(frozen=True, slots=True)
class PlanDay:
    """One day of a pacing plan: the quota and the minutes done (None for other units)."""

    day: date
    quota: int
    done: int | None

    @property
    def mark(self) -> QuotaMark | None:
        """Below, within or above ±20% of the quota (None when not counted in minutes)."""
        return None if self.done is None else quota_mark(self.done, self.quota)


@dataclass(frozen=True, slots=True)
class PlanProgress:
    """A pacing plan over a period: each day it applied, with the totals."""

    activity: str
    unit: str
    days: tuple[PlanDay, ...]
    changes: tuple[PlanHistoryLine, ...] = ()
    """The holds, steps back, goals and rates made in the period (oldest first)."""

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

    @property
    def tally(self) -> QuotaTally | None:
        """Days below, within and above ±20% of their quota (None for other units)."""
        if any(d.done is None for d in self.days):
            return None
        marks = [d.mark for d in self.days if d.done]
        rest = sum(1 for d in self.days if not d.done)
        return QuotaTally(marks.count("below"), marks.count("within"), marks.count("above"), rest)


@dataclass(frozen=True, slots=True)
class ExerciseCount:
    """Exercise sessions of one kind in a period."""

    kind: str
    completed: int
    incomplete: int


@dataclass(frozen=True, slots=True)
class Baseline:
    """The person's first two weeks with entries, against which later weeks are set.

    The first runs from the day of the first entry to the end of its week; the second is the
    next week with an entry, however long after (the empty weeks between are not counted).
    """

    weeks: tuple[tuple[date, date], ...]  # (first day, last day) of each, in order

    @property
    def first(self) -> date:
        """The day of the first entry."""
        return self.weeks[0][0]

    @property
    def last(self) -> date:
        """The last day of the second week."""
        return self.weeks[-1][1]

    @property
    def days(self) -> int:
        """Calendar days counted: those of the two weeks, not the days between them."""
        return sum((last - first).days + 1 for first, last in self.weeks)


# -- treatments in a period -------------------------------------------------------------------

TreatmentChange = Literal["started", "stopped"]
#: How a start and a stop are marked on the week chart and the report's day chart: shapes,
#: so that they read the same without colour.
TREATMENT_MARKS: dict[TreatmentChange, str] = {"started": "▲", "stopped": "▼"}


@dataclass(frozen=True, slots=True)
class TreatmentUse:
    """One treatment's doses over some days, and how much the rated ones helped (0-10)."""

    name: str
    doses: int
    rated: int
    mean_relief: float | None  # one decimal (core.rounding); None when no dose was rated

    @property
    def mean_shown(self) -> float | None:
        """The mean relief once enough doses were rated to speak of an average
        (MIN_RATED_DOSES, the insight's minimum), else None."""
        return self.mean_relief if self.rated >= MIN_RATED_DOSES else None

    @property
    def too_few_words(self) -> str:
        """'1 rated (an average needs 3)' below the minimum, '' otherwise or with none rated."""
        if self.mean_shown is not None or not self.rated:
            return ""
        return f"{self.rated} rated (an average needs {MIN_RATED_DOSES})"


@dataclass(frozen=True, slots=True)
class TreatmentMark:
    """A regular treatment started or stopped on a day."""

    day: date
    name: str
    change: TreatmentChange
    why: str = ""  # why it stopped, in plain words ('' for a start)

    @property
    def symbol(self) -> str:
        """▲ for a start, ▼ for a stop."""
        return TREATMENT_MARKS[self.change]

    @property
    def words(self) -> str:
        """E.g. "▲ started ibuprofen" or "▼ stopped codeine (side effects)"."""
        why = f" ({self.why})" if self.why else ""
        return f"{self.symbol} {self.change} {self.name}{why}"


@dataclass(frozen=True, slots=True)
class TreatmentPeriod:
    """The treatments of some days: doses per treatment, as-needed days, starts and stops.

    An as-needed day is a day with at least one dose of something taken as needed, or not
    on the regular list that day (`journal.treatments.Treatments.as_needed_days`):
    clinicians count days, not pills.
    """

    first: date
    last: date
    uses: tuple[TreatmentUse, ...] = ()  # by name
    as_needed_days: tuple[date, ...] = ()
    marks: tuple[TreatmentMark, ...] = ()  # by day, then name

    @property
    def doses(self) -> int:
        """Every dose taken in the period."""
        return sum(use.doses for use in self.uses)

    @property
    def empty(self) -> bool:
        """Whether no dose was taken and no regular treatment started or stopped."""
        return not (self.uses or self.marks)

    def marks_on(self, day: date) -> str:
        """The marks of one day ("▲", "▼▲", or '')."""
        return "".join(mark.symbol for mark in self.marks if mark.day == day)


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
    baseline: Baseline | None  # None until two weeks have entries
    baseline_note: str  # why there is no baseline comparison, when there is none
    previous_note: str = ""  # why there is no comparison with last week, when there is none
    days_so_far: int = 7  # fewer while the week is in progress (when `today` was given)
    treatments: TreatmentPeriod | None = None  # the days so far: doses, as-needed days, marks

    @property
    def so_far(self) -> str:
        """ "3 of 7 days so far" while the week is in progress, else ""."""
        return f"{self.days_so_far} of 7 days so far" if self.days_so_far < 7 else ""

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
