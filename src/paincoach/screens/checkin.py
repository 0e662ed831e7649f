"""The check-in form: pain (needed), mood, sleep, pain areas, tags and a note."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Input, Label, SelectionList, Static, TextArea

from paincoach import safety
from paincoach.core.errors import InputError
from paincoach.core.textsafe import visible
from paincoach.records.entries import RATING_LABELS, CheckIn, CheckInDraft
from paincoach.records.names import first_spellings, name_key
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.form import (
    FORM_BINDINGS,
    EntryForm,
    kept_if_untouched,
    kept_when_if_untouched,
    when_text,
)
from paincoach.services import Services
from paincoach.widgets.marked import MarkedSelectionList
from paincoach.widgets.rating import RatingInput
from paincoach.widgets.text_box import TextBox

AREA_CHOICES = 40


class CheckInDialog(EntryForm):
    """Record or change a check-in."""

    BINDINGS = [*PaincoachDialog.BINDINGS, *FORM_BINDINGS]
    FIELD_WIDGETS = {
        "when": "when",
        "pain": "pain",
        "mood": "mood",
        "sleep": "sleep",
        "pain areas": "new-area",
        "tags": "tags",
        "note": "note",
    }

    def __init__(self, existing: CheckIn | None = None) -> None:
        super().__init__()
        self.existing = existing
        self._choices: list[str] = []

    def compose(self) -> ComposeResult:
        """The fields, top to bottom in the order people answer them."""
        old = self.existing
        with Vertical(classes="dialog form"):
            yield Static("Edit check-in" if old else "Check in", classes="dialog-title")
            with VerticalScroll():
                with Horizontal(classes="field-row"):
                    yield Label("When", classes="field-label")
                    yield Input(
                        when_text(old.at, editing=True) if old else "now",
                        id="when",
                        compact=True,
                        placeholder="now, 08:30, yesterday 21:00, 2026-11-26 08:30",
                    )
                yield RatingInput(
                    "Pain",
                    *RATING_LABELS["pain"],
                    value=old.pain if old else None,
                    required=True,
                    id="pain",
                )
                yield RatingInput(
                    "Mood", *RATING_LABELS["mood"], value=old.mood if old else None, id="mood"
                )
                yield RatingInput(
                    "Sleep quality",
                    *RATING_LABELS["sleep"],
                    value=old.sleep if old else None,
                    id="sleep",
                )
                yield Label("Where is the pain? (Space to choose)", classes="field-label wide")
                yield MarkedSelectionList(id="areas")
                yield Static("", id="chest-reminder", classes="area-reminder", markup=False)
                yield Input(id="new-area", placeholder="Add another area, then Enter", compact=True)
                with Horizontal(classes="field-row"):
                    yield Label("Tags", classes="field-label")
                    yield Input(
                        visible(", ".join(old.tags)) if old else "",
                        id="tags",
                        compact=True,
                        placeholder="comma separated, e.g. cold, stress",
                    )
                yield Label("Note", classes="field-label wide")
                yield TextBox(
                    visible(old.note) if old else "",
                    id="note",
                    soft_wrap=True,
                    show_line_numbers=False,
                )
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save (Ctrl+S)", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Focus pain, and fetch the area choices."""
        self.query_one("#form-error", Static).display = False
        self.query_one("#pain", RatingInput).focus()
        chosen = list(self.existing.areas) if self.existing else []
        self._fill_areas([], chosen)
        self.remember_initial_state()
        self.call_after_refresh(self._fetch_area_choices)  # draw the form first

    def prepare_new(self) -> None:
        """Blank the form again for a new check-in (the app keeps one dialog and reuses it).

        Reusing the mounted dialog spares Textual building some thirty widgets on every `c`,
        which is most of the time between the key and the form.
        """
        self.saving = False
        self.query_one("#when", Input).value = "now"
        for rating_id in ("pain", "mood", "sleep"):
            self.query_one(f"#{rating_id}", RatingInput).value = None
        for input_id in ("new-area", "tags"):
            self.query_one(f"#{input_id}", Input).value = ""
        self.query_one("#note", TextArea).text = ""
        self._fill_areas(self._choices, [])
        self.show_error("")
        self.query_one(VerticalScroll).scroll_home(animate=False)
        self.set_focus(self.query_one("#pain", RatingInput))
        self.remember_initial_state()
        self.call_after_refresh(self._fetch_area_choices)  # areas used since last time

    def _fetch_area_choices(self) -> None:
        self.call_service(
            self._area_choices,
            lambda areas: self._fill_areas(areas, self._chosen_areas()),
            group="areas",
        )

    @staticmethod
    def _area_choices(services: Services) -> list[str]:
        from paincoach.core.lists import body_areas

        used = services.journal.used_areas(AREA_CHOICES)
        mine = first_spellings(used)  # a listed area the person has used, as they spell it
        return [*(mine.get(name_key(area), area) for area in body_areas()), *used]

    def _chosen_areas(self) -> list[str]:
        return list(self.query_one("#areas", MarkedSelectionList).selected)

    def _fill_areas(self, choices: list[str], chosen: list[str]) -> None:
        areas = self.query_one("#areas", MarkedSelectionList)
        seen: dict[str, str] = {}
        for area in [*choices, *chosen]:
            seen.setdefault(name_key(area), area)
        chosen_keys = {name_key(area) for area in chosen}
        self._choices = list(seen.values())
        areas.clear_options()
        areas.add_options(
            [(Content(visible(area)), area, key in chosen_keys) for key, area in seen.items()]
        )
        self._show_chest_reminder()

    def on_selection_list_selected_changed(
        self, _event: SelectionList.SelectedChanged[str]
    ) -> None:
        """An area chosen or unchosen: the chest reminder follows."""
        self._show_chest_reminder()

    def _show_chest_reminder(self) -> None:
        """With a chest area chosen, remind kindly when chest pain needs emergency help.

        It never blocks saving: the listed chest area is the person's usual, known pain.
        """
        reminder = self.query_one("#chest-reminder", Static)
        chest = any(safety.is_chest_area(area) for area in self._chosen_areas())
        if chest:
            reminder.update(safety.chest_reminder(self._emergency_number()))
        reminder.display = chest

    def _emergency_number(self) -> str:
        """The region's emergency number, as Help now shows it."""
        try:
            directory = self.services.crisis
        except (OSError, ValueError, KeyError):  # as in Help now: never leave nothing to call
            return "your local emergency number"
        return directory.region(self.paincoach.settings.region or safety.DEFAULT_REGION).emergency

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in 'add another area' adds it, chosen; Enter elsewhere saves."""
        if event.input.id != "new-area":
            self.action_save()
            return
        area = " ".join(event.value.split())
        if area:
            self._fill_areas(self._choices, [*self._chosen_areas(), area])
            event.input.value = ""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def describe(self) -> str:
        """Named in the question Ctrl+Q asks."""
        return "The check-in"

    def form_state(self) -> object:
        """Everything typed so far."""
        return (
            self.query_one("#when", Input).value,
            self.query_one("#pain", RatingInput).value,
            self.query_one("#mood", RatingInput).value,
            self.query_one("#sleep", RatingInput).value,
            tuple(sorted(self._chosen_areas())),
            self.query_one("#new-area", Input).value,
            self.query_one("#tags", Input).value,
            self.query_one("#note", TextArea).text,
        )

    def build_save(self) -> Callable[[Services], object]:
        """Check the form and return the call that saves it."""
        pain = self.query_one("#pain", RatingInput).value
        if pain is None:
            raise InputError(
                "pain", "Please choose your pain from 0 to 10 (type a number, or use the arrows)."
            )
        when = kept_when_if_untouched(
            self.query_one("#when", Input).value,
            self.existing.at if self.existing else None,
            self.services.clock(),
        )
        areas = self._chosen_areas()
        pending_area = " ".join(self.query_one("#new-area", Input).value.split())
        if pending_area:
            # Text still in the box is not in the list, so the person has not seen it chosen:
            # ask instead of saving an area they may have meant for another field.
            raise InputError(
                "pain areas",
                f"“{visible(pending_area)}” is typed under Add another area but not added. "
                "Press Enter there to add it, or clear it, then save.",
            )
        draft = CheckInDraft(
            at=when,
            pain=pain,
            mood=self.query_one("#mood", RatingInput).value,
            sleep=self.query_one("#sleep", RatingInput).value,
            areas=tuple(areas),
            tags=tuple(
                self._unless_untouched(self.query_one("#tags", Input).value, "tags").split(",")
            ),
            note=self._unless_untouched(self.query_one("#note", TextArea).text, "note"),
        )
        confirmed = self.date_confirmed
        if self.existing is None:
            return lambda services: services.journal.add_checkin(draft, confirmed=confirmed)
        uid = self.existing.uid
        return lambda services: services.journal.update_checkin(uid, draft, confirmed=confirmed)

    def _unless_untouched(self, shown: str, field: str) -> str:
        """What to save for a field an edit filled in: the stored text if left as shown.

        Stored text is shown with control characters made visible (an Escape from an import
        must not reach the terminal); unless the person changed the field, saving keeps the
        text exactly as it was stored.
        """
        old = self.existing
        if old is None:
            return shown
        stored = ", ".join(old.tags) if field == "tags" else old.note
        return kept_if_untouched(shown, stored)
