"""Pacing steps: set up a plan from measured amounts, or time work and rest from a plan.

The views never touch storage: they post data-only intent messages (`PlansWanted`,
`PlanWanted`), and the runner screen calls the practice service in its worker and hands
plain records back to the view that asked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from paincoach.core.textsafe import visible
from paincoach.core.words import in_unit
from paincoach.exercises.pacing import DEFAULT_PERCENT, PacingError, PacingPlan
from paincoach.exercises.pacing_changes import check_goal, check_safe_percent
from paincoach.widgets.step_base import StepView


@dataclass
class PlansWanted(Message):
    """A step wants the person's active pacing plans (answered with `show_plans(plans)`)."""

    step: Widget
    """The view that asked, which gets the answer."""


@dataclass
class PlanWanted(Message):
    """A step wants the plan for one activity (answered with `use_plan(plan or None)`)."""

    step: Widget
    """The view that asked, which gets the answer."""
    activity: str
    """The activity named, as typed."""


def parse_amounts(text: str) -> list[float]:
    """`10, 12, 14` (commas, spaces or semicolons between) as numbers; PacingError if not."""
    amounts = []
    for part in re.split(r"[,;\s]+", text.strip()):
        if not part:
            continue
        try:
            amounts.append(float(part) if "." in part else int(part))
        except ValueError:
            raise PacingError(
                f'"{visible(part)}" is not a number: write amounts like 10, 12, 14'
            ) from None
    return amounts


def parse_number(text: str, what: str, default: float) -> float:
    """A number typed in a field (the default when empty); PacingError if not a number."""
    text = text.strip()
    if not text:
        return default
    try:
        return float(text)
    except ValueError:
        raise PacingError(f'{what}: "{visible(text)}" is not a number') from None


def field_row(label: str, value: str, field_id: str, placeholder: str = "") -> Horizontal:
    """A label and its (compact) input on one line."""
    field = Input(value, id=field_id, placeholder=placeholder, compact=True)
    return Horizontal(Label(label, classes="field-label wide"), field, classes="field-row")


def parse_goal(text: str) -> float | None:
    """The goal typed (None when empty, "none" or "open"); PacingError if not a number > 0."""
    if text.strip().casefold() in ("", "none", "open", "-"):
        return None
    return check_goal(parse_number(text, "Goal", 0))


class PlanStepView(StepView):
    """Activity, measured amounts, unit, weekly rise and goal → this week's amount and later."""

    def compose(self) -> ComposeResult:
        """Text, the four fields, and what the plan works out to."""
        yield from self.compose_text()
        old: Mapping[str, Any] = self.runner.answer() or {}
        amounts = ", ".join(f"{a:g}" for a in old.get("tolerances", []))
        percent = f"{old.get('percent', DEFAULT_PERCENT):g}"
        goal = "" if old.get("cap") is None else f"{old['cap']:g}"
        with Vertical(classes="plan-form"):
            yield field_row("Activity", old.get("activity", ""), "plan-activity", "e.g. walking")
            yield field_row("Measured on 3+ days", amounts, "plan-amounts", "e.g. 10, 12, 14")
            yield field_row("Unit", old.get("unit", "minutes"), "plan-unit")
            yield field_row("Weekly rise, 5-20 (%)", percent, "plan-percent")
            yield field_row("Goal (optional)", goal, "plan-goal", "e.g. 30, or leave open")
        yield Static("", id="plan-preview", classes="plan-preview", markup=False)

    _wrong = "plan-activity"

    def on_mount(self) -> None:
        """Work out the plan from what is there already."""
        self._preview()

    def _value(self, name: str) -> str:
        return self.query_one(f"#plan-{name}", Input).value

    def build(self) -> PacingPlan | None:
        """The plan typed so far, None when nothing is typed; PacingError when it cannot work."""
        activity = self._value("activity").strip()
        amounts = parse_amounts(self._value("amounts"))
        if not activity and not amounts:
            return None
        percent = parse_number(self._value("percent"), "Weekly rise", DEFAULT_PERCENT)
        check_safe_percent(percent)
        goal = parse_goal(self._value("goal"))
        unit = self._value("unit").strip() or "minutes"
        start = self.runner.started_at.date()
        return PacingPlan(activity, tuple(amounts), start, percent, unit, goal)

    def _wrong_field(self) -> str:
        """The first field whose value cannot make a plan (where a refused Next goes)."""
        if not self._value("activity").strip():
            return "plan-activity"
        checks = (
            ("plan-percent", lambda: check_safe_percent(
                parse_number(self._value("percent"), "Weekly rise", DEFAULT_PERCENT))),
            ("plan-goal", lambda: parse_goal(self._value("goal"))),
        )  # fmt: skip
        for field_id, check in checks:
            try:
                check()
            except PacingError:
                return field_id
        return "plan-amounts"

    @on(Input.Changed)
    def _preview(self) -> None:
        preview = self.query_one("#plan-preview", Static)
        try:
            plan = self.build()
        except PacingError as exc:
            preview.update(f"Not yet: {exc}.")
            return
        if plan is None:
            preview.update("Fill in the activity and what you measured to see your plan.")
            return
        unit = visible(plan.unit)
        week2 = plan.quota(plan.start + timedelta(days=7))
        week6 = plan.quota(plan.start + timedelta(days=35))
        goal = "" if plan.cap is None else f", up to your goal of {plan.cap:g}"
        preview.update(
            f"Your starting amount (this week): {in_unit(plan.baseline, unit)} on the days you "
            "do it.\n"
            f"Then about {plan.increase:g} more each week: {week2} in week 2, {week6} by week 6"
            f"{goal}."
        )

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        if event.input.id != "plan-goal":
            event.stop()
            self.screen.focus_next()

    def commit(self) -> None:
        """Hand the plan to the runner (nothing typed: no plan)."""
        try:
            plan = self.build()
        except PacingError:
            self._wrong = self._wrong_field()
            raise
        if plan is None:
            self.runner.set_answer(None)
            return
        self.runner.set_pacing_plan(
            plan.activity, plan.measurements, plan.percent, plan.unit, plan.start, plan.cap
        )

    def focus_target(self) -> Widget | None:
        """The activity at first; after a refused Next, the field that is wrong."""
        return self.query_one(f"#{self._wrong}", Input)
