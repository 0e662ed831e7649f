"""The clinician report: a period's figures against the baseline, by week, with charts.

`build_report` gathers everything in one read snapshot, using the week summary's own
figures (`paincoach.review.summary`: periods, baseline, meaningful-change wording) and pacing
progress (`paincoach.review.plan_progress`); `report_markdown` and `report_html` present it.
Notes and thought-record text are left out unless asked for (`include_notes`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from paincoach.core import clock
from paincoach.core.errors import InputError
from paincoach.core.rounding import rounded
from paincoach.core.when import week_start_for
from paincoach.records.practice import ThoughtRecord
from paincoach.records.review import (
    Baseline,
    Change,
    DayPoint,
    PlanProgress,
    Scale,
    TreatmentPeriod,
    WeeklyCheck,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from paincoach.db.engine import Database
    from paincoach.db.report_repository import ExerciseLine, NoteLine
    from paincoach.records.entries import DayFigures
    from paincoach.records.long_view import Trends
    from paincoach.records.treatments import Treatment

DEFAULT_DAYS = 28  # four weeks, ending today
MAX_DAYS = 3660  # ten years: a longer range is almost certainly a typing mistake
TOP_LABELS = 8
HEADER = "Made with paincoach, a self-help journal; not a medical record."
PURPOSE = (
    "The person kept this journal for themselves and chose to share this summary. Figures "
    "are their own ratings (0-10) and logs, not clinical measurements."
)
CHANGE_RULE = (
    "A change is called meaningful at 2 points or 30% or more (after Farrar et al. 2001); "
    "counts and minutes of the baseline are scaled to the same number of days."
)


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One period figure and how it compares with the baseline (None: nothing to compare)."""

    key: str
    label: str
    scale: Scale
    value: float | None
    baseline: Change | None


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One week of the period (cut to the period at either end)."""

    first: date
    last: date
    values: dict[str, float | None]
    check: WeeklyCheck | None

    @property
    def days(self) -> int:
        """Calendar days of the week inside the period."""
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Report:
    """Everything the report shows, as plain data."""

    first: date
    last: date
    made_at: datetime
    include_notes: bool
    figures: tuple[FigureRow, ...]
    baseline: Baseline | None
    baseline_note: str
    weeks: tuple[WeekRow, ...]
    days: tuple[DayPoint, ...]
    plans: tuple[PlanProgress, ...]
    exercises: tuple[ExerciseLine, ...]
    traps: tuple[tuple[str, int], ...]
    trap_records: int
    checks: tuple[WeeklyCheck, ...]
    first_check: WeeklyCheck | None
    goals_set: int
    goals_done: int
    areas: tuple[tuple[str, int], ...]
    tags: tuple[tuple[str, int], ...]
    goal_texts: tuple[tuple[str, bool], ...] = ()
    notes: tuple[NoteLine, ...] = ()
    thought_records: tuple[ThoughtRecord, ...] = field(default_factory=tuple)
    treatments: TreatmentPeriod | None = None  # doses, as-needed days, starts and stops
    regular: tuple[Treatment, ...] = ()  # in use at the period's end, then stopped in it
    trends: Trends | None = None  # the chosen months ending today (`--months`), if asked for

    @property
    def length(self) -> int:
        """Calendar days in the period."""
        return (self.last - self.first).days + 1

    @property
    def empty(self) -> bool:
        """Whether nothing at all was logged in the period."""
        treated = self.treatments is not None and not self.treatments.empty
        return not any(row.values.get("days_logged") for row in self.weeks) and not (
            self.exercises or self.checks or treated
        )

    def figure(self, key: str) -> FigureRow:
        """The period figure with this key."""
        for row in self.figures:
            if row.key == key:
                return row
        raise KeyError(key)


def report_range(
    since: date | None, until: date | None, today: date | None = None
) -> tuple[date, date]:
    """The report's days: by default the four weeks ending today (or ending `until`).

    A report ends today at the latest: days not lived yet have nothing to count, and would
    show as 0 done.
    """
    today = today or clock.now().date()
    last = min(until, today) if until else today
    if since is not None and since > today:
        raise InputError("since", f"--since ({since}) is after today; a report covers days lived.")
    first = since or last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InputError("since", f"--since ({first}) is after --until ({last}).")
    if (last - first).days >= MAX_DAYS:
        raise InputError("since", "A report can cover up to ten years; choose a shorter range.")
    return first, last


def build_report(
    db: Database,
    first: date,
    last: date,
    *,
    include_notes: bool = False,
    week_start: int = 0,
    now: datetime | None = None,
    trends: Trends | None = None,
) -> Report:
    """Gather the report for the days from `first` to `last` from one read snapshot.

    `trends` (from `LongView.trends`, for `--months`) is shown as the chosen-period section.
    """
    from paincoach.db import report_repository as report_repo
    from paincoach.db import review_repository as rrepo
    from paincoach.review.plan_progress import plan_progress

    made_at = now or clock.now()
    # the treatments service reads its own snapshot (its rules for as-needed days and relief)
    treatments, regular = _treatments(db, first, last)
    with db.read() as session:
        figures, baseline, note, days = _figures(session, first, last, week_start)
        checks = report_repo.weekly_checks_between(session, first, last)
        first_check = rrepo.first_weekly_check(session)
        trap_records, traps = rrepo.trap_counts(session, first, last)
        goals_set, goals_done = report_repo.goal_counts(session, first, last)
        with_notes = _with_notes(session, first, last) if include_notes else {}
        return Report(
            first=first,
            last=last,
            made_at=made_at,
            include_notes=include_notes,
            figures=(*figures, _check_row(checks, first_check)),
            baseline=baseline,
            baseline_note=note,
            weeks=_weeks(session, first, last, week_start, checks),
            days=days,
            plans=plan_progress(session, first, last, made_at.date()),
            exercises=tuple(report_repo.exercise_lines(session, first, last)),
            traps=tuple(traps),
            trap_records=trap_records,
            checks=tuple(checks),
            first_check=first_check,
            goals_set=goals_set,
            goals_done=goals_done,
            areas=tuple(report_repo.label_counts(session, "areas", first, last, TOP_LABELS)),
            tags=tuple(report_repo.label_counts(session, "tags", first, last, TOP_LABELS)),
            treatments=treatments,
            regular=regular,
            trends=trends,
            **with_notes,
        )


def _treatments(
    db: Database, first: date, last: date
) -> tuple[TreatmentPeriod, tuple[Treatment, ...]]:
    """The period's treatments, and the regular list: those in use at its end (a stop after
    it does not count yet), then those stopped in it, newest first."""
    from paincoach.journal.treatments import Treatments
    from paincoach.records.names import name_key
    from paincoach.review.treatments import treatment_period

    listed = []
    for treatment in Treatments(db).regular(active_only=False):
        if treatment.start > last or (treatment.stop is not None and treatment.stop < first):
            continue
        if treatment.stop is not None and treatment.stop > last:
            treatment = replace(treatment, stop=None, stop_why=None, stop_note="")
        listed.append(treatment)
    in_use = sorted((t for t in listed if t.stop is None), key=lambda t: name_key(t.name))
    return treatment_period(db, first, last), (*in_use, *(t for t in listed if t.stop))


def _figures(
    session: Session, first: date, last: date, week_start: int
) -> tuple[list[FigureRow], Baseline | None, str, tuple[DayPoint, ...]]:
    from paincoach.review import summary
    from paincoach.review.changes import compare

    now = summary.period(session, first, last)
    baseline, found_weeks = summary.find_baseline(session, week_start)
    note = summary.baseline_note(baseline, found_weeks, first, last, "period")
    base = None
    if baseline is not None and not note:
        base = summary.baseline_period(session, baseline).per_days(now.length)
    values = now.values()
    rows = [
        FigureRow(
            key,
            label,
            scale,
            values[key],
            compare(values[key], base[key], scale, summary.BASELINE) if base else None,
        )
        for key, label, scale in summary.FIGURES
        if key in values
    ]
    return rows, baseline, note, _points(now.days, first, last)


def _points(rows: dict[date, DayFigures], first: date, last: date) -> tuple[DayPoint, ...]:
    """One point per day of the period (None where nothing of that kind was logged)."""
    points = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        row = rows.get(day)
        if row is None:
            points.append(DayPoint(day, None, None, None))
            continue
        pain = None if row.pain_avg is None else rounded(row.pain_avg, 1)
        mood = None if row.mood_avg is None else rounded(row.mood_avg, 1)
        points.append(DayPoint(day, pain, mood, row.activity_minutes if row.activities else None))
    return tuple(points)


def _check_row(checks: list[WeeklyCheck], first_check: WeeklyCheck | None) -> FigureRow:
    from paincoach.review import summary
    from paincoach.review.changes import compare

    value = rounded(sum(c.score for c in checks) / len(checks), 1) if checks else None
    own = first_check is None or any(c.uid == first_check.uid for c in checks)
    earlier = None if own or first_check is None else first_check.score
    change = compare(value, earlier, "rating", summary.FIRST_CHECK)
    return FigureRow("check_score", "Weekly check score (mean)", "rating", value, change)


def _weeks(
    session: Session, first: date, last: date, week_start: int, checks: list[WeeklyCheck]
) -> tuple[WeekRow, ...]:
    from paincoach.review import summary

    rows = []
    start = week_start_for(first, week_start)
    while start <= last:
        lo, hi = max(start, first), min(start + timedelta(days=6), last)
        check = next((c for c in reversed(checks) if lo <= c.day <= hi), None)
        rows.append(WeekRow(lo, hi, summary.period(session, lo, hi).values(), check))
        start += timedelta(days=7)
    return tuple(rows)


def _with_notes(session: Session, first: date, last: date) -> dict[str, Any]:
    from paincoach.db import report_repository as report_repo

    return {
        "goal_texts": tuple(report_repo.goal_texts(session, first, last)),
        "notes": tuple(report_repo.notes_between(session, first, last)),
        "thought_records": tuple(report_repo.thought_records_between(session, first, last)),
    }
