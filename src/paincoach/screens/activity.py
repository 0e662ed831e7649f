"""The activity form: what, how long, how hard, paced or not, and a note.

Under "Paced" a line says which pacing plan the activity counts for, as it is typed (an
activity counts for the plan of its name only: `records.plan_match`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Footer, Input, Label, Static, TextArea

from paincoach.core.textsafe import visible
from paincoach.records.entries import RATING_LABELS, Activity, ActivityDraft, check_minutes
from paincoach.records.plan_match import counts_for
from paincoach.records.practice import PacingPlanView
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.form import (
    FORM_BINDINGS,
    EntryForm,
    kept_if_untouched,
    kept_when_if_untouched,
    when_text,
)
from paincoach.services import Services
from paincoach.widgets.marked import TickBox
from paincoach.widgets.rating import RatingInput
from paincoach.widgets.text_box import TextBox


class ActivityDialog(EntryForm):
    """Record or change an activity."""

    BINDINGS = [*PaincoachDialog.BINDINGS, *FORM_BINDINGS]
    FIELD_WIDGETS = {
        "when": "when",
        "name": "name",
        "minutes": "minutes",
        "effort": "effort",
        "note": "note",
    }

    def __init__(self, existing: Activity | None = None) -> None:
        super().__init__()
        self.existing = existing
        self._plans: list[PacingPlanView] | None = None  # the active plans, once fetched

    def compose(self) -> ComposeResult:
        """The fields in the order people answer them."""
        old = self.existing
        with Vertical(classes="dialog form"):
            yield Static("Edit activity" if old else "Log an activity", classes="dialog-title")
            with VerticalScroll():
                with Horizontal(classes="field-row"):
                    yield Label("What", classes="field-label")
                    yield Input(
                        visible(old.name) if old else "",
                        id="name",
                        compact=True,
                        placeholder="e.g. walk, gardening, housework",
                    )
                with Horizontal(classes="field-row"):
                    yield Label("Minutes", classes="field-label")
                    yield Input(
                        str(old.minutes) if old else "",
                        id="minutes",
                        type="integer",
                        compact=True,
                        placeholder="1 to 1440",
                    )
                with Horizontal(classes="field-row"):
                    yield Label("When", classes="field-label")
                    yield Input(
                        when_text(old.at, editing=True) if old else "now",
                        id="when",
                        compact=True,
                        placeholder="now, 10:00, yesterday 15:30",
                    )
                yield RatingInput(
                    "Effort",
                    *RATING_LABELS["effort"],
                    value=old.effort if old else None,
                    id="effort",
                )
                yield TickBox(
                    "Paced: planned, with breaks, stopped on time",
                    value=old.paced if old else False,
                    id="paced",
                )
                yield Static("", id="plan-line", classes="hint", markup=False)
                yield Label("Note", classes="field-label wide")
                yield TextBox(visible(old.note) if old else "", id="note", soft_wrap=True)
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Focus the name and fetch earlier names for suggestions."""
        self.query_one("#form-error", Static).display = False
        self.query_one("#plan-line", Static).display = False
        self.query_one("#name", Input).focus()
        self.remember_initial_state()
        self.call_after_refresh(self._fetch_names)  # draw the form first

    def _fetch_names(self) -> None:
        self.call_service(self._names_and_plans, self._suggest, group="names")

    @staticmethod
    def _names_and_plans(services: Services) -> tuple[list[str], list[PacingPlanView]]:
        return services.journal.activity_names(), services.practice.pacing_plans()

    def _suggest(self, found: tuple[list[str], list[PacingPlanView]]) -> None:
        names, self._plans = found
        shown = [visible(name) for name in names]  # a suggestion is drawn as typed text
        self.query_one("#name", Input).suggester = SuggestFromList(shown, case_sensitive=False)
        self._show_plan()

    def _show_plan(self) -> None:
        """Say which plan the activity counts for (or that a paced one counts for none)."""
        if self._plans is None:
            return
        name = self.query_one("#name", Input).value
        words = counts_for(name, self.query_one("#paced", TickBox).value, self._plans)
        line = self.query_one("#plan-line", Static)
        line.update(words)
        line.display = bool(words)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A new name may count for another plan."""
        if event.input.id == "name":
            self._show_plan()

    def on_checkbox_changed(self, _event: Checkbox.Changed) -> None:
        """Ticking "Paced" says whether it counts for a plan."""
        self._show_plan()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on from the name, and saves from the other fields."""
        if event.input.id == "name":
            self.query_one("#minutes", Input).focus()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def describe(self) -> str:
        """Named in the question Ctrl+Q asks."""
        return "The activity"

    def form_state(self) -> object:
        """Everything typed so far."""
        return (
            self.query_one("#name", Input).value,
            self.query_one("#minutes", Input).value,
            self.query_one("#when", Input).value,
            self.query_one("#effort", RatingInput).value,
            self.query_one("#paced", TickBox).value,
            self.query_one("#note", TextArea).text,
        )

    def build_save(self) -> Callable[[Services], object]:
        """Check the form and return the call that saves it."""
        draft = ActivityDraft(
            at=kept_when_if_untouched(
                self.query_one("#when", Input).value,
                self.existing.at if self.existing else None,
                self.services.clock(),
            ),
            name=self._unless_untouched(self.query_one("#name", Input).value, "name"),
            minutes=check_minutes(self.query_one("#minutes", Input).value),
            effort=self.query_one("#effort", RatingInput).value,
            paced=self.query_one("#paced", TickBox).value,
            note=self._unless_untouched(self.query_one("#note", TextArea).text, "note"),
        )
        confirmed = self.date_confirmed
        if self.existing is None:
            return lambda services: services.journal.add_activity(draft, confirmed=confirmed)
        uid = self.existing.uid
        return lambda services: services.journal.update_activity(uid, draft, confirmed=confirmed)

    def _unless_untouched(self, shown: str, field: str) -> str:
        """What to save for a field an edit filled in: the stored text if left as shown.

        Stored text is shown with control characters made visible (see the check-in form);
        unless the person changed the field, saving keeps it exactly as it was stored.
        """
        old = self.existing
        if old is None:
            return shown
        stored = old.name if field == "name" else old.note
        return kept_if_untouched(shown, stored)
