"""Make `course_digest.py`, the bundled courses' outlines, from the checked course files.

    python -m paincoach.exercises.course_derive && ruff format src/paincoach/exercises

The tests fail when `course_digest` is not what the bundled files give, so a course edit
that forgets this is caught before it ships (`course_outline` explains what it is for).
"""

from __future__ import annotations

import zlib
from pathlib import Path

from paincoach.core.resources import data_dir
from paincoach.exercises.checks import toml_files
from paincoach.exercises.course_outline import COURSE_FOLDER
from paincoach.exercises.courses import check_course_file

#: (file name, size, CRC-32) of each bundled course file, in name order.
Sources = tuple[tuple[str, int, int], ...]
#: (id, title, ((asks, (lesson, *practices)), ...)) of each bundled course.
Outlines = tuple[tuple[str, str, tuple[tuple[str, tuple[str, ...]], ...]], ...]


def derive(data: Path | None = None) -> tuple[Sources, Outlines]:
    """The sources and outlines of the bundled course files (a file with problems raises)."""
    sources, outlines = [], []
    for path in toml_files((data or data_dir()) / COURSE_FOLDER):
        content = path.read_bytes()
        course, problems = check_course_file(path, None)
        if course is None:
            raise ValueError(f"{path.name} has problems: {problems}")
        sources.append((path.name, len(content), zlib.crc32(content)))
        weeks = tuple((week.asks, week.items) for week in course.weeks)
        outlines.append((course.id, course.title, weeks))
    return tuple(sources), tuple(outlines)


def render(sources: Sources, outlines: Outlines) -> str:
    """The text of `course_digest.py` (before `ruff format`)."""
    return "\n".join(
        [
            '"""Made from data/courses/ by `python -m paincoach.exercises.course_derive`.',
            "",
            "Do not edit: the tests fail when this is not what the files give (then run it).",
            '"""',
            "",
            f"SOURCES: tuple[tuple[str, int, int], ...] = {sources!r}",
            "COURSES: tuple[tuple[str, str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = "
            f"{outlines!r}",
            "",
        ]
    )


if __name__ == "__main__":  # pragma: no cover - the maintainer's tool, see the docstring
    target = Path(__file__).with_name("course_digest.py")
    target.write_text(render(*derive()), encoding="utf-8")
    print(f"wrote {target}")
