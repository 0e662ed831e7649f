"""The command line: quick logging and reports without opening the app.

This path never imports Textual, and imports the database layer only for commands that
need it, so that a one-line log feels instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from paincoach import __version__
from paincoach.core.errors import InputError, PaincoachError, UnlikelyDateError

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2
#: The capture commands: their grammar is built alone, without the other commands' modules
#: (whose imports cost `paincoach log` a tenth of its time, issue 18).
QUICK_COMMANDS = ("log", "activity", "today", "remind")


class _Parser(argparse.ArgumentParser):
    """argparse, but bad usage exits 2 with a short, kind message."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(
            f"paincoach: {message}\nTry 'paincoach {self._sub_hint()}--help' for more.\n"
        )
        raise SystemExit(EXIT_BAD_INPUT)

    def _sub_hint(self) -> str:
        words = self.prog.split()[1:]
        return " ".join(words) + " " if words else ""


def build_parser(*, quick_only: bool = False) -> argparse.ArgumentParser:
    """The full command-line grammar (`quick_only`: with only the `QUICK_COMMANDS`)."""
    parser = _Parser(
        prog="paincoach",
        description="A coping journal for living with chronic pain. "
        "Run without a command to open the app.",
        epilog="paincoach is self-help, not medical care. "
        "In an emergency, call your local emergency number.",
    )
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="data folder (default: $PAINCOACH_HOME or your user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"paincoach {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full error details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    log = sub.add_parser(
        "log", help="record a check-in", description="Record how you are right now."
    )
    log.add_argument(
        "--pain", required=True, metavar="N", help="pain 0-10 (0 no pain, 10 worst imaginable)"
    )
    log.add_argument("--mood", metavar="N", help="mood 0-10 (0 very low, 10 very good)")
    log.add_argument("--sleep", metavar="N", help="sleep quality 0-10 (0 terrible, 10 excellent)")
    log.add_argument(
        "--area",
        action="append",
        default=[],
        metavar="AREA",
        help="a pain area (repeat for more; '-' reads them from standard input)",
    )
    log.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="a tag (repeat for more; '-' reads them from standard input)",
    )
    _add_when_and_note(log)

    act = sub.add_parser(
        "activity", help="record an activity", description="Record something you did."
    )
    act.add_argument("name", help="what you did, e.g. walk ('-' reads it from standard input)")
    act.add_argument("minutes", help="how long, in minutes (1-1440)")
    act.add_argument("--effort", metavar="N", help="effort 0-10 (0 no effort, 10 maximum)")
    act.add_argument("--paced", action="store_true", help="it was paced (planned, with breaks)")
    _add_when_and_note(act)

    sub.add_parser("today", help="show today's entries")
    from paincoach.cli.commands import remind

    remind.add_parser(sub)
    if quick_only:
        return parser
    help_now = sub.add_parser("help-now", help="emergency and crisis lines, and your contacts")
    help_now.add_argument(
        "--region", metavar="CODE", help="region code, e.g. US, CA, GB, IE, EU, INT"
    )
    sub.add_parser("doctor", help="locations, versions and a full integrity check")
    _add_exercises(sub)
    _add_week(sub)
    from paincoach.cli.commands import (
        calendar,
        course,
        data,
        events,
        pacing,
        treatments,
        trends,
    )

    data.add_parsers(sub)
    course.add_parser(sub)
    pacing.add_parser(sub)
    treatments.add_parsers(sub)
    calendar.add_parser(sub)
    trends.add_parser(sub)
    events.add_parser(sub)
    return parser


def _add_exercises(sub: argparse._SubParsersAction[_Parser]) -> None:
    exercises = sub.add_parser(
        "exercises",
        help="list the exercises, or check exercise files you wrote",
        description="The exercise library: bundled exercises and your own files.",
    )
    actions = exercises.add_subparsers(
        dest="exercises_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    actions.add_parser("list", help="the exercises, grouped by kind")
    check = actions.add_parser(
        "check",
        help="check exercise files or folders; every problem is listed",
        description="Check exercise files (or folders of them, or shared list files). "
        "Every problem is listed with its file, line and field; the exit status is 2 if "
        "there are any.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a .toml file or a folder")


def _add_week(sub: argparse._SubParsersAction[_Parser]) -> None:
    week = sub.add_parser(
        "week",
        help="a week's figures, compared with the week before and your first two weeks",
        description="How a week went: pain, mood, sleep, activity, pacing, exercises and the "
        "weekly check, each compared with the week before and with your first two weeks; "
        "then what your entries show. Weeks are named by ISO week (Monday-based); when your "
        "week starts on another day, 2026-W47 means your week that holds ISO week 47's "
        "Thursday. Default: this week.",
    )
    which = week.add_mutually_exclusive_group()
    which.add_argument("--week", metavar="YYYY-Www", help="an ISO week, e.g. 2026-W47")
    which.add_argument("--date", metavar="YYYY-MM-DD", help="the week that holds this date")
    week.add_argument("--json", action="store_true", help="print JSON for scripts")


def _add_when_and_note(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--at",
        metavar="WHEN",
        help="when: 'HH:MM' (today), 'YYYY-MM-DD HH:MM', 'yesterday [HH:MM]' (default now)",
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help="save even at an unlikely date (before 2000, or a year before your first entry)",
    )
    parser.add_argument(
        "--note",
        metavar="-",
        help="read a note from standard input (notes are never taken from the command line, "
        "so they stay out of your shell history; with other fields as '-', see the README)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run paincoach from the command line; returns the exit status."""
    _make_output_safe()
    args = build_parser(quick_only=_quick_command(argv)).parse_args(argv)
    try:
        return _dispatch(args)
    except UnlikelyDateError as exc:
        _tell(f"{exc.message} Nothing was saved; add --yes to save it.")
        return EXIT_BAD_INPUT
    except InputError as exc:
        _tell(exc.message)
        return EXIT_BAD_INPUT
    except PaincoachError as exc:
        _tell(exc.message)
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("\npaincoach: stopped; nothing more was saved.\n")
        return 130
    except BrokenPipeError:  # `paincoach pacing | head -1`: the reader has what it wanted
        _quiet_stdout()
        return EXIT_ERROR  # as Rich's own output does, and Python's documentation suggests
    except Exception as exc:  # the last line of defence: no traceback for users
        if args.debug:
            raise
        from paincoach.core.textsafe import echo

        sys.stderr.write(
            f"paincoach: something went wrong ({type(exc).__name__}: {echo(exc, 200)}).\n"
            "Anything you saw saved is safe. Run again with --debug to see the details.\n"
        )
        return EXIT_ERROR


def _quick_command(argv: Sequence[str] | None) -> bool:
    """Whether the command line names one of the `QUICK_COMMANDS` (after --home, --debug)."""
    words = list(sys.argv[1:] if argv is None else argv)
    while words and (words[0] == "--debug" or words[0].startswith("--home")):
        skip = 2 if words[0] == "--home" else 1
        words = words[skip:]
    return bool(words) and words[0] in QUICK_COMMANDS


def _tell(message: str) -> None:
    """A message on stderr; the last guard against a user's control characters in it."""
    from paincoach.core.textsafe import visible

    sys.stderr.write(f"paincoach: {visible(message)}\n")


def _dispatch(args: argparse.Namespace) -> int:
    home = _home(args)
    if args.command is None:
        from paincoach.app import run_app

        return run_app(home)
    if args.command in ("log", "activity", "today"):
        from paincoach.cli.commands import entries

        return entries.run(args, home)
    if args.command == "exercises":
        from paincoach.cli.commands import exercises

        return exercises.run(args, home)
    if args.command in ("export", "import", "backup", "restore"):
        from paincoach.cli.commands import data
        from paincoach.core import startup

        startup.resume()  # these may handle years of records: collect as usual
        return data.run(args, home)
    if args.command == "week":
        from paincoach.cli.commands import week

        return week.run(args, home)
    if args.command == "course":
        from paincoach.cli.commands import course

        return course.run(args, home)
    if args.command == "pacing":
        from paincoach.cli.commands import pacing

        return pacing.run(args, home)
    if args.command == "remind":
        from paincoach.cli.commands import remind

        return remind.run(args, home)
    if args.command in ("took", "treatments"):
        from paincoach.cli.commands import treatments

        return treatments.run(args, home)
    if args.command in ("calendar", "trends"):
        from paincoach.cli.commands import calendar, trends

        return (calendar if args.command == "calendar" else trends).run(args, home)
    if args.command == "events":
        from paincoach.cli.commands import events

        return events.run(args, home)
    from paincoach.cli.commands import info

    return info.run(args, home)


def _home(args: argparse.Namespace) -> Path:
    from paincoach.core.paths import resolve_home

    return resolve_home(args.home)


def _quiet_stdout() -> None:
    """Point standard output at the null device, so the exit's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _make_output_safe() -> None:
    # Under LC_ALL=C or PYTHONIOENCODING=ascii, print what can be printed rather than crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
