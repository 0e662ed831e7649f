"""Queries for the weekly review: weekly checks, a period's figures by day, and insight sums.

Everything is aggregated in SQL by the stored local `day` and bounded by the dates asked for
(each `WHERE day BETWEEN` uses the `day` indexes), so a week costs the same after ten years
of entries as after one. Rows go in; plain records and small tuples come out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Integer, cast, func, literal_column, or_, select
from sqlmodel import Session, col

from paincoach.core.when import parse_moment
from paincoach.db.models import (
    ActivityRow,
    CheckInRow,
    ExerciseSessionRow,
    ThoughtRecordRow,
    WeeklyCheckRow,
)
from paincoach.records.review import ExerciseCount, WeeklyCheck

# -- weekly checks -----------------------------------------------------------------------------


def weekly_check_from_row(row: WeeklyCheckRow) -> WeeklyCheck:
    """A plain record from a weekly-check row."""
    return WeeklyCheck(
        uid=row.uid,
        at=parse_moment(row.at),
        day=date.fromisoformat(row.day),
        week_start=date.fromisoformat(row.week_start),
        pain=row.pain,
        enjoyment=row.enjoyment,
        activity=row.activity,
    )


def weekly_check_for(session: Session, start: date, end: date) -> WeeklyCheck | None:
    """The newest check for the week `start`..`end`.

    A check belongs to the week stored with it; one stored under another week start (the
    person changed the setting since) counts for the week holding the day it was given.
    """
    lo, hi = start.isoformat(), end.isoformat()
    stmt = (
        select(WeeklyCheckRow)
        .where(or_(col(WeeklyCheckRow.week_start) == lo, col(WeeklyCheckRow.day).between(lo, hi)))
        .order_by(
            (col(WeeklyCheckRow.week_start) == lo).desc(),
            col(WeeklyCheckRow.at).desc(),
            col(WeeklyCheckRow.id).desc(),
        )
        .limit(1)
    )
    row = session.scalars(stmt).first()
    return None if row is None else weekly_check_from_row(row)


def first_weekly_check(session: Session) -> WeeklyCheck | None:
    """The first weekly check the person gave (their baseline score)."""
    stmt = (
        select(WeeklyCheckRow)
        .order_by(col(WeeklyCheckRow.day), col(WeeklyCheckRow.at), col(WeeklyCheckRow.id))
        .limit(1)
    )
    row = session.scalars(stmt).first()
    return None if row is None else weekly_check_from_row(row)


def recent_weekly_checks(session: Session, limit: int) -> list[WeeklyCheck]:
    """Weekly checks, newest first."""
    stmt = (
        select(WeeklyCheckRow)
        .order_by(col(WeeklyCheckRow.day).desc(), col(WeeklyCheckRow.at).desc())
        .limit(limit)
    )
    return [weekly_check_from_row(row) for row in session.scalars(stmt)]


def has_entries(session: Session, first: date, last: date) -> bool:
    """Whether any check-in or activity falls on a day from `first` to `last`."""
    lo, hi = first.isoformat(), last.isoformat()
    for day_column in (col(CheckInRow.day), col(ActivityRow.day)):
        stmt = select(day_column).where(day_column.between(lo, hi)).limit(1)
        if session.scalars(stmt).first() is not None:
            return True
    return False


# -- a period's figures, by day -------------------------------------------------------------------


def first_entry_day(
    session: Session, after: date | None = None, *, other_than: str = ""
) -> date | None:
    """The first day with a check-in or activity (after `after`, when given), or None.

    `other_than` leaves one entry out (an edit is measured against the others). Each table
    is read from the start of its `day` index (two rows, in case the first is the one left
    out), so the cost does not grow with history.
    """
    found: list[str] = []
    for row in (CheckInRow, ActivityRow):
        day_column = col(row.day)
        stmt = select(day_column, col(row.uid)).order_by(day_column).limit(2)
        if after is not None:
            stmt = stmt.where(day_column > after.isoformat())
        days = [day for day, uid in session.execute(stmt) if uid != other_than]
        found.extend(days[:1])
    return date.fromisoformat(min(found)) if found else None


def minutes_by_day_and_name(
    session: Session, first: date, last: date
) -> list[tuple[date, str, int]]:
    """Activity minutes summed per day and name, for the days from `first` to `last`."""
    stmt = (
        select(col(ActivityRow.day), col(ActivityRow.name), func.sum(col(ActivityRow.minutes)))
        .where(col(ActivityRow.day).between(first.isoformat(), last.isoformat()))
        .group_by(col(ActivityRow.day), col(ActivityRow.name))
    )
    return [
        (date.fromisoformat(day), name, int(total or 0))
        for day, name, total in session.execute(stmt).all()
    ]


def exercise_counts(session: Session, first: date, last: date) -> list[ExerciseCount]:
    """Exercise sessions from `first` to `last` by kind: finished and left early."""
    done = func.sum(cast(col(ExerciseSessionRow.completed), Integer))
    stmt = (
        select(col(ExerciseSessionRow.kind), done, func.count())
        .where(col(ExerciseSessionRow.day).between(first.isoformat(), last.isoformat()))
        .group_by(col(ExerciseSessionRow.kind))
        .order_by(col(ExerciseSessionRow.kind))
    )
    return [
        ExerciseCount(kind, int(completed or 0), int(total) - int(completed or 0))
        for kind, completed, total in session.execute(stmt).all()
    ]


def thought_record_count(session: Session, first: date, last: date) -> int:
    """How many thought records were written from `first` to `last`."""
    stmt = select(func.count()).where(
        col(ThoughtRecordRow.day).between(first.isoformat(), last.isoformat())
    )
    return int(session.scalar(stmt) or 0)


# -- sums for insights -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RatedExercise:
    """One exercise's sessions with both a before and an after rating."""

    exercise_id: str
    title: str
    sessions: int
    before_avg: float
    after_avg: float


def rated_exercises(session: Session, first: date, last: date) -> list[RatedExercise]:
    """Per exercise: finished sessions from `first` to `last` rated before and after, averaged.

    Only finished sessions count: a rating after a pacer stopped at 36 s of 10 minutes says
    nothing about the exercise.
    """
    stmt = (
        select(
            col(ExerciseSessionRow.exercise_id),
            func.max(col(ExerciseSessionRow.exercise_title)),
            func.count(),
            func.avg(col(ExerciseSessionRow.before)),
            func.avg(col(ExerciseSessionRow.after)),
        )
        .where(
            col(ExerciseSessionRow.day).between(first.isoformat(), last.isoformat()),
            col(ExerciseSessionRow.before).is_not(None),
            col(ExerciseSessionRow.after).is_not(None),
            col(ExerciseSessionRow.completed).is_(True),
        )
        .group_by(col(ExerciseSessionRow.exercise_id))
    )
    return [
        RatedExercise(exercise_id, str(title), int(count), float(before), float(after))
        for exercise_id, title, count, before, after in session.execute(stmt).all()
    ]


def trap_counts(session: Session, first: date, last: date) -> tuple[int, list[tuple[str, int]]]:
    """Thought records from `first` to `last` that name a trap, and each trap's count.

    Traps are a JSON list in each record, read with `json_each`; most frequent first.
    """
    lo, hi = first.isoformat(), last.isoformat()
    each = func.json_each(literal_column("thought_records.traps")).table_valued("value")
    in_range = col(ThoughtRecordRow.day).between(lo, hi)
    stmt = (
        select(each.c.value, func.count(func.distinct(col(ThoughtRecordRow.id))))
        .select_from(ThoughtRecordRow)
        .join(each, literal_column("1") == literal_column("1"))
        .where(in_range)
        .group_by(each.c.value)
        .order_by(func.count().desc(), each.c.value)
    )
    counts = [(str(value), int(count)) for value, count in session.execute(stmt).all()]
    records = select(func.count()).where(
        in_range, func.json_array_length(col(ThoughtRecordRow.traps)) > 0
    )
    return int(session.scalar(records) or 0), counts
