"""History: days newest first with their figures, paging on as you scroll, and search."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Input, Static

from paincoach.core.rounding import decimals
from paincoach.core.words import counted
from paincoach.records.entries import DayFigures, Entry
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.entry_table import EntryTable
from paincoach.widgets.row_table import RowTable

if TYPE_CHECKING:
    from paincoach.records.treatments import Dose
    from paincoach.services import Services

PAGE_DAYS = 30


def _avg(value: float | None) -> str:
    return "–" if value is None else decimals(value, 1)


COLUMNS = [
    ("Day", len("Wed 30 Sep 2026")),
    ("Check-ins", len("Check-ins")),
    ("Pain (range)", len("10.0 (10–10)")),
    ("Mood", len("10.0")),
    ("Sleep", len("Sleep")),
    ("Active min", len("Active min")),
    ("Doses", len("Doses")),
]
"""Each column's label and width. The widths are fixed: every cell fits them, and a table
that measured its cells would draw its first rows at the labels' widths until it was idle."""


def figures_row(figures: DayFigures) -> list[Text]:
    """One day's figures as table cells."""
    pain = "–"
    if figures.pain_avg is not None:
        pain = f"{decimals(figures.pain_avg, 1)} ({figures.pain_min}–{figures.pain_max})"
    return [
        Text(f"{figures.day:%a %d %b %Y}"),
        Text(str(figures.checkins)),
        Text(pain),
        Text(_avg(figures.mood_avg)),
        Text(_avg(figures.sleep_avg)),
        Text(f"{figures.activity_minutes}" if figures.activities else "–"),
        Text(str(figures.doses) if figures.doses else "–"),
    ]


def search(services: Services, term: str, limit: int = 200) -> list[Entry | Dose]:
    """The entries and the doses that hold `term`, newest first."""
    found: list[Entry | Dose] = [
        *services.journal.search(term, limit),
        *services.treatments.search(term, limit),
    ]
    return sorted(found, key=lambda entry: (entry.day, entry.at), reverse=True)[:limit]


class HistoryScreen(PaincoachScreen[None]):
    """Every day with entries; open one to see, edit or delete its entries."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="history.back", tooltip="Back (or leave the search)"),
        Binding(
            "slash",
            "search",
            "Search",
            id="history.search",
            tooltip="Search notes, tags, areas, names (activities and doses)",
        ),
        Binding(
            "enter",
            "open_day",
            "Open day",
            id="history.open",
            tooltip="See and edit that day's entries",
        ),
        Binding("r", "app.refresh", "Refresh", show=False, id="history.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._days: list[date] = []
        self._more = True
        self._loading = False

    def compose(self) -> ComposeResult:
        """Search box, the day table, and the search results."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Input(
                id="search",
                placeholder="/ to search notes, tags, areas and the names of activities and doses",
            )
            yield Static("", id="history-status", markup=False)
            yield RowTable(id="days", cursor_type="row", zebra_stripes=True)
            yield EntryTable(with_day=True, id="results")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the table and load the first page."""
        self.sub_title = "History"
        table = self.query_one("#days", DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        self.query_one("#results", EntryTable).display = False
        table.focus()
        self.reload()

    @on(JournalChanged)
    def reload(self) -> None:
        """Start again from the newest day."""
        self._days = []
        self._more = True
        self.query_one("#days", DataTable).clear()
        self._load_page()
        if self.query_one("#results", EntryTable).display:
            self._run_search(self.query_one("#search", Input).value)

    def _load_page(self) -> None:
        if self._loading or not self._more:
            return
        self._loading = True
        before = self._days[-1] if self._days else None
        self.call_service(
            lambda services: services.journal.history(before, PAGE_DAYS),
            self._add_page,
            group="history-page",
        )

    def _add_page(self, page: list[DayFigures]) -> None:
        self._loading = False
        self._more = len(page) == PAGE_DAYS
        table = self.query_one("#days", DataTable)
        for figures in page:
            self._days.append(figures.day)
            table.add_row(*figures_row(figures), key=figures.day.isoformat())
        status = self.query_one("#history-status", Static)
        if not self._days:
            status.update(
                "No entries yet. Check-ins and activities you record will be listed here by day."
            )
        else:
            more = "; scroll down for older days" if self._more else ""
            status.update(
                f"{counted(len(self._days), 'day')} with entries, newest first{more}. "
                "Enter opens a day."
            )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Fetch older days when the cursor nears the end."""
        if event.data_table.id == "days" and event.cursor_row >= len(self._days) - 3:
            self._load_page()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or click) on a day or a result opens that day."""
        event.stop()
        self.action_open_day()

    def action_open_day(self) -> None:
        """Open the highlighted day (or the day of the highlighted result)."""
        from paincoach.screens.day import DayScreen

        results = self.query_one("#results", EntryTable)
        if results.display:
            entry = results.selected
            if entry is not None:
                self.app.push_screen(DayScreen(entry.day, focus_uid=entry.uid))
            return
        table = self.query_one("#days", DataTable)
        if 0 <= table.cursor_row < len(self._days):
            self.app.push_screen(DayScreen(self._days[table.cursor_row]))

    def action_search(self) -> None:
        """Go to the search box."""
        self.query_one("#search", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Search for what was typed."""
        self._run_search(event.value)

    def _run_search(self, term: str) -> None:
        if not term.strip():
            self._show_days()
            return
        self.call_service(
            lambda services: search(services, term), self._show_results, group="search"
        )

    def _show_results(self, found: list[Entry | Dose]) -> None:
        results = self.query_one("#results", EntryTable)
        results.show_entries(found)
        results.display = True
        self.query_one("#days", DataTable).display = False
        if found:
            shown = f"{counted(len(found), 'entry', 'entries')} found. Enter opens the day; "
        else:
            shown = "Nothing found. Try another word; "
        self.query_one("#history-status", Static).update(f"{shown}Escape goes back to all days.")
        if found:
            results.focus()

    def _show_days(self) -> None:
        self.query_one("#results", EntryTable).display = False
        days = self.query_one("#days", DataTable)
        days.display = True
        days.focus()
        self.query_one("#history-status", Static).update(
            f"{len(self._days)} days with entries, newest first."
        )

    def action_back(self) -> None:
        """Leave the search, or leave History."""
        search = self.query_one("#search", Input)
        if self.query_one("#results", EntryTable).display or search.has_focus:
            search.value = ""
            self._show_days()
            return
        self.dismiss(None)
