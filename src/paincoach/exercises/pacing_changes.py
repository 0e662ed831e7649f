"""A pacing plan that follows the person: hold a week, step back, stop at a goal, a safe rate.

Issue 15 groundwork (not wired into the app yet; see docs/notes.md). The plain plan of
`exercises/pacing.py` rises every plan week whatever happens. Here the day's amount is
worked out by walking the plan's weeks in order, with the person's changes applied where
they were made:

- **hold** (made during plan week k): the rise at the start of week k + 1 is skipped, so
  the amount stays as it is for the coming week and every later week moves back by one.
  Two holds in one week skip one rise.
- **back** (made on a day): from that day the amount is one week's step lower (never
  below 1 unit), and the plan rises from there at the next week boundary.
- **goal**: the amount never rises above it (a goal below the current amount brings it
  down to the goal); `None` leaves the plan open.
- **percent**: the weekly increase from the next week boundary on; 5 to 20 percent
  (`check_safe_percent`), because more than that is the boom-bust pattern pacing avoids.

One week's step is `percent` of the baseline (linear, as in `pacing.py`). Amounts are
exact fractions until the end and rounded by `pacing.round_amount`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Literal

from paincoach.exercises.pacing import PacingError, _exact, round_amount, week_number

SAFE_PERCENT = (5, 20)
"""The weekly increase the person may choose (sources: 10-20%; 10% by default)."""
ChangeKind = Literal["hold", "back", "goal", "percent"]


def check_safe_percent(percent: float) -> Fraction:
    """The weekly increase, refused with the reason unless it is from 5 to 20 percent."""
    value = _exact(percent)
    low, high = SAFE_PERCENT
    if not low <= value <= high:
        raise PacingError(
            f"the weekly increase must be from {low} to {high} percent (found {percent}): "
            "rising faster tends to end in a flare and a long rest, the boom-bust pattern "
            "pacing is there to break"
        )
    return value


@dataclass(frozen=True)
class PlanChange:
    """One change the person made to a plan, on the day they made it."""

    kind: ChangeKind
    on: date
    value: float | None = None
    """The goal (None: open) or the new percent; unused for hold and back."""


@dataclass(frozen=True)
class FollowedPlan:
    """A plan's baseline, start, first percent and goal, and the changes made since."""

    baseline: int
    start: date
    percent: float
    goal: float | None = None
    changes: tuple[PlanChange, ...] = ()

    def amount(self, on: date) -> int:
        """The day's amount on `on`, after every change made on or before that day."""
        return round_amount(self._exact_amount(on))

    def _exact_amount(self, on: date) -> Fraction:
        base = Fraction(self.baseline)
        amount = base
        percent = _exact(self.percent)
        goal = None if self.goal is None else _exact(self.goal)
        pending_percent: Fraction | None = None
        changes = sorted((c for c in self.changes if c.on <= on), key=lambda c: c.on)
        held_weeks = {week_number(self.start, c.on) for c in changes if c.kind == "hold"}
        last_week = week_number(self.start, on)
        for week in range(1, last_week + 1):
            week_start = self.start + timedelta(days=7 * (week - 1))
            week_end = week_start + timedelta(days=7)
            if week > 1:
                if pending_percent is not None:
                    percent, pending_percent = pending_percent, None
                if week - 1 not in held_weeks:
                    amount += base * percent / 100
            for change in changes:
                if not (week_start <= change.on < week_end) and not (
                    week == 1 and change.on < week_start
                ):
                    continue
                if change.kind == "back":
                    amount = max(Fraction(1), amount - base * percent / 100)
                elif change.kind == "goal":
                    goal = None if change.value is None else _exact(change.value)
                elif change.kind == "percent" and change.value is not None:
                    pending_percent = check_safe_percent(change.value)
            if goal is not None:
                amount = min(amount, goal)
        return amount


def amounts(plan: FollowedPlan, days: Sequence[date]) -> list[int]:
    """The day's amount on each of `days` (for a week's chart or the report)."""
    return [plan.amount(day) for day in days]
