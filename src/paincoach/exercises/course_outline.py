"""The bundled courses' outlines, for Today's one line without reading and checking the files.

Today's line needs, of each course, its id, title and, of each week, what it asks and its
lesson and practices. For the bundled course files those are derived from the files
themselves (`course_derive`, never written by hand) and kept in `course_digest`:

    python -m paincoach.exercises.course_derive && ruff format src/paincoach/exercises

They are used only while nothing could make the checked files say otherwise: the bundled
folder holds exactly the files they were made from, byte for byte (each one's size and
CRC-32), and the person has no course file of their own. Otherwise Today's line reads the
files through the checker, as the Course screen always does. Reading the outline instead
saves loading `tomllib` and the content checks at every `paincoach today` (issue 18).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Sequence
from pathlib import Path

from paincoach.core.resources import data_dir

COURSE_FOLDER = "courses"


def week_at(weeks: Sequence[object], number: int) -> int:
    """The index of week `number` (from 1) in `weeks`: the last one if past the end."""
    return min(max(number, 1), len(weeks)) - 1


class WeekOutline:
    """A week as Today's line reads it: its number, what it asks, its lesson and practices."""

    __slots__ = ("asks", "items", "number")

    def __init__(self, number: int, asks: str, items: tuple[str, ...]) -> None:
        self.number = number
        self.asks = asks
        self.items = items


class CourseOutline:
    """A bundled course as Today's line reads it (a plain class: cheap to make at start-up)."""

    __slots__ = ("id", "title", "weeks")

    def __init__(self, course_id: str, title: str, weeks: tuple[WeekOutline, ...]) -> None:
        self.id = course_id
        self.title = title
        self.weeks = weeks

    def week(self, number: int) -> WeekOutline:
        """Week `number` (from 1), the last one if past the end (as `Course.week`)."""
        return self.weeks[week_at(self.weeks, number)]


class OutlineShelf:
    """The bundled courses' outlines by id: the shelf Today's line chooses from."""

    def __init__(self, outlines: Sequence[CourseOutline]) -> None:
        self.courses = {outline.id: outline for outline in outlines}

    def get(self, course_id: str) -> CourseOutline | None:
        """The course with this id."""
        return self.courses.get(course_id)

    @property
    def first(self) -> CourseOutline | None:
        """The course offered to someone who has not started one (all are bundled: by id)."""
        return self.courses[min(self.courses)] if self.courses else None


def outline_shelf(home: Path | None, data: Path | None = None) -> OutlineShelf | None:
    """The bundled courses' outlines, or None when the files must be read and checked.

    None when the person has a course file of their own (`<home>/courses/*.toml`), or the
    bundled folder's course files are not exactly those the outlines were made from.
    """
    from paincoach.exercises import course_digest  # data only

    if home is not None and _course_files(home / COURSE_FOLDER):
        return None
    folder = (data or data_dir()) / COURSE_FOLDER
    sources = course_digest.SOURCES
    if _course_files(folder) != [name for name, _size, _crc in sources]:
        return None
    for name, size, crc in sources:
        try:
            content = (folder / name).read_bytes()
        except OSError:
            return None  # the checker reports it
        if len(content) != size or zlib.crc32(content) != crc:
            return None
    return OutlineShelf(
        [
            CourseOutline(
                course_id,
                title,
                tuple(
                    WeekOutline(number, asks, items)
                    for number, (asks, items) in enumerate(weeks, start=1)
                ),
            )
            for course_id, title, weeks in course_digest.COURSES
        ]
    )


def _course_files(folder: Path) -> list[str]:
    """The names `checks.toml_files` would find in `folder` (a folder named `x.toml` too)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(
                e.name for e in entries if e.name.endswith(".toml") and not e.name.startswith(".")
            )
    except OSError:
        return []
