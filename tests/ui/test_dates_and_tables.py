"""Unlikely dates are questioned in the app, and Home/End reach the ends of every table."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Input, Static

from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.entries import CheckInDraft
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.history import HistoryScreen
from paincoach.screens.today import TodayScreen
from paincoach.widgets.entry_table import EntryTable
from paincoach.widgets.row_table import RowTable
from tests.exercise_ui_support import make_app, press
from tests.support import NOW, fixed_clock, settle

SIZE = (80, 24)


def journal(home: Path) -> Journal:
    return Journal(Database.open(home), fixed_clock)


async def test_a_check_in_in_1990_is_questioned_before_it_is_saved(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "4")
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        dialog.query_one("#when", Input).value = "1990-01-01 10:00"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(".dialog-title", Static).render())
        assert question == "1 January 1990 is a long time ago. Is that the date you meant?"
        await press(pilot, "n")  # no: change it
        assert app.screen is dialog
        assert "Nothing is saved yet" in str(dialog.query_one("#form-error", Static).render())
        assert app.focused is dialog.query_one("#when", Input)
        assert journal(home).day(date(1990, 1, 1)).checkins == ()
        await press(pilot, "ctrl+s", "y")  # it was meant after all
        assert isinstance(app.screen, TodayScreen)
    [saved] = journal(home).day(date(1990, 1, 1)).checkins
    assert saved.pain == 4


async def test_a_likely_date_is_saved_without_a_question(home: Path) -> None:
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(days=30), pain=3))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "4")
        app.screen.query_one("#when", Input).value = "yesterday 09:00"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, TodayScreen)


async def test_home_and_end_reach_the_first_and_last_rows(home: Path) -> None:
    other = journal(home)
    for back in range(12):
        other.add_checkin(CheckInDraft(at=NOW - timedelta(days=back, minutes=back), pain=3))
    for back in range(5):
        other.add_checkin(CheckInDraft(at=NOW - timedelta(minutes=10 + back), pain=4))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tables: list[RowTable] = []
        today = app.screen.query_one(EntryTable)
        history_days = None
        for screen_key in ("", "h"):
            if screen_key:
                await press(pilot, screen_key)
                assert isinstance(app.screen, HistoryScreen)
                history_days = app.screen.query_one("#days", RowTable)
            table = history_days or today
            table.focus()
            await settle(pilot)
            assert table.row_count > 3
            await press(pilot, "end")
            assert table.cursor_row == table.row_count - 1
            await press(pilot, "home")
            assert table.cursor_row == 0
            tables.append(table)
        assert len(tables) == 2


def status(app: object) -> str:
    return str(app.screen.query_one("#history-status", Static).render())  # type: ignore[attr-defined]


async def test_history_counts_and_a_search_with_nothing_found(home: Path) -> None:
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(hours=1), pain=3, note="rain"))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "h")
        assert status(app).startswith("1 day with entries, newest first.")
        await press(pilot, "slash", *"rain", "enter")
        assert status(app).startswith("1 entry found. Enter opens the day")
        await press(pilot, "escape", "slash")
        app.screen.query_one("#search", Input).value = "snow"
        await press(pilot, "enter")
        said = status(app)
        assert said.startswith("Nothing found.") and "Enter opens" not in said


async def test_deleting_an_entry_of_another_year_names_the_year(home: Path) -> None:
    other = journal(home)
    other.add_checkin(CheckInDraft(at=NOW - timedelta(days=400), pain=3), confirmed=True)
    other.add_checkin(CheckInDraft(at=NOW - timedelta(days=1), pain=4))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        details: list[str] = []
        for _ in range(2):
            await press(pilot, "h")
            await press(pilot, "end" if details else "home", "enter", "d")
            assert isinstance(app.screen, ConfirmDialog)
            details.append(str(app.screen.query_one(".detail", Static).render()))
            await press(pilot, "escape", "escape", "escape")
        assert details[0].startswith("Thu 26 Nov 09:30")  # this year: no year
        assert details[1].startswith("Thu 23 Oct 2025 09:30")
