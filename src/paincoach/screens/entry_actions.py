"""Edit and delete the entry under the cursor: shared by Today and the day view."""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding

from paincoach.core.textsafe import one_line
from paincoach.records.entries import CheckIn, Entry
from paincoach.screens.base import ServiceCalls
from paincoach.screens.confirm import ConfirmDialog
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

    def _selected_entry(self) -> Entry | None:
        table = self.query_one(EntryTable)
        entry: Entry | None = table.selected
        if entry is None:
            self.paincoach.notify("There is no entry selected.", timeout=3)
        return entry

    def action_edit_entry(self) -> None:
        """Open the selected entry in its form."""
        entry = self._selected_entry()
        if entry is None:
            return
        if isinstance(entry, CheckIn):
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

    def action_delete_entry(self) -> None:
        """Ask, then delete the selected entry."""
        entry = self._selected_entry()
        if entry is None:
            return
        this_year = entry.at.year == self.services.clock().year
        when = entry.at.strftime("%a %d %b %H:%M" if this_year else "%a %d %b %Y %H:%M")
        detail = f"{when}  {entry_summary(entry).plain}"
        if entry.note:
            detail += f"\nNote: {one_line(entry.note, 60)}"

        def answered(yes: bool | None) -> None:
            if yes:
                self.call_service(
                    lambda services: services.journal.delete(entry.uid), self._deleted
                )

        self.paincoach.push_screen(
            ConfirmDialog("Delete this entry? This cannot be undone.", yes="Delete", detail=detail),
            answered,
        )

    def _deleted(self, _: object) -> None:
        self.paincoach.journal_changed()
        self.paincoach.notify("Entry deleted.", timeout=3)
