"""`paincoach events [add TITLE | remove N]`: the person's own marked events from the shell.

An event is a day the person wants to see on their trends: "started physiotherapy", "new
job", "moved house". `events` lists them newest first, numbered; `remove N` takes the
number from that list. What was typed is checked before standard input is read and before
the journal is opened: bad input exits 2 with the reason, and nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paincoach.cli.commands.from_stdin import FROM_STDIN, one_line, read_fields
from paincoach.core import clock
from paincoach.core.errors import InputError, NotFoundError
from paincoach.core.textsafe import echo, visible
from paincoach.core.when import parse_date
from paincoach.records.long_view import MarkedEvent

if TYPE_CHECKING:
    from paincoach.db.engine import Database
    from paincoach.journal.events import MarkedEvents

NONE_MARKED = (
    "You have not marked any events yet. Marking a day such as 'started physiotherapy' shows "
    "it on your trends, with how things went before and after. To mark one: "
    'paincoach events add "started physiotherapy" [--on YYYY-MM-DD]'
)


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """`events`, with its actions `add` and `remove`."""
    events = sub.add_parser(
        "events",
        help="days you marked, such as 'started physiotherapy'; mark or remove one",
        description="Days you marked yourself, newest first and numbered: a new treatment, a "
        "new job, a move. They show on your trends, with how things went before and after. "
        "Without an action, lists them.",
    )
    events.add_argument("--json", action="store_true", help="print JSON for scripts")
    actions = events.add_subparsers(
        dest="events_command", metavar="ACTION", parser_class=type(events)
    )
    add = actions.add_parser(
        "add",
        help="mark a day with a few words",
        description="Mark a day (today unless --on) with a few words, up to 80 characters. "
        "Quotes are not needed around several words.",
    )
    add.add_argument(
        "title",
        nargs="+",
        metavar="TITLE",
        help="what happened, e.g. started physiotherapy ('-' reads it from standard input)",
    )
    add.add_argument(
        "--on", metavar="DAY", help="the day: YYYY-MM-DD, today or yesterday (default today)"
    )
    add.add_argument(
        "--yes",
        action="store_true",
        help="save even at an unlikely date (before 2000, or a year before your first entry)",
    )
    remove = actions.add_parser(
        "remove",
        help="remove a marked event by its number in the list",
        description="Remove one marked event: N is its number in 'paincoach events'.",
    )
    remove.add_argument("number", metavar="N", help="the event's number in 'paincoach events'")


def run(args: argparse.Namespace, home: Path) -> int:
    """List the marked events, or mark a day, or remove one."""
    from paincoach.journal.events import check_title

    action: str | None = args.events_command
    if action == "add":
        day = _day(args.on)  # what was typed is checked first
        typed = " ".join(args.title)
        if typed != FROM_STDIN:
            check_title(typed)
        title = one_line(read_fields(["title"])["title"], "title") if typed == FROM_STDIN else typed
        with _Opened(home) as events:
            added = events.add(day, title, confirmed=args.yes)
        _say(f'Marked {_date(added.day)}: "{added.title}".')
        return 0
    if action == "remove":
        number = _number(args.number)
        with _Opened(home) as events:
            listed = newest_first(events.every())
            if number > len(listed):
                raise InputError("number", _no_such(number, len(listed)) + " Nothing was removed.")
            try:
                removed = events.remove(listed[number - 1].uid)
            except NotFoundError:  # removed by another paincoach since it was read
                raise InputError("number", _no_such(number, len(listed) - 1)) from None
        _say(f'Removed the event of {_date(removed.day)}: "{removed.title}".')
        return 0
    with _Opened(home) as events:
        return _list(newest_first(events.every()), as_json=args.json)


def newest_first(events: list[MarkedEvent]) -> list[MarkedEvent]:
    """The events as listed: the newest day first; on one day, the one added last first."""
    return list(reversed(events))


class _Opened:
    """The events service on the journal, closed after use."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.db: Database | None = None

    def __enter__(self) -> MarkedEvents:
        from paincoach.cli.commands.common import open_database
        from paincoach.journal.events import MarkedEvents

        self.db = open_database(self.home)
        return MarkedEvents(self.db)

    def __exit__(self, *_exc: object) -> None:
        if self.db is not None:
            self.db.close()


def _day(text: str | None) -> date:
    today = clock.today()
    if text is None:
        return today
    word = text.strip().lower()
    if word in ("today", "yesterday"):
        return today - timedelta(days=1 if word == "yesterday" else 0)
    day = parse_date(text)
    if day > today:
        raise InputError(
            "day", f"{day.day} {day:%B %Y} is still to come; mark a day once it has happened."
        )
    return day


def _number(text: str) -> int:
    word = text.strip()
    if not word.isdigit() or int(word) < 1:
        raise InputError(
            "number",
            f"'{echo(text, 20)}' is not an event's number; give the number shown by "
            "'paincoach events', for example 1.",
        )
    return int(word)


def _no_such(number: int, count: int) -> str:
    if count == 0:
        return f"There is no event {number}: you have none marked."
    listed = "1" if count == 1 else f"1 to {count}"
    return f"There is no event {number}: 'paincoach events' lists {listed}."


def _list(found: list[MarkedEvent], *, as_json: bool) -> int:
    if as_json:
        document = [
            {"number": number, "day": event.day.isoformat(), "title": event.title, "uid": event.uid}
            for number, event in enumerate(found, start=1)
        ]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not found:
        _say(NONE_MARKED)
        return 0
    width = len(str(len(found)))
    _say("Your marked events, newest first:")
    for number, event in enumerate(found, start=1):
        _say(f"  {number:>{width}}. {_date(event.day)} · {event.title}")
    return 0


def _say(line: str) -> None:
    sys.stdout.write(visible(line) + "\n")


def _date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"
