"""The person's own safety plan, as they wrote it, one key from Help now (`s`).

It is shown over Help now, so that Escape goes back to the crisis lines; `e` changes it
(paincoach's own safety-plan exercise, starting from what is there).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from paincoach.records.describe import safety_plan_text
from paincoach.records.safety_plan import SafetyPlan
from paincoach.screens.base import PaincoachDialog
from paincoach.widgets.hints import key_word

SAFETY_PLAN = "safety-plan"  # the bundled exercise that writes the safety plan
BACK = Binding("escape,q", "close", "Back", id="safety_plan.back", tooltip="Back to Help now")
CHANGE = Binding(
    "e",
    "change",
    "Change it",
    id="safety_plan.change",
    tooltip="Go through your safety plan again, starting from what is there",
)


def plan_view_text(plan: SafetyPlan) -> Text:
    """The plan, when it was last changed, and the way back to the lines."""
    text = safety_plan_text(plan, titled=False)
    if plan.updated_at is not None:
        text.append(f"\nLast changed {plan.updated_at:%d %b %Y}.\n", style="dim")
    text.append(
        f"\n{key_word(BACK)} goes back to Help now and the crisis lines. "
        f"{key_word(CHANGE)} changes your plan.",
        style="italic",
    )
    return text


class SafetyPlanDialog(PaincoachDialog[bool]):
    """Shows the safety plan; dismissed with True when the person wants to change it."""

    #: Like Help now, it shows its words (scrolling) in any window, never the size notice.
    SIZE_NOTICE = False

    BINDINGS = [BACK, CHANGE]

    def __init__(self, plan: SafetyPlan) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        """The plan, in a scrollable panel."""
        with Vertical(classes="dialog help-now safety-plan"):
            yield Static("Your safety plan", classes="dialog-title")
            with VerticalScroll(id="safety-plan-body"):
                yield Static(plan_view_text(self.plan), id="safety-plan-text")
        yield Footer()

    def on_mount(self) -> None:
        """Let the arrow keys scroll at once."""
        self.query_one("#safety-plan-body").focus()

    def action_change(self) -> None:
        """Close, asking the caller to start the exercise again."""
        self.dismiss(True)

    def action_close(self) -> None:
        """Back to Help now."""
        self.dismiss(False)
