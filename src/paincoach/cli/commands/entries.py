"""`paincoach log`, `paincoach activity` and `paincoach today`."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from paincoach.cli.commands.from_stdin import FROM_STDIN, labels, note_wanted, one_line, read_fields
from paincoach.core import clock
from paincoach.core.when import parse_when
from paincoach.records.entries import ActivityDraft, CheckInDraft, check_minutes, check_rating

if TYPE_CHECKING:
    from paincoach.db.quick import QuickStore
    from paincoach.journal.quick import QuickJournal
    from paincoach.journal.service import Journal
    from paincoach.records.concern import Concern
    from paincoach.records.entries import Activity
    from paincoach.records.today import TodayFacts


def run(args: argparse.Namespace, home: Path) -> int:
    """Run one of the entry commands."""
    if args.command == "log":
        return _log(args, home)
    if args.command == "activity":
        return _activity(args, home)
    return _today(home)


def _from_stdin(args: argparse.Namespace, fields: Sequence[str]) -> dict[str, str]:
    """Read the fields given as `-` (see `from_stdin`): tags, areas, the name, the note."""
    given = {
        "tags": FROM_STDIN in getattr(args, "tag", ()),
        "areas": FROM_STDIN in getattr(args, "area", ()),
        "name": getattr(args, "name", None) == FROM_STDIN,
        "note": note_wanted(args.note),
    }
    return read_fields([field for field in fields if given[field]])


def _labels(given: Sequence[str], read: dict[str, str], field: str) -> tuple[str, ...]:
    """The names given on the command line, with those read from standard input."""
    typed = [label for label in given if label != FROM_STDIN]
    return (*typed, *labels(read.get(field, "")))


def _when(text: str | None) -> datetime:
    return parse_when(text) if text else clock.now()


def _open(home: Path) -> Journal:
    from paincoach.cli.commands.common import open_database
    from paincoach.journal.service import Journal

    return Journal(open_database(home))  # takes the day's backup on its first open


def _open_quick(home: Path) -> QuickJournal | None:
    """The journal through `sqlite3` alone (no ORM: see `db.quick`), or None when it is new,
    needs an upgrade, is read-only or anything unusual: then the full path opens it."""
    from paincoach.journal.quick import QuickJournal

    store = _quick_store(home)
    return None if store is None else QuickJournal(store)


def _log(args: argparse.Namespace, home: Path) -> int:
    at = _when(args.at)  # what was typed is checked before anyone types into stdin
    pain = check_rating(args.pain, "pain", required=True) or 0
    mood, sleep = check_rating(args.mood, "mood"), check_rating(args.sleep, "sleep")
    read = _from_stdin(args, ("tags", "areas", "note"))
    draft = CheckInDraft(
        at=at,
        pain=pain,
        mood=mood,
        sleep=sleep,
        areas=_labels(args.area, read, "areas"),
        tags=_labels(args.tag, read, "tags"),
        note=read.get("note", ""),
    )
    fast, journal = _open_quick(home), None
    if fast is None:
        journal = _open(home)
        saved = journal.add_checkin(draft, confirmed=args.yes)
    else:
        try:
            saved = fast.add_checkin(draft, confirmed=args.yes)
        finally:
            fast.store.close()
        from paincoach.core.day_stamp import note_checkin_day

        note_checkin_day(home, saved.day)
    from paincoach.cli.commands.common import say
    from paincoach.records.concern import HIGH_PAIN, is_low_mood
    from paincoach.records.entry_lines import entry_line

    say(f"Saved check-in: {entry_line(saved, with_day=True)}")  # plain: no Rich to load
    if saved.concern is not None:  # words of distress or a very low mood: the card
        _print_card(journal or _open(home), saved.concern, "check-in")
    if is_low_mood(saved.mood) or saved.pain >= HIGH_PAIN:
        import shutil
        import textwrap

        from paincoach import safety

        say("")  # a paragraph, wrapped at words to the terminal's width (as Rich did)
        say(textwrap.fill(safety.HIGH_PAIN_OFFER, shutil.get_terminal_size().columns))
    return 0


def _activity(args: argparse.Namespace, home: Path) -> int:
    at = _when(args.at)  # what was typed is checked before anyone types into stdin
    minutes, effort = check_minutes(args.minutes), check_rating(args.effort, "effort")
    read = _from_stdin(args, ("name", "note"))
    draft = ActivityDraft(
        at=at,
        name=one_line(read["name"], "name") if "name" in read else args.name,
        minutes=minutes,
        effort=effort,
        paced=args.paced,
        note=read.get("note", ""),
    )
    fast, journal = _open_quick(home), None
    if fast is None:
        journal = _open(home)
        saved = journal.add_activity(draft, confirmed=args.yes)
        words = _plan_words(journal, saved)
    else:
        from paincoach.practice.plan_views import quick_plans
        from paincoach.records.plan_match import counts_for

        today = fast.today()
        try:
            saved = fast.add_activity(draft, confirmed=args.yes)
            plans = quick_plans(fast.store, today)
        finally:
            fast.store.close()
        words = counts_for(saved.name, saved.paced, plans, with_today=saved.day == today)
    from paincoach.cli.commands.common import say
    from paincoach.records.entry_lines import entry_line

    say(f"Saved activity: {entry_line(saved, with_day=True)}")
    if words:
        say(words)
    if saved.concern is not None:
        _print_card(journal or _open(home), saved.concern, "activity")
    return 0


def _plan_words(journal: Journal, saved: Activity) -> str:
    """Which pacing plan the saved activity counts for, with today's minutes against it."""
    from paincoach.practice.service import Practice
    from paincoach.records.plan_match import counts_for

    plans = Practice(journal.db, journal).pacing_plans()
    return counts_for(saved.name, saved.paced, plans, with_today=saved.day == journal.today())


def _print_card(journal: Journal, concern: Concern, saved: str) -> None:
    """The support card (rare: it reads the settings and the safety plan on the full path)."""
    import sys

    from paincoach.cli.commands.support import print_card
    from paincoach.cli.terminal import console

    sys.stdout.flush()  # after the plain lines written before it
    print_card(console(), journal.db, concern, saved)


def _today(home: Path) -> int:
    from paincoach.records.today import today_lines

    fast = _quick_store(home)
    if fast is not None:
        from paincoach.cli.plain_out import print_lines
        from paincoach.practice.quick_today import quick_today

        try:
            facts = quick_today(fast, home, clock.today())
        finally:
            fast.close()
        print_lines(today_lines(facts))  # Rich's wrapping, without loading Rich
        return 0
    from rich.text import Text

    from paincoach.cli.terminal import console

    out = console()
    for line in today_lines(_full_today(home)):
        out.print(Text(line))
    return 0


def _quick_store(home: Path) -> QuickStore | None:
    """The journal through `sqlite3` alone for reading, with the day's backup taken."""
    from paincoach.cli.commands.common import backup_today, say_waiting
    from paincoach.db.quick import QuickStore

    store = QuickStore.open(home)
    if store is not None:
        store.on_import_wait = say_waiting
        backup_today(store.path)  # the day's backup on its first open, as `open_database` does
    return store


def _full_today(home: Path) -> TodayFacts:
    """Today's facts through the services (the ORM): a new journal, an upgrade, read-only."""
    from paincoach.exercises.loader import load_library
    from paincoach.journal.treatments import Treatments
    from paincoach.practice.course import Courses
    from paincoach.practice.service import Practice
    from paincoach.records.today import TodayFacts

    journal = _open(home)
    view = journal.today_view()
    day = view.today.day
    practice = Practice(journal.db, journal)
    plans = practice.pacing_plans()
    sign = practice.pacing.flare_offer() if plans else None
    return TodayFacts(
        day=day,
        entries=view.today.entries,
        figures=view.week[-1],
        sessions=practice.sessions_on(day),
        doses=Treatments(journal.db).doses_on(day),
        plans=plans,
        flare_sign=None if sign is None else sign.what,
        course=Courses(journal.db, lambda: load_library(home), home).today(),
    )
