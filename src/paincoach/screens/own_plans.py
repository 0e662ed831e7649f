"""The person's own plans, as they wrote them: the safety plan (Help now's `s`) and the
flare-up plan (from the high-pain offer).

A plan is shown over the screen that asked for it, so that Escape goes back there (to Help
now and its crisis lines); `e` changes it: paincoach's own exercise, never a file put in its
place, starting from what is there (the safety plan). With no plan yet, that exercise starts
at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Footer, Static

from paincoach.core.errors import PaincoachError
from paincoach.records.describe import flare_plan_text, safety_plan_text
from paincoach.screens.base import PaincoachDialog, call_service
from paincoach.widgets.hints import key_word

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp
    from paincoach.records.practice import FlarePlan
    from paincoach.records.safety_plan import SafetyPlan
    from paincoach.services import Services

SAFETY_PLAN = "safety-plan"  # the bundled exercises that write the plans
FLARE_PLAN = "flare-plan"
BACK = Binding("escape,q", "close", "Back", id="own_plan.back", tooltip="Back where you were")
CHANGE = Binding(
    "e",
    "change",
    "Change it",
    id="own_plan.change",
    tooltip="Go through your plan again",
)


class Plan(Protocol):
    """What every plan has."""

    @property
    def empty(self) -> bool:
        """Whether there is nothing in it."""
        ...

    @property
    def updated_at(self) -> datetime | None:
        """When it was last written."""
        ...


P = TypeVar("P", bound=Plan)


@dataclass(frozen=True)
class OwnPlan(Generic[P]):
    """One kind of plan: how to read it, show it, and write it."""

    exercise_id: str
    title: str
    read: Callable[[Services], P | None]  # the plan, or None when there is none
    text: Callable[[P], Text]  # the plan, under a title of its own


def _safety(services: Services) -> SafetyPlan | None:
    return services.practice.safety_plan()


def _flare(services: Services) -> FlarePlan | None:
    return services.practice.flare_plan()


SAFETY: OwnPlan[SafetyPlan] = OwnPlan(
    SAFETY_PLAN, "Your safety plan", _safety, lambda plan: safety_plan_text(plan, titled=False)
)
FLARE: OwnPlan[FlarePlan] = OwnPlan(
    FLARE_PLAN, "Your flare-up plan", _flare, lambda plan: flare_plan_text(plan, titled=False)
)


def plan_view_text(body: Text, updated_at: datetime | None = None) -> Text:
    """The plan, when it was last changed, and the way back."""
    text = body.copy()
    if updated_at is not None:
        text.append(f"\nLast changed {updated_at:%d %b %Y}.\n", style="dim")
    text.append(
        f"\n{key_word(BACK)} goes back. {key_word(CHANGE)} changes your plan.", style="italic"
    )
    return text


class OwnPlanDialog(PaincoachDialog[bool]):
    """Shows one plan; dismissed with True when the person wants to change it."""

    #: Like Help now, it shows its words (scrolling) in any window, never the size notice.
    SIZE_NOTICE = False

    BINDINGS = [BACK, CHANGE]

    def __init__(self, title: str, text: Text) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        """The plan, in a scrollable panel."""
        with Vertical(classes="dialog help-now own-plan"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(id="own-plan-body"):
                yield Static(self.text, id="own-plan-text")
        yield Footer()

    def on_mount(self) -> None:
        """Let the arrow keys scroll at once."""
        self.query_one("#own-plan-body").focus()

    def action_change(self) -> None:
        """Close, asking for the exercise again."""
        self.dismiss(True)

    def action_close(self) -> None:
        """Back where the person was."""
        self.dismiss(False)


def note_flare_plan_opened(node: DOMNode) -> None:
    """Remember that the flare-up plan was opened today, to read it or to write a first one
    in a hard moment: Today may offer to hold the pacing plans. Never in the way: a journal
    that cannot take it just goes without."""
    app = cast("PaincoachApp", node.app)
    call_service(
        node,
        lambda services: services.practice.pacing.note_flare_plan_opened(),
        lambda _none: app.journal_changed(),  # Today may now offer to hold the plans
        group="flare-plan-opened",
        failed=lambda _error: None,
    )


def show_or_write(
    node: DOMNode, plan: OwnPlan[P], before_writing: Callable[[], object] = lambda: None
) -> None:
    """Show the person's plan; without one, start writing it (paincoach's own exercise).

    `before_writing` runs just before the exercise starts (Help now closes itself then).
    """
    from paincoach.screens.exercise_start import start_exercise

    app = cast("PaincoachApp", node.app)

    def write(wanted: bool | None = True) -> None:
        if wanted:
            before_writing()
            start_exercise(app, plan.exercise_id, bundled=True)

    def shown(found: P | None) -> None:
        if found is None or found.empty:
            if plan is FLARE:  # reaching for it in a hard moment is the sign, plan or not
                note_flare_plan_opened(app)
            write()
            return
        text = plan_view_text(plan.text(found), found.updated_at)
        app.push_screen(OwnPlanDialog(plan.title, text), write)
        if plan is FLARE:
            note_flare_plan_opened(app)

    def unreadable(_error: PaincoachError) -> None:
        app.notify(
            f"{plan.title} could not be read just now. Help now still works (F1).",
            severity="warning",
            timeout=8,
        )

    call_service(node, plan.read, shown, group="own-plan", failed=unreadable)
