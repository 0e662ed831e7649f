"""The practice service: sessions, thought records, pacing plans, goals, flare and safety plans.

Screens call these methods (from worker threads) and get plain records back
(`paincoach.records.practice`). What a session means for the journal is worked out in
`paincoach.practice.answers`; this module stores it, all in one transaction. The result
also says whether the support card is called for (`records.concern`): words of suicidal
thoughts or self-harm in any answer, or hopelessness rated strongly in a thought record.
Nothing about that is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlmodel import Session

from paincoach.core import clock
from paincoach.core.errors import NotFoundError
from paincoach.core.uids import new_uid
from paincoach.core.when import format_moment, local_day
from paincoach.db import names
from paincoach.db import practice_repository as prepo
from paincoach.db import repository as repo
from paincoach.db.engine import Database
from paincoach.db.models import ExerciseSessionRow, GoalRow, PacingPlanRow
from paincoach.journal.service import Journal, written_distress
from paincoach.practice.own_plans import (
    FLARE_PLAN_KEY,
    flare_plan_from,
    put_flare_plan,
    put_safety_plan,
)
from paincoach.practice.pacing_plans import PacingPlans
from paincoach.records.concern import Concern, concern_of, texts_in
from paincoach.records.distress import PhraseFileError, default_matcher
from paincoach.records.entries import Activity, ActivityDraft
from paincoach.records.names import name_key
from paincoach.records.practice import (
    FlarePlan,
    Goal,
    PacingPlanView,
    SavedPractice,
    SessionSummary,
    ThoughtRecord,
)
from paincoach.records.safety_plan import SAFETY_PLAN_KEY, SafetyPlan, safety_plan_from

if TYPE_CHECKING:  # the exercise engine is imported when a session is saved, not to read plans
    from paincoach.exercises.pacing import PacingPlan
    from paincoach.exercises.session import SessionResult
    from paincoach.practice.answers import Extracted, PacedWork

MINUTES_UNIT = "minutes"


def _uid() -> str:
    return new_uid()


class Practice:
    """Everything the app does with exercise practice, as plain records."""

    def __init__(
        self, db: Database, journal: Journal, clock: Callable[[], datetime] = clock.now
    ) -> None:
        self.db = db
        self.journal = journal  # the same journal file; kept for callers that have both
        self._clock = clock

    def today(self) -> date:
        """Today's local date by this service's clock."""
        return self._clock().date()

    def _stamp(self) -> str:
        return format_moment(self._clock())

    # -- saving a session ------------------------------------------------------------------

    def save_session(self, result: SessionResult) -> SavedPractice:
        """Store a finished or left session and everything it holds, in one transaction.

        See `paincoach.practice.answers` for what each kind of exercise saves.
        """
        from paincoach.practice.answers import extract

        found = extract(result)  # may refuse (InputError) before anything is written
        stamp = self._stamp()
        session_uid = _uid()
        with self.db.write() as session:
            prepo.add_session(session, _session_row(result, found, session_uid))
            record_uid = _add_thought_record(session, result, found, session_uid, stamp)
            goal_uid = self._add_goal(session, result, found.goal, session_uid, stamp)
            flare_saved = put_flare_plan(session, found, stamp)
            safety_saved = put_safety_plan(session, found, stamp)
            plan_uid = None
            for plan in found.plans:
                plan_uid = self._replace_plan(session, plan, stamp)
            activity = None
            for work in found.paced:
                activity = self._log_paced(session, result, work, stamp)
        return SavedPractice(
            session_uid=session_uid,
            completed=result.completed,
            thought_record_uid=record_uid,
            goal_uid=goal_uid,
            plan_uid=plan_uid,
            activity=activity,
            flare_plan_saved=flare_saved,
            safety_plan_saved=safety_saved,
            concern=self._concern(result, found),
        )

    def _concern(self, result: SessionResult, found: Extracted) -> Concern | None:
        """Words in any answer, or despair rated strongly in the thought record."""
        concern = concern_of(
            words=written_distress(texts_in(result.answers)), despair=_despairing(found)
        )
        if concern is None:
            return None
        return replace(concern, low_fortnight=self.journal.low_fortnight())

    def _add_goal(
        self, session: Session, result: SessionResult, goal: str, session_uid: str, stamp: str
    ) -> str | None:
        if not goal:
            return None
        uid = _uid()
        day = local_day(result.started_at).isoformat()
        session.add(GoalRow(uid=uid, text=goal, session_uid=session_uid, created_at=stamp, day=day))
        return uid

    def _replace_plan(self, session: Session, plan: PacingPlan, stamp: str) -> str:
        key = name_key(plan.activity)
        old = [
            row.uid
            for row in prepo.plan_rows(session, active_only=True)
            if name_key(row.activity) == key
        ]
        prepo.deactivate_plans(session, old, stamp)
        uid = _uid()
        session.add(
            PacingPlanRow(
                uid=uid,
                # named as the activities it counts are (one name, one activity)
                activity=names.known_activity(session, plan.activity),
                unit=plan.unit,
                measurements=prepo.dumps(list(plan.measurements)),
                baseline=plan.baseline,
                percent=float(plan.percent),
                start_day=plan.start.isoformat(),
                cap=plan.cap,
                active=True,
                created_at=stamp,
                updated_at=stamp,
            )
        )
        session.flush()
        return uid

    def _log_paced(
        self, session: Session, result: SessionResult, work: PacedWork, stamp: str
    ) -> Activity:
        draft = ActivityDraft(
            at=result.started_at, name=work.activity, minutes=work.minutes, paced=True
        )
        return repo.insert_activity(session, draft, uid=_uid(), stamp=stamp)

    # -- sessions ---------------------------------------------------------------------------

    def recent_sessions(self, limit: int = 20) -> list[SessionSummary]:
        """The newest exercise sessions first, finished or not."""
        with self.db.read() as session:
            return prepo.recent_sessions(session, limit)

    def sessions_on(self, day: date) -> list[SessionSummary]:
        """The exercise sessions of one local day, in the order they were started."""
        with self.db.read() as session:
            return prepo.sessions_on(session, day)

    # -- thought records ----------------------------------------------------------------------

    def thought_records(
        self, limit: int = 50, before: datetime | None = None
    ) -> list[ThoughtRecord]:
        """Thought records, newest first; page on by passing the last one's `at` as `before`."""
        with self.db.read() as session:
            return prepo.thought_records(session, limit, before)

    def thought_record(self, uid: str) -> ThoughtRecord:
        """One thought record by uid."""
        with self.db.read() as session:
            row = prepo.thought_record_by_uid(session, uid)
            if row is None:
                raise NotFoundError("That thought record no longer exists; it may be deleted.")
            return prepo.thought_record_from_row(row)

    def delete_thought_record(self, uid: str) -> None:
        """Delete a thought record for good: its words do not linger in the file or the WAL."""
        with self.db.write() as session:
            row = prepo.thought_record_by_uid(session, uid)
            if row is None:
                raise NotFoundError(
                    "That thought record no longer exists; it may have been deleted already."
                )
            if row.session_uid:  # sessions saved by this version never hold them; be sure
                from paincoach.practice.answers import THOUGHT_KEYS

                prepo.drop_session_answers(session, row.session_uid, THOUGHT_KEYS)
            session.delete(row)
        self._flush_wal()

    def _flush_wal(self) -> None:
        # As in `Journal.delete`: copy the change into the main file and empty the WAL, so the
        # deleted words are not kept in old page copies. Best effort: a reader can delay it.
        with self.db.connection() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    # -- pacing plans --------------------------------------------------------------------------

    @property
    def pacing(self) -> PacingPlans:
        """Pacing plans as the person follows them (holds, steps back, goals, rates)."""
        return PacingPlans(self.db, self._clock)

    def pacing_plans(self, active_only: bool = True) -> list[PacingPlanView]:
        """Pacing plans by activity, each with today's amount and what was done today."""
        return self.pacing.plans(active_only)

    def plan_for(self, activity: str) -> PacingPlanView | None:
        """The active plan for `activity` (the same name, see `name_key`), if there is one."""
        return self.pacing.plan_for(activity)

    def stop_plan(self, uid: str) -> None:
        """Stop following a plan (it is kept, inactive, for the record)."""
        with self.db.write() as session:
            if not any(row.uid == uid for row in prepo.plan_rows(session, active_only=False)):
                raise NotFoundError("That pacing plan no longer exists.")
            prepo.deactivate_plans(session, [uid], self._stamp())

    # -- goals and the flare-up plan -------------------------------------------------------------

    def open_goals(self) -> list[Goal]:
        """Goals not yet marked done, in the order they were set."""
        with self.db.read() as session:
            return prepo.open_goals(session)

    def complete_goal(self, uid: str) -> Goal:
        """Mark a goal done (marking it again keeps the first time)."""
        with self.db.write() as session:
            row = prepo.goal_by_uid(session, uid)
            if row is None:
                raise NotFoundError("That goal no longer exists.")
            if row.done_at is None:
                row.done_at = self._stamp()
                session.add(row)
                session.flush()
            return prepo.goal_from_row(row)

    def flare_plan(self) -> FlarePlan | None:
        """The flare-up plan, or None when none was written (or it cannot be read)."""
        with self.db.read() as session:
            stored = prepo.get_setting(session, FLARE_PLAN_KEY)
        return flare_plan_from(stored)

    def safety_plan(self) -> SafetyPlan | None:
        """The safety plan, or None when none was written."""
        with self.db.read() as session:
            stored = prepo.get_setting(session, SAFETY_PLAN_KEY)
        return safety_plan_from(stored)


def _despairing(found: Extracted) -> bool:
    record = found.thought_record
    if record is None:
        return False
    rated = [*record.get("emotions", []), *record.get("emotions_after", [])]
    try:
        matcher = default_matcher()
    except PhraseFileError:  # as for words: the session is saved; never fail it now
        return False
    return any(matcher.despairing(item["name"], item["intensity"]) for item in rated)


def _add_thought_record(
    session: Session, result: SessionResult, found: Extracted, session_uid: str, stamp: str
) -> str | None:
    if found.thought_record is None:
        return None
    uid = _uid()
    session.add(
        prepo.thought_record_row(
            found.thought_record,
            uid=uid,
            session_uid=session_uid,
            at=format_moment(result.started_at),
            day=local_day(result.started_at).isoformat(),
            created_at=stamp,
            updated_at=stamp,
        )
    )
    return uid


def _session_row(result: SessionResult, found: Extracted, uid: str) -> ExerciseSessionRow:
    return ExerciseSessionRow(
        uid=uid,
        exercise_id=result.exercise_id,
        exercise_title=result.exercise_title,
        kind=result.kind,
        started_at=format_moment(result.started_at),
        ended_at=format_moment(result.ended_at),
        day=local_day(result.started_at).isoformat(),
        completed=result.completed,
        steps_done=min(result.steps_done, result.steps_total),
        steps_total=result.steps_total,
        before=result.before,
        after=result.after,
        answers=prepo.dumps(_with_timed(found.session_answers, result)),
    )


def _with_timed(answers: dict[str, Any], result: SessionResult) -> dict[str, Any]:
    """The answers to store, with how long each timed step ran (docs/decisions.md)."""
    if not result.timed:
        return answers
    return {**answers, prepo.TIMED_KEY: [run.as_json() for run in result.timed]}
