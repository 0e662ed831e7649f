"""Today: what has been logged today, the last seven days at a glance, and every action."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from paincoach.errors import PaincoachError
from paincoach.records import TodayView
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.entry_actions import ENTRY_BINDINGS, EntryActions, hidden
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.day_sparks import DaySparks
from paincoach.widgets.entry_table import EntryTable


class TodayScreen(EntryActions, PaincoachScreen[None]):
    """The home screen."""

    BINDINGS = [
        Binding(
            "c",
            "app.check_in",
            "Check in",
            id="today.check_in",
            tooltip="Record pain, mood and more",
        ),
        Binding(
            "a", "app.log_activity", "Activity", id="today.activity", tooltip="Record what you did"
        ),
        Binding(
            "h", "app.history", "History", id="today.history", tooltip="Past days, search, edit"
        ),
        Binding(
            "s",
            "app.open_settings",
            "Settings",
            id="today.settings",
            tooltip="Theme, region, contacts",
        ),
        Binding(
            "r",
            "app.refresh",
            "Refresh",
            id="today.refresh",
            tooltip="Reload entries saved elsewhere",
            show=False,
        ),
        *hidden(ENTRY_BINDINGS),
        Binding("q", "app.quit", "Quit", id="today.quit", tooltip="Close paincoach", show=False),
    ]

    def compose(self) -> ComposeResult:
        """Header, today's entries, the week's sparklines, footer."""
        yield Header(icon="≡")
        with Vertical(id="today"):
            yield Static("Opening your journal…", id="today-title", classes="section-title")
            yield EntryTable(id="today-entries")
            yield Static(
                "Enter: edit  ·  d: delete  ·  r: refresh", id="today-hint", classes="hint"
            )
            yield Static("", id="today-empty", markup=False)
            yield Static("Last 7 days", classes="section-title")
            yield DaySparks(id="today-sparks")
            yield Static("", id="today-figures")
        yield Footer()

    def on_mount(self) -> None:
        """Load today's entries."""
        self.sub_title = "Today"
        self.query_one(EntryTable).display = False
        self.query_one("#today-hint").display = False
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Fetch today's view in a worker."""
        self.call_service(
            lambda services: services.journal.today_view(),
            self.show_view,
            group="today",
            failed=self.show_failure,
        )

    def show_view(self, view: TodayView) -> None:
        """Present today's entries and figures."""
        self.query_one("#today-title", Static).update(f"Today, {view.today.day:%A %d %B}")
        table = self.query_one(EntryTable)
        entries = view.today.entries
        table.show_entries(entries)
        table.display = bool(entries)
        self.query_one("#today-hint").display = bool(entries)
        empty = self.query_one("#today-empty", Static)
        empty.update(
            ""
            if entries
            else "Nothing logged yet today. Press c to check in: it takes under a minute."
        )
        empty.display = not entries
        self._show_week(view)

    def _show_week(self, view: TodayView) -> None:
        days = [figures.day for figures in view.week]
        self.query_one(DaySparks).show(
            days,
            [
                ("Pain", [f.pain_avg for f in view.week]),
                ("Mood", [f.mood_avg for f in view.week]),
                ("Sleep", [f.sleep_avg for f in view.week]),
            ],
        )
        today = view.week[-1]
        parts = []
        if today.pain_avg is not None:
            plural = "s" if today.checkins != 1 else ""
            count = f"{today.checkins} check-in{plural}"
            parts.append(f"average pain today {today.pain_avg:.1f}/10 ({count})")
        if today.activity_minutes:
            parts.append(f"active {today.activity_minutes} min")
        self.query_one("#today-figures", Static).update(" · ".join(parts).capitalize())

    def show_failure(self, error: PaincoachError) -> None:
        """Say why the journal cannot be shown."""
        self.query_one("#today-title", Static).update("Your journal could not be opened")
        empty = self.query_one("#today-empty", Static)
        empty.update(error.message)
        empty.display = True
