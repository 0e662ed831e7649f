"""The year at a glance: twelve rows of days, shaded with their digits, each month's mean.

Enter opens the month's calendar on the day under the cursor, not the day itself: a year's
cells are one character, so 10 is an X and the date is not written; the calendar shows the
day whole, and one more Enter opens it. Esc from that calendar comes back here.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from paincoach.records.long_view import MEASURE_WORDS, Measure, mean_of_days, next_measure
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.day_shades import day_words, legend, mean_words, month_row, year_header

if TYPE_CHECKING:
    from paincoach.records.long_view import YearAtAGlance


def month_step(day: date, months: int) -> date:
    """The same day number `months` away in this year, kept inside the shorter months."""
    month = day.month + months
    if not 1 <= month <= 12:
        return day
    return date(day.year, month, min(day.day, calendar.monthrange(day.year, month)[1]))


class YearScreen(PaincoachScreen[None]):
    """A year of days; arrows pick a day, Enter opens its month."""

    DEFAULT_CSS = """
    YearScreen #year-title { padding: 0 1; }
    YearScreen #year-grid { height: auto; margin: 1 0 0 0; }
    YearScreen #year-grid Static { height: 1; }
    YearScreen #year-day { margin: 1 0 0 0; }
    YearScreen #year-legend { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="year.back", tooltip="Back"),
        Binding(
            "left_square_bracket",
            "shift(-1)",
            "Year before",
            id="year.previous",
            tooltip="The year before",
        ),
        Binding(
            "right_square_bracket",
            "shift(1)",
            "Year after",
            id="year.next",
            tooltip="The year after",
        ),
        Binding(
            "m", "measure", "Pain/mood/sleep", id="year.measure", tooltip="Show another measure"
        ),
        Binding(
            "enter", "open_month", "Month", id="year.open", tooltip="The calendar of that month"
        ),
        Binding("left", "move(-1)", "←", id="year.left", show=False),
        Binding("right", "move(1)", "→", id="year.right", show=False),
        Binding("up", "month(-1)", "↑", id="year.up", show=False),
        Binding("down", "month(1)", "↓", id="year.down", show=False),
    ]

    def __init__(self, day: date | None = None, measure: Measure = "pain") -> None:
        super().__init__()
        self.cursor = day
        self.measure: Measure = measure
        self.year: YearAtAGlance | None = None

    def compose(self) -> ComposeResult:
        """Title, the twelve rows, the day under the cursor, the key."""
        yield Header(icon="≡")
        yield Static("Loading the year…", id="year-title", classes="section-title")
        with Vertical(classes="page"):
            with Vertical(id="year-grid"):  # a row each, so a cursor move redraws two
                yield Static(year_header(), id="year-header")
                for month in range(1, 13):
                    yield Static("", id=f"year-row-{month}", classes="year-row")
            yield Static("", id="year-day", markup=False)
            yield Static("", id="year-mean", markup=False)
            yield Static("", id="year-legend")
        # No palette key in the footer: it leaves room for F1 Help now at 80 columns (^P works).
        yield Footer(show_command_palette=False)

    @property
    def today(self) -> date:
        """Today, by paincoach's clock."""
        return self.services.clock().date()

    def on_mount(self) -> None:
        """Show this year (or the year of the day asked for)."""
        self.sub_title = "Year"
        self.cursor = min(self.cursor or self.today, self.today)
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Fetch the cursor's year."""
        assert self.cursor is not None
        year = self.cursor.year
        self.call_service(lambda s: s.long_view.year(year), self.show_year, group="year")

    def show_year(self, year: YearAtAGlance) -> None:
        """Keep the year and draw it."""
        self.year = year
        self.draw()

    def draw(self, months: range | tuple[int, ...] = range(1, 13)) -> None:
        """The rows of `months`, the cursor's day and the year's key, from the year held."""
        year, cursor = self.year, self.cursor
        if year is None or cursor is None:
            return
        measure, today = self.measure, self.today
        for month in months:
            row = month_row(year, month, measure, today, cursor)
            self.query_one(f"#year-row-{month}", Static).update(row)
        words = day_words(cursor, year.days.get(cursor), measure, today)
        self.query_one("#year-day", Static).update(
            words.replace("Enter opens it.", "Enter opens its month.")
        )
        if len(months) < 12:  # only the cursor moved
            return
        self.query_one("#year-title", Static).update(
            f"{year.year} at a glance: {MEASURE_WORDS[measure]} by day, each month's mean last"
        )
        self.query_one("#year-mean", Static).update(
            mean_words(
                mean_of_days(year.days.values(), measure),
                measure,
                f"in {year.year}",
                past=year.year < today.year,
            )
        )
        self.query_one("#year-legend", Static).update(legend(measure, year=True))

    def _go(self, target: date) -> None:
        if target > self.today:
            self.app.notify("That day is still to come.", timeout=2)
            return
        before = self.cursor
        self.cursor = target
        if before is not None and target.year == before.year and self.year is not None:
            self.draw(tuple({before.month, target.month}))
        else:
            self.load()

    def action_move(self, days: int) -> None:
        """A day before or after (into the next year at its ends)."""
        if self.cursor is not None:
            self._go(self.cursor + timedelta(days=days))

    def action_month(self, months: int) -> None:
        """The same day of the month above or below."""
        if self.cursor is not None:
            self._go(month_step(self.cursor, months))

    def action_shift(self, years: int) -> None:
        """The year before or after (never one still to come)."""
        if self.cursor is None:
            return
        target = self.cursor.year + years
        if target > self.today.year:
            self.app.notify("That year has not started yet.", timeout=2)
            return
        day = self.cursor
        self._go(date(target, day.month, min(day.day, calendar.monthrange(target, day.month)[1])))

    def action_measure(self) -> None:
        """Pain, then mood, then sleep."""
        self.measure = next_measure(self.measure)
        self.draw()

    def action_open_month(self) -> None:
        """The calendar of the cursor's month, on the cursor's day."""
        from paincoach.screens.month import MonthScreen

        if self.cursor is not None:
            self.app.push_screen(MonthScreen(self.cursor, self.measure))

    def action_back(self) -> None:
        """Back to where the year was opened."""
        self.dismiss(None)
