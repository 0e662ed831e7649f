"""After a high-pain check-in: a gentle offer of a skill, never a block."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Static

from paincoach.screens.base import PaincoachDialog

HIGH_PAIN = 7
THOUGHT_RECORD = "thought-record"
SLOW_BREATHING = "breathing-slow"

OFFER = (
    "Your check-in is saved. Pain this high often brings hard thoughts with it. "
    "Would you like to try something for a few minutes?"
)


class OfferDialog(PaincoachDialog[str | None]):
    """Offers a thought record or slow breathing; returns the exercise id or None."""

    BINDINGS = [
        Binding("escape,n", "choose(None)", "Not now", id="offer.not_now", tooltip="Back to Today"),
        Binding(
            "t",
            "choose('thought-record')",
            "Thought record",
            id="offer.thought_record",
            tooltip="Look at the thoughts that come with the pain",
        ),
        Binding(
            "b",
            "choose('breathing-slow')",
            "Slow breathing",
            id="offer.breathing",
            tooltip="A few minutes of slow breathing",
        ),
    ]

    def compose(self) -> ComposeResult:
        """The offer and three choices."""
        with Vertical(classes="dialog confirm"):
            yield Static("Check-in saved", classes="dialog-title")
            yield Static(OFFER, classes="detail")
            with Horizontal(classes="buttons"):
                yield Button("Not now", id="not-now")
                yield Button("Slow breathing", id=SLOW_BREATHING)
                yield Button("Thought record", id=THOUGHT_RECORD, variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Start on 'Not now': the offer must be easy to decline."""
        self.query_one("#not-now", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Choose by button."""
        self.dismiss(None if event.button.id == "not-now" else event.button.id)

    def action_choose(self, exercise_id: str | None) -> None:
        """Choose by key."""
        self.dismiss(exercise_id)
