"""Asking for one number for a pacing plan: its goal, or its weekly rise.

The value is checked here with the same rules the service uses (`exercises.pacing_changes`),
so a value that cannot be used is explained in the dialog and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from paincoach.exercises.pacing import DEFAULT_PERCENT, PacingError
from paincoach.exercises.pacing_changes import check_safe_percent
from paincoach.screens.base import PaincoachDialog
from paincoach.widgets.step_pacing import field_row, parse_goal, parse_number


@dataclass(frozen=True)
class Chosen:
    """The value the person chose (None: a goal left open)."""

    value: float | None


def goal_from(text: str) -> float | None:
    """A goal typed (empty, "none" or "open" leave it open): the plan step's own rule."""
    return parse_goal(text)


def percent_from(text: str) -> float:
    """A weekly rise typed in percent (empty: 10); PacingError outside 5-20 (with the reason)."""
    value = parse_number(text, "The weekly rise", DEFAULT_PERCENT)
    check_safe_percent(value)
    return value


class PlanValueDialog(PaincoachDialog[Chosen | None]):
    """One field, what it means, and why a value cannot be used; Escape changes nothing."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="plan_value.cancel", tooltip="Change nothing"),
    ]

    def __init__(
        self,
        question: str,
        detail: str,
        label: str,
        value: str,
        parse: Callable[[str], float | None],
    ) -> None:
        super().__init__()
        self.question = question
        self.label = label
        self.detail = detail
        self.value = value
        self.parse = parse

    def compose(self) -> ComposeResult:
        """The question, what it means, the field, a line for problems, and the buttons."""
        with Vertical(classes="dialog confirm plan-value"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static(self.detail, classes="detail", markup=False)
            yield field_row(self.label, self.value, "plan-value")
            yield Static("", id="plan-value-problem", classes="detail", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        """Start in the field."""
        self.query_one("#plan-value", Input).focus()

    def on_input_submitted(self) -> None:
        """Enter saves (when the value can be used)."""
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        text = self.query_one("#plan-value", Input).value
        try:
            value = self.parse(text)
        except PacingError as exc:
            words = str(exc)
            self.query_one("#plan-value-problem", Static).update(
                words[:1].upper() + words[1:] + ". Nothing was changed."
            )
            return
        self.dismiss(Chosen(value))

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
