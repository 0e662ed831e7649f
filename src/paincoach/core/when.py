"""Moments and local calendar days.

Every entry stores the moment it happened (timezone-aware, in the user's local offset at
that moment) and the local calendar day it belongs to, so that days and weeks are counted
the way the person lived them.
"""

from __future__ import annotations

import os
import re
import time as _time
from datetime import date, datetime, time, timedelta
from pathlib import Path

from paincoach.core import clock
from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo

WHEN_FORMATS = "HH:MM (today), YYYY-MM-DD HH:MM, YYYY-MM-DD, yesterday [HH:MM] or now"
_DATE_ONLY_TIME = time(12, 0)  # a date without a time counts as midday, safely inside the day
_FUTURE_SLACK = timedelta(minutes=5)

#: The years paincoach keeps, everywhere: `log --at`, `week`, report ranges and imports.
#: 1900 is before anyone logging today was born; 9998 leaves a week (and the week after a
#: week) of room before `date.max`, so week arithmetic never overflows. See docs/decisions.md.
YEAR_MIN, YEAR_MAX = 1900, 9998
YEARS = f"{YEAR_MIN} to {YEAR_MAX}"

_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")


def local_moment(day: date, at: time) -> datetime:
    """`day` at clock time `at`, with the offset local time had on that day (DST-aware).

    A clock time that happens twice (clocks going back) is the first of the two. One that
    never happened (clocks going forward, at midnight in some zones) is refused: moving it
    an hour back would put it on another day in Santiago or Havana, and guessing forward
    would save a time the person did not type.
    """
    check_year(day.year, "when", day.isoformat())
    naive = datetime.combine(day, at)
    try:
        moment = naive.astimezone()
    except (OverflowError, ValueError, OSError):  # e.g. 0001-01-01 has no local offset
        raise InputError("when", f"{day:%Y-%m-%d} is too far back; use a real date.") from None
    if moment.replace(tzinfo=None) != naive:
        later = naive.replace(fold=1).astimezone()
        raise InputError(
            "when",
            f"There was no {at:%H:%M} on {day:%Y-%m-%d} in {local_zone_name()}: the clocks "
            f"went forward then. Did you mean {later:%H:%M}?",
        )
    return moment


def local_zone_name() -> str:
    """The computer's time zone by name (Europe/London), for messages about local time."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = str(Path("/etc/localtime").readlink())
        except OSError:
            target = ""
        name = target.partition("zoneinfo/")[2]
    return name or _time.tzname[0]


def check_year(year: int, field: str, text: str) -> int:
    """`year` if paincoach keeps it (YEAR_MIN to YEAR_MAX); otherwise a plain InputError."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InputError(field, f"'{echo(text)}' is outside the years paincoach keeps ({YEARS}).")
    return year


def in_years(day: date, field: str, text: str) -> date:
    """`day` if its year is one paincoach keeps (see `check_year`)."""
    check_year(day.year, field, text)
    return day


def local_day(moment: datetime) -> date:
    """The calendar day a moment belongs to, on the clock where it was recorded.

    A moment carries the offset it was logged with, so its own wall-clock date is the day
    the person lived it, even if the computer's time zone has changed since.
    """
    return moment.date()


def parse_clock(text: str) -> time:
    """Parse `HH:MM` (24-hour clock)."""
    match = _TIME_RE.match(text.strip())
    if not match:
        raise InputError("when", f"'{echo(text)}' is not a time; use HH:MM, for example 08:30.")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise InputError("when", f"'{echo(text)}' is not a time of day; use 00:00 to 23:59.")
    return time(hour, minute)


def parse_date(text: str) -> date:
    """Parse `YYYY-MM-DD`."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            "when", f"'{echo(text)}' is not a date; use YYYY-MM-DD, e.g. 2026-11-27."
        ) from None
    return in_years(day, "when", text.strip())


def parse_when(text: str, now: datetime | None = None) -> datetime:
    """Turn a WHEN expression into a local, timezone-aware moment (never in the future)."""
    now = now or clock.now()
    words = text.strip().lower().split()
    if not words:
        raise InputError("when", f"Give a time as {WHEN_FORMATS}.")
    moment = _moment_from_words(words, now, text)
    if moment > now + _FUTURE_SLACK:
        alone = len(words) == 1 and _TIME_RE.match(words[0])
        last_night = f" For last night, use 'yesterday {words[0]}'." if alone else ""
        raise InputError(
            "when",
            f"'{echo(text)}' is in the future; entries are for what already happened." + last_night,
        )
    return moment


def _moment_from_words(words: list[str], now: datetime, text: str) -> datetime:
    head, rest = words[0], words[1:]
    if len(rest) > 1:
        raise InputError("when", f"'{echo(text)}' is not understood; use {WHEN_FORMATS}.")
    if head == "now" and not rest:
        return now
    if _TIME_RE.match(head) and not rest:  # a time alone is today's, as "today HH:MM" is
        return local_moment(now.date(), parse_clock(head))
    if head in ("today", "yesterday"):
        day = now.date() - timedelta(days=1 if head == "yesterday" else 0)
        if rest:
            return local_moment(day, parse_clock(rest[0]))
        if head == "today":
            return now
        return local_moment(day, _DATE_ONLY_TIME)
    if re.match(r"^\d{4}-\d{2}-\d{2}$", head):
        day = parse_date(head)
        if not rest and day == now.date():
            return now  # today's date alone means now, as "today" does (midday may be ahead)
        clock = parse_clock(rest[0]) if rest else _DATE_ONLY_TIME
        return local_moment(day, clock)
    raise InputError("when", f"'{echo(text)}' is not understood; use {WHEN_FORMATS}.")


def week_start_for(day: date, week_start: int = 0) -> date:
    """The first day of the week containing `day` (0 = Monday … 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - week_start) % 7)


def format_moment(moment: datetime) -> str:
    """ISO 8601 text with the offset, seconds precision (how moments are stored)."""
    return moment.isoformat(timespec="seconds")


def parse_moment(text: str) -> datetime:
    """Read a stored ISO 8601 moment back."""
    return datetime.fromisoformat(text)


def short_day(day: date) -> str:
    """'Mon 7 Dec': a day near today, as the pacing history, the offer and boom-bust say it."""
    return f"{day:%a} {day.day} {day:%b}"
