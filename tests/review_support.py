"""Helpers for the week summary, insight and weekly-check tests: journals built row by row."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from paincoach.db.engine import Database
from paincoach.db.models import ExerciseSessionRow, PacingPlanRow, ThoughtRecordRow
from paincoach.journal.service import Journal
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.settings import Settings, save_settings
from tests.storage_support import LOCAL
from tests.support import fixed_clock

#: A Monday, 16 November 2026 (ISO week 47), and the days around it.
MON = date(2026, 11, 16)


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """`day` at `hour:minute`, London time."""
    return datetime.combine(day, time(hour, minute), tzinfo=LOCAL)


def stamp(day: date) -> str:
    """A stored moment on `day`."""
    return at(day).isoformat(timespec="seconds")


class Book:
    """A journal to fill with known entries."""

    def __init__(self, home: Path, week_start: int = 0) -> None:
        self.db = Database.open(home)
        self.journal = Journal(self.db, fixed_clock)
        if week_start:
            save_settings(self.db, Settings(week_start=week_start))

    def checkin(
        self,
        day: date,
        pain: int,
        mood: int | None = None,
        sleep: int | None = None,
        hour: int = 9,
    ) -> None:
        """A check-in on `day`."""
        # Test histories are deliberate, in any order and at any date: as if confirmed.
        self.journal.add_checkin(CheckInDraft(at(day, hour), pain, mood, sleep), confirmed=True)

    def activity(self, day: date, minutes: int, name: str = "walk", hour: int = 11) -> None:
        """An activity on `day`."""
        self.journal.add_activity(ActivityDraft(at(day, hour), name, minutes), confirmed=True)

    def days(
        self,
        first: date,
        pains: Sequence[int | None],
        moods: Sequence[int | None] | None = None,
        minutes: Sequence[int | None] | None = None,
    ) -> None:
        """One day per item from `first`: a check-in (if pain) and an activity (if minutes)."""
        for i, pain in enumerate(pains):
            day = first + timedelta(days=i)
            if pain is not None:
                self.checkin(day, pain, moods[i] if moods else None)
            if minutes and minutes[i]:
                self.activity(day, minutes[i] or 0)

    def session(
        self,
        day: date,
        exercise_id: str = "breathing-box",
        *,
        kind: str = "breathing",
        completed: bool = True,
        before: int | None = None,
        after: int | None = None,
        title: str | None = None,
    ) -> None:
        """An exercise session on `day`."""
        with self.db.write() as session:
            session.add(
                ExerciseSessionRow(
                    uid=str(uuid.uuid4()),
                    exercise_id=exercise_id,
                    exercise_title=title or exercise_id.replace("-", " ").capitalize(),
                    kind=kind,
                    started_at=stamp(day),
                    ended_at=stamp(day),
                    day=day.isoformat(),
                    completed=completed,
                    steps_done=3 if completed else 1,
                    steps_total=3,
                    before=before,
                    after=after,
                )
            )

    def thought_record(self, day: date, traps: Sequence[str] = ()) -> None:
        """A thought record on `day` with these traps marked."""
        with self.db.write() as session:
            session.add(
                ThoughtRecordRow(
                    uid=str(uuid.uuid4()),
                    at=stamp(day),
                    day=day.isoformat(),
                    situation="s",
                    traps=json.dumps(list(traps), ensure_ascii=False),
                    created_at=stamp(day),
                    updated_at=stamp(day),
                )
            )

    def plan(
        self,
        activity: str,
        baseline: int,
        start: date,
        *,
        percent: float = 0.0,
        unit: str = "minutes",
        stopped: date | None = None,
    ) -> None:
        """A pacing plan (made inactive on `stopped`, when given)."""
        with self.db.write() as session:
            session.add(
                PacingPlanRow(
                    uid=str(uuid.uuid4()),
                    activity=activity,
                    unit=unit,
                    measurements="[]",
                    baseline=baseline,
                    percent=percent,
                    start_day=start.isoformat(),
                    active=stopped is None,
                    created_at=stamp(start),
                    updated_at=stamp(stopped or start),
                )
            )
