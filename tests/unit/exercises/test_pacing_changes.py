"""Issue 15 groundwork: the arithmetic of hold, step back, a goal and a safe rate."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest

from paincoach.exercises.pacing import PacingError, quota
from paincoach.exercises.pacing_changes import FollowedPlan, PlanChange, check_safe_percent

START = date(2026, 11, 2)  # a Monday; plan weeks run Monday to Sunday here


def week(n: int, day: int = 0) -> date:
    """Day `day` (0-6) of plan week `n`."""
    return START + timedelta(days=7 * (n - 1) + day)


def test_without_changes_it_is_the_plain_plan() -> None:
    plan = FollowedPlan(10, START, 10)
    for n in range(1, 20):
        for d in (0, 6):
            assert plan.amount(week(n, d)) == quota(10, START, week(n, d), 10)


def test_a_hold_keeps_the_coming_week_and_moves_every_later_week_back_by_one() -> None:
    plan = FollowedPlan(10, START, 10, changes=(PlanChange("hold", week(5, 3)),))
    assert [plan.amount(week(n)) for n in (4, 5, 6, 7, 8)] == [13, 14, 14, 15, 16]
    assert plan.amount(week(5, 2)) == 14  # before the hold nothing changes


def test_two_holds_in_one_week_hold_one_week() -> None:
    changes = (PlanChange("hold", week(5, 1)), PlanChange("hold", week(5, 6)))
    assert FollowedPlan(10, START, 10, changes=changes).amount(week(7)) == 15


def test_a_hold_on_the_last_day_of_a_week_still_holds_the_next() -> None:
    plan = FollowedPlan(10, START, 10, changes=(PlanChange("hold", week(5, 6)),))
    assert plan.amount(week(6)) == 14


def test_a_step_back_lowers_the_amount_at_once_and_the_plan_goes_on_from_there() -> None:
    plan = FollowedPlan(10, START, 10, changes=(PlanChange("back", week(5, 3)),))
    assert plan.amount(week(5, 2)) == 14
    assert plan.amount(week(5, 3)) == 13
    assert [plan.amount(week(n)) for n in (6, 7)] == [14, 15]


def test_a_step_back_never_goes_below_one_unit() -> None:
    changes = tuple(PlanChange("back", week(1, d)) for d in range(5))
    assert FollowedPlan(2, START, 20, changes=changes).amount(week(1, 6)) == 1


def test_the_amount_stops_rising_at_the_goal() -> None:
    plan = FollowedPlan(10, START, 10, goal=15)
    assert [plan.amount(week(n)) for n in (5, 6, 7, 30)] == [14, 15, 15, 15]


def test_a_goal_set_later_stops_the_rise_from_then_and_can_be_opened_again() -> None:
    changes = (PlanChange("goal", week(3, 2), 12), PlanChange("goal", week(6, 0), None))
    plan = FollowedPlan(10, START, 10, changes=changes)
    assert [plan.amount(week(n)) for n in (3, 4, 5, 6, 7)] == [12, 12, 12, 13, 14]


def test_a_new_rate_applies_from_the_next_week() -> None:
    plan = FollowedPlan(10, START, 10, changes=(PlanChange("percent", week(3, 4), 20),))
    assert [plan.amount(week(n)) for n in (3, 4, 5)] == [12, 14, 16]
    assert plan.amount(week(3, 6)) == 12


@pytest.mark.parametrize("percent", [21, 50, 100])
def test_a_rise_faster_than_20_percent_is_refused_with_the_reason(percent: float) -> None:
    with pytest.raises(PacingError, match=r"from 5 to 20 percent.*boom-bust"):
        check_safe_percent(percent)


@pytest.mark.parametrize("percent", [4, 0, -5])
def test_a_rise_slower_than_5_percent_is_refused_with_its_own_reason(percent: float) -> None:
    with pytest.raises(PacingError, match=r"from 5 to 20 percent.*too small.*hold a week"):
        check_safe_percent(percent)


@pytest.mark.parametrize("percent", [5, 10, 12.5, 20])
def test_a_rise_from_5_to_20_percent_is_taken(percent: float) -> None:
    assert check_safe_percent(percent) == Fraction(str(percent))


def test_after_a_two_week_flare_held_twice_the_amount_has_not_risen() -> None:
    """The issue's case: two held weeks in a flare, and Today does not show a higher target."""
    changes = (PlanChange("hold", week(5, 1)), PlanChange("hold", week(6, 1)))
    plan = FollowedPlan(10, START, 10, changes=changes)
    assert plan.amount(week(5)) == plan.amount(week(7)) == 14


def test_a_hold_on_the_first_day_of_a_week_keeps_that_weeks_amount_for_the_next() -> None:
    """The rise of the day it is made has happened already: the next one is skipped."""
    plan = FollowedPlan(10, START, 10, changes=(PlanChange("hold", week(5)),))
    assert [plan.amount(week(n)) for n in (4, 5, 6, 7)] == [13, 14, 14, 15]


def test_changes_made_before_the_plan_began_count_from_its_first_day() -> None:
    plan = FollowedPlan(10, START, 10, changes=(PlanChange("goal", START - timedelta(days=3), 8),))
    assert plan.amount(START) == 8 and plan.amount(week(9)) == 8


def test_a_goal_below_today_brings_the_amount_down_and_an_open_goal_rises_from_there() -> None:
    changes = (PlanChange("goal", week(5, 2), 11), PlanChange("goal", week(6, 2), None))
    plan = FollowedPlan(10, START, 10, changes=changes)
    assert [plan.amount(d) for d in (week(5, 1), week(5, 2), week(6), week(7))] == [
        14,
        11,
        11,
        12,
    ]


def test_a_step_back_at_a_goal_goes_below_the_goal() -> None:
    plan = FollowedPlan(10, START, 10, goal=12, changes=(PlanChange("back", week(8, 1)),))
    assert [plan.amount(week(8)), plan.amount(week(8, 1)), plan.amount(week(9))] == [12, 11, 12]


def test_the_next_rise_names_its_day_and_amount_and_none_at_the_goal() -> None:
    plan = FollowedPlan(10, START, 10, goal=13)
    assert plan.next_rise(week(2, 3)) == (week(3), 12)
    assert plan.next_rise(week(4)) is None
    held = FollowedPlan(10, START, 10, changes=(PlanChange("hold", week(2, 3)),))
    assert held.next_rise(week(2, 3)) == (week(4), 12)  # after the held week
    assert held.held_in_week_of(week(2, 3)) and not held.held_in_week_of(week(2, 2))
    assert not held.held_in_week_of(week(3))


def test_a_rise_too_small_to_show_once_rounded_is_not_named() -> None:
    assert FollowedPlan(2, START, 10).next_rise(START) is None  # 2.2, 2.4: still 2 a day


def test_the_rate_and_goal_in_force_follow_their_changes() -> None:
    changes = (PlanChange("percent", week(3, 4), 15), PlanChange("goal", week(4, 1), 30))
    plan = FollowedPlan(10, START, 10, changes=changes)
    assert (plan.percent_on(week(3, 5)), plan.percent_chosen(week(3, 5))) == (10, 15)
    assert plan.percent_on(week(4)) == 15
    assert (plan.goal_on(week(4)), plan.goal_on(week(4, 1))) == (None, 30)


def test_the_history_names_each_change_with_its_week_and_amounts() -> None:
    changes = (PlanChange("back", week(3, 2)), PlanChange("hold", week(3, 4), reason="flare"))
    lines = FollowedPlan(10, START, 10, changes=changes).history()
    assert [(line.week, line.before, line.after) for line in lines] == [(3, 12, 11), (3, 11, 11)]
    assert lines[1].words("minutes") == (
        "Held after a flare in week 3 (Fri 20 Nov): 11 minutes for another week"
    )


def test_a_decade_walked_once_gives_the_same_amounts_as_each_day_alone() -> None:
    """`amounts` walks the plan once for many days; it must agree with `amount` day by day."""
    changes = tuple(
        PlanChange(kind, START + timedelta(days=offset), value)  # type: ignore[arg-type]
        for offset, kind, value in [
            (40, "hold", None), (41, "back", None), (90, "percent", 5), (200, "goal", 40),
            (400, "goal", None), (401, "hold", None), (1000, "back", None), (1001, "percent", 20),
        ]
    )  # fmt: skip
    plan = FollowedPlan(10, START, 10, changes=changes)
    days = [START + timedelta(days=k) for k in range(0, 3650, 3)]
    fresh = [FollowedPlan(10, START, 10, changes=changes).amount(day) for day in days]
    assert plan.amounts(days) == fresh
    assert plan.amount(days[5]) == fresh[5]  # an earlier day after a longer walk


def test_the_history_from_one_walk_matches_each_change_replayed_alone() -> None:
    """`history` notes each change during one walk; it must say what replaying the plan up
    to each change says (the amount on its day without it, and with it)."""
    changes = tuple(
        PlanChange(kind, START + timedelta(days=offset), value)  # type: ignore[arg-type]
        for offset, kind, value in [
            (-2, "goal", 9), (7, "goal", None), (14, "hold", None), (14, "back", None),
            (20, "percent", 20), (21, "back", None), (49, "goal", 12), (55, "goal", 30),
            (56, "hold", None), (57, "back", None), (300, "percent", 5), (301, "back", None),
        ]
    )  # fmt: skip
    plan = FollowedPlan(10, START, 10, changes=changes)
    replayed = []
    for index, change in enumerate(changes):
        on = max(change.on, START)
        without = FollowedPlan(10, START, 10, changes=changes[:index])
        with_it = FollowedPlan(10, START, 10, changes=changes[: index + 1])
        replayed.append((change, plan.week(on), without.amount(on), with_it.amount(on)))
    assert [(h.change, h.week, h.before, h.after) for h in plan.history()] == replayed
