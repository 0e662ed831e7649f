"""A table of rows where Home and End go to the first and the last row, and a table as
tall as its rows stays so.

Textual's DataTable moves Home and End along the columns, which in a row-cursor table only
scrolls sideways: a person at the foot of a long history expects Home to take them back up.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
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

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        """Once the rows are measured, check after the next refresh that the table has the
        height they need.

        A table whose height follows its rows (`height: auto`) could be left 0 rows tall
        when its rows were measured just as the screen was laid out (Textual 8 loses that
        layout request now and then): Today's doses were there, but not shown.
        """
        if new.height != old.height:
            self.call_after_refresh(self._fit_rows)

    def _fit_rows(self) -> None:
        height, most = self.styles.height, self.styles.max_height
        if not self.display or height is None or not height.is_auto:
            return
        limit = int(most.value) if most is not None and most.is_cells else self.virtual_size.height
        wanted = min(self.virtual_size.height, limit) + self.styles.gutter.height
        if self.outer_size.height != wanted:
            self.refresh(layout=True)
