"""After a hard check-in: a gentle offer of a skill, never a block.

High pain brings the offer of something short and calming first (three minutes of relaxed
breathing, or grounding), then the person's flare-up plan, and a thought record second. A
very low mood brings more, never less: a kind word and the first crisis lines where the
person lives, with the same offer below them, whatever the pain.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Static

from paincoach.safety import LOW_MOOD_CARD
from paincoach.screens.base import PaincoachDialog

THOUGHT_RECORD = "thought-record"
SLOW_BREATHING = "breathing-slow"  # Help now's `b`: the pacer straight away
SHORT_BREATHING = "breathing-relaxed-3min"
GROUNDING = "grounding-54321"
FLARE_PLAN = "flare-plan"  # not run as such: the plan is shown, or written when there is none

OFFER = (
    "Your check-in is saved. Pain this high is hard. Would a few calm minutes help? "
    "Three minutes of easy breathing, grounding through your senses, or your own flare-up "
    "plan. A thought record is here too, for the thoughts that come with the pain."
)
LOW_MOOD_OFFER = "If you would like, something for a few minutes may help a little too."
HELP_NOW_HINT = "h or F1 opens Help now: every line where you live, and your own people."


class OfferDialog(PaincoachDialog[str | None]):
    """Offers something short, the flare-up plan, then a thought record; returns the choice.

    The choice is an exercise id (`FLARE_PLAN` asks for the plan), or None for "not now".
    """

    BINDINGS = [
        # Not now is the first button and has the focus; the footer keeps its room for the rest.
        Binding(
            "escape,n",
            "choose(None)",
            "Not now",
            id="offer.not_now",
            tooltip="Back to Today",
            show=False,
        ),
        Binding(
            "b",
            f"choose('{SHORT_BREATHING}')",
            "Breathe 3 min",
            id="offer.breathing",
            tooltip="Three minutes of easy, relaxed breathing",
        ),
        Binding(
            "g",
            f"choose('{GROUNDING}')",
            "Grounding",
            id="offer.grounding",
            tooltip="Come back to the here and now through your senses (about 4 minutes)",
        ),
        Binding(
            "p",
            f"choose('{FLARE_PLAN}')",
            "Flare-up plan",
            id="offer.flare_plan",
            tooltip="Your flare-up plan, or write one if there is none yet",
        ),
        Binding(
            "t",
            f"choose('{THOUGHT_RECORD}')",
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
            show=False,  # F1 says it in the footer
        ),
    ]

    def __init__(self, reach: list[str] | None = None) -> None:
        """`reach`: crisis lines to show first (the mood was very low), or None."""
        super().__init__()
        self.reach = reach

    def compose(self) -> ComposeResult:
        """The offer and three choices (after a kind word and the lines, when mood is low)."""
        with Vertical(classes="dialog confirm offer"):
            yield Static("Check-in saved", classes="dialog-title")
            if self.reach is not None:
                yield Static(LOW_MOOD_CARD, classes="detail", id="offer-card", markup=False)
                lines = "\n".join(self.reach)
                yield Static(lines, classes="detail reach", id="offer-lines", markup=False)
                yield Static(HELP_NOW_HINT, classes="detail", markup=False)
                yield Static(LOW_MOOD_OFFER, classes="detail", markup=False)
            else:
                yield Static(OFFER, classes="detail")
            with Horizontal(classes="buttons offer-choices"):
                yield Button("Not now", id="not-now", compact=True)
                yield Button("Breathe 3 min", id=SHORT_BREATHING, compact=True, variant="primary")
                yield Button("Grounding", id=GROUNDING, compact=True, variant="primary")
                yield Button("Flare-up plan", id=FLARE_PLAN, compact=True, variant="primary")
                yield Button("Thought record", id=THOUGHT_RECORD, compact=True)
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
