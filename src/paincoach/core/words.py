"""Counted words: "1 day", "2 days" (never "1 days" or "day(s)"); amounts in a plan's unit."""

from __future__ import annotations

_ES_PLURALS = ("ches", "shes", "sses", "xes", "zzes")
"""Endings whose plural adds "es": "stretches", "glasses", "boxes"."""
_NOT_PLURALS = ("ss", "us", "is")
"""Words ending in s that are not plurals: "press", "plus", "this"."""


def counted(count: int, one: str, many: str | None = None) -> str:
    """`count` and the word that goes with it; `many` defaults to `one` + "s"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def one_of(unit: str) -> str:
    """A unit the person typed, as it reads after 1: "minutes" → "minute", "flights of
    stairs" → "flight of stairs", "press-ups" → "press-up", "glasses" → "glass".

    Only a regular plural is made singular (its first word, which is the counted one);
    anything else ("km", "m", "feet") is kept exactly as typed.
    """
    first, space, rest = unit.partition(" ")
    lower = first.casefold()
    if len(first) < 3 or not lower.endswith("s") or lower.endswith(_NOT_PLURALS):
        return unit
    cut = 2 if lower.endswith(_ES_PLURALS) else 1
    return first[:-cut] + space + rest


def in_unit(amount: float, unit: str) -> str:
    """An amount in a plan's own unit: "12 minutes", "1 minute", "2.5 km", "1 lap"."""
    if float(amount).is_integer():
        return counted(int(amount), one_of(unit), unit)
    return f"{amount:g} {unit}"
