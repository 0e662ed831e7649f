"""The gentle question, once, an hour or few after a dose: how much did it help?

Asked when the app opens (`Treatments.due_rating`), never over Help now or the first-run
notice. Either answer is kept as "asked" (`mark_asked`), so it never comes back.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from paincoach.core.textsafe import one_line
from paincoach.records.treatments import Dose
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.dose_dialog import RELIEF_LABELS
from paincoach.widgets.rating import RatingInput

RELIEF_HINT = "a number, or Not now"
"""Said beside the number: Save needs one, and Not now is always a fine answer."""


@dataclass(frozen=True)
class Rated:
    """The person's answer: how much it helped, and any side effects."""

    relief: int
    side_effects: str


def question(dose: Dose) -> str:
    """'How much did ibuprofen help? (0-10)'."""
    return f"How much did {one_line(dose.name, 40)} help? (0-10)"


class RateDoseDialog(PaincoachDialog[Rated | None]):
    """How much a dose helped, and side effects if any; Escape is "Not now"."""

    BINDINGS = [
        *PaincoachDialog.BINDINGS,
        Binding("escape", "not_now", "Not now", id="rate_dose.not_now", tooltip="Do not ask again"),
        Binding(
            "ctrl+s", "save", "Save", priority=True, id="rate_dose.save", tooltip="Keep the answer"
        ),
    ]

    def __init__(self, dose: Dose) -> None:
        super().__init__()
        self.dose = dose

    def compose(self) -> ComposeResult:
        """The question, when the dose was taken, the rating, side effects, the buttons."""
        dose = self.dose
        what = f" ({one_line(dose.dose, 30)})" if dose.dose else ""
        with Vertical(classes="dialog confirm rate-dose"):
            yield Static(question(dose), classes="dialog-title", markup=False)
            yield Static(
                f"You took it{what} at {dose.at:%H:%M}. A number is enough; this is asked once.",
                classes="detail",
                markup=False,
            )
            yield RatingInput(
                "How much it helped",
                *RELIEF_LABELS,
                required=True,
                hint=RELIEF_HINT,
                id="rate-relief",
            )
            with Horizontal(classes="field-row"):
                yield Label("Side effects", classes="field-label")
                yield Input(id="rate-side-effects", compact=True, placeholder="if any")
            yield Static("", id="rate-problem", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Not now (Esc)", id="not-now")
                yield Button("Save (Ctrl+S)", id="save", variant="primary")

    def on_mount(self) -> None:
        """Start on the number."""
        self.query_one("#rate-problem").display = False
        self.query_one("#rate-relief", RatingInput).focus()

    def on_input_submitted(self) -> None:
        """Enter in the side effects saves."""
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save, or not now."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_not_now()

    def action_save(self) -> None:
        """Keep the answer (a number is needed; side effects are optional)."""
        relief = self.query_one("#rate-relief", RatingInput).value
        if relief is None:
            problem = self.query_one("#rate-problem", Static)
            problem.update("Choose a number from 0 to 10 first, or press Escape for not now.")
            problem.display = True
            self.query_one("#rate-relief", RatingInput).focus()
            return
        self.dismiss(Rated(relief, self.query_one("#rate-side-effects", Input).value))

    def action_not_now(self) -> None:
        """Not now: it will not be asked again."""
        self.dismiss(None)
