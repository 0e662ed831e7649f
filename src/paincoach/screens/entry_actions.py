"""Edit and delete the entry (or dose) under the cursor: shared by Today and the day view.

The keys act on the table that has the focus: the check-ins and activities, or the doses
(Tab moves between them); on a day with no entries, on the doses wherever the focus is.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding

from paincoach.core.textsafe import one_line
from paincoach.records.entries import CheckIn, Entry
from paincoach.records.treatments import Dose
from paincoach.screens.base import ServiceCalls
from paincoach.screens.confirm import ConfirmDialog
from paincoach.widgets.dose_table import DoseTable, dose_summary
from paincoach.widgets.entry_table import EntryTable, entry_summary

ENTRY_BINDINGS = [
    Binding("enter,e", "edit_entry", "Edit", id="entry.edit", tooltip="Change the selected entry"),
    Binding(
        "d,delete",
        "delete_entry",
        "Delete",
        id="entry.delete",
        tooltip="Delete the selected entry (asks first)",
    ),
]


def hidden(bindings: list[Binding]) -> list[Binding]:
    """The same bindings, left out of the footer (for screens with a hint line instead)."""
    return [replace(binding, show=False) for binding in bindings]


class EntryActions(ServiceCalls):
    """Actions on the selected row of the screen's `EntryTable`."""

    def _selected_entry(self) -> Entry | Dose | None:
        table: EntryTable | DoseTable = self.query_one(EntryTable)
        doses = self.query(DoseTable)
        focused = self.paincoach.focused
        if isinstance(focused, DoseTable) or (not table.row_count and doses):
            table = doses.first()
        entry: Entry | Dose | None = table.selected
        if entry is None:
            self.paincoach.notify("There is no entry selected.", timeout=3)
        return entry

    def action_edit_entry(self) -> None:
        """Open the selected entry (or dose) in its form."""
        entry = self._selected_entry()
        if entry is None:
            return
        if isinstance(entry, Dose):
            from paincoach.screens.dose_dialog import DoseDialog

            self.paincoach.push_screen(DoseDialog(entry), self._after_dose_edit)
        elif isinstance(entry, CheckIn):
            from paincoach.screens.checkin import CheckInDialog

            self.paincoach.push_screen(CheckInDialog(entry), self._after_edit)
        else:
            from paincoach.screens.activity import ActivityDialog

            self.paincoach.push_screen(ActivityDialog(entry), self._after_edit)

    def _after_edit(self, saved: object) -> None:
        if saved is None:
            return
        self.paincoach.journal_changed()
        if not self.paincoach.offer_help_after(saved, edited=True):
            self.paincoach.notify("Changes saved.", timeout=3)

    def _after_dose_edit(self, saved: object) -> None:
        if saved is not None:
            self.paincoach.journal_changed()
            self.paincoach.notify("Changes saved.", timeout=3)

    def action_delete_entry(self) -> None:
        """Ask, then delete the selected entry (or dose)."""
        entry = self._selected_entry()
        if entry is None:
            return
        this_year = entry.at.year == self.services.clock().year
        when = entry.at.strftime("%a %d %b %H:%M" if this_year else "%a %d %b %Y %H:%M")
        dose = isinstance(entry, Dose)
        if isinstance(entry, Dose):
            summary = f"Dose  {dose_summary(entry)}"
        else:
            summary = entry_summary(entry).plain
        detail = f"{when}  {summary}"
        if entry.note:
            detail += f"\nNote: {one_line(entry.note, 60)}"
        what = "dose" if dose else "entry"

        def answered(yes: bool | None) -> None:
            if yes and dose:
                self.call_service(
                    lambda services: services.treatments.delete_dose(entry.uid), self._deleted
                )
            elif yes:
                self.call_service(
                    lambda services: services.journal.delete(entry.uid), self._deleted
                )

        self.paincoach.push_screen(
            ConfirmDialog(
                f"Delete this {what}? This cannot be undone.", yes="Delete", detail=detail
            ),
            answered,
        )

    def _deleted(self, gone: object) -> None:
        self.paincoach.journal_changed()
        what = "Dose" if isinstance(gone, Dose) else "Entry"
        self.paincoach.notify(f"{what} deleted.", timeout=3)
