"""What `paincoach today` reads, through the standard library's `sqlite3` (see `db.quick`).

Each query is the one the ORM path runs (`repository.checkins_on`, `activities_on`,
`daily_figures`, `practice_repository.sessions_on`, `treatment_repository.doses_between`,
`course_repository.events` and `finished_sessions`, `pacing_repository.checkin_pain_and_tags`,
`practice_repository.get_setting`), and its rows become records through the same mappings
(`db.entry_rows`, `db.day_rows`). Every read is bounded by a day or two, or by the handful
of course events, so it costs the same after ten years.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import date, datetime
from typing import TYPE_CHECKING

from paincoach.core.when import parse_moment
from paincoach.db.day_rows import (
    dose_from_row,
    figures_by_day,
    pain_and_tags,
    setting_value,
    sorted_events,
    summary_from_row,
)
from paincoach.db.entry_rows import activity_from_row, checkin_from_row
from paincoach.db.quick import rows_of

if TYPE_CHECKING:  # names only (the mappings load them when there is something to map)
    from paincoach.records.course_line import CourseEvent
    from paincoach.records.entries import Activity, CheckIn, DayFigures
    from paincoach.records.practice import SessionSummary
    from paincoach.records.treatments import Dose


def checkins_on(conn: sqlite3.Connection, day: date) -> list[CheckIn]:
    """Check-ins of one local day, oldest first."""
    rows = rows_of(conn, "SELECT * FROM checkins WHERE day = ? ORDER BY at", (day.isoformat(),))
    return [checkin_from_row(row) for row in rows]


def activities_on(conn: sqlite3.Connection, day: date) -> list[Activity]:
    """Activities of one local day, oldest first."""
    rows = rows_of(conn, "SELECT * FROM activities WHERE day = ? ORDER BY at", (day.isoformat(),))
    return [activity_from_row(row) for row in rows]


def daily_figures(conn: sqlite3.Connection, first: date, last: date) -> dict[date, DayFigures]:
    """Per-day figures from `first` to `last` for the days that have entries (GROUP BY day)."""
    span = (first.isoformat(), last.isoformat())
    pain_rows = conn.execute(
        "SELECT day, count(*), avg(pain), min(pain), max(pain), avg(mood), min(mood), "
        "max(mood), avg(sleep) FROM checkins WHERE day BETWEEN ? AND ? GROUP BY day",
        span,
    ).fetchall()
    activity_rows = conn.execute(
        "SELECT day, count(*), sum(minutes) FROM activities WHERE day BETWEEN ? AND ? GROUP BY day",
        span,
    ).fetchall()
    return figures_by_day(pain_rows, activity_rows)


def sessions_on(conn: sqlite3.Connection, day: date) -> list[SessionSummary]:
    """One local day's exercise sessions, oldest first."""
    rows = rows_of(
        conn,
        "SELECT * FROM exercise_sessions WHERE day = ? ORDER BY started_at, id",
        (day.isoformat(),),
    )
    return [summary_from_row(row) for row in rows]


def doses_between(conn: sqlite3.Connection, first: date, last: date) -> list[Dose]:
    """Every dose from `first` to `last` (local days), oldest first."""
    rows = rows_of(
        conn,
        "SELECT * FROM doses WHERE day >= ? AND day <= ? ORDER BY day, at, id",
        (first.isoformat(), last.isoformat()),
    )
    return [dose_from_row(row) for row in rows]


def course_events(conn: sqlite3.Connection) -> list[CourseEvent]:
    """Every course event, oldest first (ties in the order they were saved)."""
    return sorted_events(rows_of(conn, "SELECT * FROM course_events ORDER BY id"))


def finished_sessions(
    conn: sqlite3.Connection, exercise_ids: Collection[str], since: date
) -> list[tuple[str, datetime]]:
    """(exercise id, start) of every finished session of these exercises from `since` on."""
    if not exercise_ids:
        return []
    ids = list(exercise_ids)
    marks = ", ".join("?" for _ in ids)
    rows = conn.execute(
        "SELECT exercise_id, started_at FROM exercise_sessions "
        f"WHERE day >= ? AND completed = 1 AND exercise_id IN ({marks})",
        (since.isoformat(), *ids),
    )
    return [(exercise_id, parse_moment(started)) for exercise_id, started in rows]


def checkin_pain_and_tags(
    conn: sqlite3.Connection, first: date, last: date
) -> list[tuple[date, int, tuple[str, ...]]]:
    """(day, pain, tags) of each check-in from `first` to `last`."""
    rows = conn.execute(
        "SELECT day, pain, tags FROM checkins WHERE day >= ? AND day <= ?",
        (first.isoformat(), last.isoformat()),
    )
    return pain_and_tags(rows)


def get_setting(conn: sqlite3.Connection, key: str) -> object | None:
    """One stored setting, decoded from JSON (None when it is not set)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return setting_value(None if row is None else row[0])
