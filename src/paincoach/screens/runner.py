"""The exercise runner: one step at a time, back and next, and a session saved at the end.

The screen drives the exercise engine's `Runner` (pure Python) and shows its current step
with a step view. A session is saved when it finishes, and also when the person leaves
early (marked unfinished). Covering the screen (Help now, a question) pauses any timer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from paincoach.core.textsafe import visible
from paincoach.exercises.answers import AnswerError
from paincoach.exercises.engine import Runner
from paincoach.exercises.model import Exercise, TextStep
from paincoach.exercises.pacing import PacingError
from paincoach.exercises.session import RunState, SessionResult
from paincoach.exercises.templates import placeholders
from paincoach.exercises.timing import Clock
from paincoach.records.practice import SavedPractice
from paincoach.screens.runner_ending import Page, SessionEnding
from paincoach.screens.runner_pages import IntroPage, RatingPage, SummaryPage, shown_answers
from paincoach.widgets.focus_top import focus_from_top
from paincoach.widgets.pick_list import PickList
from paincoach.widgets.step_base import NEXT, NEXT_ON_ENTER
from paincoach.widgets.step_intervals import IntervalsStepView
from paincoach.widgets.steps import PhaseChanged, PlansWanted, PlanWanted, StepView, step_view
from paincoach.widgets.text_bar import TextBar

if TYPE_CHECKING:
    from paincoach.services import Services

__all__ = ["Page", "RunnerScreen"]

T = TypeVar("T")


class RunnerScreen(SessionEnding):
    """Runs one exercise; dismisses with what was saved (None if nothing was)."""

    BINDINGS = [
        NEXT,
        Binding(
            "ctrl+b",
            "back",
            "Back",
            priority=True,
            id="runner.back",
            tooltip="Back to the previous step (Page Up works too); what you wrote is kept",
        ),
        Binding("pagedown", "next", "Next", show=False, priority=True, id="runner.next_page"),
        Binding("pageup", "back", "Back", show=False, priority=True, id="runner.back_page"),
        NEXT_ON_ENTER,
        Binding(
            "escape",
            "leave",
            "Leave",
            id="runner.leave",
            tooltip="Stop here; what you did so far is saved as unfinished (asks first)",
        ),
        Binding("escape", "close", "Close", id="runner.close", tooltip="Close the summary"),
        Binding("enter", "close", "Close", show=False, id="runner.close_enter"),
        Binding(
            "y",
            "copy_text",
            "Copy",
            id="runner.copy",
            tooltip="Copy this text (your message) to the clipboard",
        ),
        Binding(
            "ctrl+s",
            "save_again",
            "Save again",
            id="runner.save_again",
            tooltip="Try saving the session again",
        ),
    ]

    def __init__(
        self,
        exercise: Exercise,
        *,
        clock: Clock | None = None,
        quick: bool = False,
        answers: Mapping[str, object] | None = None,
    ) -> None:
        """`answers`: what the person wrote before, to start from (their safety plan)."""
        super().__init__()
        self.exercise = exercise
        self.start_answers = answers
        self.clock = clock
        self.quick = quick
        self.runner: Runner | None = None
        self.page = Page.INTRO
        self.result: SessionResult | None = None
        self.saved: SavedPractice | None = None
        self.save_failed = False
        self.saving = False
        self._leaving = False
        self._moving = False
        self._paused_by_cover = False

    def compose(self) -> ComposeResult:
        """Where we are, the step's title and earlier answers, the step, a message line."""
        with Horizontal(id="runner-progress"):
            yield Static("", id="runner-where", markup=False)
            yield TextBar(id="runner-bar")
        yield Static("", id="runner-title", markup=False)
        yield Static("", id="runner-shown")
        yield VerticalScroll(id="runner-body")
        yield Static("", id="runner-message", markup=False)
        yield Footer()

    async def on_mount(self) -> None:
        """Start the session and show its first page."""
        self.runner = Runner(
            self.exercise, clock=self.clock, wall=self.services.clock, answers=self.start_answers
        )
        self.page = Page.INTRO if self._has_intro() else Page.STEP
        if self.quick:
            self.page = Page.STEP
            while isinstance(self.runner.step, TextStep) and not self.runner.is_last:
                self.runner.next()  # straight to the practice, e.g. from Help now
        await self._show()

    def _has_intro(self) -> bool:
        return bool(self.exercise.before or self.exercise.caution)

    @property
    def run(self) -> Runner:
        """The running session (there is one once mounted)."""
        assert self.runner is not None
        return self.runner

    # -- drawing ----------------------------------------------------------------------

    def _page_widget(self) -> Widget:
        exercise, runner = self.exercise, self.run
        if self.page is Page.INTRO:
            if exercise.before is not None:
                return RatingPage(exercise.before, runner.before, intro=exercise)
            return IntroPage(exercise)
        if self.page is Page.AFTER:
            assert exercise.after is not None
            return RatingPage(exercise.after, runner.after)
        if self.page is Page.SUMMARY:
            return SummaryPage(self.result or runner.result())
        return step_view(runner, reduced_motion=self.paincoach.settings.reduced_motion)

    @property
    def view(self) -> Widget | None:
        """The page on show."""
        children = self.query_one("#runner-body").children
        return children[0] if children else None

    async def _show(self) -> None:
        body = self.query_one("#runner-body", VerticalScroll)
        await body.remove_children()
        page = self._page_widget()
        await body.mount(page)
        self._update_frame()
        focus_from_top(body, getattr(page, "focus_target", lambda: None)())
        if isinstance(page, StepView):
            page.begin()

    def _update_frame(self) -> None:
        runner = self.run
        progress = runner.progress
        where, fraction, title = {
            Page.INTRO: ("About to start", 0.0, "Before you start"),
            Page.STEP: (str(progress).capitalize(), progress.fraction, runner.step.title),
            Page.AFTER: ("Afterwards", 1.0, "Afterwards"),
            Page.SUMMARY: ("The end", runner.result().steps_done / progress.total, ""),
        }[self.page]
        self.query_one("#runner-where", Static).update(f"{visible(self.exercise.title)} · {where}")
        self.query_one("#runner-bar", TextBar).fraction = fraction
        heading = self.query_one("#runner-title", Static)
        heading.update(visible(title))
        heading.display = bool(title)
        shown_text = shown_answers(runner) if self.page is Page.STEP else Text()
        shown = self.query_one("#runner-shown", Static)
        shown.update(shown_text)
        shown.display = bool(shown_text.plain)
        self.say("")
        self.refresh_bindings()

    def say(self, message: str) -> None:
        """Show a message under the step (why Next refused, or a problem)."""
        line = self.query_one("#runner-message", Static)
        line.update(message)
        line.display = bool(message)

    # -- moving -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back only where there is somewhere to go; Save again only after a failed save."""
        summary = self.page is Page.SUMMARY
        if action in ("next", "leave"):
            return not summary
        if action == "close":
            return summary
        if action == "back":
            if self.page in (Page.INTRO, Page.SUMMARY):
                return False
            if self.page is Page.STEP and self.runner and self.runner.is_first:
                return None if not self._has_intro() else True
        if action == "save_again":
            return self.page is Page.SUMMARY and self.save_failed
        if action == "copy_text":
            return self._composed_text() is not None
        return True

    def _composed_text(self) -> str | None:
        """A text step built from the person's answers (e.g. the message to send), if shown."""
        if self.page is not Page.STEP or self.runner is None:
            return None
        step = self.runner.step
        if not isinstance(step, TextStep) or not placeholders(step.text or ""):
            return None
        text = self.runner.text()
        _, rule, after = text.partition("\n---\n")
        return (after if rule else text).strip()

    def action_copy_text(self) -> None:
        """Copy the composed text to the clipboard (the terminal must allow it)."""
        text = self._composed_text()
        if text is None:
            return
        self.app.copy_to_clipboard(text)
        self.app.notify(
            "Copied, if your terminal allows it. You can also select the text with the mouse.",
            timeout=6,
        )

    async def action_next(self) -> None:
        """Go on: take the answer, move to the next step, or finish."""
        if self._moving:
            return
        self._moving = True
        try:
            await self._next()
        finally:
            self._moving = False

    async def _next(self) -> None:
        runner, view = self.run, self.view
        if self.page is Page.INTRO:
            if isinstance(view, RatingPage):
                runner.set_before(view.rating)
            self.page = Page.STEP
            await self._show()
            return
        if self.page is Page.AFTER:
            if isinstance(view, RatingPage):
                runner.set_after(view.rating)
            runner.next()
            await self._finish()
            return
        if not self._take_answer(view):
            return
        if runner.is_last and self.exercise.after is not None:
            if runner.timer is not None:
                runner.pause()  # the rating page is not part of the timer's time
            self.page = Page.AFTER
            await self._show()
            return
        runner.next()
        if runner.ended:
            await self._finish()
        else:
            await self._show()

    def _take_answer(self, view: Widget | None) -> bool:
        """Hand the step's answer to the runner; say why not when it cannot go on."""
        try:
            if isinstance(view, StepView):
                view.commit()
            reason = self.run.missing()
        except (AnswerError, PacingError) as exc:
            reason = str(exc)
        if reason:
            sentence = reason[:1].upper() + reason[1:]  # the pacing maths' reasons are clauses
            self.say(sentence if sentence.endswith(".") else sentence + ".")
            target = getattr(view, "focus_target", lambda: None)()
            if target is not None:
                target.focus()
            return False
        return True

    async def action_back(self) -> None:
        """Back one step (what was written is kept)."""
        if self._moving:
            return
        self._moving = True
        try:
            await self._back()
        finally:
            self._moving = False

    async def _back(self) -> None:
        runner = self.run
        if self.page is Page.AFTER:
            self.page = Page.STEP
        elif self.page is Page.STEP:
            self._keep_answer()
            if runner.is_first:
                if not self._has_intro():
                    return
                self.page = Page.INTRO
            else:
                runner.back()
        else:
            return
        await self._show()

    def _keep_answer(self) -> None:
        """Keep what is in the step's fields, if the runner can take it."""
        view = self.view
        if isinstance(view, StepView) and not self.run.ended:
            # Half-typed and not valid yet (e.g. "1o" as a number): nothing to keep.
            with suppress(AnswerError, PacingError):
                view.commit()

    # -- events ---------------------------------------------------------------------------

    @on(Input.Submitted)
    async def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        await self.action_next()

    @on(Input.Changed)
    def _typed(self) -> None:
        self.say("")  # why Next refused may be mended now (Next says so again if not)

    @on(PickList.Submitted)
    async def _list_submitted(self, event: PickList.Submitted) -> None:
        event.stop()
        await self.action_next()

    @on(PlansWanted)
    def _plans_wanted(self, message: PlansWanted) -> None:
        message.stop()
        step = message.step
        if isinstance(step, IntervalsStepView):
            self._answer_step(step, lambda s: s.practice.pacing_plans(), step.show_plans)

    @on(PlanWanted)
    def _plan_wanted(self, message: PlanWanted) -> None:
        message.stop()
        step, activity = message.step, message.activity
        if isinstance(step, IntervalsStepView):
            self._answer_step(step, lambda s: s.practice.plan_for(activity), step.use_plan)

    @on(PhaseChanged)
    def _phase_changed(self, message: PhaseChanged) -> None:
        """The pacing timer moved on: ring, unless the person turned Sound off."""
        message.stop()
        if self.view is message.step and self.paincoach.settings.sound:
            self.app.bell()

    def _answer_step(
        self, step: Widget, job: Callable[[Services], T], deliver: Callable[[T], object]
    ) -> None:
        """Run `job` in the worker; hand its plain result to `step` if it is still shown."""

        def done(result: T) -> None:
            if self.view is step:  # the step may be gone by now
                deliver(result)

        self.call_service(job, done, group="runner-data")

    def on_screen_suspend(self, event: events.ScreenSuspend) -> None:
        """Covered (Help now, a question): pause any timer."""
        runner = self.runner
        if runner and runner.state is RunState.RUNNING and runner.timer is not None:
            runner.pause()
            self._paused_by_cover = True

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Uncovered: carry on where the timer was."""
        if self._paused_by_cover and self.runner is not None:
            self._paused_by_cover = False
            self.runner.resume()
