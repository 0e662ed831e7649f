"""One range of years for every date paincoach takes, and user values echoed harmlessly."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from paincoach.core.errors import InputError
from paincoach.core.textsafe import ECHO_MAX, echo
from paincoach.core.weeks import iso_label, parse_iso_week, week_days, week_of_date, week_of_iso
from paincoach.core.when import YEAR_MAX, YEAR_MIN, local_moment, parse_date, parse_when
from tests.support import NOW


def test_echo_makes_control_characters_visible_and_cuts_long_values() -> None:
    assert echo("a\x1b[31mb\x07\x9b") == "a␛[31mb␇\ufffd"
    cut = echo("x" * 1_000_000)
    assert len(cut) == ECHO_MAX and cut.endswith("…")
    assert echo("short") == "short" and echo(12) == "12"


@pytest.mark.parametrize("text", ["0001-01-01", "1899-12-31", "9999-01-01", "9999-12-31"])
def test_dates_outside_the_years_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="1900 to 9998"):
        parse_date(text)
    with pytest.raises(InputError, match="1900 to 9998"):
        parse_when(f"{text} 10:00", NOW)


@pytest.mark.parametrize("text", ["0001-W01", "1899-W52", "9999-W01", "9999-W52"])
def test_weeks_outside_the_years_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="1900 to 9998"):
        parse_iso_week(text)


@pytest.mark.parametrize("week_start", range(7))
def test_week_arithmetic_holds_at_both_ends_of_the_range(week_start: int) -> None:
    for day in (date(YEAR_MIN, 1, 1), date(YEAR_MAX, 12, 31)):
        start = week_of_date(day, week_start)
        days = week_days(start)
        assert day in days and days[-1] + timedelta(days=7) > days[-1]  # a week after fits
        assert iso_label(start - timedelta(days=7))
    last = f"{YEAR_MAX}-W{date(YEAR_MAX, 12, 28).isocalendar().week}"
    assert week_of_iso(last, week_start) + timedelta(days=13) <= date.max
    assert local_moment(date(YEAR_MIN, 1, 1), NOW.time()).year == YEAR_MIN
