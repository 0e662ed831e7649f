"""Editing an entry keeps its moment unless the When field was changed (issue 12)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from textual.widgets import Input, Static

from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.screens.activity import ActivityDialog
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.day import DayScreen
from paincoach.screens.form import kept_when_if_untouched
from tests.exercise_ui_support import make_app, press
from tests.support import NOW, fixed_clock, settle

SIZE = (80, 24)
TOKYO = timezone(timedelta(hours=9))
# Logged on a trip: 08:00:37 in Tokyo on the 27th, which was still the 26th in London.
IN_TOKYO = datetime(2026, 11, 27, 8, 0, 37, tzinfo=TOKYO)


def journal(home: Path) -> Journal:
    return Journal(Database.open(home), fixed_clock)


async def test_changing_only_the_pain_keeps_a_check_in_made_in_another_zone(home: Path) -> None:
    journal(home).add_checkin(CheckInDraft(at=IN_TOKYO, pain=5, note="jet lag"))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "h", "enter")
        assert isinstance(app.screen, DayScreen) and app.screen.day == IN_TOKYO.date()
        await press(pilot, "e")
        assert isinstance(app.screen, CheckInDialog)
        assert app.screen.query_one("#when", Input).value == "2026-11-27 08:00"
        await press(pilot, "8", "ctrl+s")
        assert isinstance(app.screen, DayScreen)
    [saved] = journal(home).day(IN_TOKYO.date()).checkins
    assert saved.pain == 8
    assert saved.at.isoformat() == "2026-11-27T08:00:37+09:00"


async def test_changing_only_the_minutes_keeps_an_activity_made_in_another_zone(
    home: Path,
) -> None:
    journal(home).add_activity(ActivityDraft(at=IN_TOKYO, name="walk", minutes=20))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "h", "enter")
        assert isinstance(app.screen, DayScreen)
        await press(pilot, "e")
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        dialog.query_one("#minutes", Input).value = "25"
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, DayScreen)
    [saved] = journal(home).day(IN_TOKYO.date()).activities
    assert saved.minutes == 25
    assert saved.at.isoformat() == "2026-11-27T08:00:37+09:00"


def test_a_changed_or_retyped_when_is_read_as_typed() -> None:
    assert kept_when_if_untouched(" 2026-11-27 08:00 ", IN_TOKYO, NOW) is IN_TOKYO
    moved = kept_when_if_untouched("2026-11-27 07:00", IN_TOKYO, NOW)
    assert moved.isoformat() == "2026-11-27T07:00:00+00:00"  # typed here, in local time
    assert kept_when_if_untouched("now", None, NOW) == NOW


async def test_a_time_the_clocks_skipped_is_the_forms_error(home: Path) -> None:
    app = make_app(home)  # the tests' zone is Europe/London
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c", "4")
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        dialog.query_one("#when", Input).value = "2026-03-29 01:30"
        await press(pilot, "ctrl+s")
        assert app.screen is dialog
        error = str(dialog.query_one("#form-error", Static).render())
        assert "There was no 01:30 on 2026-03-29 in Europe/London" in error
        assert app.focused is dialog.query_one("#when", Input)
    assert journal(home).day(date(2026, 3, 29)).checkins == ()
