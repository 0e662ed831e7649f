"""The course in the app: Today's one line, the Course screen, and moving by keys alone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import DataTable, Static

from paincoach.db.engine import Database
from paincoach.exercises.loader import load_library
from paincoach.practice.course import Courses
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.course import CourseScreen
from paincoach.screens.runner import RunnerScreen
from paincoach.screens.today import TodayScreen
from tests.exercise_ui_support import SIZE, make_app
from tests.practice_support import open_practice, run_through, runner
from tests.support import NOW, fixed_clock, settle


def text_of(screen: object, selector: str) -> str:
    widget = screen.query_one(selector, Static)  # type: ignore[attr-defined]
    return " ".join(str(widget.render()).split()) if widget.display else ""


def courses(home: Path, clock: object = fixed_clock) -> Courses:
    return Courses(Database.open(home), lambda: load_library(home), home, clock)  # type: ignore[arg-type]


def cells(screen: CourseScreen) -> list[list[str]]:
    table = screen.query_one("#course-weeks", DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def test_today_offers_the_course_until_it_starts_then_says_where_you_are(
    home: Path,
) -> None:
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert text_of(today, "#today-course") == (
            "Course: 8 weeks of skills, starting from how pain works. Press o to look."
        )
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CourseScreen)
        assert text_of(screen, "#course-title") == "Eight weeks of skills for living with pain"
        assert "Press n to start" in text_of(screen, "#course-status")
        assert screen.check_action("begin", ()) and not screen.check_action("next_week", ())
        assert not screen.check_action("pause", ())  # nothing to pause yet: not in the footer
        assert [row[1] for row in cells(screen)] == [str(n) for n in range(1, 9)]
        await pilot.press("n")
        await settle(pilot)
        assert text_of(screen, "#course-status").startswith("Week 1 of 8, started Friday 27")
        assert cells(screen)[0][0] == "▶" and cells(screen)[0][3] == "0 of 2"
        assert not screen.check_action("begin", ()) and screen.check_action("next_week", ())
        await pilot.press("escape")
        await settle(pilot)
        assert text_of(app.screen, "#today-course") == (
            "Course (o), week 1 of 8: how pain protects you; set one goal · 0 of 2 done"
        )


async def test_enter_starts_the_weeks_first_lesson_not_done_and_finishing_it_counts(
    home: Path,
) -> None:
    courses(home).start()
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        runner_screen = app.screen
        assert isinstance(runner_screen, RunnerScreen)
        assert runner_screen.exercise.id == "pain-protector"
    practice = open_practice(home)
    lesson = runner("pain-protector", start=NOW + timedelta(minutes=1))
    run_through(lesson)
    practice.save_session(lesson.result())
    practice.db.close()
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#today-course").endswith("set one goal · 1 of 2 done")
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CourseScreen)
        assert cells(screen)[0][3] == "1 of 2"
        items = screen.query_one("#course-items", DataTable)
        first = str(items.get_row_at(0)[0])
        assert first.startswith("✓ Lesson: ")


async def test_going_to_another_week_pausing_and_leaving_by_keys(home: Path) -> None:
    courses(home).start()
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CourseScreen)
        await pilot.press("down", "down", "g")  # skip ahead to week 3
        await settle(pilot)
        assert text_of(screen, "#course-status").startswith("Week 3 of 8")
        assert [row[0] for row in cells(screen)][2] == "▶"
        await pilot.press("p")
        await settle(pilot)
        assert text_of(screen, "#course-status").startswith("Paused at week 3 of 8")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # stay after all
        await settle(pilot)
        assert text_of(screen, "#course-status").startswith("Paused at week 3")
        await pilot.press("p")
        await settle(pilot)
        assert text_of(screen, "#course-status").startswith("Week 3 of 8")
        await pilot.press("escape")
        await settle(pilot)
        assert text_of(app.screen, "#today-course").startswith("Course (o), week 3 of 8: the pain")


async def test_a_paused_course_says_so_on_today_and_a_left_one_is_not_shown(home: Path) -> None:
    service = courses(home)
    service.start()
    service.pause()
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#today-course") == (
            "Course paused at week 1 of 8. Press o to carry on whenever you are ready."
        )
    service.leave()
    app = make_app(home)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app.screen, "#today-course") == ""
