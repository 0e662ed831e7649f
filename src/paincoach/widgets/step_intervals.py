"""The pacing timer step: work and rest intervals taken from the person's pacing plan.

When work turns to rest, rest to work, or the time is up, the words flash and the view
posts `PhaseChanged`; the runner screen rings the bell unless Sound is off in Settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from paincoach.core.textsafe import visible
from paincoach.core.words import in_unit
from paincoach.exercises.engine import Runner
from paincoach.exercises.pacing import PacingError
from paincoach.exercises.timing import IntervalState, IntervalTimer
from paincoach.widgets.pick_list import PickItem, PickList
from paincoach.widgets.step_pacing import PlansWanted, PlanWanted, field_row, parse_number
from paincoach.widgets.step_timer import TimedStepView, clock_words
from paincoach.widgets.text_bar import TextBar

if TYPE_CHECKING:
    from paincoach.records.practice import PacingPlanView

DEFAULT_REST = 5
MINUTES = "minutes"
FLASH_SECONDS = 2.0
"""How long the words stay highlighted after work turns to rest (or back, or to the end)."""


@dataclass
class PhaseChanged(Message):
    """The pacing timer moved on (the screen answers with the bell, if Sound is on)."""

    step: Widget
    """The view whose timer moved on."""
    phase: str
    """Now "work", "rest" or "done"."""
    round: int
    """The round it is in (1-based; the last round when done)."""


def plan_line(plan: PacingPlanView) -> str:
    """`Today: 12 minutes (5 done, 7 left) · week 2`."""
    line = f"Today: {in_unit(plan.today_amount, visible(plan.unit))}"
    if plan.done_today:
        line += f" ({plan.done_today} done, {plan.left_today} left)"
    return f"{line} · week {plan.week} of your plan"


class IntervalsStepView(TimedStepView):
    """Choose the activity (from a plan), then work and rest by the clock."""

    def __init__(self, runner: Runner) -> None:
        super().__init__(runner)
        self._plans: dict[str, PacingPlanView] = {}
        self.activity = ""
        self._phase: str | None = None
        self._flash_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Text, the set-up fields, and the running timer (hidden until started)."""
        yield from self.compose_text()
        with Vertical(id="iv-setup"):
            yield Static("Looking for your pacing plans…", id="iv-plans-note", markup=False)
            yield PickList([], multiple=False, id="iv-plans")
            yield field_row("Activity", "", "iv-activity", "e.g. walking")
            yield field_row("Work (minutes)", "", "iv-work")
            yield field_row("Rest between (minutes)", str(DEFAULT_REST), "iv-rest")
            yield field_row("Rounds", "1", "iv-rounds")
            yield Static("", id="iv-error", classes="form-error", markup=False)
            yield Button("Start the timer (Enter)", id="iv-start", variant="primary")
        with Vertical(id="iv-run"):
            yield Static("", id="iv-words", classes="timer-words", markup=False)
            yield TextBar(id="iv-bar")
            yield Static("", id="iv-detail", markup=False)

    def on_mount(self) -> None:
        """Ask for the person's plans."""
        self.query_one("#iv-run").display = False
        self.query_one("#iv-plans").display = False
        self.query_one("#iv-error").display = False
        done = self.runner.answer()
        if isinstance(done, dict) and done.get("minutes_done") is not None:
            what = visible(str(done.get("activity") or "activity"))
            self._say(f"Done earlier: {done['minutes_done']} min of {what}. You may start again.")
        self.post_message(PlansWanted(self))

    def _say(self, words: str) -> None:
        self.query_one("#iv-plans-note", Static).update(words)

    def show_plans(self, plans: list[PacingPlanView]) -> None:
        """List the plans to choose from (or say there are none)."""
        self._plans = {plan.activity: plan for plan in plans}
        if not plans:
            self._say(
                'You have no pacing plan yet (the exercise "Pacing plan" sets one up). '
                "You can still type an activity and times here."
            )
            return
        self._say("Your plans (Space or Enter picks one):")
        pick = self.query_one("#iv-plans", PickList)
        for plan in plans:
            pick.add_item(PickItem(plan.activity, plan_line(plan)), announce=False)
        pick.display = True
        activity = self.query_one("#iv-activity", Input)
        # The plans may arrive before or after the step's first focus: either way the list
        # takes it, unless the person has moved on (or started typing an activity).
        if activity.has_focus or not (self.has_focus_within or activity.value):
            pick.focus()

    @on(PickList.Changed, "#iv-plans")
    def _plan_picked(self) -> None:
        picks = self.query_one("#iv-plans", PickList).picked
        if picks:
            self.query_one("#iv-activity", Input).value = picks[0]
            self.use_plan(self._plans.get(picks[0]))

    @on(PickList.Submitted, "#iv-plans")
    def _plan_chosen(self, event: PickList.Submitted) -> None:
        event.stop()
        self.query_one("#iv-work", Input).focus()

    @on(Input.Submitted)
    def _field_done(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "iv-activity":
            activity = event.value.strip()
            if activity:
                self.post_message(PlanWanted(self, activity))
            self.query_one("#iv-work", Input).focus()
            return
        self.start_intervals()

    def use_plan(self, plan: PacingPlanView | None) -> None:
        """Take the work time from the plan (what is left of today's amount, in minutes)."""
        if plan is None:
            self._say("No plan for that activity: choose your own times.")
            return
        if plan.unit.casefold() != MINUTES:
            self._say(f"{visible(plan.activity)}: {plan_line(plan)}. Choose the minutes to work.")
            return
        work = plan.left_today or plan.today_amount
        self.query_one("#iv-work", Input).value = str(work)
        self._say(f"{visible(plan.activity)}: {plan_line(plan)}.")

    @on(Button.Pressed, "#iv-start")
    def _start_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.start_intervals()

    def start_intervals(self) -> None:
        """Start work and rest with the times in the fields."""
        error = self.query_one("#iv-error", Static)
        try:
            activity = self.query_one("#iv-activity", Input).value.strip()
            if not activity:
                raise PacingError("Name the activity first (or pick one of your plans)")
            work = parse_number(self.query_one("#iv-work", Input).value, "Work", 0)
            rest = parse_number(self.query_one("#iv-rest", Input).value, "Rest", DEFAULT_REST)
            rounds = parse_number(self.query_one("#iv-rounds", Input).value, "Rounds", 1)
            if rounds != int(rounds):
                raise PacingError("Rounds: a whole number, please")
            self.runner.start_intervals(work, rest, int(rounds), activity)
            self.activity = activity
        except ValueError as exc:  # PacingError, or the timer refusing its times
            error.update(f"{exc}.".replace("..", "."))
            error.display = True
            return
        error.display = False
        self.query_one("#iv-setup").display = False
        self.query_one("#iv-run").display = True
        self.focus()
        self._phase = None
        self.tick()
        self.update_keys()

    def start(self) -> None:
        """Nothing starts by itself: the person chooses the activity and times first."""

    def tick(self) -> None:
        """Show where the work and rest are."""
        timer = self.runner.timer
        if not isinstance(timer, IntervalTimer):
            return
        state = timer.state()
        minutes = round(state.work_seconds_done / 60)
        if state.finished:
            words = f"Done: {minutes} min of activity, by the clock."
            detail = "Press Enter to go on. It is logged as paced activity when you finish."
        else:
            name = visible(self.activity) or "Activity"
            part = name[:1].upper() + name[1:] if state.phase == "work" else "Rest: change position"
            words = (
                f"{part} · round {state.round} of {state.rounds} · "
                f"{clock_words(state.seconds_left_in_phase)} left in this part"
            )
            how = "Space carries on" if self.paused else "Space pauses"
            detail = f"Activity so far: {minutes} min · {how} · Enter when you are done"
            if self.paused:
                words = "Paused. " + words
        self.query_one("#iv-words", Static).update(words)
        self.query_one("#iv-bar", TextBar).fraction = state.phase_fraction
        self.query_one("#iv-detail", Static).update(detail)
        self._note_phase(state)

    def _note_phase(self, state: IntervalState) -> None:
        """Flash and tell the screen when the phase has changed since the last tick."""
        before, self._phase = self._phase, state.phase
        if before is None or before == state.phase:
            return
        self.flash()
        self.post_message(PhaseChanged(self, state.phase, state.round))

    def flash(self) -> None:
        """Highlight the words for a moment, so the change is seen as well as heard."""
        words = self.query_one("#iv-words", Static)
        words.add_class("-changed")
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(FLASH_SECONDS, lambda: words.remove_class("-changed"))

    def focus_target(self) -> Widget | None:
        """The list of plans once it is there, else the activity."""
        if isinstance(self.runner.timer, IntervalTimer):
            return self
        pick = self.query_one("#iv-plans", PickList)
        return pick if pick.display else self.query_one("#iv-activity", Input)
