"""Pacing plans as the person follows them: today's amount, holds, steps back, goals, rates.

Every change is one row in `pacing_changes`, beside the plan's own row, so the plan's
history can be shown and exported, and the day's amount is worked out from the plan and
its changes (`exercises.pacing_changes.FollowedPlan`). Today's offer to hold the plans after
a flare is here too (`flare_offer`); the signs themselves are in `practice.flare_signs`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlmodel import Session

from paincoach.core import clock
from paincoach.core.errors import InputError, NotFoundError
from paincoach.core.uids import new_uid
from paincoach.core.when import local_day
from paincoach.db import pacing_repository as pacing_repo
from paincoach.db import practice_repository as prepo
from paincoach.db.day_rows import day_setting
from paincoach.db.engine import Database
from paincoach.db.models import PacingPlanRow
from paincoach.db.repository import put_settings
from paincoach.exercises.pacing import PacingError
from paincoach.exercises.pacing_changes import check_goal, check_safe_percent
from paincoach.practice.flare_signs import FlareSign
from paincoach.practice.plan_views import FLARE_PLAN_OPENED_KEY as FLARE_PLAN_OPENED_KEY
from paincoach.practice.plan_views import MINUTES_UNIT as MINUTES_UNIT
from paincoach.practice.plan_views import OFFER_DECLINED_KEY as OFFER_DECLINED_KEY
from paincoach.practice.plan_views import flare_offer_of, minutes_by_key, plan_view
from paincoach.practice.plan_views import followed as followed
from paincoach.records.names import name_key
from paincoach.records.pacing import FLARE_REASON, ChangeKind, PlanChange
from paincoach.records.plan_match import plan_named
from paincoach.records.practice import PacingPlanView


class PacingPlans:
    """Reading pacing plans with today's amount, and the changes a person makes to them."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = clock.now) -> None:
        self.db = db
        self._clock = clock

    def today(self) -> date:
        """Today's local date by this service's clock."""
        return local_day(self._clock())

    # -- reading -------------------------------------------------------------------------------

    def plans(self, active_only: bool = True) -> list[PacingPlanView]:
        """Pacing plans by activity, each with today's amount and what was done today."""
        today = self.today()
        with self.db.read() as session:
            return self._views(session, today, active_only)

    def _views(self, session: Session, today: date, active_only: bool) -> list[PacingPlanView]:
        rows = prepo.plan_rows(session, active_only=active_only)
        if not rows:
            return []
        # SQL sums today's minutes per name; names are matched by `name_key` (SQLite's
        # lower() and NOCASE only fold ASCII). Today's names are a handful.
        minutes = minutes_by_key(prepo.minutes_by_name_on(session, today))
        changes = pacing_repo.changes_of(session, [row.uid for row in rows])
        return [plan_view(row, changes.get(row.uid, ()), today, minutes) for row in rows]

    def plan_for(self, activity: str) -> PacingPlanView | None:
        """The active plan for `activity` (the same name, see `name_key`), if there is one."""
        return plan_named(activity, self.plans())

    # -- changing ------------------------------------------------------------------------------

    def hold(self, activity: str, reason: str = "") -> PacingPlanView:
        """Keep the amount as it is for the coming week; the later weeks move back by one."""
        return self._change(activity, "hold", None, reason)

    def step_back(self, activity: str) -> PacingPlanView:
        """Lower the amount by one week's step from today (never below 1)."""
        return self._change(activity, "back", None)

    def set_goal(self, activity: str, goal: float | None) -> PacingPlanView:
        """Stop the rise at `goal` (None leaves the plan open); InputError when not above 0."""
        try:
            check_goal(goal)
        except PacingError as exc:
            raise InputError("goal", _sentence(exc)) from None
        return self._change(activity, "goal", None if goal is None else float(goal))

    def set_percent(self, activity: str, percent: float) -> PacingPlanView:
        """Rise by `percent` a week from the next plan week; InputError outside 5-20%."""
        try:
            check_safe_percent(percent)
        except PacingError as exc:
            raise InputError("percent", _sentence(exc)) from None
        return self._change(activity, "percent", float(percent))

    def undo_last(self, activity: str) -> PacingPlanView:
        """Take back the plan's newest change, when it was made today (a key pressed by
        mistake); NotFoundError when there is none to take back."""
        moment = self._clock()
        today = local_day(moment)
        with self.db.write() as session:
            row = _active_row(session, activity)
            found = pacing_repo.changes_of(session, [row.uid]).get(row.uid, ())
            newest = found[-1] if found else None  # by day, then moment, then saved order
            if newest is None or newest.on != today:
                raise NotFoundError(f"Nothing to undo today for {row.activity}.")
            pacing_repo.delete_change(session, newest.uid)
            uid = row.uid
        with self.db.read() as session:
            views = self._views(session, today, active_only=True)
        return next(plan for plan in views if plan.uid == uid)

    def hold_all(self, reason: str = FLARE_REASON) -> list[PacingPlanView]:
        """Hold every active plan this week that would rise (Today's offer after a flare);
        every active plan is returned, the held ones with `held_this_week`.

        A plan held already this plan week is left as it is: a second hold in one week
        skips no further rise, and the history keeps only changes that did something. So
        is a plan at its goal (or one with no weekly rise): it would not rise anyway.
        """
        moment = self._clock()
        today = local_day(moment)
        with self.db.write() as session:
            rows = prepo.plan_rows(session, active_only=True)
            changes = pacing_repo.changes_of(session, [row.uid for row in rows])
            for row in rows:
                plan = followed(row, changes.get(row.uid, ()))
                if plan.rises_further(today) and not plan.held_in_week_of(today):
                    pacing_repo.add_change(session, row.uid, _new("hold", None, reason, moment))
        with self.db.read() as session:
            return self._views(session, local_day(moment), active_only=True)

    def _change(
        self, activity: str, kind: ChangeKind, value: float | None, reason: str = ""
    ) -> PacingPlanView:
        moment = self._clock()
        with self.db.write() as session:
            row = _active_row(session, activity)
            pacing_repo.add_change(session, row.uid, _new(kind, value, reason, moment))
            uid = row.uid
        with self.db.read() as session:
            views = self._views(session, local_day(moment), active_only=True)
        found = next((plan for plan in views if plan.uid == uid), None)
        if found is None:  # stopped in another paincoach between the two reads
            raise NotFoundError("That pacing plan is no longer active.")
        return found

    # -- the offer after a flare ---------------------------------------------------------------

    def flare_offer(self) -> FlareSign | None:
        """The sign of a flare Today offers to hold the plans for, if one is due.

        Due when there are active plans, a sign within the last seven days, and neither a
        "not now" on or after the day of that sign nor every plan held (since that day, or
        in its plan week already) or at its goal: where one more hold would change nothing.
        """
        with self.db.read() as session:
            return flare_offer_of(
                self.today(),
                prepo.plan_rows(session, active_only=True),
                lambda first, last: pacing_repo.checkin_pain_and_tags(session, first, last),
                lambda key: _day_setting(session, key),
                lambda uids: pacing_repo.changes_of(session, uids),
            )

    def decline_offer(self) -> None:
        """Not now: the offer stays away until a newer sign of a flare."""
        self._put_day(OFFER_DECLINED_KEY)

    def note_flare_plan_opened(self) -> None:
        """Remember that the flare-up plan was opened today (a sign of a flare)."""
        self._put_day(FLARE_PLAN_OPENED_KEY)

    def _put_day(self, key: str) -> None:
        day = local_day(self._clock()).isoformat()
        with self.db.write() as session:
            put_settings(session, {key: day})


def _day_setting(session: Session, key: str) -> date | None:
    return day_setting(prepo.get_setting(session, key))


def _sentence(exc: PacingError) -> str:
    text = str(exc)
    return text[:1].upper() + text[1:] + "."


def _new(kind: ChangeKind, value: float | None, reason: str, moment: datetime) -> PlanChange:
    return PlanChange(kind, local_day(moment), value, reason, new_uid(), moment)


def _active_row(session: Session, activity: str) -> PacingPlanRow:
    key = name_key(activity)
    rows = prepo.plan_rows(session, active_only=True)
    found = next((row for row in rows if name_key(row.activity) == key), None)
    if found is None:
        names = ", ".join(row.activity for row in rows)
        known = f" Your plans are for: {names}." if names else " You have no pacing plan yet."
        raise NotFoundError(f'No active pacing plan for "{activity.strip()}".{known}')
    return found
