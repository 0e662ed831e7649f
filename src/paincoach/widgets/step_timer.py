"""Timed steps: a countdown with words and a bar; Space pauses and carries on.

Pause is offered (in the footer) only while the clock runs: not before a pacing timer is
started, and not once a timer is done.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from paincoach.exercises.engine import Runner
from paincoach.exercises.session import RunState
from paincoach.exercises.timing import Countdown
from paincoach.widgets.step_base import StepView
from paincoach.widgets.text_bar import TextBar


def clock_words(seconds: float) -> str:
    """`4:05` for 245 seconds (rounded up, so a countdown never shows 0:00 early)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


class TimedStepView(StepView, can_focus=True):
    """A step with a clock: the page takes focus so Space can pause it."""

    BINDINGS = [
        Binding(
            "space,p",
            "toggle_pause",
            "Pause",
            id="runner.pause",
            tooltip="Pause the timer, or carry on after a pause",
        )
    ]

    FPS = 4.0

    def __init__(self, runner: Runner) -> None:
        super().__init__(runner)
        self._pause_offered: bool | None = None

    def begin(self) -> None:
        """Start the clock and keep the display in step with it."""
        self.start()
        self.set_interval(1 / self.FPS, self._beat)
        self._beat()

    def _beat(self) -> None:
        self.tick()
        self.update_keys()

    def update_keys(self) -> None:
        """Show Pause in the footer only while it works (it ends with the timer)."""
        offered = self.can_pause
        if offered != self._pause_offered:
            self._pause_offered = offered
            self.refresh_bindings()

    @property
    def can_pause(self) -> bool:
        """Whether a timer is running (or paused) and not done yet."""
        timer = self.runner.timer
        return (
            timer is not None and timer.started and not timer.state().finished
        ) and not self.runner.ended

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Pause only while the clock runs."""
        if action == "toggle_pause":
            return self.can_pause
        return True

    def start(self) -> None:
        """Start this step's timer (countdowns and pacers start as the step opens)."""
        self.runner.start_timer()

    def tick(self) -> None:
        """Redraw from the clock."""

    @property
    def paused(self) -> bool:
        """Whether the session is paused."""
        return self.runner.state is RunState.PAUSED

    def action_toggle_pause(self) -> None:
        """Pause, or carry on after a pause."""
        if not self.can_pause:
            return
        if self.paused:
            self.runner.resume()
        else:
            self.runner.pause()
        self.tick()

    def focus_target(self) -> Widget | None:
        """The page itself, so Space reaches it."""
        return self


class TimerStepView(TimedStepView):
    """A countdown with its text, the time left in words, and a bar."""

    def compose(self) -> ComposeResult:
        """Text, words, bar."""
        yield from self.compose_text()
        yield Static("", id="timer-words", classes="timer-words", markup=False)
        yield TextBar(id="timer-bar")

    def tick(self) -> None:
        """Show the time left."""
        timer = self.runner.timer
        if not isinstance(timer, Countdown):
            return
        state = timer.state()
        if state.finished:
            words = "Time is up. Press Enter when you are ready to go on."
        elif self.paused:
            words = f"Paused, {clock_words(state.remaining)} left. Space carries on."
        else:
            words = f"{clock_words(state.remaining)} left · Space pauses · Enter goes on"
        self.query_one("#timer-words", Static).update(words)
        self.query_one("#timer-bar", TextBar).fraction = state.fraction
