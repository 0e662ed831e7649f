"""The regular treatments: what is used now, what stopped and why; start or stop one.

Reached with Ctrl+T from Today and from the dose dialog, and from the palette. Nothing here
suggests a dose, a change or a limit: the list is the person's own record.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from paincoach.core.textsafe import one_line, visible
from paincoach.records.treatments import Treatment
from paincoach.screens.base import PaincoachScreen
from paincoach.screens.messages import JournalChanged
from paincoach.screens.row_list import highlighted, refill
from paincoach.screens.treatment_forms import StartTreatmentDialog, StopTreatmentDialog
from paincoach.widgets.row_table import RowTable

COLUMNS = [("Treatment", 16), ("Dose", 10), ("How often", 18), ("Since", 11), ("Status", 12)]
"""Fixed widths, so the table reads the same however its rows arrive (see pacing.COLUMNS)."""
NONE_YET = (
    "No regular treatments yet. Press n to add one you use: a medicine, or anything else "
    "such as physiotherapy, a TENS machine or heat. Doses you take are logged with m on Today."
)


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def treatment_row(treatment: Treatment) -> list[Text]:
    """One treatment as table cells: in use, or why it stopped."""
    often = treatment.how_often or ("as needed" if treatment.as_needed else "")
    return [
        Text(one_line(treatment.name, 16)),
        Text(one_line(treatment.dose, 10)),
        Text(one_line(often, 18)),
        Text(_day(treatment.start)),
        Text(treatment.stop_words if treatment.stop else "in use"),
    ]


def treatment_details(treatment: Treatment) -> Text:
    """The highlighted treatment in full."""
    text = Text(visible(treatment.name) + "\n", style="bold")
    kind = "A medicine" if treatment.kind == "medicine" else "Another kind of treatment"
    parts = [kind]
    if treatment.dose:
        parts.append(f"dose {treatment.dose}")
    if treatment.how_often:
        parts.append(treatment.how_often)
    if treatment.as_needed:
        parts.append("as needed")
    text.append(visible(", ".join(parts)) + ".\n")
    if treatment.stop is None:
        text.append(f"In use since {treatment.start:%a} {_day(treatment.start)}.")
        return text
    text.append(
        f"Used from {_day(treatment.start)} to {_day(treatment.stop)}; "
        f"stopped: {treatment.stop_words}."
    )
    if treatment.stop_note:
        text.append("\n" + visible(treatment.stop_note), style="dim")
    return text


class TreatmentsScreen(PaincoachScreen[None]):
    """The regular treatments, in use first; the highlighted one in full below."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="treatments.back"),
        Binding("n", "start", "Start one", id="treatments.start", tooltip="A treatment you use"),
        Binding(
            "x",
            "stop",
            "Stop it",
            id="treatments.stop",
            tooltip="Stop the highlighted one, and say why",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.treatments: list[Treatment] = []

    def compose(self) -> ComposeResult:
        """The list, then the highlighted treatment."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Static("Your regular treatments", classes="section-title")
            yield Static("Opening your treatments…", id="treatments-status", markup=False)
            yield RowTable(id="treatments-list", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="treatments-detail-scroll"):
                yield Static("", id="treatments-details")
        yield Footer()

    def on_mount(self) -> None:
        """Set the columns and load the list."""
        self.sub_title = "Treatments"
        table = self.query_one("#treatments-list", DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        table.focus()
        self.load()

    @on(JournalChanged)
    def load(self) -> None:
        """Read the treatments, in use and stopped, in a worker."""
        self.call_service(
            lambda s: s.treatments.regular(active_only=False), self.show, group="treatments"
        )

    def show(self, treatments: list[Treatment]) -> None:
        """Present the list, keeping the highlighted row."""
        self.treatments = treatments
        table = self.query_one("#treatments-list", DataTable)
        status = self.query_one("#treatments-status", Static)
        refill(table, status, treatments, treatment_row, NONE_YET)
        self._show_details()

    @on(DataTable.RowHighlighted, "#treatments-list")
    def _highlighted_changed(self) -> None:
        self._show_details()

    def _highlighted(self) -> Treatment | None:
        return highlighted(self.query_one("#treatments-list", DataTable), self.treatments)

    def _show_details(self) -> None:
        self.refresh_bindings()  # x only on a treatment in use
        found = self._highlighted()
        self.query_one("#treatments-details", Static).update(
            treatment_details(found) if found is not None else ""
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """x stops a treatment still in use (dimmed on a stopped one)."""
        if action == "stop":
            found = self._highlighted()
            return True if found is not None and found.active else None
        return True

    def action_start(self) -> None:
        """Add a regular treatment."""

        def started(treatment: Treatment | None) -> None:
            if treatment is not None:
                self.paincoach.journal_changed()
                self.paincoach.notify(
                    f"Started: {one_line(treatment.name, 40)}, from {_day(treatment.start)}.",
                    timeout=4,
                    markup=False,
                )

        self.app.push_screen(StartTreatmentDialog(), started)

    def action_stop(self) -> None:
        """Stop the highlighted treatment, asking why."""
        found = self._highlighted()
        if found is None or not found.active:
            return

        def stopped(treatment: Treatment | None) -> None:
            if treatment is not None:
                self.paincoach.journal_changed()
                self.paincoach.notify(
                    f"Stopped: {one_line(treatment.name, 40)} ({treatment.stop_words}). "
                    "It stays in your list, for you and your clinician.",
                    timeout=5,
                    markup=False,
                )

        self.app.push_screen(StopTreatmentDialog(found), stopped)

    def action_back(self) -> None:
        """Back where it was opened from."""
        self.dismiss(None)
