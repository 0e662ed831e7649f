"""Trends drawn in text: one row per month (or week) with its spread, mean and moving average.

Each row is a 0-10 line: `─` runs from the period's lowest day to its highest, `●` is the
period's mean of day means and `┃` the moving average; the figures follow in digits, so
nothing depends on the marks (or on colour) alone.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from paincoach.core.rounding import decimals, rounded
from paincoach.core.textsafe import one_line
from paincoach.records.long_view import (
    BeforeAndAfter,
    MarkedEvent,
    Measure,
    PeriodFigures,
    Trends,
)

WIDTH = 21
"""Characters of the 0-10 line (two for each point)."""
LABEL = 10
MEAN, AVERAGE, SPREAD = "●", "┃", "─"


def column(value: float) -> int:
    """Where `value` (0-10) falls on the line."""
    return max(0, min(WIDTH - 1, int(rounded(value * (WIDTH - 1) / 10))))


def period_label(period: PeriodFigures, grain: str) -> str:
    """'Sep 2026' for a month, '23 Nov' for a week (its first day, under "Week of")."""
    if grain == "week":
        return f"{period.first.day} {period.first:%b}"
    return f"{period.first:%b %Y}"


def header(grain: str) -> Text:
    """The column names and the line's 0, 5 and 10."""
    scale = list(" " * WIDTH)
    scale[0], scale[column(5)] = "0", "5"
    scale[WIDTH - 2 : WIDTH] = "10"
    first = "Week of" if grain == "week" else "Month"
    text = Text()  # the names alone are bold (a Text's own style runs into what follows)
    text.append(f"{first:<{LABEL}}{''.join(scale)}  mean   avg  days  active", style="bold")
    return text


def chart_line(period: PeriodFigures, measure: Measure) -> str:
    """The period's 0-10 line: spread, mean, moving average."""
    cells = [" "] * WIDTH
    spread = period.spread(measure)
    if spread is not None:
        for i in range(column(spread.lowest), column(spread.highest) + 1):
            cells[i] = SPREAD
    average = period.moving_average.get(measure)
    if average is not None:
        cells[column(average)] = AVERAGE
    if spread is not None:
        cells[column(spread.mean)] = MEAN
    return "".join(cells)


def period_row(period: PeriodFigures, measure: Measure, grain: str) -> Text:
    """One period: its label, line and figures."""
    spread = period.spread(measure)
    average = period.moving_average.get(measure)
    row = Text(f"{period_label(period, grain):<{LABEL}}")
    row.append(chart_line(period, measure))
    row.append(f"  {decimals(spread.mean, 1) if spread else '–':>4}", style="bold")
    row.append(f"  {decimals(average, 1) if average is not None else '–':>4}")
    row.append(f"  {period.days_logged:>4}  {period.activity_minutes:>3} min")
    return row


def chart_text(trends: Trends, measure: Measure) -> Text:
    """Every period of the span, oldest first, under the column names, with a key."""
    text = header(trends.grain)
    for period in trends.periods:
        text.append("\n")
        text.append_text(period_row(period, measure, trends.grain))
    span = "4 weeks" if trends.grain == "week" else "3 months"
    text.append(
        f"\n{MEAN} mean of day means · {SPREAD} lowest to highest day · "
        f"{AVERAGE} average of the last {span} · days logged · activity minutes",
        style="dim",
    )
    return text


def event_day(day: date) -> str:
    """'Tue 3 Mar 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def event_line(event: MarkedEvent) -> str:
    """'Tue 3 Mar 2026  Started physiotherapy', the title on one line."""
    return f"{event_day(event.day)}  {one_line(event.title, 50)}"


def events_text(trends: Trends, measure: Measure) -> Text:
    """Each marked event, with what its before-and-after shows (or what it still needs)."""
    if not trends.events:
        return Text(
            "No marked events in these months. Treatments started or stopped, pacing plans, "
            "course weeks and days you mark (e on a day of the calendar) show here.",
            style="dim",
        )
    found: dict[MarkedEvent, BeforeAndAfter] = {
        item.event: item for item in trends.before_after if item.measure == measure
    }
    text = Text()
    for event in trends.events:
        if text:
            text.append("\n")
        text.append(event_line(event), style="bold")
        item = found.get(event)
        if item is not None:
            text.append(f"\n  {item.words}", style="" if item.enough else "dim")
    return text
