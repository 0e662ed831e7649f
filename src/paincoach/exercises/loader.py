"""Loading the exercise library: bundled files plus the user's, where a user `id` overrides."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from paincoach.core.resources import data_dir
from paincoach.exercises.checks import ID_RE, read_text, toml_files
from paincoach.exercises.courses import check_course_file, is_course
from paincoach.exercises.lists import ListStore, validate_list
from paincoach.exercises.model import KINDS, Exercise, Origin
from paincoach.exercises.problems import LoadWarning
from paincoach.exercises.validate import check_file

USER_FOLDER = "exercises"
MAX_USER_FILES = 300
"""The person's own exercise files read, at most (by name): the exercise list with 3,000
took 7 s to appear and then held every key, Help now's F1 included, for 6 s more."""


@dataclass
class Library:
    """The loaded exercises by id, and the warnings about files that were skipped."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    warnings: list[LoadWarning] = field(default_factory=list)
    overridden: dict[str, Path] = field(default_factory=dict)  # id → bundled file replaced

    def get(self, exercise_id: str) -> Exercise | None:
        """The exercise with this id, if loaded."""
        return self.exercises.get(exercise_id)

    def sorted(self) -> list[Exercise]:
        """Exercises grouped by kind (in `KINDS` order), then by title."""
        return sorted(self.exercises.values(), key=_library_order)

    def by_kind(self) -> dict[str, list[Exercise]]:
        """Exercises grouped by kind, each group sorted by title."""
        groups: dict[str, list[Exercise]] = {}
        for exercise in self.sorted():
            groups.setdefault(exercise.kind, []).append(exercise)
        return groups


def _library_order(exercise: Exercise) -> tuple[int, int, str, str]:
    rank = KINDS.index(exercise.kind) if exercise.kind in KINDS else len(KINDS)
    order = exercise.order if exercise.order is not None else UNORDERED
    return rank, order, exercise.title.casefold(), exercise.id


UNORDERED = 1000
"""Exercises without an `order` come after those with one, by title."""


def exercise_files(folder: Path) -> list[Path]:
    """The `*.toml` files directly in `folder`, sorted (hidden files are left out)."""
    return toml_files(folder)


def load_library(home: Path | None = None, data: Path | None = None) -> Library:
    """Load bundled exercises, then `<home>/exercises/*.toml` over them.

    A file with problems is skipped and its problems become warnings; the rest still load.
    A user file with the id of a bundled exercise replaces it; two files of the same origin
    with one id are a problem, and the later file (by name) is skipped.
    """
    data = data or data_dir()
    lists = ListStore(data)
    library = Library()
    _load_into(library, exercise_files(data / "exercises"), lists, "bundled")
    if home is not None:
        folder = home / USER_FOLDER
        if folder.exists() and not folder.is_dir():
            library.warnings.append(
                LoadWarning(folder, None, None, "expected a folder of .toml files")
            )
        files = exercise_files(folder)
        if len(files) > MAX_USER_FILES:
            library.warnings.append(_too_many(folder, len(files)))
        _load_into(library, files[:MAX_USER_FILES], lists, "user")
    return library


def load_bundled(exercise_id: str) -> Exercise | None:
    """One of paincoach's own exercises by id, read from its file alone and kept for next time.

    Help now uses this: it never waits for the rest of the library, and never reads the
    person's files (a file of theirs with the same id does not replace it here). A bundled
    exercise lives in `<id>.toml` (a test holds every bundled file to that). None when
    there is no such exercise or its file has problems.
    """
    return _bundled_by_id(exercise_id, data_dir())


@lru_cache(maxsize=16)
def _bundled_by_id(exercise_id: str, data: Path) -> Exercise | None:
    if ID_RE.fullmatch(exercise_id) is None:  # never a path of the caller's choosing
        return None
    path = data / "exercises" / f"{exercise_id}.toml"
    if not path.is_file():
        return None
    exercise, _problems = check_file(path, ListStore(data), "bundled")
    return exercise if exercise is not None and exercise.id == exercise_id else None


def _load_into(library: Library, paths: list[Path], lists: ListStore, origin: Origin) -> None:
    for path in paths:
        exercise, problems = check_file(path, lists, origin)
        library.warnings += problems
        if exercise is None:
            continue
        previous = library.exercises.get(exercise.id)
        if previous is not None and previous.origin == origin:
            library.warnings.append(_duplicate(exercise, previous))
            continue
        if previous is not None and previous.path is not None:
            library.overridden[exercise.id] = previous.path
        library.exercises[exercise.id] = exercise


def _too_many(folder: Path, count: int) -> LoadWarning:
    message = (
        f"only the first {MAX_USER_FILES} of the {count} exercise files here are read "
        f"(by name); paincoach reads up to {MAX_USER_FILES} of your own"
    )
    return LoadWarning(folder, None, None, message)


def _duplicate(exercise: Exercise, previous: Exercise) -> LoadWarning:
    other = previous.path.name if previous.path else "another file"
    assert exercise.path is not None  # set by the validator for every loaded file
    return LoadWarning(
        exercise.path, 1, "id", f'duplicate id "{exercise.id}": already used by {other}'
    )


def check_paths(paths: Iterable[Path], data: Path | None = None) -> list[LoadWarning]:
    """Every problem in the given files and folders (`paincoach exercises check PATH…`).

    Folders are checked file by file (`*.toml`); ids must be unique across everything
    checked. A file with `items` and no `steps` is checked as a shared list, one with
    `weeks` as a course (its lessons and practices must be bundled or among those checked). An empty
    result means all is well; the CLI exits 2 on any problem.
    """
    lists = ListStore(data or data_dir())
    problems: list[LoadWarning] = []
    seen: dict[str, Path] = {}
    checked: dict[str, Exercise] = {}
    courses: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = exercise_files(path)
            if not files:
                problems.append(LoadWarning(path, None, None, "no .toml files in this folder"))
        elif path.exists():
            files = [path]
        else:
            problems.append(LoadWarning(path, None, None, "no such file or folder"))
            files = []
        for file in files:
            kind = _content_kind(file)
            if kind == "list":
                problems += validate_list(file)[1]
            elif kind == "course":
                courses.append(file)
            else:
                problems += _check_one(file, lists, seen, checked)
    if courses:  # against the bundled library and the exercises checked with them
        exercises = {**load_library(None, data).exercises, **checked}
        for file in courses:
            problems += check_course_file(file, exercises, "user")[1]
    return problems


def _content_kind(path: Path) -> str:
    """ "list" (`items`, no `steps`), "course" (`weeks`, no `steps`), else "exercise"."""
    text, _problems = read_text(path)  # never more than a content file's limit
    if text is None:
        return "exercise"  # the exercise check reports why
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return "exercise"
    if "items" in data and "steps" not in data:
        return "list"
    return "course" if is_course(data) else "exercise"


def _check_one(
    path: Path, lists: ListStore, seen: dict[str, Path], checked: dict[str, Exercise]
) -> list[LoadWarning]:
    exercise, problems = check_file(path, lists, "user")
    if exercise is None:
        return problems
    if exercise.id in seen and seen[exercise.id].resolve() != path.resolve():
        where = seen[exercise.id]
        return [
            LoadWarning(path, 1, "id", f'duplicate id "{exercise.id}": already used by {where}')
        ]
    seen.setdefault(exercise.id, path)
    checked[exercise.id] = exercise
    return []


@dataclass(frozen=True)
class ExerciseInfo:
    """One row of `paincoach exercises list`."""

    id: str
    title: str
    kind: str
    minutes: int
    summary: str
    origin: Origin
    path: Path | None
    overrides: bool  # a user file replacing a bundled exercise


def list_exercises(
    home: Path | None = None, data: Path | None = None
) -> tuple[list[ExerciseInfo], list[LoadWarning]]:
    """Rows for `paincoach exercises list` (library order) and the load warnings."""
    library = load_library(home, data)
    rows = [
        ExerciseInfo(
            e.id,
            e.title,
            e.kind,
            e.minutes,
            e.summary,
            e.origin,
            e.path,
            e.id in library.overridden,
        )
        for e in library.sorted()
    ]
    return rows, library.warnings
