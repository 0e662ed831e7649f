"""The one rounding rule for every figure paincoach shows (docs/insights.md, "Rounding").

A half rounds away from zero (4.25 → 4.3, 2.5 → 3, -2.5 → -3), taken on the number as it is
written in decimals: 4.35 is stored as 4.3499999…, and still rounds to 4.4, as a person
rounding "4.35" by hand would. Python's own `round()` and format strings round a half to the
even digit instead, on the binary value, so the same average could show as 4.2 on one screen
and 4.3 on another; nothing that shows a figure uses them.
"""

from __future__ import annotations


def rounded(value: float, places: int = 0) -> float:
    """`value` to `places` decimals, a half away from zero (never -0.0).

    Worked on the digits of `repr(value)` (the shortest text that reads back as the same
    float), with integers: `decimal` would cost every `paincoach today` its import. Text in
    exponent form ("1e-07"), infinities and negative places go to `decimal`, which gives
    the same result for every value (the tests compare both on random floats).
    """
    text = repr(float(value))
    if places < 0 or "e" in text or "n" in text:  # 1e-07, 1e+16, inf, nan
        return _by_decimal(value, places)
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    fraction = fraction.ljust(places + 1, "0")
    kept = int(whole + fraction[:places]) + (fraction[places] >= "5")
    near = kept / 10**places  # int / int is correctly rounded, as float("4.4") is
    return (-near if negative else near) + 0.0  # + 0.0 turns -0.0 into 0.0


def _by_decimal(value: float, places: int) -> float:
    from decimal import ROUND_HALF_UP, Decimal

    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    return float(exact) + 0.0


def decimals(value: float, places: int) -> str:
    """`value` written with exactly `places` decimals, rounded by the rule above."""
    return f"{rounded(value, places):.{places}f}"


def signed(value: float, places: int) -> str:
    """`value` with its sign ("+2", "-0.5"; a zero has none), rounded by the rule above."""
    near = rounded(value, places)
    return f"{near:.{places}f}" if near == 0 else f"{near:+.{places}f}"
