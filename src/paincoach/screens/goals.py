"""Mark a goal as done: goals set in the SMART goal exercise stay on Today until then."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, OptionList, Static

from paincoach.core.textsafe import one_line
from paincoach.records.practice import Goal
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.confirm import ConfirmDialog


class GoalsDialog(PaincoachDialog[None]):
    """The open goals; Enter marks the highlighted one as done (after asking)."""

    BINDINGS = [Binding("escape", "close", "Back", id="goals.back", tooltip="Back to Today")]

    def __init__(self, goals: list[Goal]) -> None:
        super().__init__()
        self.goals = goals

    def compose(self) -> ComposeResult:
        """The goals as a list."""
        with Vertical(classes="dialog goals"):
            yield Static("Your goals", classes="dialog-title")
            yield Static(
                "Enter marks the highlighted goal as done. Well done for setting it.",
                classes="hint",
            )
            yield OptionList(
                *(Content(one_line(goal.text, 70)) for goal in self.goals), id="goal-list"
            )
        yield Footer()

    def on_mount(self) -> None:
        """Start on the first goal."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Ask, then mark the goal done."""
        goal = self.goals[event.option_index]

        def answered(yes: bool | None) -> None:
            if yes:
                self.call_service(
                    lambda services: services.practice.complete_goal(goal.uid), self._done
                )

        self.app.push_screen(
            ConfirmDialog("Mark this goal as done?", yes="Done", detail=goal.text), answered
        )

    def _done(self, _: object) -> None:
        self.paincoach.journal_changed()
        self.paincoach.notify("Goal marked as done.", timeout=3)
        self.dismiss(None)

    def action_close(self) -> None:
        """Back to Today."""
        self.dismiss(None)
