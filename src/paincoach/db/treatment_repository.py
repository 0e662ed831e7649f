"""Queries for regular treatments and the doses taken.

The regular list is short (a person's medicines and therapies), so it is read whole. Doses
are read by day only (the `day, at` index), so every query costs the same after ten years.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from paincoach.core.when import format_moment
from paincoach.db.day_rows import dose_from_row as dose_from_row
from paincoach.db.models import DoseRow, TreatmentRow
from paincoach.records.treatments import Dose, Treatment


def treatment_from_row(row: TreatmentRow) -> Treatment:
    """A stored treatment as a plain record."""
    return Treatment(
        uid=row.uid,
        name=row.name,
        kind=row.kind,  # type: ignore[arg-type]  # the table's CHECK keeps it one of the two
        dose=row.dose,
        how_often=row.how_often,
        as_needed=bool(row.as_needed),
        start=date.fromisoformat(row.start_day),
        stop=date.fromisoformat(row.stop_day) if row.stop_day else None,
        stop_why=row.stop_why,  # type: ignore[arg-type]  # CHECK: one of STOP_REASONS
        stop_note=row.stop_note,
    )


def treatment_rows(session: Session, *, active_only: bool) -> Sequence[TreatmentRow]:
    """The regular treatments, oldest start first (only those still used if `active_only`)."""
    query = select(TreatmentRow)
    if active_only:
        query = query.where(col(TreatmentRow.stop_day).is_(None))
    return session.exec(query.order_by(col(TreatmentRow.start_day), col(TreatmentRow.id))).all()


def add_dose(session: Session, dose: Dose, *, stamp: str) -> DoseRow:
    """Keep one dose (the caller commits)."""
    row = DoseRow(
        uid=dose.uid,
        name=dose.name,
        dose=dose.dose,
        at=format_moment(dose.at),
        day=dose.day.isoformat(),
        relief=dose.relief,
        side_effects=dose.side_effects,
        note=dose.note,
        rated_at=format_moment(dose.rated_at) if dose.rated_at else None,
        asked=dose.asked,
        created_at=stamp,
    )
    session.add(row)
    return row


def dose_row(session: Session, uid: str) -> DoseRow | None:
    """The dose with this uid, if there is one."""
    return session.exec(select(DoseRow).where(col(DoseRow.uid) == uid)).first()


def doses_between(session: Session, first: date, last: date) -> list[Dose]:
    """Every dose from `first` to `last` (local days), oldest first."""
    rows = session.exec(
        select(DoseRow)
        .where(col(DoseRow.day) >= first.isoformat())
        .where(col(DoseRow.day) <= last.isoformat())
        .order_by(col(DoseRow.day), col(DoseRow.at), col(DoseRow.id))
    ).all()
    return [dose_from_row(row) for row in rows]


def name_counts(session: Session, first: date, last: date) -> list[tuple[str, int, str]]:
    """(name, doses, newest moment) for each name as stored, from `first` to `last`."""
    rows = session.exec(
        select(col(DoseRow.name), func.count(), func.max(col(DoseRow.at)))
        .where(col(DoseRow.day) >= first.isoformat())
        .where(col(DoseRow.day) <= last.isoformat())
        .group_by(col(DoseRow.name))
    ).all()
    return [(name, int(count), str(newest)) for name, count, newest in rows]


def any_dose(session: Session) -> bool:
    """Whether any dose was ever kept."""
    return session.exec(select(col(DoseRow.id)).limit(1)).first() is not None


def newest_dose_row(session: Session) -> DoseRow | None:
    """The dose saved last (saved order, whatever its moment)."""
    return session.exec(select(DoseRow).order_by(col(DoseRow.id).desc()).limit(1)).first()


def dose_counts(session: Session, first: date, last: date) -> dict[date, int]:
    """How many doses each day from `first` to `last` has (days with none left out)."""
    rows = session.execute(
        select(col(DoseRow.day), func.count())
        .where(col(DoseRow.day).between(first.isoformat(), last.isoformat()))
        .group_by(col(DoseRow.day))
    ).all()
    return {date.fromisoformat(day): int(count) for day, count in rows}
