"""Counted words: "1 day", "2 days" (never "1 days" or "day(s)")."""

from __future__ import annotations


def counted(count: int, one: str, many: str | None = None) -> str:
    """`count` and the word that goes with it; `many` defaults to `one` + "s"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
