"""Thought records: the list, newest first, and one record with all its columns."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from paincoach.core.textsafe import one_line, visible
from paincoach.core.words import counted
from paincoach.records.practice import Emotion, ThoughtRecord
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.confirm import ConfirmDialog
from paincoach.screens.messages import JournalChanged
from paincoach.widgets.row_table import RowTable

PAGE = 50
THOUGHT_RECORD_EXERCISE = "thought-record"


def belief_words(before: int | None, after: int | None) -> str:
    """`80 → 40` (a dash for a belief not rated)."""
    if before is None and after is None:
        return "–"
    return f"{'–' if before is None else before} → {'–' if after is None else after}"


def emotions_words(emotions: tuple[Emotion, ...]) -> str:
    """`Sad 70, Anxious 40`."""
    return ", ".join(
        visible(e.name) + ("" if e.intensity is None else f" {e.intensity}") for e in emotions
    )


def believed(belief: int | None) -> str:
    """` (believed 80 of 100)`, or nothing when not rated."""
    return "" if belief is None else f" (believed {belief} of 100)"


def record_text(record: ThoughtRecord) -> Text:
    """Every column of a thought record, in the order it was written."""
    text = Text(f"{record.at:%A %d %B %Y, %H:%M}", style="bold")
    if not record.finished:
        text.append("  (unfinished)", style="italic")
    text.append("\n")

    def part(title: str, body: str) -> None:
        text.append(f"\n{title}\n", style="bold underline")
        text.append((visible(body) if body else "–") + "\n", style="" if body else "dim")

    part("1. Situation", record.situation)
    part("2. Emotions", emotions_words(record.emotions))
    part("3. Automatic thoughts", "\n".join(f"• {t}" for t in record.thoughts))
    part(f"4. Hot thought{believed(record.belief)}", record.hot_thought)
    part("5. Thinking traps", ", ".join(record.traps))
    part("6. Evidence for", record.evidence_for)
    part("7. Evidence against", record.evidence_against)
    balanced = (
        "" if record.balanced_belief is None else f" (believed {record.balanced_belief} of 100)"
    )
    part(f"8. Balanced thought{balanced}", record.balanced)
    part("9. Emotions afterwards", emotions_words(record.emotions_after))
    return text


def record_row(record: ThoughtRecord) -> list[Text]:
    """One record as table cells."""
    state = "" if record.finished else " (unfinished)"
    return [
        Text(f"{record.at:%a %d %b %Y}"),
        Text(one_line(record.headline or "(no thought written)", 44) + state),
        Text(belief_words(record.belief, record.balanced_belief)),
    ]


class ThoughtRecordsScreen(PaincoachScreen[None]):
    """Past thought records; open one to read it; start a new one."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="thought_records.back", tooltip="Back"),
        Binding(
            "n",
            "new_record",
            "New",
            id="thought_records.new",
            tooltip="Start a new thought record",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.records: list[ThoughtRecord] = []
        self._more = True
        self._loading = False

    def compose(self) -> ComposeResult:
        """A status line and the table of records."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Static("Loading your thought records…", id="records-status", markup=False)
            yield RowTable(id="records", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Set up the table and load the newest records."""
        self.sub_title = "Thought records"
        table = self.query_one("#records", DataTable)
        for label in ("Day", "Hot thought", "Belief (hot → balanced)"):
            table.add_column(label)
        table.focus()
        self.reload()

    @on(JournalChanged)
    def reload(self) -> None:
        """Start again from the newest record."""
        self.records = []
        self._more = True
        self._loading = False
        self.query_one("#records", DataTable).clear()
        self._load_page()

    def _load_page(self) -> None:
        if self._loading or not self._more:
            return
        self._loading = True
        before: datetime | None = self.records[-1].at if self.records else None
        self.call_service(
            lambda services: services.practice.thought_records(PAGE, before),
            self._add_page,
            group="thought-records",
        )

    def _add_page(self, page: list[ThoughtRecord]) -> None:
        self._loading = False
        self._more = len(page) == PAGE
        table = self.query_one("#records", DataTable)
        for record in page:
            self.records.append(record)
            table.add_row(*record_row(record), key=record.uid)
        status = self.query_one("#records-status", Static)
        if not self.records:
            status.update(
                "No thought records yet. Press n to write one: it takes about 15 minutes."
            )
        else:
            more = "; scroll down for older ones" if self._more else ""
            status.update(
                f"{counted(len(self.records), 'record')}, newest first{more}. Enter reads one."
            )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Fetch older records when the cursor nears the end."""
        if event.cursor_row >= len(self.records) - 3:
            self._load_page()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter (or a click) reads the record."""
        event.stop()
        self.action_open_record()

    def action_open_record(self) -> None:
        """Read the highlighted record in full."""
        table = self.query_one("#records", DataTable)
        if 0 <= table.cursor_row < len(self.records):
            self.app.push_screen(ThoughtRecordScreen(self.records[table.cursor_row]))

    def action_new_record(self) -> None:
        """Start the thought record exercise."""
        from paincoach.screens.exercise_start import start_exercise

        start_exercise(self.paincoach, THOUGHT_RECORD_EXERCISE)

    def action_back(self) -> None:
        """Back to where the person came from."""
        self.dismiss(None)


class ThoughtRecordScreen(PaincoachScreen[None]):
    """One thought record, every column, to read (and delete, after asking)."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="thought_record.back", tooltip="Back to the list"),
        Binding(
            "d,delete",
            "delete_record",
            "Delete",
            id="thought_record.delete",
            tooltip="Delete this record for good (asks first)",
        ),
    ]

    def __init__(self, record: ThoughtRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        """The record, scrollable."""
        yield Header(icon="≡")
        with VerticalScroll(id="record-body", classes="page"):
            yield Static(record_text(self.record), id="record-text")
        yield Footer()

    def on_mount(self) -> None:
        """Let the arrows scroll at once."""
        self.sub_title = "Thought record"
        self.query_one("#record-body").focus()

    def action_delete_record(self) -> None:
        """Delete the record after asking."""

        def answered(delete: bool | None) -> None:
            if delete:
                uid = self.record.uid
                self.call_service(
                    lambda services: services.practice.delete_thought_record(uid),
                    self._deleted,
                    group="delete-record",
                )

        self.app.push_screen(
            ConfirmDialog(
                "Delete this thought record?",
                yes="Delete",
                no="Keep it",
                detail="It is removed for good; this cannot be undone.",
            ),
            answered,
        )

    def _deleted(self, _: None) -> None:
        self.paincoach.journal_changed()
        self.app.notify("Thought record deleted.", timeout=3)
        self.dismiss(None)

    def action_back(self) -> None:
        """Back to the list."""
        self.dismiss(None)
