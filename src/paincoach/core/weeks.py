"""Weeks: the person's week start, ISO week names ("2026-W47"), and the week of a date.

ISO weeks start on Monday. When the person's week starts on another day, their week and an
ISO week overlap on most days but not all; we name a week by the ISO week of the **Thursday
inside it** (every seven-day run holds exactly one Thursday), and "2026-W47" means the
person's week that holds the Thursday of ISO week 47. That is the week overlapping ISO week
47 the most (at least four days), the same rule ISO uses to give a week to a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo
from paincoach.core.when import check_year, week_start_for

_WEEK_RE = re.compile(r"^(\d{4})-?[Ww](\d{1,2})$")
THURSDAY = 3


def parse_iso_week(text: str) -> tuple[int, int]:
    """`2026-W47` (or `2026W47`, `2026-w7`) → (2026, 47); refuses weeks the year lacks."""
    match = _WEEK_RE.match(text.strip())
    if not match:
        raise InputError(
            "week", f"'{echo(text)}' is not a week; use YYYY-Www, for example 2026-W47."
        )
    year, week = int(match.group(1)), int(match.group(2))
    check_year(year, "week", text.strip())
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        last = date(year, 12, 28).isocalendar().week
        raise InputError(
            "week", f"{year} has weeks 1 to {last}; '{echo(text)}' is not one of them."
        ) from None
    return year, week


def week_of_iso(text: str, week_start: int = 0) -> date:
    """The first day of the person's week named by `text` (see the module docstring)."""
    year, week = parse_iso_week(text)
    thursday = date.fromisocalendar(year, week, 4)
    return week_start_for(thursday, week_start)


def week_of_date(day: date, week_start: int = 0) -> date:
    """The first day of the person's week containing `day`."""
    return week_start_for(day, week_start)


def iso_label(start: date) -> str:
    """The ISO week name of the week starting on `start`: the ISO week of its Thursday."""
    thursday = start + timedelta(days=(THURSDAY - start.weekday()) % 7)
    year, week, _ = thursday.isocalendar()
    return f"{year}-W{week:02d}"


def week_days(start: date) -> list[date]:
    """The seven days of the week starting on `start`."""
    return [start + timedelta(days=offset) for offset in range(7)]
