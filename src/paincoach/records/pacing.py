"""Plain data about the changes a person makes to a pacing plan, and how they read.

A plan's history is kept as one row per change (`pacing_changes`): a hold, a step back, a
goal, a weekly rise. The plan's own row keeps what it started with. The day's amount is
worked out from both (`exercises.pacing_changes`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from paincoach.core.when import short_day
from paincoach.core.words import in_unit

ChangeKind = Literal["hold", "back", "goal", "percent"]
CHANGE_KINDS: tuple[ChangeKind, ...] = ("hold", "back", "goal", "percent")
FLARE_REASON = "flare"
"""The reason kept with a hold made from Today's offer after a flare."""
REASONS = ("", FLARE_REASON)

SAFE_PERCENT = (5, 20)
"""The weekly rise a person may choose (sources: 10-20% a week; 10% by default)."""


@dataclass(frozen=True, slots=True)
class PlanChange:
    """One change the person made to a plan, on the day they made it."""

    kind: ChangeKind
    on: date
    value: float | None = None
    """The goal (None: left open) or the new weekly rise in percent; unused otherwise."""
    reason: str = ""
    """`FLARE_REASON` for a hold made after a flare, else empty."""
    uid: str = ""
    at: datetime | None = None


def outside_safe_rate(percent: float) -> bool:
    """Whether a plan rises slower or faster than the 5-20% a week paincoach suggests.

    Plans made before the range (or imported from such a time) keep their rate; they are
    flagged, never changed behind the person's back.
    """
    low, high = SAFE_PERCENT
    return not low <= percent <= high


def _amount(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True, slots=True)
class PlanHistoryLine:
    """A change with what it did: the plan's week then, and the day's amount before and after."""

    change: PlanChange
    week: int
    before: int
    after: int

    def words(self, unit: str) -> str:
        """'Held in week 5 after a flare (Mon 7 Dec): 14 minutes for another week'."""
        change, when = self.change, f"in week {self.week} ({short_day(self.change.on)})"
        if change.kind == "hold":
            why = " after a flare" if change.reason == FLARE_REASON else ""
            return f"Held{why} {when}: {in_unit(self.after, unit)} for another week"
        if change.kind == "back":
            return f"Stepped back {when}: {self.before} → {in_unit(self.after, unit)}"
        if change.kind == "goal":
            if change.value is None:
                return f"Goal left open {when}"
            return f"Goal set to {in_unit(change.value, unit)} {when}"
        rate = _amount(change.value or 0)
        return f"Weekly rise set to {rate}% {when}, from week {self.week + 1}"
