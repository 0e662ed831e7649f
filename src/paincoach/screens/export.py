"""Export from the Week screen: a report for a clinician, or all of the person's data."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Input, Label, Select, Static

from paincoach.core.errors import InputError
from paincoach.screens.base import PaincoachDialog
from paincoach.transfer.report_files import ExportKind, check_folder, write_export
from paincoach.widgets.marked import TickBox

KINDS: list[tuple[str, ExportKind]] = [
    ("Report for a clinician (HTML, prints on A4 or Letter)", "html"),
    ("Report as plain text (Markdown)", "md"),
    ("All my data (JSON, can be imported again)", "json"),
]
PERIODS = [("the last 4 weeks", 4), ("the last 8 weeks", 8), ("the last 12 weeks", 12)]


class ExportDialog(PaincoachDialog[Path | None]):
    """Choose what to export and where; the file is readable only by you."""

    BINDINGS = [
        Binding("escape", "close", "Cancel", id="export.cancel", tooltip="Close without exporting"),
        Binding(
            "ctrl+s", "export", "Export", priority=True, id="export.save", tooltip="Write the file"
        ),
    ]

    def __init__(self, week: date) -> None:
        super().__init__()
        self.week = week

    def compose(self) -> ComposeResult:
        """What, which period, notes or not, and where."""
        with Vertical(classes="dialog export"):
            yield Static("Export", classes="dialog-title")
            with Horizontal(classes="field-row"):
                yield Label("What", classes="field-label")
                yield Select(KINDS, value="html", allow_blank=False, id="kind", compact=True)
            with Horizontal(classes="field-row", id="period-row"):
                yield Label("Period", classes="field-label")
                yield Select(PERIODS, value=4, allow_blank=False, id="weeks", compact=True)
            yield TickBox("Include my notes and thought-record words", id="notes")
            with Horizontal(classes="field-row"):
                yield Label("Folder", classes="field-label")
                yield Input("~", id="folder", compact=True)
            yield Static(
                "The file is readable only by you. paincoach never sends it anywhere: "
                "you decide who sees it.",
                classes="hint",
            )
            yield Static("", id="form-error", classes="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export (Ctrl+S)", id="export", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        """Start on the choice of what to export."""
        self.query_one("#form-error").display = False
        self.query_one("#kind", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Period and notes only apply to reports."""
        if event.select.id == "kind":
            is_report = event.value != "json"
            self.query_one("#period-row").display = is_report
            self.query_one("#notes").display = is_report

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Export or cancel."""
        if event.button.id == "export":
            self.action_export()
        else:
            self.action_close()

    def action_export(self) -> None:
        """Write the file in a worker."""
        kind: ExportKind = self.query_one("#kind", Select).value  # type: ignore[assignment]
        weeks = self.query_one("#weeks", Select).value
        include_notes = self.query_one("#notes", TickBox).value
        try:
            folder = check_folder(self.query_one("#folder", Input).value)
        except InputError as exc:
            self._error(exc.message)
            return
        week_start = self.paincoach.settings.week_start
        today = self.services.clock().date()
        until = min(today, self.week + timedelta(days=6))  # the report ends with the week shown
        self.call_service(
            lambda services: write_export(
                services.db,
                kind,
                folder,
                today=today,
                until=until,
                weeks=int(str(weeks)),
                include_notes=include_notes,
                week_start=week_start,
            ),
            self._written,
            group="export",
            failed=lambda error: self._error(error.message),
        )

    def _error(self, message: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(message)
        error.display = True

    def _written(self, path: Path) -> None:
        self.app.notify(f"Saved to {path}", title="Export written", timeout=15, markup=False)
        self.dismiss(path)

    def action_close(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
