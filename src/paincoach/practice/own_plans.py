"""The person's own plans in `settings`: the flare-up plan and the safety plan, stored and read.

Each is one document under its own key. A finished session replaces the whole plan; one
left early only adds the parts it answered (`practice.answers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session

from paincoach.core.when import parse_moment
from paincoach.db import practice_repository as prepo
from paincoach.db import repository as repo
from paincoach.records.practice import FlarePlan
from paincoach.records.safety_plan import SAFETY_KEYS, SAFETY_PLAN_KEY

if TYPE_CHECKING:
    from paincoach.practice.answers import Extracted

FLARE_PLAN_KEY = "flare_plan"  # the flare-up plan is one document in `settings`


def put_flare_plan(session: Session, found: Extracted, stamp: str) -> bool:
    """Store the parts of the flare-up plan a session answered (all of it, once finished)."""
    if not found.flare_plan:
        return False
    from paincoach.practice.answers import FLARE_KEYS

    stored = prepo.get_setting(session, FLARE_PLAN_KEY)
    current = {} if found.replace_flare or not isinstance(stored, dict) else stored
    document: dict[str, object] = {"helps": [], "tell": "", "drop": [], "signs": []}
    document.update({k: v for k, v in current.items() if k in FLARE_KEYS})
    document.update(found.flare_plan)
    document["updated_at"] = stamp
    repo.put_settings(session, {FLARE_PLAN_KEY: document})
    return True


def put_safety_plan(session: Session, found: Extracted, stamp: str) -> bool:
    """Store the parts of the safety plan a session answered (all of it, once finished)."""
    if not found.safety_plan:
        return False
    stored = prepo.get_setting(session, SAFETY_PLAN_KEY)
    current = {} if found.replace_safety or not isinstance(stored, dict) else stored
    document: dict[str, object] = {key: [] for key in SAFETY_KEYS}
    document.update({k: v for k, v in current.items() if k in SAFETY_KEYS})
    document.update(found.safety_plan)
    document["updated_at"] = stamp
    repo.put_settings(session, {SAFETY_PLAN_KEY: document})
    return True


def flare_plan_from(stored: object) -> FlarePlan | None:
    """The flare-up plan in a stored document, or None when there is none (or nothing in it)."""
    if not isinstance(stored, dict):
        return None

    def items(key: str) -> tuple[str, ...]:
        value = stored.get(key)
        return tuple(str(v) for v in value) if isinstance(value, list) else ()

    updated = stored.get("updated_at")
    try:
        when = parse_moment(updated) if isinstance(updated, str) else None
    except ValueError:
        when = None
    tell = stored.get("tell")
    plan = FlarePlan(
        helps=items("helps"),
        tell=tell if isinstance(tell, str) else "",
        drop=items("drop"),
        signs=items("signs"),
        updated_at=when,
    )
    return None if plan.empty else plan
