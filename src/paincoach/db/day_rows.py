"""One mapping from rows to records for what `paincoach today` reads, for both drivers.

The ORM repositories (`practice_repository`, `treatment_repository`, `pacing_repository`,
`course_repository`, `repository.daily_figures`) and the `sqlite3` reads of `db.quick_day`
turn rows into records through these functions alone, so the fast `today` and the full one
cannot drift apart (`tests/cli/test_cli_today_fast.py` compares their output). A row is
anything with the table's columns as attributes. No SQLAlchemy, no models: the fast path
imports this.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from paincoach.core.when import parse_moment
from paincoach.records.entries import DayFigures
from paincoach.records.pacing import PlanChange

if TYPE_CHECKING:  # loaded by the mappings that make them: a new journal has none to map
    from paincoach.records.course_line import CourseEvent
    from paincoach.records.practice import SessionSummary
    from paincoach.records.treatments import Dose

#: The key, among a session's stored answers, of how long each timed step ran: a list of
#: `{"step", "seconds", "of"}`. It cannot clash with a step's answer key (no "@" in those).
TIMED_KEY = "@timed"


def timed_of(answers_text: str) -> tuple[int, int | None] | None:
    """Seconds the timed steps ran and their full time, from stored answers (None: not kept).

    Sessions saved before this was kept, or without timed steps, give None; a full time is
    None when a pacing timer never started (its length was never chosen).
    """
    if TIMED_KEY not in answers_text:  # most sessions: no need to parse their answers
        return None
    try:
        runs = json.loads(answers_text).get(TIMED_KEY)
    except (ValueError, AttributeError):
        return None
    if not isinstance(runs, list) or not runs:
        return None
    from paincoach.records.practice import timed_sums

    pairs = []
    for run in runs:
        seconds = _whole(run.get("seconds")) if isinstance(run, dict) else None
        if seconds is None:
            return None
        pairs.append((seconds, _whole(run.get("of"))))  # of: None for a timer never started
    return timed_sums(pairs)


def _whole(value: object) -> int | None:
    """A stored count of seconds, or None when it is not one."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def summary_from_row(row: Any) -> SessionSummary:
    """A plain summary from an `exercise_sessions` row."""
    from paincoach.records.practice import SessionSummary

    timed = timed_of(row.answers)
    return SessionSummary(
        uid=row.uid,
        exercise_id=row.exercise_id,
        title=row.exercise_title,
        kind=row.kind,
        day=date.fromisoformat(row.day),
        started_at=parse_moment(row.started_at),
        completed=bool(row.completed),
        before=row.before,
        after=row.after,
        steps_done=row.steps_done,
        steps_total=row.steps_total,
        timed_seconds=None if timed is None else timed[0],
        timed_total=None if timed is None else timed[1],
    )


def dose_from_row(row: Any) -> Dose:
    """A stored dose as a plain record."""
    from paincoach.records.treatments import Dose

    return Dose(
        uid=row.uid,
        name=row.name,
        dose=row.dose,
        at=parse_moment(row.at),
        day=date.fromisoformat(row.day),
        relief=row.relief,
        side_effects=row.side_effects,
        note=row.note,
        rated_at=parse_moment(row.rated_at) if row.rated_at else None,
        asked=bool(row.asked),
    )


def change_from_row(row: Any) -> PlanChange:
    """A stored change of a pacing plan (`pacing_changes`) as a plain record."""
    return PlanChange(
        row.kind,
        date.fromisoformat(row.day),
        row.value,
        row.reason,
        row.uid,
        parse_moment(row.at),
    )


def changes_by_plan(rows: Iterable[Any]) -> dict[str, tuple[PlanChange, ...]]:
    """Each plan's changes, in the order of `rows` (read oldest first)."""
    found: dict[str, list[PlanChange]] = {}
    for row in rows:
        found.setdefault(row.plan_uid, []).append(change_from_row(row))
    return {uid: tuple(changes) for uid, changes in found.items()}


def event_from_row(row: Any) -> CourseEvent:
    """A stored course event as a plain record."""
    from paincoach.records.course_line import CourseEvent

    return CourseEvent(row.uid, row.course_id, row.action, row.week, parse_moment(row.at))


def sorted_events(rows: Iterable[Any]) -> list[CourseEvent]:
    """Course events from rows read in saved order, oldest first (saved order breaks ties)."""
    return sorted((event_from_row(row) for row in rows), key=lambda event: event.at)


def pain_and_tags(rows: Iterable[tuple[str, int, str]]) -> list[tuple[date, int, tuple[str, ...]]]:
    """(day, pain, tags) of check-ins from their (day, pain, tags) columns."""
    return [(date.fromisoformat(day), pain, tuple(json.loads(tags))) for day, pain, tags in rows]


def setting_value(text: str | None) -> object | None:
    """One stored setting's value decoded from JSON (None when it is not set)."""
    return None if text is None else json.loads(text)


def day_setting(value: object | None) -> date | None:
    """A setting holding an ISO day, or None (not set, or damaged: as if never set)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def figures_by_day(
    pain_rows: Iterable[tuple[Any, ...]], activity_rows: Iterable[tuple[Any, ...]]
) -> dict[date, DayFigures]:
    """Per-day figures from the two GROUP BY day queries (`repository.daily_figures`)."""
    figures: dict[date, DayFigures] = {}
    for day_text, count, p_avg, p_min, p_max, m_avg, m_min, m_max, s_avg in pain_rows:
        day = date.fromisoformat(day_text)
        figures[day] = DayFigures(
            day, count, p_avg, p_min, p_max, m_avg, s_avg, mood_min=m_min, mood_max=m_max
        )
    for day_text, count, minutes in activity_rows:
        day = date.fromisoformat(day_text)
        figures[day] = replace(
            figures.get(day, DayFigures(day)), activities=count, activity_minutes=int(minutes or 0)
        )
    return figures
