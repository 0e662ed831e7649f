"""The week summary and insights as JSON-ready values (`paincoach week --json`, the report).

Keys are stable (documented in docs/insights.md, "JSON"); a key is only ever added, and
`version` goes up if one ever changes meaning. Dates are ISO 8601 text; a missing figure or
comparison is null.
"""

from __future__ import annotations

from typing import Any

from paincoach.records.review import (
    Change,
    Figure,
    Insights,
    PlanProgress,
    TreatmentPeriod,
    WeeklyCheck,
    WeekSummary,
)
from paincoach.settings import WEEKDAYS

FORMAT = "paincoach-week"
VERSION = 1


def change_json(change: Change | None) -> dict[str, Any] | None:
    """One comparison."""
    if change is None:
        return None
    return {
        "earlier": change.earlier,
        "delta": change.delta,
        "percent": change.percent,
        "direction": change.direction,
        "meaningful": change.meaningful,
        "words": change.words,
    }


def figure_json(figure: Figure) -> dict[str, Any]:
    """One figure with its comparisons."""
    return {
        "label": figure.label,
        "scale": figure.scale,
        "value": figure.value,
        "previous": change_json(figure.previous),
        "baseline": change_json(figure.baseline),
    }


def plan_json(plan: PlanProgress) -> dict[str, Any]:
    """A pacing plan over the week."""
    return {
        "activity": plan.activity,
        "unit": plan.unit,
        "quota_total": plan.quota_total,
        "done_total": plan.done_total,
        "days": [{"day": d.day.isoformat(), "quota": d.quota, "done": d.done} for d in plan.days],
    }


def check_json(check: WeeklyCheck | None) -> dict[str, Any] | None:
    """The weekly check, if one was given."""
    if check is None:
        return None
    return {
        "uid": check.uid,
        "at": check.at.isoformat(),
        "day": check.day.isoformat(),
        "week_start": check.week_start.isoformat(),
        "pain": check.pain,
        "enjoyment": check.enjoyment,
        "activity": check.activity,
        "score": check.score,
    }


def treatments_json(found: TreatmentPeriod | None) -> dict[str, Any]:
    """The week's doses per treatment, its as-needed days, and the starts and stops."""
    if found is None:
        return {"doses": 0, "as_needed_days": [], "uses": [], "changes": []}
    return {
        "doses": found.doses,
        "as_needed_days": [day.isoformat() for day in found.as_needed_days],
        "uses": [
            {
                "name": use.name,
                "doses": use.doses,
                "rated": use.rated,
                "mean_relief": use.mean_relief,
            }
            for use in found.uses
        ],
        "changes": [
            {"day": mark.day.isoformat(), "name": mark.name, "change": mark.change, "why": mark.why}
            for mark in found.marks
        ],
    }


def summary_json(summary: WeekSummary) -> dict[str, Any]:
    """Everything in a week summary."""
    base = summary.baseline
    return {
        "week": {
            "label": summary.label,
            "start": summary.start.isoformat(),
            "end": summary.end.isoformat(),
            "week_start": WEEKDAYS[summary.week_start],
            "days_so_far": summary.days_so_far,
        },
        "baseline": None
        if base is None
        else {
            "first": base.first.isoformat(),
            "last": base.last.isoformat(),
            "days": base.days,
            "weeks": [{"first": lo.isoformat(), "last": hi.isoformat()} for lo, hi in base.weeks],
        },
        "notes": {"baseline": summary.baseline_note, "previous": summary.previous_note},
        "figures": {figure.key: figure_json(figure) for figure in summary.figures},
        "days": [
            {
                "day": point.day.isoformat(),
                "pain_avg": point.pain_avg,
                "mood_avg": point.mood_avg,
                "activity_minutes": point.activity_minutes,
            }
            for point in summary.days
        ],
        "pacing": [plan_json(plan) for plan in summary.plans],
        "exercises": [
            {"kind": e.kind, "completed": e.completed, "incomplete": e.incomplete}
            for e in summary.exercises
        ],
        "weekly_check": check_json(summary.check),
        "treatments": treatments_json(summary.treatments),
    }


def insights_json(insights: Insights) -> dict[str, Any]:
    """Every insight, with its numbers."""
    return {
        "first": insights.first.isoformat(),
        "last": insights.last.isoformat(),
        "items": [
            {
                "key": item.key,
                "title": item.title,
                "enough": item.enough,
                "text": item.text,
                "needs": item.needs,
                "has": item.has,
                "caveat": item.caveat,
                "data": item.data,
            }
            for item in insights.items
        ],
    }


def week_document(summary: WeekSummary, insights: Insights) -> dict[str, Any]:
    """The whole `paincoach week --json` document."""
    return {
        "format": FORMAT,
        "version": VERSION,
        **summary_json(summary),
        "insights": insights_json(insights),
    }
