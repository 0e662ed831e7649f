"""Settings by keyboard alone: focus on arrival, On/Off in words, themes by plain names."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from paincoach.app import PaincoachApp
from paincoach.db.engine import Database
from paincoach.screens.settings import SettingsScreen
from paincoach.screens.theme_names import theme_choices, theme_name
from paincoach.settings import Contact, load_settings
from tests.exercise_ui_support import SIZE, make_app, press, type_text
from tests.reliability.screens_support import screen_text
from tests.support import settle


async def open_settings(pilot: Pilot[None]) -> SettingsScreen:
    """Today, then `s`."""
    await settle(pilot)
    await press(pilot, "s")
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


def row(app: PaincoachApp, label: str) -> str:
    """The screen's line that starts with `label`, as a person sees it."""
    [line] = [line for line in screen_text(app).splitlines() if line.strip().startswith(label)]
    return " ".join(line.split())


def footer_actions(app: PaincoachApp) -> set[str]:
    """The actions the footer offers right now."""
    return {active.binding.action for active in app.screen.active_bindings.values()}


async def test_focus_starts_on_the_first_setting_and_switches_say_on_or_off(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await open_settings(pilot)
        assert app.focused is not None and app.focused.id == "theme"
        assert row(app, "Theme").startswith("Theme Dark ")
        assert row(app, "Reduced motion").startswith("Reduced motion Off ")
        assert row(app, "Sound").startswith("Sound On ")
        await press(pilot, "tab", "tab", "tab", "space")
        assert row(app, "Reduced motion").startswith("Reduced motion On ")


async def test_every_setting_changes_and_is_saved_with_the_keyboard_alone(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        first_region = load_settings(Database.open(home)).region
        await press(pilot, "enter", "down", "enter")  # theme: Dark -> Light
        assert app.theme == "textual-light"
        await press(pilot, "tab", "enter", "down", "enter")  # the week starts on Tuesday
        await press(pilot, "tab", "enter", "down", "enter")  # the next region in the list
        await press(pilot, "tab", "space")  # reduced motion on
        await press(pilot, "tab", "space")  # sound off
        await press(pilot, "tab", "enter", *["down"] * 19, "enter")  # remind after 18:00
        assert row(app, "Remind after").startswith("Remind after 18:00")
        await press(pilot, "tab")
        assert app.focused is screen.query_one("#contact-name", Input)
        assert "remove_contact" not in footer_actions(app)
        for name, phone in (("Sam", "0700"), ("Jo", "")):
            await type_text(pilot, name)
            await press(pilot, "tab")
            await type_text(pilot, phone)
            await press(pilot, "enter")  # adds the contact; focus goes back to Name
        await press(pilot, "shift+tab")
        table = screen.query_one("#contacts", DataTable)
        assert app.focused is table and table.row_count == 2
        assert "remove_contact" in footer_actions(app)
        await press(pilot, "down", "delete")  # Jo goes
        assert table.row_count == 1
        await settle(pilot)
    stored = load_settings(Database.open(home))
    assert stored.theme == "textual-light" and stored.week_start == 1
    assert stored.region and stored.region != first_region
    assert stored.reduced_motion is True and stored.sound is False
    assert stored.remind_after == 18
    assert stored.contacts == (Contact("Sam", "0700", ""),)


def test_themes_have_plain_names_and_keep_their_ids() -> None:
    choices = theme_choices({"nord": True, "textual-light": False, "textual-dark": True})
    assert choices == [
        ("Dark", "textual-dark"),
        ("Light", "textual-light"),
        ("Dark, cool blue-grey (Nord)", "nord"),
    ]
    assert theme_name("my-own_theme", dark=False) == "Light (My own theme)"
    assert all(not name[0].islower() for name, _ in theme_choices(["gruvbox", "x"]))
