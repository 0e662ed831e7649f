"""The one place paincoach asks what time it is.

Everything that needs "now" (the journal, practice, the week, backups, the weekly-check
offer, reports, the command line and the app) calls `now()` or `today()` here, or takes a
clock argument whose default is `now`. Nothing else reads the system clock, so a test can
freeze time for everything it starts:

- in the same process with `set_source(fixed)` (and `set_source(None)` to undo it);
- in a child process by setting `PAINCOACH_NOW` to an ISO moment with its offset
  (`2026-11-27T09:30:00+00:00`), which that process then takes as its fixed "now".

Timers that measure how long something lasts (breathing pacers, countdowns) use the
monotonic clock instead (`exercises.timing`), which no wall-clock change moves.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from paincoach.core.errors import InputError

Clock = Callable[[], datetime]
"""A source of the current moment: timezone-aware, with the local offset."""

NOW_VARIABLE = "PAINCOACH_NOW"
"""An environment variable that fixes "now" for a whole process (tests and reproductions)."""

_source: Clock | None = None


def system_now() -> datetime:
    """The computer's current moment, with its local offset."""
    return datetime.now().astimezone()


def now() -> datetime:
    """The current moment: this process's source, else `PAINCOACH_NOW`, else the system's."""
    if _source is not None:
        return _source()
    fixed = os.environ.get(NOW_VARIABLE)
    if fixed:
        return _parse_fixed(fixed)
    return system_now()


def today() -> date:
    """Today's local date by `now()`."""
    return now().date()


def set_source(source: Clock | None) -> None:
    """Use `source` for "now" in this process from here on; None goes back to the default."""
    global _source
    _source = source


@lru_cache(maxsize=4)
def _parse_fixed(text: str) -> datetime:
    """`PAINCOACH_NOW` as an aware moment in the local zone (parsed once per value)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise InputError(
            NOW_VARIABLE,
            f"{NOW_VARIABLE} must be a moment with its offset, like 2026-11-27T09:30:00+00:00; "
            "unset it to use the computer's clock.",
        )
    return moment.astimezone()
