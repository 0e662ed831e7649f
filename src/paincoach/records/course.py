"""Course progress as plain records: what the screens, the CLI and the report are given.

The events and Today's line are in `records.course_line`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from paincoach.records.course_line import CourseState

ItemRole = Literal["lesson", "practice", "also"]


@dataclass(frozen=True)
class WeekScores:
    """The weekly check taken while a course week was the current one (the latest of them)."""

    day: date
    pain: int
    enjoyment: int
    activity: int

    def __str__(self) -> str:
        """`pain 6, enjoyment 4, activity 5`."""
        return f"pain {self.pain}, enjoyment {self.enjoyment}, activity {self.activity}"


@dataclass(frozen=True)
class CourseItem:
    """A lesson or practice of a week, and whether it was finished since the week began."""

    exercise_id: str
    title: str
    role: ItemRole
    minutes: int
    done: bool
    available: bool = True
    """False when the exercise is not in the library (a course file of the person's own)."""


@dataclass(frozen=True)
class CourseWeekView:
    """One week of a course as the person has lived it so far."""

    number: int
    title: str
    asks: str
    items: tuple[CourseItem, ...]
    current: bool
    begun: date | None
    scores: WeekScores | None

    @property
    def needed(self) -> tuple[CourseItem, ...]:
        """The lesson and practices: what makes the week done (not the `also` ones)."""
        return tuple(item for item in self.items if item.role != "also")

    @property
    def done_count(self) -> int:
        """How many of the needed items are done."""
        return sum(item.done for item in self.needed)

    @property
    def done(self) -> bool:
        """Every needed item finished."""
        return self.done_count == len(self.needed)


@dataclass(frozen=True)
class CourseView:
    """A course, where the person is in it, and what each week holds."""

    course_id: str
    title: str
    summary: str
    state: CourseState
    week: int | None
    """The current week while active or paused (and where they stopped, once left)."""
    started: date | None
    weeks: tuple[CourseWeekView, ...]

    @property
    def current(self) -> CourseWeekView | None:
        """The week the person is on, if they are on the course (paused counts; left does not)."""
        if self.week is None or self.state in ("not_started", "left"):
            return None
        return self.weeks[self.week - 1]

    @property
    def finished(self) -> bool:
        """On the last week, with it done."""
        current = self.current
        return current is not None and current.number == len(self.weeks) and current.done
