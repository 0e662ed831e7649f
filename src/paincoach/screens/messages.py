"""Messages the app sends to its screens."""

from __future__ import annotations

from textual.message import Message


class JournalChanged(Message):
    """Something was saved or deleted: screens that show entries reload."""
