"""The safety plan: its parts from a session's answers, stored once, edited, read back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from paincoach.core import paths
from paincoach.practice.answers import extract, safety_fields
from paincoach.records.safety_plan import SAFETY_KEYS, SafetyPlan, safety_plan_from
from tests.practice_support import SAFETY, drive, library, made_result, open_practice, runner
from tests.support import NOW

WRITTEN = SafetyPlan(
    signs=("Not sleeping", "Going quiet with everyone"),
    cope=("Slow breathing", "A warm shower"),
    distract=("The café by the library",),
    people=("Sam, 07700 900123, after 5",),
    services=("GP surgery 01632 960000",),
    safer=("Jo keeps my spare tablets",),
    reasons=("My granddaughter", "The garden in spring"),
    updated_at=NOW,
)


def session_answers(home: Path) -> list[dict[str, object]]:
    conn = sqlite3.connect(paths.database_path(home))
    try:
        return [json.loads(row[0]) for row in conn.execute("SELECT answers FROM exercise_sessions")]
    finally:
        conn.close()


def test_the_bundled_exercise_asks_for_every_part_in_the_plans_order() -> None:
    exercise = library().get("safety-plan")
    assert exercise is not None and exercise.kind == "safety_plan"
    keys = [step.key for step in exercise.steps if step.key]
    assert tuple(keys) == SAFETY_KEYS  # one prompt per part, nothing else asked
    assert all(getattr(step, "optional", True) for step in exercise.steps)  # none is forced
    words = " ".join(step.text for step in exercise.steps).lower()
    assert "medicines" in words and "emergency number" in words
    assert "help now" in words  # the crisis lines are there, not copied into the plan


def test_parts_come_from_answers_one_per_line_and_other_answers_are_left_out() -> None:
    found = safety_fields({**SAFETY, "reasons": "", "before": 3, "tell": "not a part"})
    assert found is not None
    assert found["cope"] == ["Slow breathing", "A warm shower"]  # the blank line dropped
    assert "reasons" not in found and "tell" not in found
    assert safety_fields({"signs": "  ", "people": []}) is None


def test_only_a_safety_plan_session_gives_a_plan() -> None:
    assert extract(made_result("grounding", dict(SAFETY))).safety_plan is None
    found = extract(made_result("safety_plan", {**SAFETY, "note": "kept"}))
    assert found.safety_plan is not None and found.replace_safety
    assert found.session_answers == {"note": "kept"}  # the plan's words live in the plan only


def test_a_safety_plan_is_stored_once_and_read_back(home: Path) -> None:
    practice = open_practice(home)
    assert practice.safety_plan() is None
    r = runner("safety-plan")
    drive(r, SAFETY)
    saved = practice.save_session(r.result())
    assert saved.safety_plan_saved and saved.completed and not saved.flare_plan_saved
    assert practice.safety_plan() == WRITTEN
    assert session_answers(home) == [{}]  # not a second copy in the session


def test_writing_it_again_starts_from_what_is_there(home: Path) -> None:
    practice = open_practice(home)
    r = runner("safety-plan")
    drive(r, SAFETY)
    practice.save_session(r.result())
    plan = practice.safety_plan()
    assert plan is not None
    exercise = library().get("safety-plan")
    assert exercise is not None
    from paincoach.exercises.engine import Runner

    again = Runner(exercise, answers=plan.as_answers())
    drive(again, {"reasons": "My granddaughter\nMy dog"})  # only one part changed
    practice.save_session(again.result())
    changed = practice.safety_plan()
    assert changed is not None
    assert changed.reasons == ("My granddaughter", "My dog")
    assert changed.signs == WRITTEN.signs and changed.safer == WRITTEN.safer


def test_a_session_left_early_fills_in_only_what_it_answered(home: Path) -> None:
    practice = open_practice(home)
    r = runner("safety-plan")
    drive(r, SAFETY)
    practice.save_session(r.result())
    again = runner("safety-plan")  # not started from the plan: a file of the person's own
    drive(again, {"signs": "Snapping at people"}, until="cope")
    assert practice.save_session(again.leave()).safety_plan_saved
    plan = practice.safety_plan()
    assert plan is not None
    assert plan.signs == ("Snapping at people",) and plan.people == WRITTEN.people


def test_a_finished_session_replaces_the_whole_plan(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(made_result("safety_plan", dict(SAFETY)))
    practice.save_session(made_result("safety_plan", {"reasons": "My dog"}))
    assert practice.safety_plan() == SafetyPlan(reasons=("My dog",), updated_at=NOW)


def test_a_session_left_before_any_answer_keeps_the_plan(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(made_result("safety_plan", dict(SAFETY)))
    again = runner("safety-plan")
    again.next()
    assert not practice.save_session(again.leave()).safety_plan_saved
    assert practice.safety_plan() == WRITTEN


def test_a_stored_document_that_is_not_a_plan_reads_as_none() -> None:
    assert safety_plan_from(None) is None
    assert safety_plan_from(["signs"]) is None
    assert safety_plan_from({"signs": "not a list", "people": [" ", ""]}) is None
    odd = safety_plan_from({"people": ["Sam", 7], "updated_at": "yesterday"})
    assert odd == SafetyPlan(people=("Sam", "7"))
