"""`paincoach today`'s facts read through `db.quick` (no ORM), as the full path reads them.

Each part is the full path's query and mapping (`db.quick_day`) and its logic, shared with
the services: the pacing views and the offer after a flare (`practice.plan_views`), the
course line (`course_fold.today_line`, from the bundled courses' outlines when nothing could
differ from checking the files, else from the course files alone).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from paincoach.db import quick_day
from paincoach.db.quick import QuickStore
from paincoach.exercises.course_outline import outline_shelf
from paincoach.practice.course_fold import today_line
from paincoach.practice.plan_views import quick_flare_offer, quick_plans
from paincoach.records.days import DayEntries
from paincoach.records.entries import DayFigures
from paincoach.records.today import TodayFacts

if TYPE_CHECKING:
    from paincoach.practice.course_fold import ShelfLike


def quick_today(store: QuickStore, home: Path, today: date) -> TodayFacts:
    """Everything `paincoach today` shows, read through `sqlite3` alone."""
    with store.read() as conn:
        entries = DayEntries(
            today,
            tuple(quick_day.checkins_on(conn, today)),
            tuple(quick_day.activities_on(conn, today)),
        ).entries
        figures = quick_day.daily_figures(conn, today, today).get(today, DayFigures(today))
        sessions = quick_day.sessions_on(conn, today)
        doses = quick_day.doses_between(conn, today, today)
    plans = quick_plans(store, today)
    sign = quick_flare_offer(store, today) if plans else None
    shelf: ShelfLike | None = outline_shelf(home)
    if shelf is None:
        from paincoach.exercises.courses import load_courses  # the checker, and tomllib

        shelf = load_courses(None, home, None)
    with store.read() as conn:
        course = today_line(
            shelf,
            quick_day.course_events(conn),
            lambda ids, since: quick_day.finished_sessions(conn, ids, since),
        )
    return TodayFacts(
        today,
        entries,
        figures,
        sessions,
        doses,
        plans,
        None if sign is None else sign.what,
        course,
    )
