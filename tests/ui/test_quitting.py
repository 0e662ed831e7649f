"""Ctrl+Q never loses what was typed: it asks first, as Escape does, and keeps an exercise."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from textual.widgets import Static

from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.quitting import QuitQuestion
from paincoach.screens.runner import RunnerScreen
from paincoach.screens.today import TodayScreen
from paincoach.widgets.rating import RatingInput
from tests.exercise_ui_support import FakeClock, make_app, open_runner, press, type_text
from tests.support import settle

SIZE = (80, 24)


def saved_sessions(home: Path) -> list[tuple[str, bool, dict[str, object]]]:
    """Every saved exercise session, read straight from the file."""
    with sqlite3.connect(home / "paincoach.db") as db:
        rows = db.execute("SELECT exercise_id, completed, answers FROM exercise_sessions")
        return [(exercise, bool(done), json.loads(answers)) for exercise, done, answers in rows]


async def test_ctrl_q_with_typing_in_a_form_asks_and_can_go_back(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "6")
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, QuitQuestion)
        detail = str(app.screen.query_one(".detail", Static).render())
        assert "The check-in you are typing is not saved yet." in detail
        await press(pilot, "ctrl+q")  # pressed again while asking: still just the one question
        assert isinstance(app.screen, QuitQuestion)
        assert len([s for s in app.screen_stack if isinstance(s, QuitQuestion)]) == 1
        await press(pilot, "escape")  # go back: everything typed is still there
        assert app.screen is dialog
        assert dialog.query_one("#pain", RatingInput).value == 6
        await press(pilot, "ctrl+q", "y")
        assert app.return_code == 0  # quit, as asked
    assert not app.is_running


async def test_ctrl_q_with_an_untouched_form_quits_at_once(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert isinstance(app.screen, CheckInDialog)
        await press(pilot, "ctrl+q")
        assert not isinstance(app.screen, QuitQuestion)
    assert not app.is_running


async def test_ctrl_q_on_today_quits_at_once(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await press(pilot, "ctrl+q")
    assert not app.is_running


async def test_ctrl_q_mid_exercise_asks_then_keeps_the_step_being_typed(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "thought-record", FakeClock())
        await press(pilot, "enter", "enter")
        await type_text(pilot, "Sister rang about the move")
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, QuitQuestion)
        detail = str(app.screen.query_one(".detail", Static).render())
        assert "saved, marked as unfinished" in detail
        await press(pilot, "n")
        assert app.screen is screen
        assert saved_sessions(home) == []
        await press(pilot, "ctrl+q", "y")
    [(exercise, completed, _)] = saved_sessions(home)
    assert exercise == "thought-record" and not completed
    with sqlite3.connect(home / "paincoach.db") as db:
        [(situation,)] = db.execute("SELECT situation FROM thought_records")
    assert situation == "Sister rang about the move"  # the step that was being typed
    assert isinstance(screen, RunnerScreen)
