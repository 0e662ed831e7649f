"""Plain data about treatments: the regular ones a person keeps a list of, and doses taken.

A treatment is a medicine or anything else the person does for their pain (physiotherapy,
a TENS machine, a heat pack). Its dose and how often are the person's own words, kept as
typed: paincoach never reads a number out of them, and never suggests a dose, a change or
a limit (docs/decisions.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from paincoach.core.errors import InputError
from paincoach.core.textsafe import refuse_nul
from paincoach.records.entries import NAME_MAX, NOTE_MAX, check_rating
from paincoach.records.names import name_key

TreatmentKind = Literal["medicine", "other"]
KINDS: tuple[TreatmentKind, ...] = ("medicine", "other")

StopReason = Literal["not_helping", "side_effects", "finished", "other"]
#: Why a regular treatment stopped, with the plain words shown for each.
STOP_REASONS: dict[StopReason, str] = {
    "not_helping": "not helping",
    "side_effects": "side effects",
    "finished": "finished",
    "other": "other",
}

RELIEF_RANGE = (0, 10)
"""How much a dose helped: 0 (not at all) to 10 (completely)."""

ASK_AFTER_HOURS = (1, 4)
"""A dose is asked about once, gently, when the app opens this many hours after it."""

MIN_RATED_DOSES = 3
"""A mean relief is spoken of from this many rated doses of one treatment (the week's
lines and the insight), as every insight has its minimum; the report shows the count."""

FUTURE_SLACK = timedelta(minutes=5)
"""A dose's moment may be this far ahead of the clock (two clocks a little apart)."""

WORDS_MAX = 80
"""The longest dose or how-often text (one line, in the person's words)."""

NO_ADVICE = (
    "paincoach never suggests a dose or a change: talk to your clinician or pharmacist about "
    "your medicines."
)
"""Said once, where doses are first logged."""


@dataclass(frozen=True, slots=True)
class Treatment:
    """A treatment the person uses regularly, from `start` until `stop` (None: still used)."""

    uid: str
    name: str
    kind: TreatmentKind
    dose: str
    how_often: str
    as_needed: bool
    start: date
    stop: date | None = None
    stop_why: StopReason | None = None
    stop_note: str = ""

    @property
    def active(self) -> bool:
        """Whether the person still uses it."""
        return self.stop is None

    @property
    def stop_words(self) -> str:
        """Why it stopped, in plain words ('' while it goes on)."""
        return STOP_REASONS[self.stop_why] if self.stop_why else ""

    def used_on(self, day: date) -> bool:
        """Whether it was in use on `day` (from its start to its stop, both included)."""
        return self.start <= day and (self.stop is None or day <= self.stop)


@dataclass(frozen=True, slots=True)
class Dose:
    """One dose taken, or one use of a treatment, and how much it helped once rated."""

    uid: str
    name: str
    dose: str
    at: datetime
    day: date
    relief: int | None = None
    side_effects: str = ""
    note: str = ""
    rated_at: datetime | None = None
    asked: bool = False


@dataclass(frozen=True, slots=True)
class MeanRelief:
    """The mean relief of one treatment's rated doses over some days, and how many there were."""

    name: str
    mean: float
    rated: int


def check_treatment_name(text: str) -> str:
    """A treatment's name: one line, single spaces, not empty, up to NAME_MAX characters."""
    refuse_nul(text, "name", "treatment name")
    name = " ".join(text.split())
    if not name:
        raise InputError(
            "name", "Please name the treatment, for example 'ibuprofen' or 'heat pack'."
        )
    if len(name) > NAME_MAX:
        raise InputError("name", f"Treatment names can be up to {NAME_MAX} characters.")
    return name


def check_words(text: str, field: str, label: str) -> str:
    """A dose or how-often text as the person writes it: one line, up to WORDS_MAX ('' is fine)."""
    refuse_nul(text, field, label)
    words = " ".join(text.split())
    if len(words) > WORDS_MAX:
        raise InputError(field, f"The {label} can be up to {WORDS_MAX} characters.")
    return words


def check_long(text: str, field: str, label: str) -> str:
    """A note or side effects: any lines, up to NOTE_MAX characters; trailing spaces dropped."""
    refuse_nul(text, field, label)
    words = text.rstrip()
    if len(words) > NOTE_MAX:
        raise InputError(
            field, f"The {label} can be up to {NOTE_MAX:,} characters; this has {len(words):,}."
        )
    return words


def check_dose(
    now: datetime, name: str, dose: str, at: datetime, relief: int | None, *words: str
) -> tuple[str, str, str, str, int | None]:
    """A dose's fields as kept (side effects and note in `words`), or InputError: what
    `Treatments.took` and `update_dose` both check."""
    side_effects, note = words
    kept = (
        check_treatment_name(name),
        check_words(dose, "dose", "dose"),
        check_long(side_effects, "side_effects", "side effects"),
        check_long(note, "note", "note"),
        check_rating(relief, "relief"),
    )
    if at.tzinfo is None:
        raise ValueError("moments must be timezone-aware")
    if at > now + FUTURE_SLACK:
        raise InputError("when", "That time is still to come; doses are for what was taken.")
    return kept


def in_order(found: Sequence[Treatment]) -> list[Treatment]:
    """The ones in use by name, then the stopped ones, newest first."""
    current = sorted((t for t in found if t.active), key=lambda t: name_key(t.name))
    stopped = sorted(
        (t for t in found if not t.active),
        key=lambda t: (t.stop or t.start, t.start),
        reverse=True,
    )
    return current + stopped


def spoken_day(day: date) -> str:
    """'1 September 2026', as the other date messages say it."""
    return f"{day.day} {day:%B %Y}"
