"""Where a person is in a course, folded from what they did with it, and Today's one line.

The journal keeps events: `start` (a course, at a week), `week` (moved to a week: the next
one, a repeat or a skip ahead), `pause`, `resume` and `leave`. Folding them gives the
current course, its state and week, and the stretches of time spent on each week, which
say what was done during a week and which weekly check belongs to it.

Today's line reads any course that has a title and weeks (`CourseLike`): the checked
course file, or the outline of an unchanged bundled one (`exercises.course_outline`), so
that the quick `paincoach today` never loads the checker (issue 18). The course's whole
view is `course_progress.course_view`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from paincoach.core.when import local_day
from paincoach.records.course_line import CourseEvent, CourseLine, CourseState

if TYPE_CHECKING:  # names for the type checker only: a Protocol costs start-up time

    class WeekLike(Protocol):
        """What Today's line reads of a week."""

        @property
        def number(self) -> int: ...
        @property
        def asks(self) -> str: ...
        @property
        def items(self) -> tuple[str, ...]: ...

    class CourseLike(Protocol):
        """What Today's line reads of a course."""

        @property
        def title(self) -> str: ...
        @property
        def weeks(self) -> Sequence[WeekLike]: ...
        def week(self, number: int) -> WeekLike: ...

    class ShelfLike(Protocol):
        """The courses Today's line can choose from."""

        def get(self, course_id: str) -> CourseLike | None: ...
        @property
        def first(self) -> CourseLike | None: ...


@dataclass(frozen=True)
class Stretch:
    """A time on one week: from when the person moved to it until they moved on (or now)."""

    week: int
    since: datetime
    until: datetime | None

    def holds(self, moment: datetime) -> bool:
        """Whether `moment` falls in this stretch."""
        return self.since <= moment and (self.until is None or moment < self.until)


@dataclass
class Progress:
    """The fold of a person's course events."""

    course_id: str | None = None
    state: CourseState = "not_started"
    week: int | None = None
    started_at: datetime | None = None
    stretches: list[Stretch] = field(default_factory=list)

    def began(self, week: int) -> datetime | None:
        """When the person last moved to `week` in this run of the course."""
        times = [s.since for s in self.stretches if s.week == week]
        return max(times) if times else None


def progress_of(events: Iterable[CourseEvent]) -> Progress:
    """Fold events (oldest first). A `start` begins a new run; other courses' events are ignored."""
    progress = Progress()
    for event in events:
        if event.action == "start":
            progress = Progress(event.course_id, "active", event.week, event.at)
            progress.stretches.append(Stretch(event.week or 1, event.at, None))
            continue
        if event.action == "leave" and progress.state in ("not_started", "left"):
            progress = Progress(event.course_id, "left", progress.week, progress.started_at)
            continue  # "not now" before starting: Today stops offering the course
        if event.course_id != progress.course_id or progress.state == "left":
            continue
        if event.action == "week" and event.week is not None:
            _close(progress, event.at)
            progress.stretches.append(Stretch(event.week, event.at, None))
            progress.week, progress.state = event.week, "active"
        elif event.action == "pause" and progress.state == "active":
            progress.state = "paused"
        elif event.action == "resume" and progress.state == "paused":
            progress.state = "active"
        elif event.action == "leave":
            _close(progress, event.at)
            progress.state = "left"
    return progress


def _close(progress: Progress, at: datetime) -> None:
    if progress.stretches and progress.stretches[-1].until is None:
        last = progress.stretches[-1]
        progress.stretches[-1] = Stretch(last.week, last.since, at)


def done_since(
    exercise_id: str, since: datetime | None, finished: Sequence[tuple[str, datetime]]
) -> bool:
    """Whether `exercise_id` was finished at or after `since` (never, before a start)."""
    return since is not None and any(e == exercise_id and at >= since for e, at in finished)


def first_day(progress: Progress) -> date | None:
    """The local day the current run began (sessions and checks are read from here on)."""
    return local_day(progress.started_at) if progress.started_at else None


#: (exercise id, start) of the finished sessions of some exercises from a day on.
FinishedReader = Callable[[Collection[str], date], list[tuple[str, datetime]]]


def today_line(
    shelf: ShelfLike, events: Iterable[CourseEvent], finished: FinishedReader
) -> CourseLine | None:
    """Today's one line from the course file and the journal (either driver reads them).

    None once the person has left the course, or when no course loads.
    """
    progress = progress_of(events)
    if progress.state == "left":
        return None
    course = shelf.get(progress.course_id) if progress.course_id else shelf.first
    if course is None:
        return None
    total = len(course.weeks)
    if progress.state == "not_started" or progress.started_at is None:
        return CourseLine(course.title, "not_started", None, total)
    week = course.week(progress.week or 1)
    since = progress.began(week.number) or progress.started_at
    found = finished(week.items, local_day(since) - timedelta(1))
    done = sum(done_since(item, since, found) for item in week.items)
    return CourseLine(
        course.title, progress.state, week.number, total, week.asks, done, len(week.items)
    )
