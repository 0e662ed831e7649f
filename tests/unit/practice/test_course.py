"""The course: checked like content, moved only by the person, progress read from the journal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from paincoach.core.errors import InputError
from paincoach.db.engine import Database
from paincoach.exercises.courses import check_course_text, load_courses
from paincoach.exercises.loader import load_library
from paincoach.exercises.session import SessionResult
from paincoach.journal.service import Journal
from paincoach.practice.course import Courses, NoCourseError
from paincoach.practice.service import Practice
from paincoach.records.review import WeeklyAnswers
from paincoach.review.weekly_check import WeeklyChecks
from tests.support import NOW
from tests.unit.exercises.exercise_testdata import MINIMAL, make_data


def lesson(lesson_id: str) -> str:
    return (
        f'id = "{lesson_id}"\ntitle = "About {lesson_id}"\nkind = "lesson"\n'
        'summary = "A lesson."\nminutes = 4\n\n[[steps]]\ntype = "text"\ntext = "Read me."\n'
    )


def practice(practice_id: str) -> str:
    return MINIMAL.replace("three-breaths", practice_id).replace(
        "Three slow breaths", f"Practice {practice_id}"
    )


COURSE = """\
id = "three-weeks"
title = "Three weeks"
summary = "A short course."

[[weeks]]
title = "Understanding"
asks = "read about pain, then breathe"
lesson = "one"
practices = ["breathe"]

[[weeks]]
title = "Pacing"
asks = "read about pacing, then relax"
lesson = "two"
practices = ["breathe", "relax"]
also = ["three"]

[[weeks]]
title = "Going on"
asks = "read the last lesson"
lesson = "three"
practices = ["relax"]
"""

FILES = {
    "one.toml": lesson("one"),
    "two.toml": lesson("two"),
    "three.toml": lesson("three"),
    "breathe.toml": practice("breathe"),
    "relax.toml": practice("relax"),
}


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def later(self, **delta: float) -> datetime:
        self.at += timedelta(**delta)
        return self.at


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = make_data(tmp_path, FILES)
    (folder / "courses").mkdir()
    (folder / "courses" / "three-weeks.toml").write_text(COURSE, encoding="utf-8")
    return folder


@pytest.fixture
def world(tmp_path: Path, data: Path) -> Iterator[tuple[Courses, Practice, WeeklyChecks, Clock]]:
    home = tmp_path / "home"
    home.mkdir()
    db = Database.open(home)
    clock = Clock(NOW - timedelta(days=20))
    courses = Courses(db, lambda: load_library(home, data), home, clock, data)
    journal = Journal(db, clock)
    yield courses, Practice(db, journal, clock), WeeklyChecks(db, clock), clock
    db.close()


def finish(practice: Practice, exercise_id: str, at: datetime, *, completed: bool = True) -> None:
    practice.save_session(
        SessionResult(
            exercise_id, exercise_id, "lesson", at, at + timedelta(minutes=4), completed, 1, 1,
            None, None, {},
        )
    )  # fmt: skip


# -- the file --------------------------------------------------------------------------------


def test_a_course_names_weeks_of_lessons_and_practices(data: Path) -> None:
    shelf = load_courses(load_library(None, data).exercises, None, data)
    assert shelf.warnings == []
    course = shelf.courses["three-weeks"]
    assert [w.title for w in course.weeks] == ["Understanding", "Pacing", "Going on"]
    assert course.weeks[1].items == ("two", "breathe", "relax")
    assert course.weeks[1].also == ("three",)


def test_every_problem_in_a_course_names_its_line_and_field(tmp_path: Path, data: Path) -> None:
    exercises = load_library(None, data).exercises
    bad = COURSE.replace('lesson = "two"', 'lesson = "breathe"')
    bad = bad.replace('practices = ["relax"]', 'practices = ["three", "relx"]')
    bad = bad.replace('asks = "read about pain, then breathe"\n', "")
    course, problems = check_course_text(bad, tmp_path / "mine.toml", exercises)
    assert course is None
    shown = [str(p).removeprefix(f"{tmp_path / 'mine.toml'}, ") for p in problems]
    assert shown == [
        'line 5, weeks[1].asks: missing key "asks": expected text (in quotes)',
        'line 13, weeks[2].lesson: expected a lesson, found "breathe" (kind breathing)',
        'line 21, weeks[3].practices[1]: expected a practice, found the lesson "three"',
        'line 21, weeks[3].practices[2]: no exercise or lesson with the id "relx" '
        '(did you mean "relax"?)',
    ]


def test_a_week_has_one_or_two_practices(tmp_path: Path, data: Path) -> None:
    exercises = load_library(None, data).exercises
    bad = COURSE.replace(
        'practices = ["breathe", "relax"]', 'practices = ["breathe", "relax", "breathe"]'
    )
    _course, problems = check_course_text(bad, tmp_path / "mine.toml", exercises)
    assert [p.message for p in problems] == ["expected 1 or 2 practices a week, found 3"]


def test_a_persons_own_course_replaces_a_bundled_one_with_its_id(
    tmp_path: Path, data: Path
) -> None:
    home = tmp_path / "home"
    (home / "courses").mkdir(parents=True)
    mine = COURSE.replace('title = "Three weeks"', 'title = "My three weeks"')
    (home / "courses" / "mine.toml").write_text(mine, encoding="utf-8")
    shelf = load_courses(load_library(home, data).exercises, home, data)
    assert shelf.courses["three-weeks"].title == "My three weeks"
    assert shelf.courses["three-weeks"].origin == "user"


# -- moving through it -----------------------------------------------------------------------


def test_before_starting_the_course_is_offered_and_nothing_is_done(world: tuple) -> None:
    courses, practice, _checks, clock = world
    finish(practice, "one", clock())  # before the course: does not count
    view = courses.view()
    assert view is not None
    assert (view.course_id, view.state, view.week, view.current) == (
        "three-weeks", "not_started", None, None,
    )  # fmt: skip
    assert not any(item.done for week in view.weeks for item in week.items)


def test_what_is_done_since_a_week_began_counts_for_it(world: tuple) -> None:
    courses, practice, _checks, clock = world
    courses.start()
    finish(practice, "one", clock.later(hours=1))
    view = courses.view()
    assert view is not None and view.current is not None
    assert (view.state, view.week, view.current.done_count, view.current.done) == (
        "active", 1, 1, False,
    )  # fmt: skip
    finish(practice, "breathe", clock.later(hours=1), completed=False)  # left early: not done
    assert courses.view().current.done_count == 1
    finish(practice, "breathe", clock.later(hours=1))
    assert courses.view().current.done


def test_next_repeat_skip_and_back(world: tuple) -> None:
    courses, practice, _checks, clock = world
    courses.start()
    clock.later(days=7)
    assert courses.next_week().week == 2
    finish(practice, "two", clock.later(hours=1))
    clock.later(days=7)
    view = courses.go_to(2)  # repeat the week: it starts fresh
    assert view.week == 2 and view.current is not None and view.current.done_count == 0
    view = courses.go_to(3)  # skip ahead
    assert view.week == 3
    assert courses.next_week().week == 3  # the last week stays the last
    assert courses.go_to(1).week == 1  # back
    with pytest.raises(InputError, match="this course has weeks 1 to 3"):
        courses.go_to(4)


def test_pause_resume_and_leave(world: tuple) -> None:
    courses, _practice, _checks, clock = world
    with pytest.raises(NoCourseError, match="not on a course"):
        courses.pause()
    courses.start()
    courses.next_week()
    clock.later(days=1)
    view = courses.pause()
    assert (view.state, view.week) == ("paused", 2)
    assert courses.resume().state == "active"
    view = courses.leave()
    assert (view.state, view.current) == ("left", None)
    with pytest.raises(NoCourseError):
        courses.next_week()
    view = courses.start()  # again, from week 1: a new run
    assert (view.state, view.week) == ("active", 1)


def test_starting_again_forgets_what_the_last_run_did(world: tuple) -> None:
    courses, practice, _checks, clock = world
    courses.start()
    finish(practice, "one", clock.later(hours=1))
    clock.later(days=3)
    view = courses.start()
    assert view.current is not None and view.current.done_count == 0


def test_the_weekly_check_taken_during_a_week_is_shown_with_it(world: tuple) -> None:
    courses, _practice, checks, clock = world
    checks.record(WeeklyAnswers(9, 9, 9), clock.later(hours=1))  # before the course
    courses.start()
    checks.record(WeeklyAnswers(7, 6, 5), clock.later(days=5))
    checks.record(WeeklyAnswers(6, 6, 5), clock.later(hours=2))  # the latest counts
    clock.later(days=2)
    courses.next_week()
    checks.record(WeeklyAnswers(5, 4, 3), clock.later(days=5))
    view = courses.view()
    assert view is not None
    shown = [str(week.scores) if week.scores else None for week in view.weeks]
    assert shown == [
        "pain 6, enjoyment 6, activity 5",
        "pain 5, enjoyment 4, activity 3",
        None,
    ]


def test_a_course_that_no_longer_loads_says_so(world: tuple, data: Path) -> None:
    courses, _practice, _checks, _clock = world
    courses.start()
    (data / "courses" / "three-weeks.toml").unlink()
    assert courses.view() is None
    with pytest.raises(NoCourseError, match="no longer loads"):
        courses.next_week()


def test_an_unknown_course_cannot_be_started(world: tuple) -> None:
    courses, _practice, _checks, _clock = world
    with pytest.raises(NoCourseError, match=r"no course called 'ten-weeks'.*three-weeks"):
        courses.start("ten-weeks")


def test_the_course_example_in_the_format_reference_is_valid(tmp_path: Path) -> None:
    doc = Path(__file__).resolve().parents[3] / "docs" / "content.md"
    blocks = [b.split("```", 1)[0] for b in doc.read_text(encoding="utf-8").split("```toml\n")]
    courses = [b for b in blocks if "[[weeks]]" in b]
    assert len(courses) == 1
    exercises = load_library(None).exercises
    course, problems = check_course_text(courses[0], tmp_path / "four.toml", exercises)
    assert problems == [] and course is not None
    assert len(course.weeks) == 4


def test_not_now_before_starting_stops_the_offer_and_start_still_works(world: tuple) -> None:
    courses, _practice, _checks, _clock = world
    assert courses.today() is not None and courses.today().state == "not_started"
    view = courses.leave()
    assert (view.state, view.week) == ("left", None)
    assert courses.today() is None
    assert courses.start().state == "active"
    assert courses.today() is not None


def test_todays_line_says_where_you_are_and_what_the_week_asks(world: tuple) -> None:
    courses, practice, _checks, clock = world
    assert str(courses.today()).startswith("Course: 3 weeks of skills, starting from how pain")
    courses.start()
    assert str(courses.today()) == (
        "Course (o), week 1 of 3: read about pain, then breathe · 0 of 2 done"
    )
    finish(practice, "one", clock.later(hours=1))
    finish(practice, "breathe", clock.later(hours=1))
    assert (
        str(courses.today())
        == "Course, week 1 of 3: done. The next week is ready when you are (o)."
    )
    courses.go_to(3)
    finish(practice, "three", clock.later(hours=1))
    finish(practice, "relax", clock.later(hours=1))
    assert str(courses.today()) == (
        "Course: all 3 weeks reached, and this one done. o to look back."
    )
    courses.pause()
    assert str(courses.today()) == (
        "Course paused at week 3 of 3. Press o to carry on whenever you are ready."
    )


def test_what_a_week_asks_fits_todays_one_line(tmp_path: Path, data: Path) -> None:
    exercises = load_library(None, data).exercises
    long = "read about pain and then do the breathing practice twice"
    bad = COURSE.replace('"read about pain, then breathe"', f'"{long}"')
    _course, problems = check_course_text(bad, tmp_path / "mine.toml", exercises)
    assert [str(p).split(", ", 1)[1] for p in problems] == [
        "line 7, weeks[1].asks: keep it to 40 characters, so that Today shows it on one line "
        f"(found {len(long)})"
    ]


def test_a_courses_own_words_cannot_drive_the_terminal(world: tuple, data: Path) -> None:
    courses, _practice, _checks, _clock = world
    hostile = COURSE.replace('"read about pain, then breathe"', '"read \\u001b[31m now\\u0007"')
    (data / "courses" / "three-weeks.toml").write_text(hostile, encoding="utf-8")
    courses.start()
    line = str(courses.today())
    assert "\x1b" not in line and "\x07" not in line
    assert line.startswith("Course (o), week 1 of 3: read ")
