"""After a hard check-in: a gentle offer of a skill, never a block.

High pain brings the offer of a thought record or slow breathing. A very low mood brings
more, never less: a kind word and the first crisis lines where the person lives, with the
same offer below them, whatever the pain.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Static

from paincoach.safety import LOW_MOOD_CARD
from paincoach.screens.base import PaincoachDialog

THOUGHT_RECORD = "thought-record"
SLOW_BREATHING = "breathing-slow"

OFFER = (
    "Your check-in is saved. Pain this high often brings hard thoughts with it. "
    "Would you like to try something for a few minutes?"
)
LOW_MOOD_OFFER = "If you would like, something for a few minutes may help a little too."
HELP_NOW_HINT = "h or F1 opens Help now: every line where you live, and your own people."


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
            "h",
            "app.help_now",
            "Help now",
            id="offer.help_now",
            tooltip="Crisis lines, emergency numbers and your own contacts",
        ),
        Binding(
            "b",
            "choose('breathing-slow')",
            "Slow breathing",
            id="offer.breathing",
            tooltip="A few minutes of slow breathing",
        ),
    ]

    def __init__(self, reach: list[str] | None = None) -> None:
        """`reach`: crisis lines to show first (the mood was very low), or None."""
        super().__init__()
        self.reach = reach

    def compose(self) -> ComposeResult:
        """The offer and three choices (after a kind word and the lines, when mood is low)."""
        with Vertical(classes="dialog confirm"):
            yield Static("Check-in saved", classes="dialog-title")
            if self.reach is not None:
                yield Static(LOW_MOOD_CARD, classes="detail", id="offer-card", markup=False)
                lines = "\n".join(self.reach)
                yield Static(lines, classes="detail reach", id="offer-lines", markup=False)
                yield Static(HELP_NOW_HINT, classes="detail", markup=False)
                yield Static(LOW_MOOD_OFFER, classes="detail", markup=False)
            else:
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
