"""SVG snapshots of the exercise screens at 80x24, on a fixed clock and a fake timer clock.

Update with `pytest tests/snapshots --snapshot-update`, then look at the pictures.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from paincoach.db.engine import Database
from paincoach.exercises.timing import FakeClock
from paincoach.screens.exercises import ExercisesScreen
from paincoach.screens.runner import RunnerScreen
from paincoach.screens.thought_records import ThoughtRecordsScreen
from paincoach.settings import load_settings, save_settings
from paincoach.widgets.pick_list import PickList
from paincoach.widgets.step_timer import TimedStepView
from tests.exercise_ui_support import exercise, make_app, type_text
from tests.practice_support import THOUGHTS, drive, open_practice, plan_session, runner
from tests.snapshots.test_journal_snapshots import calm
from tests.support import NOW, settle, wait_for

SIZE = (80, 24)
BROKEN = """id = "my-breath"
title = "My breath"
kind = "breathing"
summary = "Mine"
minutes = 2

[[steps]]
type = "timer"
seconds = 0
"""


def before_snap(
    setup: Callable[[Pilot[None]], Awaitable[None]], clock: FakeClock | None = None, at: float = 0
) -> Any:
    """A run_before: settle, run `setup`, move the fake clock to `at`, calm the cursors."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await setup(pilot)
        await settle(pilot)
        if clock is not None:
            clock.set(at)
            for view in pilot.app.screen.query(TimedStepView):
                view.tick()  # draw from the moved clock now, not at the next beat (1/4 s)
        calm(pilot.app)  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.pause(0.1)

    return run_before


def push_runner(exercise_id: str, clock: FakeClock, *keys: str, quick: bool = False) -> Any:
    """A setup that opens the runner on an exercise and presses keys."""

    async def setup(pilot: Pilot[None]) -> None:
        pilot.app.push_screen(RunnerScreen(exercise(exercise_id), clock=clock, quick=quick))
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return setup


def test_library_with_a_skipped_file(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    (home / "exercises").mkdir()
    (home / "exercises" / "my-breath.toml").write_text(BROKEN)

    async def setup(pilot: Pilot[None]) -> None:
        pilot.app.push_screen(ExercisesScreen())

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))


def test_runner_text_step(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    setup = push_runner("pacing-plan", FakeClock(), "enter")
    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))


def test_runner_before_rating(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    setup = push_runner("breathing-box", FakeClock(), "4")
    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))


def test_breathing_pacer_mid_out_breath(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    clock = FakeClock()
    setup = push_runner("breathing-slow", clock, quick=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup, clock, 7.3))


def test_breathing_pacer_reduced_motion(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    db = Database.open(home)
    save_settings(db, load_settings(db).with_changes(reduced_motion=True))
    db.close()
    clock = FakeClock()
    setup = push_runner("breathing-cyclic-sigh", clock, quick=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup, clock, 3.5))


def test_thought_record_emotions_with_strengths(snap_compare: Any, home: Path) -> None:
    app = make_app(home)

    async def setup(pilot: Pilot[None]) -> None:
        await push_runner("thought-record", FakeClock(), "enter", "enter")(pilot)
        await type_text(pilot, "Sister rang about the move")
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("space", "down", "down", "space", "tab", "tab", "7", "0")

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))


def test_thought_record_keeps_the_hot_thought_in_view(snap_compare: Any, home: Path) -> None:
    app = make_app(home)

    async def setup(pilot: Pilot[None]) -> None:
        await push_runner("thought-record", FakeClock())(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, RunnerScreen)
        answers = {**THOUGHTS, "thoughts": "She thinks I'm making excuses.\n[b]I'll never cope[/b]"}
        answers["hot_thought"] = "[b]I'll never cope[/b]"
        drive(screen.run, answers, until="evidence_against")
        await screen.action_back()
        await screen.action_next()  # redraw on the step the runner is at
        await settle(pilot)
        await type_text(pilot, "I coped last month.")

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))


def test_pacing_timer_from_a_plan(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    practice = open_practice(home)
    practice.save_session(plan_session("walking", [10, 12, 14], NOW.date() - timedelta(days=8)))
    clock = FakeClock()

    async def setup(pilot: Pilot[None]) -> None:
        await push_runner("pacing-session", clock, "enter", "enter", "enter")(pilot)
        plans = pilot.app.screen.query_one("#iv-plans", PickList)
        await wait_for(pilot, lambda: plans.display and plans.has_focus, "the plans to arrive")
        await pilot.press("enter")  # pick the plan (walking), then the work time is filled in
        await settle(pilot)
        await pilot.press("enter")  # start
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup, clock, 200))


def test_thought_records_list(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    practice = open_practice(home)
    for days, hot in [(3, "I'll never cope"), (1, "They think I'm [b]lazy[/b]")]:
        r = runner("thought-record", start=NOW - timedelta(days=days))
        drive(r, {**THOUGHTS, "thoughts": hot, "hot_thought": hot})
        practice.save_session(r.result())

    async def setup(pilot: Pilot[None]) -> None:
        pilot.app.push_screen(ThoughtRecordsScreen())

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))


def test_thought_record_read_in_full(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    r = runner("thought-record")
    drive(r, THOUGHTS)
    open_practice(home).save_session(r.result())

    async def setup(pilot: Pilot[None]) -> None:
        pilot.app.push_screen(ThoughtRecordsScreen())
        await settle(pilot)
        await pilot.press("enter")

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))


def test_runner_summary_after_ratings(snap_compare: Any, home: Path) -> None:
    app = make_app(home)
    clock = FakeClock()
    setup = push_runner("breathing-4-7-8", clock, "6", "enter", "enter", "enter")

    async def finish(pilot: Pilot[None]) -> None:
        await setup(pilot)  # at the pacer: four breaths of 19 s, run to their end
        clock.advance(4 * 19)
        for key in ("enter", "enter", "3", "enter"):
            await pilot.press(key)
            await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(finish))


def test_thinking_traps_with_their_descriptions(snap_compare: Any, home: Path) -> None:
    app = make_app(home)

    async def setup(pilot: Pilot[None]) -> None:
        await push_runner("thought-record", FakeClock())(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, RunnerScreen)
        drive(screen.run, THOUGHTS, until="traps")
        await screen.action_back()
        await screen.action_next()
        await settle(pilot)
        await pilot.press("down", "space")

    assert snap_compare(app, terminal_size=SIZE, run_before=before_snap(setup))
