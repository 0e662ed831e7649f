"""Settings: theme, week start, region, motion, sound, the reminder hour and contacts.

Every change is saved at once, so there is nothing to forget to save. The screen works by
keyboard alone: focus starts on the first setting, Tab moves on, Enter opens a list (arrows
and Enter choose; typing the start of a name, such as a country's, finds it), Space or Enter
turns a switch On or Off.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Select, Static, Switch

from paincoach.core.errors import InputError
from paincoach.core.textsafe import visible
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.theme_names import theme_choices
from paincoach.settings import WEEKDAYS, Contact, Settings
from paincoach.widgets.on_off import OnOffSwitch
from paincoach.widgets.row_table import RowTable

SWITCHES = {"reduced-motion": "reduced_motion", "sound": "sound"}
"""Each switch's id and the setting it changes."""


class SettingsScreen(PaincoachScreen[None]):
    """Change settings; each change is stored straight away."""

    AUTO_FOCUS = "#theme"

    BINDINGS = [
        Binding("escape", "back", "Back", id="settings.back", tooltip="Back to Today"),
        Binding(
            "delete",
            "remove_contact",
            "Remove contact",
            id="settings.remove_contact",
            tooltip="Remove the highlighted contact",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._ready = False

    def compose(self) -> ComposeResult:
        """One row per setting, then the contacts."""
        current = self.paincoach.settings
        yield Header(icon="≡")
        with VerticalScroll(classes="page"):
            with Horizontal(classes="field-row"):
                yield Label("Theme", classes="field-label wide")
                themes = self.app.available_themes
                yield Select[str](
                    theme_choices({tid: theme.dark for tid, theme in themes.items()}),
                    value=self.app.theme,
                    allow_blank=False,
                    id="theme",
                    compact=True,
                )
            with Horizontal(classes="field-row"):
                yield Label("Week starts on", classes="field-label wide")
                yield Select[int](
                    ((day, index) for index, day in enumerate(WEEKDAYS)),
                    value=current.week_start,
                    allow_blank=False,
                    id="week-start",
                    compact=True,
                )
            with Horizontal(classes="field-row"):
                yield Label("Region for Help now", classes="field-label wide")
                regions = self.services.crisis.by_name()  # typing a name finds it
                known = current.region in {region.code for region in regions}
                yield Select[str](
                    ((region.name, region.code) for region in regions),
                    value=current.region if known else Select.NULL,  # a code no longer listed
                    prompt="Choose…",
                    id="region",
                    compact=True,
                )
            with Horizontal(classes="field-row"):
                yield Label("Reduced motion", classes="field-label wide")
                yield OnOffSwitch(value=current.reduced_motion, id="reduced-motion")
                yield Static("Words and a bar, nothing moves", classes="hint switch-hint")
            with Horizontal(classes="field-row"):
                yield Label("Sound", classes="field-label wide")
                yield OnOffSwitch(value=current.sound, id="sound")
                yield Static("A bell when the pacing timer changes", classes="hint switch-hint")
            with Horizontal(classes="field-row"):
                yield Label("Remind after", classes="field-label wide")
                yield Select[int](
                    ((f"{hour:02d}:00", hour) for hour in range(24)),
                    value=Select.NULL if current.remind_after is None else current.remind_after,
                    prompt="Any time of day",
                    id="remind-after",
                    compact=True,
                )
            yield Static("Your people: shown in Help now", classes="section-title")
            yield RowTable(id="contacts", cursor_type="row")
            with Horizontal(classes="field-row contact-row"):
                yield Input(id="contact-name", compact=True, placeholder="Name")
                yield Input(id="contact-phone", compact=True, placeholder="Phone")
                yield Input(
                    id="contact-note", compact=True, placeholder="Note, e.g. 'call after 6pm'"
                )
                yield Button("Add", id="add-contact")
            yield Static("", id="settings-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Fill in the contacts."""
        self.sub_title = "Settings"
        table = self.query_one("#contacts", DataTable)
        table.add_columns("Name", "Phone", "Note")
        self._show_contacts(self.paincoach.settings)
        self.call_after_refresh(self._arm)

    def _arm(self) -> None:
        # Widgets post Changed while they are being set up; only later changes are the person's.
        self._ready = True

    def _show_contacts(self, settings: Settings) -> None:
        table = self.query_one("#contacts", DataTable)
        table.clear()
        for contact in settings.contacts:
            table.add_row(
                Text(visible(contact.name)),
                Text(visible(contact.phone)),
                Text(visible(contact.note)),
            )
        table.display = bool(settings.contacts)

    def _save(self, **changes: Any) -> None:
        if not self._ready:
            return
        try:
            updated = self.paincoach.settings.with_changes(**changes)
        except InputError as exc:
            self._status(exc.message)
            return
        self.paincoach.apply_settings(updated)
        self._show_contacts(updated)
        self.call_service(
            lambda services: services.save_settings(updated),
            lambda _: self._status("Saved."),
            group="settings",
        )

    def _status(self, message: str) -> None:
        self.query_one("#settings-status", Static).update(message)

    def on_select_changed(self, event: Select.Changed) -> None:
        """Store the new choice."""
        value = event.value
        if event.select.id == "theme" and isinstance(value, str):
            self._save(theme=value)
        elif event.select.id == "week-start" and isinstance(value, int):
            self._save(week_start=value)
        elif event.select.id == "region":
            self._save(region=value if isinstance(value, str) else "")
        elif event.select.id == "remind-after":
            self._save(remind_after=value if isinstance(value, int) else None)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        """Store reduced motion or sound."""
        setting = SWITCHES.get(event.switch.id or "")
        if setting is not None:
            self._save(**{setting: event.value})

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Add a contact."""
        if event.button.id == "add-contact":
            self._add_contact()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a contact field adds the contact."""
        self._add_contact()

    def _add_contact(self) -> None:
        fields = [self.query_one(f"#contact-{name}", Input) for name in ("name", "phone", "note")]
        name, phone, note = (" ".join(field.value.split()) for field in fields)
        if not name:
            self._status("Please give the contact a name.")
            fields[0].focus()
            return
        self._save(contacts=(*self.paincoach.settings.contacts, Contact(name, phone, note)))
        for field in fields:
            field.value = ""
        fields[0].focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Remove contact only on the list of contacts (the footer shows what works)."""
        if action == "remove_contact":
            table = self.query_one("#contacts", DataTable)
            return table.has_focus and table.row_count > 0
        return True

    def action_remove_contact(self) -> None:
        """Remove the highlighted contact."""
        table = self.query_one("#contacts", DataTable)
        contacts = list(self.paincoach.settings.contacts)
        if not table.has_focus or not 0 <= table.cursor_row < len(contacts):
            return
        del contacts[table.cursor_row]
        self._save(contacts=tuple(contacts))
        if not contacts:  # the list is hidden now: on to adding one
            self.query_one("#contact-name", Input).focus()

    def action_back(self) -> None:
        """Back to Today."""
        self.dismiss(None)
