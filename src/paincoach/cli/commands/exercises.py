"""`paincoach exercises list` and `paincoach exercises check PATH…`.

Neither opens the journal: the library is read from the bundled content and the person's
own `<home>/exercises/` folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich import box
from rich.table import Table
from rich.text import Text

from paincoach.cli.terminal import console
from paincoach.core.textsafe import one_line, visible
from paincoach.core.words import counted
from paincoach.exercises.loader import (
    USER_FOLDER,
    ExerciseInfo,
    check_paths,
    exercise_files,
    list_exercises,
)
from paincoach.exercises.model import kind_title
from paincoach.exercises.problems import LoadWarning

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def run(args: argparse.Namespace, home: Path) -> int:
    """Run `exercises list` or `exercises check`."""
    if args.exercises_command == "check":
        return check([Path(p) for p in args.paths])
    return show_list(home)


def show_list(home: Path) -> int:
    """Print the library grouped by kind; warnings about skipped files go to stderr."""
    rows, warnings = list_exercises(home)
    out = console()
    if rows:
        out.print(library_table(rows))
    if any(row.origin == "user" for row in rows):
        folder = visible(str(home / USER_FOLDER))
        out.print(f"'yours': from your own folder {folder}", soft_wrap=True)
    out.print(f"{len(rows)} exercises. Open the app (run 'paincoach') to start one.")
    _print_warnings(warnings)
    return EXIT_OK


def library_table(rows: list[ExerciseInfo]) -> Table:
    """One table, a section per kind (rows arrive in library order, grouped by kind)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("title", ratio=2)
    table.add_column("min", justify="right", no_wrap=True)
    table.add_column("summary", ratio=3)
    groups: dict[str, list[ExerciseInfo]] = {}
    for row in rows:
        groups.setdefault(row.kind, []).append(row)
    for kind, members in groups.items():
        table.add_row(Text(kind_title(kind), style="bold underline"))
        for index, row in enumerate(members):
            table.add_row(
                Text(row.id),
                _title(row),
                Text(str(row.minutes)),
                Text(one_line(row.summary, 300)),
                end_section=index == len(members) - 1,
            )
    return table


def _title(row: ExerciseInfo) -> Text:
    title = Text(visible(row.title))
    if row.origin == "user":
        title.append(" (yours, replaces the bundled one)" if row.overrides else " (yours)")
    return title


def _print_warnings(warnings: list[LoadWarning]) -> None:
    if not warnings:
        return
    err = console(stderr=True)
    err.print(
        f"paincoach: {counted(len(warnings), 'problem')} in your exercise files; "
        "those were skipped:",
        soft_wrap=True,
    )
    for warning in warnings:
        err.print(Text("  " + visible(str(warning))), soft_wrap=True)
    err.print(
        "Run 'paincoach exercises check FILE' after fixing a file to check it again.",
        soft_wrap=True,
    )


def check(paths: list[Path]) -> int:
    """Check exercise (or shared list) files and folders; exit 2 on any problem."""
    problems = check_paths(paths)
    if problems:
        out = console()
        for problem in problems:
            out.print(Text(visible(str(problem))), soft_wrap=True)  # one per line
        files = len({problem.path for problem in problems})
        console(stderr=True).print(
            f"paincoach: {counted(len(problems), 'problem')} in {counted(files, 'file')}. "
            "Each line says the file, line and field, and what is expected.",
            soft_wrap=True,
        )
        return EXIT_BAD_INPUT
    count = sum(len(_files(path)) for path in paths)
    console().print(f"OK: {counted(count, 'file')} checked, no problems found.")
    return EXIT_OK


def _files(path: Path) -> list[Path]:
    return exercise_files(path) if path.is_dir() else [path]
