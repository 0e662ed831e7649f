"""Seven small bars a row, one per day, with the number beside each bar.

Colour never carries the meaning: each bar also shows its value, and a day without
entries shows a dot.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widget import Widget

from paincoach.core.rounding import decimals, rounded

BARS = "▁▂▃▄▅▆▇█"
NO_DATA = "·"


def bar(value: float | None, maximum: float = 10) -> str:
    """The block character for a value from 0 to `maximum` (a dot when missing)."""
    if value is None:
        return NO_DATA
    index = int(rounded(max(0.0, min(value, maximum)) / maximum * (len(BARS) - 1)))
    return BARS[index]


class DaySparks(Widget):
    """Rows of daily values (pain, mood, ...) under a header of weekday initials."""

    DEFAULT_CSS = """
    DaySparks {
        height: auto;
        width: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._days: Sequence[date] = ()
        self._rows: list[tuple[str, Sequence[float | None]]] = []

    def show(self, days: Sequence[date], rows: list[tuple[str, Sequence[float | None]]]) -> None:
        """Display `rows` of (label, one value per day)."""
        self._days = days
        self._rows = rows
        self.refresh(layout=True)

    def render(self) -> Text:
        """A header of weekdays, then one line per row."""
        label_width = max((len(label) for label, _ in self._rows), default=4) + 2
        # The header starts with a word: Textual drops leading spaces of a line.
        header = " ".join(f"{day:%a}"[:2].ljust(3) for day in self._days)
        lines = [Text("Day".ljust(label_width) + header, style="dim")]
        for label, values in self._rows:
            line = Text(label.ljust(label_width), style="bold")
            for value in values:
                number = "" if value is None else decimals(value, 0)
                line.append(bar(value))
                line.append(number.ljust(3))
            lines.append(line)
        return Text("\n").join(lines)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """One line for the header and one per row."""
        return 1 + len(self._rows)

    def get_content_width(self, container: object, viewport: object) -> int:
        """Label column plus four cells per day."""
        label_width = max((len(label) for label, _ in self._rows), default=4) + 2
        return label_width + 4 * max(len(self._days), 1)
