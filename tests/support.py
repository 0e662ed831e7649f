"""Constants and helpers shared by tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

#: A zone with daylight saving, so that day boundaries and DST are exercised.
TEST_TZ = "Europe/London"

#: The moment tests treat as "now": Friday 27 November 2026, 09:30 local.
NOW = datetime(2026, 11, 27, 9, 30, tzinfo=ZoneInfo(TEST_TZ))


def fixed_clock() -> datetime:
    """The test 'now' as an aware local moment."""
    return NOW
