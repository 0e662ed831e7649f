"""A year of check-ins for the long-view screens (calendar, year, trends) and their snapshots."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

from paincoach.db.engine import Database
from paincoach.journal.treatments import Treatments
from paincoach.transfer.importer import import_file
from tests.storage_support import local
from tests.support import NOW, fixed_clock, seeded_services

TODAY = NOW.date()
FIRST = date(2025, 12, 1)
PHYSIO = date(2026, 10, 1)


def pain_on(offset: int) -> int:
    """The day's pain: a slow wave, a little lower from the physiotherapy on."""
    pain = 3 + (offset * 7) % 6
    return pain - 1 if FIRST + timedelta(days=offset) >= PHYSIO else pain


def logged(offset: int) -> bool:
    """Every day but one in six, and none from 9 to 15 November (a week away)."""
    day = FIRST + timedelta(days=offset)
    return offset % 6 != 5 and not date(2026, 11, 9) <= day <= date(2026, 11, 15)


def seed_year(home: Path, *, treatment: bool = True) -> None:
    """A year of check-ins (two on some days), walks, and physiotherapy from 1 October.

    Imported as one export file: a save per check-in would take seconds a test.
    """
    seeded_services(home).close()  # type: ignore[attr-defined]
    checkins: list[dict[str, object]] = []
    activities: list[dict[str, object]] = []
    for offset in range((TODAY - FIRST).days + 1):
        if not logged(offset):
            continue
        day = FIRST + timedelta(days=offset)
        sleep = None if offset % 5 == 0 else 4 + offset % 4
        checkins.append(_checkin(day, 8, pain_on(offset), mood=2 + offset % 7, sleep=sleep))
        if offset % 4 == 0:
            checkins.append(_checkin(day, 20, min(10, pain_on(offset) + 2)))
        if offset % 3 == 0:
            activities.append(
                {"uid": str(uuid.uuid4()), "at": _at(day, 10), "name": "walk", "minutes": 20}
            )
    document = {"format": "paincoach-export", "version": 1, "checkins": checkins}
    document["activities"] = activities
    source = home.parent / "year.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    db = Database.open(home)
    try:
        import_file(db, source)
        if treatment:
            Treatments(db, fixed_clock).start("physiotherapy", kind="other", day=PHYSIO)
    finally:
        db.close()


def _at(day: date, hour: int) -> str:
    return local(day, hour).isoformat(timespec="seconds")


def _checkin(
    day: date, hour: int, pain: int, *, mood: int | None = None, sleep: int | None = None
) -> dict[str, object]:
    return {
        "uid": str(uuid.uuid4()),
        "at": _at(day, hour),
        "pain": pain,
        "mood": mood,
        "sleep": sleep,
        "areas": [],
        "tags": [],
        "note": "",
    }
