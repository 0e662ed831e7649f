"""`paincoach trends [--months 3|6|12|all] [--json] [--show pain|mood|sleep]`: the long view.

A table of months (or, over 3 months, of the person's weeks): the mean of day means, its
moving average, the lowest and highest day, days logged and activity minutes; then the
marked events, each with its before-and-after words (observations, never causes). `--json`
gives the monthly means by month `YYYY-MM`, the periods, the events and the before-and-after
figures (docs/long-view-shell.md has the shape). The parser is imported for every command:
the drawing is in `trends_view`, the journal is opened only in `run`.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.cli.commands.calendar import add_show, ask_long_view
from paincoach.core.errors import InputError
from paincoach.core.rounding import rounded
from paincoach.core.textsafe import echo
from paincoach.records.long_view import (
    MEASURES,
    BeforeAndAfter,
    MarkedEvent,
    Measure,
    PeriodFigures,
    Trends,
    check_measure,
    mean_of_days,
)

if TYPE_CHECKING:
    from paincoach.review.long_view import LongView

SPANS: dict[str, int | None] = {"3": 3, "6": 6, "12": 12, "all": None}
DEFAULT_SPAN = "12"
JSON_FORMAT, JSON_VERSION = "paincoach-trends", 1


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """`trends` and its options."""
    trends = sub.add_parser(
        "trends",
        help="months (or weeks) side by side: means, moving average, spread and events",
        description="Your months side by side (weeks over 3 months): the mean of each day's "
        "mean, a moving average (3 months, or 4 weeks), the lowest and highest day, days "
        "logged and activity minutes; then marked events (your own, treatments, pacing "
        "plans, course weeks) with what the weeks before and after them show. Default: the "
        "last 12 months, pain.",
    )
    trends.add_argument(
        "--months", metavar="3|6|12|all", default=DEFAULT_SPAN, help="how far back (default: 12)"
    )
    trends.add_argument("--json", action="store_true", help="print JSON for scripts")
    add_show(trends)


def check_span(text: str) -> int | None:
    """'3', '6', '12' or 'all' → 3, 6, 12 or None (all time); otherwise an `InputError`."""
    wanted = text.strip().lower()
    if wanted not in SPANS:
        raise InputError("months", f"'{echo(text)}' cannot be used; choose 3, 6, 12 or all.")
    return SPANS[wanted]


def run(args: argparse.Namespace, home: Path) -> int:
    """Print the trends asked for, as a table or as JSON."""
    measure = check_measure(args.show)
    months = check_span(args.months)

    def ask(view: LongView) -> tuple[Trends, dict[str, dict[str, float | None]]]:
        found = view.trends(months, measure=measure)
        return found, monthly_means(found, view) if args.json else {}

    found, means = ask_long_view(home, ask)
    if args.json:
        import json
        import sys

        json.dump(document(found, measure, means), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from paincoach.cli.commands.trends_view import show
    from paincoach.cli.terminal import console

    show(console(), found, measure)
    return 0


# -- the monthly means --------------------------------------------------------------------------


def months_of(first: date, last: date) -> list[date]:
    """The first day of each month from the one holding `first` to the one holding `last`."""
    found, month = [], first.replace(day=1)
    while month <= last:
        found.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return found


def monthly_means(found: Trends, view: LongView) -> dict[str, dict[str, float | None]]:
    """Each month's mean of day means of every measure, by 'YYYY-MM' (inside the span only).

    Monthly periods give them as they are; weekly ones (3 months) ask for each month.
    """
    if found.grain == "month":
        return {p.label: {m: _mean(p, m) for m in MEASURES} for p in found.periods}
    means: dict[str, dict[str, float | None]] = {}
    for month in months_of(found.first, found.last):
        days = [d for d in view.month(month).days.values() if found.first <= d.day <= found.last]
        means[f"{month:%Y-%m}"] = {
            m: None if (v := mean_of_days(days, m)) is None else rounded(v, 1) for m in MEASURES
        }
    return means


def _mean(period: PeriodFigures, measure: Measure) -> float | None:
    spread = period.spread(measure)
    return None if spread is None else rounded(spread.mean, 1)


def _one(value: float | None) -> float | None:
    return None if value is None else rounded(value, 1)


# -- JSON ---------------------------------------------------------------------------------------


def document(
    found: Trends, measure: Measure, means: dict[str, dict[str, float | None]]
) -> dict[str, Any]:
    """The JSON document (format `paincoach-trends`, version 1); figures to one decimal."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "measure": measure,
        "months": found.months,
        "grain": found.grain,
        "first": found.first.isoformat(),
        "last": found.last.isoformat(),
        "monthly_means": means,
        "periods": [_period(p) for p in found.periods],
        "events": [_event(e) for e in found.events],
        "before_after": [_before_after(b) for b in found.before_after],
    }


def _period(period: PeriodFigures) -> dict[str, Any]:
    spreads: dict[str, dict[str, float] | None] = {}
    for m in MEASURES:
        spread = period.spread(m)
        spreads[m] = (
            None
            if spread is None
            else {
                "mean": rounded(spread.mean, 1),
                "lowest": rounded(spread.lowest, 1),
                "highest": rounded(spread.highest, 1),
                "days": spread.days,
            }
        )
    return {
        "label": period.label,
        "first": period.first.isoformat(),
        "last": period.last.isoformat(),
        "days_logged": period.days_logged,
        "activity_minutes": period.activity_minutes,
        **spreads,
        "moving_average": {m: _one(v) for m, v in period.moving_average.items()},
    }


def _event(event: MarkedEvent) -> dict[str, Any]:
    return {"day": event.day.isoformat(), "kind": event.kind, "title": event.title}


def _before_after(found: BeforeAndAfter) -> dict[str, Any]:
    return {
        "event": _event(found.event),
        "measure": found.measure,
        "window_days": found.window_days,
        "days_before": found.days_before,
        "days_after": found.days_after,
        "mean_before": _one(found.mean_before),
        "mean_after": _one(found.mean_after),
        "enough": found.enough,
        "needs": found.needs,
        "words": found.words,
    }
