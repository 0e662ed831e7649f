"""A pacing plan as the person sees it today, from its row and its changes, for both drivers.

`practice.pacing_plans` (the ORM path) and `quick_plans` here (`sqlite3` alone, for
`paincoach activity`) build their views with `plan_view`, so both say the same "10 of 12 minutes
today". A row is anything with the `pacing_plans` columns as attributes. No ORM import.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from paincoach.db import quick
from paincoach.db.quick import QuickStore
from paincoach.exercises.pacing_changes import FollowedPlan
from paincoach.records.names import name_key
from paincoach.records.pacing import PlanChange
from paincoach.records.practice import PacingPlanView

MINUTES_UNIT = "minutes"


def followed(row: Any, changes: tuple[PlanChange, ...]) -> FollowedPlan:
    """The plan a row and its changes describe."""
    start = date.fromisoformat(row.start_day)
    return FollowedPlan(row.baseline, start, row.percent, row.cap, changes)


def plan_view(
    row: Any, changes: tuple[PlanChange, ...], today: date, minutes: dict[str, int]
) -> PacingPlanView:
    """The plan on `today`; `minutes` is today's activity minutes by `name_key`."""
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
