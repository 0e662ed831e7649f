"""The one rounding rule: a half away from zero, on the number as written in decimals."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paincoach.core.rounding import decimals, rounded, signed


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (4.25, 1, 4.3),  # round() gives 4.2 (half to even)
        (4.35, 1, 4.4),  # stored as 4.3499…; written "4.35", so 4.4
        (2.5, 0, 3.0),  # round() gives 2
        (-2.5, 0, -3.0),  # away from zero, both ways
        (0.5, 0, 1.0),
        (4.24, 1, 4.2),
        (0.125, 2, 0.13),
        (100 * 7 / 12, 0, 58.0),
    ],
)
def test_a_half_rounds_away_from_zero(value: float, places: int, expected: float) -> None:
    assert rounded(value, places) == expected


def test_text_has_exactly_the_places_and_never_minus_zero() -> None:
    assert decimals(4.25, 1) == "4.3"
    assert decimals(5, 1) == "5.0"
    assert decimals(2.5, 0) == "3"
    assert decimals(-0.04, 1) == "0.0"
    assert math.copysign(1, rounded(-0.04, 1)) == 1


def test_changes_carry_their_sign_and_a_zero_none() -> None:
    assert signed(2.0, 0) == "+2"  # a count: not "+2.0"
    assert signed(-10.0, 0) == "-10"
    assert signed(0.45, 1) == "+0.5"
    assert signed(-0.04, 1) == "0.0"
    assert signed(0, 0) == "0"


@given(st.integers(-10_000, 10_000), st.integers(0, 2))
def test_exact_halves_always_go_away_from_zero(whole: int, places: int) -> None:
    step = 10**-places
    value = (whole + 0.5) * step
    expected = (whole + 1) * step if whole >= 0 else whole * step
    assert rounded(float(f"{value:.{places + 1}f}"), places) == pytest.approx(expected)


def by_decimal(value: float, places: int) -> float:
    """The rule as `decimal` states it: the reference the digit arithmetic must match."""
    from decimal import ROUND_HALF_UP, Decimal

    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)) + 0.0


@given(st.floats(-1e12, 1e12), st.integers(0, 3))  # figures, minutes and percentages
def test_the_digits_give_what_decimal_gives_for_any_float(value: float, places: int) -> None:
    got = rounded(value, places)
    assert (got == by_decimal(value, places) and math.copysign(1, got) == 1) or got != 0


@given(st.integers(-(10**9), 10**9), st.integers(0, 9), st.integers(0, 3))
def test_the_digits_give_what_decimal_gives_for_figures_near_a_half(
    whole: int, tenth: int, places: int
) -> None:
    for value in (whole / 10**places + tenth / 10 ** (places + 1), (whole + 0.5) / 10**places):
        assert rounded(value, places) == by_decimal(value, places)
        assert decimals(value, places) == f"{by_decimal(value, places):.{places}f}"


def test_what_the_digits_cannot_read_still_rounds() -> None:
    assert rounded(1e-07, 2) == 0.0 and rounded(-1e-07, 0) == 0.0
    assert rounded(1.5e16, 0) == 1.5e16 and rounded(1234.5, -1) == 1230.0
    assert rounded(-4.35, 1) == -4.4 and rounded(9.995, 2) == 10.0


SRC = Path(__file__).resolve().parents[3] / "src" / "paincoach"
#: Everything that shows a figure of the person's entries: the week, insights, the report,
#: Today, History and `paincoach today` / `paincoach week`.
SHOWS_FIGURES = (
    "review/*.py",
    "records/review.py",
    "report/build.py",
    "report/layout.py",
    "report/markdown.py",
    "report/html.py",
    "cli/commands/week.py",
    "cli/commands/entries.py",
    "screens/week.py",
    "screens/history.py",
    "screens/today.py",
    "widgets/week_chart.py",
    "widgets/day_sparks.py",
)
#: Python's round() and float format specs (".1f", "g", "+.1f") round a half to even.
OTHER_ROUNDING = re.compile(r"(?<![\w.])round\(|:[+ ]?\d*\.\d+[fe%]\}|:[+ ]?g\}")


def test_every_figure_goes_through_the_one_rule() -> None:
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for pattern in SHOWS_FIGURES
        for path in sorted(SRC.glob(pattern))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OTHER_ROUNDING.search(line)
    ]
    assert found == []
