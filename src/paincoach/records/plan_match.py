"""Which pacing plan an activity counts for, in words the command line and the app share.

An activity counts for the active plan of the same name (`name_key`: case and spacing
aside), paced or not, and for no other: "walk" does not count for "walking" unless the
person logs it as "walking". So that nobody has to guess, both places say which plan an
activity counts for, or that it counts for none and what to call it to count.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from paincoach.core.textsafe import one_line
from paincoach.core.words import counted
from paincoach.records.names import name_key

if TYPE_CHECKING:
    from paincoach.records.practice import PacingPlanView

MINUTES = "minutes"
_NAMES_SHOWN = 3
_NAME_WIDTH = 30


def plan_named(name: str, plans: Sequence[PacingPlanView]) -> PacingPlanView | None:
    """The active plan for the activity `name`, if there is one."""
    key = name_key(name)
    return next((p for p in plans if p.active and name_key(p.activity) == key), None)


def _quoted(name: str) -> str:
    return f'"{one_line(name, _NAME_WIDTH)}"'


def _either(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def counts_for(
    name: str, paced: bool, plans: Sequence[PacingPlanView], *, with_today: bool = False
) -> str:
    """Which plan an activity called `name` counts for ("" for an unpaced one that counts for none).

    `with_today` adds today's minutes against the quota: only once the activity is saved
    (before that, today's minutes do not hold it yet).
    """
    plan = plan_named(name, plans)
    if plan is not None:
        words = f"Counts for your pacing plan {_quoted(plan.activity)}"
        if plan.unit != MINUTES:
            return f"{words}, which is counted in {plan.unit}: these minutes are not added to it."
        if with_today and plan.done_today is not None:
            return f"{words}: {plan.done_today} of {counted(plan.today_amount, 'minute')} today."
        return f"{words}."
    return no_plan_words(paced, [p.activity for p in plans if p.active])


def no_plan_words(paced: bool, active: Sequence[str]) -> str:
    """What `counts_for` says of an activity that no active plan (named `active`) counts."""
    if not paced:
        return ""
    active = sorted(set(active), key=name_key)
    if not active:
        return "Counts for no pacing plan: you have none yet (the pacing plan exercise makes one)."
    shown = [_quoted(n) for n in active[:_NAMES_SHOWN]]
    if len(active) > _NAMES_SHOWN:
        shown.append(f"one of {len(active) - _NAMES_SHOWN} more")
    which = "that plan's name" if len(active) == 1 else "the plan's name"
    return f"Counts for no pacing plan. To count it for one, give it {which}: {_either(shown)}."
