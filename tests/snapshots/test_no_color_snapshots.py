"""SVG snapshots with NO_COLOR set before the app starts: every meaning still readable.

Update with `pytest tests/snapshots --snapshot-update`, then look at the pictures: no
colour, and every state (ticked, chosen, required, too small, low mood) said in words or
marks.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from paincoach.app import PaincoachApp, create_app
from tests.reliability.screens_support import screen_text
from tests.snapshots.test_journal_snapshots import seed_week, steps
from tests.support import fixed_clock, settle

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR in the environment before any app is made (Textual reads it then)."""
    monkeypatch.setenv("NO_COLOR", "1")


def app_for(home: Path) -> PaincoachApp:
    """A seeded app, built after NO_COLOR is set."""
    seed_week(home)
    app = create_app(home, clock=fixed_clock)
    assert app.no_color
    return app


def test_today_no_color(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=SIZE, run_before=steps())


def test_check_in_no_color(snap_compare: Any, home: Path) -> None:
    keys = ("c", "7", "tab", "1", "tab", "tab", "space", "down", "space")
    assert snap_compare(app_for(home), terminal_size=SIZE, run_before=steps(*keys))


def test_activity_paced_no_color(snap_compare: Any, home: Path) -> None:
    keys = ("a", "w", "a", "l", "k", "enter", "2", "0", "tab", "tab", "3", "tab", "space")
    assert snap_compare(app_for(home), terminal_size=SIZE, run_before=steps(*keys))


def test_help_now_no_color(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=SIZE, run_before=steps("f1"))


def test_settings_no_color(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=SIZE, run_before=steps("s"))


def test_too_small_no_color(snap_compare: Any, home: Path) -> None:
    assert snap_compare(app_for(home), terminal_size=(40, 12), run_before=steps())


def test_ticked_and_unticked_differ_in_marks_not_only_colour(home: Path) -> None:
    """Under NO_COLOR the paced box must still show whether it is ticked."""

    async def run() -> tuple[str, str]:
        app = app_for(home)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("a")
            await settle(pilot)
            box = app.screen.query_one("#paced")
            box.focus()
            await settle(pilot)
            before = _row(screen_text(app), "Paced")
            await pilot.press("space")
            await settle(pilot)
            return before, _row(screen_text(app), "Paced")

    unticked, ticked = asyncio.run(run())
    assert unticked != ticked
    assert "X" in ticked and "X" not in unticked


def _row(text: str, word: str) -> str:
    return next(line for line in text.splitlines() if word in line)
