"""The weekly check: three 0-10 questions about the past seven days, offered once a week.

The idea follows the PEG scale (Krebs et al. 2009, J Gen Intern Med 24:733): average pain,
and how much pain got in the way of enjoying life and of general activity, each 0-10; the
score is their mean. The questions here are paincoach's own words (the PEG's licence is
unclear, so its item wording is not used). See docs/insights.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta

from paincoach.core import clock
from paincoach.core.errors import InputError
from paincoach.core.uids import new_uid
from paincoach.core.when import format_moment, local_day, week_start_for
from paincoach.db import review_repository as rrepo
from paincoach.db.engine import Database
from paincoach.db.models import WeeklyCheckRow
from paincoach.records.entries import check_rating
from paincoach.records.review import Question, WeeklyAnswers, WeeklyCheck

PAIN = Question(
    "pain",
    "Over the past 7 days, how strong was your pain on average?",
    low="no pain",
    high="worst pain imaginable",
)
ENJOYMENT = Question(
    "enjoyment",
    "Over the past 7 days, how much did pain get in the way of enjoying life?",
    low="not at all",
    high="completely",
)
ACTIVITY = Question(
    "activity",
    "Over the past 7 days, how much did pain get in the way of your usual activities?",
    low="not at all",
    high="completely",
)
QUESTIONS: tuple[Question, ...] = (PAIN, ENJOYMENT, ACTIVITY)

#: The check is offered from this day of the week on (0 = the week's first day): the
#: questions ask about the past 7 days, so from the 5th day most of them are this week's.
DUE_FROM_DAY = 4

CITATION = (
    "After the PEG scale: Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial "
    "validation of the PEG, a three-item scale assessing pain intensity and interference. "
    "J Gen Intern Med. 2009;24(6):733-738."
)


def answers_from(values: Mapping[str, object]) -> WeeklyAnswers:
    """Answers from a mapping keyed by question key (as a form or a script gives them)."""
    unknown = sorted(set(values) - {q.key for q in QUESTIONS})
    if unknown:
        raise InputError(unknown[0], f"The weekly check has no question '{unknown[0]}'.")
    ratings = {q.key: check_rating(values.get(q.key), q.key, required=True) for q in QUESTIONS}
    return WeeklyAnswers(**ratings)  # type: ignore[arg-type]  # required: never None


class WeeklyChecks:
    """Record weekly checks, find the one for a week, and say when one is due."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = clock.now) -> None:
        self.db = db
        self._clock = clock

    def record(
        self, answers: WeeklyAnswers, at: datetime | None = None, *, week_start: int | None = None
    ) -> WeeklyCheck:
        """Save a check given at `at` (default now) for the week holding that day.

        `week_start` is the person's week-start setting (0 = Monday); None reads it from
        the stored settings.
        """
        moment = at or self._clock()
        if moment.tzinfo is None:
            raise ValueError("moments must be timezone-aware")
        if week_start is None:
            from paincoach.settings import load_settings

            week_start = load_settings(self.db).week_start
        day = local_day(moment)
        stamp = format_moment(self._clock())
        row = WeeklyCheckRow(
            uid=new_uid(),
            at=format_moment(moment),
            day=day.isoformat(),
            week_start=week_start_for(day, week_start).isoformat(),
            pain=answers.pain,
            enjoyment=answers.enjoyment,
            activity=answers.activity,
            created_at=stamp,
        )
        with self.db.write() as session:
            session.add(row)
            session.flush()
            return rrepo.weekly_check_from_row(row)

    def for_week(self, start: date) -> WeeklyCheck | None:
        """The check for the week starting on `start` (the newest, if given twice)."""
        with self.db.read() as session:
            return rrepo.weekly_check_for(session, start, start + timedelta(days=6))

    def recent(self, limit: int = 10) -> list[WeeklyCheck]:
        """Weekly checks, newest first."""
        with self.db.read() as session:
            return rrepo.recent_weekly_checks(session, limit)

    def due(self, today: date, week_start: int = 0) -> bool:
        """Whether to offer the check today (see docs/insights.md, "The weekly check").

        Due from the week's 5th day to its last, when none was given for this week yet and
        the person logged a check-in or an activity this week (up to today).
        """
        start = week_start_for(today, week_start)
        if (today - start).days < DUE_FROM_DAY:
            return False
        with self.db.read() as session:
            if rrepo.weekly_check_for(session, start, start + timedelta(days=6)) is not None:
                return False
            return rrepo.has_entries(session, start, today)
