"""Queries for the person's own marked events ('started physiotherapy').

A person marks a few days a year, so `every_event` reads them all; the long view asks only
for a span (`own_events_between`, on the `day` index), so its cost does not grow with years.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from paincoach.db.models import MarkedEventRow
from paincoach.records.long_view import MarkedEvent


def event_from_row(row: MarkedEventRow) -> MarkedEvent:
    """A stored marked event as the long view's plain record (kind "own", uid set)."""
    return MarkedEvent(day=date.fromisoformat(row.day), kind="own", title=row.title, uid=row.uid)


def add_event(
    session: Session, *, uid: str, day: date, title: str, note: str = "", stamp: str
) -> MarkedEvent:
    """Keep one marked event (checked by the caller, who commits)."""
    row = MarkedEventRow(
        uid=uid, day=day.isoformat(), title=title, note=note, created_at=stamp, updated_at=stamp
    )
    session.add(row)
    session.flush()
    return event_from_row(row)


def remove_event(session: Session, uid: str) -> MarkedEvent | None:
    """Delete the marked event with this uid; what it was, or None when it is gone already."""
    row = session.exec(select(MarkedEventRow).where(col(MarkedEventRow.uid) == uid)).first()
    if row is None:
        return None
    session.delete(row)
    session.flush()
    return event_from_row(row)


def own_events_between(session: Session, first: date, last: date) -> list[MarkedEvent]:
    """The person's events from `first` to `last` (local days, both included), oldest first."""
    rows = session.exec(
        select(MarkedEventRow)
        .where(col(MarkedEventRow.day) >= first.isoformat())
        .where(col(MarkedEventRow.day) <= last.isoformat())
        .order_by(col(MarkedEventRow.day), col(MarkedEventRow.id))
    ).all()
    return [event_from_row(row) for row in rows]


def every_event(session: Session) -> list[MarkedEvent]:
    """Every marked event, oldest first (by day, then as they were added)."""
    rows = session.exec(
        select(MarkedEventRow).order_by(col(MarkedEventRow.day), col(MarkedEventRow.id))
    ).all()
    return [event_from_row(row) for row in rows]
