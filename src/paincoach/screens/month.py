"""The month calendar: each day shaded by its mean, with the value as a digit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from paincoach.records.long_view import MEASURE_WORDS, Measure, next_measure
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.day_shades import calendar_text, day_words, legend, mean_words

if TYPE_CHECKING:
    from paincoach.records.long_view import MonthCalendar

MONTH_HINT = "Enter opens the day · e marks it with something that changed"
MOVES = {"left": -1, "right": 1, "up": -7, "down": 7}


def first_of(day: date) -> date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def shift_month(day: date, months: int) -> date:
    """The first of the month `months` before or after `day`'s."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


class MonthScreen(PaincoachScreen[None]):
    """One month in the person's weeks; arrows pick a day, Enter opens it."""

    DEFAULT_CSS = """
    MonthScreen #month-title { padding: 0 1; }
    MonthScreen #month-grid { height: auto; margin: 1 0 0 0; }
    MonthScreen #month-day, MonthScreen #month-mean { margin: 1 0 0 0; }
    MonthScreen #month-legend { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", id="month.back", tooltip="Back"),
        Binding(
            "left_square_bracket",
            "shift(-1)",
            "Before",  # short: F1 Help now must fit in the footer at 80 columns
            id="month.previous",
            tooltip="The month before",
        ),
        Binding(
            "right_square_bracket",
            "shift(1)",
            "After",
            id="month.next",
            tooltip="The month after",
        ),
        Binding(
            "m", "measure", "Pain/mood/sleep", id="month.measure", tooltip="Show another measure"
        ),
        Binding("enter", "open_day", "Open day", id="month.open", tooltip="That day's entries"),
        Binding("y", "year", "Year", id="month.year", tooltip="The whole year at a glance"),
        Binding(
            "e",
            "mark",
            "Mark day",
            id="month.mark",
            tooltip="Mark this day with something that changed (it shows on the trends)",
            show=False,
        ),
        *(
            Binding(key, f"move({step})", key, id=f"month.{key}", show=False)
            for key, step in MOVES.items()
        ),
    ]

    def __init__(
        self,
        day: date | None = None,
        measure: Measure = "pain",
        *,
        open_year: Callable[[date, Measure], object] | None = None,
    ) -> None:
        """`open_year` shows the year (None: the calendar was opened from the year)."""
        super().__init__()
        self.open_year = open_year
        self.cursor = day
        self.measure: Measure = measure
        self.month: MonthCalendar | None = None

    def compose(self) -> ComposeResult:
        """Title, the grid, the day under the cursor, the month's mean, the key."""
        yield Header(icon="≡")
        yield Static("Loading the month…", id="month-title", classes="section-title")
        with Vertical(classes="page"):
            yield Static("", id="month-grid")
            yield Static("", id="month-day", markup=False)
            yield Static("", id="month-mean", markup=False)
            yield Static("", id="month-legend")
            yield Static(MONTH_HINT, id="month-hint", classes="hint")
        # No palette key in the footer: it leaves room for F1 Help now at 80 columns (^P works).
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        """Show the month holding the cursor (today's, unless another day was asked for)."""
        self.sub_title = "Calendar"
        today = self.services.clock().date()
        self.cursor = min(self.cursor or today, today)
        self.load()

    @property
    def today(self) -> date:
        """Today, by paincoach's clock."""
        return self.services.clock().date()

    @on(JournalChanged)
    def load(self) -> None:
        """Fetch the month holding the cursor."""
        assert self.cursor is not None
        day = self.cursor
        self.call_service(lambda s: s.long_view.month(day), self.show_month, group="month")

    def show_month(self, month: MonthCalendar) -> None:
        """Keep the month and draw it."""
        self.month = month
        self.draw()

    def draw(self, *, whole: bool = True) -> None:
        """The grid and the cursor's day (and, when `whole`, the title, mean and key)."""
        month, cursor = self.month, self.cursor
        if month is None or cursor is None:
            return
        measure, today = self.measure, self.today
        self.query_one("#month-grid", Static).update(calendar_text(month, measure, today, cursor))
        self.query_one("#month-day", Static).update(
            day_words(cursor, month.days.get(cursor), measure, today)
        )
        if not whole:
            return
        words = MEASURE_WORDS[measure]
        current = month.month == first_of(today)
        self.query_one("#month-title", Static).update(f"{month.month:%B %Y}: {words} by day")
        self.query_one("#month-mean", Static).update(
            mean_words(
                month.mean(measure),
                measure,
                "this month" if current else f"in {month.month:%B %Y}",
                past=not current,
            )
        )
        self.query_one("#month-legend", Static).update(legend(measure))

    def action_move(self, days: int) -> None:
        """Move the cursor; into the next or previous month when it leaves this one."""
        if self.cursor is None:
            return
        target = self.cursor + timedelta(days=days)
        if target > self.today:
            self.app.notify("That day is still to come.", timeout=2)
            return
        self.cursor = target
        if self.month is not None and first_of(target) == self.month.month:
            self.draw(whole=False)
        else:
            self.load()

    def action_shift(self, months: int) -> None:
        """The month before or after (never one still to come); the cursor on its first."""
        if self.cursor is None:
            return
        target = shift_month(self.cursor, months)
        if target > self.today:
            self.app.notify("That month has not started yet.", timeout=2)
            return
        self.cursor = target
        self.load()

    def action_measure(self) -> None:
        """Pain, then mood, then sleep."""
        self.measure = next_measure(self.measure)
        self.draw()

    def action_open_day(self) -> None:
        """The day under the cursor, as History opens it."""
        from paincoach.screens.day import DayScreen

        if self.cursor is not None:
            self.app.push_screen(DayScreen(self.cursor))

    def action_year(self) -> None:
        """This month's year at a glance (back to it, when the calendar came from there)."""
        if self.open_year is None:
            self.dismiss(None)
        elif self.cursor is not None:
            self.open_year(self.cursor, self.measure)

    def action_mark(self) -> None:
        """Mark the cursor's day with an event of the person's own."""
        from paincoach.screens.mark_event import MarkEventDialog

        def marked(event: object) -> None:
            if event is not None:
                self.paincoach.journal_changed()
                self.app.notify("Marked. The trends show it with before and after.", timeout=4)

        if self.cursor is not None:
            self.app.push_screen(MarkEventDialog(self.cursor), marked)

    def action_back(self) -> None:
        """Back to where the calendar was opened."""
        self.dismiss(None)
