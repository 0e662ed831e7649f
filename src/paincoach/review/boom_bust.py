"""Boom and bust: a much busier day, then within two days more pain and a much quieter day.

No validated way to find this in a diary exists; this is a heuristic (see docs/insights.md):

- the person's **usual** is the median of their daily activity minutes over the days in the
  window with an activity logged;
- a day is **much busier** when its minutes are at least 150% of the usual, or when the
  minutes for a pacing plan's activity are at least 150% of that day's quota;
- it is followed by a **rise in pain** when the average pain on one of the next two days is
  up on the busy day's by a meaningful amount (2 points, or 30% and at least 1 point);
- and by a **much quieter day** when, on one of those two days, the minutes are at most 50%
  of the usual (or of the plan's quota, for a plan's activity). A day with a check-in but no
  activity counts as 0 minutes; a day with no entries at all counts as unknown.

An episode is named by its **busiest** day: when the day after a busy day is busier still
(a 40-minute Friday, then 160 minutes on Saturday, then the flare on Sunday), the words name
Saturday, and the pain before is the first busy day's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median

from paincoach.core.rounding import decimals, rounded
from paincoach.core.when import short_day
from paincoach.records.entries import DayFigures
from paincoach.records.review import PlanDay, PlanProgress
from paincoach.review.changes import is_meaningful

MIN_ACTIVE_DAYS = 10
BUSY_SHARE = 1.5
QUIET_SHARE = 0.5
WITHIN_DAYS = 2


@dataclass(frozen=True, slots=True)
class Episode:
    """Busy days, the rise in pain and the quieter day after them."""

    busy_day: date  # the first busy day: the pain before is this day's
    busy_minutes: int
    plan: str  # the plan's activity when the day was busy against its quota, else ""
    pain_before: float
    flare_day: date
    pain_after: float
    quiet_day: date
    busiest_day: date  # the busiest of the busy days from `busy_day` to the flare
    busiest_minutes: int
    busiest_plan: str


@dataclass(frozen=True, slots=True)
class BoomBust:
    """What the boom-bust search found in a window."""

    active_days: int
    usual: float | None  # median daily minutes on active days
    busy_days: int
    episodes: tuple[Episode, ...]

    def as_data(self) -> dict[str, object]:
        """Plain values for JSON."""
        return {
            "active_days": self.active_days,
            "usual_minutes": self.usual,
            "busy_days": self.busy_days,
            "episodes": [
                {
                    "busy_day": e.busy_day.isoformat(),
                    "busy_minutes": e.busy_minutes,
                    "plan": e.plan,
                    "pain_before": e.pain_before,
                    "flare_day": e.flare_day.isoformat(),
                    "pain_after": e.pain_after,
                    "quiet_day": e.quiet_day.isoformat(),
                    "busiest_day": e.busiest_day.isoformat(),
                    "busiest_minutes": e.busiest_minutes,
                }
                for e in self.episodes
            ],
        }


def _plan_days(plans: tuple[PlanProgress, ...]) -> dict[date, list[tuple[str, PlanDay]]]:
    found: dict[date, list[tuple[str, PlanDay]]] = {}
    for plan in plans:
        for day in plan.days:
            if day.done is not None:
                found.setdefault(day.day, []).append((plan.activity, day))
    return found


def _busy(row: DayFigures, usual: float, plan_days: list[tuple[str, PlanDay]]) -> str | None:
    """ "" when busy against the usual, the plan's activity when against a quota, else None."""
    if row.activities and row.activity_minutes >= BUSY_SHARE * usual:
        return ""
    for activity, day in plan_days:
        if (day.done or 0) >= BUSY_SHARE * day.quota:
            return activity
    return None


def _quiet(
    row: DayFigures | None, usual: float, plan: str, plan_days: list[tuple[str, PlanDay]]
) -> bool:
    if row is None:
        return False  # nothing logged: unknown, not quiet
    if row.activity_minutes <= QUIET_SHARE * usual:
        return True
    return any(
        activity == plan and (day.done or 0) <= QUIET_SHARE * day.quota
        for activity, day in plan_days
    )


def _rise(before: float, after: float) -> bool:
    before, after = rounded(before, 1), rounded(after, 1)
    return after > before and is_meaningful(after, before, "rating")


def find_boom_bust(days: dict[date, DayFigures], plans: tuple[PlanProgress, ...]) -> BoomBust:
    """Search the days (and pacing plans) of a window for boom-bust episodes."""
    active = [row.activity_minutes for row in days.values() if row.activities]
    if len(active) < MIN_ACTIVE_DAYS:
        return BoomBust(len(active), None, 0, ())
    usual = float(median(active))
    by_day = _plan_days(plans)
    busy = {
        day: plan
        for day, row in sorted(days.items())
        if (plan := _busy(row, usual, by_day.get(day, []))) is not None
    }
    episodes: list[Episode] = []
    after_last = date.min
    for day, plan in busy.items():
        row = days[day]
        if day <= after_last or row.pain_avg is None:
            continue  # already part of an episode, or no pain to compare with
        following = [day + timedelta(days=k) for k in range(1, WITHIN_DAYS + 1)]
        flare = next(
            (
                d
                for d in following
                if (r := days.get(d)) and r.pain_avg is not None and _rise(row.pain_avg, r.pain_avg)
            ),
            None,
        )
        quiet = next(
            (d for d in following if _quiet(days.get(d), usual, plan, by_day.get(d, []))), None
        )
        if flare is None or quiet is None:
            continue
        # the busiest busy day before the flare (the earlier one when two are as busy)
        peak = max(
            (d for d in busy if day <= d < flare),
            key=lambda d: (days[d].activity_minutes, -d.toordinal()),
        )
        episodes.append(
            Episode(
                day,
                row.activity_minutes,
                plan,
                rounded(row.pain_avg, 1),
                flare,
                rounded(days[flare].pain_avg or 0.0, 1),
                quiet,
                peak,
                days[peak].activity_minutes,
                busy[peak],
            )
        )
        after_last = max(flare, quiet)
    return BoomBust(len(active), usual, len(busy), tuple(episodes))


def _busy_words(e: Episode) -> str:
    """The busy day (the busiest, when there were several) and its minutes."""
    over = f", over the day's amount for {e.busiest_plan}" if e.busiest_plan else ""
    busiest = f"{short_day(e.busiest_day)} ({e.busiest_minutes} min{over})"
    if e.busiest_day == e.busy_day:
        return f"{busiest}, then pain {decimals(e.pain_before, 1)}"
    first = short_day(e.busy_day)
    return f"{first} to {busiest}, the busiest, then pain {decimals(e.pain_before, 1)} (on {first})"


def describe(found: BoomBust) -> str:
    """The observation in words."""
    usual = decimals(found.usual, 0) if found.usual is not None else "?"
    busy = (
        f"at least 150% of your usual {usual} active minutes, "
        "or of a pacing plan's amount for the day"
    )
    if not found.busy_days:
        return f"No day in these weeks was much busier than usual ({busy})."
    if not found.episodes:
        days = (
            "1 day in these weeks was"
            if found.busy_days == 1
            else (f"{found.busy_days} days in these weeks were")
        )
        return (
            f"{days} much busier than usual ({busy}); none was followed within two days by "
            "both a rise in pain and a much quieter day."
        )
    listed = "; ".join(
        f"{_busy_words(e)} → {decimals(e.pain_after, 1)} on {short_day(e.flare_day)}"
        for e in found.episodes
    )
    count = len(found.episodes)
    return (
        f"{count} time{'s' if count != 1 else ''} in these weeks, a much busier day than usual "
        f"({busy}) was followed within two days by a rise in pain and a much quieter day: "
        f"{listed}."
    )
