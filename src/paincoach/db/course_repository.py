"""Queries for course progress: its events, and the sessions and checks that show progress.

Each read is bounded by the course's first day (the `day` indexes), so a course costs the
same after ten years of entries as in its first week.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from sqlmodel import Session, col, select

from paincoach.core.when import format_moment, local_day, parse_moment
from paincoach.db.day_rows import sorted_events
from paincoach.db.models import CourseEventRow, ExerciseSessionRow, WeeklyCheckRow
from paincoach.records.course import WeekScores
from paincoach.records.course_line import CourseEvent


def events(session: Session) -> list[CourseEvent]:
    """Every course event, oldest first (ties in the order they were saved)."""
    rows = session.exec(select(CourseEventRow).order_by(col(CourseEventRow.id))).all()
    return sorted_events(rows)


def add_event(session: Session, event: CourseEvent) -> None:
    """Keep one event (the caller commits)."""
    session.add(
        CourseEventRow(
            uid=event.uid,
            course_id=event.course_id,
            action=event.action,
            week=event.week,
            at=format_moment(event.at),
            day=local_day(event.at).isoformat(),
        )
    )


def finished_sessions(
    session: Session, exercise_ids: Collection[str], since: date
) -> list[tuple[str, datetime]]:
    """(exercise id, start) of every finished session of these exercises from `since` on."""
    if not exercise_ids:
        return []
    rows = session.exec(
        select(col(ExerciseSessionRow.exercise_id), col(ExerciseSessionRow.started_at))
        .where(col(ExerciseSessionRow.day) >= since.isoformat())
        .where(col(ExerciseSessionRow.completed) == True)  # noqa: E712  (SQL, not Python)
        .where(col(ExerciseSessionRow.exercise_id).in_(list(exercise_ids)))
    ).all()
    return [(exercise_id, parse_moment(started)) for exercise_id, started in rows]


def weekly_checks_since(session: Session, since: date) -> list[tuple[datetime, WeekScores]]:
    """(moment, scores) of every weekly check from `since` on."""
    rows = session.exec(
        select(WeeklyCheckRow).where(col(WeeklyCheckRow.day) >= since.isoformat())
    ).all()
    return [
        (
            parse_moment(row.at),
            WeekScores(date.fromisoformat(row.day), row.pain, row.enjoyment, row.activity),
        )
        for row in rows
    ]
