"""A dose logged by mistake, put right in the app by keyboard alone: on Today and in History's
day view, d deletes the dose under the cursor (asked first, as for entries) and Enter or e
opens it in the dose dialog to correct it. Frozen clock (tests/support.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from paincoach.app import PaincoachApp
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.journal.treatments import Treatments
from paincoach.records.entries import CheckInDraft
from paincoach.records.treatments import Dose
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.day import DayScreen
from paincoach.screens.dose_dialog import DoseDialog
from paincoach.screens.today import TodayScreen
from paincoach.widgets.dose_table import DoseTable
from paincoach.widgets.entry_table import EntryTable
from paincoach.widgets.quick_pick import QuickPick
from tests.exercise_ui_support import SIZE, make_app, press
from tests.support import NOW, settle, wait_for


def treatments(home: Path, at: datetime = NOW) -> Treatments:
    return Treatments(Database.open(home), lambda: at)


def took(home: Path, name: str, **given: object) -> Dose:
    """A dose kept, and marked asked about (so the rating question does not come)."""
    service = treatments(home)
    dose = service.took(name, **given)  # type: ignore[arg-type]
    service.mark_asked(dose.uid)
    return dose


def doses_today(home: Path) -> list[Dose]:
    return treatments(home).doses_on(NOW.date())


def messages(app: PaincoachApp) -> list[str]:
    return [n.message for n in app._notifications]


def shown(screen: object) -> list[str]:
    table = screen.query_one(DoseTable)  # type: ignore[attr-defined]
    return table.lines() if table.display else []


async def test_d_on_today_deletes_the_dose_under_the_cursor_after_asking(home: Path) -> None:
    took(home, "heat pack", at=NOW - timedelta(hours=2))
    took(home, "ibuprofen", dose="4000 mg", at=NOW - timedelta(minutes=5), note="typo")
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert shown(today) == ["07:30 heat pack", "09:25 ibuprofen (4000 mg) note: typo"]
        today.query_one(DoseTable).focus()
        await press(pilot, "down", "d")
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        said = " ".join(str(w.render()) for w in confirm.query(Static))
        assert "Delete this dose?" in said and "ibuprofen (4000 mg)" in said and "typo" in said
        await press(pilot, "escape")  # changed my mind
        assert len(doses_today(home)) == 2
        await press(pilot, "d", "y")
        await wait_for(pilot, lambda: shown(today) == ["07:30 heat pack"], "one dose left")
        assert "Dose deleted." in messages(app)
    assert [d.name for d in doses_today(home)] == ["heat pack"]


async def test_with_only_doses_today_enter_and_d_act_on_the_doses(home: Path) -> None:
    took(home, "paracetamol", dose="1 g", at=NOW - timedelta(hours=1))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "enter")  # no table focused: the doses, the only rows
        dialog = app.screen
        assert isinstance(dialog, DoseDialog) and dialog.existing is not None
        await press(pilot, "escape")
        await settle(pilot)
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmDialog)


async def test_enter_on_a_dose_corrects_it_in_the_dose_dialog(home: Path) -> None:
    took(home, "ibuprofen", dose="4000 mg", at=NOW - timedelta(hours=1))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        today.query_one(DoseTable).focus()
        await press(pilot, "enter")
        dialog = app.screen
        assert isinstance(dialog, DoseDialog)
        assert dialog.query_one("#dose-name", Input).value == "ibuprofen"
        assert dialog.query_one("#dose-when", Input).value == "2026-11-27 08:30"
        assert not dialog.query_one(QuickPick).display  # correcting: the form alone
        dialog.query_one("#dose-text", Input).value = "400 mg"
        dialog.query_one("#dose-side-effects", Input).value = "none"
        await press(pilot, "ctrl+s")
        await wait_for(
            pilot, lambda: shown(today) == ["08:30 ibuprofen (400 mg) side effects: none"], "fixed"
        )
        assert "Changes saved." in messages(app)
    [dose] = doses_today(home)
    assert (dose.dose, dose.side_effects, dose.at) == ("400 mg", "none", NOW - timedelta(hours=1))


async def test_the_day_view_deletes_and_corrects_a_dose_beside_the_entries(home: Path) -> None:
    day = NOW.date() - timedelta(days=1)
    Journal(Database.open(home), lambda: NOW).add_checkin(
        CheckInDraft(NOW - timedelta(days=1), 5, note="kept")
    )
    took(home, "heat pack", at=NOW - timedelta(days=1, hours=2))
    took(home, "ibuprofen", dose="400 mg", at=NOW - timedelta(days=1, hours=1))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(DayScreen(day))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DayScreen)
        assert app.focused is screen.query_one(EntryTable)
        await press(pilot, "tab")
        assert app.focused is screen.query_one(DoseTable)
        detail = str(screen.query_one("#day-detail-text", Static).render())
        assert "heat pack" in detail
        await press(pilot, "d", "y")
        await wait_for(pilot, lambda: shown(screen) == ["08:30 ibuprofen (400 mg)"], "deleted")
        await press(pilot, "e")
        dialog = app.screen
        assert isinstance(dialog, DoseDialog)
        dialog.query_one("#dose-when", Input).value = "yesterday 08:00"
        await press(pilot, "ctrl+s")
        await wait_for(pilot, lambda: shown(screen) == ["08:00 ibuprofen (400 mg)"], "moved")
        assert screen.query_one(EntryTable).row_count == 1  # the check-in is untouched
    assert [d.at.hour for d in treatments(home).doses_on(day)] == [8]


async def test_history_counts_a_days_doses_and_its_search_finds_a_dose(home: Path) -> None:
    took(home, "heat pack", at=NOW - timedelta(days=2, hours=3))
    took(home, "ibuprofen", dose="400 mg", at=NOW - timedelta(days=2), note="before physio")
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "h")
        await settle(pilot)
        days = app.screen.query_one("#days", DataTable)
        row = [cell.plain for cell in days.get_row_at(0)]
        assert row == ["Wed 25 Nov 2026", "0", "–", "–", "–", "–", "2"]
        await press(pilot, "slash", *"physio", "enter")
        await settle(pilot)
        results = app.screen.query_one("#results", EntryTable)
        assert results.display and results.row_count == 1
        assert "Dose  ibuprofen (400 mg)" in " ".join(c.plain for c in results.get_row_at(0))
        await press(pilot, "enter")  # opens the day, on that dose
        await settle(pilot)
        day = app.screen
        assert isinstance(day, DayScreen) and day.day == NOW.date() - timedelta(days=2)
        await wait_for(pilot, lambda: app.focused is day.query_one(DoseTable), "on the dose")
        assert day.query_one(DoseTable).selected.note == "before physio"  # type: ignore[union-attr]
        assert "before physio" in str(day.query_one("#day-detail-text", Static).render())


async def test_a_regular_treatment_started_is_two_keys_away_before_its_first_dose(
    home: Path,
) -> None:
    treatments(home).start("amitriptyline", dose="10 mg", how_often="at night")
    took(home, "heat pack", at=NOW - timedelta(days=1))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "m")
        dialog = app.screen
        assert isinstance(dialog, DoseDialog)
        quick = dialog.query_one(QuickPick)
        await wait_for(pilot, lambda: quick.count == 2, "the numbered names")
        assert " ".join(str(quick.render()).split()) == "1 heat pack 2 amitriptyline (10 mg)"
        await press(pilot, "2")
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen), "logged")
        assert "Saved: amitriptyline (10 mg) at 09:30." in messages(app)
    [dose] = doses_today(home)
    assert (dose.name, dose.dose) == ("amitriptyline", "10 mg")


async def test_the_rating_question_says_a_number_or_not_now_not_needed(home: Path) -> None:
    from paincoach.screens.dose_rating import RateDoseDialog
    from paincoach.widgets.rating import RatingInput

    treatments(home).took("ibuprofen", at=NOW - timedelta(hours=2))  # due: not asked yet
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RateDoseDialog), "the question")
        label = str(app.screen.query_one(RatingInput).render()).splitlines()[0]
        assert "(a number, or Not now)" in label and "needed" not in label
        await press(pilot, "ctrl+s")  # no number yet: said plainly, not refused harshly
        problem = app.screen.query_one("#rate-problem", Static)
        assert "or press Escape for not now" in str(problem.render())


async def test_a_day_of_doses_only_puts_the_keys_on_the_doses(home: Path) -> None:
    took(home, "paracetamol", at=NOW - timedelta(days=2), note="at lunch")
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(DayScreen(NOW.date() - timedelta(days=2)))
        await settle(pilot)
        day = app.screen
        await wait_for(pilot, lambda: app.focused is day.query_one(DoseTable), "on the doses")
        assert "at lunch" in str(day.query_one("#day-detail-text", Static).render())
        assert not day.query_one(EntryTable).display  # no empty header of entries
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "y")
        await wait_for(pilot, lambda: not day.query_one(DoseTable).display, "deleted")
    assert treatments(home).doses_on(NOW.date() - timedelta(days=2)) == []


async def test_todays_doses_are_drawn_every_time_the_app_opens(home: Path) -> None:
    """The doses table follows its rows' height: Textual now and then lost the layout asked
    for once its rows were measured, leaving it 0 rows tall (in about 3 openings of 10
    before the fix), so the doses were there but not shown."""
    took(home, "paracetamol", dose="1 g", at=NOW - timedelta(hours=3))
    took(home, "heat pack", at=NOW - timedelta(minutes=20))
    for _ in range(10):
        assert await doses_height_on_opening(home) == 2


async def doses_height_on_opening(home: Path) -> int:
    """How many rows tall Today's doses table is, once loaded and laid out."""
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DoseTable)
        await wait_for(pilot, lambda: table.row_count == 2, "the doses loaded")
        for _ in range(5):  # the table has had time to be laid out for its rows
            await pilot.pause()
        return table.size.height if table.display else 0
