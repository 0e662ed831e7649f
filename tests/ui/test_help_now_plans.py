"""Help now names the person's own flare-up plan first, with its key; the lines stay in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Static

from paincoach.app import create_app
from paincoach.safety import load_directory
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.runner import RunnerScreen
from paincoach.settings import load_settings, save_settings
from tests.exercise_ui_support import SIZE, make_app, press
from tests.practice_support import FLARE, made_result, open_practice
from tests.reliability.screens_support import flat, screen_text
from tests.support import fixed_clock, settle

LINES = (
    "Emergency number (United Kingdom): 999",
    "Samaritans: 116 123",
    "Shout: text SHOUT to 85258",
)


def own_plans(app: object) -> str:
    widget = app.screen.query_one("#own-plans", Static)  # type: ignore[attr-defined]
    return str(widget.render())


def dialog_text(app: object) -> str:
    """The words inside Help now's frame, wrapped lines joined (the screen behind left out)."""
    rows = screen_text(app).splitlines()  # type: ignore[arg-type]
    inside = [row.split("│")[1] for row in rows if row.count("│") >= 2]
    return flat("\n".join(inside))


def save_flare_plan(home: Path) -> None:
    practice = open_practice(home)
    practice.save_session(made_result("flare_plan", dict(FLARE)))
    practice.db.close()


async def test_the_flare_up_plan_is_named_first_and_p_shows_it(home: Path) -> None:
    app = make_app(home)
    save_flare_plan(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpNowDialog)
        assert own_plans(app) == "Your flare-up plan: press p to read it."
        rows = screen_text(app).splitlines()
        first = next(i for i, row in enumerate(rows) if "Your flare-up plan" in row)
        assert first <= 2  # right under the title
        shown = dialog_text(app)
        assert all(line in shown for line in LINES)  # the lines stay in view at 80x24
        assert "Heat pack" not in shown  # the plan itself is further down
        await press(pilot, "p")
        shown = dialog_text(app)
        assert "Heat pack" in shown and "Who I tell: Text Sam" in shown
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.scroll_y > 0 and app.screen.query_one("#flare-plan").display


async def test_without_a_plan_one_line_says_how_and_p_starts_writing_it(home: Path) -> None:
    (home / "exercises").mkdir(parents=True)
    (home / "exercises" / "flare.toml").write_text(  # the person's own file of that id
        'id = "flare-plan"\ntitle = "Mine"\nkind = "flare_plan"\nsummary = "Mine."\n'
        'minutes = 1\n\n[[steps]]\ntype = "text"\ntext = "Mine."\n'
    )
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert own_plans(app) == "No flare-up plan yet: press p to write one (about 10 minutes)."
        shown = dialog_text(app)
        assert all(line in shown for line in LINES)
        await press(pilot, "p")
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.title == "My flare-up plan"  # paincoach's own, as for b


async def test_a_plan_that_cannot_be_read_leaves_the_lines_alone(home: Path) -> None:
    home.mkdir(parents=True)
    (home / "paincoach.db").write_bytes(b"this is my shopping list, not a database\n" * 10)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpNowDialog)
        assert own_plans(app) == "Your flare-up plan could not be read just now."
        await press(pilot, "p")  # nothing to open, nothing to start
        assert isinstance(app.screen, HelpNowDialog)
        assert "If you or someone else is in immediate danger" in dialog_text(app)


@pytest.mark.parametrize("code", [region.code for region in load_directory().regions])
async def test_every_regions_lines_show_at_80x24_under_the_plan_line(home: Path, code: str) -> None:
    directory = load_directory()
    app = make_app(home)
    practice = open_practice(home)
    save_settings(practice.db, load_settings(practice.db).with_changes(region=code))
    practice.save_session(made_result("flare_plan", dict(FLARE)))
    practice.db.close()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f1")
        shown = dialog_text(app)
        assert "Your flare-up plan: press p to read it." in shown
        region = directory.region(code)
        assert f"Emergency number ({region.name}): {region.emergency}" in shown
        for line in directory.lines_for(code):
            assert f"{line.name}: {line.number}" in shown, (code, line.name)
