"""Queries over the practice tables: sessions, thought records, pacing plans, goals.

Rows go in, plain records (`paincoach.records.practice`) come out. Lists are bounded by a
limit or by a day, so their cost does not grow with years of history.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlmodel import Session, col

from paincoach.core.when import format_moment, local_day, parse_moment
from paincoach.db.day_rows import TIMED_KEY as TIMED_KEY
from paincoach.db.day_rows import setting_value
from paincoach.db.day_rows import summary_from_row as summary_from_row
from paincoach.db.day_rows import timed_of as timed_of
from paincoach.db.models import (
    ActivityRow,
    ExerciseSessionRow,
    GoalRow,
    PacingPlanRow,
    SettingRow,
    ThoughtRecordRow,
)
from paincoach.records.practice import Emotion, Goal, SessionSummary, ThoughtRecord


def dumps(value: object) -> str:
    """JSON text as stored (UTF-8 kept as is, so the file stays readable)."""
    return json.dumps(value, ensure_ascii=False)


# -- sessions --------------------------------------------------------------------------------


def add_session(session: Session, row: ExerciseSessionRow) -> None:
    """Store a session row."""
    session.add(row)
    session.flush()


def recent_sessions(session: Session, limit: int) -> list[SessionSummary]:
    """The newest sessions first."""
    stmt = (
        select(ExerciseSessionRow)
        .order_by(
            col(ExerciseSessionRow.day).desc(),
            col(ExerciseSessionRow.started_at).desc(),
            col(ExerciseSessionRow.id).desc(),
        )
        .limit(limit)
    )
    return [summary_from_row(row) for row in session.scalars(stmt)]


def sessions_on(session: Session, day: date) -> list[SessionSummary]:
    """One local day's sessions, oldest first (a day holds a handful)."""
    stmt = (
        select(ExerciseSessionRow)
        .where(col(ExerciseSessionRow.day) == day.isoformat())
        .order_by(col(ExerciseSessionRow.started_at), col(ExerciseSessionRow.id))
    )
    return [summary_from_row(row) for row in session.scalars(stmt)]


def drop_session_answers(session: Session, session_uid: str, keys: Sequence[str]) -> None:
    """Remove the given answer keys from a session's stored answers (if it has any)."""
    stmt = select(ExerciseSessionRow).where(col(ExerciseSessionRow.uid) == session_uid)
    row = session.scalars(stmt).first()
    if row is None:
        return
    answers = json.loads(row.answers)
    if isinstance(answers, dict) and any(key in answers for key in keys):
        row.answers = dumps({k: v for k, v in answers.items() if k not in keys})
        session.add(row)


# -- thought records ---------------------------------------------------------------------------


def _emotions(text: str) -> tuple[Emotion, ...]:
    return tuple(Emotion(str(item["name"]), item.get("intensity")) for item in json.loads(text))


def thought_record_from_row(row: ThoughtRecordRow) -> ThoughtRecord:
    """A plain record from a thought record row."""
    return ThoughtRecord(
        uid=row.uid,
        session_uid=row.session_uid,
        at=parse_moment(row.at),
        day=date.fromisoformat(row.day),
        situation=row.situation,
        emotions=_emotions(row.emotions),
        thoughts=tuple(json.loads(row.thoughts)),
        hot_thought=row.hot_thought,
        belief=row.belief,
        traps=tuple(json.loads(row.traps)),
        evidence_for=row.evidence_for,
        evidence_against=row.evidence_against,
        balanced=row.balanced,
        balanced_belief=row.balanced_belief,
        emotions_after=_emotions(row.emotions_after),
    )


def thought_record_row(fields: dict[str, Any], **columns: Any) -> ThoughtRecordRow:
    """A row from answer fields (see `practice_answers.thought_record_fields`) and `columns`."""
    encoded = {k: dumps(v) if isinstance(v, list) else v for k, v in fields.items()}
    return ThoughtRecordRow.model_validate({**encoded, **columns})


def thought_records(session: Session, limit: int, before: datetime | None) -> list[ThoughtRecord]:
    """Thought records, newest first, strictly before `before` when given."""
    stmt = select(ThoughtRecordRow)
    if before is not None:
        day, at = local_day(before).isoformat(), format_moment(before)
        stmt = stmt.where(
            or_(
                col(ThoughtRecordRow.day) < day,
                and_(col(ThoughtRecordRow.day) == day, col(ThoughtRecordRow.at) < at),
            )
        )
    stmt = stmt.order_by(
        col(ThoughtRecordRow.day).desc(),
        col(ThoughtRecordRow.at).desc(),
        col(ThoughtRecordRow.id).desc(),
    ).limit(limit)
    return [thought_record_from_row(row) for row in session.scalars(stmt)]


def thought_record_by_uid(session: Session, uid: str) -> ThoughtRecordRow | None:
    """The thought record row with this uid, if any."""
    stmt = select(ThoughtRecordRow).where(col(ThoughtRecordRow.uid) == uid)
    return session.scalars(stmt).first()


# -- pacing plans ------------------------------------------------------------------------------


def plan_rows(session: Session, *, active_only: bool) -> list[PacingPlanRow]:
    """Pacing plans by activity name; active ones first, newest first within a name."""
    stmt = select(PacingPlanRow)
    if active_only:
        stmt = stmt.where(col(PacingPlanRow.active).is_(True))
    stmt = stmt.order_by(
        func.lower(col(PacingPlanRow.activity)),
        col(PacingPlanRow.active).desc(),
        col(PacingPlanRow.id).desc(),
    )
    return list(session.scalars(stmt))


def measurements_of(row: PacingPlanRow) -> tuple[float, ...]:
    """A plan's stored measurements."""
    return tuple(json.loads(row.measurements))


def deactivate_plans(session: Session, uids: Sequence[str], stamp: str) -> None:
    """Mark plans as no longer active."""
    if uids:
        session.execute(
            update(PacingPlanRow)
            .where(col(PacingPlanRow.uid).in_(uids))
            .values(active=False, updated_at=stamp)
        )
        session.flush()


def minutes_by_name_on(session: Session, day: date) -> dict[str, int]:
    """Activity minutes per name logged on one local day (summed in SQL)."""
    stmt = (
        select(col(ActivityRow.name), func.sum(col(ActivityRow.minutes)))
        .where(col(ActivityRow.day) == day.isoformat())
        .group_by(col(ActivityRow.name))
    )
    return {name: int(total or 0) for name, total in session.execute(stmt).all()}


# -- goals -------------------------------------------------------------------------------------


def goal_from_row(row: GoalRow) -> Goal:
    """A plain goal from its row."""
    return Goal(
        uid=row.uid,
        text=row.text,
        created_day=date.fromisoformat(row.day),
        done_at=parse_moment(row.done_at) if row.done_at else None,
    )


def open_goals(session: Session) -> list[Goal]:
    """Goals not yet done, oldest first (the order they were set)."""
    stmt = (
        select(GoalRow)
        .where(col(GoalRow.done_at).is_(None))
        .order_by(col(GoalRow.day), col(GoalRow.created_at), col(GoalRow.id))
    )
    return [goal_from_row(row) for row in session.scalars(stmt)]


def goal_by_uid(session: Session, uid: str) -> GoalRow | None:
    """The goal row with this uid, if any."""
    return session.scalars(select(GoalRow).where(col(GoalRow.uid) == uid)).first()


# -- one setting -------------------------------------------------------------------------------


def get_setting(session: Session, key: str) -> object | None:
    """One stored setting, decoded from JSON (None when it is not set)."""
    row = session.get(SettingRow, key)
    return setting_value(None if row is None else row.value)
