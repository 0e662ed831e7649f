"""The app driven by keyboard through Pilot, against a real journal in a temporary home."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.entries import ActivityDraft, CheckInDraft
from paincoach.screens.activity import ActivityDialog
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.day import DayScreen
from paincoach.screens.first_run import FirstRunScreen
from paincoach.screens.help_now import HelpNowDialog
from paincoach.screens.history import HistoryScreen
from paincoach.screens.offer import OfferDialog
from paincoach.screens.problem import ProblemScreen
from paincoach.screens.settings import SettingsScreen
from paincoach.screens.today import TodayScreen
from paincoach.settings import Contact, load_settings, save_settings
from paincoach.widgets.entry_table import EntryTable
from paincoach.widgets.rating import RatingInput
from tests.support import NOW, fixed_clock, seeded_services, settle

SIZE = (80, 24)


def make_app(home: Path, *, acknowledged: bool = True) -> PaincoachApp:
    """An app on `home`, with the first-run notice acknowledged unless asked otherwise."""
    if acknowledged:
        seeded_services(home).close()  # type: ignore[attr-defined]
    return create_app(home, clock=fixed_clock)


def journal(home: Path) -> Journal:
    """A second handle on the same journal, as another program would have."""
    return Journal(Database.open(home), fixed_clock)


def today_rows(app: PaincoachApp) -> int:
    """How many entries Today lists."""
    return app.screen.query_one(EntryTable).row_count


async def test_first_run_is_shown_once_and_remembered(home: Path) -> None:
    app = make_app(home, acknowledged=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "not medical care" in text
        assert str(home / "paincoach.db") in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert load_settings(Database.open(home)).acknowledged_at is not None
    again = create_app(home, clock=fixed_clock)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, TodayScreen)


async def test_check_in_by_keyboard_shows_on_today_and_in_history(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert today_rows(app) == 0
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        await pilot.press("7", "tab", "1", "0", "tab", "right", "right")
        dialog = app.screen
        assert dialog.query_one("#pain", RatingInput).value == 7
        assert dialog.query_one("#mood", RatingInput).value == 10
        assert dialog.query_one("#sleep", RatingInput).value == 6  # arrows start from the middle
        dialog.query_one("#tags", Input).value = "cold, [bold]stress[/]"
        dialog.query_one("#note", TextArea).text = "Stiff after the bus [/]"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OfferDialog)  # pain 7: a skill is offered, gently
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert today_rows(app) == 1
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        detail = str(app.screen.query_one("#day-detail-text", Static).render())
        assert "Stiff after the bus [/]" in detail
        assert "[bold]stress[/]" in detail
    [saved] = journal(home).day(NOW.date()).checkins
    assert (saved.pain, saved.mood, saved.sleep) == (7, 10, 6)
    assert saved.tags == ("cold", "[bold]stress[/]")


async def test_pain_is_required_and_the_form_stays_open(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#note", TextArea).text = "keep me"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        error = app.screen.query_one("#form-error", Static)
        assert error.display and "pain" in str(error.render()).lower()
        assert app.screen.query_one("#pain", RatingInput).has_focus
        assert app.screen.query_one("#note", TextArea).text == "keep me"
    assert journal(home).day(NOW.date()).checkins == ()


async def test_bad_when_gets_a_message(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "5")
        app.screen.query_one("#when", Input).value = "next tuesday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        assert "not understood" in str(app.screen.query_one("#form-error", Static).render())


async def test_escape_asks_before_discarding_typed_text(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: closes at once
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("c", "4")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the focused, safe choice: keep editing
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        assert app.screen.query_one("#pain", RatingInput).value == 4
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert journal(home).day(NOW.date()).checkins == ()


async def test_activity_with_suggestion_from_history(home: Path) -> None:
    earlier = journal(home)
    earlier.add_activity(ActivityDraft(NOW - timedelta(days=2), "gardening", 30))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDialog)
        await pilot.press("g", "a", "right")  # accept the suggestion
        assert app.screen.query_one("#name", Input).value == "gardening"
        await pilot.press("enter", "2", "5", "tab", "tab", "3", "tab", "space")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert today_rows(app) == 1
    [saved] = journal(home).day(NOW.date()).activities
    assert (saved.name, saved.minutes, saved.effort, saved.paced) == ("gardening", 25, 3, True)


async def test_activity_minutes_out_of_range(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "w", "a", "l", "k", "enter", "0")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ActivityDialog)
        assert "1 to 1440" in str(app.screen.query_one("#form-error", Static).render())


async def test_edit_and_delete_from_the_day_view(home: Path) -> None:
    other = journal(home)
    other.add_checkin(CheckInDraft(NOW - timedelta(hours=2), 5, note="first"))
    other.add_checkin(CheckInDraft(NOW - timedelta(days=1), 3, note="yesterday"))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one("#days")
        assert table.row_count == 2  # type: ignore[attr-defined]
        await pilot.press("enter")  # newest day first: today
        await settle(pilot)
        assert isinstance(app.screen, DayScreen) and app.screen.day == NOW.date()
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        await pilot.press("8", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert journal(home).day(NOW.date()).checkins[0].pain == 8
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # changed my mind
        await settle(pilot)
        assert len(journal(home).day(NOW.date()).checkins) == 1
        await pilot.press("d", "y")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert app.screen.query_one(EntryTable).row_count == 0
    assert journal(home).day(NOW.date()).checkins == ()
    assert len(journal(home).day(NOW.date() - timedelta(days=1)).checkins) == 1


async def test_search_notes_and_tags(home: Path) -> None:
    other = journal(home)
    other.add_checkin(CheckInDraft(NOW - timedelta(days=3), 6, tags=("cold",), note="rainy"))
    other.add_checkin(CheckInDraft(NOW - timedelta(days=1), 2, note="good walk by the sea"))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h", "slash")
        await pilot.press(*"sea", "enter")
        await settle(pilot)
        results = app.screen.query_one("#results", EntryTable)
        assert results.display and results.row_count == 1
        await pilot.press("escape")
        app.screen.query_one("#search", Input).value = "cold"
        await pilot.press("slash", "enter")
        await settle(pilot)
        assert results.row_count == 1 and results.selected is not None
        assert results.selected.tags == ("cold",)  # type: ignore[union-attr]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert app.screen.day == (NOW - timedelta(days=3)).date()


@pytest.mark.parametrize("path", [(), ("h",), ("s",), ("c",), ("a",), ("h", "enter")])
async def test_help_now_is_one_key_away_everywhere(home: Path, path: tuple[str, ...]) -> None:
    journal(home).add_checkin(CheckInDraft(NOW, 4))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*path)
        await settle(pilot)
        before = type(app.screen)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
        text = str(app.screen.query_one("#help-text", Static).render())
        assert "Samaritans: 116 123" in text and "999" in text
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen) is before


async def test_help_now_shows_contacts_and_region(home: Path) -> None:
    services = seeded_services(home, region="US")
    db = services.db  # type: ignore[attr-defined]
    save_settings(db, load_settings(db).with_changes(contacts=(Contact("Sam [b]", "0700 000"),)))
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        text = str(app.screen.query_one("#help-text", Static).render())
        assert "988" in text and "Sam [b]" in text and "0700 000" in text


async def test_settings_are_saved_and_used(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#contact-name", Input).value = "Alex"
        app.screen.query_one("#contact-phone", Input).value = "0123"
        app.screen.query_one("#contact-name", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#reduced-motion").value = True  # type: ignore[attr-defined]
        app.screen.query_one("#theme").value = "nord"  # type: ignore[attr-defined]
        await settle(pilot)
        assert app.theme == "nord"
    stored = load_settings(Database.open(home))
    assert stored.contacts == (Contact("Alex", "0123", ""),)
    assert stored.reduced_motion and stored.theme == "nord"
    again = create_app(home, clock=fixed_clock)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_refresh_shows_entries_saved_from_the_command_line(home: Path) -> None:
    from paincoach.cli.main import main

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert today_rows(app) == 0
        assert main(["--home", str(home), "log", "--pain", "3"]) == 0
        await pilot.press("r")
        await settle(pilot)
        assert today_rows(app) == 1


async def test_a_failed_save_keeps_what_was_typed(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paincoach.core.errors import DiskFullError

    def full(*_: object, **__: object) -> None:
        raise DiskFullError("There is no room left to save. This entry was not saved.")

    monkeypatch.setattr(Journal, "add_checkin", full)
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "6")
        app.screen.query_one("#note", TextArea).text = "precious words"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        assert "no room" in str(app.screen.query_one("#form-error", Static).render())
        assert app.screen.query_one("#note", TextArea).text == "precious words"
        assert app.screen.query_one("#pain", RatingInput).value == 6


def card_text(app: PaincoachApp) -> str:
    """Everything the support card says, on one line."""
    from paincoach.screens.support_card import SupportCardDialog

    assert isinstance(app.screen, SupportCardDialog), app.screen
    return " ".join(" ".join(str(w.render()) for w in app.screen.query(Static)).split())


async def test_low_mood_shows_the_support_card_with_every_line(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "5", "tab", "0", "ctrl+s")
        await settle(pilot)
        text = card_text(app)
        assert "really hard time" in text and "check-in is saved" in text
        assert "Call 999 (United Kingdom)" in text
        assert "Samaritans: 116 123" in text and "Shout: text SHOUT to 85258" in text
        assert "Would you like" not in text  # the pain-only wording is not used
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
    assert journal(home).day(NOW.date()).checkins[0].mood == 0


async def test_high_pain_with_very_low_mood_gets_the_card_and_breathing(home: Path) -> None:
    from paincoach.screens.runner import RunnerScreen

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "8", "tab", "1", "ctrl+s")
        await settle(pilot)
        text = card_text(app)
        assert "really hard time" in text and "Samaritans: 116 123" in text
        await pilot.press("b")  # slow breathing is a key away on the card
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "breathing-slow"  # the card's own pacer


async def test_an_edit_to_a_very_low_mood_gets_the_same_help(home: Path) -> None:
    journal(home).add_checkin(CheckInDraft(at=NOW - timedelta(hours=1), pain=4, mood=6))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # edit the entry on Today
        await settle(pilot)
        assert isinstance(app.screen, CheckInDialog)
        await pilot.press("tab", "1", "ctrl+s")
        await settle(pilot)
        text = card_text(app)
        assert "Samaritans: 116 123" in text and "changes are saved" in text


async def test_too_small_terminal_says_so_and_keeps_input(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "7")
        app.screen.query_one("#note", TextArea).text = "half written"
        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        assert app.has_class("-too-small")
        notice = app.screen.query_one("TooSmallNotice", Static)
        assert "at least 60×20" in str(notice.render()) and "40×12" in str(notice.render())
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
        await pilot.press("escape")
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert not app.has_class("-too-small")
        assert isinstance(app.screen, CheckInDialog)
        assert app.screen.query_one("#note", TextArea).text == "half written"
        assert app.screen.query_one("#pain", RatingInput).value == 7


async def test_a_foreign_file_is_explained_and_left_alone(home: Path) -> None:
    home.mkdir(parents=True)
    target = home / "paincoach.db"
    target.write_bytes(b"this is my shopping list, not a database\n" * 10)
    before = target.read_bytes()
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        assert "not a paincoach journal" in str(
            app.screen.query_one("#problem-message", Static).render()
        )
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpNowDialog)
    assert target.read_bytes() == before


async def test_command_palette_offers_every_main_action(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
    assert {"Help now", "Check in", "Log an activity", "History", "Settings", "Refresh"} <= titles


@pytest.mark.parametrize(
    ("key", "exercise_id"),
    [
        ("b", "breathing-relaxed-3min"),
        ("g", "grounding-54321"),
        ("p", "flare-plan"),  # no plan yet: writing one starts
        ("t", "thought-record"),
    ],
)
async def test_high_pain_offers_a_skill(home: Path, key: str, exercise_id: str) -> None:
    from paincoach.screens.runner import RunnerScreen

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "8", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OfferDialog)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == exercise_id
    assert journal(home).day(NOW.date()).checkins[0].pain == 8


async def test_help_now_starts_slow_breathing(home: Path) -> None:
    from paincoach.screens.runner import RunnerScreen

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1", "b")
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        assert app.screen.exercise.id == "breathing-slow"


async def test_today_keys_open_exercises_and_thought_records(home: Path) -> None:
    from paincoach.screens.exercises import ExercisesScreen
    from paincoach.screens.thought_records import ThoughtRecordsScreen

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExercisesScreen)
        await pilot.press("escape", "t")
        await settle(pilot)
        assert isinstance(app.screen, ThoughtRecordsScreen)


def _seed_plan_and_goal(home: Path) -> None:
    from paincoach.exercises.engine import Runner
    from paincoach.exercises.loader import load_library
    from paincoach.practice.service import Practice

    services = seeded_services(home)
    practice: Practice = services.practice  # type: ignore[attr-defined]
    library = load_library(home)
    goal = Runner(library.get("smart-goal"))  # type: ignore[arg-type]
    while goal.step.type != "prompt" or goal.step.key != "goal":
        if goal.missing():
            goal.set_answer("an answer" if goal.step.type == "prompt" else 5)
        goal.next()
    goal.set_answer("Walk to the corner shop on Mon, Wed and Fri")
    practice.save_session(goal.leave())
    plan = Runner(library.get("pacing-plan"))  # type: ignore[arg-type]
    while plan.step.type != "pacing":
        plan.next()
    plan.set_pacing_plan("walk", [20, 25, 30], percent=10, start=NOW.date())
    practice.save_session(plan.leave())
    services.journal.add_activity(ActivityDraft(NOW, "Walk", 10))  # type: ignore[attr-defined]


async def test_today_shows_pacing_and_goals_and_marks_a_goal_done(home: Path) -> None:
    _seed_plan_and_goal(home)
    app = create_app(home, clock=fixed_clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pacing = str(app.screen.query_one("#today-pacing", Static).render())
        assert "walk: 10 of 20 minutes" in pacing and "10 left" in pacing
        goals = str(app.screen.query_one("#today-goals", Static).render())
        assert "Walk to the corner shop" in goals
        await pilot.press("g")
        await settle(pilot)
        await pilot.press("enter", "y")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert not app.screen.query_one("#today-goals").display
    services = seeded_services(home)
    assert services.practice.open_goals() == []  # type: ignore[attr-defined]


async def test_quitting_mid_exercise_saves_it_as_unfinished(home: Path) -> None:
    from paincoach.practice.service import Practice
    from paincoach.screens.runner import RunnerScreen

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1", "b")  # slow breathing, straight to the pacer
        await settle(pilot)
        assert isinstance(app.screen, RunnerScreen)
        await pilot.press("ctrl+q")  # asks first (tests/ui/test_quitting.py)
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    practice = Practice(Database.open(home), journal(home), fixed_clock)
    [session] = practice.recent_sessions()
    assert session.exercise_id == "breathing-slow" and not session.completed


async def test_a_second_check_in_starts_blank(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c", "3", "tab", "5")
        app.screen.query_one("#note", TextArea).text = "first"
        app.screen.query_one("#tags", Input).value = "cold"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        assert dialog.query_one("#pain", RatingInput).has_focus
        assert [dialog.query_one(f"#{name}", RatingInput).value for name in ("pain", "mood")] == [
            None,
            None,
        ]
        assert dialog.query_one("#note", TextArea).text == ""
        assert dialog.query_one("#tags", Input).value == ""
        assert dialog.query_one("#when", Input).value == "now"
        await pilot.press("escape")  # nothing typed: closes without asking
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("c", "4", "ctrl+s")
        await settle(pilot)
    assert sorted(c.pain for c in journal(home).day(NOW.date()).checkins) == [3, 4]
