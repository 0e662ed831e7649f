"""The support card on the command line: the same words as the app's, after "Saved"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from paincoach import safety
from paincoach.core.textsafe import visible
from paincoach.records.concern import Concern
from paincoach.records.support_card import card_for

if TYPE_CHECKING:
    from paincoach.db.engine import Database

HELP_NOW_HINT = "Run 'paincoach help-now' for every line, your own people and your plans."


def print_card(out: Console, db: Database, concern: Concern, saved: str) -> None:
    """Print the card for `concern` (user text as data: no markup, no control characters)."""
    from paincoach.journal.service import Journal
    from paincoach.practice.service import Practice
    from paincoach.settings import load_settings

    settings = load_settings(db)
    plan = Practice(db, Journal(db)).safety_plan()
    card = card_for(
        safety.load_directory(), settings.region, settings.contacts, concern, saved, plan
    )
    out.print()
    out.print(Text(card.title, style="bold"))
    for line in card.as_lines():
        out.print(Text(visible(line)))
    out.print(Text(HELP_NOW_HINT))
