"""One mapping between check-ins and activities and their table rows, for both drivers.

The ORM path (`db.repository`, `journal.service`) and the standard library's `sqlite3`
path (`db.quick`, for the fast commands) store and read entries through these functions
alone, so the two cannot drift apart: a test saves the same entry through each and reads
it back through both. A row here is anything with the columns as attributes (a table
model, or `db.quick`'s plain rows). No SQLAlchemy, no models: the fast path imports this.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from paincoach.core.when import format_moment, local_day, parse_moment
from paincoach.records.entries import Activity, ActivityDraft, CheckIn, CheckInDraft

#: The columns of each table that an entry is read from (its id and stamps aside).
CHECKIN_COLUMNS = ("uid", "at", "day", "pain", "mood", "sleep", "areas", "tags", "note")
ACTIVITY_COLUMNS = ("uid", "at", "day", "name", "minutes", "effort", "paced", "note")


def checkin_fields(draft: CheckInDraft) -> dict[str, Any]:
    """The stored values of a check-in (names already spelled as the journal spells them)."""
    return {
        "at": format_moment(draft.at),
        "day": local_day(draft.at).isoformat(),
        "pain": draft.pain,
        "mood": draft.mood,
        "sleep": draft.sleep,
        "areas": json.dumps(list(draft.areas), ensure_ascii=False),
        "tags": json.dumps(list(draft.tags), ensure_ascii=False),
        "note": draft.note,
    }


def activity_fields(draft: ActivityDraft) -> dict[str, Any]:
    """The stored values of an activity (its name already spelled as the journal spells it)."""
    return {
        "at": format_moment(draft.at),
        "day": local_day(draft.at).isoformat(),
        "name": draft.name,
        "minutes": draft.minutes,
        "effort": draft.effort,
        "paced": draft.paced,
        "note": draft.note,
    }


def checkin_from_row(row: Any) -> CheckIn:
    """A plain record from a check-in row."""
    return CheckIn(
        uid=row.uid,
        at=parse_moment(row.at),
        day=date.fromisoformat(row.day),
        pain=row.pain,
        mood=row.mood,
        sleep=row.sleep,
        areas=tuple(json.loads(row.areas)),
        tags=tuple(json.loads(row.tags)),
        note=row.note,
    )


def activity_from_row(row: Any) -> Activity:
    """A plain record from an activity row."""
    return Activity(
        uid=row.uid,
        at=parse_moment(row.at),
        day=date.fromisoformat(row.day),
        name=row.name,
        minutes=row.minutes,
        effort=row.effort,
        paced=bool(row.paced),
        note=row.note,
    )
