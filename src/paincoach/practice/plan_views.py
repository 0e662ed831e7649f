"""A pacing plan as the person sees it today, from its row and its changes, for both drivers.

`practice.pacing_plans` (the ORM path) and `quick_plans` here (`sqlite3` alone, for
`paincoach activity`) build their views with `plan_view`, so both say the same "10 of 12 minutes
today". A row is anything with the `pacing_plans` columns as attributes. No ORM import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from paincoach.db import quick, quick_day
from paincoach.db.day_rows import day_setting
from paincoach.db.quick import QuickStore
from paincoach.practice.flare_signs import FlareSign, newest_sign, windows
from paincoach.records.names import name_key
from paincoach.records.pacing import PlanChange

if TYPE_CHECKING:
    from paincoach.exercises.pacing_changes import FollowedPlan
    from paincoach.records.practice import PacingPlanView

MINUTES_UNIT = "minutes"
FLARE_PLAN_OPENED_KEY = "flare_plan_opened"
"""The settings key holding the last day the flare-up plan was opened (an ISO day)."""
OFFER_DECLINED_KEY = "pacing_hold_declined"
"""The settings key holding the last day the person said not now to holding their plans."""

#: (day, pain, tags) of every check-in from one day to another, read by either driver.
PainReader = Callable[[date, date], list[tuple[date, int, tuple[str, ...]]]]


def followed(row: Any, changes: tuple[PlanChange, ...]) -> FollowedPlan:
    """The plan a row and its changes describe."""
    # The plans' arithmetic (with `fractions`) loads only for a journal that has plans.
    from paincoach.exercises.pacing_changes import FollowedPlan

    start = date.fromisoformat(row.start_day)
    return FollowedPlan(row.baseline, start, row.percent, row.cap, changes)


def plan_view(
    row: Any, changes: tuple[PlanChange, ...], today: date, minutes: dict[str, int]
) -> PacingPlanView:
    """The plan on `today`; `minutes` is today's activity minutes by `name_key`."""
    from paincoach.records.practice import PacingPlanView  # only for a journal with plans

    plan = followed(row, changes)
    done = minutes.get(name_key(row.activity), 0) if row.unit == MINUTES_UNIT else None
    return PacingPlanView(
        uid=row.uid,
        activity=row.activity,
        unit=row.unit,
        measurements=tuple(json.loads(row.measurements)),
        baseline=row.baseline,
        percent=plan.percent_chosen(today),
        start=plan.start,
        goal=plan.goal_on(today),
        today_amount=plan.amount(today),
        done_today=done,
        week=plan.week(today),
        active=bool(row.active),
        next_rise=plan.next_rise(today) if row.active else None,
        held_this_week=plan.held_in_week_of(today),
        history=tuple(plan.history()),
        changed_today=any(c.on == today for c in changes),
    )


def minutes_by_key(done: dict[str, int]) -> dict[str, int]:
    """Today's minutes per activity name, summed by `name_key` (SQL folds ASCII only)."""
    minutes: dict[str, int] = {}
    for name, total in done.items():
        key = name_key(name)
        minutes[key] = minutes.get(key, 0) + total
    return minutes


def quick_plans(store: QuickStore, today: date) -> list[PacingPlanView]:
    """The active plans on `today`, read through `db.quick` (as `PacingPlans.plans()`)."""
    with store.read() as conn:
        rows = quick.plan_rows(conn)
        if not rows:
            return []
        minutes = minutes_by_key(quick.minutes_by_name_on(conn, today))
        changes = quick.changes_of(conn, [row.uid for row in rows])
    return [plan_view(row, changes.get(row.uid, ()), today, minutes) for row in rows]


def flare_offer_of(
    today: date,
    rows: Sequence[Any],
    pains: PainReader,
    day_setting: Callable[[str], date | None],
    changes_of: Callable[[list[str]], dict[str, tuple[PlanChange, ...]]],
) -> FlareSign | None:
    """The sign of a flare Today offers to hold the plans for, if one is due (both drivers).

    `rows` are the active plans; the readers are called only as far as the answer needs
    them. Due when there are active plans, a sign within the last seven days, and neither a
    "not now" on or after the day of that sign nor every plan held (since that day, or in
    its plan week already) or at its goal: where one more hold would change nothing.
    """
    if not rows:
        return None
    first, _, last = windows(today)
    sign = newest_sign(today, pains(first, last), day_setting(FLARE_PLAN_OPENED_KEY))
    if sign is None:
        return None
    declined = day_setting(OFFER_DECLINED_KEY)
    if declined is not None and declined >= sign.day:
        return None
    changes, since = changes_of([row.uid for row in rows]), sign.day

    def nothing_to_hold(row: Any) -> bool:
        found = changes.get(row.uid, ())
        plan = followed(row, found)
        return (
            any(c.kind == "hold" and c.on >= since for c in found)
            or plan.held_in_week_of(today)
            or not plan.rises_further(today)  # at its goal: no rise next week anyway
        )

    return None if all(nothing_to_hold(row) for row in rows) else sign


def quick_flare_offer(store: QuickStore, today: date) -> FlareSign | None:
    """`PacingPlans.flare_offer` read through `db.quick`."""
    with store.read() as conn:
        return flare_offer_of(
            today,
            quick.plan_rows(conn),
            lambda first, last: quick_day.checkin_pain_and_tags(conn, first, last),
            lambda key: day_setting(quick_day.get_setting(conn, key)),
            lambda uids: quick.changes_of(conn, uids),
        )
