"""Insights on journals whose answer is known: enough data, not enough, and at each threshold."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from paincoach.records.review import Insight, quota_mark
from paincoach.review.insights import (
    MIN_NEXT_DAY_PAIRS,
    MIN_PAIN_MOOD_DAYS,
    strength,
    week_insights,
    window,
)
from tests.review_support import MON, Book
from tests.storage_support import sql_trace
from tests.unit.review.test_summary import DAY_RANGE

D = timedelta(days=1)
#: The selected week is MON's; the window is the 8 weeks ending on its Sunday.
FIRST = MON - 49 * D
LAST = MON + 6 * D


@pytest.fixture
def book(home: Path) -> Book:
    return Book(home)


def insight(book: Book, key: str, **kw: object) -> Insight:
    return week_insights(book.db, MON, week_start=0, **kw).get(key)  # type: ignore[arg-type]


def assert_not_enough(found: Insight, needs: int, has: int) -> None:
    assert (found.enough, found.needs, found.has) == (False, needs, has)
    assert found.text.startswith(f"Not enough data yet: needs {needs} ")
    assert found.text.endswith(f", has {has}.")


def test_the_window_is_eight_weeks_ending_with_the_week() -> None:
    assert window(MON + 3 * D, week_start=0, weeks=8, today=None) == (FIRST, LAST)
    assert window(MON, week_start=0, weeks=8, today=MON + 2 * D) == (FIRST, MON + 2 * D)
    assert window(MON, week_start=6, weeks=1, today=None) == (MON - D, MON + 5 * D)


def test_every_insight_is_there_and_words_observations_not_advice(book: Book) -> None:
    found = week_insights(book.db, MON, week_start=0)
    assert [i.key for i in found.items] == [
        "pain_mood",
        "activity_next_day_pain",
        "boom_bust",
        "exercise_ratings",
        "thinking_traps",
        "pacing_consistency",
        "treatment_relief",
    ]
    for item in found.items:
        assert not item.enough and item.has == 0
        for word in ("should", "try ", "must", "we recommend"):
            assert word not in item.text.lower()


# -- pain and mood -----------------------------------------------------------------------------


def test_pain_and_mood_needs_10_days_with_both(book: Book) -> None:
    book.days(MON - 9 * D, [1, 2, 3, 4, 5, 6, 7, 8, 9, 5], moods=[9, 8, 7, 6, 5, 4, 3, 2, 1, None])
    assert_not_enough(insight(book, "pain_mood"), MIN_PAIN_MOOD_DAYS, 9)


def test_pain_and_mood_at_exactly_10_days(book: Book) -> None:
    book.days(MON - 9 * D, list(range(10)), moods=[10 - p for p in range(10)])
    found = insight(book, "pain_mood")
    assert found.enough and found.has == 10 and found.data == {"days": 10, "r": -1.0}
    assert "a strong link (r = -1.00)" in found.text
    assert "on days with more pain, your mood tended to be lower" in found.text
    assert "does not show that one causes the other" in found.caveat


def test_pain_and_mood_without_a_clear_link(book: Book) -> None:
    book.days(MON - 9 * D, [2, 2, 8, 8, 2, 2, 8, 8, 5, 5], moods=[2, 8, 2, 8, 2, 8, 2, 8, 5, 5])
    found = insight(book, "pain_mood")
    assert found.enough and found.data["r"] == 0.0
    assert "did not clearly move together" in found.text


def test_pain_that_never_changes_shows_no_pattern(book: Book) -> None:
    book.days(MON - 9 * D, [4] * 10, moods=list(range(10)))
    assert "stayed the same every day" in insight(book, "pain_mood").text


@pytest.mark.parametrize(
    ("r", "words"),
    [
        (0.09, "no clear"),
        (0.1, "a weak"),
        (-0.29, "a weak"),
        (0.3, "a moderate"),
        (-0.5, "a strong"),
    ],
)
def test_correlation_strength_in_words(r: float, words: str) -> None:
    assert strength(r) == words


def test_days_outside_the_window_do_not_count(book: Book) -> None:
    book.days(FIRST - 10 * D, list(range(10)), moods=list(range(10)))
    book.days(LAST + D, list(range(10)), moods=list(range(10)))
    assert_not_enough(insight(book, "pain_mood"), MIN_PAIN_MOOD_DAYS, 0)
    assert insight(book, "pain_mood", weeks=12).has == 10


# -- activity and next-day pain ----------------------------------------------------------------


def test_activity_and_next_day_pain_needs_10_pairs(book: Book) -> None:
    book.days(MON - 9 * D, [5] * 10, minutes=[10] * 10)  # 10 days: 9 pairs
    assert_not_enough(insight(book, "activity_next_day_pain"), MIN_NEXT_DAY_PAIRS, 9)


def test_activity_and_next_day_pain_at_exactly_10_pairs(book: Book) -> None:
    minutes = [10, 60, 10, 60, 10, 60, 10, 60, 10, 60, 10]
    pains = [None, 3, 7, 3, 7, 3, 7, 3, 7, 3, 7]  # busy day → 7 the next day
    book.days(MON - 10 * D, pains, minutes=minutes)
    book.checkin(MON - 10 * D, 5)  # day 0 has an entry too (pain the day before day 1)
    found = insight(book, "activity_next_day_pain")
    assert found.enough and found.has == 10
    assert found.data["r"] == 1.0
    assert "after more active days, your pain the next day tended to be higher" in found.text
    assert "averaged 7.0 after days with more than 35 active minutes, and 3.0 after" in found.text


def test_a_day_without_activity_counts_as_zero_minutes(book: Book) -> None:
    book.days(MON - 10 * D, [5, 3, 7, 3, 7, 3, 7, 3, 7, 3, 7], minutes=[30, 0, 30] * 3 + [0, 30])
    found = insight(book, "activity_next_day_pain")
    # the first ten days (each with a next day): six of 30 minutes, four with none logged
    assert found.has == 10 and found.data["median_minutes"] == 30.0


# -- boom and bust -----------------------------------------------------------------------------


def _usual_days(book: Book, first: date, count: int = 10, minutes: int = 30) -> None:
    book.days(first, [4] * count, minutes=[minutes] * count)


def test_boom_bust_needs_10_active_days(book: Book) -> None:
    _usual_days(book, MON - 20 * D, count=9)
    assert_not_enough(insight(book, "boom_bust"), 10, 9)


def test_boom_bust_at_exactly_its_thresholds(book: Book) -> None:
    _usual_days(book, MON - 20 * D)  # usual: 30 minutes
    book.checkin(MON, 4)
    book.activity(MON, 45)  # exactly 150%
    book.checkin(MON + D, 6)  # exactly 2 points up
    book.activity(MON + D, 15)  # exactly 50%
    found = insight(book, "boom_bust")
    assert found.enough and found.has == 12
    assert found.data["usual_minutes"] == 30.0 and found.data["busy_days"] == 1
    assert found.data["episodes"] == [
        {
            "busy_day": MON.isoformat(),
            "busy_minutes": 45,
            "plan": "",
            "pain_before": 4.0,
            "flare_day": (MON + D).isoformat(),
            "pain_after": 6.0,
            "quiet_day": (MON + D).isoformat(),
            "busiest_day": MON.isoformat(),
            "busiest_minutes": 45,
        }
    ]
    assert found.text.startswith("1 time in these weeks")
    assert "pain 4.0 → 6.0 on Tue 17 Nov" in found.text
    assert "not a validated test" in found.caveat


@pytest.mark.parametrize(
    ("busy", "pain_after", "quiet", "episodes"),
    [
        (44, 6, 15, 0),  # not quite 150%
        (45, 5, 15, 0),  # pain up 1 point, 25%: not a meaningful rise
        (45, 6, 16, 0),  # not quite 50%
        (45, 6, None, 1),  # a check-in but no activity that day: 0 minutes, so quiet
    ],
)
def test_boom_bust_just_short_of_each_threshold(
    book: Book, busy: int, pain_after: int, quiet: int | None, episodes: int
) -> None:
    _usual_days(book, MON - 20 * D)
    book.checkin(MON, 4)
    book.activity(MON, busy)
    book.checkin(MON + D, pain_after)
    if quiet:
        book.activity(MON + D, quiet)
    found = insight(book, "boom_bust")
    assert len(found.data["episodes"]) == episodes  # type: ignore[arg-type]


def test_boom_bust_within_two_days_not_three(book: Book) -> None:
    _usual_days(book, MON - 20 * D)
    book.checkin(MON, 4)
    book.activity(MON, 60)
    book.checkin(MON + D, 4)
    book.activity(MON + D, 30)
    book.checkin(MON + 2 * D, 7)  # day two: pain up
    book.activity(MON + 2 * D, 10)  # and quiet
    assert len(insight(book, "boom_bust").data["episodes"]) == 1  # type: ignore[arg-type]
    book2_first = MON + 10 * D
    book.checkin(book2_first, 4)
    book.activity(book2_first, 60)
    for k in (1, 2):
        book.checkin(book2_first + k * D, 4)
        book.activity(book2_first + k * D, 30)
    book.checkin(book2_first + 3 * D, 8)  # day three: too late
    book.activity(book2_first + 3 * D, 5)
    found = week_insights(book.db, book2_first, week_start=0).get("boom_bust")
    assert [e["busy_day"] for e in found.data["episodes"]] == [MON.isoformat()]  # type: ignore[attr-defined]


def test_an_episode_is_named_by_its_busiest_day(book: Book) -> None:
    """A 40-minute Friday, 160 minutes on Saturday, then the flare on Sunday: Saturday."""
    _usual_days(book, MON - 20 * D, minutes=25)  # usual 25: 40 minutes is already busy
    fri, sat, sun = MON + 4 * D, MON + 5 * D, MON + 6 * D
    book.checkin(fri, 4)
    book.activity(fri, 40)
    book.checkin(sat, 4)
    book.activity(sat, 160)
    book.checkin(sun, 7)  # pain up on Friday's by 3 points
    book.activity(sun, 5)  # and a much quieter day
    found = insight(book, "boom_bust")
    episodes = found.data["episodes"]
    assert isinstance(episodes, list) and len(episodes) == 1
    episode = episodes[0]
    assert (episode["busy_day"], episode["busiest_day"]) == (fri.isoformat(), sat.isoformat())
    assert episode["busiest_minutes"] == 160 and found.data["busy_days"] == 2
    assert (
        "Fri 20 Nov to Sat 21 Nov (160 min), the busiest, then pain 4.0 (on Fri 20 Nov) → 7.0 "
        "on Sun 22 Nov" in found.text
    )


def test_busy_against_a_plans_quota(book: Book) -> None:
    _usual_days(book, MON - 20 * D, minutes=60)  # usual: 60 minutes of walking
    book.plan("Yoga", 10, MON - 30 * D)
    book.checkin(MON, 3)
    book.activity(MON, 15, name="yoga")  # 150% of the yoga quota, far below the usual total
    book.checkin(MON + D, 6)
    book.activity(MON + D, 5, name="Yoga")  # 50% of the quota; the day is quiet anyway
    found = insight(book, "boom_bust")
    episodes = found.data["episodes"]
    assert isinstance(episodes, list) and len(episodes) == 1
    assert episodes[0]["plan"] == "Yoga" and "over the day's amount for Yoga" in found.text


def test_no_busy_days_is_said_plainly(book: Book) -> None:
    _usual_days(book, MON - 20 * D)
    assert insight(book, "boom_bust").text.startswith("No day in these weeks was much busier")


# -- exercises by the person's own ratings -----------------------------------------------------


def test_exercise_ratings_need_3_rated_sessions_of_one_exercise(book: Book) -> None:
    for i in range(2):
        book.session(MON + i * D, "breathing-box", before=7, after=3)
    book.session(MON, "breathing-box", before=7)  # no after rating: not counted
    book.session(MON, "body-scan", before=6, after=4)
    assert_not_enough(insight(book, "exercise_ratings"), 3, 2)


def test_exercise_ratings_count_finished_sessions_only(book: Book) -> None:
    """A rating after a pacer stopped early says nothing about the exercise."""
    for _ in range(2):
        book.session(MON, "breathing-box", before=7, after=3)
    book.session(MON, "breathing-box", before=7, after=2, completed=False)
    found = insight(book, "exercise_ratings")
    assert_not_enough(found, 3, 2)
    assert "finished sessions" in found.text


def test_exercise_ratings_rank_by_the_biggest_fall(book: Book) -> None:
    for before, after in ((7, 3), (6, 3), (8, 4)):
        book.session(MON, "breathing-box", before=before, after=after, title="Box breathing")
    for before, after in ((5, 4), (5, 4), (6, 4)):
        book.session(MON, "body-scan", kind="mindfulness", before=before, after=after)
    book.session(MON, "pmr", before=5, after=1)  # the biggest fall, but one session only
    found = insight(book, "exercise_ratings")
    assert found.enough and found.has == 3
    rows = found.data["exercises"]
    assert [r["exercise_id"] for r in rows] == ["breathing-box", "body-scan"]  # type: ignore[attr-defined]
    assert rows[0] == {  # type: ignore[index]
        "exercise_id": "breathing-box",
        "title": "Box breathing",
        "sessions": 3,
        "before": 7.0,
        "after": 3.3,
        "change": -3.7,
    }
    assert found.text.startswith("By your own ratings, Box breathing went with the biggest fall")
    assert "Next: Body scan (-1.3)." in found.text


def test_exercises_whose_ratings_did_not_fall(book: Book) -> None:
    for _ in range(3):
        book.session(MON, "breathing-box", before=3, after=4)
    assert (
        "none of your rated exercises ended with a lower rating"
        in insight(book, "exercise_ratings").text
    )


# -- thinking traps ----------------------------------------------------------------------------


def test_thinking_traps_need_3_records_with_a_trap(book: Book) -> None:
    book.thought_record(MON, ["Catastrophising"])
    book.thought_record(MON, ["Catastrophising", "Mind reading"])
    book.thought_record(MON)  # no trap marked: does not count
    assert_not_enough(insight(book, "thinking_traps"), 3, 2)


def test_the_most_frequent_traps(book: Book) -> None:
    book.thought_record(MON, ["Catastrophising", "Mind reading"])
    book.thought_record(MON + D, ["Catastrophising", "All-or-nothing", "Labelling"])
    book.thought_record(MON + 2 * D, ["Catastrophising", "Mind reading", "Grübeln ☁"])
    book.thought_record(FIRST - D, ["Labelling"] * 1)  # outside the window
    found = insight(book, "thinking_traps")
    assert found.enough and found.has == 3
    assert found.text == (
        "In 3 thought records with a trap marked, the ones you noticed most: "
        "Catastrophising (3), Mind reading (2), All-or-nothing (1)."
    )
    assert found.data["traps"][-1] == {"trap": "Labelling", "records": 1}  # type: ignore[index]
    assert {"trap": "Grübeln ☁", "records": 1} in found.data["traps"]  # type: ignore[operator]


# -- pacing consistency ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "mark"),
    [(7, "below"), (8, "within"), (10, "within"), (12, "within"), (13, "above")],
)
def test_within_20_percent_of_the_quota_exactly(done: int, mark: str) -> None:
    assert quota_mark(done, 10) == mark


def test_pacing_consistency_judges_each_day_by_the_plan_as_followed(book: Book) -> None:
    """Issue 15: 18 minutes is within 20% of the 22 planned after a step back, though below
    the 24 the plan would have reached without it."""
    from paincoach.practice.pacing_plans import PacingPlans
    from tests.review_support import at

    start = LAST - 20 * D  # the last seven days are the plan's week 3: 20 + 2 + 2 = 24
    book.plan("walk", 20, start, percent=10.0)
    PacingPlans(book.db, lambda: at(LAST - 6 * D)).step_back("walk")  # 22 from week 3 on
    for offset in range(7):
        book.activity(LAST - offset * D, 18)
    found = insight(book, "pacing_consistency")
    assert found.text == (
        "walk: on 7 of the 7 days you did it (100%) your minutes were within 20% of the "
        "day's amount; 0 above it, 0 below; 14 days without it."
    )


@pytest.mark.parametrize(("minutes", "where"), [(10, "within 20% of"), (13, "above"), (7, "below")])
def test_pacing_consistency_says_one_day_as_one_day(book: Book, minutes: int, where: str) -> None:
    start = LAST - 6 * D
    book.plan("walk", 10, start)
    book.activity(start, minutes)
    assert insight(book, "pacing_consistency").text == (
        f"walk: on the 1 day you did it your minutes were {where} the day's amount; "
        "6 days without it."
    )


def test_pacing_consistency_says_a_plan_not_done_yet(book: Book) -> None:
    book.plan("walk", 10, LAST - 6 * D)
    assert insight(book, "pacing_consistency").text == "walk: not done yet, in 7 days."


def test_pacing_consistency_needs_7_plan_days(book: Book) -> None:
    book.plan("walk", 10, LAST - 5 * D)
    assert_not_enough(insight(book, "pacing_consistency"), 7, 6)


def test_pacing_consistency_counts_days_within_above_and_below(book: Book) -> None:
    start = LAST - 6 * D
    book.plan("walk", 10, start)
    book.plan("Lesen", 10, start, unit="pages")  # not counted in minutes: left out
    for offset, minutes in enumerate([8, 12, 10, 13, 7, 0, 10]):
        if minutes:
            book.activity(start + offset * D, minutes, name="Walk")
    found = insight(book, "pacing_consistency")
    assert found.enough and found.has == 7
    assert found.text == (  # a day without it is not a day below the amount (issue 15)
        "walk: on 4 of the 6 days you did it (67%) your minutes were within 20% of the day's "
        "amount; 1 above it, 1 below; 1 day without it."
    )
    assert found.data["plans"] == [
        {
            "activity": "walk",
            "days": 6,
            "within": 4,
            "above": 1,
            "below": 1,
            "days_without": 1,
            "percent_within": 67,
        }
    ]


def test_days_after_today_are_not_counted(book: Book) -> None:
    book.plan("walk", 10, MON - 3 * D)
    for offset in range(10):
        book.activity(MON - 3 * D + offset * D, 10)
    found = insight(book, "pacing_consistency", today=MON + 3 * D)
    assert found.has == 7 and found.data["plans"][0]["within"] == 7  # type: ignore[index]


# -- bounded -----------------------------------------------------------------------------------


def test_insight_queries_are_bounded_by_day(book: Book) -> None:
    book.days(MON - 100 * D, [5] * 100, moods=[5] * 100, minutes=[20] * 100)
    with sql_trace(book.db) as statements:
        week_insights(book.db, MON, week_start=0)
    for statement in statements:
        flat = " ".join(statement.split())
        if flat.upper().startswith("SELECT") and "FROM pacing_plans" not in flat:
            assert "BETWEEN" in flat or DAY_RANGE.search(flat), flat
