"""The course service: start a course, move between its weeks, pause, resume or leave it.

Nothing here nags or moves by itself: the week changes only when the person says so
(the next week, a repeat, a skip ahead). What each week holds, and whether it is done,
is read from the journal's sessions and weekly checks each time (`course_fold`, `course_progress`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from paincoach.core import clock
from paincoach.core.errors import InputError, NotFoundError
from paincoach.core.uids import new_uid
from paincoach.db import course_repository as crepo
from paincoach.db.engine import Database
from paincoach.exercises.course_outline import outline_shelf
from paincoach.exercises.courses import Course, CourseShelf, load_courses
from paincoach.practice.course_fold import (
    Progress,
    first_day,
    progress_of,
    today_line,
)
from paincoach.practice.course_progress import course_view
from paincoach.records.course import CourseView
from paincoach.records.course_line import CourseAction, CourseEvent, CourseLine

if TYPE_CHECKING:
    from paincoach.exercises.loader import Library
    from paincoach.practice.course_fold import ShelfLike


class NoCourseError(NotFoundError):
    """The person asked to move in a course they are not on (or no course loaded)."""


class Courses:
    """Course progress for one journal, against the courses and library on this machine."""

    def __init__(
        self,
        db: Database,
        library: Callable[[], Library],
        home: Path | None = None,
        clock: Callable[[], datetime] = clock.now,
        data: Path | None = None,
    ) -> None:
        self.db = db
        self._library = library
        self._home = home
        self._data = data
        self._clock = clock

    def shelf(self) -> tuple[CourseShelf, Library]:
        """Every course that loads (bundled, then the person's own) and the library they use."""
        library = self._library()
        return load_courses(library.exercises, self._home, self._data), library

    def progress(self) -> Progress:
        """Where the person is, from the journal's course events."""
        with self.db.read() as session:
            return progress_of(crepo.events(session))

    def view(self, course_id: str | None = None) -> CourseView | None:
        """The course the person is on (or `course_id`, or the one to offer), as lived so far.

        None when no course loads at all (every course file has problems).
        """
        shelf, library = self.shelf()
        with self.db.read() as session:
            progress = progress_of(crepo.events(session))
            chosen = course_id or progress.course_id
            course = shelf.get(chosen) if chosen else shelf.first
            if course is None and course_id is None:
                course = shelf.first  # their course file is gone: offer another
            if course is None:
                return None
            since = first_day(progress) if progress.course_id == course.id else None
            finished, checks = [], []
            if since is not None:
                ids = {i for week in course.weeks for i in (*week.items, *week.also)}
                finished = crepo.finished_sessions(session, ids, since - timedelta(days=1))
                checks = crepo.weekly_checks_since(session, since - timedelta(days=1))
        return course_view(course, progress, library.exercises, finished, checks)

    def today(self) -> CourseLine | None:
        """Today's one line: read from the course file alone, never the whole library.

        None once the person has left the course, or when no course loads.
        """
        shelf: ShelfLike | None = outline_shelf(self._home, self._data)
        if shelf is None:
            shelf = load_courses(None, self._home, self._data)
        with self.db.read() as session:
            return today_line(
                shelf,
                crepo.events(session),
                lambda ids, since: crepo.finished_sessions(session, ids, since),
            )

    def start(self, course_id: str | None = None, week: int = 1) -> CourseView:
        """Begin a course at `week` (a new run: what was done before does not count)."""
        shelf, _library = self.shelf()
        course = shelf.get(course_id) if course_id else shelf.first
        if course is None:
            known = ", ".join(sorted(shelf.courses)) or "none load"
            raise NoCourseError(f"There is no course called '{course_id}' (courses: {known}).")
        self._check_week(course, week)
        return self._record(course.id, "start", week)

    def go_to(self, week: int) -> CourseView:
        """Move to `week`: the next one, the same one again, an earlier one, or a skip ahead."""
        course = self._current_course()
        self._check_week(course, week)
        return self._record(course.id, "week", week)

    def next_week(self) -> CourseView:
        """Move on one week (the last week stays the last)."""
        progress = self.progress()
        course = self._current_course()
        return self.go_to(min((progress.week or 1) + 1, len(course.weeks)))

    def pause(self) -> CourseView:
        """Pause: Today says so, and nothing else changes until the person resumes."""
        return self._record(self._current_course().id, "pause", None)

    def resume(self) -> CourseView:
        """Carry on from the week the course was paused at."""
        return self._record(self._current_course().id, "resume", None)

    def leave(self) -> CourseView:
        """Leave the course: Today stops showing it; the journal keeps what was done.

        Before starting, this is "not now": Today stops offering the course.
        """
        progress = self.progress()
        if progress.state == "not_started":
            shelf, _library = self.shelf()
            if shelf.first is None:
                raise NoCourseError("No course could be loaded.")
            return self._record(shelf.first.id, "leave", None)
        return self._record(self._current_course().id, "leave", None)

    def _current_course(self) -> Course:
        progress = self.progress()
        if progress.course_id is None or progress.state in ("not_started", "left"):
            raise NoCourseError("You are not on a course: start one first.")
        shelf, _library = self.shelf()
        course = shelf.get(progress.course_id)
        if course is None:
            raise NoCourseError(
                f"The course '{progress.course_id}' you were on no longer loads "
                "(its file is gone or has a problem): start another one."
            )
        return course

    @staticmethod
    def _check_week(course: Course, week: int) -> None:
        if not 1 <= week <= len(course.weeks):
            raise InputError(
                "week", f"Week {week}: this course has weeks 1 to {len(course.weeks)}."
            )

    def _record(self, course_id: str, action: CourseAction, week: int | None) -> CourseView:
        event = CourseEvent(new_uid(), course_id, action, week, self._clock())
        with self.db.write() as session:
            crepo.add_event(session, event)
            session.commit()
        view = self.view(course_id)
        assert view is not None  # the course was just found on the shelf
        return view
