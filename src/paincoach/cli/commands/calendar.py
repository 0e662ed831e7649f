"""`paincoach calendar [--month YYYY-MM | --year YYYY] [--show pain|mood|sleep]`: days at a glance.

A month is a grid of the person's weeks; a year is twelve rows of days with each month's
mean at the end. Every day shows its rounded mean as a digit, so the grid reads without
colour (NO_COLOR, a pipe, colour-blind eyes); colour only adds a shade, darker for a harder
day. A day without a check-in shows `·`, never 0. This module is imported for every command
(its parser): the drawing is in `calendar_view`, the journal is opened only in `run`.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from paincoach.core import clock
from paincoach.core.errors import InputError
from paincoach.core.textsafe import echo
from paincoach.core.when import check_year
from paincoach.records.long_view import check_measure

if TYPE_CHECKING:
    from paincoach.review.long_view import LongView

T = TypeVar("T")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """`calendar` and its options."""
    cal = sub.add_parser(
        "calendar",
        help="a month (or a year) of days, each with its mean pain, mood or sleep",
        description="A month as a grid of your weeks, or a year as twelve rows of days, each "
        "day with its mean (rounded) and, where colour is on, a shade: darker is a harder "
        "day. '·' is a day without a check-in. Default: this month, pain.",
    )
    which = cal.add_mutually_exclusive_group()
    which.add_argument("--month", metavar="YYYY-MM", help="a month, e.g. 2026-11")
    which.add_argument(
        "--year",
        metavar="YYYY",
        nargs="?",
        const="",
        help="a whole year, e.g. 2026 (this year when left out)",
    )
    add_show(cal)


def add_show(parser: argparse.ArgumentParser) -> None:
    """`--show pain|mood|sleep` (checked by `check_measure`, so a bad value exits 2)."""
    parser.add_argument(
        "--show", metavar="pain|mood|sleep", default="pain", help="what to show (default: pain)"
    )


def run(args: argparse.Namespace, home: Path) -> int:
    """Print the month or the year asked for."""
    measure = check_measure(args.show)
    from paincoach.cli.commands.calendar_view import show_month, show_year
    from paincoach.cli.terminal import console

    out = console()
    if args.year is not None:
        year = parse_year(args.year) if args.year else clock.today().year
        show_year(out, ask_long_view(home, lambda v: v.year(year)), measure, clock.today())
        return 0
    first = parse_month(args.month) if args.month else clock.today().replace(day=1)
    show_month(out, ask_long_view(home, lambda v: v.month(first)), measure, clock.today())
    return 0


def ask_long_view(home: Path, ask: Callable[[LongView], T]) -> T:
    """One answer from the long view of the journal at `home`, which is closed again after."""
    from paincoach.services import Services

    services = Services(home)
    try:
        return ask(services.long_view)
    finally:
        services.close()


def parse_month(text: str) -> date:
    """'2026-11' → 1 Nov 2026, or an `InputError` that shows the form."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InputError("month", f"'{echo(text)}' is not a month; use YYYY-MM, e.g. 2026-11.")
    return date(check_year(int(match.group(1)), "month", text), int(match.group(2)), 1)


def parse_year(text: str) -> int:
    """'2026' → 2026, or an `InputError`."""
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise InputError("year", f"'{echo(text)}' is not a year; use YYYY, e.g. 2026.")
    return check_year(int(text), "year", text)
