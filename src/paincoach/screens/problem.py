"""Shown when the journal cannot be opened: what happened and what to do."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from paincoach.screens.base import PaincoachScreen


class ProblemScreen(PaincoachScreen[None]):
    """A plain explanation; Help now still works, and nothing is written."""

    BINDINGS = [Binding("q", "app.quit", "Quit", id="problem.quit", tooltip="Close paincoach")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        """The message, and where to go from here."""
        yield Header(icon="≡")
        with Vertical(classes="page"):
            yield Static("Your journal could not be opened", classes="section-title")
            yield Static(self.message, id="problem-message", markup=False)
            yield Static(
                "\nNothing has been changed or overwritten. Help now (F1) still works. "
                "`paincoach doctor` in a terminal shows where your files are.",
                markup=False,
            )
        yield Footer()
