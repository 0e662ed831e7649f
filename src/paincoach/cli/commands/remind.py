"""`paincoach remind [--after HH|none] [--shell bash|zsh|fish]`: a kind line, then quiet.

Plain `remind` prints one line when there is no check-in yet today, and nothing once there
is one (or before the hour set with `--after`); it exits 0 either way, so cron, a systemd
timer or a login script can run it. It answers from the day stamp (`core/day_stamp.py`)
and, when that is missing or not today's, from the journal through the standard library's
sqlite3, read-only (`db/checkin_days.py`), mending the stamp. Its path imports neither the
ORM nor pydantic nor Textual (`tests/cli/test_cli_remind.py` checks). `--after` changes a
setting, so it goes the full way (the journal opened, upgraded if need be).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from paincoach.core.errors import InputError

REMINDER = (
    "paincoach: no check-in yet today. When you have a moment: "
    "paincoach log --pain N (or just paincoach)"
)
SHELLS = ("bash", "zsh", "fish")
UNSET = ("none", "off")


def add_parser(sub: argparse._SubParsersAction[Any]) -> None:
    """`remind` and its two options."""
    remind = sub.add_parser(
        "remind",
        help="one kind line if nothing is logged today (for cron, a timer or your prompt)",
        description="Prints one kind line when there is no check-in yet today, and nothing "
        "once there is one. It always exits 0, so it can run from cron, a systemd timer or a "
        "login script. With --after, it stays quiet before that hour.",
    )
    which = remind.add_mutually_exclusive_group()
    which.add_argument(
        "--after",
        metavar="HH",
        help="from now on, stay quiet before this hour (0-23); 'none' for any time of day",
    )
    which.add_argument(
        "--shell",
        choices=SHELLS,
        help="print a snippet for your shell's rc file that nudges at the prompt",
    )


def run(args: argparse.Namespace, home: Path) -> int:
    """Remind, set the hour, or print the shell snippet."""
    if args.after is not None:
        return _set_after(home, parse_hour(args.after))
    if args.shell:
        return _print_snippet(args.shell, home, fixed_home=bool(args.home))
    from paincoach.core import clock

    try:
        line = reminder(home, clock.now())
    except CannotTellError as exc:
        sys.stderr.write(
            "paincoach: could not look in your journal to see whether you checked in today "
            f"({exc}).\n"
        )
        return 0
    if line:
        sys.stdout.write(line + "\n")
    return 0


class CannotTellError(Exception):
    """The journal is there but could not be read: whether to remind is unknown."""


def reminder(home: Path, now: datetime) -> str | None:
    """The line to print at `now`, or None: logged today, before the hour, or no journal.

    A journal that does not exist yet gets no reminder: there is no habit to keep yet.
    """
    import sqlite3

    from paincoach.core import day_stamp
    from paincoach.db import checkin_days
    from paincoach.settings import stored_remind_after

    today = now.date()
    if day_stamp.read_stamp(home) == today:
        return None
    try:
        with checkin_days.reading(home) as conn:
            after = stored_remind_after(checkin_days.stored_setting(conn, "remind_after"))
            if after is not None and now.hour < after:
                return None
            logged = checkin_days.has_checkin_on(conn, today)
            latest = checkin_days.latest_checkin_day(conn)
    except FileNotFoundError:
        return None
    except (OSError, sqlite3.Error) as exc:
        raise CannotTellError(str(exc) or type(exc).__name__) from None
    day_stamp.rewrite(home, latest)  # a stamp that was missing or stale, mended
    return None if logged else REMINDER


def parse_hour(text: str) -> int | None:
    """`--after`'s value: an hour 0-23 ('18', '18:00', '6'), or None for 'none'."""
    word = text.strip().lower()
    if word in UNSET:
        return None
    hour, _, minutes = word.partition(":")
    if hour.isdigit() and int(hour) <= 23 and minutes in ("", "00"):
        return int(hour)
    raise InputError(
        "after",
        f"'{_echo(text)}' is not an hour: use 0 to 23 (for example 18 for six in the "
        "evening), or 'none'.",
    )


def _echo(text: str) -> str:
    from paincoach.core.textsafe import echo

    return echo(text)


def _set_after(home: Path, hour: int | None) -> int:
    from paincoach.cli.commands.common import open_database, say
    from paincoach.settings import load_settings, save_settings

    db = open_database(home)
    try:
        save_settings(db, load_settings(db).with_changes(remind_after=hour))
    finally:
        db.close()
    if hour is None:
        say("paincoach remind now reminds at any time of day.")
    else:
        say(f"paincoach remind now stays quiet before {hour:02d}:00.")
    say(
        "If you use the prompt snippet, print it again (paincoach remind --shell …) "
        "and replace the old one: it keeps the hour it was printed with."
    )
    return 0


def _print_snippet(shell: str, home: Path, *, fixed_home: bool) -> int:
    import sqlite3

    from paincoach.cli.commands.remind_shell import snippet
    from paincoach.db import checkin_days
    from paincoach.settings import stored_remind_after

    try:
        with checkin_days.reading(home) as conn:
            after = stored_remind_after(checkin_days.stored_setting(conn, "remind_after"))
    except (OSError, sqlite3.Error):
        after = None  # no journal yet: no hour was set
    sys.stdout.write(snippet(shell, home, REMINDER, fixed_home=fixed_home, after=after))
    return 0
