"""`paincoach pacing [hold|back|goal|percent|undo ACTIVITY ...] [--json]`: plans from the shell.

With no action, one line per active plan: today's amount, what is done and left, the next
rise and the goal. The actions change a plan exactly as the app does (`practice.pacing_plans`)
and say what changed in a line or two. A name with no active plan, or a value that cannot be
used, exits 2 with the reason, and nothing is changed.
"""

from __future__ import annotations

import argparse
import json
import math
import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.core.errors import InputError, NotFoundError
from paincoach.core.textsafe import refuse_nul, visible
from paincoach.core.when import short_day
from paincoach.core.words import in_unit
from paincoach.records.pacing import SAFE_PERCENT
from paincoach.records.plan_match import plan_named

if TYPE_CHECKING:
    from paincoach.practice.pacing_plans import PacingPlans
    from paincoach.records.practice import PacingPlanView

ACTIONS = ("hold", "back", "goal", "percent", "undo")
OPEN_GOAL = ("none", "open")
HISTORY_SHOWN = 3
"""The newest changes listed under a plan's line (`--json` gives them all)."""
NO_PLANS = (
    "You have no pacing plan yet. To make one, open the app, press e (Exercises) and choose "
    '"Pacing plan": it finds a starting amount from a few ordinary days and builds up slowly '
    "from there."
)


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """`pacing` and its actions."""
    pacing = sub.add_parser(
        "pacing",
        help="your pacing plans: today's amount; hold a week, step back, a goal, the rise",
        description="Your active pacing plans, each with today's amount, what is done today, "
        "the next rise and the goal. The actions change one plan: hold it at today's amount "
        "for another week, step back by one week's rise, set a goal it stops rising at, or "
        f"choose how fast it rises ({SAFE_PERCENT[0]}-{SAFE_PERCENT[1]}% a week). Names "
        "match in any case; a name of several words can be quoted or not.",
    )
    pacing.add_argument("--json", action="store_true", help="print JSON for scripts")
    actions = pacing.add_subparsers(
        dest="pacing_command", metavar="ACTION", parser_class=type(pacing)
    )
    hold = actions.add_parser(
        "hold",
        help="keep today's amount for another week (the later weeks move back by one)",
        description="Keep the amount as it is for the coming week; the plan's later weeks "
        "move back by one. Useful after a flare, or a week that was harder than planned.",
    )
    hold.add_argument("activity", nargs="+", metavar="ACTIVITY", help="the plan's activity")
    back = actions.add_parser(
        "back",
        help="lower today's amount by one week's rise; the plan goes on from there",
        description="Lower the amount by one week's rise, from today; the plan rises again "
        "from there at its next week.",
    )
    back.add_argument("activity", nargs="+", metavar="ACTIVITY", help="the plan's activity")
    goal = actions.add_parser(
        "goal",
        help="the amount a plan stops rising at (none: leave it open)",
        description="The amount the plan stops rising at, in the plan's unit; 'none' or "
        "'open' leaves it open.",
    )
    goal.add_argument("activity", nargs="+", metavar="ACTIVITY", help="the plan's activity")
    goal.add_argument("value", metavar="AMOUNT", help="the goal, or none")
    percent = actions.add_parser(
        "percent",
        help=f"how much a plan rises each week ({SAFE_PERCENT[0]}-{SAFE_PERCENT[1]}%%)",
        description=f"How much the plan rises each week, from {SAFE_PERCENT[0]} to "
        f"{SAFE_PERCENT[1]} percent of its starting amount (10 is the usual choice); it "
        "counts from the plan's next week.",
    )
    percent.add_argument("activity", nargs="+", metavar="ACTIVITY", help="the plan's activity")
    percent.add_argument("value", metavar="N", help="the weekly rise in percent, e.g. 10")
    undo = actions.add_parser(
        "undo",
        help="take back the plan's newest change, if it was made today",
        description="Take back the plan's newest change (a hold, a step back, a goal or a "
        "rise), when it was made today: for a change made by mistake.",
    )
    undo.add_argument("activity", nargs="+", metavar="ACTIVITY", help="the plan's activity")


def run(args: argparse.Namespace, home: Path) -> int:
    """List the plans, or change one and say what changed."""
    from paincoach.cli.commands.common import open_database
    from paincoach.practice.pacing_plans import PacingPlans

    action: str | None = args.pacing_command
    change = _change(args) if action else None  # what was typed is checked first
    db = open_database(home)
    try:
        plans = PacingPlans(db)
        if change is None:
            return _list(plans.plans(), as_json=args.json)
        lines = _act(plans, change)
    finally:
        db.close()
    for line in lines:
        sys.stdout.write(visible(line) + "\n")
    return 0


@dataclass(frozen=True, slots=True)
class _Change:
    """An action as typed: the activity (words joined) and the goal or weekly rise."""

    action: str
    activity: str
    goal: float | None = None
    percent: float = 0.0


def _change(args: argparse.Namespace) -> _Change:
    """The action, its activity and its value, each checked; InputError says what is wrong."""
    action: str = args.pacing_command
    activity, value = " ".join(args.activity), getattr(args, "value", "")
    refuse_nul(activity, "activity", "activity name")
    refuse_nul(value, action)
    if action == "goal":
        return _Change(action, activity, goal=_goal(value))
    if action == "percent":
        return _Change(action, activity, percent=_percent(value))
    return _Change(action, activity)


# -- changing ----------------------------------------------------------------------------------


def _act(plans: PacingPlans, change: _Change) -> list[str]:
    """Make the change to the plan of that name, and say what it did."""
    action, plan = change.action, _plan(plans.plans(), change.activity)
    name = plan.activity
    try:
        if action == "hold":
            if plan.held_this_week:
                return [f"{name} is already held this week; nothing changed.", _rise_words(plan)]
            return _held(plans.hold(name))
        if action == "back":
            if plan.today_amount <= 1:
                amount = _amount(plan.today_amount, plan.unit)
                return [f"{name} is at {amount}, as low as a plan goes; nothing changed."]
            return _stepped_back(plans.step_back(name))
        if action == "goal":
            return _goal_set(plans.set_goal(name, change.goal), before=plan)
        if action == "undo":
            if not plan.changed_today:
                return [f"Nothing to undo today for {name}; nothing changed."]
            undone = plans.undo_last(name)
            amount = _amount(undone.today_amount, undone.unit)
            return [f"Took back the newest change to {name}: today's amount is {amount}."]
        return _percent_set(plans.set_percent(name, change.percent))
    except NotFoundError as exc:  # stopped by another paincoach since it was looked up
        raise InputError("activity", f"{exc.message} Nothing was changed.") from None
    except InputError as exc:  # a goal not above 0, a rise outside 5-20%: the reason
        raise InputError(exc.field, f"{exc.message} Nothing was changed.") from None


def _plan(plans: Sequence[PacingPlanView], activity: str) -> PacingPlanView:
    """The active plan of that name (any case), or InputError listing the plans there are."""
    found = plan_named(activity, plans)
    if found is not None:
        return found
    asked = f'There is no active pacing plan for "{activity.strip()}".'
    if not plans:
        raise InputError("activity", f"{asked} {NO_PLANS}")
    names = ", ".join(plan.activity for plan in plans)
    raise InputError("activity", f"{asked} Your plans are for: {names}. Nothing was changed.")


def _goal(value: str) -> float | None:
    if value.strip().lower() in OPEN_GOAL:
        return None
    number = _number(value)
    if number is None:
        raise InputError(
            "goal",
            f'The goal "{value}" is not a number. Give it in the plan\'s unit, e.g. '
            "paincoach pacing goal walking 30, or none to leave it open. Nothing was changed.",
        )
    return number  # more than 0 is checked by the plans, with the reason


def _percent(value: str) -> float:
    number = _number(value.strip().removesuffix("%"))
    if number is None:
        low, high = SAFE_PERCENT
        raise InputError(
            "percent",
            f'The weekly rise "{value}" is not a number. Give it as a percent from {low} to '
            f"{high}, e.g. paincoach pacing percent walking 10. Nothing was changed.",
        )
    return number  # 5-20 is checked by the plans, with the reason


def _number(value: str) -> float | None:
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _held(plan: PacingPlanView) -> list[str]:
    amount = _amount(plan.today_amount, plan.unit)
    line = f"Held {plan.activity}: {amount} for another week"
    if plan.next_rise is None:
        return [line + "."]
    day, _ = plan.next_rise
    return [f"{line}; the next rise is on {short_day(day)}."]


def _stepped_back(plan: PacingPlanView) -> list[str]:
    change = plan.history[-1] if plan.history else None
    before = change.before if change else plan.today_amount
    amount = _amount(plan.today_amount, plan.unit)
    return [
        f"Stepped {plan.activity} back: today's amount is {amount} (it was {before}).",
        _rise_words(plan),
    ]


def _goal_set(plan: PacingPlanView, before: PacingPlanView) -> list[str]:
    if plan.goal is None:
        first = f"The goal for {plan.activity} is left open."
    else:
        first = f"Goal for {plan.activity}: {_amount(plan.goal, plan.unit)}."
    if plan.today_amount < before.today_amount:
        first += f" Today's amount comes down to it (it was {before.today_amount})."
    return [first, _rise_words(plan)]


def _percent_set(plan: PacingPlanView) -> list[str]:
    starts = plan.start + timedelta(days=7 * plan.week)
    return [
        f"{plan.activity} now rises {plan.percent:g}% a week, from {short_day(starts)} "
        f"(week {plan.week + 1}).",
        _rise_words(plan),
    ]


def _rise_words(plan: PacingPlanView) -> str:
    """Today's amount and where it goes next, as one sentence."""
    amount = _amount(plan.today_amount, plan.unit)
    if plan.next_rise is not None:
        day, later = plan.next_rise
        return f"Today's amount is {amount}; it rises to {later} on {short_day(day)}."
    if plan.goal is not None and plan.today_amount >= plan.goal:
        return f"Today's amount is {amount}, your goal: it stays there."
    return f"Today's amount is {amount}."


# -- listing -----------------------------------------------------------------------------------


def _list(plans: Sequence[PacingPlanView], *, as_json: bool) -> int:
    if as_json:
        document = [plan_document(plan) for plan in plans]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not plans:
        sys.stdout.write(NO_PLANS + "\n")
        return 0
    for plan in plans:
        for line in plan_lines(plan):
            sys.stdout.write(visible(line) + "\n")
    return 0


def plan_line(plan: PacingPlanView) -> str:
    """`walking: today's amount 12 minutes (week 3) · 5 done, 7 left · rises to 13 on ...`."""
    parts = [f"{plan.activity}: today's amount {_amount(plan.today_amount, plan.unit)}"]
    parts[0] += f" (week {plan.week})"
    if plan.done_today is not None:
        left = plan.left_today or 0
        parts.append(
            f"{plan.done_today} done, " + ("done for today" if not left else f"{left} left")
        )
    if plan.held_this_week:
        parts.append("held this week")
    if plan.next_rise is not None:
        day, later = plan.next_rise
        parts.append(f"rises to {later} on {short_day(day)}")
    elif plan.goal is not None and plan.today_amount >= plan.goal:
        parts.append("at your goal")
    parts.append(f"goal {plan.goal:g}" if plan.goal is not None else "no goal set")
    return " · ".join(parts)


def rate_words(plan: PacingPlanView) -> str:
    """For a plan outside the 5-20% rule: what it does, and how to choose a rate."""
    low, high = SAFE_PERCENT
    how = f"paincoach pacing percent {shlex.quote(plan.activity)} 10"
    if plan.percent <= 0:
        return (
            f"  This plan does not rise; paincoach suggests {low}-{high}% a week, 10% to "
            f"start. To choose one: {how}"
        )
    side = "more" if plan.percent > high else "less"
    why = (
        "a faster rise tends to end in a flare and a long rest"
        if side == "more"
        else "a slower rise may hardly show"
    )
    return (
        f"  This plan rises {plan.percent:g}% a week, {side} than the {low}-{high}% paincoach "
        f"suggests ({why}). To choose a rate, 10% is a good start: {how}"
    )


def plan_lines(plan: PacingPlanView) -> list[str]:
    """A plan's line, a note on its rate if it is outside 5-20%, and its newest changes."""
    lines = [plan_line(plan)]
    if plan.rate_flagged:
        lines.append(rate_words(plan))
    history = plan.history[-HISTORY_SHOWN:]
    if len(plan.history) > HISTORY_SHOWN:
        earlier = len(plan.history) - HISTORY_SHOWN
        changes = "change" if earlier == 1 else "changes"
        lines.append(f"  ({earlier} earlier {changes}: paincoach pacing --json lists them all)")
    lines += [f"  {line.words(plan.unit)}" for line in history]
    return lines


def plan_document(plan: PacingPlanView) -> dict[str, object]:
    """A plan as JSON: today's amount, the next rise, the goal and every change."""
    rise = plan.next_rise
    return {
        "activity": plan.activity,
        "unit": plan.unit,
        "today_amount": plan.today_amount,
        "week": plan.week,
        "done_today": plan.done_today,
        "left_today": plan.left_today,
        "percent": plan.percent,
        "goal": plan.goal,
        "next_rise": {"day": rise[0].isoformat(), "amount": rise[1]} if rise else None,
        "held_this_week": plan.held_this_week,
        "rate_flagged": plan.rate_flagged,
        "baseline": plan.baseline,
        "start": plan.start.isoformat(),
        "history": [
            {
                "day": line.change.on.isoformat(),
                "kind": line.change.kind,
                "value": line.change.value,
                "reason": line.change.reason,
                "week": line.week,
                "before": line.before,
                "after": line.after,
                "words": line.words(plan.unit),
            }
            for line in plan.history
        ],
    }


def _amount(value: float, unit: str) -> str:
    """`12 minutes`, `1 minute`, `2.5 km`, `1 lap` (see `core.words.in_unit`)."""
    return in_unit(value, unit)
