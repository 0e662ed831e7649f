"""Whether the last few days look like a flare, so Today can offer to hold the pacing plans.

Three signs count, each on a day within the last seven (one plan week):

- a check-in **well above the usual pain**: at least 2 points above the middle (median) of
  the daily average pain over the four weeks before those seven days, once at least 7 of
  those days have a check-in (with fewer there is no usual to compare with);
- a check-in **tagged as a flare** ("flare", "flare-up", "flare up", in any case);
- the **flare-up plan opened** (from Help now, or after a hard check-in).

The offer is made for the newest sign, until the person holds their plans or says not now
on or after that day. It is an offer only: nothing changes unless they choose it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from paincoach.core.rounding import rounded
from paincoach.core.when import short_day
from paincoach.records.names import name_key

WINDOW_DAYS = 7
USUAL_DAYS = 28
MIN_USUAL_DAYS = 7
WELL_ABOVE_POINTS = 2
FLARE_TAGS = frozenset({"flare", "flare-up", "flare up", "flareup", "flares"})


@dataclass(frozen=True, slots=True)
class FlareSign:
    """The newest sign of a flare: its day and what it was, in words."""

    day: date
    what: str


def windows(today: date) -> tuple[date, date, date]:
    """(first day of the usual, first day of the window, today): what to read."""
    window = today - timedelta(days=WINDOW_DAYS - 1)
    return window - timedelta(days=USUAL_DAYS), window, today


def newest_sign(
    today: date,
    checkins: Iterable[tuple[date, int, tuple[str, ...]]],
    flare_plan_opened: date | None,
) -> FlareSign | None:
    """The newest sign within the window, from (day, pain, tags) of check-ins since the usual."""
    from statistics import median  # with `fractions`, 5 ms of `paincoach today`'s start

    first_usual, window, _ = windows(today)
    usual_days: dict[date, list[int]] = {}
    recent: list[tuple[date, int, tuple[str, ...]]] = []
    for day, pain, tags in checkins:
        if first_usual <= day < window:
            usual_days.setdefault(day, []).append(pain)
        elif window <= day <= today:
            recent.append((day, pain, tags))
    usual = (
        median(sum(p) / len(p) for p in usual_days.values())
        if len(usual_days) >= MIN_USUAL_DAYS
        else None
    )
    signs: list[FlareSign] = []
    for day, pain, tags in recent:
        if any(name_key(tag) in FLARE_TAGS for tag in tags):
            signs.append(FlareSign(day, f"a check-in tagged as a flare on {short_day(day)}"))
        elif usual is not None and pain >= usual + WELL_ABOVE_POINTS:
            signs.append(
                FlareSign(
                    day,
                    f"pain {pain} on {short_day(day)}, well above your usual {rounded(usual, 1):g}",
                )
            )
    if flare_plan_opened is not None and window <= flare_plan_opened <= today:
        signs.append(
            FlareSign(
                flare_plan_opened, f"your flare-up plan opened on {short_day(flare_plan_opened)}"
            )
        )
    return max(signs, key=lambda s: s.day, default=None)
