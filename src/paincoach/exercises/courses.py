"""Courses as content: a file that lists its weeks, each one lesson and one or two practices.

A course is checked like an exercise (every problem names its file, line and field), and
then against the library: a week's `lesson` must be a lesson, its `practices` must exist
and not be lessons. Bundled courses live in `data/courses/`, the person's own in
`<home>/courses/`; one of theirs with a bundled id replaces it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from paincoach.core.resources import data_dir
from paincoach.exercises.checks import (
    ID_RE,
    Checker,
    Table,
    TooManyProblemsError,
    found,
    parse_toml,
    read_text,
    suggest,
    toml_files,
)
from paincoach.exercises.course_outline import COURSE_FOLDER, week_at
from paincoach.exercises.problems import LoadWarning

if TYPE_CHECKING:  # loaded only to check ids against a library: `paincoach today` reads a
    from paincoach.exercises.model import Exercise, Origin  # course file alone (issue 18)

TOP_KEYS = ("id", "title", "summary", "weeks")
WEEK_KEYS = ("title", "asks", "lesson", "practices", "also")
MAX_WEEKS = 52
MAX_PRACTICES = 2
ID_FORM = 'an id of lower-case letters, digits and "-" (like "eight-weeks")'
MAX_USER_COURSES = 50
MAX_ASKS = 40
"""Today shows a week's `asks` in one line of 80 columns, after "Course (o), week 2 of 8: "."""


@dataclass(frozen=True)
class CourseWeek:
    """One week: a lesson to read, one or two practices, and more to read or try if wanted."""

    number: int
    title: str
    asks: str
    """One line for Today: what this week asks of the person."""
    lesson: str
    practices: tuple[str, ...]
    also: tuple[str, ...] = ()

    @property
    def items(self) -> tuple[str, ...]:
        """The lesson, then the practices: what makes the week done."""
        return (self.lesson, *self.practices)


@dataclass(frozen=True)
class Course:
    """A validated course file."""

    id: str
    title: str
    summary: str
    weeks: tuple[CourseWeek, ...]
    path: Path | None = None
    origin: Origin = "bundled"

    def week(self, number: int) -> CourseWeek:
        """Week `number` (from 1), the last one if past the end."""
        return self.weeks[week_at(self.weeks, number)]


def check_course_text(
    text: str, path: Path, exercises: Mapping[str, Exercise] | None, origin: Origin = "bundled"
) -> tuple[Course | None, list[LoadWarning]]:
    """Check course TOML `text` as if read from `path`, against the exercises it names.

    With `exercises` None the ids are not looked up (Today's one line needs only the
    weeks, and must not wait for the whole library).
    """
    data, problems = parse_toml(text, path)
    if data is None:
        return None, problems
    check = Checker(path, text)
    try:
        course = _build(data, check, exercises, origin)
    except TooManyProblemsError:
        return None, check.sorted_problems()
    if check.problems:
        return None, check.sorted_problems()
    return course, []


def check_course_file(
    path: Path, exercises: Mapping[str, Exercise] | None, origin: Origin = "bundled"
) -> tuple[Course | None, list[LoadWarning]]:
    """Read and check one course file."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return check_course_text(text, path, exercises, origin)


def is_course(data: Table) -> bool:
    """Whether parsed TOML looks like a course (`weeks`, no `steps`)."""
    return "weeks" in data and "steps" not in data


def _build(
    data: Table, check: Checker, exercises: Mapping[str, Exercise] | None, origin: Origin
) -> Course:
    check.allowed_keys(data, (), TOP_KEYS, "a course")
    course_id = check.text(data, (), "id", required=True)
    check.pattern(course_id, ("id",), ID_RE, ID_FORM)
    title = check.text(data, (), "title", required=True)
    summary = check.text(data, (), "summary", required=True)
    raw = data.get("weeks")
    weeks: list[CourseWeek] = []
    if raw is None:
        check.missing((), "weeks", "at least one [[weeks]] table")
    elif not isinstance(raw, list) or not all(isinstance(w, dict) for w in raw):
        check.report(("weeks",), f"expected [[weeks]] tables, found {found(raw)}")
    elif not raw:
        check.report(("weeks",), "expected at least 1 week, found none")
    elif len(raw) > MAX_WEEKS:
        check.report(("weeks",), f"expected at most {MAX_WEEKS} weeks, found {len(raw)}")
    else:
        weeks = [_week(week, index, check, exercises) for index, week in enumerate(raw)]
    return Course(course_id, title, summary, tuple(weeks), check.path, origin)


def _week(
    table: Table, index: int, check: Checker, exercises: Mapping[str, Exercise] | None
) -> CourseWeek:
    at = ("weeks", index)
    check.allowed_keys(table, at, WEEK_KEYS, "a week")
    lesson = check.text(table, at, "lesson", required=True)
    if lesson:
        _refer(check, (*at, "lesson"), lesson, exercises, "lesson")
    practices = check.text_list(table, at, "practices", nonempty=True)
    if "practices" not in table:
        check.missing(at, "practices", "a list of 1 or 2 exercise ids")
    elif len(practices) > MAX_PRACTICES:
        check.report(
            (*at, "practices"),
            f"expected 1 or {MAX_PRACTICES} practices a week, found {len(practices)}",
        )
    also = check.text_list(table, at, "also", nonempty=False)
    for key, ids in (("practices", practices), ("also", also)):
        for position, exercise_id in enumerate(ids):
            role = "practice" if key == "practices" else "also"
            _refer(check, (*at, key, position), exercise_id, exercises, role)
    return CourseWeek(
        number=index + 1,
        title=check.text(table, at, "title", required=True),
        asks=_asks(check, table, at),
        lesson=lesson,
        practices=tuple(practices),
        also=tuple(also),
    )


def _asks(check: Checker, table: Table, at: tuple[str | int, ...]) -> str:
    asks = check.text(table, at, "asks", required=True)
    if len(asks) > MAX_ASKS:
        check.report(
            (*at, "asks"),
            f"keep it to {MAX_ASKS} characters, so that Today shows it on one line "
            f"(found {len(asks)})",
        )
    return asks


def _refer(
    check: Checker,
    field: tuple[str | int, ...],
    exercise_id: str,
    exercises: Mapping[str, Exercise] | None,
    role: str,
) -> None:
    """Report an id that names no exercise, or a lesson where a practice belongs (or back).

    `role` is "lesson", "practice" or "also" (more to read or try: either kind)."""
    if exercises is None:
        return
    exercise = exercises.get(exercise_id)
    if exercise is None:
        hint = suggest(exercise_id, exercises)
        check.report(field, f'no exercise or lesson with the id "{exercise_id}"{hint}')
        return
    from paincoach.exercises.model import LESSON_KIND  # a library was loaded: so was this

    is_lesson = exercise.kind == LESSON_KIND
    if role == "lesson" and not is_lesson:
        check.report(field, f'expected a lesson, found "{exercise_id}" (kind {exercise.kind})')
    elif role == "practice" and is_lesson:
        check.report(field, f'expected a practice, found the lesson "{exercise_id}"')


@dataclass
class CourseShelf:
    """Every course that loaded, by id, and the problems of those that did not."""

    courses: dict[str, Course]
    warnings: list[LoadWarning]

    def get(self, course_id: str) -> Course | None:
        """The course with this id, if it loaded."""
        return self.courses.get(course_id)

    @property
    def first(self) -> Course | None:
        """The course offered to someone who has not started one: a bundled one first."""
        ordered = sorted(self.courses.values(), key=lambda c: (c.origin != "bundled", c.id))
        return ordered[0] if ordered else None


def load_courses(
    exercises: Mapping[str, Exercise] | None, home: Path | None = None, data: Path | None = None
) -> CourseShelf:
    """Bundled courses, then the person's own over them, each checked against `exercises`
    (None: the ids are not looked up)."""
    shelf = CourseShelf({}, [])
    sources: list[tuple[list[Path], Origin]] = [
        (toml_files((data or data_dir()) / COURSE_FOLDER), "bundled")
    ]
    if home is not None:
        sources.append((toml_files(home / COURSE_FOLDER)[:MAX_USER_COURSES], "user"))
    for paths, origin in sources:
        for path in paths:
            course, problems = check_course_file(path, exercises, origin)
            shelf.warnings += problems
            if course is None:
                continue
            previous = shelf.courses.get(course.id)
            if previous is not None and previous.origin == origin:
                other = previous.path.name if previous.path else "another file"
                message = f'duplicate id "{course.id}": already used by {other}'
                shelf.warnings.append(LoadWarning(path, 1, "id", message))
                continue
            shelf.courses[course.id] = course
    return shelf
