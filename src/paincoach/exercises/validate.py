"""Checking one exercise file and building its `Exercise` (every problem is located)."""

from __future__ import annotations

from pathlib import Path

from paincoach.exercises.checks import (
    ID_RE,
    Checker,
    Table,
    TooManyProblemsError,
    found,
    parse_toml,
    read_text,
)
from paincoach.exercises.lists import ListStore
from paincoach.exercises.model import (
    KINDS,
    LESSON_KIND,
    LESSON_MAX_MINUTES,
    LESSON_STEP_TYPES,
    Exercise,
    Origin,
    RatingSpec,
    Step,
)
from paincoach.exercises.problems import LoadWarning
from paincoach.exercises.validate_steps import StepReader

TOP_KEYS = (
    "id", "title", "kind", "summary", "minutes", "caution", "sources", "before", "after", "steps",
    "order",
)  # fmt: skip
RATING_KEYS = ("label", "low", "high")
ID_FORM = 'an id of lower-case letters, digits and "-" (like "box-breathing")'


def check_file(
    path: Path, lists: ListStore | None = None, origin: Origin = "bundled"
) -> tuple[Exercise | None, list[LoadWarning]]:
    """Read, parse and check one exercise file: the exercise, or None and its problems."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return check_text(text, path, lists, origin)


def check_text(
    text: str, path: Path, lists: ListStore | None = None, origin: Origin = "bundled"
) -> tuple[Exercise | None, list[LoadWarning]]:
    """Check exercise TOML `text` as if read from `path`."""
    data, problems = parse_toml(text, path)
    if data is None:
        return None, problems
    check = Checker(path, text)
    try:
        exercise = build_exercise(data, check, lists or ListStore(), origin)
    except TooManyProblemsError:
        return None, check.sorted_problems()
    if check.problems:
        return None, check.sorted_problems()
    return exercise, []


def build_exercise(data: Table, check: Checker, lists: ListStore, origin: Origin) -> Exercise:
    """Build the exercise, recording every problem in `check` (the result is unusable if any)."""
    check.allowed_keys(data, (), TOP_KEYS, "an exercise")
    exercise_id = check.text(data, (), "id", required=True)
    check.pattern(exercise_id, ("id",), ID_RE, ID_FORM)
    title = check.text(data, (), "title", required=True)
    kind = check.one_of(data, (), "kind", KINDS, None)
    summary = check.text(data, (), "summary", required=True)
    minutes = check.whole(data, (), "minutes", 1, 120, required=True)
    caution = check.text(data, (), "caution")
    order = check.whole(data, (), "order", 1, 999)
    sources = check.text_list(data, (), "sources", nonempty=False)
    before = _rating_spec(data, check, "before")
    after = _rating_spec(data, check, "after")
    if "steps" in data:
        steps = StepReader(check, lists).read_all(data["steps"])
    else:
        check.missing((), "steps", "at least one [[steps]] table")
        steps = ()
    if kind == LESSON_KIND:
        _check_lesson(check, minutes, steps)
    return Exercise(
        id=exercise_id,
        title=title,
        kind=kind if isinstance(kind, str) else "",
        summary=summary,
        minutes=minutes or 1,
        steps=steps,
        caution=caution,
        sources=tuple(sources),
        before=before,
        after=after,
        path=check.path,
        origin=origin,
        order=order,
    )


def _rating_spec(data: Table, check: Checker, name: str) -> RatingSpec | None:
    if name not in data:
        return None
    table = data[name]
    if not isinstance(table, dict):
        check.report(
            (name,), f"expected a [{name}] table with label, low and high, found {found(table)}"
        )
        return None
    check.allowed_keys(table, (name,), RATING_KEYS, f"[{name}]")
    label = check.text(table, (name,), "label", required=True)
    return RatingSpec(label, check.text(table, (name,), "low"), check.text(table, (name,), "high"))


def _check_lesson(check: Checker, minutes: int | None, steps: tuple[Step, ...]) -> None:
    """A lesson is a few minutes of reading, with at most a question: no timed steps."""
    if minutes is not None and minutes > LESSON_MAX_MINUTES:
        check.report(
            ("minutes",),
            f"a lesson takes a few minutes: expected 1 to {LESSON_MAX_MINUTES}, found {minutes}",
        )
    for index, step in enumerate(steps):
        if step.type not in LESSON_STEP_TYPES:
            allowed = ", ".join(LESSON_STEP_TYPES)
            check.report(
                ("steps", index, "type"),
                f'a lesson has only {allowed} steps, found "{step.type}"',
            )
