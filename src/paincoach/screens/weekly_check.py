"""The weekly check: three 0-10 questions about the past seven days (after the PEG idea)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Static

from paincoach.core.errors import InputError
from paincoach.review.weekly_check import QUESTIONS, answers_from
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.form import FORM_BINDINGS, SAVE, EntryForm
from paincoach.services import Services
from paincoach.widgets.hints import key_word
from paincoach.widgets.rating import RatingInput

INTRO = (
    "Three quick questions about the past 7 days. Type a number, Tab to the next, "
    f"{key_word(SAVE)}."
)


class WeeklyCheckDialog(EntryForm):
    """Ask the three questions and save the answers."""

    BINDINGS = [*PaincoachDialog.BINDINGS, *FORM_BINDINGS]
    FIELD_WIDGETS = {question.key: f"q-{question.key}" for question in QUESTIONS}

    def __init__(self, week_start: int) -> None:
        super().__init__()
        self.week_start = week_start

    def compose(self) -> ComposeResult:
        """One rating per question."""
        with Vertical(classes="dialog form weekly-check"):
            yield Static("Weekly check", classes="dialog-title")
            with VerticalScroll():
                yield Static(INTRO, classes="hint")
                for question in QUESTIONS:
                    yield Static(question.text, classes="question")
                    yield RatingInput(
                        "Answer", question.low, question.high, required=True, id=f"q-{question.key}"
                    )
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Start on the first question."""
        self.query_one("#form-error", Static).display = False
        self.query_one(RatingInput).focus()
        self.remember_initial_state()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def describe(self) -> str:
        """Named in the question Ctrl+Q asks."""
        return "The weekly check"

    def form_state(self) -> object:
        """The answers so far."""
        return tuple(self.query_one(f"#q-{q.key}", RatingInput).value for q in QUESTIONS)

    def build_save(self) -> Callable[[Services], object]:
        """Check every question is answered and return the call that saves them."""
        values = {q.key: self.query_one(f"#q-{q.key}", RatingInput).value for q in QUESTIONS}
        missing = [q for q in QUESTIONS if values[q.key] is None]
        if missing:
            raise InputError(
                missing[0].key, "Please answer each question with a number from 0 to 10."
            )
        answers = answers_from(values)
        week_start = self.week_start
        return lambda services: services.weekly_checks.record(answers, week_start=week_start)
