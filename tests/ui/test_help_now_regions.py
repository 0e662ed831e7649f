"""Help now for regions that differ, and every region offered by name in first run and
Settings, chosen by keyboard alone at 80x24."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Select, Static
from textual.widgets._select import SelectOverlay

from paincoach import safety
from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.screens.first_run import FirstRunScreen
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.settings import SettingsScreen
from paincoach.settings import load_settings, save_settings
from tests.exercise_ui_support import SIZE, make_app, press, type_text
from tests.reliability.screens_support import flat, screen_text
from tests.support import fixed_clock, settle

DIRECTORY = safety.load_directory()


def by_name() -> list[str]:
    """Every region's name, as the lists offer them."""
    return [region.name for region in DIRECTORY.by_name()]


def with_region(home: Path, code: str) -> PaincoachApp:
    """An app whose stored region is `code` (whatever it is)."""
    app = make_app(home)
    db = Database.open(home)
    save_settings(db, load_settings(db).with_changes(region=code))
    db.close()
    return app


async def open_help_now(pilot: Pilot[None]) -> str:
    """F1; the words in view at once inside its frame, wrapped rows joined."""
    await settle(pilot)
    await press(pilot, "f1")
    assert isinstance(pilot.app.screen, HelpNowDialog)
    rows = screen_text(pilot.app).splitlines()  # type: ignore[arg-type]
    return flat("\n".join(row.split("│")[1] for row in rows if row.count("│") >= 2))


def help_shown(app: PaincoachApp) -> str:
    """All of Help now's text, in view or further down."""
    return flat(str(app.screen.query_one("#help-text", Static).render()))


def offered(select: Select[str]) -> list[str]:
    """The names an open Select lists, in order."""
    overlay = select.query_one(SelectOverlay)
    prompts = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
    return [p for p in prompts if p != select.prompt]


# -- Help now ------------------------------------------------------------------------------------


async def test_scotland_shows_breathing_spaces_hours_at_once(home: Path) -> None:
    app = with_region(home, "GB-SCT")
    async with app.run_test(size=SIZE) as pilot:
        shown = await open_help_now(pilot)
        assert "Emergency number (Scotland): 999" in shown
        assert "Breathing Space: 0800 83 85 87" in shown
        assert "Mon–Thu 18:00–02:00, and from Fri 18:00 to Mon 06:00" in shown
        assert "hours may have changed" in shown
        assert "Samaritans: 116 123" in shown and "Shout: text SHOUT to 85258" in shown
        assert shown.index("Breathing Space") < shown.index("Samaritans")


async def test_italy_shows_that_its_line_is_not_open_all_day(home: Path) -> None:
    app = with_region(home, "IT")
    async with app.run_test(size=SIZE) as pilot:
        shown = await open_help_now(pilot)
        assert "Emergency number (Italy): 112" in shown
        assert "Telefono Amico Italia: 02 2327 2327" in shown
        assert "Phone usually 10:00–24:00, not 24/7" in shown
        assert "A normal call (free on unlimited plans)" in shown


async def test_an_unlisted_code_gets_the_fallback_without_112_everywhere(home: Path) -> None:
    app = with_region(home, "KE")  # Kenya: no line the notes could confirm
    async with app.run_test(size=SIZE) as pilot:
        shown = await open_help_now(pilot)
        assert "Emergency number (Another country): your local emergency number" in shown
        assert "112 does not work everywhere: not in mainland China" in shown
        assert "112 works" not in help_shown(app)
        assert "Find A Helpline: findahelpline.com" in shown


async def test_help_now_says_where_each_number_comes_from_and_what_the_date_means(
    home: Path,
) -> None:
    app = with_region(home, "GB-SCT")
    async with app.run_test(size=SIZE) as pilot:
        await open_help_now(pilot)
        text = help_shown(app)
        assert "checked" not in text  # nobody phoned these lines on a date
        for line in DIRECTORY.lines_for("GB-SCT"):
            assert f"{line.name}: {line.source} ({safety.page_date(line)})" in text
        assert "Breathing Space: clarehaughey.scot" in text and "30 March 2020" in text
        assert flat(safety.SOURCE_DATES) in text
        assert "last compared with its sources on 1 December 2026" in text
        # below the lines and the person's own part, reached by scrolling
        assert text.index("Shout:") < text.index("Your people") < text.index("Where these")


# -- choosing a region ---------------------------------------------------------------------------


async def test_first_run_offers_every_region_by_name_and_typing_finds_one(home: Path) -> None:
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        select = app.screen.query_one("#region", Select)
        await press(pilot, "shift+tab", "enter")  # from the button back to the region
        assert select.expanded
        assert offered(select) == by_name() and len(by_name()) >= 45
        await type_text(pilot, "sco")
        await press(pilot, "enter")
        assert select.value == "GB-SCT"
        await press(pilot, "tab", "enter")  # I understand: start
        assert not isinstance(app.screen, FirstRunScreen)
    assert load_settings(Database.open(home)).region == "GB-SCT"


async def test_settings_offers_every_region_by_name_and_typing_finds_one(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        select = screen.query_one("#region", Select)
        assert select.value == "GB"
        await press(pilot, "tab", "tab", "enter")  # theme, week start, region
        assert select.expanded and offered(select) == by_name()
        await type_text(pilot, "new z")
        await press(pilot, "enter")
        assert select.value == "NZ"
        await settle(pilot)
    assert load_settings(Database.open(home)).region == "NZ"


async def test_settings_opens_with_a_stored_region_that_is_no_longer_listed(home: Path) -> None:
    make_app(home)  # a journal with its settings
    conn = sqlite3.connect(home / "paincoach.db")
    conn.execute("UPDATE settings SET value = ? WHERE key = 'region'", ('"XX"',))
    conn.commit()
    conn.close()
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#region", Select).is_blank()
        assert app.unexpected_errors == []
        await press(pilot, "f1")
        assert "Another country" in help_shown(app)
