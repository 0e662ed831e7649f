"""Clock times around daylight-saving changes: never stored an hour off, never on another day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from paincoach.core.errors import InputError
from paincoach.core.when import local_moment, local_zone_name, parse_when
from tests.support import local_zone

# Clocks go forward at 01:00 in London, and at midnight in the other three.
GAPS = [
    ("Europe/London", "2026-03-29 01:30", "02:30"),
    ("America/Santiago", "2026-09-06 00:30", "01:30"),
    ("America/Santiago", "2026-09-06 00:00", "01:00"),
    ("America/Havana", "2026-03-08 00:15", "01:15"),
    ("Asia/Beirut", "2026-03-29 00:45", "01:45"),
]


@pytest.mark.parametrize(("zone", "text", "later"), GAPS)
def test_a_time_the_clocks_skipped_is_refused_naming_the_time_and_zone(
    zone: str, text: str, later: str
) -> None:
    day, clock_time = text.split()
    with local_zone(zone):
        now = datetime(2026, 11, 27, 9, 30, tzinfo=ZoneInfo(zone))
        with pytest.raises(InputError) as caught:
            parse_when(text, now)
    message = caught.value.message
    assert caught.value.field == "when"
    assert f"no {clock_time} on {day} in {zone}" in message
    assert f"Did you mean {later}?" in message


@pytest.mark.parametrize(("zone", "text", "later"), GAPS)
def test_the_suggested_time_is_saved_on_the_day_it_was_typed(
    zone: str, text: str, later: str
) -> None:
    day = date.fromisoformat(text.split()[0])
    with local_zone(zone):
        moment = local_moment(day, time.fromisoformat(later))
    assert moment.date() == day
    assert moment.strftime("%H:%M") == later
    assert moment.utcoffset() == ZoneInfo(zone).utcoffset(datetime.combine(day, time(12)))


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("America/Santiago", date(2026, 9, 6)),
        ("America/Havana", date(2026, 3, 8)),
        ("Asia/Beirut", date(2026, 3, 29)),
        ("Europe/London", date(2026, 3, 29)),
    ],
)
def test_every_minute_of_a_change_day_is_on_that_day_or_refused(zone: str, day: date) -> None:
    with local_zone(zone):
        for minute in range(0, 24 * 60, 15):
            at = time(minute // 60, minute % 60)
            try:
                moment = local_moment(day, at)
            except InputError:
                continue
            assert (moment.date(), moment.time()) == (day, at)


def test_a_time_the_clocks_repeat_is_the_first_of_the_two() -> None:
    with local_zone("Europe/London"):
        moment = parse_when("2026-10-25 01:30", datetime(2026, 11, 27, 9, 30).astimezone())
    assert moment.strftime("%Y-%m-%d %H:%M") == "2026-10-25 01:30"
    assert moment.utcoffset() == timedelta(hours=1)  # still summer time: the first 01:30


def test_the_zone_is_named_from_tz() -> None:
    with local_zone("America/Havana"):
        assert local_zone_name() == "America/Havana"
    with local_zone(":Asia/Beirut"):
        assert local_zone_name() == "Asia/Beirut"
