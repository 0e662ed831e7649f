"""A screen's list of records in a row table, refilled in place: the highlighted row stays
where it was, and a line says what to do when the list is empty (Pacing, Treatments)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from rich.text import Text
from textual.widgets import DataTable, Static


class HasUid(Protocol):
    """A record with a uid (the row's key)."""

    @property
    def uid(self) -> str: ...


R = TypeVar("R", bound=HasUid)


def refill(
    table: DataTable[Text],
    empty_line: Static,
    records: Sequence[R],
    cells: Callable[[R], list[Text]],
    empty_words: str,
) -> None:
    """Show `records` in `table`, the highlighted row kept; `empty_words` when there are none."""
    empty_line.update("" if records else empty_words)
    empty_line.display = not records
    table.display = bool(records)
    row = table.cursor_row
    table.clear()
    for record in records:
        table.add_row(*cells(record), key=record.uid)
    if records:
        table.move_cursor(row=min(max(row, 0), len(records) - 1))


def highlighted(table: DataTable[Text], records: Sequence[R]) -> R | None:
    """The record on the highlighted row, if any."""
    row = table.cursor_row
    return records[row] if 0 <= row < len(records) else None
