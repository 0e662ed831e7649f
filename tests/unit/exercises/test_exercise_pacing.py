"""Pacing maths with known answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paincoach.exercises.pacing import (
    PacingError,
    PacingPlan,
    baseline,
    quota,
    round_amount,
    week_number,
    weekly_increase,
)

START = date(2026, 11, 2)


@pytest.mark.parametrize(
    ("measurements", "expected"),
    [
        ([10, 12, 14], 10),  # 12 × 0.8 = 9.6
        ([200, 200, 200], 160),  # the eTG example: 200 m → 160 m
        ([5, 5, 5, 5], 4),
        ([1, 1, 1], 1),  # 0.8 rounds to 1
        ([0.5, 0.5, 0.5], 1),  # never below 1
        ([12.5, 13.75, 13.125], 11),  # average 13.125 × 0.8 = 10.5 exactly → halves up
        ([13, 13, 13], 10),  # 10.4
    ],
)
def test_baseline_known_answers(measurements: list[float], expected: int) -> None:
    assert baseline(measurements) == expected


def test_baseline_needs_three_measurements() -> None:
    with pytest.raises(PacingError, match=r"at least 3 measurements.*found 2"):
        baseline([10, 12])


@pytest.mark.parametrize("bad", [0, -3])
def test_baseline_refuses_non_positive_values(bad: float) -> None:
    with pytest.raises(PacingError, match="more than 0"):
        baseline([10, bad, 12])


def test_baseline_refuses_non_numbers() -> None:
    with pytest.raises(PacingError):
        baseline([10, float("nan"), 12])
    with pytest.raises(PacingError):
        baseline([10, True, 12])


def test_rounding_rule() -> None:
    assert [round_amount(x) for x in (0.2, 1.5, 2.5, 2.4999, 9.6)] == [1, 2, 3, 2, 10]


def test_weekly_increase() -> None:
    assert weekly_increase(10) == 1.0
    assert weekly_increase(160, 12.5) == 20.0
    with pytest.raises(PacingError, match="0 to 100 percent"):
        weekly_increase(10, 150)


def test_week_numbers() -> None:
    assert [week_number(START, START + timedelta(d)) for d in (-3, 0, 6, 7, 13, 14)] == [
        1, 1, 1, 2, 2, 3,
    ]  # fmt: skip


def test_quota_grows_linearly_by_week() -> None:
    days = [START + timedelta(weeks=w) for w in range(6)]
    assert [quota(10, START, d) for d in days] == [10, 11, 12, 13, 14, 15]
    # eTG: 160 m, +20 m a week → 300 m in week 8.
    assert quota(160, START, START + timedelta(weeks=7), percent=12.5) == 300


def test_quota_rounds_and_caps() -> None:
    assert quota(7, START, START + timedelta(weeks=1), percent=10) == 8  # 7.7
    assert quota(7, START, START + timedelta(weeks=5), percent=10) == 11  # 10.5 → halves up
    assert quota(10, START, START + timedelta(weeks=20), cap=15) == 15
    assert quota(10, START, START + timedelta(weeks=20), percent=0) == 10


def test_plan() -> None:
    plan = PacingPlan("walk", (10, 12, 14), START)
    assert (plan.baseline, plan.increase) == (10, 1.0)
    assert plan.quota(START + timedelta(days=15)) == 12
    assert plan.week(START + timedelta(days=15)) == 3
    with pytest.raises(PacingError, match="name the activity"):
        PacingPlan(" ", (10, 12, 14), START)
