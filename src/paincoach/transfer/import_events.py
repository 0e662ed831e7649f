"""What the `marked_events` section of an export (version 3) holds on import.

Each field is checked as `paincoach events add` checks it (`journal.events`: a title of one
line and 1-80 characters, a note, NUL refused) and the day as every imported day is. Kept
apart from `import_sections` for its size, as `import_treatments` is.
"""

from __future__ import annotations

from typing import Any

from paincoach.journal.events import check_event_note, check_title
from paincoach.transfer import import_fields as check
from paincoach.transfer.import_sections import SectionSpec


def title(value: object, name: str = "title") -> str:
    """An event's title, as `paincoach events add` accepts it."""
    return check_title(check.string(value, name))


def note(value: object, name: str = "note") -> str:
    """A few words about an event (up to 2,000 characters)."""
    return check_event_note(check.string(value, name))


def _finish_event(v: dict[str, Any], stamp: str) -> dict[str, Any]:
    return {
        "uid": v["uid"],
        "day": v["day"],
        "title": v["title"],
        "note": v.get("note", ""),
        "created_at": stamp,
        "updated_at": stamp,
    }


SPECS: dict[str, SectionSpec] = {
    "marked_events": SectionSpec(
        {"uid": check.uid, "day": check.day, "title": title, "note": note},
        ("day", "title"),
        _finish_event,
    ),
}
