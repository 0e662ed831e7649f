"""Help now: emergency and crisis lines for the person's region, and their own people.

Its lines come only from the bundled crisis-line file and the person's settings, never
from exercise content, so nothing added by a user can hide or replace them. The person's
own flare-up plan is named on the first line with its key (`p`), and shown below the lines;
their safety plan is one key away too (`s`: shows it, or starts writing it). The two
exercises behind `b` and `p` are paincoach's own files, read alone: they never wait for the
exercise library, however many or large the person's files are.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from paincoach import safety
from paincoach.core.errors import PaincoachError
from paincoach.core.textsafe import visible
from paincoach.records.describe import flare_plan_text
from paincoach.records.practice import FlarePlan
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.offer import SLOW_BREATHING
from paincoach.settings import Settings

FLARE_PLAN = "flare-plan"  # the bundled exercise that writes the flare-up plan
PLAN_KEY = "p"
SAFETY_PLAN_KEY = "s"

__all__ = ["HelpNowDialog", "flare_plan_text", "help_text", "own_plans_line"]


def own_plans_line(plan: FlarePlan | None, *, readable: bool = True) -> Text:
    """The first line of Help now: the person's own plan and the key that opens it.

    Without a plan it says, in one line, how to write one (the same key starts it).
    """
    if not readable:
        return Text("Your flare-up plan could not be read just now.", style="italic")
    if plan is None or plan.empty:
        return Text(f"No flare-up plan yet: press {PLAN_KEY} to write one (about 10 minutes).")
    return Text.assemble(("Your flare-up plan", "bold"), f": press {PLAN_KEY} to read it.")


def help_text(directory: safety.CrisisDirectory, settings: Settings) -> Text:
    """Everything Help now says, as plain text with a little emphasis.

    Each line takes two rows (its number, then how, hours, cost and any caution), so the
    first lines fit at 80x24; where the numbers come from follows the person's own part.
    """
    region = directory.region(settings.region or safety.DEFAULT_REGION)
    lines = directory.lines_for(region.code)
    text = Text()
    text.append(safety.IMMEDIATE_DANGER + "\n", style="bold")
    text.append(f"Emergency number ({region.name}): ", style="bold")
    text.append(f"{region.emergency}\n")
    for line in lines:
        text.append(f"{line.name}: {line.number}\n", style="bold")
        text.append(f"  {safety.line_details(line)}\n")
    text.append("\nYour people\n", style="bold")
    if settings.contacts:
        for contact in settings.contacts:
            text.append(
                visible(f"  {contact.name}  {contact.phone}  {contact.note}".rstrip()) + "\n"
            )
    else:
        text.append("  You can add people you trust in Settings (s on Today).\n")
    text.append("\nPress b to start slow breathing now.\n", style="bold")
    if not settings.region:
        text.append(
            "\nChoose your region in Settings to see the lines where you live.\n", style="italic"
        )
    text.append("\nWhere these numbers come from\n", style="bold")
    for line in lines:
        text.append(f"  {line.name}: {line.source} ({safety.page_date(line)})\n", style="dim")
    text.append(f"{safety.SOURCE_DATES} {safety.compared_line(directory)}\n", style="dim")
    text.append("\n" + safety.NOT_MEDICAL_CARE + "\n", style="dim")
    text.append(safety.NOT_MONITORED + "\n")
    return text


class HelpNowDialog(PaincoachDialog[None]):
    """Crisis lines and contacts; works with the journal closed or broken."""

    #: However small the window, Help now shows its lines (scrolling), never the size notice:
    #: that notice itself says "F1: Help now".
    SIZE_NOTICE = False

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="help_now.back", tooltip="Close Help now"),
        Binding(
            "b",
            "breathe",
            "Slow breathing",
            id="help_now.breathe",
            tooltip="Start a slow breathing pacer straight away",
        ),
        Binding(
            PLAN_KEY,
            "plan",
            "Flare-up plan",
            id="help_now.plan",
            tooltip="Your flare-up plan, or write one if there is none yet",
        ),
        Binding(
            SAFETY_PLAN_KEY,
            "safety_plan",
            "Safety plan",
            id="help_now.safety_plan",
            tooltip="Your safety plan, or write one if there is none yet",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: FlarePlan | None = None
        self.plan_known = False  # the journal answered (with a plan or without)

    def compose(self) -> ComposeResult:
        """The lines, in a scrollable panel."""
        with Vertical(classes="dialog help-now"):
            yield Static("Help now", classes="dialog-title")
            yield Static("", id="own-plans")
            with VerticalScroll(id="help-body"):
                yield Static(self._text(self.paincoach.settings), id="help-text")
                yield Static("", id="flare-plan")
        yield Footer()

    def _text(self, settings: Settings) -> Text:
        try:
            directory = self.services.crisis
        except (OSError, ValueError, KeyError) as exc:  # never leave the person with nothing
            return Text(
                f"{safety.IMMEDIATE_DANGER}\n\n(The list of helplines could not be read: {exc}.)"
            )
        return help_text(directory, settings)

    def on_mount(self) -> None:
        """Let the arrow keys scroll at once; add the flare-up plan if there is one."""
        self.query_one("#help-body").focus()
        self.query_one("#flare-plan").display = False
        from paincoach.screens.exercise_start import warm_bundled

        warm_bundled(self.paincoach, SLOW_BREATHING, FLARE_PLAN)  # b and p then start at once
        if not self.paincoach.opened:  # pressed before the journal opened: the default region
            self.call_service(
                lambda services: services.settings(),
                self._show_settings,
                group="help-now-settings",
                failed=lambda _error: None,  # the lines shown stay
            )
        self.call_service(
            lambda services: services.practice.flare_plan(),
            self._show_flare_plan,
            group="flare-plan",
            failed=self._no_flare_plan,  # Help now never depends on the journal
        )

    def _show_settings(self, settings: Settings) -> None:
        """The lines for the person's own region and their people, once the journal says."""
        self.query_one("#help-text", Static).update(self._text(settings))

    def _show_flare_plan(self, plan: FlarePlan | None) -> None:
        self.plan = None if plan is None or plan.empty else plan
        self.plan_known = True
        self.query_one("#own-plans", Static).update(own_plans_line(self.plan))
        self.refresh_bindings()
        if self.plan is None:
            return
        widget = self.query_one("#flare-plan", Static)
        widget.update(flare_plan_text(self.plan))
        widget.display = True

    def _no_flare_plan(self, _error: PaincoachError) -> None:
        self.query_one("#own-plans", Static).update(own_plans_line(None, readable=False))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`p` only once the journal has said whether there is a plan."""
        if action == "plan":
            return self.plan_known
        return True

    def action_plan(self) -> None:
        """Show the flare-up plan; without one, start writing it (paincoach's own exercise)."""
        if not self.plan_known:
            return
        if self.plan is not None:
            body = self.query_one("#help-body", VerticalScroll)
            body.scroll_to_widget(self.query_one("#flare-plan"), top=True, animate=False)
            from paincoach.screens.own_plans import note_flare_plan_opened

            note_flare_plan_opened(self)
            return
        from paincoach.screens.exercise_start import start_exercise
        from paincoach.screens.own_plans import note_flare_plan_opened

        note_flare_plan_opened(self.paincoach)  # a first plan, written in a hard moment
        self.dismiss(None)
        start_exercise(self.paincoach, FLARE_PLAN, bundled=True)

    def action_safety_plan(self) -> None:
        """Show the safety plan; without one, start writing it (paincoach's own exercise)."""
        from paincoach.screens.own_plans import SAFETY, show_or_write

        show_or_write(self, SAFETY, before_writing=lambda: self.dismiss(None))

    def action_breathe(self) -> None:
        """Close Help now and start slow breathing at once."""
        from paincoach.screens.exercise_start import start_exercise

        self.dismiss(None)
        # paincoach's own slow breathing, even if the person's files replace it elsewhere
        start_exercise(self.paincoach, SLOW_BREATHING, quick=True, bundled=True)

    def action_close(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
