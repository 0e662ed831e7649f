"""One day: its entries with full details, to read, edit or delete."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from paincoach.core.textsafe import visible
from paincoach.records.days import DayEntries
from paincoach.records.describe import describe_session, rating
from paincoach.records.entries import Activity, CheckIn, Entry
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.entry_actions import ENTRY_BINDINGS, EntryActions
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.dose_table import DoseTable, dose_summary
from paincoach.widgets.entry_table import EntryTable, entry_summary

if TYPE_CHECKING:
    from paincoach.records.practice import SessionSummary
    from paincoach.records.treatments import Dose
    from paincoach.services import Services


@dataclass(frozen=True)
class DayData:
    """One day's entries and exercise sessions, fetched in one worker call."""

    entries: DayEntries
    sessions: tuple[SessionSummary, ...] = ()
    doses: tuple[Dose, ...] = ()


def fetch_day(services: Services, day: date) -> DayData:
    """Read a day's entries and the exercises done that day."""
    return DayData(
        services.journal.day(day),
        tuple(services.practice.sessions_on(day)),
        tuple(services.treatments.doses_on(day)),
    )


def sessions_block(sessions: Sequence[SessionSummary]) -> Text:
    """The day's exercises under a heading, one line each."""
    text = Text("Exercises\n", style="bold")
    return text + Text("\n").join(describe_session(s, labelled=False) for s in sessions)


def entry_details(entry: Entry | Dose) -> Text:
    """Everything about one entry (or dose), the note in full."""
    text = Text(f"{entry.at:%A %d %B %Y, %H:%M}\n", style="bold")
    if not isinstance(entry, (CheckIn, Activity)):
        text.append(f"Taken  {dose_summary(entry)}\n")
        if entry.side_effects:
            text.append(f"Side effects: {visible(entry.side_effects)}\n")
        return text.append(
            "\n" + (visible(entry.note) if entry.note else "No note."),
            style="" if entry.note else "dim",
        )
    text.append(entry_summary(entry).plain + "\n")
    if isinstance(entry, CheckIn):
        if entry.sleep is not None:
            text.append(f"Sleep quality {rating(entry.sleep)}\n")
        if entry.areas:
            text.append("Pain areas: " + visible(", ".join(entry.areas)) + "\n")
        if entry.tags:
            text.append("Tags: " + visible(", ".join(entry.tags)) + "\n")
    text.append(
        "\n" + (visible(entry.note) if entry.note else "No note."),
        style="" if entry.note else "dim",
    )
    return text


class DayScreen(EntryActions, PaincoachScreen[None]):
    """A day's entries; the highlighted one is shown in full below."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="day.back", tooltip="Back to History"),
        *ENTRY_BINDINGS,
        Binding(
            "left_square_bracket",
            "shift(-1)",
            "Day before",
            id="day.previous",
            tooltip="The previous day",
        ),
        Binding(
            "right_square_bracket", "shift(1)", "Day after", id="day.next", tooltip="The next day"
        ),
    ]

    def __init__(self, day: date, *, focus_uid: str | None = None) -> None:
        super().__init__()
        self.day = day
        self.focus_uid = focus_uid

    def compose(self) -> ComposeResult:
        """The day's title, its entries, and the highlighted entry in full."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Static("", id="day-title", classes="section-title")
            yield EntryTable(id="day-entries")
            yield Static(Text("Taken", style="bold"), id="day-doses-title")
            yield DoseTable(id="day-doses")
            yield Static("", id="day-sessions")
            with VerticalScroll(id="day-detail"):
                yield Static("", id="day-detail-text")
        yield Footer()

    def on_mount(self) -> None:
        """Load the day."""
        self.query_one(EntryTable).focus()
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Fetch the day's entries."""
        day = self.day
        self.call_service(lambda services: fetch_day(services, day), self.show_day, group="day")

    def show_day(self, data: DayData) -> None:
        """Present the entries and the exercises done."""
        entries = data.entries
        self.sub_title = f"{self.day:%A %d %B %Y}"
        table = self.query_one(EntryTable)
        table.show_entries(entries.entries)
        count = len(entries.entries)
        table.display = bool(count)  # not an empty table's header under "no check-ins"
        if count:
            what = f"{count} entr{'y' if count == 1 else 'ies'}"
        else:
            other = data.sessions or data.doses
            what = "no check-ins or activities" if other else "nothing recorded on this day"
        self.query_one("#day-title", Static).update(f"{self.day:%A %d %B %Y}: {what}")
        doses = self.query_one(DoseTable)
        doses.show_doses(data.doses)
        doses.display = self.query_one("#day-doses-title").display = bool(data.doses)
        sessions = self.query_one("#day-sessions", Static)
        sessions.update(sessions_block(data.sessions) if data.sessions else "")
        sessions.display = bool(data.sessions)
        if self.focus_uid is not None:  # from a search result: that entry, or that dose
            uids = [entry.uid for entry in entries.entries]
            dose_uids = [dose.uid for dose in data.doses]
            if self.focus_uid in uids:
                table.move_cursor(row=uids.index(self.focus_uid))
            elif self.focus_uid in dose_uids:
                doses.move_cursor(row=dose_uids.index(self.focus_uid))
                doses.focus()
            self.focus_uid = None
        if not entries.entries and data.doses and self.focused is table:
            doses.focus()  # a day of doses only: the arrows and keys go to them
        shown = self.focused if isinstance(self.focused, DoseTable) else table
        self._show_detail(shown.selected)

    def _show_detail(self, entry: Entry | Dose | None) -> None:
        shown = "" if entry is None else entry_details(entry)
        self.query_one("#day-detail-text", Static).update(shown)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the highlighted entry (or dose) in full."""
        table = event.data_table
        if isinstance(table, (EntryTable, DoseTable)) and table.has_focus:
            self._show_detail(table.selected)

    def on_descendant_focus(self) -> None:
        """Moving between the entries and the doses shows the one now highlighted."""
        focused = self.focused
        if isinstance(focused, (EntryTable, DoseTable)):
            self._show_detail(focused.selected)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter edits the entry."""
        event.stop()
        self.action_edit_entry()

    def action_shift(self, days: int) -> None:
        """Move to the day before or after (not past today)."""
        target = self.day + timedelta(days=days)
        if target > self.services.clock().date():
            self.app.notify("That is in the future.", timeout=2)
            return
        self.day = target
        self.load()

    def action_back(self) -> None:
        """Back to History."""
        self.dismiss(None)
