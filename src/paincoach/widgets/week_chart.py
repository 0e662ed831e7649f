"""The week as horizontal bars, one row per day: pain, mood and active minutes.

Bars are plain block characters with the number beside them, so the chart reads the same
in any theme, in 80 columns, and with NO_COLOR.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from paincoach.core.rounding import decimals, rounded
from paincoach.records.review import DayPoint

RATING_WIDTH = 10  # one cell per point on a 0-10 scale
MINUTES_WIDTH = 14
NO_DATA = "·"


def rating_bar(value: float | None) -> str:
    """A 0-10 value as a bar of up to ten cells and its number (a dot when missing)."""
    if value is None:
        return NO_DATA.ljust(RATING_WIDTH + 5)
    cells = int(rounded(max(0.0, min(value, 10.0))))
    return ("█" * cells).ljust(RATING_WIDTH) + f" {decimals(value, 1):>4}"


def minutes_bar(minutes: int | None, most: int) -> str:
    """Minutes as a bar scaled to the week's busiest day, with the number."""
    if not minutes:
        return NO_DATA
    cells = max(1, int(rounded(minutes / max(most, 1) * MINUTES_WIDTH)))
    return "█" * cells + f" {minutes} min"


def chart_text(days: Sequence[DayPoint]) -> Text:
    """The header and one line per day."""
    most = max((point.activity_minutes or 0 for point in days), default=0)
    text = Text(
        "Day     "
        + "Pain (0-10)".ljust(RATING_WIDTH + 7)
        + "Mood (0-10)".ljust(RATING_WIDTH + 7)
        + "Active",
        style="bold",
    )
    for point in days:
        text.append(f"\n{point.day:%a %d}  ")
        text.append(rating_bar(point.pain_avg) + "  ")
        text.append(rating_bar(point.mood_avg) + "  ")
        text.append(minutes_bar(point.activity_minutes, most))
    return text


class WeekChart(Widget):
    """Seven rows of bars."""

    DEFAULT_CSS = """
    WeekChart {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._days: Sequence[DayPoint] = ()

    def show(self, days: Sequence[DayPoint]) -> None:
        """Draw these days."""
        self._days = days
        self.refresh(layout=True)

    def render(self) -> Text:
        """The chart as text."""
        return chart_text(self._days)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """A header line and one per day."""
        return 1 + len(self._days)
