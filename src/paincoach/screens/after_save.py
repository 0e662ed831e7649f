"""What follows a save: the support card when the save calls for it, else the offer of a skill.

The services decide whether a save calls for the card (`records.concern`, on the saved
record); this only chooses which dialog to show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from paincoach.records.concern import HIGH_PAIN
from paincoach.records.entries import Activity, CheckIn
from paincoach.records.practice import SavedPractice

if TYPE_CHECKING:
    from paincoach.app import PaincoachApp


def saved_what(saved: object, edited: bool) -> str:
    """How the card names what was saved."""
    if edited:
        return "changes"
    if isinstance(saved, CheckIn):
        return "check-in"
    return "activity" if isinstance(saved, Activity) else "exercise"


def offer_help_after(app: PaincoachApp, saved: object, *, edited: bool = False) -> bool:
    """Show the card, or after high pain the offer of a skill; False when neither is called for.

    The card comes for words of distress, despair rated strongly or a very low mood,
    whatever the pain and whenever the entry was logged (edits too). High pain alone brings
    the offer, not for an edit (often a correction of a past day).
    """
    from paincoach.screens.offer import OfferDialog
    from paincoach.screens.support_card import SupportCardDialog

    if not isinstance(saved, CheckIn | Activity | SavedPractice):
        return False
    if saved.concern is not None:
        app.push_screen(
            SupportCardDialog(saved.concern, saved_what(saved, edited)), app.offer_chosen
        )
        return True
    if isinstance(saved, CheckIn) and saved.pain >= HIGH_PAIN and not edited:
        app.push_screen(OfferDialog(), app.offer_chosen)
        return True
    return False
