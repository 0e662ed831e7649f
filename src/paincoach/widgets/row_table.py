"""A table of rows where Home and End go to the first and the last row.

Textual's DataTable moves Home and End along the columns, which in a row-cursor table only
scrolls sideways: a person at the foot of a long history expects Home to take them back up.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class RowTable(DataTable[Text]):
    """Rows chosen by a cursor; Home/End (and Ctrl+Home/End) go to the first/last row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home,ctrl+home", "first_row", "First", show=False, id="table.first"),
        Binding("end,ctrl+end", "last_row", "Last", show=False, id="table.last"),
    ]

    def action_first_row(self) -> None:
        """Go to the first row."""
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """Go to the last row."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
