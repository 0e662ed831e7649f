"""A course as the person has lived it: each week's items, done or not, and its scores.

The fold of the journal's course events (`Progress`) and Today's one line are in
`course_fold`; this is the whole view, which needs the course checked against the library.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from paincoach.core.when import local_day
from paincoach.exercises.courses import Course
from paincoach.practice.course_fold import Progress, done_since
from paincoach.records.course import (
    CourseItem,
    CourseState,
    CourseView,
    CourseWeekView,
    ItemRole,
    WeekScores,
)

if TYPE_CHECKING:  # only `course_view` takes exercises; Today's line needs no library
    from paincoach.exercises.model import Exercise


def course_view(
    course: Course,
    progress: Progress,
    exercises: dict[str, Exercise],
    finished: Sequence[tuple[str, datetime]],
    checks: Sequence[tuple[datetime, WeekScores]],
) -> CourseView:
    """The course as the person has lived it: each week's items, done or not, and its scores.

    `progress` must be for this course (or not started). An item is done when the person
    finished it at or after the last time they moved to its week (for a week not reached
    yet, since the course began): catching up later counts, and a repeated week starts fresh.
    """
    on_course = progress.course_id == course.id and progress.state != "not_started"
    state: CourseState = progress.state if on_course else "not_started"
    weeks = []
    for week in course.weeks:
        since = (progress.began(week.number) or progress.started_at) if on_course else None
        roles: list[tuple[str, ItemRole]] = [(week.lesson, "lesson")]
        roles += [(p, "practice") for p in week.practices]
        roles += [(a, "also") for a in week.also if a not in week.items]
        items = tuple(
            _item(exercise_id, role, exercises.get(exercise_id), since, finished)
            for exercise_id, role in roles
        )
        begun = progress.began(week.number) if on_course else None
        weeks.append(
            CourseWeekView(
                number=week.number,
                title=week.title,
                asks=week.asks,
                items=items,
                current=on_course and state != "left" and week.number == progress.week,
                begun=local_day(begun) if begun else None,
                scores=_scores(week.number, progress, checks) if on_course else None,
            )
        )
    started = progress.started_at if on_course else None
    return CourseView(
        course_id=course.id,
        title=course.title,
        summary=course.summary,
        state=state,
        week=min(progress.week, len(course.weeks)) if on_course and progress.week else None,
        started=local_day(started) if started else None,
        weeks=tuple(weeks),
    )


def _item(
    exercise_id: str,
    role: ItemRole,
    exercise: Exercise | None,
    since: datetime | None,
    finished: Sequence[tuple[str, datetime]],
) -> CourseItem:
    done = done_since(exercise_id, since, finished)
    if exercise is None:
        return CourseItem(exercise_id, exercise_id, role, 0, done, available=False)
    return CourseItem(exercise_id, exercise.title, role, exercise.minutes, done)


def _scores(
    week: int, progress: Progress, checks: Sequence[tuple[datetime, WeekScores]]
) -> WeekScores | None:
    stretches = [s for s in progress.stretches if s.week == week]
    inside = [(at, s) for at, s in checks if any(st.holds(at) for st in stretches)]
    return max(inside, key=lambda pair: pair[0])[1] if inside else None
