"""The week as horizontal bars, one row per day: pain, mood and active minutes.

Bars are plain block characters with the number beside them, so the chart reads the same
in any theme, in 80 columns, and with NO_COLOR. A day a regular treatment started or stopped
carries a ▲ or ▼ after its name, explained by a line under the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.widget import Widget

from paincoach.core.rounding import decimals, rounded
from paincoach.core.textsafe import one_line
from paincoach.records.review import DayPoint, TreatmentMark

MARK_NAME_WIDTH = 40
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


def marks_by_day(marks: Sequence[TreatmentMark]) -> dict[date, str]:
    """Each day's marks ("▲", "▼▲"), in the order they came."""
    found: dict[date, str] = {}
    for mark in marks:
        found[mark.day] = found.get(mark.day, "") + mark.symbol
    return found


def legend_line(mark: TreatmentMark) -> str:
    """E.g. "▲ Wed 18: started ibuprofen"."""
    name = one_line(mark.name, MARK_NAME_WIDTH)
    why = f" ({mark.why})" if mark.why else ""
    return f"{mark.symbol} {mark.day:%a %d}: {mark.change} {name}{why}"


def chart_text(days: Sequence[DayPoint], marks: Sequence[TreatmentMark] = ()) -> Text:
    """The header and one line per day, then a line for each start or stop of a treatment."""
    most = max((point.activity_minutes or 0 for point in days), default=0)
    on_day = marks_by_day(marks)
    wide = max((len(found) for found in on_day.values()), default=0)
    mark_column = wide + 1 if wide else 0
    text = Text(
        "Day     "
        + " " * mark_column
        + "Pain (0-10)".ljust(RATING_WIDTH + 7)
        + "Mood (0-10)".ljust(RATING_WIDTH + 7)
        + "Active",
        style="bold",
    )
    for point in days:
        text.append(f"\n{point.day:%a %d}")
        if mark_column:
            text.append(" " + on_day.get(point.day, "").ljust(wide), style="bold")
        text.append("  ")
        text.append(rating_bar(point.pain_avg) + "  ")
        text.append(rating_bar(point.mood_avg) + "  ")
        text.append(minutes_bar(point.activity_minutes, most))
    for mark in marks:
        text.append("\n" + legend_line(mark), style="italic")
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
        self._marks: Sequence[TreatmentMark] = ()

    def show(self, days: Sequence[DayPoint], marks: Sequence[TreatmentMark] = ()) -> None:
        """Draw these days, and mark the treatments started or stopped on them."""
        self._days = days
        self._marks = marks
        self.refresh(layout=True)

    def render(self) -> Text:
        """The chart as text."""
        return chart_text(self._days, self._marks)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """A header line, one per day and one per treatment started or stopped."""
        return 1 + len(self._days) + len(self._marks)
