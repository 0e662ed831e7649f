"""The six practices for setbacks, appointments and keeping going: what each must say, and
that each runs end to end with real answers and is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paincoach.core.resources import data_dir
from paincoach.exercises.loader import check_paths, load_library
from paincoach.exercises.model import (
    ChoiceStep,
    Exercise,
    PromptStep,
    TextStep,
    TimerStep,
)
from tests.practice_support import answer_here, open_practice, runner

KINDS = {
    "problem-solving": "problem_solving",
    "coping-cards": "coping",
    "clinic-appointment": "appointment",
    "setback-plan": "setback_plan",
    "gentle-movement": "movement",
    "what-went-well": "reflection",
}
WITH_CAUTION = sorted(set(KINDS) - {"what-went-well"})  # a light reflection needs none
WITH_RATINGS = sorted(set(KINDS) - {"what-went-well"})  # it should not be "made to" lift mood


def exercise(exercise_id: str) -> Exercise:
    return load_library(None).exercises[exercise_id]


def words_of(exercise_id: str) -> str:
    """Every word the person reads: caution, step texts and placeholders, in one line."""
    found = exercise(exercise_id)
    parts = [found.caution, found.summary]
    for step in found.steps:
        parts.append(step.text)
        if isinstance(step, PromptStep):
            parts.append(step.placeholder)
        if isinstance(step, ChoiceStep):
            parts.extend(option.label for option in step.options)
    return " ".join(" ".join(part.split()) for part in parts)


def step(exercise_id: str, key: str) -> Any:
    found = exercise(exercise_id).step_for_key(key)
    assert found is not None, key
    return found


@pytest.mark.parametrize("exercise_id", sorted(KINDS))
def test_each_is_bundled_checked_of_its_kind_and_sourced(exercise_id: str) -> None:
    path = data_dir() / "exercises" / f"{exercise_id}.toml"
    assert check_paths([path]) == []
    found = exercise(exercise_id)
    assert found.origin == "bundled" and found.kind == KINDS[exercise_id]
    assert len(found.sources) >= 2 and all(source.strip() for source in found.sources)
    assert isinstance(found.steps[0], TextStep) and isinstance(found.steps[-1], TextStep)


@pytest.mark.parametrize("exercise_id", WITH_CAUTION)
def test_a_caution_where_one_fits(exercise_id: str) -> None:
    caution = exercise(exercise_id).caution
    assert caution and ("doctor" in caution or "clinician" in caution or "F1" in caution)


@pytest.mark.parametrize("exercise_id", WITH_RATINGS)
def test_a_before_and_after_rating_where_one_fits(exercise_id: str) -> None:
    found = exercise(exercise_id)
    assert found.before is not None and found.after is not None


@pytest.mark.parametrize("exercise_id", sorted(KINDS))
def test_no_promise_of_less_pain_and_no_forbidden_phrases(exercise_id: str) -> None:
    words = words_of(exercise_id).lower()
    for phrase in (
        "proven",
        "no pain, no gain",
        "push through",
        "think positive",
        "square one",
        "undone your progress",
        "just fix it",
        "it's all in your head",
        "will reduce your pain",
        "less pain",
    ):
        assert phrase not in words, (exercise_id, phrase)


def test_problem_solving_names_one_problem_brainstorms_picks_and_reviews() -> None:
    words = words_of("problem-solving")
    assert "Just one, and make it specific" in words
    assert "Don't judge them yet" in words
    assert "This is not about fixing the pain itself" in words
    ideas, chosen = step("problem-solving", "ideas"), step("problem-solving", "chosen")
    assert isinstance(ideas, PromptStep) and ideas.lines
    assert isinstance(chosen, ChoiceStep) and chosen.from_answer == "ideas"
    assert not chosen.multiple  # pick one
    keys = [s.key for s in exercise("problem-solving").steps if s.key]
    assert keys.index("first_step") < keys.index("when") < keys.index("review")
    assert "not a failure" in words


def test_coping_cards_are_true_own_words_and_kept_where_they_can_be_found() -> None:
    words = words_of("coping-cards")
    statements = step("coping-cards", "statements")
    assert isinstance(statements, PromptStep) and statements.lines
    assert "Write 2 to 4 short statements" in words
    assert '"This will ease" works better than "I feel no pain"' in words
    assert "I have got through this before" in words  # balanced, not forced-positive
    assert "on the fridge" in words and "on your phone" in words
    assert "Help now (F1) has your flare-up plan" in words
    assert "others have it worse" in words  # named only as words to leave out
    assert words.index("Leave out words that make you feel worse") < words.index(
        "others have it worse"
    )
    assert "keep going at a lower, gentler level" in words


def test_clinic_appointment_brings_the_report_asks_three_questions_and_gives_no_advice() -> None:
    words = words_of("clinic-appointment")
    assert "`paincoach export --format html`" in words
    assert "press `x` in the week view" in words
    assert "A list of your medicines and treatments" in words
    questions = step("clinic-appointment", "questions")
    assert isinstance(questions, PromptStep) and questions.lines and not questions.optional
    assert "three most important questions" in words
    assert "says far more than a pain score alone" in words  # function, not just a number
    assert "Write down the answers" in words and "in writing" in words
    caution = exercise("clinic-appointment").caution
    assert "It gives no medical advice" in caution
    assert "are for your doctor or pharmacist" in caution


def test_setback_plan_says_setbacks_are_normal_and_restarts_the_basics() -> None:
    words = words_of("setback-plan")
    assert "A setback is a slip, not a failure" in words
    assert "pacing, starting at a lower amount than before" in words
    assert "one relaxation or breathing practice" in words
    assert "getting back in touch with someone" in words
    for key in ("helped", "signs", "restart", "who"):
        assert step("setback-plan", key) is not None
    assert "If you slip, that is normal" in words and "be kind to yourself" in words


def test_gentle_movement_starts_low_builds_by_plan_and_says_when_to_stop() -> None:
    found = exercise("gentle-movement")
    words = words_of("gentle-movement")
    assert "Start with less than you think you can do" in words
    assert "build up by plan, not by pain" in words
    assert "Some extra soreness after moving in a new way is common. It is not a sign of harm" in (
        words
    )
    [timer] = [s for s in found.steps if isinstance(s, TimerStep)]
    assert timer.seconds == 120
    caution = " ".join(found.caution.split())
    for sign in ("new, sharp or different pain", "dizzy", "short of breath", "chest pain"):
        assert sign in caution, sign
    assert "check with a clinician before you start" in caution
    assert "operation" in caution


def test_what_went_well_allows_a_hard_day_without_forcing_positivity() -> None:
    found = exercise("what-went-well")
    words = words_of("what-went-well")
    went_ok, part = step("what-went-well", "went_ok"), step("what-went-well", "my_part")
    assert isinstance(went_ok, PromptStep) and went_ok.lines and went_ok.optional
    assert isinstance(part, PromptStep) and part.optional
    today = step("what-went-well", "today")
    assert isinstance(today, ChoiceStep) and "Today was just hard" in [
        option.label for option in today.options
    ]
    assert "If today was just hard, that's OK" in words
    assert "You don't have to find a bright side" in words
    assert "up to three small things" in words
    assert found.before is None and found.after is None


ANSWERS: dict[str, dict[str, Any]] = {
    "problem-solving": {
        "problem": "The weekly shop sets off my back for two days",
        "goal": "Get the shopping in without losing two days",
        "ideas": ["Order online", "Go with Sam", "Two small trips"],
        "chosen": "Two small trips",
        "first_step": "Split my list in two",
        "when": "Tuesday morning",
        "review": "Sunday",
    },
    "coping-cards": {
        "situation": "First morning of a flare",
        "statements": ["This is a flare. Mine settle in days.", "I have done this before."],
        "actions": ["Heat pack", "Slow breathing"],
        "keep": "On the fridge",
    },
    "clinic-appointment": {
        "matters": "Walking the dog to the park",
        "questions": ["What are my options?", "Could physio help?", "What happens next?"],
    },
    "setback-plan": {
        "helped": ["Pacing, with planned breaks", "Asking for support"],
        "signs": ["I stop using the timer"],
        "restart": ["Halve my walks for a week"],
        "who": "Sam",
    },
    "gentle-movement": {"movement": "Shoulder rolls", "plan": "Twice a day, two minutes"},
    "what-went-well": {"today": "Today was just hard"},  # everything else left blank
}

SHOWN_LAST = {  # what the last step puts in front of the person, filled from their answers
    "problem-solving": "Two small trips",
    "coping-cards": "**Say to yourself:** This is a flare. Mine settle in days. I have done",
    "clinic-appointment": "**My questions:** What are my options? Could physio help?",
    "setback-plan": "**What I'll do:** Halve my walks for a week",
    "gentle-movement": "Twice a day, two minutes",
    "what-went-well": "Today was just hard",
}


@pytest.mark.parametrize("exercise_id", sorted(KINDS))
def test_each_runs_end_to_end_with_real_answers_and_is_saved(home: Path, exercise_id: str) -> None:
    r = runner(exercise_id)
    if r.exercise.before is not None:
        r.set_before(6)
    last = ""
    while not r.ended:
        answer_here(r, ANSWERS[exercise_id])
        if r.timer is not None:  # the movement's two minutes run to their end
            r.start_timer()
            r.clock.advance(r.timer.total)  # type: ignore[attr-defined]
        if r.is_last:
            last = r.text() + " " + " ".join(words for _, words in r.shown())
        assert r.missing() is None, (exercise_id, r.step.key)
        r.next()
    if r.exercise.after is not None:
        r.set_after(7)
    result = r.result()
    assert result.completed and result.steps_done == result.steps_total
    assert "{" not in last, last  # every placeholder was filled
    assert SHOWN_LAST[exercise_id] in last
    practice = open_practice(home)
    practice.save_session(result)
    [session] = practice.recent_sessions()
    assert session.exercise_id == exercise_id and session.completed
