"""Ask a yes/no question before something that cannot be undone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from paincoach.screens.base import PaincoachDialog


class ConfirmDialog(PaincoachDialog[bool]):
    """A question with two buttons; Escape means no."""

    BINDINGS = [
        Binding(
            "escape",
            "answer(False)",
            "Cancel",
            id="confirm.cancel",
            tooltip="Go back without doing it",
        ),
        Binding("y", "answer(True)", "Yes", show=False, id="confirm.yes"),
        Binding("n", "answer(False)", "No", show=False, id="confirm.no"),
    ]

    def __init__(
        self, question: str, *, yes: str = "Yes", no: str = "Cancel", detail: str = ""
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        """The question, an optional detail, and the two choices."""
        with Vertical(classes="dialog confirm"):
            yield Static(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Static(self.detail, classes="detail", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="no")
                yield Button(self.yes, id="yes", variant="warning")

    def on_mount(self) -> None:
        """Start on the safe choice."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the pressed button."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Answer by key."""
        self.dismiss(answer)
