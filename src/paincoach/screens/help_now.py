"""Help now: emergency and crisis lines for the person's region, and their own people.

Its content comes only from the bundled crisis-line file and the person's settings, never
from exercise content, so nothing added by a user can hide or replace it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from paincoach import safety
from paincoach.core.textsafe import visible
from paincoach.records.practice import FlarePlan
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.offer import SLOW_BREATHING
from paincoach.settings import Settings


def help_text(directory: safety.CrisisDirectory, settings: Settings) -> Text:
    """Everything Help now says, as plain text with a little emphasis."""
    region = directory.region(settings.region or safety.DEFAULT_REGION)
    text = Text()
    text.append(safety.IMMEDIATE_DANGER + "\n", style="bold")
    text.append(f"Emergency number ({region.name}): ", style="bold")
    text.append(f"{region.emergency}\n\n")
    for line in directory.lines_for(region.code):
        text.append(f"{line.name}: {line.number}\n", style="bold")
        text.append(f"  {line.how}\n")
        text.append(f"  Source: {line.source}; checked {line.checked:%d %b %Y}\n", style="dim")
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
    text.append("\n" + safety.NOT_MEDICAL_CARE + "\n", style="dim")
    return text


def flare_plan_text(plan: FlarePlan) -> Text:
    """The person's own flare-up plan, as they wrote it."""
    text = Text("Your flare-up plan\n", style="bold")
    sections = (
        ("What helps", plan.helps),
        ("Signs a flare is starting", plan.signs),
        ("What I can drop for now", plan.drop),
    )
    for title, items in sections:
        if items:
            text.append(f"{title}:\n", style="italic")
            for item in items:
                text.append(visible(f"  • {item}") + "\n")
    if plan.tell.strip():
        text.append("Who I tell: ", style="italic")
        text.append(visible(plan.tell.strip()) + "\n")
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
    ]

    def compose(self) -> ComposeResult:
        """The lines, in a scrollable panel."""
        with Vertical(classes="dialog help-now"):
            yield Static("Help now", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._text(), id="help-text")
                yield Static("", id="flare-plan")
        yield Footer()

    def _text(self) -> Text:
        try:
            directory = self.services.crisis
        except (OSError, ValueError, KeyError) as exc:  # never leave the person with nothing
            return Text(
                f"{safety.IMMEDIATE_DANGER}\n\n(The list of helplines could not be read: {exc}.)"
            )
        return help_text(directory, self.paincoach.settings)

    def on_mount(self) -> None:
        """Let the arrow keys scroll at once; add the flare-up plan if there is one."""
        self.query_one("#help-body").focus()
        self.query_one("#flare-plan").display = False
        self.call_service(
            lambda services: services.practice.flare_plan(),
            self._show_flare_plan,
            group="flare-plan",
            failed=lambda _error: None,  # Help now never depends on the journal
        )

    def _show_flare_plan(self, plan: FlarePlan | None) -> None:
        if plan is None or plan.empty:
            return
        widget = self.query_one("#flare-plan", Static)
        widget.update(flare_plan_text(plan))
        widget.display = True

    def action_breathe(self) -> None:
        """Close Help now and start slow breathing at once."""
        from paincoach.screens.exercise_start import start_exercise

        self.dismiss(None)
        # paincoach's own slow breathing, even if the person's files replace it elsewhere
        start_exercise(self.paincoach, SLOW_BREATHING, quick=True, bundled=True)

    def action_close(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
