"""Queries over the journal tables; rows go in, plain records come out.

Figures are aggregated in SQL by the stored local `day`, bounded by the date range asked
for, so that a screen costs the same after ten years of entries as after one week.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import (
    LargeBinary,
    Select,
    cast,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    union,
)
from sqlmodel import Session, col

from paincoach.db.checkin_days import day_or_none
from paincoach.db.day_rows import dose_from_row, figures_by_day
from paincoach.db.entry_rows import activity_fields, activity_from_row, checkin_from_row
from paincoach.db.models import ActivityRow, CheckInRow, DoseRow, SettingRow
from paincoach.db.names import known_activity
from paincoach.records.entries import Activity, ActivityDraft, CheckIn, DayFigures
from paincoach.records.treatments import Dose


def insert_activity(session: Session, draft: ActivityDraft, *, uid: str, stamp: str) -> Activity:
    """Add an activity inside the caller's transaction (e.g. one a pacing session logs).

    Its name is saved as the journal already spells that activity (one name, one activity).
    """
    named = replace(draft, name=known_activity(session, draft.name))
    row = ActivityRow(uid=uid, created_at=stamp, updated_at=stamp, **activity_fields(named))
    session.add(row)
    session.flush()
    return activity_from_row(row)


def checkins_on(session: Session, day: date) -> list[CheckIn]:
    """Check-ins of one local day, oldest first."""
    stmt = select(CheckInRow).where(CheckInRow.day == day.isoformat()).order_by(CheckInRow.at)  # type: ignore[arg-type]
    return [checkin_from_row(row) for row in session.scalars(stmt)]


def activities_on(session: Session, day: date) -> list[Activity]:
    """Activities of one local day, oldest first."""
    stmt = select(ActivityRow).where(ActivityRow.day == day.isoformat()).order_by(ActivityRow.at)  # type: ignore[arg-type]
    return [activity_from_row(row) for row in session.scalars(stmt)]


def daily_figures(session: Session, first: date, last: date) -> dict[date, DayFigures]:
    """Per-day figures for the days from `first` to `last` that have entries (SQL GROUP BY day)."""
    lo, hi = first.isoformat(), last.isoformat()
    pain_rows = session.execute(
        select(
            col(CheckInRow.day),
            func.count(),
            func.avg(CheckInRow.pain),
            func.min(CheckInRow.pain),
            func.max(CheckInRow.pain),
            func.avg(CheckInRow.mood),
            func.min(CheckInRow.mood),
            func.max(CheckInRow.mood),
            func.avg(CheckInRow.sleep),
        )
        .where(col(CheckInRow.day).between(lo, hi))
        .group_by(col(CheckInRow.day))
    ).all()
    activity_rows = session.execute(
        select(col(ActivityRow.day), func.count(), func.sum(ActivityRow.minutes))
        .where(col(ActivityRow.day).between(lo, hi))
        .group_by(col(ActivityRow.day))
    ).all()
    return figures_by_day(pain_rows, activity_rows)


def days_with_entries(session: Session, before: date | None, limit: int) -> list[date]:
    """Up to `limit` days that have any entry, newest first, strictly before `before`.

    Each table gives only its own newest `limit` days (read backwards from its `day`
    index), so a page costs the same after ten years as after one month.
    """
    both = union(
        _newest_days(col(CheckInRow.day), before, limit),
        _newest_days(col(ActivityRow.day), before, limit),
        _newest_days(col(DoseRow.day), before, limit),  # a day with only a dose is a day too
    ).subquery()
    stmt = select(both.c.day).order_by(both.c.day.desc()).limit(limit)
    return [date.fromisoformat(text) for text in session.scalars(stmt)]


def _newest_days(day: Any, before: date | None, limit: int) -> Select[tuple[str]]:
    days = select(day.label("day")).distinct()
    if before is not None:
        days = days.where(day < before.isoformat())
    newest = days.order_by(day.desc()).limit(limit).subquery()
    return select(newest.c.day)


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _any_label_like(column: str, pattern: str) -> Any:
    """True when one of the labels in a JSON list column matches `pattern`.

    Matching the column's text would also match its JSON syntax: '[' or '"' would find
    every check-in, and a tag's quotes would be searched in their escaped form.
    """
    each = func.json_each(literal_column(f"checkins.{column}")).table_valued("value")
    return exists(
        select(literal_column("1")).select_from(each).where(each.c.value.like(pattern, escape="\\"))
    )


_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _found_in(term: str, *texts: str) -> bool:
    """LIKE's own matching in Python: `term` within a text, ASCII letters in either case."""
    folded = term.translate(_ASCII_FOLD)
    return any(folded in text.translate(_ASCII_FOLD) for text in texts)


def _holds_nul(column: Any) -> Any:
    """True for a text with a NUL in it (compared as bytes: text functions stop at a NUL)."""
    return func.instr(cast(column, LargeBinary), literal(b"\x00", LargeBinary)) > 0


def _label_holds_nul(column: str) -> Any:
    """True when a JSON list of labels has a NUL in one of them (JSON writes it `\\u0000`)."""
    return func.instr(literal_column(f"checkins.{column}"), "\\u0000") > 0


def _newest(rows: list[Any], limit: int) -> list[Any]:
    """`rows` without repeats, newest first (the order the searches use), at most `limit`."""
    unique = {row.uid: row for row in rows}.values()
    return sorted(unique, key=lambda row: (row.day, row.at), reverse=True)[:limit]


def search_checkins(session: Session, term: str, limit: int) -> list[CheckIn]:
    """Check-ins whose note, tags or areas contain `term`, newest first.

    SQLite's LIKE reads a text only up to a NUL, which paincoach no longer accepts but an
    older journal may hold: those few check-ins are matched in Python instead.
    """
    nul = select(CheckInRow).where(
        or_(
            _holds_nul(CheckInRow.note),
            _label_holds_nul("tags"),
            _label_holds_nul("areas"),
        )
    )
    odd = [
        row
        for row in session.scalars(nul)
        if _found_in(term, row.note, *json.loads(row.tags), *json.loads(row.areas))
    ]
    return [
        checkin_from_row(row)
        for row in _newest([*_like_checkins(session, term, limit), *odd], limit)
    ]


def _like_checkins(session: Session, term: str, limit: int) -> list[CheckInRow]:
    pattern = _like(term)
    stmt = (
        select(CheckInRow)
        .where(
            or_(
                CheckInRow.note.like(pattern, escape="\\"),  # type: ignore[attr-defined]
                _any_label_like("tags", pattern),
                _any_label_like("areas", pattern),
            )
        )
        .order_by(CheckInRow.day.desc(), CheckInRow.at.desc())  # type: ignore[attr-defined]
        .limit(limit)
    )
    return list(session.scalars(stmt))


def search_activities(session: Session, term: str, limit: int) -> list[Activity]:
    """Activities whose name or note contains `term`, newest first (NUL: `search_checkins`)."""
    nul = select(ActivityRow).where(or_(_holds_nul(ActivityRow.note), _holds_nul(ActivityRow.name)))
    odd = [row for row in session.scalars(nul) if _found_in(term, row.note, row.name)]
    rows = _newest([*_like_activities(session, term, limit), *odd], limit)
    return [activity_from_row(row) for row in rows]


def _like_activities(session: Session, term: str, limit: int) -> list[ActivityRow]:
    pattern = _like(term)
    stmt = (
        select(ActivityRow)
        .where(
            or_(
                ActivityRow.note.like(pattern, escape="\\"),  # type: ignore[attr-defined]
                ActivityRow.name.like(pattern, escape="\\"),  # type: ignore[attr-defined]
            )
        )
        .order_by(ActivityRow.day.desc(), ActivityRow.at.desc())  # type: ignore[attr-defined]
        .limit(limit)
    )
    return list(session.scalars(stmt))


def search_doses(session: Session, term: str, limit: int) -> list[Dose]:
    """Doses whose name or note contains `term`, newest first (NUL: `search_checkins`)."""
    nul = select(DoseRow).where(or_(_holds_nul(DoseRow.note), _holds_nul(DoseRow.name)))
    odd = [row for row in session.scalars(nul) if _found_in(term, row.note, row.name)]
    pattern = _like(term)
    stmt = (
        select(DoseRow)
        .where(
            or_(
                col(DoseRow.note).like(pattern, escape="\\"),
                col(DoseRow.name).like(pattern, escape="\\"),
            )
        )
        .order_by(col(DoseRow.day).desc(), col(DoseRow.at).desc())
        .limit(limit)
    )
    return [dose_from_row(row) for row in _newest([*session.scalars(stmt), *odd], limit)]


def recent_activity_names(session: Session, limit: int) -> list[str]:
    """Activity names used before, most recently used first."""
    stmt = (
        select(col(ActivityRow.name))
        .group_by(col(ActivityRow.name))
        .order_by(func.max(ActivityRow.at).desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))


def used_labels(session: Session, column: str, limit: int) -> list[str]:
    """Pain areas or tags used before (`column` is 'areas' or 'tags'), most used first."""
    if column not in ("areas", "tags"):
        raise ValueError(column)
    each = func.json_each(literal_column(f"checkins.{column}")).table_valued("value")
    stmt = (
        select(each.c.value)
        .select_from(CheckInRow)
        .join(each, literal_column("1") == literal_column("1"))
        .group_by(each.c.value)
        .order_by(func.count().desc(), each.c.value)
        .limit(limit)
    )
    return [str(value) for value in session.scalars(stmt)]


def get_settings(session: Session) -> dict[str, object]:
    """Every stored setting, decoded from JSON (a value that is not JSON is left out)."""
    found: dict[str, object] = {}
    for row in session.scalars(select(SettingRow)):
        try:
            found[row.key] = json.loads(row.value)
        except ValueError:
            continue  # damaged: the setting falls back to its default
    return found


def put_settings(session: Session, values: dict[str, object]) -> None:
    """Store the given settings (others stay as they are)."""
    for key, value in values.items():
        session.merge(SettingRow(key=key, value=json.dumps(value, ensure_ascii=False)))


def latest_checkin_day(session: Session) -> date | None:
    """The newest local day with a check-in (what the day stamp must say), or None."""
    return day_or_none(session.scalar(select(func.max(col(CheckInRow.day)))))


def rows_by_uid(session: Session, uid: str) -> Sequence[CheckInRow | ActivityRow]:
    """The check-in or activity with this uid (empty when there is none)."""
    found: list[CheckInRow | ActivityRow] = []
    found.extend(session.scalars(select(CheckInRow).where(CheckInRow.uid == uid)))  # type: ignore[arg-type]
    found.extend(session.scalars(select(ActivityRow).where(ActivityRow.uid == uid)))  # type: ignore[arg-type]
    return found
