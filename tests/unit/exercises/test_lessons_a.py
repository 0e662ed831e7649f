"""The first six pain-education lessons: what each must say, and that each runs to its end."""

from __future__ import annotations

import pytest

from paincoach.core.resources import data_dir
from paincoach.exercises.engine import Runner
from paincoach.exercises.loader import check_paths, load_library
from paincoach.exercises.model import Exercise, PromptStep, TextStep
from paincoach.exercises.timing import FakeClock
from tests.practice_support import Wall
from tests.support import NOW

LESSONS: dict[str, int] = {  # id → order
    "pain-protector": 1,
    "acute-and-persistent": 2,
    "sensitised-system": 3,
    "hurt-and-harm": 4,
    "pain-stress-sleep-mood": 5,
    "flare-ups-pass": 6,
}
REAL = {  # where each lesson says, in its own words, that the pain is real
    "pain-protector": "**Your pain is real**, whatever a scan or a test shows.",
    "acute-and-persistent": "**Persistent pain is just as real as acute pain.**",
    "sensitised-system": "**The pain is real: the alarm really is sounding.**",
    "hurt-and-harm": "**The pain is real, but it is not a sign of damage every time.**",
    "pain-stress-sleep-mood": "**Your pain is real.**",
    "flare-ups-pass": "**The pain in a flare is real, and it can be frightening.**",
}
NEEDS_CAUTION = {  # lessons that reassure about damage, healing or flares point to a doctor
    "pain-protector",
    "acute-and-persistent",
    "sensitised-system",
    "hurt-and-harm",
    "flare-ups-pass",
}
RED_FLAGS = (
    "If pain is new for you, different from your usual, or comes with symptoms such as fever, "
    "numbness, weakness, or trouble with your bladder or bowels, contact a doctor. "
    "In an emergency, call your emergency number."
)


def lesson(exercise_id: str) -> Exercise:
    return load_library(None).exercises[exercise_id]


def reading(exercise: Exercise) -> str:
    """The text steps' words, each run of whitespace as one space."""
    return " ".join(" ".join(s.text.split()) for s in exercise.steps if isinstance(s, TextStep))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_each_file_checks_clean_and_is_a_lesson_in_its_place(exercise_id: str) -> None:
    path = data_dir() / "exercises" / f"{exercise_id}.toml"
    assert check_paths([path]) == []
    exercise = lesson(exercise_id)
    assert exercise.origin == "bundled" and exercise.kind == "lesson"
    assert exercise.order == LESSONS[exercise_id]
    assert 1 <= exercise.minutes <= 10
    assert exercise.sources, "every lesson lists where its facts come from"
    assert bool(exercise.caution) == (exercise_id in NEEDS_CAUTION)
    if exercise.caution:
        caution = flat(exercise.caution)
        assert "not medical advice" in caution or "does not replace medical advice" in caution
        assert "new for you, or different from your usual pain" in caution
        assert "contact a doctor" in caution or "ask a doctor" in caution


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_each_is_a_few_minutes_of_titled_reading_with_an_optional_reflection(
    exercise_id: str,
) -> None:
    exercise = lesson(exercise_id)
    texts = [s for s in exercise.steps if isinstance(s, TextStep)]
    assert 3 <= len(texts) <= 6
    assert all(s.title for s in texts)
    assert 150 <= len(reading(exercise).split()) <= 700
    last = exercise.steps[-1]
    assert isinstance(last, PromptStep) and last.key == "reflection"
    assert last.optional and last.multiline
    assert all(isinstance(s, TextStep) for s in exercise.steps[:-1])


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_each_says_the_pain_is_real_and_none_says_what_blames_or_promises(
    exercise_id: str,
) -> None:
    words = reading(lesson(exercise_id))
    assert REAL[exercise_id] in words
    lower = words.lower()
    for banned in (
        "all in your head",
        "nothing wrong with you",
        "tricking you",
        "just stress",
        "proven",
        "back to square one",
        "no pain, no gain",
        "push through",
    ):
        assert banned not in lower, banned
    for medicine_advice in ("take your", "stop taking", "dose", "mg"):
        assert f" {medicine_advice} " not in f" {lower} ", medicine_advice


def test_the_protector_lesson_says_pain_is_made_from_many_signals() -> None:
    words = reading(lesson("pain-protector"))
    assert "Pain has a job: to protect you." in words
    assert "pain is made by your brain and nervous system" in words
    assert "That does not mean it is imagined." in words
    assert "signs of danger against signs of safety" in words
    assert "it is not an exact measure of damage" in words
    assert 'The practice "Set a SMART goal"' in words


def test_acute_pain_fades_and_persistent_pain_is_a_sensitive_alarm() -> None:
    words = reading(lesson("acute-and-persistent"))
    assert "As the tissues heal, the alarm quietens" in words
    assert "longer than about 3 months" in words
    assert "the alarm system itself has become more sensitive" in words


def test_the_sensitised_system_is_a_toast_alarm_and_a_volume_knob_that_can_settle() -> None:
    words = reading(lesson("sensitised-system"))
    assert "A very sensitive one goes off when you make toast." in words
    assert "a volume knob that has been turned up" in words
    assert "A sensitised system can calm down over time." in words
    assert "None of this means your pain is in your head" in words


def test_hurt_and_harm_normalises_extra_pain_and_points_to_a_doctor_kindly() -> None:
    words = reading(lesson("hurt-and-harm"))
    assert "some extra pain afterwards is common. On its own, it is not a sign of damage." in words
    assert "A rise in pain that settles within 20 to 30 minutes is not a flare-up." in words
    assert RED_FLAGS in words
    assert words.index("is not a flare-up") < words.index(RED_FLAGS)  # reassurance, then care
    assert "Stop and rest if pain rises sharply, or feels different from your usual pain." in words


def test_the_cycle_lesson_links_the_four_and_any_part_is_a_way_in() -> None:
    words = reading(lesson("pain-stress-sleep-mood"))
    for part in ("sleep", "mood", "stress"):
        assert part in words
    assert "They feed each other" in words
    assert "a change in any one of them can help the others" in words
    assert "This does not mean your pain is caused by stress" in words
    assert "ask your doctor or pharmacist" in words  # side effects: no advice of our own
    assert "Help now (press F1)" in words
    assert '"Three-minute relaxed breathing"' in words


def test_flare_ups_pass_with_a_plan_pacing_down_and_kindness() -> None:
    exercise = lesson("flare-ups-pass")
    words = reading(exercise)
    assert "Flare-ups are common." in words
    assert "most flare-ups settle within 2 to 7 days" in words
    assert '"My flare-up plan"' in words
    assert "keep going at a lower level" in words  # pace down, not stop
    assert "Be kind to yourself" in [s.title for s in exercise.steps]
    assert "if a flare lasts much longer than usual" in words
    assert RED_FLAGS in words
    assert "not for emergencies" in flat(exercise.caution)


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_each_runs_to_its_end_with_the_reflection_left_blank(exercise_id: str) -> None:
    runner = Runner(lesson(exercise_id), clock=FakeClock(), wall=Wall(NOW))
    while not runner.ended:
        assert runner.missing() is None  # nothing to answer: every step may be passed
        runner.next()
    result = runner.result()
    assert result.completed and result.kind == "lesson"
    assert result.steps_done == result.steps_total == len(lesson(exercise_id).steps)
    assert "reflection" not in result.answers or not result.answers["reflection"]


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_each_runs_to_its_end_with_a_reflection_written(exercise_id: str) -> None:
    runner = Runner(lesson(exercise_id), clock=FakeClock(), wall=Wall(NOW))
    while not runner.ended:
        if runner.step.key == "reflection":
            runner.set_answer("It helps to know the pain is real.")
        runner.next()
    result = runner.result()
    assert result.completed
    assert result.answers["reflection"] == "It helps to know the pain is real."


def test_the_six_come_first_in_the_library_in_their_order() -> None:
    library = load_library(None)
    lessons = sorted(
        (e for e in library.exercises.values() if e.kind == "lesson" and e.order is not None),
        key=lambda e: e.order or 0,
    )
    assert [e.id for e in lessons][:6] == list(LESSONS)
