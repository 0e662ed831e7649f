"""The week summary: a week's figures, each set against the week before and the baseline.

The baseline is the person's first two weeks with a check-in or an activity: the week of the
first entry (from that day) and the next week that has one, however long after; the empty
weeks between are no part of it. Every figure is computed in SQL by the stored local day,
over bounded date ranges (the week, the week before, the two baseline weeks), so the cost
does not grow with years of history. What each figure means, and when a change is called
meaningful, is in docs/insights.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from sqlmodel import Session

from paincoach.core.rounding import rounded
from paincoach.core.weeks import iso_label, week_days
from paincoach.core.when import week_start_for
from paincoach.db import review_repository as rrepo
from paincoach.db.engine import Database
from paincoach.db.repository import daily_figures
from paincoach.records.entries import DayFigures
from paincoach.records.review import (
    Baseline,
    DayPoint,
    ExerciseCount,
    Figure,
    Scale,
    WeeklyCheck,
    WeekSummary,
)
from paincoach.review.changes import compare
from paincoach.review.plan_progress import plan_progress
from paincoach.review.treatments import treatment_period

BASELINE_WEEKS = 2
LAST_WEEK = "last week"
BASELINE = "your first two weeks"
SAME_DAYS = "the same days last week"
BASELINE_SO_FAR = "your first two weeks (for as many days)"
FIRST_CHECK = "your first weekly check"

#: (key, label, scale) of every figure, in the order they are shown.
FIGURES: tuple[tuple[str, str, Scale], ...] = (
    ("days_logged", "Days with entries", "count"),
    ("pain_avg", "Average pain", "rating"),
    ("pain_low", "Lowest pain", "rating"),
    ("pain_high", "Highest pain", "rating"),
    ("mood_avg", "Average mood", "rating"),
    ("mood_low", "Lowest mood", "rating"),
    ("mood_high", "Highest mood", "rating"),
    ("sleep_avg", "Average sleep quality", "rating"),
    ("activity_minutes", "Activity minutes", "minutes"),
    ("active_days", "Active days", "count"),
    ("exercises_completed", "Exercises finished", "count"),
    ("exercises_incomplete", "Exercises left early", "count"),
    ("thought_records", "Thought records", "count"),
    ("check_score", "Weekly check score", "rating"),
)
_PER_WEEK = {key for key, _, scale in FIGURES if scale != "rating"}


@dataclass(frozen=True, slots=True)
class Period:
    """The sums for some days (a week, or the two baseline weeks)."""

    first: date
    last: date
    days: dict[date, DayFigures]
    exercises: tuple[ExerciseCount, ...]
    thought_records: int
    length: int  # calendar days counted (the days between two baseline weeks are not)

    @property
    def empty(self) -> bool:
        """Whether nothing at all was logged in the period."""
        return not (self.days or self.exercises or self.thought_records)

    def values(self) -> dict[str, float | None]:
        """Every figure except the weekly check score (counts and minutes as totals)."""
        rows = list(self.days.values())
        return {
            "days_logged": len(rows),
            "pain_avg": _mean(r.pain_avg for r in rows),
            "pain_low": _extreme(min, (r.pain_min for r in rows)),
            "pain_high": _extreme(max, (r.pain_max for r in rows)),
            "mood_avg": _mean(r.mood_avg for r in rows),
            "mood_low": _extreme(min, (r.mood_min for r in rows)),
            "mood_high": _extreme(max, (r.mood_max for r in rows)),
            "sleep_avg": _mean(r.sleep_avg for r in rows),
            "activity_minutes": sum(r.activity_minutes for r in rows),
            "active_days": sum(1 for r in rows if r.activities),
            "exercises_completed": sum(e.completed for e in self.exercises),
            "exercises_incomplete": sum(e.incomplete for e in self.exercises),
            "thought_records": self.thought_records,
        }

    def per_days(self, days: int) -> dict[str, float | None]:
        """The figures with counts and minutes scaled to `days` days (for the baseline)."""
        scale = days / self.length
        return {
            key: (value * scale if key in _PER_WEEK and value is not None else value)
            for key, value in self.values().items()
        }


def _mean(values: Iterable[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return rounded(fmean(found), 1) if found else None


def _extreme(pick: Callable[[list[int]], int], values: Iterable[int | None]) -> float | None:
    found = [v for v in values if v is not None]
    return float(pick(found)) if found else None


def period(session: Session, first: date, last: date) -> Period:
    """The sums for the days from `first` to `last` (inclusive)."""
    return Period(
        first,
        last,
        daily_figures(session, first, last),
        tuple(rrepo.exercise_counts(session, first, last)),
        rrepo.thought_record_count(session, first, last),
        (last - first).days + 1,
    )


def baseline_period(session: Session, baseline: Baseline) -> Period:
    """The sums for the baseline's two weeks together (not the days between them)."""
    parts = [period(session, first, last) for first, last in baseline.weeks]
    done: Counter[str] = Counter()
    left: Counter[str] = Counter()
    for part in parts:
        for count in part.exercises:
            done[count.kind] += count.completed
            left[count.kind] += count.incomplete
    return Period(
        baseline.first,
        baseline.last,
        {day: row for part in parts for day, row in part.days.items()},
        tuple(ExerciseCount(kind, done[kind], left[kind]) for kind in sorted(done | left)),
        sum(part.thought_records for part in parts),
        baseline.days,
    )


def find_baseline(session: Session, week_start: int) -> tuple[Baseline | None, int]:
    """The baseline (None until two weeks have entries) and how many weeks with entries (0-2).

    The first week counts from the first entry's day: the days before it were not days of
    keeping the journal. The second is the next week with an entry, whole, however long after.
    """
    first = rrepo.first_entry_day(session)
    if first is None:
        return None, 0
    first_end = week_start_for(first, week_start) + timedelta(days=6)
    later = rrepo.first_entry_day(session, after=first_end)
    if later is None:
        return None, 1
    second = week_start_for(later, week_start)
    weeks = ((first, first_end), (second, second + timedelta(days=6)))
    return Baseline(weeks), BASELINE_WEEKS


def week_summary(
    db: Database, start: date, *, week_start: int, today: date | None = None
) -> WeekSummary:
    """The summary of the week holding `start` (weeks begin on `week_start`, 0 = Monday).

    Given `today` (the local today of paincoach's clock), a week still in progress counts
    only its days up to today, compared fairly: with the same days of the week before, and
    with the baseline scaled to the days so far.
    """
    start = week_start_for(start, week_start)
    end = start + timedelta(days=6)
    elapsed = _days_so_far(start, today)
    with db.read() as session:
        # Only the days so far: after travelling west, an entry can belong to a day that
        # has not begun here yet (logged on Saturday in Auckland, Friday now in Honolulu).
        week = period(session, start, start + timedelta(days=elapsed - 1))
        before = period(session, start - timedelta(days=7), start - timedelta(days=8 - elapsed))
        baseline, found_weeks = find_baseline(session, week_start)
        usable = baseline is not None and baseline.last < start
        base = baseline_period(session, baseline) if usable and baseline else None
        check = rrepo.weekly_check_for(session, start, end)
        check_before = rrepo.weekly_check_for(
            session, start - timedelta(days=7), start - timedelta(days=1)
        )
        first_check = rrepo.first_weekly_check(session)
        plans = plan_progress(session, start, end, today)
    # the days so far, as the figures (the service reads its own snapshot)
    treatments = treatment_period(db, start, start + timedelta(days=elapsed - 1))
    return WeekSummary(
        start=start,
        end=end,
        label=iso_label(start),
        week_start=week_start,
        figures=_figures(week, before, base, (check, check_before, first_check), elapsed),
        days=_series(week),
        plans=plans,
        exercises=week.exercises,
        check=check,
        baseline=baseline,
        baseline_note=baseline_note(baseline, found_weeks, start, end),
        previous_note=_previous_note(before, elapsed),
        days_so_far=elapsed,
        treatments=treatments,
    )


def _days_so_far(start: date, today: date | None) -> int:
    """7 for a week that is over (or when `today` is not given), else the days up to today."""
    if today is None or today > start + timedelta(days=6):
        return 7
    return max(0, (today - start).days + 1)


def _previous_note(before: Period, elapsed: int) -> str:
    if elapsed == 0:
        return "This week has not started yet."
    if before.empty:
        when = "the week before." if elapsed == 7 else "on those days last week."
        return "Nothing was logged " + when
    return ""


def _figures(
    week: Period,
    before: Period,
    base: Period | None,
    checks: tuple[WeeklyCheck | None, WeeklyCheck | None, WeeklyCheck | None],
    elapsed: int,
) -> tuple[Figure, ...]:
    now = week.values()
    earlier = None if before.empty or elapsed == 0 else before.values()
    baseline = None if base is None or elapsed == 0 else base.per_days(elapsed)
    last_week = LAST_WEEK if elapsed == 7 else SAME_DAYS
    base_words = BASELINE if elapsed == 7 else BASELINE_SO_FAR
    check, check_before, first_check = checks
    found = []
    for key, label, scale in FIGURES:
        if key == "check_score":
            value = check.score if check else None
            prev = compare(value, check_before.score if check_before else None, scale, LAST_WEEK)
            own_first = first_check is None or (check is not None and check.uid == first_check.uid)
            first = None if own_first or first_check is None else first_check.score
            found.append(
                Figure(key, label, scale, value, prev, compare(value, first, scale, FIRST_CHECK))
            )
            continue
        value = now[key]
        prev = compare(value, earlier[key], scale, last_week) if earlier else None
        vs_base = compare(value, baseline[key], scale, base_words) if baseline else None
        found.append(Figure(key, label, scale, value, prev, vs_base))
    return tuple(found)


def _series(week: Period) -> tuple[DayPoint, ...]:
    points = []
    for day in week_days(week.first):
        row = week.days.get(day)
        if row is None:
            points.append(DayPoint(day, None, None, None))
            continue
        points.append(
            DayPoint(
                day,
                None if row.pain_avg is None else rounded(row.pain_avg, 1),
                None if row.mood_avg is None else rounded(row.mood_avg, 1),
                row.activity_minutes if row.activities else None,
            )
        )
    return tuple(points)


def baseline_note(
    baseline: Baseline | None, found_weeks: int, first: date, last: date, what: str = "week"
) -> str:
    """Why the days from `first` to `last` are not set against the baseline ("" when they are).

    `what` names them: "week" (told to the person) or "period" (the report, for a clinician).
    """
    whose = "your" if what == "week" else "the"
    if baseline is None:
        so_far = "nothing is logged yet" if not found_weeks else "so far one week has entries"
        return f"The baseline is {whose} first two weeks with entries; {so_far}."
    if baseline.last < first:
        return ""
    if any(lo <= last and first <= hi for lo, hi in baseline.weeks):
        inside = "is part of" if what == "week" else "overlaps"
        return f"This {what} {inside} {whose} first two weeks with entries (the baseline)."
    if last < baseline.first:
        return (
            f"This {what} is before {whose} first entry, so there is no baseline to compare with."
        )
    return (
        f"This {what} comes before the end of {whose} first two weeks with entries (the "
        "baseline), so it is not compared with them."
    )
