"""Pacing plans over a period: which plan applied on each day, its amount, and the minutes done.

A plan applies from its start day; a plan that was stopped or replaced applies until the day
it was made inactive (its `updated_at`), not including that day. When two plans for the same
activity both apply on a day, the newer one counts. The day's amount is the plan as the
person followed it, after its holds, steps back, goals and changes of rate. Minutes are
those logged that day under the plan's activity name, matched by `name_key` (as Today's
progress does). Days after today are left out: a day not lived yet has no minutes to
count, not 0.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlmodel import Session

from paincoach.core.when import parse_moment
from paincoach.db import pacing_repository as pacing_repo
from paincoach.db import practice_repository as prepo
from paincoach.db import review_repository as rrepo
from paincoach.db.models import PacingPlanRow
from paincoach.exercises.pacing_changes import FollowedPlan
from paincoach.practice.pacing_plans import followed
from paincoach.records.names import name_key
from paincoach.records.pacing import PlanHistoryLine
from paincoach.records.review import PlanDay, PlanProgress

MINUTES_UNIT = "minutes"


def _applies(row: PacingPlanRow, day: date) -> bool:
    if day < date.fromisoformat(row.start_day):
        return False
    return bool(row.active) or day < parse_moment(row.updated_at).date()


def plan_progress(
    session: Session, first: date, last: date, today: date | None = None
) -> tuple[PlanProgress, ...]:
    """Each plan that applied on some day from `first` to `last` (up to `today`, when given),
    with its days, by activity."""
    if today is not None:
        last = min(last, today)
    rows = sorted(prepo.plan_rows(session, active_only=False), key=lambda r: -(r.id or 0))
    if not rows or last < first:
        return ()
    done: dict[tuple[date, str], int] = defaultdict(int)
    for day, name, minutes in rrepo.minutes_by_day_and_name(session, first, last):
        done[(day, name_key(name))] += minutes
    changes = pacing_repo.changes_of(session, [row.uid for row in rows])
    plans: dict[str, FollowedPlan] = {
        row.uid: followed(row, changes.get(row.uid, ())) for row in rows
    }
    for plan in plans.values():
        plan.amounts([last])  # one walk up to the last day serves every day before it
    days: dict[tuple[str, str], list[PlanDay]] = {}
    used: dict[tuple[str, str], set[str]] = {}  # the plans whose days were counted
    # each activity is shown under the name of its newest plan
    labels = {(name_key(row.activity), row.unit): row.activity for row in reversed(rows)}
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        taken: set[str] = set()
        for row in rows:  # newest first: the first plan found for an activity counts
            key = name_key(row.activity)
            if key in taken or not _applies(row, day):
                continue
            taken.add(key)
            quota = plans[row.uid].amount(day)  # one walk of the plan serves every day
            done_today = done.get((day, key), 0) if row.unit == MINUTES_UNIT else None
            days.setdefault((key, row.unit), []).append(PlanDay(day, quota, done_today))
            used.setdefault((key, row.unit), set()).add(row.uid)
    return tuple(
        PlanProgress(
            labels[group], group[1], tuple(found), _changes(plans, used[group], first, last)
        )
        for group, found in sorted(days.items(), key=lambda item: item[0])
    )


def _changes(
    plans: dict[str, FollowedPlan], uids: set[str], first: date, last: date
) -> tuple[PlanHistoryLine, ...]:
    """The changes made to these plans from `first` to `last`, oldest first."""
    lines = [
        line for uid in uids for line in plans[uid].history() if first <= line.change.on <= last
    ]
    return tuple(sorted(lines, key=lambda line: line.change.on))
