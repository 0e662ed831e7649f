"""Safety (design §7): Help now one key away everywhere, the low-mood card, and no user
content able to hide or replace the safety screens or the crisis lines.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from paincoach import safety
from paincoach.app import PaincoachApp
from paincoach.db.engine import Database
from paincoach.exercises.loader import load_library
from paincoach.journal.service import Journal
from paincoach.records.concern import Reason, is_low_mood
from paincoach.records.support_card import OPENING
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.offer import OfferDialog
from paincoach.screens.runner import RunnerScreen
from paincoach.screens.support_card import SupportCardDialog
from paincoach.settings import Contact, load_settings, save_settings
from tests.reliability.screens_support import (
    NEEDED,
    PLACES,
    SIZE,
    Place,
    flat,
    go_to,
    make_app,
    prepare,
    screen_text,
    seed,
)
from tests.support import NOW, fixed_clock, seeded_services, settle

REPO = Path(__file__).resolve().parents[2]

GB_LINE = "Samaritans: 116 123"
ANYWHERE_LINE = "Find A Helpline"


def help_shown(app: PaincoachApp) -> str:
    """The text of the open Help now dialog."""
    assert isinstance(app.screen, HelpNowDialog), type(app.screen).__name__
    return str(app.screen.query_one("#help-text", Static).render())


async def press_f1_and_back(pilot: object, app: PaincoachApp, line: str) -> None:
    """F1 opens Help now with `line` in it; Escape returns to the very same screen."""
    before = app.screen
    focused = app.focused
    await pilot.press("f1")  # type: ignore[attr-defined]
    await settle(pilot)
    text = help_shown(app)
    assert safety.IMMEDIATE_DANGER in " ".join(text.split())
    assert line in text
    await pilot.press("escape")  # type: ignore[attr-defined]
    await settle(pilot)
    assert app.screen is before
    assert app.focused is focused
    assert app.unexpected_errors == []


# -- F1 everywhere ------------------------------------------------------------------------------


@pytest.mark.parametrize("place", PLACES, ids=str)
async def test_f1_opens_help_now_from_every_screen(home: Path, place: Place) -> None:
    prepare(home, place.start)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, place)
        if place.screen == "HelpNowDialog":  # F1 again does not stack a second one
            await pilot.press("f1")
            await settle(pilot)
            assert sum(isinstance(s, HelpNowDialog) for s in app.screen_stack) == 1
            return
        await press_f1_and_back(pilot, app, GB_LINE if place.start == "seeded" else ANYWHERE_LINE)


@pytest.mark.parametrize("size", [(10, 3), (40, 12), (59, 19)])
@pytest.mark.parametrize("place", [p for p in PLACES if p.name in ("today", "check-in", "problem")])
async def test_help_now_is_readable_when_the_window_is_too_small(
    home: Path, place: Place, size: tuple[int, int]
) -> None:
    """The too-small notice says "F1: Help now"; F1 must then show the lines, not the notice."""
    prepare(home, place.start)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, place)
        await pilot.resize_terminal(*size)
        await settle(pilot)
        assert NEEDED in flat(screen_text(app))
        await pilot.press("f1")
        await settle(pilot)
        shown = flat(screen_text(app))
        assert isinstance(app.screen, HelpNowDialog)
        assert NEEDED not in shown  # the notice does not cover Help now
        assert shown.startswith("If you")  # its first words, from the top-left corner
        if size >= (30, 8):
            assert "emergency" in shown.lower()
        await pilot.press("down", "down")  # and it scrolls
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == place.screen
        assert NEEDED in flat(screen_text(app))  # back to the notice over the screen


# Help now in the middle of every kind of exercise step (focus kept on the way back) is
# tests/ui/test_exercise_screens.py::test_help_now_works_in_the_middle_of_every_kind_of_step.


# -- the low-mood card ---------------------------------------------------------------------------


def notifications(app: PaincoachApp) -> list[str]:
    """Every notification on show."""
    return [n.message for n in app._notifications]


def card_text(app: PaincoachApp) -> str:
    """Everything the support card after a hard check-in says, on one line."""
    assert isinstance(app.screen, SupportCardDialog), app.screen
    return flat("\n".join(str(w.render()) for w in app.screen.query(Static)))


@pytest.mark.parametrize("mood", [0, 1])
@pytest.mark.parametrize("pain", [3, 9])
async def test_a_very_low_mood_shows_the_gentle_card_and_is_saved(
    home: Path, mood: int, pain: int
) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", str(pain), "tab", str(mood), "ctrl+s")
        await settle(pilot)
        # The support card, whatever the pain: kind words and every line for the region;
        # one key (Escape) closes it, and Help now is a key away from it.
        said = card_text(app)
        assert flat(OPENING[Reason.LOW_MOOD]) in said and "check-in is saved" in said
        assert "Call 999 (United Kingdom)" in said and "Samaritans: 116 123" in said
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
    [saved] = Journal(Database.open(home), fixed_clock).day(NOW.date()).checkins
    assert (saved.pain, saved.mood) == (pain, mood)


@pytest.mark.parametrize("mood", [2, None])
async def test_no_card_for_other_moods(home: Path, mood: int | None) -> None:
    seeded_services(home).close()  # type: ignore[attr-defined]
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = ["c", "4"] + (["tab", str(mood)] if mood is not None else []) + ["ctrl+s"]
        await pilot.press(*keys)
        await settle(pilot)
        assert not [m for m in notifications(app) if safety.LOW_MOOD_CARD in m]
        assert not isinstance(app.screen, OfferDialog | SupportCardDialog)


async def test_editing_a_check_in_down_to_a_very_low_mood_shows_the_card_too(home: Path) -> None:
    seed(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, next(p for p in PLACES if p.name == "edit check-in"))
        await pilot.press("tab", "0", "ctrl+s")
        await settle(pilot)
        assert flat(OPENING[Reason.LOW_MOOD]) in card_text(app)
    moods = [c.mood for c in Journal(Database.open(home), fixed_clock).day(NOW.date()).checkins]
    assert 0 in moods


# -- user content cannot hide or replace the safety screens ------------------------------------

IMPOSTOR = """
id = "{id}"
title = "{title}"
kind = "breathing"
summary = "Call 0800 FAKE LINE [b]now[/b] \\u001b[2J"
minutes = 1

[[steps]]
type = "text"
title = "Help now"
text = "Samaritans are closed. Call 0800 FAKE LINE instead."
"""


def add_impostors(home: Path) -> None:
    """The person's own exercises dressed up as the safety screens."""
    folder = home / "exercises"
    folder.mkdir(parents=True, exist_ok=True)
    for name, exercise_id, title in [
        ("help.toml", "help-now", "Help now"),
        ("crisis.toml", "crisis-lines", "Crisis lines [b]for GB[/b]"),
        ("slow.toml", "breathing-slow", "Slow breathing (mine)"),
    ]:
        (folder / name).write_text(IMPOSTOR.format(id=exercise_id, title=title))
    # Lists with the crisis-line file's name, where a careless loader might look.
    fake_lines = '[[lines]]\nregion = "GB"\nname = "Fake"\nnumber = "0800 FAKE LINE"\n'
    (folder / "crisis_lines.toml").write_text(fake_lines)
    (home / "crisis_lines.toml").write_text(fake_lines)


def assert_real_lines(text: str) -> None:
    """Help now shows the bundled lines, and nothing from the impostors."""
    assert GB_LINE in text and "999" in text
    assert "FAKE" not in text and "closed" not in text


async def test_user_exercises_cannot_replace_help_now(home: Path) -> None:
    seed(home)
    add_impostors(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert_real_lines(help_shown(app))
        await pilot.press("escape", "ctrl+p")
        await settle(pilot)
        await pilot.press(*"Help now")
        await settle(pilot)
        await pilot.press("enter")  # the best match for "Help now" is Help now itself
        await settle(pilot)
        assert_real_lines(help_shown(app))
        assert app.unexpected_errors == []


async def test_slow_breathing_from_help_now_is_always_the_bundled_one(home: Path) -> None:
    """A person's own `breathing-slow` replaces it in the library, but not in Help now."""
    seed(home)
    add_impostors(home)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.origin == "bundled"
        assert "FAKE" not in flat(screen_text(app))
    assert load_library(home).get("breathing-slow").origin == "user"  # type: ignore[union-attr]


async def test_the_persons_own_text_in_help_now_is_shown_as_text_after_the_lines(
    home: Path,
) -> None:
    seed(home)
    db = Database.open(home)
    hostile = [
        Contact("[b]Sam[/b] \x1b[2J", "[@click=app.quit]0700[/]", "\x07 note [/]"),
        *(Contact(f"Friend {n}", f"0700 000 {n:03d}", "x" * 60) for n in range(11)),
    ]
    save_settings(db, load_settings(db).with_changes(contacts=tuple(hostile)))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        text = help_shown(app)
        assert text.index(GB_LINE) < text.index("Your people") < text.index("Friend 10")
        assert "[b]Sam[/b] ␛[2J" in text and "[@click=app.quit]0700[/]" in text
        assert "\x1b" not in text and "\x07" not in text
        shown = flat(screen_text(app))
        assert safety.IMMEDIATE_DANGER.split(",")[0] in shown  # the top is on screen
        await pilot.click("#help-text", offset=(20, 1))  # clicking user text runs nothing
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, HelpNowDialog)


@pytest.mark.parametrize("stored", ['"XX"', "123", '{"code": "GB"}', "not json"])
async def test_a_strange_stored_region_still_gives_lines(home: Path, stored: str) -> None:
    seed(home)
    conn = sqlite3.connect(home / "paincoach.db")
    conn.execute("UPDATE settings SET value = ? WHERE key = 'region'", (stored,))
    conn.commit()
    conn.close()
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert ANYWHERE_LINE in help_shown(app)


def test_crisis_lines_come_only_from_the_bundled_file(home: Path) -> None:
    """Files in the data folder or the current folder are never read for crisis lines."""
    add_impostors(home)
    directory = safety.load_directory()
    assert all("FAKE" not in line.number for line in directory.lines)
    assert safety.crisis_lines_path().read_bytes().count(b"[[lines]]") == len(directory.lines)


def test_the_12_month_rule_for_crisis_lines_is_a_step_of_ci() -> None:
    """CI runs `.ci/crisis-lines-age` on the real date: it fails a year after the list was
    last compared with its sources (the file's one date), and on a date after today."""
    import subprocess
    import sys

    step = REPO / ".ci" / "crisis-lines-age"
    assert "crisis-lines-age" in (REPO / ".ci" / "run").read_text()
    compared = safety.load_directory().compared
    for fresh_day in (compared, compared + timedelta(days=365)):
        fresh = subprocess.run([sys.executable, str(step), f"{fresh_day}"], capture_output=True)
        assert fresh.returncode == 0, fresh.stdout
    late = subprocess.run(
        [sys.executable, str(step), f"{compared + timedelta(days=366)}"],
        capture_output=True,
        text=True,
    )
    assert late.returncode == 1
    assert "compared with their sources again" in late.stdout
    typo = subprocess.run(
        [sys.executable, str(step), f"{compared - timedelta(days=1)}"],
        capture_output=True,
        text=True,
    )
    assert typo.returncode == 1 and "a typo?" in typo.stdout


def test_the_low_mood_rule() -> None:
    assert [m for m in range(11) if is_low_mood(m)] == [0, 1]
    assert not is_low_mood(None)
