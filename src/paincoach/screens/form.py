"""What the check-in and activity forms share: saving, errors and leaving safely."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from paincoach.core.errors import InputError, PaincoachError, UnlikelyDateError
from paincoach.core.textsafe import visible
from paincoach.core.when import parse_when
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.confirm import ConfirmDialog
from paincoach.services import Services

SAVE = Binding("ctrl+s", "save", "Save", priority=True, id="form.save", tooltip="Save and close")
"""Every form's Save (named in hint lines)."""

FORM_BINDINGS: list[BindingType] = [
    SAVE,
    Binding(
        "escape",
        "leave",
        "Cancel",
        id="form.cancel",
        tooltip="Close; asks first if you typed something",
    ),
]


def kept_if_untouched(shown: str, stored: str) -> str:
    """What to save from a field an edit filled in with `visible(stored)`.

    Stored text is shown with its control characters made visible (an Escape that came in
    with an import must not reach the terminal), and a text box splits lines at any line
    separator. Unless the person changed the field, saving keeps the stored text exactly.
    """
    return stored if shown.splitlines() == visible(stored).splitlines() else shown


def when_text(entry_at: object, *, editing: bool) -> str:
    """The When field's starting text: the entry's own wall-clock time, or "now"."""
    return entry_at.strftime("%Y-%m-%d %H:%M") if editing else "now"  # type: ignore[attr-defined]


def kept_when_if_untouched(shown: str, stored: datetime | None, now: datetime) -> datetime:
    """The moment to save from a When field an edit filled in with `when_text(stored)`.

    The field shows the entry's wall-clock time without its offset, so reading it again
    would move an entry made in another zone (+09:00 becomes +00:00, nine hours off) and
    drop its seconds. Unless the person changed the field, saving keeps the stored moment.
    """
    if stored is not None and shown.strip() == when_text(stored, editing=True):
        return stored
    return parse_when(shown, now=now)


class EntryForm(PaincoachDialog[Any]):
    """A dialog that saves through a service and closes only once the entry is on disk.

    If saving fails, the form stays open with everything the person typed.
    """

    #: Maps an `InputError.field` to the widget id to focus.
    FIELD_WIDGETS: dict[str, str] = {}

    def __init__(self) -> None:
        super().__init__()
        self._initial_state: object = None
        self.saving = False
        self.date_confirmed = False
        """True once the person said an unlikely date is meant (for the next save only)."""

    def form_state(self) -> object:
        """Everything typed, to tell whether there is anything to lose."""
        raise NotImplementedError

    def build_save(self) -> Callable[[Services], object]:
        """Validate the form and return the service call that saves it (raises InputError)."""
        raise NotImplementedError

    def remember_initial_state(self) -> None:
        """Call once the form is filled in, so Escape knows what counts as a change."""
        self._initial_state = self.form_state()

    def show_error(self, message: str) -> None:
        """Show a problem under the form (plain text)."""
        error = self.query_one("#form-error", Static)
        error.update(message)
        error.display = bool(message)

    def action_save(self) -> None:
        """Check the form and save it in a worker."""
        if self.saving:
            return
        try:
            job = self.build_save()
        except InputError as exc:
            self.show_error(exc.message)
            self._focus_field(exc.field)
            return
        self.saving = True
        self.show_error("")
        self.call_service(job, self._saved, group="save", failed=self._save_failed)

    def _saved(self, saved: object) -> None:
        self.saving = False
        self.dismiss(saved)

    def _save_failed(self, error: PaincoachError) -> None:
        self.saving = False
        if isinstance(error, UnlikelyDateError):
            self._ask_about_date(error.message)
            return
        self.show_error(error.message)

    def _ask_about_date(self, question: str) -> None:
        """An unlikely date: save only if the person says it is meant."""

        def answered(meant: bool | None) -> None:
            if meant:
                self.date_confirmed = True
                try:
                    self.action_save()
                finally:
                    self.date_confirmed = False
                return
            self.show_error("Nothing is saved yet. Change the date under When, then save.")
            self._focus_field("when")

        dialog = ConfirmDialog(question, yes="Yes, save it", no="Change the date")
        self.app.push_screen(dialog, answered)

    def _focus_field(self, field: str) -> None:
        widget_id = self.FIELD_WIDGETS.get(field)
        if widget_id:
            self.query_one(f"#{widget_id}", Widget).focus()

    def has_changes(self) -> bool:
        """True when closing now would lose something typed."""
        return self.form_state() != self._initial_state

    def describe(self) -> str:
        """What this form records, to name it in a question ("The check-in")."""
        return "The entry"

    def action_leave(self) -> None:
        """Close, asking first when typed text would be lost."""
        if not self.has_changes():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard what you typed?", yes="Discard", no="Keep editing"), answered
        )
