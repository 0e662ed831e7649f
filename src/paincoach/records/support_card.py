"""The words of the support card, the same in the app and on the command line.

Built from plain inputs (the region's emergency number and lines, the person's own
contacts and plan), so the app's card and `paincoach log` say the same thing. Warm and
plain; never alarming, never medical advice, and honest that nobody is watching.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from paincoach.records.concern import Concern, Reason
from paincoach.records.safety_plan import SAFETY_PARTS, SafetyPlan

TITLE = "You do not have to carry this alone"
OPENING = {
    Reason.WORDS: (
        "What you wrote sounds very painful, and thank you for putting it into words. "
        "If you are thinking about ending your life or hurting yourself, please talk to "
        "someone today. You deserve support, and these people want to hear from you."
    ),
    Reason.DESPAIR: (
        "Feeling this hopeless is very hard to carry. If it turns into thoughts of ending "
        "your life or hurting yourself, please talk to someone. These people want to "
        "hear from you."
    ),
    Reason.LOW_MOOD: (
        "That sounds like a really hard time. You do not have to manage it alone: "
        "these people are there to listen, whenever you need them."
    ),
}
SAVED = {
    "check-in": "Your check-in is saved, as usual.",
    "activity": "Your activity is saved, as usual.",
    "exercise": "Your exercise is saved, as usual.",
    "changes": "Your changes are saved, as usual.",
}
NOBODY_READS = (
    "Nobody reads your journal, and paincoach cannot call for help or tell anyone. "
    "These people can:"
)
FORTNIGHT = (
    "Your mood has been low on most days for the last two weeks. It may help to talk "
    "it over with your GP, or another doctor or nurse you see."
)
NO_CONTACTS = "You can add people you trust in Settings."
PLAN_TITLE = "Your safety plan"


class RegionLike(Protocol):
    """The region's code, name and emergency number (safety.Region)."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def emergency(self) -> str: ...


class LineLike(Protocol):
    """A crisis line (safety.CrisisLine)."""

    @property
    def name(self) -> str: ...

    @property
    def number(self) -> str: ...

    @property
    def how(self) -> str: ...


class ContactLike(Protocol):
    """One of the person's own people (settings.Contact)."""

    @property
    def name(self) -> str: ...

    @property
    def phone(self) -> str: ...

    @property
    def note(self) -> str: ...


@dataclass(frozen=True, slots=True)
class CrisisEntry:
    """One line on the card: who, the number, and how to reach them."""

    name: str
    number: str
    how: str


@dataclass(frozen=True, slots=True)
class SupportCard:
    """Everything the card says, in order (user text is kept as data: escape it to show)."""

    opening: str
    saved: str
    emergency: str
    lines: tuple[CrisisEntry, ...]
    people: tuple[str, ...]
    plan: tuple[str, ...]
    fortnight: str
    nobody: str = NOBODY_READS
    title: str = TITLE

    def as_lines(self) -> list[str]:
        """The card as plain lines, for the command line (and tests)."""
        out = [self.opening, self.saved]
        if self.fortnight:
            out += ["", self.fortnight]
        out += ["", self.nobody, self.emergency]
        for entry in self.lines:
            out += [f"  {entry.name}: {entry.number}", f"    {entry.how}"]
        out += ["", "Your people:"]
        out += [f"  {person}" for person in self.people] or [f"  {NO_CONTACTS}"]
        if self.plan:
            out += ["", f"{PLAN_TITLE}:"] + [f"  {line}" for line in self.plan]
        return out


def safety_plan_lines(plan: SafetyPlan | None) -> list[str]:
    """The person's safety plan as card lines: each part they filled in, its lines joined."""
    if plan is None:
        return []
    return [
        f"{title}: {'; '.join(plan.part(key))}" for key, title in SAFETY_PARTS if plan.part(key)
    ]


#: Said instead of a country's name when the person has not chosen theirs.
NO_REGION_EMERGENCY = (
    "In danger right now? Call your local emergency number. (Choose your country in "
    "paincoach's Settings to see its crisis lines here.)"
)
CATCH_ALL = "INT"  # safety.DEFAULT_REGION (a test holds the two together)


def emergency_line(region: RegionLike) -> str:
    """The emergency line: the country's number, or, with no country chosen, plain words."""
    if region.code == CATCH_ALL:
        return NO_REGION_EMERGENCY
    return f"In danger right now? Call {region.emergency} ({region.name})."


class DirectoryLike(Protocol):
    """The crisis lines (safety.CrisisDirectory): a region by its code, and its lines."""

    def region(self, code: str) -> RegionLike: ...

    def lines_for(self, code: str) -> Sequence[LineLike]: ...


def card_for(
    directory: DirectoryLike,
    region_code: str,
    contacts: Sequence[ContactLike],
    concern: Concern,
    saved: str,
    plan: SafetyPlan | None = None,
) -> SupportCard:
    """The card for the person's region (their chosen code, or none yet), people and plan."""
    region = directory.region(region_code or CATCH_ALL)
    return support_card(
        concern, saved, region, directory.lines_for(region.code), contacts, safety_plan_lines(plan)
    )


def support_card(
    concern: Concern,
    saved: str,
    region: RegionLike,
    lines: Sequence[LineLike],
    contacts: Sequence[ContactLike],
    plan: Sequence[str] = (),
) -> SupportCard:
    """The card for this concern, after saving `saved` (a key of `SAVED`)."""
    return SupportCard(
        opening=OPENING[concern.first],
        saved=SAVED.get(saved, SAVED["changes"]),
        emergency=emergency_line(region),
        lines=tuple(CrisisEntry(line.name, line.number, line.how) for line in lines),
        people=tuple(
            "  ".join(part for part in (c.name, c.phone, c.note) if part) for c in contacts
        ),
        plan=tuple(plan),
        fortnight=FORTNIGHT if concern.low_fortnight else "",
    )
