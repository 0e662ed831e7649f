"""A pacing plan that follows the person: hold a week, step back, stop at a goal, a safe rate.

The plain plan of `exercises/pacing.py` rises every plan week whatever happens. Here the
day's amount is worked out by walking the plan's weeks in order, with the person's changes
applied where they were made:

- **hold** (made during plan week k): the rise at the start of week k + 1 is skipped, so
  the amount stays as it is for the coming week and every later week moves back by one.
  Two holds in one week skip one rise.
- **back** (made on a day): from that day the amount is one week's step lower (never
  below 1 unit), and the plan rises from there at the next week boundary.
- **goal**: the amount never rises above it (a goal below the current amount brings it
  down to the goal); `None` leaves the plan open.
- **percent**: the weekly rise from the next week boundary on. A person chooses 5 to 20
  percent (`check_safe_percent`); a rate kept from an older plan is used as it is.

A plan's weeks are its own: week 1 is the seven days from its start day, whatever day the
person's week starts on (docs/decisions.md, "Pacing that follows the person"). One week's
step is `percent` of the baseline (linear, as in `pacing.py`). Amounts are exact fractions
until the end and rounded by `pacing.round_amount`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from paincoach.exercises.pacing import PacingError, _exact, round_amount, week_number
from paincoach.records.pacing import SAFE_PERCENT, PlanChange, PlanHistoryLine


def check_safe_percent(percent: float) -> Fraction:
    """The weekly rise, refused with the reason unless it is from 5 to 20 percent."""
    value = _exact(percent)
    low, high = SAFE_PERCENT
    if value > high:
        raise PacingError(
            f"the weekly rise must be from {low} to {high} percent (found {percent:g}): "
            "rising faster tends to end in a flare and a long rest, the boom-bust pattern "
            "pacing is there to break"
        )
    if value < low:
        raise PacingError(
            f"the weekly rise must be from {low} to {high} percent (found {percent:g}): "
            "slower than that, a week's step is too small to notice; to stay where you are "
            "for a while, hold a week instead"
        )
    return value


def check_goal(goal: float | None) -> float | None:
    """A goal amount (None: open), refused unless it is more than 0."""
    if goal is not None and _exact(goal) <= 0:
        raise PacingError(f"a goal must be more than 0 (found {goal:g}), or left open")
    return goal


@dataclass(frozen=True)
class FollowedPlan:
    """A plan's baseline, start, first percent and goal, and the changes made since."""

    baseline: int
    start: date
    percent: float
    goal: float | None = None
    changes: tuple[PlanChange, ...] = ()
    _walked: dict[date, tuple[list[date], list[Fraction]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def amount(self, on: date) -> int:
        """The day's amount on `on`, after every change made on or before that day."""
        return self.amounts([on])[0]

    def amounts(self, days: Sequence[date]) -> list[int]:
        """The day's amount on each of `days`, walking the plan once (a week, a year)."""
        if not days:
            return []
        starts, values = self._schedule(max(days))
        return [round_amount(values[max(0, bisect_right(starts, d) - 1)]) for d in days]

    def week(self, on: date) -> int:
        """The plan's week number on `on` (1-based)."""
        return week_number(self.start, on)

    def held_in_week_of(self, on: date) -> bool:
        """Whether a hold was made in the plan week that `on` falls in, up to `on`."""
        week = self.week(on)
        return any(
            c.kind == "hold" and c.on <= on and self.week(c.on) == week for c in self.changes
        )

    def percent_on(self, on: date) -> float:
        """The weekly rise in force on `on` (a change counts from the next plan week)."""
        percent, week = self.percent, self.week(on)
        for c in self._ordered():
            if c.kind == "percent" and c.value is not None and self.week(c.on) < week:
                percent = c.value
        return percent

    def percent_chosen(self, on: date) -> float:
        """The weekly rise last chosen on or before `on` (in force from its next week)."""
        percent = self.percent
        for c in self._ordered():
            if c.kind == "percent" and c.value is not None and c.on <= on:
                percent = c.value
        return percent

    def goal_on(self, on: date) -> float | None:
        """The goal in force on `on` (None: open)."""
        goal = self.goal
        for c in self._ordered():
            if c.kind == "goal" and c.on <= on:
                goal = c.value
        return goal

    def at_goal(self, on: date) -> bool:
        """Whether the amount on `on` has reached the goal in force: it rises no further."""
        goal = self.goal_on(on)
        return goal is not None and self.amount(on) >= goal

    def rises_further(self, on: date) -> bool:
        """Whether the plan would go on rising after `on`: it is below its goal and has a
        weekly rise (an older plan may have none). A hold changes nothing for one that does
        not: it would not rise next week anyway."""
        return not self.at_goal(on) and self.percent_chosen(on) > 0

    def upto(self, on: date) -> FollowedPlan:
        """The plan with only the changes made on or before `on`."""
        kept = tuple(c for c in self.changes if c.on <= on)
        return FollowedPlan(self.baseline, self.start, self.percent, self.goal, kept)

    def next_rise(self, on: date) -> tuple[date, int] | None:
        """The first day after `on` with a higher amount and that amount, if no more changes."""
        plan, today = self.upto(on), self.amount(on)
        boundary = self.start + timedelta(days=7 * self.week(on))
        for week_start in (boundary, boundary + timedelta(days=7)):
            later = plan.amount(week_start)
            if later > today:
                return week_start, later
        return None  # at the goal, no rise, or a rise too small to show once rounded

    def history(self) -> list[PlanHistoryLine]:
        """Each change with its plan week and the day's amount just before and after it.

        One walk of the plan, noting the amount around each change as it is made (a plan
        changed every few weeks for ten years has about 170 changes).
        """
        if not self.changes:
            return []
        lines: list[PlanHistoryLine] = []
        _walk(self, self.week(max(c.on for c in self.changes)), lines)
        return lines

    def _ordered(self) -> list[PlanChange]:
        """Changes by day (saved order breaks ties: `sorted` is stable)."""
        return sorted(self.changes, key=lambda c: c.on)

    def _schedule(self, until: date) -> tuple[list[date], list[Fraction]]:
        """The days the amount changes, up to `until`'s plan week, and the amount from each."""
        last_week = self.week(until)
        reach = self.start + timedelta(days=7 * (last_week - 1))
        if self._walked and max(self._walked) >= reach:  # a longer walk holds every day
            return self._walked[max(self._walked)]
        walked = _walk(self, last_week)
        self._walked.clear()
        self._walked[reach] = walked
        return walked


def _walk(
    plan: FollowedPlan, last_week: int, lines: list[PlanHistoryLine] | None = None
) -> tuple[list[date], list[Fraction]]:
    """Walk a plan's weeks 1..`last_week`: each day the amount changes, and the new amount.

    With `lines`, each change is noted there too, with the day's amount before and after it.
    """
    base = Fraction(plan.baseline)
    amount = base
    percent = _exact(plan.percent)
    goal = None if plan.goal is None else _exact(plan.goal)
    pending: Fraction | None = None
    by_week: dict[int, list[PlanChange]] = {}
    for change in plan._ordered():
        by_week.setdefault(plan.week(change.on), []).append(change)
    held = {week for week, found in by_week.items() if any(c.kind == "hold" for c in found)}
    days: list[date] = []
    amounts: list[Fraction] = []

    def mark(day: date) -> None:
        if days and days[-1] == day:
            amounts[-1] = amount
        elif not amounts or amounts[-1] != amount:
            days.append(day)
            amounts.append(amount)

    def apply(change: PlanChange, week: int) -> None:
        nonlocal amount, goal, pending
        before = amount if goal is None else min(amount, goal)
        if change.kind == "back":
            amount = max(Fraction(1), amount - base * percent / 100)
        elif change.kind == "goal":
            goal = None if change.value is None else _exact(change.value)
        elif change.kind == "percent" and change.value is not None:
            pending = _exact(change.value)
        if goal is not None:
            amount = min(amount, goal)
        if lines is not None:
            lines.append(PlanHistoryLine(change, week, round_amount(before), round_amount(amount)))

    for week in range(1, last_week + 1):
        week_start = plan.start + timedelta(days=7 * (week - 1))
        if week > 1:
            if pending is not None:
                percent, pending = pending, None
            if week - 1 not in held:
                amount += base * percent / 100
        found = by_week.get(week, [])
        for change in found:  # made on the week's first day (or before the plan began)
            if change.on <= week_start:
                apply(change, week)
        if goal is not None:
            amount = min(amount, goal)
        mark(week_start)
        for change in found:  # made later in the week: from their own day
            if change.on > week_start:
                apply(change, week)
                mark(change.on)
    return days, amounts


__all__ = ["FollowedPlan", "PacingError", "PlanChange", "check_goal", "check_safe_percent"]
