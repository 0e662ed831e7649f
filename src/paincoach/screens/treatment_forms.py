"""Starting and stopping a regular treatment: two small forms for the Treatments screen.

The service checks everything again (`journal.treatments`); what cannot be kept is said
in the form, and what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, Static

from paincoach.core.errors import InputError
from paincoach.core.textsafe import one_line
from paincoach.core.when import parse_date
from paincoach.records.treatments import (
    STOP_REASONS,
    StopReason,
    Treatment,
    TreatmentKind,
    check_long,
    check_treatment_name,
    check_words,
)
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.form import FORM_BINDINGS, EntryForm
from paincoach.widgets.marked import TickBox
from paincoach.widgets.pick_list import PickItem, PickList

if TYPE_CHECKING:
    from paincoach.services import Services

KIND_ITEMS = {
    "medicine": PickItem("A medicine"),
    "other": PickItem("Another treatment", "physiotherapy, a TENS machine, heat, injections…"),
}


def day_from(text: str, today: date, field: str) -> date:
    """'today', 'yesterday' or YYYY-MM-DD as a day (the service refuses one still to come)."""
    word = text.strip().lower()
    if word in ("", "today"):
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    try:
        return parse_date(word)
    except InputError as exc:
        raise InputError(field, exc.message) from None


def _field(label: str, field_id: str, value: str = "", placeholder: str = "") -> Horizontal:
    return Horizontal(
        Label(label, classes="field-label"),
        Input(value, id=field_id, compact=True, placeholder=placeholder),
        classes="field-row",
    )


class StartTreatmentDialog(EntryForm):
    """A treatment used regularly from now on (or since a day before)."""

    BINDINGS = [*PaincoachDialog.BINDINGS, *FORM_BINDINGS]
    FIELD_WIDGETS = {
        "name": "start-name",
        "kind": "start-kind",
        "dose": "start-dose",
        "how_often": "start-often",
        "start": "start-day",
    }

    def compose(self) -> ComposeResult:
        """Name, kind, dose, how often, as needed, since when."""
        with Vertical(classes="dialog form treatment-form"):
            yield Static("Start a regular treatment", classes="dialog-title")
            with VerticalScroll():
                yield _field("What", "start-name", placeholder="e.g. paracetamol, physiotherapy")
                yield PickList(
                    KIND_ITEMS.values(),
                    multiple=False,
                    picked=["A medicine"],
                    keep_one=True,
                    id="start-kind",
                )
                yield _field("Dose", "start-dose", placeholder="as you write it, e.g. 1 g")
                yield _field("How often", "start-often", placeholder="e.g. up to 4 times a day")
                yield TickBox("Only as needed", id="start-as-needed")
                yield _field("Since", "start-day", "today", "today, yesterday or 2026-11-03")
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Start in the name."""
        self.query_one("#form-error").display = False
        self.query_one("#start-name", Input).focus()
        self.remember_initial_state()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on from the name, and saves from the other fields."""
        if event.input.id == "start-name":
            self.query_one("#start-kind", PickList).focus()
        else:
            self.action_save()

    def on_pick_list_submitted(self) -> None:
        """Enter on the kind moves on to the dose."""
        self.query_one("#start-dose", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def describe(self) -> str:
        """Named in the question Ctrl+Q asks."""
        return "The treatment"

    def form_state(self) -> object:
        """Everything typed so far."""
        return (
            self.query_one("#start-name", Input).value,
            tuple(self.query_one("#start-kind", PickList).picked),
            self.query_one("#start-dose", Input).value,
            self.query_one("#start-often", Input).value,
            self.query_one("#start-as-needed", TickBox).value,
            self.query_one("#start-day", Input).value,
        )

    def build_save(self) -> Callable[[Services], object]:
        """Check the form and return the call that starts the treatment."""
        name = check_treatment_name(self.query_one("#start-name", Input).value)
        picked = self.query_one("#start-kind", PickList).picked
        kind = cast(
            TreatmentKind,
            next((k for k, item in KIND_ITEMS.items() if item.label in picked), "medicine"),
        )
        dose = check_words(self.query_one("#start-dose", Input).value, "dose", "dose")
        often = check_words(self.query_one("#start-often", Input).value, "how_often", "how often")
        as_needed = self.query_one("#start-as-needed", TickBox).value
        today = self.services.clock().date()
        day = day_from(self.query_one("#start-day", Input).value, today, "start")
        return lambda s: s.treatments.start(
            name, kind=kind, dose=dose, how_often=often, as_needed=as_needed, day=day
        )


class StopTreatmentDialog(EntryForm):
    """Stop a regular treatment, and say why (a note is optional)."""

    BINDINGS = [*PaincoachDialog.BINDINGS, *FORM_BINDINGS]
    FIELD_WIDGETS = {"why": "stop-why", "note": "stop-note", "day": "stop-day"}

    def __init__(self, treatment: Treatment) -> None:
        super().__init__()
        self.treatment = treatment

    def compose(self) -> ComposeResult:
        """Why, a note, and the day it stopped."""
        name = one_line(self.treatment.name, 40)
        with Vertical(classes="dialog form treatment-form"):
            yield Static(f"Stop {name}", classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Static("Why did it stop?", classes="field-label wide")
                yield PickList(
                    [PickItem(words) for words in STOP_REASONS.values()],
                    multiple=False,
                    keep_one=True,
                    id="stop-why",
                )
                yield _field("Note", "stop-note", placeholder="optional, in your words")
                yield _field("On", "stop-day", "today", "today, yesterday or 2026-11-20")
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Stop it (Ctrl+S)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Start on the reasons."""
        self.query_one("#form-error").display = False
        self.query_one("#stop-why", PickList).focus()
        self.remember_initial_state()

    def on_pick_list_submitted(self) -> None:
        """Enter on a reason moves on to the note."""
        self.query_one("#stop-note", Input).focus()

    def on_input_submitted(self) -> None:
        """Enter in the note or the day stops it."""
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Stop it, or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def describe(self) -> str:
        """Named in the question Ctrl+Q asks."""
        return "Stopping the treatment"

    def form_state(self) -> object:
        """Everything chosen or typed so far."""
        return (
            tuple(self.query_one("#stop-why", PickList).picked),
            self.query_one("#stop-note", Input).value,
            self.query_one("#stop-day", Input).value,
        )

    def build_save(self) -> Callable[[Services], object]:
        """Check the form and return the call that stops the treatment."""
        picked = self.query_one("#stop-why", PickList).picked
        why = next((key for key, words in STOP_REASONS.items() if words in picked), None)
        if why is None:
            raise InputError("why", "Choose why it stopped (Space or Enter picks one).")
        reason: StopReason = why
        note = check_long(self.query_one("#stop-note", Input).value, "note", "note")
        today = self.services.clock().date()
        day = day_from(self.query_one("#stop-day", Input).value, today, "day")
        name = self.treatment.name
        return lambda s: s.treatments.stop(name, why=reason, note=note, day=day)
