"""Today's keys for the long view (the year, the trends) and the palette's ways in.

Kept apart from screens/today.py (near its size limit) and app.py; Today splices
`LONG_VIEW_BINDINGS` into its keys and mixes in `LongViewActions`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.binding import Binding

from paincoach.screens.base import ServiceCalls

if TYPE_CHECKING:
    from textual.app import App

    from paincoach.records.long_view import Measure

LONG_VIEW_BINDINGS = [
    Binding(
        "y",
        "year",
        "Year",
        id="today.year",
        tooltip="The year at a glance; Enter opens a month's calendar",
        show=False,
    ),
    # l for the long view: t is thought records, and Ctrl+T treatments.
    Binding(
        "l",
        "trends",
        "Trends",
        id="today.trends",
        tooltip="3, 6, 12 months or all time, with marked events",
        show=False,
    ),
]
"""Today's keys for the long view (spliced into TodayScreen.BINDINGS)."""


def open_year(app: App[None], day: date | None = None, measure: Measure = "pain") -> None:
    """The year at a glance (this year, or `day`'s)."""
    from paincoach.screens.year import YearScreen

    if not isinstance(app.screen, YearScreen):
        app.push_screen(YearScreen(day, measure))


def open_trends(app: App[None]) -> None:
    """The trends over the last three months."""
    from paincoach.screens.trends import TrendsScreen

    if not isinstance(app.screen, TrendsScreen):
        app.push_screen(TrendsScreen())


def open_calendar(app: App[None], day: date | None = None) -> None:
    """The month calendar of `day` (today's month when not given)."""
    from paincoach.screens.month import MonthScreen

    if not isinstance(app.screen, MonthScreen):
        app.push_screen(MonthScreen(day, open_year=lambda d, m: open_year(app, d, m)))


class LongViewActions(ServiceCalls):
    """Today's actions for `LONG_VIEW_BINDINGS`."""

    def action_year(self) -> None:
        """Open the year at a glance."""
        open_year(self.paincoach)

    def action_trends(self) -> None:
        """Open the trends."""
        open_trends(self.paincoach)
