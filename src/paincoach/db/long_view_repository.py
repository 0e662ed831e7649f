"""The long view's queries: day means and month figures, aggregated in SQL.

Check-ins are grouped by their stored local `day` (indexed) in SQLite, and months by the
day's first seven characters, so the rows that come back are one per day or one per month:
a year costs the same after ten years of entries as after one, and all time costs one row
per month. A month's figures are means of **day means** (records/long_view).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from paincoach.records.long_view import MEASURES, DayMeans, EventKind, MarkedEvent, Spread

_DAY_MEANS = """
    SELECT day, count(*) AS checkins, avg(pain) AS pain, avg(mood) AS mood, avg(sleep) AS sleep
    FROM checkins WHERE day BETWEEN :lo AND :hi GROUP BY day
"""

_MONTHS = f"""
    SELECT substr(day, 1, 7) AS month, count(*) AS days,
        {", ".join(f"avg({m}), min({m}), max({m}), count({m})" for m in MEASURES)}
    FROM ({_DAY_MEANS}) GROUP BY month ORDER BY month
"""


def day_means(session: Session, first: date, last: date) -> dict[date, DayMeans]:
    """Each day from `first` to `last` that has a check-in, with its means (one row a day)."""
    rows = session.execute(text(_DAY_MEANS), _span(first, last))
    return {
        date.fromisoformat(day): DayMeans(date.fromisoformat(day), count, pain, mood, sleep)
        for day, count, pain, mood, sleep in rows
    }


def month_figures(
    session: Session, first: date, last: date
) -> dict[str, tuple[int, dict[str, Spread | None]]]:
    """Per month "YYYY-MM" from `first` to `last`: days logged, and each measure's spread."""
    found: dict[str, tuple[int, dict[str, Spread | None]]] = {}
    for month, days, *figures in session.execute(text(_MONTHS), _span(first, last)):
        spreads: dict[str, Spread | None] = {}
        for index, measure in enumerate(MEASURES):
            mean, lowest, highest, count = figures[index * 4 : index * 4 + 4]
            spreads[measure] = Spread(mean, lowest, highest, count) if count else None
        found[month] = (days, spreads)
    return found


def activity_minutes_by_day(session: Session, first: date, last: date) -> dict[date, int]:
    """Activity minutes of each day from `first` to `last` that has any (one row a day)."""
    rows = session.execute(
        text("SELECT day, sum(minutes) FROM activities WHERE day BETWEEN :lo AND :hi GROUP BY day"),
        _span(first, last),
    )
    return {date.fromisoformat(day): int(minutes or 0) for day, minutes in rows}


def activity_minutes_by_month(session: Session, first: date, last: date) -> dict[str, int]:
    """Activity minutes of each month "YYYY-MM" from `first` to `last` (one row a month)."""
    rows = session.execute(
        text(
            "SELECT substr(day, 1, 7), sum(minutes) FROM activities "
            "WHERE day BETWEEN :lo AND :hi GROUP BY 1"
        ),
        _span(first, last),
    )
    return {month: int(minutes or 0) for month, minutes in rows}


def first_checkin_day(session: Session) -> date | None:
    """The earliest day with a check-in (the start of the `day` index)."""
    day = session.execute(text("SELECT min(day) FROM checkins")).scalar_one()
    return date.fromisoformat(day) if day else None


def known_events(session: Session, first: date, last: date) -> list[MarkedEvent]:
    """What paincoach itself knows happened from `first` to `last`.

    Regular treatments started and stopped, pacing plans started, and course weeks begun.
    """
    span = _span(first, last)
    found: list[MarkedEvent] = []

    def mark(day: str, kind: EventKind, title: str) -> None:
        if span["lo"] <= day <= span["hi"]:
            found.append(MarkedEvent(date.fromisoformat(day), kind, title))

    for name, start, stop in session.execute(
        text("SELECT name, start_day, stop_day FROM treatments")
    ):
        mark(start, "treatment-start", f"Started {name}")
        if stop:
            mark(stop, "treatment-stop", f"Stopped {name}")
    plans = "SELECT activity, start_day FROM pacing_plans WHERE start_day BETWEEN :lo AND :hi"
    for activity, start in session.execute(text(plans), span):
        mark(start, "pacing-plan", f"Pacing plan: {activity}")
    weeks = (
        "SELECT day, week, action FROM course_events "
        "WHERE day BETWEEN :lo AND :hi AND action IN ('start', 'week') ORDER BY day, at"
    )
    for day, week, action in session.execute(text(weeks), span):
        mark(day, "course-week", f"Course week {1 if action == 'start' else week}")
    return found


def _span(first: date, last: date) -> dict[str, Any]:
    return {"lo": first.isoformat(), "hi": last.isoformat()}
