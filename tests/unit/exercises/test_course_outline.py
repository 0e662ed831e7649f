"""The bundled courses' outlines: what the checked files say, used only while nothing differs."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from paincoach.core.resources import data_dir
from paincoach.exercises import course_digest
from paincoach.exercises.course_derive import derive
from paincoach.exercises.course_outline import COURSE_FOLDER, outline_shelf
from paincoach.exercises.courses import load_courses
from paincoach.practice.course_fold import today_line
from paincoach.records.course_line import CourseAction, CourseEvent
from tests.support import NOW


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the bundled course folder (only it: the outline reads nothing else)."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir() / COURSE_FOLDER, folder / COURSE_FOLDER)
    return folder


def test_the_digest_is_what_the_bundled_course_files_give() -> None:
    # Fails after a course edit until `python -m paincoach.exercises.course_derive` is run.
    assert derive() == (course_digest.SOURCES, course_digest.COURSES)


def test_the_outline_gives_todays_line_exactly_as_the_checked_files(tmp_path: Path) -> None:
    outline = outline_shelf(tmp_path / "home")
    assert outline is not None
    checked = load_courses(None, tmp_path / "home")
    course = checked.first
    assert course is not None and set(outline.courses) == set(checked.courses)
    runs: list[list[tuple[CourseAction, int | None]]] = [
        [],
        [("start", 1)],
        [("start", 2)],
        [("start", 1), ("week", 3), ("pause", None)],
        [("start", 1), ("week", len(course.weeks))],
        [("start", 1), ("week", len(course.weeks) + 5)],
        [("start", 1), ("leave", None)],
        [("leave", None)],
    ]
    for actions in runs:
        events = [
            CourseEvent(f"e{n}", course.id, action, week, NOW + timedelta(days=7 * n))
            for n, (action, week) in enumerate(actions)
        ]
        for done in range(4):  # none, then one, two and three of every week's items done
            found = [
                (item, NOW + timedelta(days=400))
                for week in course.weeks
                for item in week.items[:done]
            ]

            def finished(ids: object, since: object, found: list = found) -> list:
                return found  # what each shelf's week holds decides how many count

            assert today_line(outline, events, finished) == today_line(checked, events, finished)


def test_a_course_file_of_the_persons_own_means_the_files_are_read(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / COURSE_FOLDER).mkdir(parents=True)
    assert outline_shelf(home) is not None  # an empty folder changes nothing
    (home / COURSE_FOLDER / ".hidden.toml").write_text("", encoding="utf-8")
    assert outline_shelf(home) is not None  # nor does a hidden file, which is never read
    (home / COURSE_FOLDER / "mine.toml").write_text("", encoding="utf-8")
    assert outline_shelf(home) is None


def test_a_bundled_file_changed_by_one_byte_means_the_files_are_read(
    tmp_path: Path, data: Path
) -> None:
    assert outline_shelf(tmp_path, data) is not None
    path = data / COURSE_FOLDER / course_digest.SOURCES[0][0]
    content = path.read_bytes()
    path.write_bytes(content.replace(b"Pacing", b"Pacinh", 1))  # the same size
    assert outline_shelf(tmp_path, data) is None
    path.write_bytes(content + b"\n")
    assert outline_shelf(tmp_path, data) is None
    path.write_bytes(content)
    assert outline_shelf(tmp_path, data) is not None


def test_a_bundled_file_added_or_gone_means_the_files_are_read(tmp_path: Path, data: Path) -> None:
    extra = data / COURSE_FOLDER / "zz-another.toml"
    shutil.copy(data / COURSE_FOLDER / course_digest.SOURCES[0][0], extra)
    assert outline_shelf(tmp_path, data) is None
    extra.unlink()
    (data / COURSE_FOLDER / course_digest.SOURCES[0][0]).unlink()
    assert outline_shelf(tmp_path, data) is None
    shutil.rmtree(data / COURSE_FOLDER)
    assert outline_shelf(tmp_path, data) is None
