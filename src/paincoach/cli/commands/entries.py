"""`paincoach log`, `paincoach activity` and `paincoach today`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from paincoach import safety
from paincoach.core import clock
from paincoach.core.errors import InputError
from paincoach.core.rounding import decimals
from paincoach.core.when import parse_when
from paincoach.core.words import counted
from paincoach.records.entries import ActivityDraft, CheckInDraft, check_minutes, check_rating

if TYPE_CHECKING:
    from paincoach.journal.service import Journal


def run(args: argparse.Namespace, home: Path) -> int:
    """Run one of the entry commands."""
    if args.command == "log":
        return _log(args, home)
    if args.command == "activity":
        return _activity(args, home)
    return _today(home)


def read_note(flag: str | None) -> str:
    """The note from standard input when `--note -` was given; notes never come from argv."""
    if flag is None:
        return ""
    if flag != "-":
        raise InputError(
            "note",
            "Notes are read from standard input so they stay out of your shell history. "
            "Use '--note -' and type the note (end with Ctrl-D), or pipe it in.",
        )
    if sys.stdin is None:
        raise InputError("note", "There is no standard input to read the note from.")
    if sys.stdin.isatty():
        sys.stderr.write("Type your note. Finish with Ctrl-D on a new line.\n")
    return _read_text(sys.stdin)


def _read_text(stream: TextIO) -> str:
    """All of `stream` as text: UTF-8 when the bytes are UTF-8, else the stream's encoding.

    Under LC_ALL=C or PYTHONIOENCODING=ascii the stream claims ASCII, yet the person typed
    (or piped) UTF-8; decoding strictly as ASCII would crash and lose the note.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream.read()
    data = buffer.read()
    for encoding in ("utf-8", stream.encoding or "utf-8"):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise InputError(
        "note", "The note is not readable text (paincoach reads UTF-8). Nothing was saved."
    )


def _when(text: str | None) -> datetime:
    return parse_when(text) if text else clock.now()


def _open(home: Path) -> Journal:
    from paincoach.cli.commands.common import open_database
    from paincoach.journal.service import Journal

    return Journal(open_database(home))  # takes the day's backup on its first open


def _log(args: argparse.Namespace, home: Path) -> int:
    draft = CheckInDraft(
        at=_when(args.at),
        pain=check_rating(args.pain, "pain", required=True) or 0,
        mood=check_rating(args.mood, "mood"),
        sleep=check_rating(args.sleep, "sleep"),
        areas=tuple(args.area),
        tags=tuple(args.tag),
        note=read_note(args.note),
    )
    journal = _open(home)
    saved = journal.add_checkin(draft, confirmed=args.yes)
    from paincoach.cli.terminal import console
    from paincoach.records.describe import describe

    out = console()
    out.print("Saved check-in:", describe(saved, with_day=True))
    if saved.concern is not None:  # words of distress or a very low mood: the card
        from paincoach.cli.commands.support import print_card

        print_card(out, journal.db, saved.concern, "check-in")
    if safety.is_low_mood(saved.mood) or saved.pain >= safety.HIGH_PAIN:
        out.print()
        out.print(safety.HIGH_PAIN_OFFER)
    return 0


def _activity(args: argparse.Namespace, home: Path) -> int:
    draft = ActivityDraft(
        at=_when(args.at),
        name=args.name,
        minutes=check_minutes(args.minutes),
        effort=check_rating(args.effort, "effort"),
        paced=args.paced,
        note=read_note(args.note),
    )
    journal = _open(home)
    saved = journal.add_activity(draft, confirmed=args.yes)
    from rich.text import Text

    from paincoach.cli.terminal import console
    from paincoach.practice.service import Practice
    from paincoach.records.describe import describe
    from paincoach.records.plan_match import counts_for

    out = console()
    out.print("Saved activity:", describe(saved, with_day=True))
    plans = Practice(journal.db, journal).pacing_plans()
    words = counts_for(saved.name, saved.paced, plans, with_today=saved.day == journal.today())
    if words:
        out.print(Text(words))
    if saved.concern is not None:
        from paincoach.cli.commands.support import print_card

        print_card(out, journal.db, saved.concern, "activity")
    return 0


def _today(home: Path) -> int:
    from paincoach.cli.terminal import console
    from paincoach.practice.service import Practice
    from paincoach.records.describe import describe, describe_session

    journal = _open(home)
    view = journal.today_view()
    sessions = Practice(journal.db, journal).sessions_on(view.today.day)
    out = console()
    entries = view.today.entries
    out.print(f"Today, {view.today.day:%A %d %B %Y}")
    lines = [(entry.at, describe(entry)) for entry in entries]
    lines += [(session.started_at, describe_session(session)) for session in sessions]
    for _, line in sorted(lines, key=lambda pair: pair[0]):
        out.print(line)
    if not entries:
        what = "No check-ins or activities" if sessions else "Nothing logged"
        out.print(f"{what} yet today. 'paincoach log --pain N' records a check-in.")
        return 0
    figures = view.week[-1]
    if figures.pain_avg is not None:
        out.print(
            f"Average pain today {decimals(figures.pain_avg, 1)}/10 "
            f"over {counted(figures.checkins, 'check-in')}."
        )
    if figures.activity_minutes:
        out.print(
            f"Active for {figures.activity_minutes} min "
            f"({figures.activities} {'activity' if figures.activities == 1 else 'activities'})."
        )
    return 0
