"""The support card in the app: after the save, kind words and people, until closed."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Static, TextArea

from paincoach.app import PaincoachApp
from paincoach.records.concern import Reason
from paincoach.records.support_card import FORTNIGHT, NOBODY_READS, OPENING
from paincoach.safety import load_directory
from paincoach.screens.activity import ActivityDialog
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.runner import RunnerScreen
from paincoach.screens.support_card import SupportCardDialog
from paincoach.screens.today import TodayScreen
from paincoach.settings import Contact, load_settings, save_settings
from tests.exercise_ui_support import FakeClock, open_runner, press, tab_to, type_text
from tests.support import settle, store_safety_plan
from tests.ui.test_app_flows import SIZE, journal, make_app

WORDS = "Bad flare. I don't want to be here anymore."


def card_text(app: PaincoachApp) -> str:
    """Everything the card says, on one line."""
    assert isinstance(app.screen, SupportCardDialog), app.screen
    words = [str(w.render()) for w in app.screen.query(Static)]
    words += [str(b.label) for b in app.screen.query(Button)]
    return " ".join(" ".join(words).split())


def flat(text: str) -> str:
    return " ".join(text.split())


async def check_in(app: PaincoachApp, pilot: object, pain: str, mood: str, note: str) -> None:
    await pilot.press("c", pain, "tab", mood)  # type: ignore[attr-defined]
    app.screen.query_one("#note", TextArea).text = note
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    await settle(pilot)


async def test_a_note_with_words_of_distress_shows_the_card_after_saving(home: Path) -> None:
    app = make_app(home)
    db = journal(home).db
    save_settings(db, load_settings(db).with_changes(contacts=(Contact("Sam", "07700 900123"),)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await check_in(app, pilot, "5", "5", WORDS)
        said = card_text(app)
        assert flat(OPENING[Reason.WORDS]) in said and "check-in is saved" in said
        assert "Call 999 (United Kingdom)" in said
        for line in load_directory().lines_for("GB"):
            assert f"{line.name}: {line.number}" in said
        assert "Sam  07700 900123" in said or "Sam 07700 900123" in said
        assert flat(NOBODY_READS) in said and "Back to paincoach" in said
        # saved first, as usual
        [saved] = journal(home).day(journal(home).today()).checkins
        assert saved.note == WORDS
        # it stays until closed: other keys do nothing to it
        await pilot.press("c", "a", "x", "down", "down")
        await settle(pilot)
        assert isinstance(app.screen, SupportCardDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_help_now_works_over_the_card_and_enter_goes_back(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await check_in(app, pilot, "4", "6", "i want to kill myself")
        card = app.screen
        assert isinstance(card, SupportCardDialog)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is card  # the card is still there beneath Help now
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")  # "Back to paincoach" has the focus
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)


async def test_a_pain_idiom_shows_nothing(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await check_in(app, pilot, "5", "5", "This pain is killing me. I'd kill for a coffee.")
        assert isinstance(app.screen, TodayScreen)
        assert "Check-in saved." in [n.message for n in app._notifications]
        await check_in(app, pilot, "5", "5", "This pain is killing me. I want to die.")
        assert isinstance(app.screen, SupportCardDialog)


async def test_a_very_low_mood_shows_the_card_whatever_the_pain(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await check_in(app, pilot, "3", "1", "")
        said = card_text(app)
        assert flat(OPENING[Reason.LOW_MOOD]) in said and "Call 999" in said
        assert flat(FORTNIGHT) not in said
        await pilot.press("b")  # slow breathing, when the person is ready
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "breathing-slow"


async def test_an_activity_note_shows_the_card(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDialog)
        await type_text(pilot, "walk")
        await pilot.press("tab", "2", "0")
        app.screen.query_one("#note", TextArea).text = "I keep thinking about suicide"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "activity is saved" in card_text(app)


async def test_a_thought_record_with_hopeless_at_90_shows_the_card(home: Path) -> None:
    from paincoach.widgets.percent import PercentInput

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "thought-record", FakeClock())
        await press(pilot, "enter", "enter")
        await type_text(pilot, "Another sleepless night")
        await press(pilot, "ctrl+n")
        await pilot.press(*["down"] * 5, "space")  # Hopeless, the sixth emotion
        await tab_to(pilot, PercentInput)
        await pilot.press("9", "0")
        await press(pilot, "ctrl+n")
        assert screen.run.answers["emotions"] == {"Hopeless": 90}
        await press(pilot, "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "y")
        said = card_text(app)
        assert flat(OPENING[Reason.DESPAIR]) in said and "exercise is saved" in said
        await press(pilot, "escape")
        assert isinstance(app.screen, TodayScreen)


async def test_the_card_shows_the_persons_safety_plan(home: Path) -> None:
    store_safety_plan(home, signs=["Not sleeping"], people=["Sam, 07700 900123"])
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await check_in(app, pilot, "5", "5", WORDS)
        said = card_text(app)
        assert "My warning signs: Not sleeping" in said
        assert "People I can ask for help: Sam, 07700 900123" in said
        assert isinstance(app.screen, SupportCardDialog)
