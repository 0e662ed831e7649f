"""Whether a save calls for the support card, and why: plain data, never stored.

The services decide (journal/service.py, practice/service.py) and hand the reason back on
the save's result; the app and the command line show the card. Nothing about it is
written to the journal, the settings or anywhere else: the journal holds only what the
person wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paincoach.records.entries import DayFigures

FORTNIGHT_DAYS = 14
"""The low-mood look-back: the last 14 days, today included (docs/decisions.md)."""
LOW_DAY_MOOD = 3.0
"""A day whose check-ins average a mood of 3 or less (of 10) is a low day."""
LOW_DAYS_AT_LEAST = 8
RATED_DAYS_AT_LEAST = 10
LOW_MOOD_MAX = 1
"""A check-in mood this low (of 10) calls for a gentle word about Help now."""


HIGH_PAIN = 7
"""A check-in with pain this high (or a very low mood) brings the offer of a skill."""


def is_low_mood(mood: int | None) -> bool:
    """A mood of 0 or 1 calls for a gentle word about Help now."""
    return mood is not None and mood <= LOW_MOOD_MAX


class Reason(StrEnum):
    """Why the card is shown (the first one decides its opening words)."""

    WORDS = "words"
    """Words of suicidal thoughts, plans or self-harm in what the person wrote."""
    DESPAIR = "despair"
    """Hopelessness or despair rated strongly in a thought record."""
    LOW_MOOD = "low mood"
    """A very low mood in a check-in (`is_low_mood`)."""


@dataclass(frozen=True, slots=True)
class Concern:
    """What the card needs to know about one save."""

    reasons: tuple[Reason, ...]
    low_fortnight: bool = False
    """Mood has been low on most days for two weeks: the card suggests a GP or clinician."""

    @property
    def first(self) -> Reason:
        """The reason that chooses the card's opening words."""
        return self.reasons[0]


def concern_of(
    *, words: bool = False, despair: bool = False, low_mood: bool = False
) -> Concern | None:
    """The concern for these findings, most telling first; None when there is nothing."""
    reasons = tuple(
        reason
        for reason, found in (
            (Reason.WORDS, words),
            (Reason.DESPAIR, despair),
            (Reason.LOW_MOOD, low_mood),
        )
        if found
    )
    return Concern(reasons) if reasons else None


def texts_in(value: object) -> Iterable[str]:
    """Every piece of text in an answer: strings, list items, names of rated items."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from texts_in(key)
            yield from texts_in(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from texts_in(item)


def mostly_low(days: Sequence[DayFigures]) -> bool:
    """Two weeks of mostly low mood: at least 8 low days among at least 10 rated days.

    `days` are the last `FORTNIGHT_DAYS` calendar days (empty ones included or not); a
    day counts when it has a mood rating, and is low when its average is 3 or less.
    """
    rated = [day.mood_avg for day in days[-FORTNIGHT_DAYS:] if day.mood_avg is not None]
    low = sum(1 for mood in rated if mood <= LOW_DAY_MOOD)
    return len(rated) >= RATED_DAYS_AT_LEAST and low >= LOW_DAYS_AT_LEAST
