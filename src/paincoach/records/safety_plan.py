"""The person's safety plan: plain data, its parts in order, and reading the stored document.

The plan follows the structure of the Stanley-Brown safety plan (Stanley & Brown 2012) in
paincoach's own words: from noticing that things are building up, through what the person
can do alone and with others, to making their surroundings safer and what keeps them going.
It is one document in the `settings` table (`safety_plan`), like the flare-up plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from paincoach.core.when import parse_moment

SAFETY_PLAN_KEY = "safety_plan"  # the setting, the export key and the exercise kind

#: Each part's answer key and its heading in the plan, in the plan's order.
SAFETY_PARTS: tuple[tuple[str, str], ...] = (
    ("signs", "My warning signs"),
    ("cope", "Things I can do on my own to get through"),
    ("distract", "People and places that take my mind off things"),
    ("people", "People I can ask for help"),
    ("services", "Professionals and services"),
    ("safer", "Making my surroundings safer"),
    ("reasons", "What matters to me and keeps me going"),
)
SAFETY_KEYS: tuple[str, ...] = tuple(key for key, _ in SAFETY_PARTS)


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    """The person's safety plan: each part a list of lines, as they wrote them."""

    signs: tuple[str, ...] = ()
    cope: tuple[str, ...] = ()
    distract: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    safer: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    updated_at: datetime | None = None

    def part(self, key: str) -> tuple[str, ...]:
        """The lines of one part, by its key (one of `SAFETY_KEYS`)."""
        value: tuple[str, ...] = getattr(self, key)
        return value

    @property
    def empty(self) -> bool:
        """Whether there is nothing in the plan to show."""
        return not any(self.part(key) for key in SAFETY_KEYS)

    def as_answers(self) -> dict[str, list[str]]:
        """The plan as exercise answers, so that writing it again starts from what is there."""
        return {key: list(self.part(key)) for key in SAFETY_KEYS if self.part(key)}


def safety_plan_from(stored: object) -> SafetyPlan | None:
    """The plan in a stored document, or None when there is none (or nothing in it)."""
    if not isinstance(stored, Mapping):
        return None

    def lines(key: str) -> tuple[str, ...]:
        value = stored.get(key)
        if not isinstance(value, list):
            return ()
        return tuple(str(v).strip() for v in value if str(v).strip())

    updated = stored.get("updated_at")
    try:
        when = parse_moment(updated) if isinstance(updated, str) else None
    except ValueError:
        when = None
    plan = SafetyPlan(
        signs=lines("signs"),
        cope=lines("cope"),
        distract=lines("distract"),
        people=lines("people"),
        services=lines("services"),
        safer=lines("safer"),
        reasons=lines("reasons"),
        updated_at=when,
    )
    return None if plan.empty else plan
