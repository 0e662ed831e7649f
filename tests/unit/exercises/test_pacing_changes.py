"""Issue 15 groundwork: the arithmetic of hold, step back, a goal and a safe rate."""

from __future__ import annotations

from datetime import date, timedelta

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


@pytest.mark.parametrize("percent", [4, 21, 50, 100, -5])
def test_a_rate_outside_5_to_20_percent_is_refused_with_the_reason(percent: float) -> None:
    with pytest.raises(PacingError, match=r"from 5 to 20 percent.*boom-bust"):
        check_safe_percent(percent)


def test_after_a_two_week_flare_held_twice_the_amount_has_not_risen() -> None:
    """The issue's case: two held weeks in a flare, and Today does not show a higher target."""
    changes = (PlanChange("hold", week(5, 1)), PlanChange("hold", week(6, 1)))
    plan = FollowedPlan(10, START, 10, changes=changes)
    assert plan.amount(week(5)) == plan.amount(week(7)) == 14
