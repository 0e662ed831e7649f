"""A row table keeps its header in step with its columns, and its height with its rows."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from paincoach.widgets.row_table import RowTable


class Table(App[None]):
    def compose(self) -> ComposeResult:
        yield RowTable(id="table")


async def test_the_header_is_drawn_for_the_widths_the_rows_need() -> None:
    """A frame drawn between filling the table and measuring its rows (which Textual does
    when the table is next idle) kept the header at the old widths: the day view showed
    "Entry  Areas" over rows whose Areas column starts far to the right."""
    app = Table()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(RowTable)
        table.styles.height = 5  # no resize when the rows come (a resize redraws it all)
        table.add_column("Entry", key="entry")
        table.add_column("Areas", key="areas")
        await pilot.pause()
        table.add_row(Text("Check-in  pain 6/10, mood 4/10"), Text("lower back"))
        table.render_line(0)  # a frame drawn before the table was idle
        await pilot.pause()
        await pilot.pause()
        header = table.render_line(0).text
        row = table.render_line(1).text
        assert header.index("Areas") == row.index("lower back")
