"""The person's own plans in an export: the flare-up plan and the safety plan.

Each is one document in `settings`, exported whole under its own key and, on import, added
only when the journal has none: a file never replaces the plan the person wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo
from paincoach.db import transfer
from paincoach.records.safety_plan import SAFETY_KEYS, SAFETY_PLAN_KEY
from paincoach.transfer import import_fields as check

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

ADDED = "added"
KEPT_YOURS = "kept yours"


@dataclass(frozen=True)
class PlanSpec:
    """One plan: its key (setting and export), its name in messages, and its parts."""

    key: str
    title: str
    lists: tuple[str, ...]
    texts: tuple[str, ...] = ()

    @property
    def parts(self) -> tuple[str, ...]:
        """Every part that holds the person's words."""
        return (*self.lists, *self.texts)


FLARE = PlanSpec("flare_plan", "flare-up plan", ("helps", "drop", "signs"), ("tell",))
SAFETY = PlanSpec(SAFETY_PLAN_KEY, "safety plan", SAFETY_KEYS)
PLANS: tuple[PlanSpec, ...] = (FLARE, SAFETY)


def export_plan(conn: Connection, spec: PlanSpec) -> dict[str, Any] | None:
    """The stored plan as it goes into an export, or None when there is none."""
    plan = transfer.get_setting(conn, spec.key)
    return plan if isinstance(plan, dict) else None


def prepare_plan(spec: PlanSpec, plan: object) -> dict[str, Any]:
    """The plan in a file, checked part by part; InputError names the part that is wrong."""
    if not isinstance(plan, dict):
        raise InputError("", f"The {spec.title} should be an object.")
    unknown = sorted(set(plan) - {*spec.parts, "updated_at"})
    if unknown:
        raise InputError(echo(unknown[0]), f"'{echo(unknown[0])}' is not a part of a {spec.title}.")
    found: dict[str, Any] = {key: check.text_list(plan.get(key), key) for key in spec.lists}
    for key in spec.texts:
        found[key] = check.note(plan.get(key), key)
    if plan.get("updated_at") is not None:
        found["updated_at"] = check.moment_text(plan["updated_at"], "updated_at")
    return found


def merge_plan(conn: Connection, spec: PlanSpec, plan: dict[str, Any]) -> str:
    """Add the file's plan when the journal has none; "added" or "kept yours"."""
    stored = transfer.get_setting(conn, spec.key)
    if isinstance(stored, dict) and any(stored.get(key) for key in spec.parts):
        return KEPT_YOURS
    transfer.put_setting(conn, spec.key, plan)
    return ADDED
