"""A day's entries together, and what the Today screen shows: views over `records.entries`.

Apart from the entries themselves so that `paincoach log` and `activity`, which make one
entry, do not create these classes at start-up (issue 18).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from paincoach.records.entries import Activity, CheckIn, DayFigures, Entry


@dataclass(frozen=True, slots=True)
class DayEntries:
    """Everything logged on one day, oldest first."""

    day: date
    checkins: tuple[CheckIn, ...] = ()
    activities: tuple[Activity, ...] = ()

    @property
    def entries(self) -> list[Entry]:
        """Check-ins and activities merged in time order."""
        return sorted([*self.checkins, *self.activities], key=lambda entry: entry.at)


@dataclass(frozen=True, slots=True)
class TodayView:
    """What the Today screen shows."""

    today: DayEntries
    week: tuple[DayFigures, ...] = field(default_factory=tuple)
