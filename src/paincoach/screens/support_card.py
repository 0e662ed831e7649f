"""The support card: after a save whose words or ratings call for it, kind words and people.

Non-blocking: the entry is already saved, and the card says so. It stays until the person
closes it (no timer), shows every crisis line for their region, their own people and plan,
and says plainly that nobody reads the journal. F1 (Help now) works over it, as everywhere.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Static

from paincoach import safety
from paincoach.core.textsafe import visible
from paincoach.records.concern import Concern
from paincoach.records.safety_plan import SafetyPlan
from paincoach.records.support_card import NO_CONTACTS, PLAN_TITLE, SupportCard, card_for
from paincoach.screens.base import PaincoachDialog
from paincoach.screens.offer import SLOW_BREATHING
from paincoach.settings import Settings

BACK = "Back to paincoach"


def card_text(card: SupportCard) -> Text:
    """The card's words, with a little emphasis (every piece of user text kept as data)."""
    text = Text()
    text.append(card.opening + "\n")
    text.append(card.saved + "\n\n", style="italic")
    if card.fortnight:
        text.append(card.fortnight + "\n\n")
    text.append(card.nobody + "\n")
    text.append(card.emergency + "\n", style="bold")
    for entry in card.lines:
        text.append(f"{entry.name}: {entry.number}\n", style="bold")
        text.append(f"  {entry.how}\n")
    text.append("\nYour people\n", style="bold")
    for person in card.people or (NO_CONTACTS,):
        text.append(f"  {visible(person)}\n")
    if card.plan:
        text.append(f"\n{PLAN_TITLE}\n", style="bold")
        for line in card.plan:
            text.append(f"  {visible(line)}\n")
    text.rstrip()
    return text


def build_card(
    directory: safety.CrisisDirectory,
    settings: Settings,
    concern: Concern,
    saved: str,
    plan: SafetyPlan | None = None,
) -> SupportCard:
    """The card for the person's region, people and safety plan."""
    return card_for(directory, settings.region, settings.contacts, concern, saved, plan)


class SupportCardDialog(PaincoachDialog[str | None]):
    """The card; returns an exercise id to start (slow breathing) or None for back."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="support_card.back", tooltip=BACK),
        Binding(
            "h",
            "app.help_now",
            "Help now",
            id="support_card.help_now",
            tooltip="Crisis lines, emergency numbers and your own contacts",
        ),
        Binding(
            "b",
            "breathe",
            "Slow breathing",
            id="support_card.breathe",
            tooltip="A few minutes of slow breathing, when you are ready",
        ),
        Binding("up", "scroll(-1)", show=False, id="support_card.up"),
        Binding("down", "scroll(1)", show=False, id="support_card.down"),
        Binding("pageup", "scroll(-10)", show=False, id="support_card.page_up"),
        Binding("pagedown", "scroll(10)", show=False, id="support_card.page_down"),
    ]

    def __init__(self, concern: Concern, saved: str) -> None:
        """`saved`: what was saved ("check-in", "activity", "exercise" or "changes")."""
        super().__init__()
        self.concern = concern
        self.saved = saved

    def compose(self) -> ComposeResult:
        """The words in a scrolling panel, and the way back below them."""
        card = self._card()
        with Vertical(classes="dialog support-card"):
            yield Static(card.title if card else "Saved", classes="dialog-title", markup=False)
            with VerticalScroll(id="card-body"):
                yield Static(card_text(card) if card else self._fallback(), id="card-text")
            with Horizontal(classes="buttons"):
                yield Button("Help now", id="help-now")
                yield Button(BACK, id="back", variant="primary")
        yield Footer()

    def _card(self, plan: SafetyPlan | None = None) -> SupportCard | None:
        try:
            directory = self.services.crisis
        except (OSError, ValueError, KeyError):  # never leave the person with nothing
            return None
        return build_card(directory, self.paincoach.settings, self.concern, self.saved, plan)

    def _show_plan(self, plan: SafetyPlan | None) -> None:
        """Add the person's safety plan once it is read (the card shows at once without it)."""
        card = self._card(plan) if plan is not None else None
        if card is not None:
            self.query_one("#card-text", Static).update(card_text(card))

    def _fallback(self) -> Text:
        return Text(f"{safety.IMMEDIATE_DANGER}\n\n(The list of helplines could not be read.)")

    def on_mount(self) -> None:
        """Start on the way back: Enter closes the card, as Escape does."""
        self.query_one("#back", Button).focus()
        self.call_service(
            lambda services: services.practice.safety_plan(),
            self._show_plan,
            group="support-card-plan",
            failed=lambda _error: None,  # the card is whole without it
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Back, or Help now over the card (the card stays beneath it)."""
        event.stop()
        if event.button.id == "help-now":
            self.paincoach.action_help_now()
        else:
            self.dismiss(None)

    def action_back(self) -> None:
        """Close the card."""
        self.dismiss(None)

    def action_breathe(self) -> None:
        """Close the card and start slow breathing."""
        self.dismiss(SLOW_BREATHING)

    def action_scroll(self, lines: int) -> None:
        """Scroll the words (the focus stays on the way back)."""
        body = self.query_one("#card-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)
