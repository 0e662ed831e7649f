"""One name for one thing in the app: area choices as the person spells them, and the activity
dialog saying which pacing plan the activity counts for."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Input, Static

from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.practice.service import Practice
from paincoach.screens.activity import ActivityDialog
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.today import TodayScreen
from paincoach.widgets.marked import MarkedSelectionList
from tests.practice_support import plan_session
from tests.storage_support import checkin
from tests.support import NOW, fixed_clock, seeded_services, settle

SIZE = (80, 24)


def _app(home: Path) -> PaincoachApp:
    seeded_services(home).close()  # type: ignore[attr-defined]
    return create_app(home, clock=fixed_clock)


def _journal(home: Path) -> Journal:
    return Journal(Database.open(home), fixed_clock)


def _plan_line(app: PaincoachApp) -> str:
    line = app.screen.query_one("#plan-line", Static)
    return " ".join(str(line.render()).split()) if line.display else ""


async def test_an_area_the_person_typed_is_offered_in_their_spelling(home: Path) -> None:
    _journal(home).add_checkin(checkin(NOW - timedelta(days=1), areas=("lower back",)))
    app = _app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        areas = app.screen.query_one("#areas", MarkedSelectionList)
        labels = [str(areas.get_option_at_index(i).prompt) for i in range(areas.option_count)]
        assert "lower back" in labels and "Lower back" not in labels
        assert labels.index("lower back") == 5  # where the list has it, after "Upper back"


async def test_the_activity_dialog_says_which_plan_the_activity_counts_for(home: Path) -> None:
    journal = _journal(home)
    Practice(journal.db, journal, fixed_clock).save_session(
        plan_session("walking", [20, 25, 30], date(2026, 11, 20))
    )
    app = _app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDialog)
        await pilot.press("w", "a", "l", "k")
        await settle(pilot)
        assert _plan_line(app) == ""  # not paced, and no plan of that name
        await pilot.press("enter", "2", "0", "tab", "tab", "tab", "space")  # ticks "Paced"
        await settle(pilot)
        assert _plan_line(app) == (
            'Counts for no pacing plan. To count it for one, give it that plan\'s name: "walking".'
        )
        app.screen.query_one("#name", Input).value = "Walking"
        await settle(pilot)
        assert _plan_line(app) == 'Counts for your pacing plan "walking".'
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [saved] = _journal(home).day(NOW.date()).activities
    assert (saved.name, saved.minutes, saved.paced) == ("walking", 20, True)
