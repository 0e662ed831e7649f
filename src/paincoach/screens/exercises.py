"""The exercise library: every exercise grouped by kind, with its length and a one-line summary."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from paincoach.core.textsafe import visible
from paincoach.exercises.loader import Library
from paincoach.exercises.model import Exercise, kind_title
from paincoach.exercises.problems import LoadWarning
from paincoach.screens.base import PaincoachScreen

WARNINGS_SHOWN = 4


def exercise_title(exercise: Exercise) -> Text:
    """`Slow breathing (5 in, 5 out) · 10 min` (and whether it is the person's own)."""
    text = Text(visible(exercise.title), style="bold")
    text.append(f"  · {exercise.minutes} min")
    if exercise.origin == "user":
        text.append(" · your own", style="italic")
    return text


def exercise_prompt(exercise: Exercise) -> Group:
    """Title and minutes on one line, the summary under it (wrapped lines stay indented)."""
    summary = Text(visible(" ".join(exercise.summary.split())), style="dim")
    return Group(Padding(exercise_title(exercise), (0, 0, 0, 2)), Padding(summary, (0, 0, 0, 4)))


def warning_line(warning: LoadWarning) -> str:
    """`my.toml, line 12, steps[3].seconds: expected …` (the file's name, not its folder)."""
    parts = [warning.path.name or str(warning.path)]
    if warning.line is not None:
        parts.append(f"line {warning.line}")
    if warning.field:
        parts.append(warning.field)
    return visible(", ".join(parts) + ": " + warning.message)


def warnings_text(warnings: list[LoadWarning]) -> str:
    """Each of the person's skipped files, named once with its first problem."""
    first: dict[object, LoadWarning] = {}
    for warning in warnings:
        first.setdefault(warning.path, warning)
    were = "were" if len(first) != 1 else "was"
    lines = [f"Warning: {len(first)} of your exercise files {were} skipped. Fix, then press r:"]
    shown = list(first.values())[:WARNINGS_SHOWN]
    lines += ["  " + warning_line(w) for w in shown]
    if len(first) > WARNINGS_SHOWN:
        lines.append(
            f"  … and {len(first) - WARNINGS_SHOWN} more files "
            "(`paincoach exercises check` lists every problem)."
        )
    elif len(warnings) > len(first):
        lines.append("  (`paincoach exercises check` lists every problem in them.)")
    return "\n".join(lines)


class ExercisesScreen(PaincoachScreen[None]):
    """Choose an exercise and start it."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="exercises.back", tooltip="Back to where you were"),
        Binding(
            "r",
            "reload",
            "Reload",
            id="exercises.reload",
            tooltip="Read the exercise files again (after changing your own)",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library: Library | None = None

    def compose(self) -> ComposeResult:
        """Status line, skipped-file warnings, and the library."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Static("Loading the exercises…", id="exercises-status", markup=False)
            yield Static("", id="exercises-warnings", markup=False)
            yield OptionList(id="exercise-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Load the library in a worker."""
        self.sub_title = "Exercises"
        self.query_one("#exercises-warnings").display = False
        self.query_one("#exercise-list").focus()
        self.action_reload()

    def action_reload(self) -> None:
        """Read the library again."""
        self.call_service(lambda services: services.library(), self.show_library, group="library")

    def show_library(self, library: Library) -> None:
        """List the exercises by kind; say which files were skipped."""
        self.library = library
        options = self.query_one("#exercise-list", OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        options.clear_options()
        for kind, exercises in library.by_kind().items():
            options.add_option(
                Option(Text(kind_title(kind), style="bold underline"), disabled=True)
            )
            options.add_options(Option(exercise_prompt(e), id=e.id) for e in exercises)
        count = len(library.exercises)
        self.query_one("#exercises-status", Static).update(
            f"{count} exercises. ↑ ↓ to choose, Enter to start."
            if count
            else "No exercises could be loaded."
        )
        warnings = self.query_one("#exercises-warnings", Static)
        warnings.update(warnings_text(library.warnings) if library.warnings else "")
        warnings.display = bool(library.warnings)
        self._highlight(highlighted)

    def _highlight(self, exercise_id: str | None) -> None:
        options = self.query_one("#exercise-list", OptionList)
        for index in range(options.option_count):
            option = options.get_option_at_index(index)
            if not option.disabled and (exercise_id is None or option.id == exercise_id):
                options.highlighted = index
                return

    @on(OptionList.OptionSelected, "#exercise-list")
    def _start(self, event: OptionList.OptionSelected) -> None:
        exercise = self.library.get(event.option.id or "") if self.library else None
        if exercise is not None:
            from paincoach.screens.exercise_start import run_exercise

            run_exercise(self.app, exercise)

    def action_back(self) -> None:
        """Back to where the person came from."""
        self.dismiss(None)
