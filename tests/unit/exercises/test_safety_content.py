"""The shipped safety content: the safety-plan exercise, and the flare plan's red flags."""

from __future__ import annotations

from paincoach.core.resources import data_dir
from paincoach.exercises.loader import check_paths, load_library
from paincoach.exercises.model import KINDS, PromptStep, TextStep
from paincoach.records.safety_plan import SAFETY_KEYS


def words_of(exercise_id: str) -> str:
    exercise = load_library(None).get(exercise_id)
    assert exercise is not None, exercise_id
    return " ".join(" ".join(step.text.split()) for step in exercise.steps)


def test_the_safety_plan_exercise_validates_and_is_its_own_kind() -> None:
    path = data_dir() / "exercises" / "safety-plan.toml"
    assert check_paths([path]) == []
    exercise = load_library(None).get("safety-plan")
    assert exercise is not None and exercise.origin == "bundled"
    assert exercise.kind == "safety_plan" and "safety_plan" in KINDS
    prompts = [step for step in exercise.steps if isinstance(step, PromptStep)]
    assert [step.answer_key for step in prompts] == list(SAFETY_KEYS)
    assert all(step.lines and step.optional for step in prompts)
    assert isinstance(exercise.steps[0], TextStep) and isinstance(exercise.steps[-1], TextStep)
    assert any("Stanley" in source for source in exercise.sources)  # the structure, cited


def test_the_safety_plan_speaks_of_medicines_without_advice_on_them() -> None:
    words = words_of("safety-plan")
    assert "look after your medicines" in words and "back to a pharmacy" in words
    assert "Ask your doctor or pharmacist about your medicines themselves." in words
    assert "cannot call for help" in words and "emergency number" in words


def test_red_flags_are_framed_as_new_or_different_from_usual_pain() -> None:
    words = words_of("flare-plan")
    assert "new for you, or different from your usual pain" in words
    assert "emergency department (A&E)" in words
    for sign in (
        "the worst you have ever had",  # a sudden, very bad headache
        "a drooping face, a weak arm, or slurred speech",
        "a hot, swollen joint, with a fever",
        "a swollen, painful calf",
        "sudden breathlessness",
        "pain, weakness or numbness in **both** legs",  # the back's own, still there
    ):
        assert sign in words, sign
    emergency = words.index("emergency department (A&E)")
    assert emergency < words.index("sudden breathlessness") < words.index("contact a doctor today")
    assert "call the emergency number" in words  # chest pain, stroke signs: not a drive
