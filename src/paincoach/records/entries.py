"""Plain data passed between the journal service, the CLI and the screens.

These are frozen dataclasses, never live ORM rows, so that nothing expires after a
commit and the UI can hold them as long as it likes. Validation lives here too, so the
command line and the app reject the same things with the same words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo, refuse_nul
from paincoach.records.names import name_key

if TYPE_CHECKING:
    from paincoach.records.concern import Concern

RATING_MAX = 10
MINUTES_MAX = 1440
NOTE_MAX = 20_000
NAME_MAX = 80
LABEL_MAX = 40
LABELS_MAX = 20

_DIGITS_MAX = 9

RATING_LABELS: dict[str, tuple[str, str]] = {
    "pain": ("no pain", "worst pain imaginable"),
    "mood": ("very low", "very good"),
    "sleep": ("terrible", "excellent"),
    "effort": ("no effort", "maximum effort"),
}


def check_rating(value: object, field_name: str, *, required: bool = False) -> int | None:
    """Accept a whole number 0-10 (or None when optional); say plainly what is wrong."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError(field_name, f"Please give {field_name} as a number from 0 to 10.")
        return None
    number = _whole_number(value, field_name, "a number from 0 to 10")
    if not 0 <= number <= RATING_MAX:
        raise InputError(
            field_name, f"{field_name.capitalize()} goes from 0 to 10; {number} is outside that."
        )
    return number


def check_minutes(value: object) -> int:
    """Accept activity minutes as a whole number from 1 to 1440 (one day)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("minutes", "Please say how many minutes, from 1 to 1440.")
    number = _whole_number(value, "minutes", "a whole number of minutes from 1 to 1440")
    if not 1 <= number <= MINUTES_MAX:
        raise InputError(
            "minutes", f"Minutes go from 1 to 1440 (a whole day); {number} is outside that."
        )
    return number


def _whole_number(value: object, field_name: str, expected: str) -> int:
    if isinstance(value, bool):
        raise InputError(field_name, f"{field_name.capitalize()} should be {expected}.")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        # Longer than any sane number: int() would refuse thousands of digits anyway.
        if text.lstrip("-").isdigit() and text.isascii() and len(text) <= _DIGITS_MAX:
            return int(text)
        raise InputError(
            field_name, f"{field_name.capitalize()} should be {expected}, not '{echo(text, 20)}'."
        )
    raise InputError(field_name, f"{field_name.capitalize()} should be {expected}.")


def _check_text(text: str, field_name: str) -> str:
    """Refuse text that cannot be stored as UTF-8 (undecodable bytes, e.g. from argv).

    Under a plain C locale (no UTF-8 mode) Python hands over the bytes of a UTF-8
    argument as escapes (`os.fsdecode`); those are the person's words, so decode them.
    A NUL is refused (`refuse_nul`): search would never find the words after it.
    """
    refuse_nul(text, field_name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8")
        except UnicodeError:
            raise InputError(
                field_name,
                f"The {field_name} cannot be saved: some characters are not valid text. "
                "Please type it again.",
            ) from None
    return text


def check_note(text: str | None) -> str:
    """Accept a note of any characters up to NOTE_MAX; trailing whitespace is dropped."""
    note = _check_text((text or "").rstrip(), "note")
    if len(note) > NOTE_MAX:
        raise InputError(
            "note", f"Notes can be up to {NOTE_MAX:,} characters; this one has {len(note):,}."
        )
    return note


def check_name(text: str | None) -> str:
    """Accept an activity name: not empty, one line, up to NAME_MAX characters."""
    name = _check_text(" ".join((text or "").split()), "name")
    if not name:
        raise InputError("name", "Please name the activity, for example 'walk' or 'gardening'.")
    if len(name) > NAME_MAX:
        raise InputError("name", f"Activity names can be up to {NAME_MAX} characters.")
    return name


def activity_name(text: str) -> str:
    """An activity name tidied like the activity form's: single spaces, at most 80 characters."""
    return " ".join(text.split())[:NAME_MAX].rstrip()


def clean_labels(items: Iterable[str], field_name: str) -> tuple[str, ...]:
    """Tidy pain areas or tags: trimmed, single-spaced, each name once (see `name_key`)."""
    if isinstance(items, str):
        items = [items]  # one label, not one label per character
    seen: dict[str, str] = {}
    for raw in items:
        for part in raw.split(","):
            label = _check_text(" ".join(part.split()), field_name)
            if not label:
                continue
            if len(label) > LABEL_MAX:
                raise InputError(
                    field_name, f"Each of the {field_name} can be up to {LABEL_MAX} characters."
                )
            seen.setdefault(name_key(label), label)
    if len(seen) > LABELS_MAX:
        raise InputError(field_name, f"Up to {LABELS_MAX} {field_name} per entry, please.")
    return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class CheckInDraft:
    """A check-in as typed, before it is saved (validated on construction)."""

    at: datetime
    pain: int
    mood: int | None = None
    sleep: int | None = None
    areas: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        _require_aware(self.at)
        check_rating(self.pain, "pain", required=True)
        check_rating(self.mood, "mood")
        check_rating(self.sleep, "sleep")
        object.__setattr__(self, "areas", clean_labels(self.areas, "pain areas"))
        object.__setattr__(self, "tags", clean_labels(self.tags, "tags"))
        object.__setattr__(self, "note", check_note(self.note))


@dataclass(frozen=True, slots=True)
class ActivityDraft:
    """An activity as typed, before it is saved (validated on construction)."""

    at: datetime
    name: str
    minutes: int
    effort: int | None = None
    paced: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        _require_aware(self.at)
        object.__setattr__(self, "name", check_name(self.name))
        object.__setattr__(self, "minutes", check_minutes(self.minutes))
        check_rating(self.effort, "effort")
        object.__setattr__(self, "note", check_note(self.note))


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("moments must be timezone-aware")


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A saved check-in."""

    uid: str
    at: datetime
    day: date
    pain: int
    mood: int | None
    sleep: int | None
    areas: tuple[str, ...]
    tags: tuple[str, ...]
    note: str
    concern: Concern | None = field(default=None, compare=False)
    """On the result of a save only: why the support card is called for (never stored)."""

    def draft(self) -> CheckInDraft:
        """The editable fields, for an edit form."""
        return CheckInDraft(
            self.at, self.pain, self.mood, self.sleep, self.areas, self.tags, self.note
        )


@dataclass(frozen=True, slots=True)
class Activity:
    """A saved activity."""

    uid: str
    at: datetime
    day: date
    name: str
    minutes: int
    effort: int | None
    paced: bool
    note: str
    concern: Concern | None = field(default=None, compare=False)
    """On the result of a save only: why the support card is called for (never stored)."""

    def draft(self) -> ActivityDraft:
        """The editable fields, for an edit form."""
        return ActivityDraft(self.at, self.name, self.minutes, self.effort, self.paced, self.note)


Entry = CheckIn | Activity


@dataclass(frozen=True, slots=True)
class DayFigures:
    """One day's figures, computed in SQL."""

    day: date
    checkins: int = 0
    pain_avg: float | None = None
    pain_min: int | None = None
    pain_max: int | None = None
    mood_avg: float | None = None
    sleep_avg: float | None = None
    activities: int = 0
    activity_minutes: int = 0
    mood_min: int | None = None
    mood_max: int | None = None
    doses: int = 0
    """Doses taken (or treatments used) that day (History's list; not read by the week)."""


#: Entries before this year are almost always a typing slip (and need confirming).
EARLIEST_LIKELY_YEAR = 2000
#: An entry this many days before the first one needs confirming too.
LIKELY_DAYS_BEFORE_FIRST = 366


def unlikely_date(day: date, first_day: date | None) -> str | None:
    """Why an entry on `day` needs confirming, or None when it is a date people mean.

    A date before 2000, or more than a year before the first entry, is far more often a
    slip of the keys (1990 for 2019) than a memory; saved unasked, it would also stretch
    every long view and baseline back to that day.
    """
    when = f"{day:%d %B %Y}".lstrip("0")
    if day.year < EARLIEST_LIKELY_YEAR:
        return f"{when} is a long time ago. Is that the date you meant?"
    if first_day is not None and (first_day - day).days > LIKELY_DAYS_BEFORE_FIRST:
        first = f"{first_day:%d %B %Y}".lstrip("0")
        return f"{when} is more than a year before your first entry ({first}). Is that right?"
    return None
