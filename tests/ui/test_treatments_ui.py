"""Treatments in the app (issue 16), by keyboard alone: a dose two keys from Today, the dose
form, the rating question asked once when the app opens 1-4 hours later, the no-advice line
said once, the Treatments screen (start and stop), and History's day listing the doses."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from paincoach.records.treatments import NO_ADVICE, Dose
from paincoach.screens.day import DayScreen
from paincoach.screens.dose_dialog import DoseDialog
from paincoach.screens.dose_rating import RateDoseDialog
from paincoach.screens.first_run import FirstRunScreen
from paincoach.screens.today import TodayScreen
from paincoach.screens.treatment_forms import StartTreatmentDialog, StopTreatmentDialog
from paincoach.screens.treatments import TreatmentsScreen
from paincoach.widgets.dose_table import DoseTable
from paincoach.widgets.pick_list import PickList
from tests.exercise_ui_support import SIZE, make_app, press, type_text
from tests.support import NOW, seeded_services, settle, wait_for


def treatments(home: Path, at: datetime = NOW) -> Treatments:
    return Treatments(Database.open(home), lambda: at)


def doses_today(home: Path) -> list[Dose]:
    return treatments(home).doses_on(NOW.date())


def text_of(screen: object, selector: str) -> str:
    widget = screen.query_one(selector)  # type: ignore[attr-defined]
    if not widget.display:
        return ""
    if isinstance(widget, DoseTable):
        return " / ".join(widget.lines())
    assert isinstance(widget, Static)
    return " ".join(str(widget.render()).split())


def messages(app: PaincoachApp) -> list[str]:
    return [n.message for n in app._notifications]


def app_at(home: Path, moment: datetime) -> PaincoachApp:
    """The app on `home` (first-run notice acknowledged) with the clock at `moment`."""
    seeded_services(home).close()  # type: ignore[attr-defined]
    return create_app(home, clock=lambda: moment)


async def open_dialog(pilot: object, app: PaincoachApp) -> DoseDialog:
    await settle(pilot)
    assert isinstance(app.screen, TodayScreen)
    await press(pilot, "m")  # type: ignore[arg-type]
    dialog = app.screen
    assert isinstance(dialog, DoseDialog)
    return dialog


async def test_m_then_a_digit_logs_a_frequent_name_with_its_usual_dose(home: Path) -> None:
    earlier = treatments(home, NOW - timedelta(days=1))
    earlier.took("ibuprofen", dose="200 mg", at=NOW - timedelta(days=3))
    earlier.took("ibuprofen", dose="400 mg", at=NOW - timedelta(days=2))
    earlier.took("heat pack", at=NOW - timedelta(days=1))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        assert text_of(dialog, "#dose-quick") == "1 ibuprofen (400 mg) 2 heat pack"
        await press(pilot, "1")
        assert isinstance(app.screen, TodayScreen)
        assert "Saved: ibuprofen (400 mg) at 09:30." in messages(app)
        assert text_of(app.screen, "#today-doses") == "09:30 ibuprofen (400 mg)"
    [dose] = doses_today(home)
    assert (dose.name, dose.dose, dose.at) == ("ibuprofen", "400 mg", NOW)


async def test_a_day_with_only_doses_is_not_called_empty_on_today(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#today-empty").startswith("Nothing logged yet today.")
        await open_dialog(pilot, app)
        await type_text(pilot, "heat pack")
        await press(pilot, "ctrl+s")
        today = app.screen
        assert isinstance(today, TodayScreen)
        await wait_for(
            pilot, lambda: text_of(today, "#today-doses") == "09:30 heat pack", "the dose on Today"
        )
        said = text_of(today, "#today-empty")
        assert said.startswith("No check-ins or activities yet today. Press c"), said


async def test_the_form_logs_a_dose_with_how_much_it_helped(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        assert not dialog.query_one("#dose-quick").display  # no frequent names yet
        await type_text(pilot, "paracetamol")
        await press(pilot, "enter")
        await type_text(pilot, "1 g")
        await press(pilot, "enter")  # on to When
        dialog.query_one("#dose-when").value = "today 08:15"  # type: ignore[attr-defined]
        await press(pilot, "tab", "6", "ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        assert text_of(app.screen, "#today-doses") == "08:15 paracetamol (1 g) · helped 6/10"
    [dose] = doses_today(home)
    assert (dose.name, dose.dose, dose.relief) == ("paracetamol", "1 g", 6)
    assert dose.at == NOW.replace(hour=8, minute=15)


async def test_bad_input_is_explained_in_the_dialog_and_nothing_typed_is_lost(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        await press(pilot, "tab")  # leave the name empty, go to the dose
        await type_text(pilot, "2 tablets")
        await press(pilot, "ctrl+s")
        assert app.screen is dialog
        assert "Please name the treatment" in text_of(dialog, "#form-error")
        assert dialog.query_one("#dose-text").value == "2 tablets"  # type: ignore[attr-defined]
        assert app.focused is dialog.query_one("#dose-name")
        await type_text(pilot, "co-codamol")
        dialog.query_one("#dose-when").value = "tomorrow"  # type: ignore[attr-defined]
        await press(pilot, "ctrl+s")
        assert app.screen is dialog and "not understood" in text_of(dialog, "#form-error")
    assert doses_today(home) == []


async def test_the_no_advice_line_is_said_once_with_the_first_dose(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot, app)
        await type_text(pilot, "heat pack")
        await press(pilot, "ctrl+s")
        assert messages(app).count(NO_ADVICE) == 1
        await open_dialog(pilot, app)
        await press(pilot, "1")  # heat pack again, from the frequent names
        assert len(doses_today(home)) == 2
        assert messages(app).count(NO_ADVICE) == 1
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot, app)
        await press(pilot, "1")
        assert NO_ADVICE not in messages(app)


async def test_two_hours_later_the_app_asks_once_how_much_it_helped(home: Path) -> None:
    app = app_at(home, NOW)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot, app)
        await type_text(pilot, "ibuprofen")
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, RateDoseDialog)  # too soon to ask
    later = app_at(home, NOW + timedelta(hours=2))
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: isinstance(later.screen, RateDoseDialog), "the question")
        dialog = later.screen
        assert text_of(dialog, ".dialog-title") == "How much did ibuprofen help? (0-10)"
        await press(pilot, "7", "tab")
        await type_text(pilot, "a bit sleepy")
        await press(pilot, "enter")
        assert isinstance(later.screen, TodayScreen)
        assert "Thank you: ibuprofen helped 7/10." in messages(later)
        assert "helped 7/10" in text_of(later.screen, "#today-doses")
    [dose] = doses_today(home)
    assert (dose.relief, dose.side_effects, dose.asked) == (7, "a bit sleepy", True)
    again = app_at(home, NOW + timedelta(hours=3))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, TodayScreen)


async def test_not_now_is_remembered_and_the_question_never_comes_back(home: Path) -> None:
    treatments(home).took("paracetamol", dose="1 g")
    later = app_at(home, NOW + timedelta(hours=1, minutes=30))
    async with later.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: isinstance(later.screen, RateDoseDialog), "the question")
        await press(pilot, "escape")
        assert isinstance(later.screen, TodayScreen)
    [dose] = doses_today(home)
    assert dose.asked and dose.relief is None
    again = app_at(home, NOW + timedelta(hours=2))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, TodayScreen)


async def test_the_question_waits_for_the_first_run_notice(tmp_path: Path) -> None:
    home = tmp_path / "journal"
    treatments(home).took("paracetamol", dose="1 g")
    app = create_app(home, clock=lambda: NOW + timedelta(hours=2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        assert not any(isinstance(s, RateDoseDialog) for s in app.screen_stack)
        await press(pilot, "enter")  # "I understand: start"
        await wait_for(pilot, lambda: isinstance(app.screen, RateDoseDialog), "the question")


async def test_start_and_stop_a_regular_treatment(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+t")
        screen = app.screen
        assert isinstance(screen, TreatmentsScreen)
        assert "No regular treatments yet" in text_of(screen, "#treatments-status")
        await press(pilot, "n")
        assert isinstance(app.screen, StartTreatmentDialog)
        await type_text(pilot, "amitriptyline")
        await press(pilot, "enter", "enter")  # the name, then "A medicine"
        await type_text(pilot, "10 mg")
        await press(pilot, "tab")
        await type_text(pilot, "at night")
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        table = screen.query_one("#treatments-list", DataTable)
        assert [str(c) for c in table.get_row_at(0)] == [
            "amitriptyline",
            "10 mg",
            "at night",
            "27 Nov 2026",
            "in use",
        ]
        await press(pilot, "x")
        assert isinstance(app.screen, StopTreatmentDialog)
        await press(pilot, "down", "enter")  # side effects, then on to the note
        await type_text(pilot, "too drowsy")
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        assert str(table.get_row_at(0)[4]) == "side effects"
        assert "stopped: side effects." in text_of(screen, "#treatments-details")
        await press(pilot, "escape")
        assert isinstance(app.screen, TodayScreen)
    [stopped] = treatments(home).regular(active_only=False)
    assert (stopped.name, stopped.kind, stopped.dose, stopped.how_often) == (
        "amitriptyline",
        "medicine",
        "10 mg",
        "at night",
    )
    assert (stopped.stop, stopped.stop_why, stopped.stop_note) == (
        NOW.date(),
        "side_effects",
        "too drowsy",
    )


async def test_another_kind_of_treatment_is_picked_by_keyboard_and_stays_picked(
    home: Path,
) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+t", "n")
        dialog = app.screen
        assert isinstance(dialog, StartTreatmentDialog)
        await type_text(pilot, "TENS machine")
        await press(pilot, "tab")
        kind = dialog.query_one("#start-kind", PickList)
        await press(pilot, "space")  # on "A medicine", already picked: it stays so
        assert kind.picked == ["A medicine"]
        await press(pilot, "down", "space", "space")  # a second Space leaves it picked
        assert kind.picked == ["Another treatment"]
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, TreatmentsScreen)
    [started] = treatments(home).regular()
    assert (started.name, started.kind) == ("TENS machine", "other")


async def test_the_treatments_screen_opens_from_the_dose_dialog(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, app)
        await type_text(pilot, "heat")
        await press(pilot, "ctrl+t")
        assert isinstance(app.screen, TreatmentsScreen)
        await press(pilot, "escape")
        assert app.screen is dialog
        assert dialog.query_one("#dose-name").value == "heat"  # type: ignore[attr-defined]


async def test_historys_day_lists_the_doses(home: Path) -> None:
    took = treatments(home)
    took.took("ibuprofen", dose="400 mg", at=NOW - timedelta(hours=3), relief=5)
    took.took("heat pack", at=NOW - timedelta(minutes=10), note="on the lower back")
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(DayScreen(NOW.date()))
        await settle(pilot)
        assert text_of(app.screen, "#day-doses-title") == "Taken"
        shown = text_of(app.screen, "#day-doses")
        assert shown == (
            "06:30 ibuprofen (400 mg) · helped 5/10 / 09:20 heat pack note: on the lower back"
        )
        assert "no check-ins or activities" in text_of(app.screen, "#day-title")
