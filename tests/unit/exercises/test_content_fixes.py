"""The fixes from a clinical read of the existing content (issue 14, item 4), one by one.

Each test fails if its fix is undone: the new words are there and the old ones are gone.
"""

from __future__ import annotations

import ast
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach import safety
from paincoach.core.lists import body_areas
from paincoach.exercises.lists import load_list
from paincoach.exercises.loader import load_library
from paincoach.exercises.model import (
    BreatheStep,
    ChoiceStep,
    Exercise,
    PromptStep,
    TextStep,
    TimerStep,
)
from paincoach.records.entries import DayFigures
from paincoach.records.review import QuotaTally
from paincoach.review.boom_bust import BoomBust, describe
from paincoach.review.insights import activity_and_next_day_pain
from tests.practice_support import run_through, runner

SRC = Path(__file__).resolve().parents[3] / "src" / "paincoach"


def exercise(exercise_id: str) -> Exercise:
    found = load_library(None).exercises.get(exercise_id)
    assert found is not None, exercise_id
    return found


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def step_words(ex: Exercise) -> str:
    return flat(" ".join(step.text for step in ex.steps))


def seen_texts(ex: Exercise) -> list[str]:
    """Everything of an exercise a person reads: titles, summary, caution, steps, options."""
    texts = [ex.title, ex.summary, ex.caution]
    for rating in (ex.before, ex.after):
        if rating is not None:
            texts += [rating.label, rating.low, rating.high]
    for step in ex.steps:
        texts += [step.title, step.text]
        if isinstance(step, PromptStep):
            texts.append(step.placeholder)
        if isinstance(step, ChoiceStep):
            texts += [option.label for option in step.options]
    return [flat(text) for text in texts]


def everything_seen() -> list[str]:
    texts = [text for ex in load_library(None).exercises.values() for text in seen_texts(ex)]
    for name in ("thinking_traps", "emotions", "body_areas"):
        for item in load_list(name).items:
            texts += [item.label, item.description]
    return texts


# 1. pacing-session


def test_the_pacing_session_stops_by_the_timer_or_sooner_if_pain_rises_sharply() -> None:
    words = step_words(exercise("pacing-session"))
    assert "Stop when the timer ends, even if you feel you could do more." in words
    assert "Stop sooner if your pain rises sharply." in words
    assert "timer decides" not in words and "not the pain" not in words


# 2. not always facts, with a pointer to the red flags


def test_thoughts_are_not_always_facts_and_new_pain_points_to_the_red_flags() -> None:
    ex = exercise("noticing-pain-thoughts")
    first = ex.steps[0]
    assert first.title == "Thoughts are not always facts"
    text = flat(first.text)
    assert "thoughts are not always facts" in text
    assert "thoughts, not facts" not in step_words(ex) and "are not facts" not in first.title
    assert "new for you, or different from your usual pain" in text
    assert '"My flare-up plan"' in text and "Help now (F1)" in text
    # where it points really lists them: the flare-up plan's own red flags, so named
    plan = exercise("flare-plan")
    assert plan.title == "My flare-up plan"
    assert "new for you, or different from your usual pain" in step_words(plan)
    assert "emergency department (A&E)" in step_words(plan)


# 3. the thought record: pain counts as a fact


def test_the_evidence_for_step_says_pain_counts_as_a_fact() -> None:
    step = exercise("thought-record").step_for_key("evidence_for")
    assert step is not None
    assert "Your pain counts as a fact" in flat(step.text)


# 4. a more balanced one


def test_a_more_balanced_thought_and_never_a_fairer_one() -> None:
    ex = exercise("thought-record")
    assert ex.summary.endswith("find a more balanced one.")
    balanced = ex.step_for_key("balanced")
    assert balanced is not None and "a more balanced way to see it" in balanced.text
    assert not [text for text in everything_seen() if "fairer" in text.casefold()]


# 5. no "quota" and no "times 0.8" where a person reads


SUMS = re.compile(r"\bquota\b|\btimes 0\.8\b|[x×] 0\.8\b|\b0\.8 to 1\.2\b", re.IGNORECASE)


def test_no_exercise_or_list_says_quota_or_times_0_8() -> None:
    assert not [text for text in everything_seen() if SUMS.search(text)]
    words = step_words(exercise("pacing-plan"))
    assert "your average, less a fifth (80% of it), for the first week" in words


def _prose_strings(path: Path) -> list[tuple[int, str]]:
    """String constants with a space in them (words), leaving out docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and " " in node.value
    ]


def test_no_string_the_app_shows_says_quota_or_times_0_8() -> None:
    found = [
        f"{path.relative_to(SRC)}:{line}: {text}"
        for path in sorted(SRC.rglob("*.py"))
        for line, text in _prose_strings(path)
        if SUMS.search(text)
    ]
    assert found == []


def test_the_pacing_words_say_the_days_amount() -> None:
    assert QuotaTally(below=2, within=4, above=1).words == (
        "within 20% of the day's amount on 4 of 7 days done (1 above, 2 below)"
    )
    assert QuotaTally(below=0, within=1, above=0, rest=2).words == (
        "within 20% of the day's amount on 1 of 1 day done (0 above, 0 below; 2 days without it)"
    )
    said = describe(BoomBust(active_days=20, usual=30.0, busy_days=0, episodes=()))
    assert "a pacing plan's amount for the day" in said and "quota" not in said


# 6. DEAR MAN in plain words


def test_asking_for_support_labels_its_steps_in_plain_words() -> None:
    titles = [step.title for step in exercise("asking-for-support").steps]
    assert "Ask" in titles and "Why it helps them" in titles
    assert "How you feel" in titles and "What is happening" in titles
    for letter in ("Describe", "Express", "Assert", "Reinforce", "Negotiate"):
        assert letter not in titles
    assert not [t for t in titles if "mindful" in t.casefold() or "confident" in t.casefold()]
    assert not [t for t in seen_texts(exercise("asking-for-support")) if "DEAR MAN" in t]


# 7. the five most common thinking traps first


def test_the_five_most_common_thinking_traps_come_first() -> None:
    items = load_list("thinking_traps").items
    assert [item.id for item in items[:5]] == [
        "catastrophising",
        "all-or-nothing",
        "fortune-telling",
        "mind-reading",
        "should-statements",
    ]
    assert len(items) == 15 and len({item.id for item in items}) == 15
    labels = {item.label for item in items}  # saved as answers: the labels stay as they were
    assert {"All-or-nothing", "Fortune telling", "Catastrophising", "Mind reading"} <= labels


# 8. PMR: release only, and cramps


TENSING = re.compile(r"\b(tense|tensing|tighten|squeeze|press|clench)\b", re.IGNORECASE)


def test_the_release_only_pmr_has_no_tensing() -> None:
    ex = exercise("pmr-release-only")
    assert ex.kind == "relaxation" and ex.sources and ex.caution
    assert ex.before is not None and ex.after is not None
    assert "There is no tensing here" in flat(ex.caution)
    assert "widespread" in step_words(ex)
    timers = [step for step in ex.steps if isinstance(step, TimerStep)]
    parts = [step for step in timers if step.title[:1].isdigit()]
    assert len(parts) == 8  # the short form's eight groups, body part by body part
    for step in timers:
        assert not TENSING.search(step.text), step.title
        assert not TENSING.search(step.title), step.title
    assert all(step.text.startswith("Notice") and "let " in step.text.casefold() for step in parts)


def test_the_release_only_pmr_runs_to_its_end() -> None:
    r = runner("pmr-release-only")
    run_through(r)
    assert r.ended and r.result().completed


def test_pmr_short_says_let_go_of_a_cramp_and_points_to_the_release_only_version() -> None:
    ex = exercise("pmr-short")
    title = exercise("pmr-release-only").title
    assert title == "Muscle relaxation (release only)"
    assert "If a muscle cramps, let go at once." in flat(ex.caution)
    assert "If a muscle cramps, let go at once." in step_words(ex)
    assert f'"{title}"' in flat(ex.caution) and f'"{title}"' in step_words(ex)


# 9. the body scan: trauma-sensitive


def test_the_body_scan_lets_you_keep_your_eyes_open_skip_move_or_stop() -> None:
    ex = exercise("body-scan")
    caution = flat(ex.caution)
    assert "keep your eyes open, skip any part of your body, move, or stop at any time" in caution
    assert "upsetting memories or feelings" in caution
    first = flat(ex.steps[0].text)
    assert "Keep your eyes open or closed" in first and "stop at any time" in first


# 10. breath holds: a no-hold pattern if holding makes you panicky


@pytest.mark.parametrize("exercise_id", ["breathing-box", "breathing-4-7-8"])
def test_breath_holds_offer_a_no_hold_pattern(exercise_id: str) -> None:
    ex = exercise(exercise_id)
    said = "If holding makes you panicky, use a no-hold pattern instead"
    assert said in flat(ex.caution) and said in step_words(ex)
    assert '"Slow breathing"' in step_words(ex)
    assert '"Three-minute relaxed breathing"' in step_words(ex)


def test_the_no_hold_patterns_named_exist_and_have_no_holds() -> None:
    named = {"breathing-slow": "Slow breathing", "breathing-relaxed-3min": "Three-minute"}
    for exercise_id, start in named.items():
        ex = exercise(exercise_id)
        assert ex.title.startswith(start)
        pacers = [step for step in ex.steps if isinstance(step, BreatheStep)]
        assert pacers and all(
            step.pattern.hold_in == 0 and step.pattern.hold_out == 0 for step in pacers
        )


# 11. the chest area, with its red-flag reminder


def test_the_chest_area_is_the_usual_known_pain_and_brings_a_reminder() -> None:
    areas = body_areas()
    assert "Chest (my usual known pain)" in areas
    assert [a for a in areas if safety.is_chest_area(a)] == ["Chest (my usual known pain)"]
    assert safety.is_chest_area("tight chest") and not safety.is_chest_area("Upper back")
    # a comma separates saved areas ("a, b"): a listed label with one would be saved as two
    assert not [area for area in areas if "," in area]
    reminder = safety.chest_reminder("999")
    for words in (
        "new or different for you",
        "breathlessness, sweating, or pain spreading to your arm, jaw or back",
        "needs emergency help now. Call 999",
        "do not drive yourself",
    ):
        assert words in reminder, words


# 12. the activity insight: some extra pain is common, not harm


def test_the_activity_insight_says_extra_pain_after_activity_is_common_not_harm() -> None:
    start = date(2026, 11, 1)
    days = {
        start + timedelta(days=i): DayFigures(
            start + timedelta(days=i),
            checkins=1,
            pain_avg=float(3 + 4 * (i % 2)),
            activity_minutes=60 if i % 2 == 0 else 10,
        )
        for i in range(12)
    }
    found = activity_and_next_day_pain(days)
    assert found.enough
    assert "Some extra pain after more activity is common" in found.caveat
    assert "not a sign of harm" in found.caveat
    assert "this is a pattern, not a cause" in found.caveat


def test_every_fixed_file_still_has_its_sources_and_text() -> None:
    for exercise_id in (
        "pacing-session",
        "noticing-pain-thoughts",
        "thought-record",
        "pacing-plan",
        "asking-for-support",
        "pmr-short",
        "pmr-release-only",
        "body-scan",
        "breathing-box",
        "breathing-4-7-8",
    ):
        ex = exercise(exercise_id)
        assert ex.sources, exercise_id
        assert isinstance(ex.steps[0], TextStep), exercise_id


def test_the_pacing_plan_guides_the_baseline_and_names_the_changes_a_person_can_make() -> None:
    """Issue 15, item 3: ordinary days, the lower number, not necessarily every day; and the
    pacing texts point to holding a week and stepping back, which the app now does."""
    words = step_words(exercise("pacing-plan"))
    assert "Measure on ordinary days, not your best ones" in words
    assert "If you are unsure, use the lower number" in words
    assert "on the days you plan to do it" in words and "does not have to be every day" in words
    assert "from 5 to 20%" in words and "leave it open" in words
    assert "hold the plan for a week" in words and "p on Today, then h" in words
    assert "Do your amount every day" not in words
    assert "h holds a plan for a week" in step_words(exercise("why-pacing-helps"))
    assert "b steps a plan back by one week" in step_words(exercise("flare-plan"))


EVERY_DAY = re.compile(r"\bdaily\b|\b(a|per) day\b", re.IGNORECASE)
AMOUNT_A_DAY = re.compile(r"\bdaily amount\b|^ a day\b")
"""`daily amount`, or an f-string's piece after the unit: `{unit} a day`."""


def test_a_plans_amount_is_for_the_days_a_person_does_it_not_every_day() -> None:
    """Issue 15, item 3: plans are for the days the person does the activity, so neither
    the pacing texts nor the app's own words call the amount daily or "a day"."""
    for exercise_id in ("pacing-plan", "why-pacing-helps", "pacing-session"):
        assert not EVERY_DAY.search(step_words(exercise(exercise_id))), exercise_id
    assert "your amount for the days you do it" in step_words(exercise("pacing-plan"))
    assert "10 minutes on the days you walk" in step_words(exercise("why-pacing-helps"))
    found = [
        f"{path.relative_to(SRC)}:{line}: {text}"
        for path in sorted(SRC.rglob("*.py"))
        for line, text in _prose_strings(path)
        if AMOUNT_A_DAY.search(text)
    ]
    assert found == []
