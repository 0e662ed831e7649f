"""What each section of an export holds on import: its fields, which are required, defaults.

A `SectionSpec` checks every field with `paincoach.transfer.import_fields` and then `finish` turns
the checked values into table columns (the local `day`, defaults, bookkeeping stamps).
The table in docs/export.md is written from these specs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from paincoach.core.errors import InputError
from paincoach.core.when import format_moment, local_day, parse_moment, week_start_for
from paincoach.exercises.courses import MAX_WEEKS
from paincoach.records.course_line import ACTIONS
from paincoach.records.pacing import CHANGE_KINDS, REASONS
from paincoach.transfer import import_fields as check

Checker = Callable[[object, str], Any]
Finisher = Callable[[dict[str, Any], str], dict[str, Any]]
DEFAULT_UNIT = "minutes"
DEFAULT_PERCENT = 10.0


@dataclass(frozen=True)
class SectionSpec:
    """The fields a section accepts (with their checks), which are required, and `finish`."""

    checks: dict[str, Checker]
    required: tuple[str, ...]
    finish: Finisher


def _when(values: dict[str, Any], name: str) -> dict[str, Any]:
    moment: datetime = values[name]
    return {name: format_moment(moment), "day": local_day(moment).isoformat()}


def _stamps(stamp: str) -> dict[str, str]:
    return {"created_at": stamp, "updated_at": stamp}


# -- check-ins and activities ----------------------------------------------------------------


def _finish_checkin(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    return {
        "uid": v["uid"],
        **_when(v, "at"),
        "pain": v["pain"],
        "mood": v.get("mood"),
        "sleep": v.get("sleep"),
        "areas": v.get("areas", []),
        "tags": v.get("tags", []),
        "note": v.get("note", ""),
        **_stamps(stamp),
    }


def _finish_activity(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    return {
        "uid": v["uid"],
        **_when(v, "at"),
        "name": v["name"],
        "minutes": v["minutes"],
        "effort": v.get("effort"),
        "paced": v.get("paced", False),
        "note": v.get("note", ""),
        **_stamps(stamp),
    }


# -- practice ------------------------------------------------------------------------------------

_THOUGHT_TEXTS = ("situation", "hot_thought", "evidence_for", "evidence_against", "balanced")


def _finish_thought_record(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    return {
        "uid": v["uid"],
        "session_uid": v.get("session_uid"),
        **_when(v, "at"),
        **{name: v.get(name, "") for name in _THOUGHT_TEXTS},
        "emotions": v.get("emotions", []),
        "thoughts": v.get("thoughts", []),
        "belief": v.get("belief"),
        "traps": v.get("traps", []),
        "balanced_belief": v.get("balanced_belief"),
        "emotions_after": v.get("emotions_after", []),
        **_stamps(stamp),
    }


def _finish_session(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    done = v.get("steps_done", 0)
    total = v.get("steps_total", max(1, done))
    if done < 0:
        raise InputError("steps_done", "'steps_done' cannot be below 0.")
    if total < 1:
        raise InputError("steps_total", "'steps_total' should be at least 1.")
    if done > total:
        raise InputError(
            "steps_done", f"'steps_done' ({done}) cannot be more than 'steps_total' ({total})."
        )
    started = v["started_at"]
    return {
        "uid": v["uid"],
        "exercise_id": v["exercise_id"],
        "exercise_title": v.get("exercise_title", v["exercise_id"]),
        "kind": v["kind"],
        **_when(v, "started_at"),
        "ended_at": format_moment(v.get("ended_at", started)),
        "completed": v.get("completed", False),
        "steps_done": done,
        "steps_total": total,
        "before": v.get("before"),
        "after": v.get("after"),
        "answers": v.get("answers", {}),
    }


def _finish_plan(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    if v["baseline"] < 1:
        raise InputError("baseline", "'baseline' should be at least 1.")
    percent = v.get("percent", DEFAULT_PERCENT)
    if not 0 <= percent <= 100:
        raise InputError("percent", f"'percent' goes from 0 to 100; {percent} is outside that.")
    cap = v.get("cap")
    if cap is not None and cap <= 0:
        raise InputError("cap", "'cap' should be more than 0 (or null for no cap).")
    return {
        "uid": v["uid"],
        "activity": v["activity"],
        "unit": v.get("unit", DEFAULT_UNIT),
        "measurements": v.get("measurements", []),
        "baseline": v["baseline"],
        "percent": float(percent),
        "start_day": v["start_day"],
        "cap": None if cap is None else float(cap),
        "active": v.get("active", True),
        **_stamps(stamp),
    }


def _finish_pacing_change(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    """A change as the table holds it: a rise outside 5-20% is kept (and flagged), not refused."""
    kind, value = v["kind"], v.get("value")
    if kind not in CHANGE_KINDS:
        raise InputError("kind", f"'kind' should be one of {', '.join(CHANGE_KINDS)}.")
    if kind in ("hold", "back") and value is not None:
        raise InputError("value", f"'value' should be null for '{kind}'.")
    if kind == "goal" and value is not None and value <= 0:
        raise InputError("value", "'value' (the goal) should be more than 0, or null for none.")
    if kind == "percent":
        if value is None:
            raise InputError("value", "'value' (the weekly rise) is required for 'percent'.")
        if not 0 <= value <= 100:
            raise InputError("value", f"'value' goes from 0 to 100 for 'percent'; {value} is not.")
    reason = v.get("reason", "")
    if reason not in REASONS:
        raise InputError("reason", "'reason' should be 'flare' or empty.")
    return {
        "uid": v["uid"],
        "plan_uid": v["plan_uid"],
        "kind": kind,
        "value": None if value is None else float(value),
        "reason": reason,
        **_when(v, "at"),
    }


def _finish_weekly_check(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    moment: datetime = v["at"]
    start = v.get("week_start") or week_start_for(local_day(moment)).isoformat()
    return {
        "uid": v["uid"],
        **_when(v, "at"),
        "week_start": start,
        **{name: v[name] for name in ("pain", "enjoyment", "activity")},
        "created_at": stamp,
    }


def _finish_course_event(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    action, week = v["action"], v.get("week")
    if action not in ACTIONS:
        raise InputError("action", f"'action' should be one of {', '.join(ACTIONS)}.")
    moves = action in ("start", "week")
    if moves and (week is None or not 1 <= week <= MAX_WEEKS):
        raise InputError("week", f"'week' should be 1 to {MAX_WEEKS} for '{action}'.")
    if not moves and week is not None:
        raise InputError("week", f"'week' should be null for '{action}'.")
    return {"uid": v["uid"], "course_id": v["course_id"], "action": action, "week": week,
            **_when(v, "at")}  # fmt: skip


def _finish_goal(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    if not v["text"].strip():
        raise InputError("text", "'text' must not be empty.")
    created = v.get("created_at", stamp)
    return {
        "uid": v["uid"],
        "text": v["text"],
        "session_uid": v.get("session_uid"),
        "created_at": created,
        "day": v.get("day", local_day(parse_moment(created)).isoformat()),
        "done_at": v.get("done_at"),
    }


SPECS: dict[str, SectionSpec] = {
    "checkins": SectionSpec(
        {
            "uid": check.uid,
            "at": check.moment,
            "pain": check.required_rating,
            "mood": check.rating,
            "sleep": check.rating,
            "areas": check.labels,
            "tags": check.labels,
            "note": check.note,
        },
        ("at", "pain"),
        _finish_checkin,
    ),
    "activities": SectionSpec(
        {
            "uid": check.uid,
            "at": check.moment,
            "name": check.activity_name,
            "minutes": check.minutes,
            "effort": check.rating,
            "paced": check.flag,
            "note": check.note,
        },
        ("at", "name", "minutes"),
        _finish_activity,
    ),
    "thought_records": SectionSpec(
        {
            "uid": check.uid,
            "session_uid": check.optional_uid,
            "at": check.moment,
            **dict.fromkeys(_THOUGHT_TEXTS, check.note),
            "emotions": check.emotions,
            "thoughts": check.text_list,
            "belief": check.percent_rating,
            "traps": check.text_list,
            "balanced_belief": check.percent_rating,
            "emotions_after": check.emotions,
        },
        ("at",),
        _finish_thought_record,
    ),
    "exercise_sessions": SectionSpec(
        {
            "uid": check.uid,
            "exercise_id": check.short_text,
            "exercise_title": check.short_text,
            "kind": check.short_text,
            "started_at": check.moment,
            "ended_at": check.moment,
            "completed": check.flag,
            "steps_done": check.whole,
            "steps_total": check.whole,
            "before": check.rating,
            "after": check.rating,
            "answers": check.answers,
        },
        ("exercise_id", "kind", "started_at"),
        _finish_session,
    ),
    "pacing_plans": SectionSpec(
        {
            "uid": check.uid,
            "activity": check.activity_name,
            "unit": check.short_text,
            "measurements": check.positive_numbers,
            "baseline": check.whole,
            "percent": check.number,
            "start_day": check.day,
            "cap": check.number,
            "active": check.flag,
        },
        ("activity", "baseline", "start_day"),
        _finish_plan,
    ),
    "pacing_changes": SectionSpec(
        {
            "uid": check.uid,
            "plan_uid": check.uid,
            "kind": check.short_text,
            "value": check.number,
            "reason": check.string,
            "at": check.moment,
        },
        ("plan_uid", "kind", "at"),
        _finish_pacing_change,
    ),
    "weekly_checks": SectionSpec(
        {
            "uid": check.uid,
            "at": check.moment,
            "week_start": check.day,
            "pain": check.required_rating,
            "enjoyment": check.required_rating,
            "activity": check.required_rating,
        },
        ("at", "pain", "enjoyment", "activity"),
        _finish_weekly_check,
    ),
    "goals": SectionSpec(
        {
            "uid": check.uid,
            "text": check.note,
            "session_uid": check.optional_uid,
            "day": check.day,
            "created_at": check.moment_text,
            "done_at": check.moment_text,
        },
        ("text",),
        _finish_goal,
    ),
    "course_events": SectionSpec(
        {
            "uid": check.uid,
            "course_id": check.short_text,
            "action": check.short_text,
            "week": check.whole,
            "at": check.moment,
        },
        ("course_id", "action", "at"),
        _finish_course_event,
    ),
}
