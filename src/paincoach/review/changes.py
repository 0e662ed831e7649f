"""Comparing a figure with an earlier one, and saying plainly how much it changed.

A change is **meaningful** at 2 points or 30% (after Farrar et al. 2001 for 0-10 pain
ratings; see docs/insights.md). Smaller changes are called "about the same" or "a little"
higher or lower, never more. Figures are compared as shown (ratings to one decimal, counts
and minutes whole, by `core.rounding`), so the words always agree with the numbers beside
them. `shown` and `signed` are how every screen, the command line and the report write a
figure or a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from paincoach.core import rounding
from paincoach.records.review import Change, Direction, Scale

MEANINGFUL_SHARE = 0.30
_EPSILON = 1e-9  # compare rounded decimals without binary-fraction surprises


@dataclass(frozen=True, slots=True)
class Rule:
    """When a change on one scale is "about the same", "a little", or meaningful."""

    same_below: float  # a smaller change is "about the same"
    floor: float  # the 30% rule needs at least this much change too
    points: float | None  # this much change is meaningful whatever the share
    unit: str
    more: str
    less: str


RULES: dict[str, Rule] = {
    # 0-10 ratings: 2 points, or 30% if at least 1 point (30% of a low rating is noise)
    "rating": Rule(0.5, 1.0, 2.0, "point", "higher", "lower"),
    # days and sessions: 30% and at least 2
    "count": Rule(1.0, 2.0, None, "", "more", "fewer"),
    # minutes: 30% and at least 15 minutes
    "minutes": Rule(10.0, 15.0, None, "min", "more", "less"),
}


#: Decimals shown for each scale: ratings to one, counts and minutes whole.
PLACES: dict[str, int] = {"rating": 1, "count": 0, "minutes": 0}


def as_shown(value: float, scale: Scale) -> float:
    """A figure rounded as it is shown (ratings to one decimal, counts and minutes whole)."""
    return rounding.rounded(value, PLACES[scale])


def shown(value: float, scale: Scale) -> str:
    """A figure as the person sees it: "4.3" for a rating, "2" for a count, "120" minutes."""
    return rounding.decimals(value, PLACES[scale])


def signed(delta: float, scale: Scale) -> str:
    """A change as the person sees it: "+0.5" points, "+2" days, "-10" minutes."""
    return rounding.signed(delta, PLACES[scale])


def is_meaningful(now: float, earlier: float, scale: Scale) -> bool:
    """Whether the change from `earlier` to `now` reaches the meaningful threshold."""
    rule = RULES[scale]
    size = abs(now - earlier)
    if rule.points is not None and size >= rule.points - _EPSILON:
        return True
    share_ok = earlier == 0 or size >= MEANINGFUL_SHARE * abs(earlier) - _EPSILON
    return size >= rule.floor - _EPSILON and share_ok


def compare(now: float | None, earlier: float | None, scale: Scale, against: str) -> Change | None:
    """`now` set against `earlier` ("last week", "your first two weeks"); None if either is."""
    if now is None or earlier is None:
        return None
    now, earlier = as_shown(now, scale), as_shown(earlier, scale)
    rule = RULES[scale]
    delta = as_shown(now - earlier, scale)
    percent = None if earlier == 0 else int(rounding.rounded(100 * delta / earlier))
    meaningful = is_meaningful(now, earlier, scale)
    same = not meaningful and abs(delta) < rule.same_below - _EPSILON
    direction: Direction = "same" if same else ("up" if delta > 0 else "down")
    span = f"{shown(earlier, scale)} → {shown(now, scale)}"
    if same:
        words = f"about the same as {against} ({span})"
    elif not meaningful:
        words = f"a little {rule.more if delta > 0 else rule.less} than {against} ({span})"
    else:
        words = f"{_amount(delta, rule, scale)} {rule.more if delta > 0 else rule.less} than "
        words += f"{against} ({span}{_percent(percent)}): a meaningful change"
    return Change(earlier, delta, percent, direction, meaningful, words)


def _amount(delta: float, rule: Rule, scale: Scale) -> str:
    size = abs(delta)
    text = shown(size, scale)
    if rule.unit == "point":
        return f"{text} point{'' if size == 1 else 's'}"
    if rule.unit:
        return f"{text} {rule.unit}"
    return text


def _percent(percent: int | None) -> str:
    return "" if percent is None else f", {percent:+d}%"
