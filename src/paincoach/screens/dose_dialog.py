"""The dose dialog: what was taken (or used), the dose as the person writes it, when, and
later how much it helped.

The names used most are listed first, numbered: a digit logs that name at once with its
usual dose text (the one used last time), so a dose is two keys from Today (`m`, `1`).
Nothing here suggests a dose; the usual text is only what the person wrote before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Input, Label, Static, TextArea

from paincoach.core.errors import PaincoachError
from paincoach.core.textsafe import visible
from paincoach.records.names import name_key
from paincoach.records.treatments import check_treatment_name, check_words
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.form import FORM_BINDINGS, EntryForm, kept_when_if_untouched, when_text
from paincoach.widgets.quick_pick import QuickPick
from paincoach.widgets.rating import RatingInput
from paincoach.widgets.text_box import TextBox

if TYPE_CHECKING:
    from paincoach.journal.treatments import Treatments
    from paincoach.records.treatments import Dose
    from paincoach.services import Services

RELIEF_LABELS = ("not at all", "completely")

TREATMENTS = Binding(
    "ctrl+t",
    "treatments",
    "Treatments",
    priority=True,
    id="dose.treatments",
    tooltip="Your regular treatments: start or stop one",
)
"""The Treatments screen, from the dialog and from Today (a field never takes Ctrl+T)."""


@dataclass(frozen=True)
class Frequent:
    """A name the person uses often, and the dose text they used last for it."""

    name: str
    dose: str

    @property
    def words(self) -> str:
        """'ibuprofen (400 mg)'."""
        return f"{self.name} ({self.dose})" if self.dose else self.name


@dataclass(frozen=True)
class Logged:
    """A dose just kept, and whether this is the one time to say paincoach gives no advice."""

    dose: Dose
    say_no_advice: bool


def log_dose(services: Services, took: Callable[[Treatments], Dose]) -> Logged:
    """Keep a dose, and ask once ever whether to say `NO_ADVICE` (both in the worker)."""
    treatments = services.treatments
    dose = took(treatments)
    return Logged(dose, treatments.no_advice_once())


@dataclass(frozen=True)
class DoseChoices:
    """What the dialog offers: the frequent names, and every name to suggest while typing."""

    frequent: tuple[Frequent, ...] = ()
    suggestions: tuple[str, ...] = ()


def fetch_choices(services: Services) -> DoseChoices:
    """The frequent names, then the regular ones in use, with their usual dose text; and
    the names to suggest."""
    treatments = services.treatments
    names = treatments.quick_names()
    regular = treatments.regular(active_only=True)
    usual = treatments.usual_doses(names)
    frequent = tuple(Frequent(name, usual[name_key(name)]) for name in names)
    suggestions = dict.fromkeys([t.name for t in regular] + names)
    return DoseChoices(frequent, tuple(suggestions))


class DoseDialog(EntryForm):
    """Log a dose taken, or a treatment used: a digit for a frequent name, or the form."""

    BINDINGS = [*PaincoachDialog.BINDINGS, *FORM_BINDINGS, TREATMENTS]
    FIELD_WIDGETS = {
        "name": "dose-name",
        "dose": "dose-text",
        "when": "dose-when",
        "relief": "dose-relief",
        "side_effects": "dose-side-effects",
        "note": "dose-note",
    }

    def __init__(self, existing: Dose | None = None) -> None:
        super().__init__()
        self.existing = existing
        """A dose kept already, to correct (no frequent names then: the form alone)."""
        self.choices = DoseChoices()
        self.loaded = False

    def _shown(self, field: str) -> str:
        """A field's starting text: the dose's own (made visible) when correcting one."""
        return visible(getattr(self.existing, field)) if self.existing else ""

    def _unless_untouched(self, shown: str, field: str) -> str:
        """The stored text if the field is left as shown (control characters made visible
        are not typed: saving keeps the text exactly as it was stored)."""
        if self.existing is not None and shown == self._shown(field):
            stored: str = getattr(self.existing, field)
            return stored
        return shown

    def compose(self) -> ComposeResult:
        """The frequent names (when there are any), then the form."""
        old = self.existing
        with Vertical(classes="dialog form dose"):
            yield Static(
                "Change a dose" if old else "Medicine or treatment", classes="dialog-title"
            )
            with VerticalScroll():
                yield Static("", id="dose-quick-title", classes="hint", markup=False)
                yield QuickPick(id="dose-quick")
                with Horizontal(classes="field-row"):
                    yield Label("What", classes="field-label")
                    yield Input(
                        self._shown("name"),
                        id="dose-name",
                        compact=True,
                        placeholder="e.g. ibuprofen, heat pack",
                    )
                with Horizontal(classes="field-row"):
                    yield Label("Dose", classes="field-label")
                    yield Input(
                        self._shown("dose"),
                        id="dose-text",
                        compact=True,
                        placeholder="as you write it, e.g. 400 mg",
                    )
                with Horizontal(classes="field-row"):
                    yield Label("When", classes="field-label")
                    yield Input(
                        when_text(old.at, editing=True) if old else "now",
                        id="dose-when",
                        compact=True,
                        placeholder="now, 10:00, yesterday 15:30",
                    )
                yield RatingInput(
                    "How much did it help?",
                    *RELIEF_LABELS,
                    value=old.relief if old else None,
                    id="dose-relief",
                )
                with Horizontal(classes="field-row"):
                    yield Label("Side effects", classes="field-label")
                    yield Input(
                        self._shown("side_effects"),
                        id="dose-side-effects",
                        compact=True,
                        placeholder="if any",
                    )
                yield Label("Note", classes="field-label wide")
                yield TextBox(self._shown("note"), id="dose-note", soft_wrap=True)
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Start in the name; fetch the frequent names (then start on them, if any)."""
        self.query_one("#form-error", Static).display = False
        self.query_one("#dose-quick-title").display = False
        self.query_one("#dose-quick").display = False
        self.query_one("#dose-name", Input).focus()
        self.remember_initial_state()
        self.call_after_refresh(self._fetch)

    def _fetch(self) -> None:
        self.call_service(fetch_choices, self.show_choices, group="dose-names")

    def show_choices(self, choices: DoseChoices) -> None:
        """List the frequent names by number, and suggest every name while typing."""
        self.choices = choices
        shown = [visible(name) for name in choices.suggestions]
        self.query_one("#dose-name", Input).suggester = SuggestFromList(shown, case_sensitive=False)
        quick = self.query_one("#dose-quick", QuickPick)
        if choices.frequent and self.existing is None:
            quick.show_lines([f.words for f in choices.frequent])
            title = self.query_one("#dose-quick-title", Static)
            title.update("Press a number to log it now, or Tab to write another:")
            title.display = quick.display = True
            if not self.has_changes():  # nothing typed yet: the digits work at once
                quick.focus()
        self.loaded = True

    @on(QuickPick.Picked)
    def _picked(self, event: QuickPick.Picked) -> None:
        """Log the frequent name at once, with its usual dose text."""
        if self.saving or not 0 <= event.index < len(self.choices.frequent):
            return
        chosen = self.choices.frequent[event.index]
        self.saving = True
        self.call_service(
            lambda s: log_dose(s, lambda t: t.took(chosen.name, dose=chosen.dose)),
            self._saved,
            group="save",
            failed=self._save_failed,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on from the name and the dose, and saves from the other fields."""
        following = {"dose-name": "#dose-text", "dose-text": "#dose-when"}
        if event.input.id in following:
            self.query_one(following[event.input.id], Input).focus()
        else:
            self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def action_treatments(self) -> None:
        """Open the regular treatments over the dialog (what is typed stays)."""
        from paincoach.screens.treatments import TreatmentsScreen

        self.app.push_screen(TreatmentsScreen())

    def describe(self) -> str:
        """Named in the question Ctrl+Q asks."""
        return "The change to the dose" if self.existing else "The dose"

    def form_state(self) -> object:
        """Everything typed so far."""
        return (
            self.query_one("#dose-name", Input).value,
            self.query_one("#dose-text", Input).value,
            self.query_one("#dose-when", Input).value,
            self.query_one("#dose-relief", RatingInput).value,
            self.query_one("#dose-side-effects", Input).value,
            self.query_one("#dose-note", TextArea).text,
        )

    def build_save(self) -> Callable[[Services], object]:
        """Check the form and return the call that saves it."""
        old = self.existing
        name = self._unless_untouched(self.query_one("#dose-name", Input).value, "name")
        name = check_treatment_name(name)
        dose = self._unless_untouched(self.query_one("#dose-text", Input).value, "dose")
        dose = check_words(dose, "dose", "dose")
        at = kept_when_if_untouched(
            self.query_one("#dose-when", Input).value,
            old.at if old else None,
            self.services.clock(),
        )
        relief = self.query_one("#dose-relief", RatingInput).value
        side_effects = self._unless_untouched(
            self.query_one("#dose-side-effects", Input).value, "side_effects"
        )
        note = self._unless_untouched(self.query_one("#dose-note", TextArea).text, "note")
        confirmed = self.date_confirmed
        if old is not None:
            uid = old.uid
            return lambda services: services.treatments.update_dose(
                uid,
                name=name,
                dose=dose,
                at=at,
                relief=relief,
                side_effects=side_effects,
                note=note,
                confirmed=confirmed,
            )
        return lambda services: log_dose(
            services,
            lambda t: t.took(
                name,
                dose=dose,
                at=at,
                relief=relief,
                side_effects=side_effects,
                note=note,
                confirmed=confirmed,
            ),
        )

    def _save_failed(self, error: PaincoachError) -> None:
        super()._save_failed(error)
        if self.query_one("#dose-quick", QuickPick).has_focus:
            self.query_one("#dose-name", Input).focus()  # say it where it can be put right
