"""Choosing the chest as a pain area shows a kind red-flag reminder, and never blocks saving."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.today import TodayScreen
from paincoach.widgets.marked import MarkedSelectionList
from tests.support import NOW, fixed_clock, seeded_services, settle

SIZE = (80, 24)
CHEST = "Chest (my usual known pain)"


def _app(home: Path, region: str = "GB") -> PaincoachApp:
    seeded_services(home, region=region).close()  # type: ignore[attr-defined]
    return create_app(home, clock=fixed_clock)


def _reminder(app: PaincoachApp) -> Static:
    return app.screen.query_one("#chest-reminder", Static)


async def _toggle(app: PaincoachApp, pilot: object, label: str) -> None:
    """Move to the area `label` in the list and press Space on it, as a person would."""
    areas = app.screen.query_one("#areas", MarkedSelectionList)
    areas.focus()
    labels = [str(areas.get_option_at_index(i).prompt) for i in range(areas.option_count)]
    areas.highlighted = labels.index(label)
    await pilot.press("space")  # type: ignore[attr-defined]
    await settle(pilot)


async def test_choosing_the_chest_shows_the_reminder_and_saving_still_works(home: Path) -> None:
    app = _app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        assert not _reminder(app).display
        await pilot.press("4")  # pain, which has the focus
        await _toggle(app, pilot, "Lower back")
        assert not _reminder(app).display  # only the chest brings it
        await _toggle(app, pilot, CHEST)
        reminder = _reminder(app)
        assert reminder.display
        words = " ".join(str(reminder.render()).split())
        assert "chest pain that is new or different for you" in words
        assert "pain spreading to your arm, jaw or back" in words
        assert "needs emergency help now. Call 999" in words  # the region's own number
        await _toggle(app, pilot, CHEST)  # unchosen: the reminder goes
        assert not _reminder(app).display
        await _toggle(app, pilot, CHEST)
        assert _reminder(app).display
        await pilot.press("ctrl+s")  # a reminder, not a block
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [saved] = Journal(Database.open(home), fixed_clock).day(NOW.date()).checkins
    assert set(saved.areas) == {"Lower back", CHEST}


async def test_the_reminder_names_the_emergency_number_of_the_region(home: Path) -> None:
    app = _app(home, region="US")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await _toggle(app, pilot, CHEST)
        assert "Call 911" in " ".join(str(_reminder(app).render()).split())
