"""Queries for the changes made to pacing plans, and the days that may follow a flare.

Changes are read per plan (the `plan_uid, day` index). The flare signs are read for a few
weeks before today only (the `day` indexes), so they cost the same after ten years.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, col, select

from paincoach.core.when import format_moment
from paincoach.db.day_rows import changes_by_plan, pain_and_tags
from paincoach.db.models import CheckInRow, PacingChangeRow
from paincoach.records.pacing import PlanChange


def changes_of(session: Session, plan_uids: Collection[str]) -> dict[str, tuple[PlanChange, ...]]:
    """Each plan's changes, oldest first (ties in the order they were saved)."""
    if not plan_uids:
        return {}
    rows = session.exec(
        select(PacingChangeRow)
        .where(col(PacingChangeRow.plan_uid).in_(list(plan_uids)))
        .order_by(col(PacingChangeRow.day), col(PacingChangeRow.at), col(PacingChangeRow.id))
    ).all()
    return changes_by_plan(rows)


def add_change(session: Session, plan_uid: str, change: PlanChange) -> None:
    """Keep one change (the caller commits); `change.at` is required."""
    assert change.at is not None, "a change is saved with its moment"
    session.add(
        PacingChangeRow(
            uid=change.uid,
            plan_uid=plan_uid,
            kind=change.kind,
            value=change.value,
            reason=change.reason,
            at=format_moment(change.at),
            day=change.on.isoformat(),
        )
    )


def delete_change(session: Session, uid: str) -> None:
    """Forget one change (an undo; the caller commits)."""
    session.execute(delete(PacingChangeRow).where(col(PacingChangeRow.uid) == uid))


def checkin_pain_and_tags(
    session: Session, first: date, last: date
) -> list[tuple[date, int, tuple[str, ...]]]:
    """(day, pain, tags) of each check-in from `first` to `last`."""
    rows = session.exec(
        select(col(CheckInRow.day), col(CheckInRow.pain), col(CheckInRow.tags))
        .where(col(CheckInRow.day) >= first.isoformat())
        .where(col(CheckInRow.day) <= last.isoformat())
    ).all()
    return pain_and_tags(rows)
