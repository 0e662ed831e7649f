"""Marking a day from the calendar: "started physiotherapy", in the person's own words.

The event is saved by `services.events` (the same as `paincoach events add`); a title that
cannot be kept, or the same one on that day again, is explained in the dialog and nothing
is saved. The trends then list it with its before and after.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from paincoach.core.errors import PaincoachError
from paincoach.records.long_view import MarkedEvent
from paincoach.screens.base import PaincoachDialog

DETAIL = (
    "Something that changed, such as starting physiotherapy or a new job. The trends "
    "show it with your figures before and after it."
)


class MarkEventDialog(PaincoachDialog[MarkedEvent | None]):
    """A title for the day; Enter saves, Escape saves nothing."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="mark_event.cancel", tooltip="Save nothing"),
    ]

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        """The day, what a mark is for, the title, a line for problems, the buttons."""
        with Vertical(classes="dialog confirm"):
            yield Static(
                f"Mark {self.day:%A} {self.day.day} {self.day:%B %Y}",
                classes="dialog-title",
                markup=False,
            )
            yield Static(DETAIL, classes="detail", markup=False)
            yield Input(id="event-title", placeholder="What happened", compact=True)
            yield Static("", id="event-problem", classes="detail", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        """Start in the title."""
        self.query_one("#event-title", Input).focus()

    def on_input_submitted(self) -> None:
        """Enter saves."""
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        day, title = self.day, self.query_one("#event-title", Input).value
        # the day was chosen on the calendar, so it is not asked about as unlikely
        self.call_service(
            lambda s: s.events.add(day, title, confirmed=True),
            self.dismiss,
            group="mark-event",
            failed=self._problem,
        )

    def _problem(self, error: PaincoachError) -> None:
        self.query_one("#event-problem", Static).update(f"{error.message} Nothing was saved.")

    def action_cancel(self) -> None:
        """Save nothing."""
        self.dismiss(None)
