"""The one rounding rule for every figure paincoach shows (docs/insights.md, "Rounding").

A half rounds away from zero (4.25 → 4.3, 2.5 → 3, -2.5 → -3), taken on the number as it is
written in decimals: 4.35 is stored as 4.3499999…, and still rounds to 4.4, as a person
rounding "4.35" by hand would. Python's own `round()` and format strings round a half to the
even digit instead, on the binary value, so the same average could show as 4.2 on one screen
and 4.3 on another; nothing that shows a figure uses them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def rounded(value: float, places: int = 0) -> float:
    """`value` to `places` decimals, a half away from zero (never -0.0)."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    return float(exact) + 0.0  # + 0.0 turns -0.0 into 0.0


def decimals(value: float, places: int) -> str:
    """`value` written with exactly `places` decimals, rounded by the rule above."""
    return f"{rounded(value, places):.{places}f}"


def signed(value: float, places: int) -> str:
    """`value` with its sign ("+2", "-0.5"; a zero has none), rounded by the rule above."""
    near = rounded(value, places)
    return f"{near:.{places}f}" if near == 0 else f"{near:+.{places}f}"
