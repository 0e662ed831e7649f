"""Pacing: each plan with today's amount, when it next rises, its goal, and its history.

The person changes a plan here, one key each: hold this week, step back, a goal, a weekly
rise. Every change is kept and shown ("Held after a flare in week 5 …"); the service
decides what each one does (`practice.pacing_plans`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from paincoach.core.textsafe import one_line, visible
from paincoach.core.when import short_day
from paincoach.core.words import in_unit
from paincoach.records.pacing import SAFE_PERCENT
from paincoach.records.practice import PacingPlanView
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.exercise_start import start_exercise
from paincoach.screens.messages import JournalChanged
from paincoach.screens.pacing_value import Chosen, PlanValueDialog, goal_from, percent_from
from paincoach.screens.row_list import highlighted, refill
from paincoach.widgets.hints import hint_line
from paincoach.widgets.row_table import RowTable

if TYPE_CHECKING:
    from paincoach.services import Services

T = TypeVar("T")
COLUMNS = [("Activity", 24), ("Today", 12), ("Week", 4), ("Next rise", 16), ("Goal", 10)]
"""Fixed widths, so the table reads the same however its rows arrive (see history.COLUMNS)."""
PLAN_EXERCISE = "pacing-plan"
NO_PLANS = (
    "No pacing plans yet. A plan starts a little below what you can do now and builds up "
    "slowly, by the clock rather than by the pain. Press n to make one (about 10 minutes)."
)


def _number(value: float) -> str:
    return f"{value:g}"


def _amount(plan: PacingPlanView) -> str:
    return in_unit(plan.today_amount, visible(plan.unit))


def plan_row(plan: PacingPlanView) -> list[Text]:
    """One plan as table cells."""
    unit = visible(plan.unit)
    rise = "at the goal" if plan.goal is not None and plan.today_amount >= plan.goal else "–"
    if plan.next_rise is not None:
        day, amount = plan.next_rise
        rise = f"{amount} on {short_day(day)}"
    return [
        Text(one_line(plan.activity, 24)),
        Text(in_unit(plan.today_amount, one_line(unit, 7))),
        Text(str(plan.week)),
        Text(rise),
        Text("open" if plan.goal is None else _number(plan.goal)),
    ]


def plan_details(plan: PacingPlanView) -> Text:
    """What the plan does now, in words, then every change made to it."""
    unit = visible(plan.unit)
    text = Text()
    done = ""
    if plan.done_today is not None:
        left = plan.left_today or 0
        done = f" {plan.done_today} done, " + ("done for today." if left == 0 else f"{left} left.")
    amount = in_unit(plan.today_amount, unit)
    text.append(f"Today's amount: {amount} (week {plan.week}).{done}\n")
    if plan.held_this_week:
        until = f" until {short_day(plan.next_rise[0])}" if plan.next_rise else ""
        text.append(f"Held this week: it stays at {amount}{until}.\n")
    step = plan.baseline * plan.percent / 100
    rises = (
        f"It rises {_number(plan.percent)}% of the starting amount a week ({in_unit(step, unit)})"
    )
    goal = (
        " and stays open (no goal)."
        if plan.goal is None
        else f", up to your goal of {_number(plan.goal)}."
    )
    text.append(rises + goal + "\n")
    if plan.rate_flagged:
        low, high = SAFE_PERCENT
        text.append(
            f"That rise is outside the {low}-{high}% a week paincoach suggests. "
            "Press r to choose a gentler one (10% is a good start).\n",
            style="bold",
        )
    text.append(f"Started {short_day(plan.start)} at {in_unit(plan.baseline, unit)}.", style="dim")
    for line in plan.history:
        text.append(f"\n{line.words(unit)}")
    if plan.changed_today:
        text.append("\nu takes back today's newest change.", style="dim")
    return text


class PacingScreen(PaincoachScreen[None]):
    """The person's pacing plans; the highlighted plan's details and history below."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="pacing.back"),
        Binding(
            "h",
            "hold",
            "Hold this week",
            id="pacing.hold",
            tooltip="Keep today's amount for the coming week",
        ),
        Binding(
            "b",
            "step_back",
            "Step back",
            id="pacing.step_back",
            tooltip="One week's step lower, from today",
        ),
        Binding("g", "goal", "Goal", id="pacing.goal", tooltip="Where the rise stops"),
        Binding("r", "rate", "Weekly rise", id="pacing.rate", tooltip="5-20% a week"),
        Binding(
            "u",
            "undo",
            "Undo",
            id="pacing.undo",
            tooltip="Take back today's newest change",
            show=False,
        ),
        Binding("n", "new_plan", "New plan", id="pacing.new", show=False),
        Binding(
            "x", "stop", "Stop plan", id="pacing.stop", tooltip="Stop following it", show=False
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plans: list[PacingPlanView] = []

    def compose(self) -> ComposeResult:
        """The plans, then the highlighted plan's details and history."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Static("Your pacing plans", id="pacing-title", classes="section-title")
            yield Static("Opening your plans…", id="pacing-status", markup=False)
            yield RowTable(id="pacing-plans", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="pacing-detail-scroll"):
                yield Static("", id="pacing-details")
            yield Static(self._hint(), id="pacing-hint", classes="hint")
        # No palette key in the footer: it leaves room for F1 Help now at 80 columns (^P works).
        yield Footer(show_command_palette=False)

    def _hint(self) -> str:
        """The keys the footer has no room for at 80 columns: n, and x once there is a plan
        (u is named under the plan when there is a change to take back)."""
        keys = ("pacing.new", "pacing.stop") if self.plans else ("pacing.new",)
        return hint_line(self.BINDINGS, *keys)

    def on_mount(self) -> None:
        """Set the columns and load the plans."""
        self.sub_title = "Pacing"
        table = self.query_one("#pacing-plans", DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        table.focus()
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Read the plans in a worker."""
        self.call_service(lambda s: s.practice.pacing_plans(), self.show, group="pacing")

    def show(self, plans: list[PacingPlanView]) -> None:
        """Present the plans, keeping the highlighted one."""
        self.plans = plans
        table = self.query_one("#pacing-plans", DataTable)
        refill(table, self.query_one("#pacing-status", Static), plans, plan_row, NO_PLANS)
        self.query_one("#pacing-hint", Static).update(self._hint())
        self.refresh_bindings()
        self._show_details()

    @on(DataTable.RowHighlighted, "#pacing-plans")
    def _highlighted_changed(self) -> None:
        self._show_details()

    def _highlighted(self) -> PacingPlanView | None:
        return highlighted(self.query_one("#pacing-plans", DataTable), self.plans)

    def _show_details(self) -> None:
        self.refresh_bindings()  # Undo follows the highlighted plan
        plan = self._highlighted()
        self.query_one("#pacing-details", Static).update(
            plan_details(plan) if plan is not None else ""
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The changes need a plan; n makes the first one."""
        if action in ("hold", "step_back", "goal", "rate", "stop"):
            return bool(self.plans)
        if action == "undo":
            plan = self._highlighted()
            return plan is not None and plan.changed_today
        return True

    def action_hold(self) -> None:
        """Hold the highlighted plan this week."""
        plan = self._highlighted()
        if plan is not None and plan.held_this_week:
            self.paincoach.notify("Already held this week; nothing changed.", timeout=4)
        elif plan is not None:
            self._change(
                lambda s: s.practice.pacing.hold(plan.activity),
                lambda p: f"Held: {_amount(p)} for another week (u undoes it).",
            )

    def action_step_back(self) -> None:
        """Step the highlighted plan back by one week's step."""
        plan = self._highlighted()
        if plan is not None and plan.today_amount <= 1:
            self.paincoach.notify("It is at 1, as low as a plan goes; nothing changed.", timeout=4)
        elif plan is not None:
            self._change(
                lambda s: s.practice.pacing.step_back(plan.activity),
                lambda p: f"Stepped back: {_amount(p)} from today (u undoes it).",
            )

    def action_goal(self) -> None:
        """Ask for the highlighted plan's goal."""
        plan = self._highlighted()
        if plan is None:
            return
        unit = visible(plan.unit)

        def chosen(found: Chosen | None) -> None:
            if found is None:
                return
            value = found.value
            words = "The goal is open." if value is None else f"Goal: {in_unit(value, unit)}."
            self._change(
                lambda s: s.practice.pacing.set_goal(plan.activity, value), lambda _p: words
            )

        self.app.push_screen(
            PlanValueDialog(
                f"A goal for {one_line(plan.activity, 30)}",
                f"The amount stops rising when it reaches the goal (in {unit}, on the days you "
                "do it). Leave it empty to keep the plan open.",
                f"Goal ({one_line(unit, 12)})",
                "" if plan.goal is None else f"{plan.goal:g}",
                goal_from,
            ),
            chosen,
        )

    def action_rate(self) -> None:
        """Ask for the highlighted plan's weekly rise."""
        plan = self._highlighted()
        if plan is None:
            return
        low, high = SAFE_PERCENT

        def chosen(found: Chosen | None) -> None:
            if found is None or found.value is None:
                return
            value = found.value
            self._change(
                lambda s: s.practice.pacing.set_percent(plan.activity, value),
                lambda _p: f"From next week it rises {value:g}% a week.",
            )

        self.app.push_screen(
            PlanValueDialog(
                f"The weekly rise for {one_line(plan.activity, 30)}",
                f"In percent of the starting amount, from {low} to {high}; 10 is a good "
                "start. It applies from the plan's next week.",
                "Weekly rise (%)",
                "10" if plan.rate_flagged else f"{plan.percent:g}",
                percent_from,
            ),
            chosen,
        )

    def action_undo(self) -> None:
        """Take back the highlighted plan's newest change made today."""
        plan = self._highlighted()
        if plan is not None and plan.changed_today:
            self._change(
                lambda s: s.practice.pacing.undo_last(plan.activity),
                lambda p: f"Undone: {_amount(p)} today, as before.",
            )

    def action_new_plan(self) -> None:
        """Start the pacing plan exercise."""
        start_exercise(self.paincoach, PLAN_EXERCISE)

    def action_stop(self) -> None:
        """Stop following the highlighted plan, after asking (it is kept for the record)."""
        plan = self._highlighted()
        if plan is None:
            return

        def answered(sure: bool | None) -> None:
            if sure:
                self._change(
                    lambda s: s.practice.stop_plan(plan.uid),
                    lambda _p: "Stopped. The plan stays in your journal.",
                )

        self.app.push_screen(
            ConfirmDialog(
                f"Stop following the plan for {one_line(plan.activity, 30)}?",
                yes="Stop it",
                no="Keep it",
                detail="Its days stay in your weeks and reports. You can make a new plan any time.",
            ),
            answered,
        )

    def _change(self, job: Callable[[Services], T], words: Callable[[T], str]) -> None:
        """Make a change in the worker, then show the plans again and say what changed."""

        def done(changed: T) -> None:
            self.paincoach.journal_changed()
            self.paincoach.notify(words(changed), timeout=4, markup=False)

        self.call_service(job, done, group="pacing-change")

    def action_back(self) -> None:
        """Back to Today."""
        self.dismiss(None)
