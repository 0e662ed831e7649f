"""Help now never waits for the exercise library: a huge folder of the person's files can
take seconds to read, and Help now, its pacer and its flare-up plan must not wait for it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

import paincoach.exercises.loader as loader
from paincoach.screens.exercises import ExercisesScreen
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.runner import RunnerScreen
from paincoach.widgets.breath_pacer import BreathPacerWidget
from tests.exercise_ui_support import SIZE, make_app

Blocked = tuple[threading.Event, threading.Event]


@pytest.fixture
def blocked_library(monkeypatch: pytest.MonkeyPatch) -> Iterator[Blocked]:
    """Every library load waits (as for a huge user file) until the test lets it go."""
    entered, release = threading.Event(), threading.Event()
    real = loader.load_library

    def slow(home: Path | None = None, data: Path | None = None) -> loader.Library:
        entered.set()
        release.wait(timeout=60)
        return real(home, data)

    monkeypatch.setattr(loader, "load_library", slow)
    yield entered, release
    release.set()  # never leave a worker thread waiting after the test


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Wait for `condition` (by turns of the event loop, not by time)."""
    for _ in range(1000):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")


async def library_loading(pilot: Pilot[None], entered: threading.Event) -> None:
    """Open the exercise list, whose library load then hangs."""
    await until(pilot, lambda: getattr(pilot.app, "opened", False), "the journal opened")
    await pilot.press("e")
    await until(pilot, entered.is_set, "the library load began")
    assert isinstance(pilot.app.screen, ExercisesScreen)


async def test_help_now_and_its_pacer_start_while_the_library_is_still_loading(
    home: Path, blocked_library: Blocked
) -> None:
    entered, release = blocked_library
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await library_loading(pilot, entered)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpNowDialog), "Help now opened")
        text = str(app.screen.query_one("#help-text", Static).render())
        assert "Samaritans: 116 123" in text and "Press b to start slow breathing" in text
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, RunnerScreen), "the pacer started")
        screen = app.screen
        assert isinstance(screen, RunnerScreen)
        assert screen.exercise.id == "breathing-slow" and screen.exercise.origin == "bundled"
        await until(pilot, lambda: bool(screen.query(BreathPacerWidget)), "the pacer shows")
        assert not release.is_set()  # all of it while the library was still loading
        release.set()


async def test_the_flare_up_plan_starts_from_help_now_while_the_library_is_loading(
    home: Path, blocked_library: Blocked
) -> None:
    entered, release = blocked_library
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await library_loading(pilot, entered)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpNowDialog), "Help now opened")
        dialog = app.screen
        assert isinstance(dialog, HelpNowDialog)
        await until(pilot, lambda: dialog.plan_known, "the journal said there is no plan")
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, RunnerScreen), "the plan started")
        assert app.screen.exercise.id == "flare-plan"  # type: ignore[attr-defined]
        assert not release.is_set()
        release.set()


@pytest.mark.parametrize(
    ("key", "exercise_id"), [("b", "breathing-relaxed-3min"), ("t", "thought-record")]
)
async def test_the_high_pain_offer_starts_its_exercise_while_the_library_is_loading(
    home: Path, blocked_library: Blocked, key: str, exercise_id: str
) -> None:
    from paincoach.screens.offer import OfferDialog

    entered, release = blocked_library
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await library_loading(pilot, entered)
        await pilot.press("escape")  # back to Today, the list still loading
        await pilot.press("c", "8", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, OfferDialog), "the offer")
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, RunnerScreen), "the exercise started")
        screen = app.screen
        assert isinstance(screen, RunnerScreen)
        assert screen.exercise.id == exercise_id and screen.exercise.origin == "bundled"
        assert not release.is_set()
        release.set()
