"""A journal with something in every table, for the export, import, report and backup tests."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from paincoach.core import paths
from paincoach.db.engine import Database
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.records.review import WeeklyAnswers
from paincoach.review.weekly_check import WeeklyChecks
from paincoach.transfer.export import sections
from tests.practice_support import (
    FLARE,
    GOAL,
    THOUGHTS,
    drive,
    made_result,
    open_practice,
    plan_session,
    run_through,
    runner,
    timer_session,
)
from tests.storage_support import local
from tests.support import NOW, fixed_clock

TODAY = NOW.date()
FIRST = TODAY - timedelta(days=41)  # six weeks of entries, ending today


def fill_home(home: Path) -> None:
    """Six weeks of check-ins and activities, and one of each kind of practice record."""
    practice = open_practice(home)
    journal = practice.journal
    for offset in range(42):
        day = FIRST + timedelta(days=offset)
        if offset % 9 == 4:
            continue  # a day without entries
        pain = 7 - offset // 8  # falls over the weeks
        journal.add_checkin(
            CheckInDraft(
                at=local(day, 8, 30),
                pain=max(pain, 1),
                mood=min(3 + offset // 7, 10),
                sleep=None if offset % 5 == 0 else 5,
                areas=("lower back", "neck") if offset % 2 else ("lower back",),
                tags=("cold",) if offset % 3 == 0 else (),
                note=f"morning {offset}: stiff, “ok” = fine" if offset % 4 == 0 else "",
            )
        )
        journal.add_activity(
            ActivityDraft(
                at=local(day, 10 + offset % 3),
                name="walk" if offset % 2 else "Gärtnern",
                minutes=10 + offset,
                effort=offset % 11,
                paced=offset % 2 == 0,
                note="=SUM(A1)" if offset == 39 else "",
            )
        )
    # an evening check-in logged in New York: its day is the one lived there
    journal.add_checkin(
        CheckInDraft(at=local(TODAY - timedelta(days=2), 23, 30, "America/New_York"), pain=4)
    )
    r = runner("thought-record", start=NOW - timedelta(days=3))
    drive(r, THOUGHTS)
    practice.save_session(r.result())
    r = runner("smart-goal", start=NOW - timedelta(days=10))
    drive(r, GOAL)
    goal = practice.save_session(r.result())
    assert goal.goal_uid
    practice.complete_goal(goal.goal_uid)
    practice.save_session(made_result("flare_plan", dict(FLARE)))
    practice.save_session(plan_session("walk", [20, 25, 30], start=TODAY - timedelta(days=20)))
    practice.save_session(timer_session("walk", 12))
    for days_ago, before, after in ((1, 7, 4), (8, 6, 5)):
        r = runner("breathing-box", start=NOW - timedelta(days=days_ago))
        r.set_before(before)
        run_through(r)
        r.set_after(after)
        practice.save_session(r.result())
    checks = WeeklyChecks(practice.db, fixed_clock)
    for weeks_ago, answers in ((5, (7, 6, 7)), (2, (6, 5, 5)), (0, (5, 4, 4))):
        at = local(TODAY - timedelta(days=7 * weeks_ago), 19)
        checks.record(WeeklyAnswers(*answers), at, week_start=0)
    add_course_steps(practice.db)
    practice.db.close()


#: Course steps in a filled journal: (action, week, days before today).
COURSE_STEPS = (("start", 1, 15), ("week", 2, 8), ("pause", None, 1))


def add_course_steps(db: Database) -> None:
    """The eight-week course, started 15 days ago, moved on a week later, paused yesterday."""
    from paincoach.db import course_repository
    from paincoach.records.course_line import CourseEvent

    with db.write() as session:
        for index, (action, week, days) in enumerate(COURSE_STEPS):
            at = local(TODAY - timedelta(days=days), 20)
            uid = str(uuid.UUID(int=7 << 64 | index))
            event = CourseEvent(uid, "eight-weeks", action, week, at)  # type: ignore[arg-type]
            course_repository.add_event(session, event)
        session.commit()


def table_counts(db_path: Path) -> dict[str, int]:
    """Rows in every record table."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return {
            section: conn.execute(f"SELECT count(*) FROM {section}").fetchone()[0]
            for section in sections()
        }
    finally:
        conn.close()


def normalised(document: dict[str, Any]) -> dict[str, Any]:
    """An export without its time of export, every section sorted by uid."""
    found = {k: v for k, v in document.items() if k != "exported_at"}
    for section in sections():
        found[section] = sorted(found[section], key=lambda record: record["uid"])
    return found


def day_of(moment: datetime) -> date:
    """The local day of a moment (its own wall-clock date)."""
    return moment.date()


def db_path(home: Path) -> Path:
    """The journal file in `home`."""
    return paths.database_path(home)
