"""Why a save calls for the support card, the two-week low-mood rule, and the card's words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from paincoach.records.concern import Concern, Reason, concern_of, mostly_low, texts_in
from paincoach.records.entries import DayFigures
from paincoach.records.safety_plan import SafetyPlan
from paincoach.records.support_card import (
    FORTNIGHT,
    NO_CONTACTS,
    NOBODY_READS,
    OPENING,
    safety_plan_lines,
    support_card,
)
from paincoach.safety import load_directory
from paincoach.settings import Contact
from tests.support import NOW

TODAY = NOW.date()


def fortnight(moods: Sequence[float | None]) -> list[DayFigures]:
    """The last len(moods) days up to today, oldest first, each with that day's average mood."""
    first = TODAY - timedelta(days=len(moods) - 1)
    return [
        DayFigures(first + timedelta(days=i), checkins=int(m is not None), mood_avg=m)
        for i, m in enumerate(moods)
    ]


def test_concern_reasons_come_most_telling_first() -> None:
    assert concern_of() is None
    both = concern_of(low_mood=True, words=True)
    assert both is not None and both.reasons == (Reason.WORDS, Reason.LOW_MOOD)
    assert both.first is Reason.WORDS and not both.low_fortnight
    despair = concern_of(despair=True)
    assert despair is not None and despair.first is Reason.DESPAIR


def test_texts_in_walks_every_kind_of_answer() -> None:
    answers = {"a": "one", "b": ["two", "three"], "c": {"four": 90}, "d": 5, "e": None}
    assert sorted(texts_in(answers)) == ["a", "b", "c", "d", "e", "four", "one", "three", "two"]


@pytest.mark.parametrize(
    ("moods", "low"),
    [
        ([3.0] * 8 + [6.0] * 2, True),  # 8 low of 10 rated days
        ([3.0] * 8 + [6.0] * 6, True),  # 8 low of 14
        ([3.0] * 7 + [6.0] * 7, False),  # 7 low: not most days
        ([2.0] * 9, False),  # 9 rated days: too few to say
        ([2.0] * 9 + [None] * 5, False),
        ([3.5] * 14, False),  # 3.5 is not 3 or less
        ([0.0] * 8 + [None] * 4 + [7.0] * 2, True),
    ],
)
def test_two_weeks_of_mostly_low_mood(moods: list[float | None], low: bool) -> None:
    assert mostly_low(fortnight(moods)) is low


def test_only_the_last_fourteen_days_count() -> None:
    # Twenty low days, then fourteen good ones: the fortnight is good.
    assert not mostly_low(fortnight([1.0] * 20 + [7.0] * 14))
    assert mostly_low(fortnight([7.0] * 20 + [1.0] * 14))


# -- the card's words ---------------------------------------------------------------------------


def card(concern: Concern, contacts: list[Contact] | None = None) -> list[str]:
    directory = load_directory()
    return support_card(
        concern,
        "check-in",
        directory.region("GB"),
        directory.lines_for("GB"),
        contacts or [],
        safety_plan_lines(None),
    ).as_lines()


def test_the_card_has_the_lines_people_and_honest_words() -> None:
    said = "\n".join(card(Concern((Reason.WORDS,)), [Contact("Sam", "07700 900123", "any time")]))
    assert OPENING[Reason.WORDS] in said and "check-in is saved" in said
    assert "Call 999 (United Kingdom)" in said
    for line in load_directory().lines_for("GB"):  # every line for the region, not two
        assert f"{line.name}: {line.number}" in said and line.how in said
    assert "Sam  07700 900123  any time" in said and NO_CONTACTS not in said
    assert NOBODY_READS in said and "cannot call for help" in said
    assert FORTNIGHT not in said


def test_the_card_without_people_says_where_to_add_them() -> None:
    said = card(Concern((Reason.LOW_MOOD,), low_fortnight=True))
    assert f"  {NO_CONTACTS}" in said and OPENING[Reason.LOW_MOOD] in said
    assert FORTNIGHT in said and "GP" in FORTNIGHT


def test_the_card_words_stay_kind_and_are_never_advice() -> None:
    words = " ".join([*OPENING.values(), NOBODY_READS, FORTNIGHT]).lower()
    for harsh in ("warning", "alert", "risk", "detected", "flagged", "monitor", "must", "dose"):
        assert harsh not in words


def test_the_card_carries_the_persons_safety_plan_part_by_part() -> None:
    plan = SafetyPlan(signs=("Not sleeping", "Going quiet"), people=("Sam, 07700 900123",))
    lines = safety_plan_lines(plan)
    assert lines == [
        "My warning signs: Not sleeping; Going quiet",
        "People I can ask for help: Sam, 07700 900123",
    ]
    assert safety_plan_lines(None) == []
    directory = load_directory()
    said = support_card(
        Concern((Reason.WORDS,)),
        "check-in",
        directory.region("GB"),
        directory.lines_for("GB"),
        [],
        lines,
    ).as_lines()
    assert all(line in " ".join(said) for line in lines)


def test_with_no_country_chosen_the_card_says_so_plainly() -> None:
    from paincoach import safety
    from paincoach.records.support_card import CATCH_ALL, NO_REGION_EMERGENCY

    assert CATCH_ALL == safety.DEFAULT_REGION
    directory = load_directory()
    said = support_card(
        Concern((Reason.WORDS,)),
        "check-in",
        directory.region(CATCH_ALL),
        directory.lines_for(CATCH_ALL),
        [],
    ).as_lines()
    assert NO_REGION_EMERGENCY in said
    assert "(Another country)" not in " ".join(said)
