"""Terminal sizes from 10x3 to 200x60 on every screen: no exception, a clear notice below
60x20 that shows the size needed however small the window, and nothing typed is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Input, TextArea

from paincoach.app import PaincoachApp
from paincoach.exercises.loader import load_library
from paincoach.exercises.timing import FakeClock
from paincoach.screens.runner import RunnerScreen
from paincoach.widgets.rating import RatingInput
from paincoach.widgets.too_small import notice_text
from tests.reliability.screens_support import (
    NEEDED,
    PLACES,
    SIZE,
    Place,
    flat,
    go_to,
    jump_to_step,
    make_app,
    prepare,
    screen_text,
)
from tests.support import settle

#: The smallest and largest, each side of the 60x20 threshold, and the usual 80x24.
#: (`test_the_notice_wording_…` covers every width from 10 to 59 without the app.)
#: The smallest, both sides of the 60x20 limit, the usual and a large one; the wording at
#: every small size is checked without the app (test_the_notice_wording_always_fits...).
SIZES = [(10, 3), (59, 20), (60, 19), (60, 20), (80, 24), (200, 60)]

pytestmark = pytest.mark.slow


def typed_state(app: PaincoachApp) -> list[tuple[str, object]]:
    """Every value a person can type on the top screen."""
    state: list[tuple[str, object]] = []
    for widget in app.screen.query(Widget):
        if isinstance(widget, Input):
            state.append((f"input#{widget.id}", widget.value))
        elif isinstance(widget, TextArea):
            state.append((f"text#{widget.id}", widget.text))
        elif isinstance(widget, RatingInput):
            state.append((f"rating#{widget.id}", widget.value))
    return state


async def type_something(pilot: Any, app: PaincoachApp) -> None:
    """Type a few characters into the first text field of the screen, if it has one."""
    fields = [w for w in app.screen.query(Widget) if isinstance(w, Input | TextArea)]
    fields = [w for w in fields if w.display and not getattr(w, "read_only", False)]
    if fields:
        fields[0].focus()
        await pilot.press("k", "e", "p", "t")
        await settle(pilot)


async def through_every_size(pilot: Any, app: PaincoachApp, expected: str) -> None:
    """Resize through SIZES; the notice shows exactly when too small; the screen stays."""
    before = typed_state(app)
    for width, height in SIZES:
        await pilot.resize_terminal(width, height)
        await pilot.pause()
        small = width < 60 or height < 20
        shown = flat(screen_text(app))
        assert app.has_class("-too-small") is small, (width, height)
        if expected == "HelpNowDialog":  # never covered: it shows its lines however small
            assert "If you or" in shown, (width, height)
            assert not small or shown.startswith("If you"), (width, height)
            continue
        assert (NEEDED in shown) is small, (width, height, shown[:200])
        if small and width >= 30 and height >= 8:
            assert "make the window at least 60×20" in shown
        assert type(app.screen).__name__ == expected
    await pilot.resize_terminal(*SIZE)
    await settle(pilot)
    assert typed_state(app) == before  # nothing typed was lost on the way
    assert app.unexpected_errors == []


@pytest.mark.parametrize("place", PLACES, ids=str)
async def test_every_screen_at_every_size(home: Path, place: Place) -> None:
    prepare(home, place.start)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, place)
        await type_something(pilot, app)
        await through_every_size(pilot, app, place.screen)


#: Step views that draw something of their own: a pacer, a timer, lists, ratings, a plan.
RUNNER_STEPS = [
    ("breathing-slow", 1),  # one breathing pacer stands for every breathing pattern
    ("body-scan", 1),
    ("thought-record", 1),
    ("thought-record", 5),
    ("values-activities", 1),
    ("pacing-plan", 4),
    ("pacing-session", 2),
    ("smart-goal", 5),
    ("grounding-54321", 2),
]


@pytest.mark.parametrize(("exercise_id", "step"), RUNNER_STEPS)
async def test_exercise_steps_at_every_size(home: Path, exercise_id: str, step: int) -> None:
    prepare(home, "seeded")
    app = make_app(home)
    exercise = load_library(home).get(exercise_id)
    assert exercise is not None
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = RunnerScreen(exercise, clock=FakeClock())
        app.push_screen(screen)
        await settle(pilot)
        await jump_to_step(pilot, screen, min(step, len(exercise.steps) - 1))
        await type_something(pilot, app)
        await through_every_size(pilot, app, "RunnerScreen")


@pytest.mark.parametrize("start", ["seeded", "first_run", "problem"])
@pytest.mark.parametrize("size", [(10, 3), (30, 8), (59, 23)])
async def test_an_app_started_in_a_small_window_says_so_at_once(
    home: Path, start: str, size: tuple[int, int]
) -> None:
    prepare(home, start)
    app = make_app(home)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.has_class("-too-small")
        assert NEEDED in flat(screen_text(app))
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert NEEDED not in flat(screen_text(app))
        assert app.unexpected_errors == []


@pytest.mark.parametrize("width", range(10, 60))
@pytest.mark.parametrize("height", [3, 4, 5, 8, 12, 19])
def test_the_notice_wording_always_fits_and_names_the_size(width: int, height: int) -> None:
    """The longest wording that fits is chosen; the size needed is never cut off."""
    import textwrap

    wording = notice_text(width, height)
    assert NEEDED in wording
    rows = [row for part in wording.split("\n") for row in textwrap.wrap(part, width - 2)]
    assert len(rows) <= height and all(len(row) <= width - 2 for row in rows)
    assert NEEDED in " ".join(rows)
