"""Insights: patterns in the person's own entries, worded as observations, never advice.

Each insight needs a minimum of data and says so when it has less ("needs N, has M"). The
window is the selected week and the weeks before it (8 weeks in all by default), so the cost
is bounded whatever the length of the history. Every rule, threshold and minimum is listed
in docs/insights.md; the numbers live here as constants.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from statistics import StatisticsError, correlation, fmean, median

from paincoach.core.rounding import decimals, rounded, signed
from paincoach.core.when import week_start_for
from paincoach.core.words import counted
from paincoach.db import review_repository as rrepo
from paincoach.db.engine import Database
from paincoach.db.repository import daily_figures
from paincoach.journal.treatments import Treatments
from paincoach.records.entries import DayFigures
from paincoach.records.review import Insight, Insights, PlanProgress
from paincoach.records.treatments import MIN_RATED_DOSES, MeanRelief
from paincoach.review.boom_bust import MIN_ACTIVE_DAYS, BoomBust, describe, find_boom_bust
from paincoach.review.plan_progress import MINUTES_UNIT, plan_progress

WINDOW_WEEKS = 8
MIN_PAIN_MOOD_DAYS = 10
MIN_NEXT_DAY_PAIRS = 10
MIN_RATED_SESSIONS = 3
MIN_TRAP_RECORDS = 3
MIN_PLAN_DAYS = 7
TOP_TRAPS = 3

NOT_CAUSE = "Moving together does not show that one causes the other."
ACTIVITY_CAVEAT = (
    "Other things change from day to day too: this is a pattern, not a cause. Some extra "
    "pain after more activity is common, and on its own it is not a sign of harm."
)


def not_enough(key: str, title: str, needs: int, has: int, what: str) -> Insight:
    """The answer when there is too little data: how much is needed and how much there is."""
    text = f"Not enough data yet: needs {needs} {what}, has {has}."
    return Insight(key, title, False, text, needs, has)


def strength(r: float) -> str:
    """How strong a correlation is, in words (Cohen's conventional 0.1 / 0.3 / 0.5)."""
    size = abs(r)
    if size < 0.1:
        return "no clear"
    if size < 0.3:
        return "a weak"
    if size < 0.5:
        return "a moderate"
    return "a strong"


def _r(xs: list[float], ys: list[float]) -> float | None:
    try:
        return rounded(correlation(xs, ys), 2)
    except StatisticsError:  # one of them never varied
        return None


def window(start: date, *, week_start: int, weeks: int, today: date | None) -> tuple[date, date]:
    """The first and last day looked at: `weeks` weeks ending with the selected week's end
    (or today, when the week is still in progress)."""
    start = week_start_for(start, week_start)
    last = start + timedelta(days=6)
    if today is not None and start <= today < last:
        last = today
    return start - timedelta(days=7 * (weeks - 1)), last


def week_insights(
    db: Database,
    start: date,
    *,
    week_start: int,
    weeks: int = WINDOW_WEEKS,
    today: date | None = None,
) -> Insights:
    """Every insight for the `weeks` weeks ending with the week holding `start`."""
    first, last = window(start, week_start=week_start, weeks=weeks, today=today)
    with db.read() as session:
        days = daily_figures(session, first, last)
        plans = plan_progress(session, first, last)
        rated = rrepo.rated_exercises(session, first, last)
        trap_records, traps = rrepo.trap_counts(session, first, last)
    relief = Treatments(db).mean_relief(first, last)
    items = (
        pain_and_mood(days),
        activity_and_next_day_pain(days),
        boom_bust(find_boom_bust(days, plans)),
        exercises_that_help(rated),
        thinking_traps(trap_records, traps),
        pacing_consistency(plans),
        treatment_relief(relief),
    )
    return Insights(first, last, items)


# -- each insight, from plain sums ----------------------------------------------------------------


def pain_and_mood(days: dict[date, DayFigures]) -> Insight:
    """Whether daily pain and daily mood moved together (Pearson r over days with both)."""
    key, title = "pain_mood", "Pain and mood"
    pairs = [(r.pain_avg, r.mood_avg) for r in days.values() if r.pain_avg is not None]
    both = [(p, m) for p, m in pairs if m is not None]
    if len(both) < MIN_PAIN_MOOD_DAYS:
        what = "days with both a pain and a mood rating"
        return not_enough(key, title, MIN_PAIN_MOOD_DAYS, len(both), what)
    r = _r([p for p, _ in both], [m for _, m in both])
    n = len(both)
    data: dict[str, object] = {"days": n, "r": r}
    if r is None:
        text = (
            f"Over {n} days, your pain or your mood stayed the same every day, so no pattern shows."
        )
    elif abs(r) < 0.1:
        text = (
            f"Over {n} days with both ratings, pain and mood did not clearly move together "
            f"(r = {decimals(r, 2)})."
        )
    else:
        mood = "lower" if r < 0 else "higher"
        text = (
            f"Over {n} days with both ratings, there was {strength(r)} link "
            f"(r = {decimals(r, 2)}): on days with more pain, your mood tended to be {mood}."
        )
    return Insight(key, title, True, text, MIN_PAIN_MOOD_DAYS, n, NOT_CAUSE, data)


def activity_and_next_day_pain(days: dict[date, DayFigures]) -> Insight:
    """Activity minutes on a day against average pain the next day."""
    key, title = "activity_next_day_pain", "Activity and next-day pain"
    pairs: list[tuple[float, float]] = []
    for day, row in sorted(days.items()):
        after = days.get(day + timedelta(days=1))
        if after is not None and after.pain_avg is not None:
            pairs.append((float(row.activity_minutes), after.pain_avg))
    if len(pairs) < MIN_NEXT_DAY_PAIRS:
        what = "pairs of days (entries on a day, and pain the day after)"
        return not_enough(key, title, MIN_NEXT_DAY_PAIRS, len(pairs), what)
    n = len(pairs)
    r = _r([m for m, _ in pairs], [p for _, p in pairs])
    split = median(m for m, _ in pairs)
    busier = [p for m, p in pairs if m > split]
    quieter = [p for m, p in pairs if m <= split]
    data: dict[str, object] = {"pairs": n, "r": r, "median_minutes": split}
    if r is None:
        text = f"Over {n} pairs of days, your activity minutes or next-day pain never varied."
    elif abs(r) < 0.1:
        text = (
            f"Over {n} pairs of days, how active you were showed no clear link with your "
            f"pain the next day (r = {decimals(r, 2)})."
        )
    else:
        pain = "higher" if r > 0 else "lower"
        text = (
            f"Over {n} pairs of days, there was {strength(r)} link (r = {decimals(r, 2)}): "
            f"after more active days, your pain the next day tended to be {pain}."
        )
    if r is not None and busier and quieter:
        after_busy, after_quiet = rounded(fmean(busier), 1), rounded(fmean(quieter), 1)
        data.update(after_busier=after_busy, after_quieter=after_quiet)
        # minutes are whole, so "more than a median of 32.5" is exactly "more than 32"
        text += (
            f" Next-day pain averaged {decimals(after_busy, 1)} after days with more than "
            f"{math.floor(split)} active minutes, and {decimals(after_quiet, 1)} after the others."
        )
    return Insight(key, title, True, text, MIN_NEXT_DAY_PAIRS, n, ACTIVITY_CAVEAT, data)


def boom_bust(found: BoomBust) -> Insight:
    """Busy days, then a rise in pain and a much quieter day (`paincoach.review.boom_bust`)."""
    key, title = "boom_bust", "Busy days and what followed"
    if found.active_days < MIN_ACTIVE_DAYS:
        what = "days with an activity logged"
        return not_enough(key, title, MIN_ACTIVE_DAYS, found.active_days, what)
    caveat = "This is a rough pattern-finder, not a validated test: pain rises for many reasons."
    return Insight(
        key,
        title,
        True,
        describe(found),
        MIN_ACTIVE_DAYS,
        found.active_days,
        caveat,
        found.as_data(),
    )


def exercises_that_help(rated: list[rrepo.RatedExercise]) -> Insight:
    """Which exercises the person's own before/after ratings fell most with."""
    key, title = "exercise_ratings", "Exercises by your own ratings"
    enough = [e for e in rated if e.sessions >= MIN_RATED_SESSIONS]
    has = max((e.sessions for e in rated), default=0)
    if not enough:
        what = "finished sessions of one exercise rated both before and after"
        return not_enough(key, title, MIN_RATED_SESSIONS, has, what)

    def change(e: rrepo.RatedExercise) -> float:
        return rounded(rounded(e.after_avg, 1) - rounded(e.before_avg, 1), 1)

    ranked = sorted(enough, key=lambda e: (change(e), -e.sessions, e.title))
    best = ranked[0]
    if change(best) >= 0:
        text = "On average, none of your rated exercises ended with a lower rating than it began."
    else:
        text = (
            f"By your own ratings, {best.title} went with the biggest fall: from "
            f"{decimals(best.before_avg, 1)} before to {decimals(best.after_avg, 1)} after, on "
            "average over "
            f"{best.sessions} sessions."
        )
        others = [f"{e.title} ({signed(change(e), 1)})" for e in ranked[1:3]]
        if others:
            text += " Next: " + ", ".join(others) + "."
    rows = [
        {
            "exercise_id": e.exercise_id,
            "title": e.title,
            "sessions": e.sessions,
            "before": rounded(e.before_avg, 1),
            "after": rounded(e.after_avg, 1),
            "change": change(e),
        }
        for e in ranked
    ]
    caveat = "Ratings just after an exercise say how you felt then, not what lasted."
    return Insight(key, title, True, text, MIN_RATED_SESSIONS, has, caveat, {"exercises": rows})


def thinking_traps(records: int, counts: list[tuple[str, int]]) -> Insight:
    """The thinking traps marked most often in thought records."""
    key, title = "thinking_traps", "Thinking traps you noticed"
    if records < MIN_TRAP_RECORDS:
        what = "thought records with a thinking trap marked"
        return not_enough(key, title, MIN_TRAP_RECORDS, records, what)
    top = counts[:TOP_TRAPS]
    listed = ", ".join(f"{name} ({count})" for name, count in top)
    text = f"In {records} thought records with a trap marked, the ones you noticed most: {listed}."
    data: dict[str, object] = {
        "records": records,
        "traps": [{"trap": name, "records": count} for name, count in counts],
    }
    return Insight(key, title, True, text, MIN_TRAP_RECORDS, records, "", data)


def pacing_consistency(plans: tuple[PlanProgress, ...]) -> Insight:
    """For each plan counted in minutes: of the days it was done, the share within ±20% of
    the day's amount (after the plan's holds and steps back), and the days without it."""
    key, title = "pacing_consistency", "Keeping to your pacing plans"
    measured = [p for p in plans if p.unit == MINUTES_UNIT]
    has = max((len(p.days) for p in measured), default=0)
    if has < MIN_PLAN_DAYS:
        what = "days with a pacing plan counted in minutes"
        return not_enough(key, title, MIN_PLAN_DAYS, has, what)
    parts, rows = [], []
    for plan in measured:
        if len(plan.days) < MIN_PLAN_DAYS:
            continue
        tally = plan.tally
        if tally is None:
            continue
        within, above, below, total = tally.within, tally.above, tally.below, tally.days
        share = int(rounded(100 * within / total)) if total else 0
        rows.append(
            {
                "activity": plan.activity,
                "days": total,
                "within": within,
                "above": above,
                "below": below,
                "days_without": tally.rest,
                "percent_within": share,
            }
        )
        without = f"; {counted(tally.rest, 'day')} without it" if tally.rest else ""
        if not total:
            parts.append(f"{plan.activity}: not done yet, in {counted(tally.rest, 'day')}.")
            continue
        if total == 1:  # not "on 1 of the 1 days"
            where = "within 20% of" if within else "above" if above else "below"
            parts.append(
                f"{plan.activity}: on the 1 day you did it your minutes were {where} the "
                f"day's amount{without}."
            )
            continue
        parts.append(
            f"{plan.activity}: on {within} of the {total} days you did it ({share}%) your "
            f"minutes were within 20% of the day's amount; {above} above it, {below} "
            f"below{without}."
        )
    return Insight(key, title, True, " ".join(parts), MIN_PLAN_DAYS, has, "", {"plans": rows})


RELIEF_CAVEAT = (
    "A rating says how you felt a while after a dose, not what lasted; pain changes for "
    "many reasons."
)


def treatment_relief(found: list[MeanRelief]) -> Insight:
    """Per treatment with enough rated doses, the mean of the person's own relief ratings
    (0-10). Listed by name, never ranked, and never a suggestion to change anything."""
    key, title = "treatment_relief", "How much treatments helped"
    enough = [t for t in found if t.rated >= MIN_RATED_DOSES]
    has = max((t.rated for t in found), default=0)
    if not enough:
        what = "doses of one treatment rated for how much they helped"
        return not_enough(key, title, MIN_RATED_DOSES, has, what)
    parts = [
        f"{t.name} {decimals(t.mean, 1)} on average over {t.rated} rated doses" for t in enough
    ]
    text = "By your own ratings of how much each helped (0-10): " + "; ".join(parts) + "."
    rows = [{"name": t.name, "rated": t.rated, "mean_relief": rounded(t.mean, 1)} for t in enough]
    return Insight(
        key, title, True, text, MIN_RATED_DOSES, has, RELIEF_CAVEAT, {"treatments": rows}
    )
