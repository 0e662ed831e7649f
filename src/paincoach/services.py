"""The services one running app uses, opened lazily and shared between worker threads.

Nothing here imports Textual: screens call these methods from worker threads and get
plain records back. Opening the journal (and importing the ORM) happens on first use, so
the app can draw its first frame before paying for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from paincoach.core import clock

if TYPE_CHECKING:
    from paincoach.db.engine import Database
    from paincoach.exercises.loader import Library
    from paincoach.journal.events import MarkedEvents
    from paincoach.journal.service import Journal
    from paincoach.journal.treatments import Treatments
    from paincoach.practice.course import Courses
    from paincoach.practice.service import Practice
    from paincoach.records.review import Insights, WeekSummary
    from paincoach.review.long_view import LongView
    from paincoach.review.weekly_check import WeeklyChecks
    from paincoach.safety import CrisisDirectory
    from paincoach.settings import Settings


class Services:
    """The journal, settings and safety content for one data folder."""

    def __init__(self, home: Path, clock: Callable[[], datetime] = clock.now) -> None:
        self.home = home
        self.clock = clock
        self._lock = threading.Lock()
        self._db: Database | None = None
        self.on_import_wait: Callable[[], None] | None = None
        """Called from the worker thread whose save waits for an import in another paincoach."""

    @property
    def db(self) -> Database:
        """The open journal file (opened, checked and migrated on first use)."""
        with self._lock:
            if self._db is None:
                from paincoach.db.engine import Database

                self._db = Database.open(self.home)
                self._db.on_import_wait = self._import_wait
            return self._db

    def _import_wait(self) -> None:
        if self.on_import_wait is not None:
            self.on_import_wait()

    @cached_property
    def journal(self) -> Journal:
        """Check-ins and activities."""
        from paincoach.journal.service import Journal

        return Journal(self.db, self.clock)

    @cached_property
    def practice(self) -> Practice:
        """Exercise sessions, thought records, pacing plans, goals and the flare-up plan."""
        from paincoach.practice.service import Practice

        return Practice(self.db, self.journal, self.clock)

    @cached_property
    def course(self) -> Courses:
        """The course: where the person is in it, and moving between its weeks."""
        from paincoach.practice.course import Courses

        return Courses(self.db, self.library, self.home, self.clock)

    @cached_property
    def treatments(self) -> Treatments:
        """Regular treatments and the doses taken."""
        from paincoach.journal.treatments import Treatments

        return Treatments(self.db, self.clock)

    @cached_property
    def events(self) -> MarkedEvents:
        """The person's own marked events ('started physiotherapy'), for the long view."""
        from paincoach.journal.events import MarkedEvents

        return MarkedEvents(self.db, self.clock)

    @cached_property
    def weekly_checks(self) -> WeeklyChecks:
        """The weekly check: record one, find a week's, and whether one is due."""
        from paincoach.review.weekly_check import WeeklyChecks

        return WeeklyChecks(self.db, self.clock)

    def week_summary(self, start: date) -> WeekSummary:
        """The week holding `start` (by the stored week start), compared fairly if in progress."""
        from paincoach.review.summary import week_summary

        week_start = self.settings().week_start
        return week_summary(self.db, start, week_start=week_start, today=self.clock().date())

    def week_insights(self, start: date) -> Insights:
        """Insights over the 8 weeks ending with the week holding `start`."""
        from paincoach.review.insights import week_insights

        week_start = self.settings().week_start
        return week_insights(self.db, start, week_start=week_start, today=self.clock().date())

    @cached_property
    def long_view(self) -> LongView:
        """Months and years: the month calendar, the year at a glance and the trends."""
        from paincoach.db.event_repository import own_events_between
        from paincoach.review.long_view import LongView

        return LongView(self.db, self.clock, lambda: self.settings().week_start, own_events_between)

    def library(self) -> Library:
        """The exercise library: bundled content plus the person's own files (re-read each call)."""
        from paincoach.exercises.loader import load_library

        return load_library(self.home)

    @cached_property
    def crisis(self) -> CrisisDirectory:
        """The bundled emergency and crisis lines."""
        from paincoach.safety import load_directory

        return load_directory()

    def settings(self) -> Settings:
        """The stored settings."""
        from paincoach.settings import load_settings

        return load_settings(self.db)

    def save_settings(self, settings: Settings) -> Settings:
        """Store settings and return them."""
        from paincoach.settings import save_settings

        return save_settings(self.db, settings)

    def acknowledge(self, region: str) -> Settings:
        """Remember that the person read what paincoach is and is not (and their region)."""
        current = self.settings()
        return self.save_settings(
            current.with_changes(
                acknowledged_at=self.clock().isoformat(timespec="seconds"), region=region
            )
        )

    def close(self) -> None:
        """Release the journal file."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
