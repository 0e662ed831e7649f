"""Driving the exercise runner by keyboard in Pilot tests: one helper answers any step."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from paincoach.app import PaincoachApp, create_app
from paincoach.exercises.loader import load_library
from paincoach.exercises.model import (
    BreatheStep,
    ChoiceStep,
    Exercise,
    PacingStep,
    PromptStep,
    RatingStep,
    TimerStep,
)
from paincoach.exercises.timing import FakeClock
from paincoach.screens.runner import Page, RunnerScreen
from paincoach.widgets.percent import PercentInput
from paincoach.widgets.rating import RatingInput
from tests.support import fixed_clock, seeded_services, settle

SIZE = (80, 24)


def step_kind(step: object) -> str:
    """What a step asks of the screen, in the terms that change how it is drawn and answered."""
    if isinstance(step, PromptStep):
        return "prompt" + (" (lines)" if step.lines else " (multiline)" if step.multiline else "")
    if isinstance(step, RatingStep):
        return f"rating 0-{step.scale}" + (" for each" if step.each else "")
    if isinstance(step, ChoiceStep):
        ways = [w for w, on in (("several", step.multiple), ("rated", step.rate)) if on]
        source = "shared list" if step.list_name else "earlier answer" if step.from_answer else ""
        return " ".join(["choice", *ways, source]).strip()
    if isinstance(step, PacingStep):
        return f"pacing {step.mode}"
    return type(step).__name__


def exercise_kinds(found: Exercise) -> set[str]:
    """Every step kind an exercise shows, and its before and after ratings."""
    kinds = {step_kind(step) for step in found.steps}
    kinds |= {"before rating"} if found.before is not None else set()
    return kinds | ({"after rating"} if found.after is not None else set())


def covering_exercises() -> list[str]:
    """The fewest bundled exercises that between them show every step kind (greedy, stable).

    The UI is driven once per kind; every exercise is also walked through the engine
    (tests/exercises), which is fast. A new kind of step makes this set grow by itself.
    """
    library = load_library().exercises
    left = set().union(*(exercise_kinds(found) for found in library.values()))
    chosen: list[str] = []
    while left:
        best = max(sorted(library), key=lambda eid: len(exercise_kinds(library[eid]) & left))
        chosen.append(best)
        left -= exercise_kinds(library[best])
    return sorted(chosen)


def make_app(home: Path) -> PaincoachApp:
    """An app on `home` with the first-run notice acknowledged."""
    seeded_services(home).close()  # type: ignore[attr-defined]
    return create_app(home, clock=fixed_clock)


def exercise(exercise_id: str, home: Path | None = None) -> Exercise:
    """A bundled (or the person's own) exercise by id."""
    found = load_library(home).get(exercise_id)
    assert found is not None, exercise_id
    return found


async def open_runner(
    pilot: Pilot[None], exercise_id: str, clock: FakeClock, *, quick: bool = False
) -> RunnerScreen:
    """Push the runner on an exercise and wait until its first page is up."""
    app = pilot.app
    app.push_screen(RunnerScreen(exercise(exercise_id), clock=clock, quick=quick))
    await settle(pilot)
    assert isinstance(app.screen, RunnerScreen)
    return app.screen


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys, then let workers and the screen catch up."""
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type text key by key (as a person would)."""
    await pilot.press(*[{" ": "space", "\n": "enter"}.get(c, c) for c in text])


async def tab_to(pilot: Pilot[None], kind: type, limit: int = 12) -> None:
    """Press Tab until a widget of `kind` without a value has focus."""
    for _ in range(limit):
        focused = pilot.app.focused
        if isinstance(focused, kind) and getattr(focused, "value", None) is None:
            return
        await pilot.press("tab")
    raise AssertionError(f"never reached an empty {kind.__name__}")


async def answer_step(pilot: Pilot[None], screen: RunnerScreen, clock: FakeClock) -> None:
    """Answer the current step by keyboard, and go on."""
    step = screen.run.step
    if isinstance(step, PromptStep):
        await answer_prompt(pilot, step)
    elif isinstance(step, RatingStep):
        await answer_rating(pilot, screen, step)
    elif isinstance(step, ChoiceStep):
        await answer_choice(pilot, step)
    elif isinstance(step, BreatheStep | TimerStep):
        timer = screen.run.timer
        assert timer is not None and timer.started
        clock.advance(timer.total + 0.5)
        await press(pilot, "enter")
    elif isinstance(step, PacingStep):
        await answer_pacing(pilot, step, clock)
    else:
        await press(pilot, "enter")


async def answer_prompt(pilot: Pilot[None], step: PromptStep) -> None:
    """Write an answer (two lines for a lines prompt)."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        await type_text(pilot, "first line\nsecond line" if step.lines else "Some words")
        await press(pilot, "ctrl+n")
    else:
        assert isinstance(focused, Input)
        await type_text(pilot, "Some words")
        await press(pilot, "enter")


async def answer_rating(pilot: Pilot[None], screen: RunnerScreen, step: RatingStep) -> None:
    """A number on each scale (digits typed), then Next."""
    count = len(screen.run.items_to_rate()) if step.each else 1
    kind = PercentInput if step.scale == 100 else RatingInput
    for _ in range(count):
        await tab_to(pilot, kind)
        await pilot.press("4", "0") if step.scale == 100 else await pilot.press("6")
    await press(pilot, "ctrl+n")


async def answer_choice(pilot: Pilot[None], step: ChoiceStep) -> None:
    """Pick the first option (and the second, if several may be picked); rate the picks."""
    if step.multiple:
        await pilot.press("space", "down", "space")
    if step.rate:
        for _ in range(2 if step.multiple else 1):
            await tab_to(pilot, PercentInput)
            await pilot.press("7", "0")
        await press(pilot, "ctrl+n")
        return
    await press(pilot, "enter")


async def answer_pacing(pilot: Pilot[None], step: PacingStep, clock: FakeClock) -> None:
    """Set up a plan from three measurements, or run a one-minute work timer."""
    if step.mode == "plan":
        await type_text(pilot, "walking")
        await pilot.press("enter")
        await type_text(pilot, "10, 12, 14")
        await press(pilot, "enter", "enter", "enter", "enter")  # unit, rise, goal: as given
        return
    await type_text(pilot, "walking")
    await press(pilot, "enter")
    await pilot.press("ctrl+u")  # clear any work time a plan filled in
    await type_text(pilot, "1")
    await press(pilot, "enter")
    clock.advance(61)
    await press(pilot, "enter")


async def run_to_the_end(pilot: Pilot[None], screen: RunnerScreen, clock: FakeClock) -> None:
    """Answer the before rating, every step and the after rating, until the summary."""
    for _ in range(60):
        if screen.page is Page.SUMMARY:
            return
        if screen.page in (Page.INTRO, Page.AFTER):
            if screen.page is Page.INTRO and screen.exercise.before is not None:
                await pilot.press("5")
            if screen.page is Page.AFTER:
                await pilot.press("3")
            await press(pilot, "enter")
            continue
        before = (screen.page, screen.run.index)
        await answer_step(pilot, screen, clock)
        assert (screen.page, screen.run.index) != before, screen.query_one("#runner-message")
    raise AssertionError("the exercise never ended")
