"""Six new practices: sleep with pain, pleasant activities, a self-compassion break,
unhooking from thoughts, saying no, and explaining my pain (issue 14, part 3)."""

from __future__ import annotations

from typing import Any

import pytest

from paincoach.exercises.engine import Runner
from paincoach.exercises.loader import load_library
from paincoach.exercises.model import (
    ChoiceStep,
    Exercise,
    PromptStep,
    RatingStep,
    TextStep,
    TimerStep,
)
from paincoach.exercises.timing import FakeClock
from tests.practice_support import answer_here, runner

KINDS = {
    "sleep-with-pain": "sleep",
    "pleasant-activities": "values",
    "self-compassion-break": "compassion",
    "unhooking-from-thoughts": "acceptance",
    "saying-no": "social",
    "explaining-my-pain": "social",
}

ANSWERS: dict[str, dict[str, Any]] = {
    "sleep-with-pain": {
        "wake_time": "7:30 every day",
        "wind_down": "Dim the lights\nA warm drink",
        "night_plan": "Turn over and hug a pillow\nSlow breathing",
    },
    "pleasant-activities": {
        "ideas": ["Time with a pet"],
        "chosen": "Time with a pet",
        "when": "Tomorrow at 11",
        "paced": "20 minutes, then a rest",
        "expected": 6,
    },
    "self-compassion-break": {"phrase": "It makes sense that I feel this way."},
    "unhooking-from-thoughts": {"thought": "I'm letting everyone down."},
    "saying-no": {
        "who": "Sam",
        "request": "The children all day on Saturdays",
        "need": "Saturday afternoons to rest",
        "answer": "I can't do the whole day, but I could do the morning.",
        "pushed": "I hear you, and it's still just the morning.",
    },
    "explaining-my-pain": {
        "who": "Jo",
        "understand": "My pain is real, even on days I look fine.",
        "helps": "Asking how today is.",
        "not_helpful": "Sending me cures.",
        "request": "Say no problem when I leave early.",
    },
}


def exercise(exercise_id: str) -> Exercise:
    return load_library(None).exercises[exercise_id]


def words_of(exercise_id: str) -> str:
    """Everything the person reads: caution, ratings, titles, texts, placeholders, options."""
    ex = exercise(exercise_id)
    parts = [ex.summary, ex.caution]
    parts += [spec.label for spec in (ex.before, ex.after) if spec is not None]
    for step in ex.steps:
        parts += [step.title, step.text]
        if isinstance(step, PromptStep):
            parts.append(step.placeholder)
        if isinstance(step, ChoiceStep):
            parts += [option.label for option in step.options]
    return " ".join(" ".join(part.split()) for part in parts)


def finish(exercise_id: str, answers: dict[str, Any]) -> tuple[Runner, list[str]]:
    """Run one exercise to its end with these answers, every timer run in full.

    Returns the runner and the filled text of every step, in order.
    """
    clock = FakeClock()
    r = runner(exercise_id, clock=clock)
    if r.exercise.before is not None:
        r.set_before(7)
    texts: list[str] = []
    while not r.ended:
        texts.append(" ".join(r.text().split()))
        answer_here(r, answers)
        if r.timer is not None:
            r.start_timer()
            clock.advance(r.timer.total)
        r.next()
    if r.exercise.after is not None:
        r.set_after(4)
    return r, texts


@pytest.mark.parametrize("exercise_id", sorted(KINDS))
def test_each_is_bundled_of_its_kind_with_sources(exercise_id: str) -> None:
    ex = exercise(exercise_id)
    assert ex.origin == "bundled" and ex.path is not None
    assert ex.path.name == f"{exercise_id}.toml"
    assert ex.kind == KINDS[exercise_id]
    assert len(ex.sources) >= 2 and all(source.strip() for source in ex.sources)
    assert 1 <= ex.minutes <= 10


@pytest.mark.parametrize("exercise_id", sorted(KINDS))
def test_each_runs_to_its_end_and_counts_as_finished(exercise_id: str) -> None:
    r, texts = finish(exercise_id, ANSWERS[exercise_id])
    result = r.result()
    assert result.completed and result.steps_done == result.steps_total
    assert set(ANSWERS[exercise_id]) <= set(result.answers)
    assert not any("{" in text for text in texts), texts  # every placeholder was filled
    if r.exercise.before is not None:
        assert result.before == 7 and result.after == 4


@pytest.mark.parametrize("exercise_id", sorted(KINDS))
def test_each_speaks_modestly(exercise_id: str) -> None:
    words = words_of(exercise_id).lower()
    for claim in ("proven", "cure your", "will reduce your pain", "less pain", "just relax"):
        assert claim not in words, claim


# -- sleep with pain -----------------------------------------------------------------------


def test_sleep_plan_sets_a_wake_time_a_wind_down_and_a_night_plan() -> None:
    ex = exercise("sleep-with-pain")
    prompts = {step.key: step for step in ex.steps if isinstance(step, PromptStep)}
    assert set(prompts) == {"wake_time", "wind_down", "night_plan"}
    assert not any(step.optional for step in prompts.values())  # the plan fills all three
    words = words_of("sleep-with-pain")
    assert "Getting up at the same time every morning, whatever the night was like" in words
    assert "It matters more than the time you go to bed." in words
    for part in (
        "change position",
        "slow breathing",
        "get up,",
        "Go back to bed when you feel sleepy",
    ):
        assert part in words, part
    assert "sit up in bed" in words  # when getting up is hard or not safe
    assert "ask your doctor or pharmacist" in words and "ask your pharmacist" in words
    _, texts = finish("sleep-with-pain", ANSWERS["sleep-with-pain"])
    assert "**I get up at:** 7:30 every day" in texts[-1]
    assert "**My wind-down:** Dim the lights, A warm drink" in texts[-1]


def test_sleep_plan_never_asks_to_cut_time_in_bed() -> None:
    words = words_of("sleep-with-pain")
    assert "This plan never asks you to cut down your time in bed." in words
    assert words.count("sleep restriction") == 1  # named once, only to say it is not here
    assert "ask a doctor" in words[words.index("sleep restriction") :]
    for advice in ("less time in bed", "stay in bed until", "you must get 8 hours"):
        assert advice not in words.lower(), advice


def test_sleep_caution_names_when_to_see_a_doctor() -> None:
    caution = " ".join(exercise("sleep-with-pain").caution.split())
    assert "talk to your doctor" in caution
    for sign in ("long time", "snore loudly", "pauses in your breathing", "mood is very low"):
        assert sign in caution, sign
    assert "sleeping tablets" in caution and "prescribes" in caution  # no change on one's own


# -- pleasant activities -----------------------------------------------------------------


def test_pleasant_activities_plans_one_and_rates_the_expected_enjoyment() -> None:
    ex = exercise("pleasant-activities")
    keys = [step.key for step in ex.steps if step.key]
    assert keys == ["ideas", "chosen", "when", "paced", "smaller", "expected"]
    chosen = ex.step_for_key("chosen")
    assert isinstance(chosen, ChoiceStep) and chosen.from_answer == "ideas" and chosen.allow_other
    expected = ex.step_for_key("expected")
    assert isinstance(expected, RatingStep) and not expected.optional
    words = words_of("pleasant-activities")
    assert "One a day is a good aim to start with." in words
    assert "a set time rather than" in words  # paced, not "until I'm done"
    _, texts = finish("pleasant-activities", ANSWERS["pleasant-activities"])
    assert "notice how much you actually enjoyed it" in texts[-1]
    assert "compare it with your guess of 6." in texts[-1]


def test_pleasant_activities_takes_an_idea_of_ones_own_when_none_is_picked() -> None:
    answers = dict(ANSWERS["pleasant-activities"], ideas=[], chosen="Feed the ducks")
    r, _ = finish("pleasant-activities", answers)
    assert r.result().completed and r.result().answers["chosen"] == "Feed the ducks"


def test_pleasant_activities_caution_points_to_the_doctor_when_nothing_is_enjoyable() -> None:
    caution = " ".join(exercise("pleasant-activities").caution.split())
    assert "two weeks or more" in caution and "talk to your doctor" in caution
    assert "Help now" in caution
    assert "stop if pain rises sharply" in caution


# -- self-compassion break -------------------------------------------------------------


def test_self_compassion_break_has_its_three_parts_and_a_harshness_rating() -> None:
    ex = exercise("self-compassion-break")
    assert ex.before is not None and ex.after is not None
    assert "hard are you being on yourself" in ex.before.label
    assert "hard are you being on yourself" in ex.after.label
    words = words_of("self-compassion-break")
    assert "This is really tough right now." in words  # noticing that it is hard
    assert "Struggling is part of being human." in words  # others feel this too
    phrase = ex.step_for_key("phrase")
    assert isinstance(phrase, ChoiceStep) and phrase.allow_other and len(phrase.options) >= 4
    _, texts = finish("self-compassion-break", ANSWERS["self-compassion-break"])
    assert any("*It makes sense that I feel this way.*" in text for text in texts)


def test_self_compassion_break_uses_none_of_neffs_script_wording() -> None:
    words = words_of("self-compassion-break").lower()
    for phrase in (
        "moment of suffering",
        "suffering is a part of life",
        "other people feel this way",
        "i'm not alone",
        "we all struggle",
        "may i be kind to myself",
        "may i give myself",
    ):
        assert phrase not in words, phrase


def test_self_compassion_caution_says_strong_feelings_may_come_up() -> None:
    caution = " ".join(exercise("self-compassion-break").caution.split())
    assert "stir up old sadness" in caution and "stop at any time" in caution


# -- unhooking from thoughts -------------------------------------------------------------


def test_unhooking_reads_the_thought_back_with_the_prefix() -> None:
    ex = exercise("unhooking-from-thoughts")
    thought = ex.step_for_key("thought")
    assert isinstance(thought, PromptStep) and not thought.optional  # the placeholders need it
    _, texts = finish("unhooking-from-thoughts", ANSWERS["unhooking-from-thoughts"])
    assert any("**I'm having the thought that I'm letting everyone down.**" in t for t in texts)
    assert any(
        "**I notice I'm having the thought that I'm letting everyone down.**" in t for t in texts
    )


def test_unhooking_has_leaves_on_a_stream_and_a_grip_rating() -> None:
    ex = exercise("unhooking-from-thoughts")
    [timer] = [step for step in ex.steps if isinstance(step, TimerStep)]
    assert timer.seconds == 180 and "leaf" in timer.text
    assert ex.before is not None and "grip you" in ex.before.label
    assert ex.after is not None and "grip you" in ex.after.label
    words = words_of("unhooking-from-thoughts")
    assert "The aim is not to get rid of it. It is to hold it more lightly" in words
    assert "If a leaf gets stuck, or the same thought comes back, that is fine" in words
    assert "accept it" not in words  # plain words: unhooking, making room
    assert "A thought is not always a fact" in words
    assert "different from your usual pain, get it checked" in words
    assert "My flare-up plan" in words and exercise("flare-plan").title == "My flare-up plan"


# -- saying no ---------------------------------------------------------------------------


def test_saying_no_prepares_a_kind_no_and_what_to_say_if_pushed() -> None:
    ex = exercise("saying-no")
    keys = [step.key for step in ex.steps if step.key]
    assert keys == ["who", "request", "need", "answer", "pushed"]
    words = words_of("saying-no")
    assert "**not now, but...**" in words and "**a clear no**" in words
    assert "you do not owe a long explanation" in words
    assert "It is a sign that you care, not a sign that you were wrong." in words
    assert ex.before is not None and "confident" in ex.before.label
    assert "your safety comes first" in ex.caution
    _, texts = finish("saying-no", ANSWERS["saying-no"])
    script = texts[-1]
    assert "**To Sam:** I can't do the whole day, but I could do the morning." in script
    assert "**If pushed:** I hear you, and it's still just the morning." in script


# -- explaining my pain ------------------------------------------------------------------


def test_explaining_my_pain_says_it_is_real_invisible_and_changing() -> None:
    words = words_of("explaining-my-pain")
    assert "Your pain is real, but other people cannot see it" in words
    assert "it changes from day to day" in words
    assert "Keeping some things private is fine." in words
    assert "Christine Miserandino" in words  # spoon theory is credited, not retold
    assert "Equality Act 2010" in words and "may count as a disability" in words
    ex = exercise("explaining-my-pain")
    assert [step.key for step in ex.steps if step.key] == [
        "who",
        "understand",
        "helps",
        "not_helpful",
        "request",
    ]


def test_explaining_my_pain_builds_a_short_script() -> None:
    ex = exercise("explaining-my-pain")
    assert isinstance(ex.steps[-1], TextStep) and ex.steps[-1].title == "Your words"
    _, texts = finish("explaining-my-pain", ANSWERS["explaining-my-pain"])
    script = texts[-1]
    assert script.index("Jo, I'd like to tell you") < script.index("My pain is real, even on")
    assert "What helps me: Asking how today is." in script
    assert "What doesn't help so much: Sending me cures." in script
    assert "One thing that would really help: Say no problem when I leave early." in script
