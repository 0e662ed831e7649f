"""Which pacing plan an activity counts for: the plan of its own name, said in words."""

from __future__ import annotations

from datetime import date

from paincoach.records.plan_match import counts_for, plan_named
from paincoach.records.practice import PacingPlanView


def plan(
    activity: str, unit: str = "minutes", *, done: int = 0, active: bool = True
) -> PacingPlanView:
    return PacingPlanView(
        uid=activity,
        activity=activity,
        unit=unit,
        measurements=(10, 12, 14),
        baseline=10,
        percent=10.0,
        start=date(2026, 11, 2),
        goal=None,
        today_amount=13,
        done_today=done if unit == "minutes" else None,
        active=active,
    )


WALKING = plan("walking", done=20)


def test_an_activity_counts_for_the_plan_of_its_name_in_any_case_and_spacing() -> None:
    assert plan_named("  WALKING ", [WALKING]) == WALKING
    assert counts_for("Walking", False, [WALKING]) == 'Counts for your pacing plan "walking".'
    assert counts_for("walking", True, [WALKING], with_today=True) == (
        'Counts for your pacing plan "walking": 20 of 13 minutes today.'
    )


def test_walk_does_not_count_for_walking_and_says_what_would() -> None:
    assert plan_named("walk", [WALKING]) is None
    assert counts_for("walk", True, [WALKING]) == (
        'Counts for no pacing plan. To count it for one, give it that plan\'s name: "walking".'
    )


def test_an_unpaced_activity_of_no_plan_gets_no_line() -> None:
    assert counts_for("housework", False, [WALKING]) == ""


def test_several_plans_are_named_and_a_long_list_is_cut() -> None:
    three = [plan("walking"), plan("Swimming"), plan("cooking")]
    assert counts_for("walk", True, three) == (
        "Counts for no pacing plan. To count it for one, give it the plan's name: "
        '"cooking", "Swimming" or "walking".'
    )
    five = [*three, plan("reading"), plan("typing")]
    assert counts_for("walk", True, five).endswith(
        '"cooking", "reading", "Swimming" or one of 2 more.'
    )


def test_a_paced_activity_with_no_plans_at_all_says_where_plans_come_from() -> None:
    words = counts_for("walk", True, [])
    assert words.startswith("Counts for no pacing plan: you have none yet")
    assert "pacing plan exercise" in words
    assert counts_for("walk", True, [plan("walk", active=False)]) == words  # a stopped plan


def test_a_plan_in_another_unit_is_named_but_gets_no_minutes() -> None:
    swim = plan("Schwimmen", "metres")
    assert counts_for("SCHWIMMEN", True, [swim], with_today=True) == (
        'Counts for your pacing plan "Schwimmen", which is counted in metres: '
        "these minutes are not added to it."
    )


def test_names_are_shown_safely_and_short() -> None:
    odd = plan("walk\x1b[31m " + "x" * 60)
    words = counts_for("other", True, [odd])
    assert "\x1b" not in words and "…" in words
