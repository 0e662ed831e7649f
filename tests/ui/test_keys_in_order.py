"""Keys land where they were typed, however fast: a terminal hands over a burst at once.

A person who knows the form types `c`, `6`, Tab, `4` without waiting for the dialog to be
drawn. The terminal then delivers all of those keys before the app has handled the first;
each must still reach the field that had focus after the keys before it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import events
from textual.widgets import Input, Static

from paincoach.app import PaincoachApp, create_app
from paincoach.db.engine import Database
from paincoach.journal.service import Journal
from paincoach.records.entries import CheckInDraft
from paincoach.review.weekly_check import WeeklyChecks
from paincoach.screens.checkin import CheckInDialog
from paincoach.screens.day import DayScreen
from paincoach.screens.form import EntryForm
from paincoach.screens.today import TodayScreen
from tests.support import NOW, fixed_clock, seeded_services, settle

SIZE = (80, 24)


def make_app(home: Path) -> PaincoachApp:
    seeded_services(home).close()  # type: ignore[attr-defined]
    return create_app(home, clock=fixed_clock)


def key_event(key: str) -> events.Key:
    """The event a terminal's keypress becomes (as Textual's driver builds it)."""
    if len(key) == 1:
        return events.Key(key, key)
    return events.Key(key, {"tab": "\t", "enter": "\r", "space": " "}.get(key))


def burst(app: PaincoachApp, *keys: str) -> None:
    """Queue every key before the app has handled any of them, as a fast typist's terminal does."""
    for key in keys:
        app.post_message(key_event(key))


async def typed_in_a_burst(home: Path, *keys: str) -> Journal:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        burst(app, *keys)
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, EntryForm), f"still open: {app.screen!r}"
    return Journal(Database.open(home), fixed_clock)


async def test_a_check_in_typed_in_one_burst_keeps_every_value(home: Path) -> None:
    journal = await typed_in_a_burst(home, "c", "6", "tab", "4", "tab", "3", "ctrl+s")
    [saved] = journal.day(NOW.date()).checkins
    assert (saved.pain, saved.mood, saved.sleep) == (6, 4, 3)


async def test_an_activity_typed_in_one_burst_keeps_every_value(home: Path) -> None:
    journal = await typed_in_a_burst(home, "a", "w", "a", "l", "k", "tab", "2", "0", "ctrl+s")
    [saved] = journal.day(NOW.date()).activities
    assert (saved.name, saved.minutes) == ("walk", 20)


async def test_the_weekly_check_typed_in_one_burst_keeps_every_answer(home: Path) -> None:
    await typed_in_a_burst(home, "k", "5", "tab", "6", "tab", "7", "ctrl+s")
    [check] = WeeklyChecks(Database.open(home), fixed_clock).recent()
    assert (check.pain, check.enjoyment, check.activity) == (5, 6, 7)


async def test_every_field_of_a_check_in_typed_in_one_burst(home: Path) -> None:
    # pain, mood, sleep, then Tab past the areas list and the new-area box to Tags.
    keys = ["c", "8", "tab", "2", "tab", "1", "0", "tab", "tab", "tab", *"cold", "ctrl+s"]
    journal = await typed_in_a_burst(home, *keys)
    [saved] = journal.day(NOW.date()).checkins
    assert (saved.pain, saved.mood, saved.sleep) == (8, 2, 10)
    assert saved.tags == ("cold",)
    assert saved.areas == ()


async def test_an_edit_typed_in_one_burst_changes_only_what_was_typed(home: Path) -> None:
    seeded = Journal(Database.open(home), fixed_clock)
    seeded.add_checkin(CheckInDraft(at=NOW - timedelta(hours=1), pain=3, mood=5))
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")  # History and the day load their entries in a worker
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        burst(app, "e", "9", "tab", "1", "ctrl+s")  # edit: pain 9, Tab, mood 1, save
        await settle(pilot)
        await settle(pilot)
    [saved] = Journal(Database.open(home), fixed_clock).day(NOW.date()).checkins
    assert (saved.pain, saved.mood) == (9, 1)


async def test_an_area_left_unadded_is_asked_about_not_saved(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CheckInDialog)
        await pilot.press("5")
        dialog.query_one("#new-area", Input).value = "cold"  # meant for Tags
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is dialog, "the form stays open"
        error = str(dialog.query_one("#form-error", Static).render())
        assert "“cold” is typed under Add another area but not added" in error
        assert app.focused is dialog.query_one("#new-area", Input)
        await pilot.press("enter", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    [saved] = Journal(Database.open(home), fixed_clock).day(NOW.date()).checkins
    assert saved.areas == ("cold",)


async def test_enter_between_a_plans_fields_in_one_burst_keeps_every_value(home: Path) -> None:
    """Enter in a pacing plan's field moves on when its message arrives (after bubbling up):
    the keys after it must wait for that, not land in the field before (session 6)."""
    from paincoach.screens.runner import RunnerScreen
    from tests.exercise_ui_support import exercise

    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(RunnerScreen(exercise("pacing-plan")))
        await settle(pilot)
        for _ in range(5):  # the intro, then the four texts before the plan step
            await pilot.press("enter")
            await settle(pilot)
        burst(app, *"walk", "enter", *"10, 12, 14", "enter", "enter", "enter", *"20")
        await settle(pilot)
        await settle(pilot)
        values = {field.id: field.value for field in app.screen.query(Input)}
    assert values == {
        "plan-activity": "walk",
        "plan-amounts": "10, 12, 14",
        "plan-unit": "minutes",
        "plan-percent": "10",
        "plan-goal": "20",
    }
