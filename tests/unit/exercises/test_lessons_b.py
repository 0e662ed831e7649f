"""The second six lessons: pacing, medicines and clinicians, thoughts, what matters, sleep, people.

Each is checked for what the course and issue 14 ask of it: a lesson in its place, a few
minutes of reading in titled text steps, an optional reflection at the end, its sources, a
caution where one is needed, the words where it says the pain is real, and its key ideas.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from paincoach.exercises.engine import Runner
from paincoach.exercises.loader import load_library
from paincoach.exercises.model import Exercise, PromptStep, TextStep
from paincoach.exercises.timing import FakeClock

REAL = {
    "why-pacing-helps": "Your pain is real, and so is the pull to make the most of a good day.",
    "medicines-and-clinicians": "Your pain is real, and it deserves proper care.",
    "thoughts-and-pain": "Your pain is real. Nothing in this lesson says you are imagining it",
    "what-matters": "Your pain is real, and it takes things away.",
    "sleep-and-pain": "Your pain is real, and it can make sleep hard to find.",
    "pain-and-people": "Your pain is real, even when nobody else can see it.",
}
"""Where each lesson says, in its own way, that the pain is real."""

ORDER = {
    "why-pacing-helps": 7,
    "medicines-and-clinicians": 8,
    "thoughts-and-pain": 9,
    "what-matters": 10,
    "sleep-and-pain": 11,
    "pain-and-people": 12,
}

LESSONS = sorted(ORDER)


def lesson(exercise_id: str) -> Exercise:
    """The bundled lesson."""
    return load_library(None).exercises[exercise_id]


def words(exercise_id: str) -> str:
    """All the text of the lesson (its text steps, the question and the caution), on one line."""
    found = lesson(exercise_id)
    texts = [step.text for step in found.steps] + [found.caution]
    return " ".join(" ".join(text.split()) for text in texts)


def reading(exercise_id: str) -> list[str]:
    """The words of its text steps."""
    return [w for s in lesson(exercise_id).steps if isinstance(s, TextStep) for w in s.text.split()]


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_a_lesson_in_its_place_with_a_few_minutes_of_reading(exercise_id: str) -> None:
    found = lesson(exercise_id)
    assert found.kind == "lesson" and found.origin == "bundled"
    assert found.order == ORDER[exercise_id] and 1 <= found.minutes <= 10
    assert found.sources
    texts = [step for step in found.steps if isinstance(step, TextStep)]
    assert 3 <= len(texts) <= 6 and all(step.title for step in texts)
    assert 150 <= len(reading(exercise_id)) <= 700


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_it_ends_with_an_optional_reflection(exercise_id: str) -> None:
    *_, last = lesson(exercise_id).steps
    assert isinstance(last, PromptStep)
    assert last.optional and last.multiline and last.title


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_it_says_the_pain_is_real(exercise_id: str) -> None:
    assert REAL[exercise_id] in words(exercise_id)


@pytest.mark.parametrize("exercise_id", LESSONS)
def test_no_medicine_advice_no_promises_no_blame(exercise_id: str) -> None:
    text = words(exercise_id).lower()
    assert not re.search(r"\b\d+ ?(mg|ml|tablets?|pills?)\b", text)  # no doses
    for said in (
        "proven",
        "all in your head",
        "push through",
        "no pain, no gain",
        "just relax",
        "stay in bed until",
        "you must get",
        "take your medicine",
        "stop taking",
        "increase your dose",
    ):
        assert said not in text, said


@pytest.mark.parametrize(
    ("exercise_id", "phrases"),
    [
        (
            "why-pacing-helps",
            [
                "boom-and-bust cycle",
                "Some people swing between doing too much and too little.",
                "you do about the same amount on good days and bad days",
                "Stop when your planned time ends, even if you could do more.",
                "Stop sooner if pain rises sharply.",
                "Start a little below what you can manage now",
                "add 1 minute each week",
                "some extra pain afterwards is common. It is not a sign of harm.",
                '"Pacing plan: find your starting point"',
            ],
        ),
        (
            "medicines-and-clinicians",
            [
                "medicines are one part of that care",
                "paincoach never tells you what to take, how much, or when.",
                "Those questions are for your doctor or pharmacist",
                "talk it through with them first",
                "**A pain team or pain management programme**",
                "**A physiotherapist**",
                "**A psychologist**",
                "does not mean anyone thinks your pain is imagined",
                "Press `x` in the week view, or type `paincoach export --format html`.",
            ],
        ),
        (
            "thoughts-and-pain",
            [
                "Worried thoughts count as signs of danger.",
                "**catastrophising**",
                "But thoughts are not always facts.",
                "Your pain itself counts as a fact.",
                "If your pain is new, or different from your usual pain, check it with a doctor.",
                "The first step is simply to notice a thought as a thought.",
                "I'm having the thought that",
                '"Noticing pain thoughts" and "Thought record"',
            ],
        ),
        (
            "what-matters",
            [
                "The list of things you no longer do grows.",
                "enjoyment often turns up after you start, not before",
                "Your **values** are what you care about",
                "It is not giving up",
                "Pick one small thing a day, pleasant or meaningful.",
                "Many people find their mood and their days improve, even when the pain stays "
                "much the same.",
                '"What matters: plan a pleasant activity"',
            ],
        ),
        (
            "sleep-and-pain",
            [
                "Pain and poor sleep often feed each other like this.",
                "Get up at the same time every day, whatever the night was like",
                "In the hour before bed, do the same calm things each night",
                "Try not to struggle with it.",
                "If getting up is hard or unsafe, sit up in bed with a dim light instead",
                "It is not something to try on your own: if you are interested, ask a clinician",
                "ask your doctor or pharmacist whether its timing suits your nights",
            ],
        ),
        (
            "pain-and-people",
            [
                "You do not have to prove your pain to anyone.",
                "Keeping some things private is fine.",
                "I don't always look how I feel.",
                "Sometimes I just need you to listen, not to fix it.",
                '"spoon theory" of Christine Miserandino',
                "ask them to ask you first",
                "Then offer the part you can do.",
                "You do not owe a long list of reasons.",
                '"Asking for support"',
            ],
        ),
    ],
)
def test_the_key_ideas_are_there(exercise_id: str, phrases: list[str]) -> None:
    text = words(exercise_id)
    for phrase in phrases:
        assert phrase in text, phrase


def test_the_pacing_lesson_uses_plain_words_not_the_old_ones() -> None:
    text = words("why-pacing-helps")
    assert "The timer decides when to stop, not the pain" not in text
    for old in ("quota", "0.8", "times 0.8"):
        assert old not in text, old


def test_the_sleep_lesson_leaves_sleep_restriction_to_a_clinician() -> None:
    text = words("sleep-and-pain")
    assert "**sleep restriction**" in text
    assert "sleepiness in the day, which can be unsafe" in text
    assert "time in bed to" not in text  # no amount of time in bed is suggested


@pytest.mark.parametrize(
    ("exercise_id", "caution"),
    [
        ("why-pacing-helps", "Stop if pain rises sharply."),
        ("why-pacing-helps", "new, or different from your usual pain"),
        ("medicines-and-clinicians", "are for your doctor or pharmacist"),
        ("thoughts-and-pain", '"My flare-up plan" lists the signs that need help now'),
        ("thoughts-and-pain", "Help now (F1)"),
        ("what-matters", "two weeks or more"),
        ("what-matters", "Help now (F1)"),
        ("sleep-and-pain", "stop breathing in your sleep, doze off while driving"),
        ("sleep-and-pain", "before changing anything about them"),
    ],
)
def test_a_caution_where_one_is_needed(exercise_id: str, caution: str) -> None:
    assert caution in " ".join(lesson(exercise_id).caution.split())


def test_the_lessons_name_only_practices_that_exist_or_none() -> None:
    library = load_library(None).exercises
    titles = {exercise.title for exercise in library.values()}
    for exercise_id in LESSONS:
        for named in re.findall(r'The practices? ((?:"[^"]+"(?:,? and )?)+)', words(exercise_id)):
            for title in re.findall(r'"([^"]+)"', named):
                assert title in titles, (exercise_id, title)


@pytest.mark.parametrize("exercise_id", LESSONS)
@pytest.mark.parametrize("reflect", [True, False])
def test_it_runs_to_its_end_and_is_saved(home: Path, exercise_id: str, reflect: bool) -> None:
    """Read to the end, with or without the reflection, through the engine and the service."""
    from paincoach.services import Services

    r = Runner(lesson(exercise_id), clock=FakeClock())
    while not r.ended:
        assert r.missing() is None  # nothing in a lesson blocks Next
        if isinstance(r.step, PromptStep) and reflect:
            r.set_answer("Something I noticed.")
        r.next()
    result = r.result()
    assert result.completed and result.steps_done == result.steps_total
    assert result.answers.get("reflection") == ("Something I noticed." if reflect else None)
    services = Services(home)
    services.practice.save_session(result)
    [session] = services.practice.recent_sessions()
    assert session.exercise_id == exercise_id and session.completed
