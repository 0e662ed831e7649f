"""Pacing maths: baseline from measured tolerances, weekly increase and the quota for a day.

Rounding rule (used everywhere here): to the nearest whole unit, halves round up, and
never below 1. Sums are done in exact fractions, so 12 × 0.8 is 9.6 and not 9.6000001.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

MIN_MEASUREMENTS = 3
BASELINE_FACTOR = Fraction(4, 5)  # start below tolerance: 80% of the average
DEFAULT_PERCENT = 10.0
MAX_PERCENT = 100.0


class PacingError(ValueError):
    """Input the pacing maths cannot use; the message says what is needed."""


def _exact(value: float) -> Fraction:
    """The number as written (10.1 is 101/10, not its binary neighbour)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PacingError(f"expected a number, found {value!r}")
    if not math.isfinite(value):
        raise PacingError(f"expected a finite number, found {value}")
    return Fraction(str(value))


def round_amount(value: Fraction | float) -> int:
    """Round to the nearest whole unit, halves up, and never below 1."""
    return max(1, math.floor(Fraction(value) + Fraction(1, 2)))


def baseline(measurements: Sequence[float]) -> int:
    """Week-1 daily amount: average of ≥3 measured tolerances × 0.8, rounded (see module)."""
    if len(measurements) < MIN_MEASUREMENTS:
        raise PacingError(
            f"need at least {MIN_MEASUREMENTS} measurements, on different days; "
            f"found {len(measurements)}"
        )
    values = [_exact(m) for m in measurements]
    bad = [m for m, v in zip(measurements, values, strict=True) if v <= 0]
    if bad:
        raise PacingError(f"every measurement must be more than 0; found {bad[0]}")
    return round_amount(sum(values, Fraction(0)) / len(values) * BASELINE_FACTOR)


def check_percent(percent: float) -> Fraction:
    """The weekly increase percentage, refused unless it is from 0 to 100."""
    value = _exact(percent)
    if not 0 <= value <= MAX_PERCENT:
        raise PacingError(f"the weekly increase must be from 0 to 100 percent; found {percent}")
    return value


def weekly_increase(base: int, percent: float = DEFAULT_PERCENT) -> float:
    """Amount added each week: `percent` of the baseline (linear, not compound; not rounded)."""
    return float(Fraction(base) * check_percent(percent) / 100)


def week_number(start: date, on: date) -> int:
    """1 for the 7 days from `start`, 2 for the next 7, …; days before `start` count as 1."""
    return max(0, (on - start).days) // 7 + 1


def quota(
    base: int,
    start: date,
    on: date,
    percent: float = DEFAULT_PERCENT,
    cap: float | None = None,
) -> int:
    """Daily amount on `on`: baseline + whole weeks since `start` × increase, rounded.

    Never above `cap` when one is given (the user's goal), and never below 1.
    """
    if base < 1:
        raise PacingError(f"the baseline must be at least 1; found {base}")
    weeks = week_number(start, on) - 1
    amount = Fraction(base) + weeks * Fraction(base) * check_percent(percent) / 100
    if cap is not None:
        if _exact(cap) <= 0:
            raise PacingError(f"the cap must be more than 0; found {cap}")
        amount = min(amount, _exact(cap))
    return round_amount(amount)


@dataclass(frozen=True)
class PacingPlan:
    """A pacing plan for one activity, as plain data."""

    activity: str
    measurements: tuple[float, ...]
    start: date
    percent: float = DEFAULT_PERCENT
    unit: str = "minutes"
    cap: float | None = None

    def __post_init__(self) -> None:
        """Refuse plans the maths cannot use (same messages as the functions)."""
        if not self.activity.strip():
            raise PacingError("name the activity this plan is for")
        baseline(self.measurements)
        check_percent(self.percent)

    @property
    def baseline(self) -> int:
        """Week-1 daily amount (see `baseline()`)."""
        return baseline(self.measurements)

    @property
    def increase(self) -> float:
        """Amount added each week."""
        return weekly_increase(self.baseline, self.percent)

    def week(self, on: date) -> int:
        """The plan's week number on `on` (1-based)."""
        return week_number(self.start, on)

    def quota(self, on: date) -> int:
        """Daily amount on `on`."""
        return quota(self.baseline, self.start, on, self.percent, self.cap)

    def as_answer(self) -> dict[str, object]:
        """JSON-ready form saved as a `pacing` step's answer."""
        return {
            "activity": self.activity.strip(),
            "unit": self.unit,
            "tolerances": list(self.measurements),
            "percent": self.percent,
            "baseline": self.baseline,
            "start": self.start.isoformat(),
            **({} if self.cap is None else {"cap": self.cap}),
        }
