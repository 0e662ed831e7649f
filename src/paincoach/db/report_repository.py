"""Queries only the clinician report needs (the week's figures come from `summary`).

Each is bounded by the report's days and aggregated in SQL where it counts or averages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, case, cast, func, literal_column, select
from sqlmodel import Session, col

from paincoach.core.when import parse_moment
from paincoach.db import practice_repository as prepo
from paincoach.db import review_repository as rrepo
from paincoach.db.models import (
    ActivityRow,
    CheckInRow,
    ExerciseSessionRow,
    GoalRow,
    ThoughtRecordRow,
    WeeklyCheckRow,
)
from paincoach.records.practice import ThoughtRecord
from paincoach.records.review import WeeklyCheck


@dataclass(frozen=True, slots=True)
class ExerciseLine:
    """One exercise practised in the period: sessions, finished, and before/after averages."""

    title: str
    kind: str
    sessions: int
    completed: int
    rated: int  # sessions with both a before and an after rating
    before_avg: float | None
    after_avg: float | None


@dataclass(frozen=True, slots=True)
class NoteLine:
    """A note from a check-in or an activity (only in a report made with notes)."""

    at: str
    what: str
    text: str


def _between(column: Any, first: date, last: date) -> Any:
    return col(column).between(first.isoformat(), last.isoformat())


def exercise_lines(session: Session, first: date, last: date) -> list[ExerciseLine]:
    """Each exercise done from `first` to `last`, most sessions first."""
    table = ExerciseSessionRow
    both = (col(table.before).is_not(None)) & (col(table.after).is_not(None))
    stmt = (
        select(
            func.max(col(table.exercise_title)),
            func.max(col(table.kind)),
            func.count(),
            func.sum(cast(col(table.completed), Integer)),
            func.sum(case((both, 1), else_=0)),
            func.avg(case((both, col(table.before)))),
            func.avg(case((both, col(table.after)))),
        )
        .where(_between(table.day, first, last))
        .group_by(col(table.exercise_id))
        .order_by(func.count().desc(), func.max(col(table.exercise_title)))
    )
    return [
        ExerciseLine(str(title), str(kind), int(n), int(done or 0), int(rated or 0), before, after)
        for title, kind, n, done, rated, before, after in session.execute(stmt).all()
    ]


def weekly_checks_between(session: Session, first: date, last: date) -> list[WeeklyCheck]:
    """Weekly checks given from `first` to `last`, oldest first."""
    stmt = (
        select(WeeklyCheckRow)
        .where(_between(WeeklyCheckRow.day, first, last))
        .order_by(col(WeeklyCheckRow.day), col(WeeklyCheckRow.at))
    )
    return [rrepo.weekly_check_from_row(row) for row in session.scalars(stmt)]


def label_counts(
    session: Session, column: str, first: date, last: date, limit: int
) -> list[tuple[str, int]]:
    """Pain areas or tags (`column`) on check-ins from `first` to `last`, most used first."""
    if column not in ("areas", "tags"):
        raise ValueError(column)
    each = func.json_each(literal_column(f"checkins.{column}")).table_valued("value")
    stmt = (
        select(each.c.value, func.count())
        .select_from(CheckInRow)
        .join(each, literal_column("1") == literal_column("1"))
        .where(_between(CheckInRow.day, first, last))
        .group_by(each.c.value)
        .order_by(func.count().desc(), each.c.value)
        .limit(limit)
    )
    return [(str(value), int(count)) for value, count in session.execute(stmt).all()]


def goal_counts(session: Session, first: date, last: date) -> tuple[int, int]:
    """Goals set from `first` to `last`, and goals marked done in those days."""
    set_count = session.scalar(select(func.count()).where(_between(GoalRow.day, first, last)))
    done_days = func.substr(col(GoalRow.done_at), 1, 10)
    done = session.scalar(
        select(func.count()).where(done_days.between(first.isoformat(), last.isoformat()))
    )
    return int(set_count or 0), int(done or 0)


def goal_texts(session: Session, first: date, last: date) -> list[tuple[str, bool]]:
    """Goals set from `first` to `last`: their words, and whether each is done."""
    stmt = (
        select(col(GoalRow.text), col(GoalRow.done_at))
        .where(_between(GoalRow.day, first, last))
        .order_by(col(GoalRow.day), col(GoalRow.created_at))
    )
    return [(text, done is not None) for text, done in session.execute(stmt).all()]


def notes_between(session: Session, first: date, last: date) -> list[NoteLine]:
    """Non-empty notes of check-ins and activities from `first` to `last`, in time order."""
    found: list[NoteLine] = []
    checkins = select(col(CheckInRow.at), col(CheckInRow.pain), col(CheckInRow.note)).where(
        _between(CheckInRow.day, first, last),
        col(CheckInRow.note) != "",
    )
    for at, pain, note in session.execute(checkins).all():
        found.append(NoteLine(at, f"check-in, pain {pain}/10", note))
    activities = select(col(ActivityRow.at), col(ActivityRow.name), col(ActivityRow.note)).where(
        _between(ActivityRow.day, first, last),
        col(ActivityRow.note) != "",
    )
    for at, name, note in session.execute(activities).all():
        found.append(NoteLine(at, f"activity: {name}", note))
    return sorted(found, key=lambda line: parse_moment(line.at))


def thought_records_between(session: Session, first: date, last: date) -> list[ThoughtRecord]:
    """Thought records written from `first` to `last`, oldest first."""
    stmt = (
        select(ThoughtRecordRow)
        .where(_between(ThoughtRecordRow.day, first, last))
        .order_by(col(ThoughtRecordRow.day), col(ThoughtRecordRow.at))
    )
    return [prepo.thought_record_from_row(row) for row in session.scalars(stmt)]
