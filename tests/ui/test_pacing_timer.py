"""The pacing timer is heard and seen when work turns to rest, back, and at the end; timed
steps offer Pause only while their clock runs; the summary says "Saved" once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from paincoach.exercises.timing import FakeClock
from paincoach.records.practice import SavedPractice
from paincoach.screens.runner import RunnerScreen
from paincoach.screens.runner_pages import saved_words
from paincoach.settings import load_settings, save_settings
from paincoach.widgets import step_intervals
from paincoach.widgets.step_intervals import IntervalsStepView, PhaseChanged
from paincoach.widgets.step_timer import TimedStepView
from tests.exercise_ui_support import SIZE, make_app, open_runner, press, type_text
from tests.support import seeded_services

MINUTE = 60.0


async def until(pilot: Pilot[None], condition: Callable[[], bool], tries: int = 400) -> None:
    """Let the app run (its timers tick on the real clock) until `condition` holds."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.025)
    raise AssertionError("the condition never held")


def pause_offered(pilot: Pilot[None]) -> bool:
    """Whether the footer offers Pause now."""
    return any(
        active.binding.action == "toggle_pause"
        for active in pilot.app.screen.active_bindings.values()
    )


async def start_two_rounds(pilot: Pilot[None], clock: FakeClock) -> IntervalsStepView:
    """Walking: 1 minute of work, 1 of rest, twice (no plan needed)."""
    screen = await open_runner(pilot, "pacing-session", clock)
    await press(pilot, "enter", "enter", "enter")
    view = screen.view
    assert isinstance(view, IntervalsStepView)
    assert not pause_offered(pilot)  # nothing to pause before the timer starts
    await type_text(pilot, "walking")
    await press(pilot, "enter")
    for value in ("1", "1", "2"):  # work, rest, rounds
        await pilot.press("ctrl+u")
        await type_text(pilot, value)
        await press(pilot, "tab" if value != "2" else "enter")
    assert view.query_one("#iv-run").display
    return view


@pytest.mark.parametrize("sound", [True, False])
async def test_the_pacing_timer_rings_and_flashes_at_each_change_unless_sound_is_off(
    home: Path, monkeypatch: pytest.MonkeyPatch, sound: bool
) -> None:
    services = seeded_services(home)
    db = services.db  # type: ignore[attr-defined]
    save_settings(db, load_settings(db).with_changes(sound=sound))
    services.close()  # type: ignore[attr-defined]
    monkeypatch.setattr(step_intervals, "FLASH_SECONDS", 0.2)
    changes: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, PhaseChanged):
            changes.append(message.phase)

    app = make_app(home)
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(len(changes)))
    clock = FakeClock()
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        view = await start_two_rounds(pilot, clock)
        words = view.query_one("#iv-words", Static)
        assert changes == [] and not words.has_class("-changed")
        assert pause_offered(pilot)
        for phase in ("rest", "work", "done"):
            clock.advance(MINUTE)
            await until(pilot, lambda: changes[-1:] == [phase])  # noqa: B023 (awaited here)
            assert words.has_class("-changed")  # seen, with or without sound
            await until(pilot, lambda: not words.has_class("-changed"))
        assert changes == ["rest", "work", "done"]
        assert rung == ([1, 2, 3] if sound else [])
        assert "Done: 2 min of activity" in str(words.render())


async def test_pause_is_offered_only_while_a_timer_runs(home: Path) -> None:
    """After Done (a countdown, a breathing pacer, the pacing timer) only going on works."""
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        for exercise_id in ("body-scan", "breathing-slow"):
            screen = await open_runner(pilot, exercise_id, clock, quick=True)
            view = screen.view
            assert isinstance(view, TimedStepView) and view.runner.timer is not None
            assert pause_offered(pilot)
            clock.advance(view.runner.timer.total + 1)
            await until(pilot, lambda: not pause_offered(pilot))
            await press(pilot, "space")  # does nothing now
            assert not view.paused
            await press(pilot, "escape", "y")  # leave (asks first)
            await press(pilot, "escape")  # close the summary
            assert not isinstance(app.screen, RunnerScreen)
        view = await start_two_rounds(pilot, clock)
        clock.advance(3 * MINUTE)
        words, detail = view.query_one("#iv-words", Static), view.query_one("#iv-detail", Static)
        await until(pilot, lambda: str(words.render()).startswith("Done"))
        assert not pause_offered(pilot) and "Space" not in str(detail.render())


def test_the_summary_says_saved_once() -> None:
    everything = SavedPractice(
        "s1", True, thought_record_uid="t", goal_uid="g", plan_uid="p", flare_plan_saved=True
    )
    words = " ".join(saved_words(everything))
    assert words.startswith("Saved. ") and words.casefold().count("saved") == 1, words
    assert "pacing session will use your plan" in words and "flare-up plan" in words
