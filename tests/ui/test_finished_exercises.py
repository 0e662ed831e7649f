"""Finished exercises are visible: Today and the day view list them, and "finished" is honest."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from paincoach.exercises.timing import FakeClock
from paincoach.screens.day import DayScreen
from paincoach.screens.runner import Page, RunnerScreen
from paincoach.screens.today import TodayScreen
from paincoach.services import Services
from tests.exercise_ui_support import SIZE, exercise, make_app, open_runner, press
from tests.practice_support import open_practice, run_through, runner
from tests.support import NOW, fixed_clock, settle

TODAY = NOW.date()


def text_of(screen: object, selector: str) -> str:
    widget = screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return " ".join(str(widget.render()).split()) if widget.display else ""


def save_practice(home: Path) -> None:
    """Box breathing at 07:31, finished and rated; slow breathing at 08:01, left at 36 s."""
    practice = open_practice(home)
    box = runner("breathing-box", start=NOW - timedelta(hours=2))
    box.set_before(7)
    run_through(box)
    box.set_after(5)
    practice.save_session(box.result())
    clock = FakeClock()
    slow = runner("breathing-slow", start=NOW - timedelta(minutes=90), clock=clock)
    while slow.timer is None:
        slow.next()
    slow.start_timer()
    clock.advance(36)
    practice.save_session(slow.leave())
    practice.db.close()


async def test_today_and_the_day_view_list_the_exercises_done(home: Path) -> None:
    app = make_app(home)
    save_practice(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert text_of(today, "#sessions-title") == "Exercises today"
        assert text_of(today, "#today-sessions") == (
            "07:31 Box breathing (4-4-4-4) · finished · before 7/10, after 5/10 "
            "08:01 Slow breathing (5 in, 5 out) · stopped after 36 s of 8 min"
        )
        app.push_screen(DayScreen(TODAY))
        await settle(pilot)
        day = app.screen
        assert isinstance(day, DayScreen)
        assert text_of(day, "#day-title").endswith("no check-ins or activities")
        shown = text_of(day, "#day-sessions")
        assert shown.startswith("Exercises 07:31 Box breathing")
        assert "stopped after 36 s of 8 min" in shown
        await press(pilot, "left_square_bracket")  # the day before: nothing done
        assert text_of(day, "#day-sessions") == ""
        assert text_of(day, "#day-title").endswith("nothing recorded on this day")


async def test_today_shows_no_exercise_section_on_a_day_without_one(home: Path) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#sessions-title") == ""
        assert text_of(app.screen, "#today-sessions") == ""


async def test_moving_on_from_a_pacer_after_36_seconds_is_not_finished(home: Path) -> None:
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_runner(pilot, "breathing-slow", clock, quick=True)
        clock.advance(36)
        await press(pilot, "enter")  # on past the pacer, then the last text step
        await press(pilot, "enter")
        assert screen.page is Page.AFTER
        await press(pilot, "4", "enter")
        assert screen.page is Page.SUMMARY
        summary = text_of(screen, ".runner-summary")
        assert "You stopped early" in summary and "Stopped after 36 s of 8 min." in summary
        assert "finished" not in summary
        await press(pilot, "enter")
        assert isinstance(app.screen, TodayScreen)
        assert text_of(app.screen, "#today-sessions").endswith(
            "Slow breathing (5 in, 5 out) · stopped after 36 s of 8 min · after 4/10"
        )
    [session] = Services(home, fixed_clock).practice.recent_sessions()
    assert not session.completed and (session.timed_seconds, session.timed_total) == (36, 480)


async def test_leaving_mid_pacer_says_how_long_it_ran(home: Path) -> None:
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_runner(pilot, "breathing-slow", clock, quick=True)
        clock.advance(95)
        await press(pilot, "escape", "y")
        assert not isinstance(app.screen, RunnerScreen)
        messages = [n.message for n in app._notifications]
        assert "Saved as unfinished: stopped after 1 min 35 s of 8 min." in messages


LAST_TIMER = """\
id = "last-timer"
title = "Ends on a timer"
kind = "relaxation"
summary = "A minute of stillness, then a rating."
minutes = 1

[after]
label = "How tense do you feel now?"

[[steps]]
type = "timer"
seconds = 60
text = "Be still."
"""


async def test_the_rating_page_after_a_last_timer_is_not_timer_time(home: Path) -> None:
    (home / "exercises").mkdir(parents=True)
    (home / "exercises" / "last-timer.toml").write_text(LAST_TIMER)
    app = make_app(home)
    clock = FakeClock()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(RunnerScreen(exercise("last-timer", home), clock=clock))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RunnerScreen) and screen.run.timer is not None
        clock.advance(5)
        await press(pilot, "enter")
        assert screen.page is Page.AFTER
        clock.advance(300)  # a long think about the rating
        await press(pilot, "3", "enter")
        assert screen.page is Page.SUMMARY
    [session] = Services(home, fixed_clock).practice.recent_sessions()
    assert (session.timed_seconds, session.timed_total) == (5, 60) and not session.completed
