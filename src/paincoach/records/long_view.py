"""Plain data for the long view: a month calendar, a year at a glance, trends and events.

Every figure is a mean of **day means**: a day with five check-ins counts once, as a day
with one does, so a bad day that was logged often does not weigh more than a quiet one.
Days without a check-in have no value (never 0). Built in SQL by `db/long_view_repository`
and shaped by `review/long_view`; frozen, so the screens, the shell and the report can
hold them as long as they like.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from paincoach.core.errors import InputError

Measure = Literal["pain", "mood", "sleep"]
MEASURES: tuple[Measure, ...] = ("pain", "mood", "sleep")
#: What each measure is called where it is shown, and which end of its 0-10 is the good one.
MEASURE_WORDS: dict[Measure, str] = {"pain": "pain", "mood": "mood", "sleep": "sleep quality"}
HIGHER_IS_BETTER: dict[Measure, bool] = {"pain": False, "mood": True, "sleep": True}

EventKind = Literal["own", "treatment-start", "treatment-stop", "pacing-plan", "course-week"]


def check_measure(text: str) -> Measure:
    """`pain`, `mood` or `sleep` (any case), or an `InputError` that names them."""
    wanted = text.strip().lower()
    for measure in MEASURES:
        if wanted == measure:
            return measure
    raise InputError("show", f"'{text}' cannot be shown; choose pain, mood or sleep.")


def next_measure(measure: Measure) -> Measure:
    """The measure one key press on from `measure` (pain → mood → sleep → pain)."""
    return MEASURES[(MEASURES.index(measure) + 1) % len(MEASURES)]


@dataclass(frozen=True, slots=True)
class DayMeans:
    """One day that has at least one check-in: its mean pain, mood and sleep."""

    day: date
    checkins: int
    pain: float
    mood: float | None = None
    sleep: float | None = None

    def value(self, measure: Measure) -> float | None:
        """This day's mean of `measure` (None when no check-in that day gave it)."""
        result: float | None = getattr(self, measure)
        return result


@dataclass(frozen=True, slots=True)
class MonthCalendar:
    """One month laid out in the person's weeks: rows of seven days, None outside the month."""

    month: date  # the first of the month
    week_start: int  # 0 = Monday … 6 = Sunday
    weeks: tuple[tuple[date | None, ...], ...]
    days: Mapping[date, DayMeans] = field(default_factory=dict)

    def mean(self, measure: Measure) -> float | None:
        """The month's mean of day means for `measure` (None when no day has it)."""
        return mean_of_days(self.days.values(), measure)


@dataclass(frozen=True, slots=True)
class YearAtAGlance:
    """Twelve months of days (one row each), with each month's mean at the end of its row."""

    year: int
    days: Mapping[date, DayMeans] = field(default_factory=dict)

    def month_mean(self, month: int, measure: Measure) -> float | None:
        """The mean of day means of `measure` in month `month` (1-12) of this year."""
        return mean_of_days((d for d in self.days.values() if d.day.month == month), measure)


def mean_of_days(days: Iterable[DayMeans], measure: Measure) -> float | None:
    """The mean of the days' values of `measure`, skipping days without one."""
    values = [v for d in days if (v := d.value(measure)) is not None]
    return sum(values) / len(values) if values else None


@dataclass(frozen=True, slots=True)
class Spread:
    """One measure over a period: the mean of its day means, and the lowest and highest day."""

    mean: float
    lowest: float
    highest: float
    days: int  # days that gave this measure


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """One month (`label` "2026-11") or one of the person's weeks ("2026-W47")."""

    label: str
    first: date
    last: date
    days_logged: int  # days with at least one check-in
    activity_minutes: int
    pain: Spread | None = None
    mood: Spread | None = None
    sleep: Spread | None = None
    moving_average: Mapping[Measure, float | None] = field(default_factory=dict)

    def spread(self, measure: Measure) -> Spread | None:
        """This period's figures for `measure` (None when no day in it gave one)."""
        result: Spread | None = getattr(self, measure)
        return result


@dataclass(frozen=True, slots=True)
class MarkedEvent:
    """Something that happened on a day: the person's own, or one paincoach knows of."""

    day: date
    kind: EventKind
    title: str
    uid: str = ""  # the person's own events only (so they can be removed)


@dataclass(frozen=True, slots=True)
class BeforeAndAfter:
    """A measure's day means in the weeks before an event and the weeks from it.

    `words` is the observation as shown, or the reason there is none yet (too few days on
    a side): never a claim that the event caused the change.
    """

    event: MarkedEvent
    measure: Measure
    window_days: int
    days_before: int
    days_after: int
    mean_before: float | None
    mean_after: float | None
    enough: bool
    words: str
    needs: int = 0  # days with a check-in each side needs before anything is said


Grain = Literal["month", "week"]


@dataclass(frozen=True, slots=True)
class Trends:
    """The months (or weeks) of a chosen span, its events, and before-and-after figures."""

    first: date
    last: date
    months: int | None  # 3, 6, 12 … or None for all time
    grain: Grain
    periods: tuple[PeriodFigures, ...]
    events: tuple[MarkedEvent, ...] = ()
    before_after: tuple[BeforeAndAfter, ...] = ()

    @property
    def empty(self) -> bool:
        """True when no day in the span has a check-in."""
        return not any(p.days_logged for p in self.periods)
