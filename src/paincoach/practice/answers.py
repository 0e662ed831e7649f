"""What a finished or left exercise session means for the journal, worked out before saving.

Pure functions over a `SessionResult`: which thought record, goal, flare-up plan, pacing
plans and paced activities it holds. Everything is checked here, so that saving either
writes all of it in one transaction or nothing at all.

Rules (see also docs/content.md, "Kinds with special saving"):
- `thought_record` sessions give a thought record as soon as any of its answers was given,
  finished or not, so that every word the person wrote can be found and deleted. Those
  answers are then kept in the record only, not in the session's answers as well.
- `goals` sessions give a goal when the answer `goal` was given.
- `flare_plan` sessions: a finished session replaces the whole plan; one left early only
  fills in the parts it answered and keeps the rest of the stored plan.
- `safety_plan` sessions: the same rules for the safety plan. Its answers are kept in the
  plan only, not in the session's answers as well, so that the plan exists once: what the
  person changes or removes is gone, not left behind in older sessions.
- `pacing` steps (in an exercise of any kind; they are found by the shape of their answer):
  a plan answer creates the active plan for its activity; a timer answer logs the work done
  as a paced activity (when it is at least one minute and names an activity).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo, refuse_nul
from paincoach.exercises.pacing import PacingError, PacingPlan
from paincoach.exercises.session import SessionResult
from paincoach.records.entries import MINUTES_MAX, activity_name
from paincoach.records.safety_plan import SAFETY_KEYS

THOUGHT_KEYS = (
    "situation",
    "emotions",
    "thoughts",
    "hot_thought",
    "belief",
    "traps",
    "evidence_for",
    "evidence_against",
    "balanced",
    "balanced_belief",
    "emotions_after",
)
FLARE_KEYS = ("helps", "tell", "drop", "signs")
GOAL_KEY = "goal"
PLAN_SHAPE = frozenset({"activity", "unit", "tolerances", "percent", "baseline", "start"})
TIMER_SHAPE = frozenset({"activity", "work_minutes", "rest_minutes", "rounds", "minutes_done"})
BELIEF_MAX = 100


@dataclass(frozen=True)
class PacedWork:
    """Work done in a pacing timer step, to be logged as a paced activity."""

    activity: str
    minutes: int


@dataclass(frozen=True)
class Extracted:
    """Everything one session result asks to be stored."""

    session_answers: dict[str, Any]
    thought_record: dict[str, Any] | None = None
    goal: str = ""
    flare_plan: dict[str, Any] | None = None  # only the parts answered (see `replace_flare`)
    replace_flare: bool = False
    safety_plan: dict[str, Any] | None = None  # only the parts answered (see `replace_safety`)
    replace_safety: bool = False
    plans: list[PacingPlan] = field(default_factory=list)
    paced: list[PacedWork] = field(default_factory=list)


def extract(result: SessionResult) -> Extracted:
    """Work out what `result` asks to be stored; InputError if a pacing plan is unusable
    or an answer holds a NUL (`refuse_nul`)."""
    answers = dict(result.answers)
    for key, value in answers.items():
        refuse_nul(value, key, f"answer to '{echo(key)}'")
    record = thought_record_fields(answers) if result.kind == "thought_record" else None
    safety = safety_fields(answers) if result.kind == "safety_plan" else None
    kept_elsewhere = (THOUGHT_KEYS if record else ()) + (SAFETY_KEYS if safety else ())
    session_answers = {k: v for k, v in answers.items() if k not in kept_elsewhere}
    flare = flare_fields(answers) if result.kind == "flare_plan" else None
    return Extracted(
        session_answers=session_answers,
        thought_record=record,
        goal=text_of(answers.get(GOAL_KEY)) if result.kind == "goals" else "",
        flare_plan=flare,
        replace_flare=bool(flare) and result.completed,
        safety_plan=safety,
        replace_safety=bool(safety) and result.completed,
        plans=[_plan(v) for v in answers.values() if _shaped(v, PLAN_SHAPE)],
        paced=[w for v in answers.values() if _shaped(v, TIMER_SHAPE) for w in _work(v)],
    )


# -- answer values ---------------------------------------------------------------------------


def text_of(value: object) -> str:
    """An answer as text: a list becomes one item per line, rated items their labels."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Mapping):
        return "\n".join(text_of(k) for k in value if text_of(k))
    if isinstance(value, list | tuple):
        return "\n".join(text_of(v) for v in value if text_of(v))
    return str(value)


def items_of(value: object) -> list[str]:
    """An answer as a list of non-empty items (a text answer gives one item per line)."""
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    if isinstance(value, Mapping | list | tuple):
        return [text for text in (text_of(v) for v in value) if text]
    return []


def score_of(value: object, high: int = BELIEF_MAX) -> int | None:
    """A whole-number rating from 0 to `high`, or None."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        return None
    return value


def emotions_of(value: object) -> list[dict[str, Any]]:
    """Emotions as `[{"name", "intensity"}]` from rated picks, plain picks or text."""
    if isinstance(value, Mapping):
        return [
            {"name": text_of(name), "intensity": score_of(strength)}
            for name, strength in value.items()
            if text_of(name)
        ]
    return [{"name": name, "intensity": None} for name in items_of(value)]


# -- kinds ------------------------------------------------------------------------------------


def thought_record_fields(answers: Mapping[str, Any]) -> dict[str, Any] | None:
    """The thought record's fields, or None when none of its answers was given."""
    if not any(_given(answers.get(key)) for key in THOUGHT_KEYS):
        return None
    return {
        "situation": text_of(answers.get("situation")),
        "emotions": emotions_of(answers.get("emotions")),
        "thoughts": items_of(answers.get("thoughts")),
        "hot_thought": text_of(answers.get("hot_thought")),
        "belief": score_of(answers.get("belief")),
        "traps": items_of(answers.get("traps")),
        "evidence_for": text_of(answers.get("evidence_for")),
        "evidence_against": text_of(answers.get("evidence_against")),
        "balanced": text_of(answers.get("balanced")),
        "balanced_belief": score_of(answers.get("balanced_belief")),
        "emotions_after": emotions_of(answers.get("emotions_after")),
    }


def flare_fields(answers: Mapping[str, Any]) -> dict[str, Any] | None:
    """The parts of the flare-up plan this session answered, or None for none."""
    found: dict[str, Any] = {}
    for key in FLARE_KEYS:
        if _given(answers.get(key)):
            found[key] = text_of(answers[key]) if key == "tell" else items_of(answers[key])
    return found or None


def safety_fields(answers: Mapping[str, Any]) -> dict[str, Any] | None:
    """The parts of the safety plan this session answered (each a list of lines), or None."""
    found = {key: items_of(answers[key]) for key in SAFETY_KEYS if _given(answers.get(key))}
    return found or None


def _given(value: object) -> bool:
    return value not in (None, "", [], {}) and not (isinstance(value, str) and not value.strip())


def _shaped(value: object, shape: frozenset[str]) -> bool:
    return isinstance(value, Mapping) and shape <= value.keys()


def _plan(answer: Mapping[str, Any]) -> PacingPlan:
    try:
        return PacingPlan(
            activity=activity_name(str(answer["activity"])),
            measurements=tuple(answer["tolerances"]),
            start=date.fromisoformat(str(answer["start"])),
            percent=answer["percent"],
            unit=str(answer["unit"]) or "minutes",
            cap=answer.get("cap"),
        )
    except (PacingError, ValueError, TypeError) as exc:
        raise InputError("pacing", f"The pacing plan could not be saved: {exc}.") from exc


def _work(answer: Mapping[str, Any]) -> list[PacedWork]:
    name = activity_name(str(answer.get("activity") or ""))
    minutes = answer.get("minutes_done")
    if not name or isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1:
        return []
    return [PacedWork(name, min(minutes, MINUTES_MAX))]
