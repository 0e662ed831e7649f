"""Queries for the changes made to pacing plans, and the days that may follow a flare.

Changes are read per plan (the `plan_uid, day` index). The flare signs are read for a few
weeks before today only (the `day` indexes), so they cost the same after ten years.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, col, select

from paincoach.core.when import format_moment, parse_moment
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
    found: dict[str, list[PlanChange]] = {}
    for row in rows:
        found.setdefault(row.plan_uid, []).append(
            PlanChange(
                row.kind,  # type: ignore[arg-type]  # the table's CHECK keeps it one of the four
                date.fromisoformat(row.day),
                row.value,
                row.reason,
                row.uid,
                parse_moment(row.at),
            )
        )
    return {uid: tuple(changes) for uid, changes in found.items()}


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
    return [(date.fromisoformat(day), pain, tuple(json.loads(tags))) for day, pain, tags in rows]
