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
from paincoach.screens.base import PaincoachDialog
from paincoach.settings import Settings
from paincoach.textsafe import visible


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
    if not settings.region:
        text.append(
            "\nChoose your region in Settings to see the lines where you live.\n", style="italic"
        )
    text.append("\n" + safety.NOT_MEDICAL_CARE + "\n", style="dim")
    return text


class HelpNowDialog(PaincoachDialog[None]):
    """Crisis lines and contacts; works with the journal closed or broken."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="help_now.back", tooltip="Close Help now"),
    ]

    def compose(self) -> ComposeResult:
        """The lines, in a scrollable panel."""
        with Vertical(classes="dialog help-now"):
            yield Static("Help now", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(self._text(), id="help-text")
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
        """Let the arrow keys scroll at once."""
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Back to where the person was."""
        self.dismiss(None)
