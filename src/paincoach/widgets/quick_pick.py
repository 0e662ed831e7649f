"""A short numbered list where one digit picks an item at once (the two-key dose on Today).

The widget only shows the lines and says which number was pressed (`QuickPick.Picked`, the
index only); the screen decides what picking means.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Static

from paincoach.core.textsafe import one_line

MOST = 9
"""At most this many items, numbered 1 to MOST (one digit each)."""


class QuickPick(Static, can_focus=True):
    """Lines numbered 1-9; a digit picks that line."""

    DEFAULT_CSS = """
    QuickPick {
        height: auto;
        padding: 0 1;
    }
    QuickPick:focus {
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"pick({n - 1})", f"Log {n}", show=False, id=f"quick_pick.{n}")
        for n in range(1, MOST + 1)
    ]

    @dataclass
    class Picked(Message):
        """A number was pressed: the index of the line picked (0 for "1")."""

        index: int

    def __init__(self, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.count = 0

    def show_lines(self, lines: Sequence[str]) -> None:
        """Show up to MOST lines, numbered from 1."""
        shown = list(lines)[:MOST]
        self.count = len(shown)
        self.update(
            Text("\n").join(
                Text.assemble((f"{n}", "bold"), f"  {one_line(line, 60)}")
                for n, line in enumerate(shown, start=1)
            )
        )

    def action_pick(self, index: int) -> None:
        """Say which line was picked (a number past the end does nothing)."""
        if 0 <= index < self.count:
            self.post_message(self.Picked(index))
